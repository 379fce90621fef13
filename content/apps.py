from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = _("公开内容")

    def ready(self):
        from content import document_review, signals  # noqa: F401  (signals: department editors)

        # Documents linked from live pages change only through a reviewer.
        document_review.register()
