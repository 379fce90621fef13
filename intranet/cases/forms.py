"""Forms of the case register: intake at the counter, each action, filters, the first-contact
register and the public look-up. Every bad input gets a Chinese message and writes nothing."""

import datetime as dt
import re

from django import forms
from django.core.validators import RegexValidator
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.models import ServiceGuidePage, Window
from intranet.cases.models import Case, FirstContact, Handoff, NegativeFiling, Rating
from intranet.center_choices import (
    guides_of,
    staff_in_reach,
    staff_of,
    windows_in_reach,
    windows_of,
)
from intranet.form_fields import DateTimeInput, UserChoiceField

phone_validator = RegexValidator(
    r"^1\d{10}$|^0\d{2,3}-?\d{7,8}$", _("请填写正确的手机或固定电话号码。")
)
id_validator = RegexValidator(
    r"^(\d{17}[\dXx]|[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10})$",
    _("请填写18位居民身份证号码或统一社会信用代码。"),
)
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


class GuideChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title}（{obj.days_label}）"


class ReceiveForm(forms.ModelForm):
    """收件 at the counter, short enough for a phone."""

    accept_now = forms.BooleanField(label=_("材料齐全，当场受理"), required=False, initial=True)

    class Meta:
        model = Case
        fields = [
            "guide",
            "matter",
            "window",
            "handler",
            "channel",
            "applicant_kind",
            "applicant_name",
            "id_number",
            "phone",
            "address",
            "materials_received",
        ]
        widgets = {
            "materials_received": forms.Textarea(attrs={"rows": 2}),
            "phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
            "id_number": forms.TextInput(attrs={"autocomplete": "off"}),
        }
        help_texts = {"matter": _("目录外事项请填写事项名称；选择了办事指南可不填")}

    def __init__(self, *args, center, **kwargs):
        """``center``: where the case is received; only its guides, windows and staff are
        offered (a foreign id is not a valid choice)."""
        super().__init__(*args, **kwargs)
        self.fields["guide"] = GuideChoiceField(
            label=_("办理事项（办事指南）"),
            queryset=guides_of(center, ServiceGuidePage.objects.live()).order_by("title"),
            required=False,
            empty_label=_("目录外事项"),
        )
        self.fields["handler"] = UserChoiceField(
            label=_("承办人"), queryset=staff_of(center), required=False
        )
        self.fields["handler"].help_text = _("不选则由本人承办")
        self.fields["window"].queryset = windows_of(center)
        self.fields["matter"].required = False
        self.fields["phone"].validators.append(phone_validator)
        self.fields["id_number"].validators.append(id_validator)

    def clean(self):
        data = super().clean()
        if not data.get("guide") and not (data.get("matter") or "").strip():
            self.add_error("matter", _("请选择办事指南，或填写目录外事项的名称。"))
        return data


class SupplementForm(forms.Form):
    materials = forms.MultipleChoiceField(
        label=_("所缺材料（按办事指南勾选）"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    other_text = forms.CharField(
        label=_("其他需补正的内容"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    reason = forms.CharField(
        label=_("再次补正的理由"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("同一办件第二次补正违反一次性告知制，将记入承办人名下，必须说明理由"),
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        names = list(case.guide.materials.values_list("name", flat=True)) if case.guide else []
        self.fields["materials"].choices = [(n, n) for n in names]
        self.is_repeat = case.supplements.exists()
        if not self.is_repeat:
            del self.fields["reason"]

    def clean(self):
        data = super().clean()
        if not data.get("materials") and not (data.get("other_text") or "").strip():
            raise forms.ValidationError(_("请勾选所缺材料或填写需补正的内容。"))
        if self.is_repeat and not (data.get("reason") or "").strip():
            self.add_error("reason", _("同一办件再次补正违反一次性告知制，必须填写理由。"))
        return data


class ConfirmForm(forms.Form):
    """Actions that need nothing but the click (受理, 材料已补齐)."""


class RefuseForm(forms.Form):
    reason = forms.CharField(label=_("退回理由"), widget=forms.Textarea(attrs={"rows": 3}))
    basis = forms.CharField(
        label=_("法律依据"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("写明法律、法规、规章的名称和条款"),
    )


class PartnerForm(forms.Form):
    window = forms.ModelChoiceField(label=_("联办窗口"), queryset=Window.objects.none())
    task = forms.CharField(label=_("承办内容"), max_length=200)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["window"].queryset = windows_of(case.center)


class PartDoneForm(forms.Form):
    part = forms.ModelChoiceField(label=_("联办部分"), queryset=None)
    note = forms.CharField(label=_("办理情况"), max_length=200, required=False)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["part"].queryset = case.parts.filter(state="pending").select_related("window")
        self.fields["part"].label_from_instance = lambda p: f"{p.window.name}：{p.task}"


class ForwardForm(forms.Form):
    counterpart = forms.CharField(label=_("上报（转办）单位"), max_length=200)
    agent = UserChoiceField(label=_("代办人"), queryset=None)
    note = forms.CharField(label=_("移交情况"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agent"].queryset = staff_of(case.center)


class HandoffForm(forms.Form):
    kind = forms.ChoiceField(label=_("类型"), choices=Handoff.Kind.choices)
    note = forms.CharField(label=_("情况"), widget=forms.Textarea(attrs={"rows": 2}))


class ExtensionForm(forms.Form):
    working_days = forms.IntegerField(label=_("延长工作日数"), min_value=1, max_value=60)
    reason = forms.CharField(label=_("延期理由"), widget=forms.Textarea(attrs={"rows": 3}))


class CompleteForm(forms.Form):
    result = forms.ChoiceField(label=_("办理结果"), choices=Case.Result.choices)
    public_result = forms.CharField(
        label=_("公开的结果说明"),
        max_length=200,
        help_text=_("在进度查询页和办结公告中显示，不要写姓名、证件号码等个人信息"),
    )


class CollectForm(forms.Form):
    collected_on = forms.DateField(
        label=_("取件日期"), widget=forms.DateInput(attrs={"type": "date"})
    )


ACTION_FORMS = {
    "accept": ConfirmForm,
    "supplement": SupplementForm,
    "supplement_done": ConfirmForm,
    "refuse": RefuseForm,
    "partner": PartnerForm,
    "part_done": PartDoneForm,
    "forward": ForwardForm,
    "handoff": HandoffForm,
    "extension": ExtensionForm,
    "complete": CompleteForm,
    "collect": CollectForm,
}
CASE_BOUND_FORMS = {"supplement", "part_done", "partner", "forward"}


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("审核结论"),
        choices=[
            (NegativeFiling.Decision.UPHELD, _("维持退回")),
            (NegativeFiling.Decision.CORRECTED, _("纠正：重新办理")),
        ],
        widget=forms.RadioSelect,
    )
    instruction = forms.CharField(
        label=_("审核意见"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "corrected" and not (data.get("instruction") or "").strip():
            self.add_error("instruction", _("纠正退回必须写明审核意见。"))
        return data


class FollowUpForm(forms.Form):
    outcome = forms.CharField(label=_("回访整改情况"), widget=forms.Textarea(attrs={"rows": 3}))


SCOPES = {"mine": _("我承办的"), "window": _("本窗口"), "all": _("全部")}


class CaseFilterForm(forms.Form):
    q = forms.CharField(label=_("编号、姓名或电话"), required=False, max_length=40)
    state = forms.ChoiceField(label=_("状态"), required=False)
    guide = forms.ModelChoiceField(label=_("事项"), required=False, queryset=None)
    window = forms.ModelChoiceField(label=_("窗口"), required=False, queryset=None)
    handler = UserChoiceField(label=_("承办人"), required=False, queryset=None)
    channel = forms.ChoiceField(label=_("渠道"), required=False)
    overdue = forms.BooleanField(label=_("只看已超期"), required=False)
    month = forms.CharField(
        label=_("收件月份"), required=False, widget=forms.TextInput(attrs={"type": "month"})
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [("", _("全部状态"))] + list(Case.State.choices)
        self.fields["channel"].choices = [("", _("全部渠道"))] + list(Case.Channel.choices)
        self.fields["guide"].queryset = ServiceGuidePage.objects.order_by("title")
        self.fields["guide"].empty_label = _("全部事项")
        self.fields["window"].queryset = windows_in_reach(user)
        self.fields["window"].empty_label = _("全部窗口")
        self.fields["handler"].queryset = staff_in_reach(user)
        self.fields["handler"].empty_label = _("全部承办人")

    def clean_month(self):
        month = self.cleaned_data.get("month") or ""
        if month and not MONTH.match(month):
            raise forms.ValidationError(_("月份格式应为 2026-03。"))
        return month

    def filter(self, qs, today):
        data = self.cleaned_data
        if data.get("q"):
            q = data["q"].strip()
            qs = qs.filter(
                Q(receipt_number__iexact=q) | Q(applicant_name__contains=q) | Q(phone__contains=q)
            )
        for key in ("state", "guide", "window", "handler", "channel"):
            if data.get(key):
                qs = qs.filter(**{key: data[key]})
        if data.get("overdue"):
            qs = qs.overdue(today)
        if data.get("month"):
            start = dt.date.fromisoformat(data["month"] + "-01")
            end = (start + dt.timedelta(days=32)).replace(day=1)
            qs = qs.filter(received_at__date__gte=start, received_at__date__lt=end)
        return qs


class MonthForm(forms.Form):
    month = forms.CharField(label=_("月份"), widget=forms.TextInput(attrs={"type": "month"}))

    def clean_month(self):
        month = self.cleaned_data["month"]
        if not MONTH.match(month):
            raise forms.ValidationError(_("月份格式应为 2026-03。"))
        return dt.date.fromisoformat(month + "-01")


class FirstContactForm(forms.ModelForm):
    class Meta:
        model = FirstContact
        fields = ["at", "kind", "visitor_name", "phone", "matter", "action_taken"]
        widgets = {
            "at": DateTimeInput(),
            "matter": forms.Textarea(attrs={"rows": 2}),
            "action_taken": forms.Textarea(attrs={"rows": 2}),
            "phone": forms.TextInput(attrs={"inputmode": "tel"}),
            "kind": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].validators.append(phone_validator)
        self.fields["at"].initial = timezone.now

    def clean_at(self):
        at = self.cleaned_data["at"]
        if at > timezone.now() + dt.timedelta(minutes=5):
            raise forms.ValidationError(_("时间不能晚于现在。"))
        return at


class FirstContactFollowUpForm(forms.Form):
    follow_up = forms.CharField(label=_("跟进情况"), widget=forms.Textarea(attrs={"rows": 2}))
    close = forms.BooleanField(label=_("事项已办结"), required=False)


RECEIPT = re.compile(r"^BJ-\d{4}-[2-9A-HJ-NP-Z]{6}$")


class ProgressForm(forms.Form):
    receipt_number = forms.CharField(label=_("受理编号"), max_length=20)
    phone_last4 = forms.CharField(
        label=_("申请人电话后四位"),
        max_length=4,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def clean_receipt_number(self):
        value = self.cleaned_data["receipt_number"].strip().upper()
        if not RECEIPT.match(value):
            raise forms.ValidationError(_("受理编号格式为 BJ-年份-六位字母数字，请核对回执。"))
        return value

    def clean_phone_last4(self):
        value = self.cleaned_data["phone_last4"].strip()
        if not re.fullmatch(r"\d{4}", value):
            raise forms.ValidationError(_("请填写4位数字。"))
        return value


class RatingForm(ProgressForm):
    level = forms.TypedChoiceField(
        label=_("评价"),
        choices=Rating.Level.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("请选择评价等级。")},
    )
    comment = forms.CharField(
        label=_("意见或建议（选填）"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
