"""Forms of information requests: the public request form, tracking, and the staff's actions."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intranet.cases.forms import id_validator
from intranet.form_fields import phone_validator
from intranet.inforequests.models import InfoRequest

Outcome = InfoRequest.Outcome


class RequestForm(forms.ModelForm):
    # Honeypot: hidden from people by the stylesheet, filled in by bots.
    website = forms.CharField(label=_("请勿填写此项"), required=False)

    class Meta:
        model = InfoRequest
        fields = [
            "applicant_type",
            "applicant_name",
            "id_number",
            "phone",
            "email",
            "address",
            "description",
            "purpose",
            "delivery",
        ]
        widgets = {
            "applicant_type": forms.RadioSelect,
            "delivery": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 6}),
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
            "id_number": forms.TextInput(attrs={"autocomplete": "off"}),
        }
        labels = {
            "applicant_name": _("姓名或单位名称"),
            "purpose": _("用途（可不填）"),
            "email": _("电子邮箱（选择电子邮件获取时必填）"),
            "address": _("通信地址（选择邮寄时必填）"),
        }
        help_texts = {
            "description": _("请写明所需信息的名称、文号或便于查找的其他特征描述。"),
            "id_number": _("个人填写18位身份证号码，单位填写统一社会信用代码。仅用于办理本申请。"),
        }
        error_messages = {
            "applicant_type": {
                "required": _("请选择申请人类型。"),
                "invalid_choice": _("申请人类型选项无效。"),
            },
            "applicant_name": {"required": _("请填写姓名或单位名称。")},
            "id_number": {"required": _("请填写身份证号码或统一社会信用代码。")},
            "phone": {"required": _("请填写联系电话。")},
            "email": {"invalid": _("电子邮箱格式不正确。")},
            "description": {"required": _("请描述您需要的政府信息。")},
            "delivery": {
                "required": _("请选择获取信息的方式。"),
                "invalid_choice": _("获取方式选项无效。"),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].validators.append(phone_validator)
        self.fields["id_number"].validators.append(id_validator)

    def clean_description(self):
        value = self.cleaned_data["description"].strip()
        if len(value) < 5:
            raise forms.ValidationError(_("内容描述太短，请至少写5个字。"))
        return value

    def clean(self):
        data = super().clean()
        if data.get("delivery") == InfoRequest.Delivery.EMAIL and not data.get("email"):
            self.add_error("email", _("选择电子邮件获取时，请填写电子邮箱。"))
        if data.get("delivery") == InfoRequest.Delivery.POST and not data.get("address"):
            self.add_error("address", _("选择邮寄时，请填写通信地址。"))
        return data


class TrackForm(forms.Form):
    code = forms.CharField(
        label=_("查询码"),
        max_length=20,
        help_text=_("提交申请时显示的查询码，如 YS-2026-ABC234"),
        error_messages={"required": _("请输入查询码。"), "max_length": _("查询码格式不正确。")},
    )

    def clean_code(self):
        return self.cleaned_data["code"].strip().upper()


class ExtendForm(forms.Form):
    extension_reason = forms.CharField(
        label=_("延期理由"),
        widget=forms.Textarea(attrs={"rows": 3}),
        min_length=5,
        error_messages={
            "required": _("请填写延期理由。"),
            "min_length": _("延期理由太短，请至少写5个字。"),
        },
    )


class AnswerForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("答复类型"),
        choices=[("", "---------")] + list(Outcome.choices),
        error_messages={"required": _("请选择答复类型。"), "invalid_choice": _("答复类型无效。")},
    )
    answer_text = forms.CharField(
        label=_("答复内容"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("请填写答复内容。")},
    )
    reason = forms.CharField(
        label=_("理由（部分公开、不予公开、不属于公开范围时必填）"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    legal_basis = forms.CharField(
        label=_("法律依据（部分公开、不予公开、不属于公开范围时必填）"),
        max_length=300,
        required=False,
        help_text=_("如：《中华人民共和国政府信息公开条例》第十四条"),
    )
    right_body = forms.CharField(
        label=_("有关机关名称及联系方式（非本机关掌握时必填）"), max_length=200, required=False
    )

    def clean(self):
        data = super().clean()
        outcome = data.get("outcome")
        if outcome in InfoRequest.NEEDS_REASON:
            if not data.get("reason"):
                self.add_error("reason", _("该答复类型须写明理由。"))
            if not data.get("legal_basis"):
                self.add_error("legal_basis", _("该答复类型须写明法律依据。"))
        if outcome == Outcome.NOT_HELD and not data.get("right_body"):
            self.add_error("right_body", _("非本机关掌握的，须告知有关机关的名称和联系方式。"))
        return data


class RequestFilterForm(forms.Form):
    STATES = [
        ("", _("全部")),
        ("open", _("办理中")),
        ("overdue", _("已超期")),
        ("answered", _("已答复")),
    ]
    state = forms.ChoiceField(
        label=_("状态"),
        choices=STATES,
        required=False,
        error_messages={"invalid_choice": _("状态选项无效。")},
    )


class YearForm(forms.Form):
    year = forms.IntegerField(
        label=_("年度"),
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": _("请填写年度。"),
            "invalid": _("年度须为数字，如2026。"),
            "min_value": _("年度不能早于2000年。"),
            "max_value": _("年度不能晚于2100年。"),
        },
    )

    def __init__(self, data=None, **kwargs):
        if data is not None and "year" not in data:
            data = {"year": timezone.localdate().year}
        super().__init__(data, **kwargs)
