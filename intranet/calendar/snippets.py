"""The holiday arrangement's admin screen (grouped with the study plan in intranet/wagtail_hooks.py)."""

from wagtail.snippets.views.snippets import SnippetViewSet

from intranet.calendar.models import CalendarDay


class CalendarDayViewSet(SnippetViewSet):
    model = CalendarDay
    # The address it had before the app split, so administrators' bookmarks still work.
    url_prefix = "snippets/intranet/calendarday"
    icon = "date"
    menu_label = "节假日安排"
    list_display = ["date", "kind", "name"]
    list_filter = ["kind"]
    ordering = ["-date"]
