"""The public complaint form: no account needed, contact details optional, attachments checked."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.models import Window
from intranet.forms.complaints import MAX_COMPLAINT_FILE, DateInput, phone_validator
from intranet.uploads import COMPLAINT_TYPES, MultipleFileField


class PublicComplaintForm(forms.Form):
    content = forms.CharField(
        label=_("投诉内容"),
        help_text=_("请写明事情经过：在哪个窗口、办什么事、遇到了什么问题。"),
        widget=forms.Textarea(attrs={"rows": 6}),
        min_length=10,
        max_length=5000,
        error_messages={
            "required": _("请填写投诉内容。"),
            "min_length": _("投诉内容太短，请至少写10个字。"),
        },
    )
    target_window = forms.ModelChoiceField(
        label=_("涉及窗口"),
        queryset=Window.objects.all(),
        required=False,
        empty_label=_("不清楚/不涉及具体窗口"),
    )
    target_description = forms.CharField(
        label=_("被投诉人员或事项"),
        max_length=200,
        required=False,
        help_text=_("如知道工作人员姓名或工号可填写"),
    )
    occurred_on = forms.DateField(
        label=_("发生日期"),
        required=False,
        widget=DateInput(),
        error_messages={"invalid": _("日期格式不正确，请按“2026-05-01”的格式填写。")},
    )
    complainant_name = forms.CharField(label=_("您的姓名（可不填）"), max_length=50, required=False)
    complainant_phone = forms.CharField(
        label=_("联系电话（可不填）"),
        max_length=30,
        required=False,
        validators=[phone_validator],
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
        help_text=_("留下电话便于我们向您反馈处理结果。您的姓名和电话严格保密。"),
    )
    attachments = MultipleFileField(
        label=_("照片或材料（可不传）"),
        help_text=_("最多3个文件，每个不超过5MB，支持 JPG、PNG、PDF。"),
        allowed=COMPLAINT_TYPES,
        max_bytes=MAX_COMPLAINT_FILE,
        max_files=3,
    )
    # Honeypot: hidden from people by the stylesheet, filled in by bots.
    website = forms.CharField(label=_("请勿填写此项"), required=False)

    def clean_occurred_on(self):
        value = self.cleaned_data.get("occurred_on")
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("发生日期不能晚于今天。"))
        return value


class TrackForm(forms.Form):
    code = forms.CharField(
        label=_("查询码"),
        max_length=20,
        help_text=_("提交投诉时显示的查询码，如 TS-2026-ABC234"),
        error_messages={"required": _("请输入查询码。")},
    )

    def clean_code(self):
        return self.cleaned_data["code"].strip().upper()
