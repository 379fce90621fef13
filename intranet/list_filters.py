"""Query-string filters of the intranet lists and reports, each validated by a form.

A filter that does not validate (a superscript digit, a month in year 9999, an id with
thirty digits) is dropped as a whole: the list is shown unfiltered with a message,
never a server error and never a half-applied filter.
"""

from django import forms
from django.contrib import messages
from django.utils import timezone
from django.utils.translation import gettext as _

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
