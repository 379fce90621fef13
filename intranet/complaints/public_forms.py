"""The public complaint form: no account needed, contact details optional, attachments checked."""

from captcha.fields import CaptchaField
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intranet.center_choices import guides_of, roster_of, windows_of
from intranet.complaints.forms import MAX_COMPLAINT_FILE
from intranet.form_fields import DateInput, phone_validator
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
        queryset=None,
        required=False,
        empty_label=_("不清楚/不涉及具体窗口"),
        error_messages={"invalid_choice": _("所选窗口不是本中心的窗口，请重新选择。")},
    )
    target_staff = forms.ModelChoiceField(
        label=_("涉及工作人员"),
        queryset=None,
        required=False,
        empty_label=_("不清楚/不涉及具体人员"),
        error_messages={"invalid_choice": _("所选工作人员不是本中心的工作人员，请重新选择。")},
        help_text=_("名单与中心公示的工作人员一致；不清楚可不选。"),
    )
    target_description = forms.CharField(
        label=_("涉及事项或其他说明"),
        max_length=200,
        required=False,
        help_text=_("如办理的事项名称、工作人员的外貌特征等"),
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
    complainant_email = forms.EmailField(
        label=_("电子邮箱（可不填）"),
        max_length=100,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("请输入正确的电子邮箱，如 zhang@example.com。")},
    )
    wants_notices = forms.BooleanField(
        label=_("把查询码和答复通知发给我（短信或邮件）"),
        required=False,
        help_text=_("需要填写电话或邮箱。不留联系方式也可以，答复会在查询页显示。"),
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

    def __init__(self, *args, center, challenge=False, **kwargs):
        super().__init__(*args, **kwargs)
        # The windows and roster of the center whose portal the form is on.
        self.fields["target_window"].queryset = windows_of(center)
        self.fields["target_staff"].queryset = (
            roster_of(center).select_related("window").order_by("window__sort_order", "name")
        )
        if challenge:
            # Shown after a few complaints from one address in an hour (a shared lobby
            # computer stays usable); the template renders its image and inputs.
            self.fields["captcha"] = CaptchaField(
                label=_("验证码"),
                error_messages={
                    "invalid": _("验证码答案不正确，请按新的图片重新计算后填写。"),
                    "required": _("请填写验证码：图片中两个数相加的结果。"),
                    "incomplete": _("请填写验证码：图片中两个数相加的结果。"),
                },
            )

    def clean(self):
        data = super().clean()
        no_contact = not (data.get("complainant_phone") or data.get("complainant_email"))
        # A malformed phone or e-mail has its own message already.
        contact_errors = {"complainant_phone", "complainant_email"} & set(self.errors)
        if data.get("wants_notices") and no_contact and not contact_errors:
            self.add_error("wants_notices", _("要接收通知，请填写联系电话或电子邮箱（至少一项）。"))
        return data

    def clean_occurred_on(self):
        value = self.cleaned_data.get("occurred_on")
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("发生日期不能晚于今天。"))
        return value


def guide_initial(guide_id, center):
    """Initial values when the citizen came from a guide's "对本事项投诉" link (a guide of
    this portal's center)."""
    if not str(guide_id).isdigit():
        return {}
    guide = guides_of(center).live().filter(pk=int(guide_id)).select_related("window").first()
    if guide is None:
        return {}
    initial = {"target_description": _("事项：%(t)s") % {"t": guide.title}}
    if guide.window_id:
        initial["target_window"] = guide.window_id
    return initial


class TrackForm(forms.Form):
    code = forms.CharField(
        label=_("查询码"),
        max_length=20,
        help_text=_("提交投诉时显示的查询码，如 TS-2026-ABC234"),
        error_messages={"required": _("请输入查询码。")},
    )

    def clean_code(self):
        return self.cleaned_data["code"].strip().upper()
