from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal.health import ready

urlpatterns = [
    path("healthz/ready", ready, name="ready"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("portal.public_urls")),
    path("search/", include("search.urls")),
    path("intranet/", include("intranet.urls")),
    path("", include("intranet.cases.public_urls")),
    path("", include("intranet.questions.public_urls")),
    path("", include("intranet.inforequests.public_urls")),
    path("", include("intranet.bookings.public_urls")),
    path("captcha/", include("captcha.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
