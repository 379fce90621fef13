"""Filters of the public list of completion announcements (办结公告): month and department."""

import datetime
import re

from django import forms
from django.utils.translation import gettext_lazy as _

from content.models.organisation import Department

MONTH_PATTERN = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


class AnnouncementFilterForm(forms.Form):
    month = forms.ChoiceField(label=_("办结月份"), required=False)
    department = forms.ChoiceField(label=_("承办部门"), required=False)

    def __init__(self, data, *, announcements):
        super().__init__(data)
        months = announcements.order_by().dates("completed_on", "month", order="DESC")
        self.fields["month"].choices = [("", _("全部月份"))] + [
            (f"{m:%Y-%m}", f"{m.year}年{m.month}月") for m in months
        ]
        departments = Department.objects.filter(
            announcements__in=announcements.order_by()
        ).distinct()
        self.fields["department"].choices = [("", _("全部部门"))] + [
            (d.slug, d.name) for d in departments
        ]

    def filter(self, announcements):
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        match = MONTH_PATTERN.match(data.get("month") or "")
        if match:
            year, month = int(match[1]), int(match[2])
            first = datetime.date(year, month, 1)
            following = datetime.date(year + month // 12, month % 12 + 1, 1)
            announcements = announcements.filter(
                completed_on__gte=first, completed_on__lt=following
            )
        if data.get("department"):
            announcements = announcements.filter(department__slug=data["department"])
        return announcements
