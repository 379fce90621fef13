"""Admin screens for the holiday arrangement and the study plan (the rest is in the intranet itself)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from intranet.models import CalendarDay, StudyPlan, StudySession


class CalendarDayViewSet(SnippetViewSet):
    model = CalendarDay
    icon = "date"
    menu_label = "节假日安排"
    list_display = ["date", "kind", "name"]
    list_filter = ["kind"]
    ordering = ["-date"]


class StudyPlanViewSet(SnippetViewSet):
    model = StudyPlan
    icon = "list-ul"
    list_display = ["year", "title"]


class StudySessionViewSet(SnippetViewSet):
    model = StudySession
    icon = "group"
    list_display = ["date", "topic", "kind", "host", "place"]
    list_filter = ["kind", "plan"]
    ordering = ["-date"]


class IntranetGroup(SnippetViewSetGroup):
    menu_label = "内网管理"
    menu_icon = "cog"
    items = (CalendarDayViewSet, StudyPlanViewSet, StudySessionViewSet)


register_snippet(IntranetGroup)
