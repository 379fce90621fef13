"""Admin registration: editors maintain search synonyms as a snippet."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "search"
    menu_label = _("搜索同义词")
    list_display = ["terms", "note", "updated_at"]
    search_fields = ["terms", "note"]
    # Chinese is not tokenised by the database backend; icontains finds any term.
    search_backend_name = None
    add_to_admin_menu = True
    menu_order = 900


register_snippet(SynonymGroupViewSet)
