"""Admin screens for the holiday arrangement and the study plan (the rest is in the intranet itself)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from intranet.calendar.snippets import CalendarDayViewSet
from intranet.study.snippets import StudyPlanViewSet, StudySessionViewSet


class IntranetGroup(SnippetViewSetGroup):
    menu_label = "内网管理"
    menu_icon = "cog"
    items = (CalendarDayViewSet, StudyPlanViewSet, StudySessionViewSet)


register_snippet(IntranetGroup)
