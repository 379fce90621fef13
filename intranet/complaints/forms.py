"""Intranet forms for recording and handling complaints."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intranet import staff_dates
from intranet.center_choices import roster_of, staff_of, windows_of
from intranet.complaints.models import Complaint
from intranet.complaints.personal_data import personal_data_problems
from intranet.form_fields import (
    DateInput,
    DateTimeInput,
    UserChoiceField,
    phone_validator,
)
from intranet.list_filters import EARLIEST_YEAR, NO_WINDOW, id_field, latest_year
from intranet.uploads import COMPLAINT_TYPES, MultipleFileField

MAX_COMPLAINT_FILE = 5 * 1024 * 1024


class StaffComplaintForm(forms.ModelForm):
    """A phone, oral or written complaint entered by the staff member who received it."""

    attachments = MultipleFileField(
        label=_("附件（照片或扫描件）"),
        allowed=COMPLAINT_TYPES,
        max_bytes=MAX_COMPLAINT_FILE,
        max_files=3,
    )
    late_entry_reason = forms.CharField(
        label=_("补录原因"),
        help_text=_("收到时间早于一年前时必填，记入办理记录（不对投诉人公开）"),
        required=False,
        max_length=200,
    )

    class Meta:
        model = Complaint
        fields = [
            "channel",
            "received_at",
            "content",
            "target_description",
            "occurred_on",
            "complainant_name",
            "complainant_phone",
        ]
        widgets = {"received_at": DateTimeInput(), "occurred_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["channel"].choices = [
            c for c in Complaint.Channel.choices if c[0] != Complaint.Channel.ONLINE
        ]
        self.fields["received_at"].input_formats = [
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M",
            "%Y-%m-%d %H:%M:%S",
        ]
        self.fields["complainant_phone"].validators.append(phone_validator)

    def clean_received_at(self):
        value = self.cleaned_data["received_at"]
        if value and value > timezone.now():
            raise forms.ValidationError(_("收到时间不能晚于现在。"))
        if value:
            staff_dates.not_before_earliest(value, _("收到时间"))
        return value

    def clean(self):
        data = super().clean()
        received = data.get("received_at")
        reason = (data.get("late_entry_reason") or "").strip()
        if received and staff_dates.is_older_than_a_year(received) and not reason:
            # The deadline runs from the received time: an old one makes a complaint overdue
            # at once, so it needs saying why (a letter found late, a transcription).
            self.add_error(
                "late_entry_reason",
                _("收到时间早于一年前，请写明补录原因；如是输入错误，请改正收到时间。"),
            )
        return data

    def clean_occurred_on(self):
        value = self.cleaned_data.get("occurred_on")
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("发生日期不能晚于今天。"))
        return value


class TriageForm(forms.ModelForm):
    accepted = forms.TypedChoiceField(
        label=_("是否受理"),
        choices=[("1", _("受理")), ("0", _("不予受理"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    handler = UserChoiceField(label=_("承办人"), queryset=None, required=False)

    class Meta:
        model = Complaint
        fields = [
            "category",
            "target_window",
            "target_staff",
            "complexity",
            "method",
            "handler",
            "not_accepted_reason",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The complaint's own center's windows, roster and staff only.
        center = self.instance.center
        self.fields["handler"].queryset = staff_of(center)
        self.fields["target_window"].queryset = windows_of(center)
        self.fields["target_staff"].queryset = roster_of(center).filter(is_active=True)

    def clean(self):
        data = super().clean()
        if data.get("accepted") is True:
            for name in ("category", "method", "handler"):
                if not data.get(name):
                    self.add_error(name, _("受理的投诉必须填写此项。"))
        elif data.get("accepted") is False and not (data.get("not_accepted_reason") or "").strip():
            self.add_error("not_accepted_reason", _("不予受理时必须写明理由，该理由将告知投诉人。"))
        handler, target = data.get("handler"), data.get("target_staff")
        if handler and target and target.user_id == handler.pk:
            self.add_error(
                "handler",
                _(
                    "被投诉的工作人员不能承办针对自己的投诉：承办人可以查看投诉人的身份信息，"
                    "请另选承办人。"
                ),
            )
        return data


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("内容"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    is_public = forms.BooleanField(
        label=_("投诉人可在查询页看到（不要写姓名等个人信息）"), required=False
    )


class ReplyForm(forms.Form):
    reply_method = forms.ChoiceField(label=_("答复方式"), choices=Complaint.ReplyMethod.choices)
    reply_text = forms.CharField(
        label=_("答复内容"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text=_(
            "选择“网上答复”时，此内容将在投诉查询页向投诉人公开，请勿写入内部意见或个人信息。"
        ),
    )

    def __init__(self, *args, complaint, **kwargs):
        self.complaint = complaint
        super().__init__(*args, **kwargs)

    def clean_reply_method(self):
        method = self.cleaned_data["reply_method"]
        if (
            self.complaint.channel == Complaint.Channel.WRITTEN
            and method != Complaint.ReplyMethod.WRITTEN
        ):
            raise forms.ValidationError(_("书面投诉必须书面答复。"))
        if not self.complaint.has_contact and method != Complaint.ReplyMethod.ONLINE:
            raise forms.ValidationError(
                _("投诉人没有留下联系方式，只能网上答复（答复内容在查询页显示）。")
            )
        return method


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(label=_("处理结论"), choices=Complaint.Outcome.choices)
    result_text = forms.CharField(
        label=_("处理结果"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )


class ExtensionRequestForm(forms.Form):
    extra_working_days = forms.IntegerField(label=_("延长工作日数"), min_value=1, max_value=30)
    reason = forms.CharField(
        label=_("延期理由"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class PublicationForm(forms.Form):
    public_summary = forms.CharField(
        label=_("公开摘要"),
        help_text=_("将在门户网站“投诉处理结果”栏目公开，不得出现姓名、电话、身份证号等个人信息。"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
    )

    def __init__(self, *args, complaint, **kwargs):
        self.complaint = complaint
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        problems = personal_data_problems(
            data.get("public_summary", ""),
            name=self.complaint.complainant_name,
            phone=self.complaint.complainant_phone,
        )
        for problem in problems:
            self.add_error("public_summary", _("公开摘要中%(problem)s") % {"problem": problem})
        return data


class ComplaintFilterForm(forms.Form):
    state = forms.ChoiceField(
        label=_("状态"),
        required=False,
        choices=[
            (k, k)
            for k in ("received", "open", "overdue", "replied", "closed", "not_accepted", "all")
        ],
    )
    window = forms.CharField(label=_("窗口"), required=False, max_length=12)
    month = forms.CharField(label=_("月份"), required=False, max_length=7)
    ontime = forms.ChoiceField(
        label=_("是否按时"), required=False, choices=[("0", "0"), ("1", "1")]
    )
    mine = forms.ChoiceField(label=_("我承办的"), required=False, choices=[("1", "1")])

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
