"""Forms of questions: the public question form, tracking, and the staff's answer and filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from content.models import ServiceGuidePage
from intranet.center_choices import guides_of
from intranet.questions.models import Question


class QuestionForm(forms.Form):
    guide = forms.ModelChoiceField(
        label=_("咨询事项"),
        queryset=ServiceGuidePage.objects.none(),
        required=False,
        empty_label=_("一般咨询（不涉及具体事项）"),
        error_messages={"invalid_choice": _("所选事项不存在，请重新选择。")},
    )
    content = forms.CharField(
        label=_("咨询内容"),
        help_text=_("请写明您想了解的问题，不要填写身份证号等个人信息。"),
        widget=forms.Textarea(attrs={"rows": 6}),
        min_length=5,
        max_length=2000,
        error_messages={
            "required": _("请填写咨询内容。"),
            "min_length": _("咨询内容太短，请至少写5个字。"),
            "max_length": _("咨询内容不能超过2000字。"),
        },
    )
    asker_name = forms.CharField(
        label=_("您的姓名（可不填）"),
        max_length=50,
        required=False,
        error_messages={"max_length": _("姓名不能超过50个字。")},
    )
    asker_contact = forms.CharField(
        label=_("联系电话或电子邮箱（可不填）"),
        max_length=100,
        required=False,
        help_text=_("仅供工作人员联系您，不会公开。"),
        error_messages={"max_length": _("联系方式不能超过100个字符。")},
    )
    allow_publication = forms.BooleanField(
        label=_("同意在网站上公开我的咨询和答复（不显示姓名和联系方式）"), required=False
    )
    # Honeypot: hidden from people by the stylesheet, filled in by bots.
    website = forms.CharField(label=_("请勿填写此项"), required=False)

    def __init__(self, *args, center, **kwargs):
        super().__init__(*args, **kwargs)
        # public() reads the view restrictions, so it runs per form, not at import; the guides
        # are those of the center whose portal the form is on.
        self.fields["guide"].queryset = guides_of(
            center, ServiceGuidePage.objects.live().public()
        ).order_by("title")


class TrackForm(forms.Form):
    code = forms.CharField(
        label=_("查询码"),
        max_length=20,
        help_text=_("提交咨询时显示的查询码，如 ZX-2026-ABC234"),
        error_messages={"required": _("请输入查询码。"), "max_length": _("查询码格式不正确。")},
    )

    def clean_code(self):
        return self.cleaned_data["code"].strip().upper()


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("答复内容"),
        widget=forms.Textarea(attrs={"rows": 6}),
        min_length=5,
        max_length=5000,
        error_messages={
            "required": _("请填写答复内容。"),
            "min_length": _("答复内容太短，请至少写5个字。"),
        },
    )


class FaqForm(forms.Form):
    question = forms.CharField(
        label=_("常见问题"),
        max_length=500,
        error_messages={"required": _("请填写问题。"), "max_length": _("问题不能超过500字。")},
    )
    answer = forms.CharField(
        label=_("解答"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("请填写解答。")},
    )


class QuestionFilterForm(forms.Form):
    state = forms.ChoiceField(
        label=_("状态"),
        choices=[("", _("全部"))] + list(Question.State.choices),
        required=False,
        error_messages={"invalid_choice": _("状态选项无效。")},
    )
    overdue = forms.BooleanField(label=_("只看超期"), required=False)
