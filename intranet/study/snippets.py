"""The study plan's admin screens (grouped with the holiday arrangement in intranet/wagtail_hooks.py)."""

from wagtail.snippets.views.snippets import SnippetViewSet

from intranet.study.models import StudyPlan, StudySession


class StudyPlanViewSet(SnippetViewSet):
    model = StudyPlan
    # The addresses they had before the app split, so administrators' bookmarks still work.
    url_prefix = "snippets/intranet/studyplan"
    icon = "list-ul"
    list_display = ["year", "title"]


class StudySessionViewSet(SnippetViewSet):
    model = StudySession
    url_prefix = "snippets/intranet/studysession"
    icon = "group"
    list_display = ["date", "topic", "kind", "host", "place"]
    list_filter = ["kind", "plan"]
    ordering = ["-date"]
