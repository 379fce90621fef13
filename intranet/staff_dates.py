"""Bounds on dates staff type in: a typo such as 0226 for 2026 or a wrong year is refused.

A date more than a year away from today is almost always a mistake; where an old date
can be genuine (a complaint letter found in a drawer) the form asks for the reason.
"""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _

RECENT = dt.timedelta(days=366)
EARLIEST = dt.date(2000, 1, 1)


def _as_date(value):
    return timezone.localtime(value).date() if isinstance(value, dt.datetime) else value


def not_before_earliest(value, label):
    if _as_date(value) < EARLIEST:
        raise forms.ValidationError(
            _("%(label)s不能早于 %(d)s。") % {"label": label, "d": EARLIEST.isoformat()}
        )


def within_a_year(value, label):
    """Neither more than a year ago nor more than a year ahead."""
    not_before_earliest(value, label)
    day, today = _as_date(value), timezone.localdate()
    if day < today - RECENT:
        raise forms.ValidationError(_("%(label)s不能早于一年前。") % {"label": label})
    if day > today + RECENT:
        raise forms.ValidationError(_("%(label)s不能晚于一年后。") % {"label": label})


def is_older_than_a_year(value):
    return _as_date(value) < timezone.localdate() - RECENT
