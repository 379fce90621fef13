"""Forms for study sessions, leave, roll corrections and notes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from centers.scoping import members_of
from intranet import staff_dates
from intranet.form_fields import DateInput, UserChoiceField, staff_users
from intranet.list_filters import EARLIEST_YEAR, AsciiIntegerField, id_field, latest_year
from intranet.study.models import Attendance, LeaveRequest, StudyNote, StudyPlan, StudySession
from intranet.uploads import DOCUMENT_TYPES, CheckedFileField


class TimeInput(forms.TimeInput):
    input_type = "time"


class SessionForm(forms.ModelForm):
    host = UserChoiceField(label=_("主持人"), queryset=None)
    material_file = CheckedFileField(
        label=_("材料附件"), allowed=DOCUMENT_TYPES, max_bytes=10 * 1024 * 1024
    )

    class Meta:
        model = StudySession
        fields = [
            "plan",
            "date",
            "start_time",
            "end_time",
            "topic",
            "kind",
            "host",
            "place",
            "materials",
            "material_file",
        ]
        widgets = {"date": DateInput(), "start_time": TimeInput(), "end_time": TimeInput()}

    def __init__(self, *args, center, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the session's center's plans and staff: another center's id is not a choice.
        self.instance.center = center
        self.fields["plan"].queryset = StudyPlan.objects.filter(center=center)
        self.fields["host"].queryset = members_of(staff_users(), center)

    def clean_date(self):
        value = self.cleaned_data.get("date")
        # Old sessions stay editable; a newly typed date must be near today.
        if value and "date" in self.changed_data:
            staff_dates.within_a_year(value, _("学习日期"))
        return value


class LeaveForm(forms.ModelForm):
    class Meta:
        model = LeaveRequest
        fields = ["kind", "reason"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 3})}


class RollCorrectionForm(forms.Form):
    user = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("考勤"), choices=Attendance.Status.choices)
    reason = forms.CharField(label=_("更正原因"), max_length=200)


class SignInForm(forms.Form):
    code = forms.CharField(
        label=_("签到码"),
        max_length=6,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9]{6}"}
        ),
    )


class NoteForm(forms.ModelForm):
    class Meta:
        model = StudyNote
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}


class AttendanceFilterForm(forms.Form):
    year = AsciiIntegerField(label=_("年度"), required=False, min_value=EARLIEST_YEAR)
    user = id_field(_("人员"))

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year is not None and year > latest_year():
            raise forms.ValidationError(_("年度不能晚于 %(y)s。") % {"y": latest_year()})
        return year
