"""Query-string filters of the intranet lists and reports, each validated by a form.

A filter that does not validate (a superscript digit, a month in year 9999, an id with
thirty digits) is dropped as a whole: the list is shown unfiltered with a message,
never a server error and never a half-applied filter.
"""

import datetime as dt

from django import forms
from django.contrib import messages
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from intranet.models import Disclosure

NO_WINDOW = "none"
# Database integer columns are 32-bit; anything larger cannot be a row.
MAX_ID = 2**31 - 1
EARLIEST_YEAR = 2000


def latest_year():
    return timezone.localdate().year + 1


class AsciiIntegerField(forms.IntegerField):
    """An integer typed in ASCII digits: int() also takes '１２' and Python's str.isdigit '²'."""

    def to_python(self, value):
        if value not in self.empty_values and not str(value).isascii():
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


def id_field(label):
    return AsciiIntegerField(label=label, required=False, min_value=1, max_value=MAX_ID)


class ComplaintFilterForm(forms.Form):
    state = forms.ChoiceField(
        label=gettext_lazy("状态"),
        required=False,
        choices=[
            (k, k)
            for k in ("received", "open", "overdue", "replied", "closed", "not_accepted", "all")
        ],
    )
    window = forms.CharField(label=gettext_lazy("窗口"), required=False, max_length=12)
    month = forms.CharField(label=gettext_lazy("月份"), required=False, max_length=7)
    ontime = forms.ChoiceField(
        label=gettext_lazy("是否按时"), required=False, choices=[("0", "0"), ("1", "1")]
    )
    mine = forms.ChoiceField(label=gettext_lazy("我承办的"), required=False, choices=[("1", "1")])

    def clean_window(self):
        """None, NO_WINDOW (complaints naming no window) or a window id."""
        value = self.cleaned_data["window"]
        if not value:
            return None
        if value == NO_WINDOW:
            return NO_WINDOW
        return id_field("").clean(value)

    def clean_month(self):
        """The first day of the month, for a month written YYYY-MM in a sensible range."""
        value = self.cleaned_data["month"]
        if not value:
            return None
        try:
            start = dt.datetime.strptime(value, "%Y-%m").date() if value.isascii() else None
        except ValueError:
            start = None
        if start is None or not EARLIEST_YEAR <= start.year <= latest_year():
            raise forms.ValidationError(_("月份应写成“年-月”，如 2026-03。"))
        return start


class AttendanceFilterForm(forms.Form):
    year = AsciiIntegerField(label=gettext_lazy("年度"), required=False, min_value=EARLIEST_YEAR)
    user = id_field(gettext_lazy("人员"))

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year is not None and year > latest_year():
            raise forms.ValidationError(_("年度不能晚于 %(y)s。") % {"y": latest_year()})
        return year


class DisclosureFilterForm(forms.Form):
    category = forms.ChoiceField(
        label=gettext_lazy("类别"), required=False, choices=Disclosure.Category.choices
    )
    unread = forms.ChoiceField(label=gettext_lazy("未读"), required=False, choices=[("1", "1")])


class ReadsFilterForm(forms.Form):
    show = forms.ChoiceField(
        label=gettext_lazy("阅读情况"),
        required=False,
        choices=[("read", "read"), ("unread", "unread")],
    )


def read_filters(request, form_class):
    """The form's cleaned filters, or every filter empty (and a message) if any is invalid."""
    form = form_class(request.GET)
    if form.is_valid():
        return form.cleaned_data
    labels = "、".join(str(form.fields[name].label) for name in form.errors if name in form.fields)
    messages.warning(
        request, _("筛选条件无效（%(fields)s），已显示全部记录。") % {"fields": labels}
    )
    return dict.fromkeys(form.fields)
