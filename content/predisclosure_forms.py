"""The public comment form of a pre-disclosure (预公开) page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from content.models.predisclosure_comments import PreDisclosureComment

BODY_MAX_LENGTH = 5000


class PreDisclosureCommentForm(forms.ModelForm):
    # A field people never see: bots fill every input, so a value here marks a bot.
    website = forms.CharField(label=_("网址（请勿填写）"), required=False)

    class Meta:
        model = PreDisclosureComment
        fields = ["name", "contact", "body"]
        labels = {
            "name": _("称呼（选填，将随意见公开）"),
            "contact": _("联系方式（选填，不公开，仅供工作人员联系您）"),
            "body": _("意见内容"),
        }
        # Django marks a field with errors aria-invalid and points its aria-describedby at
        # this help and the errors, which includes/form_field.html writes with those ids.
        help_texts = {"body": _("最多 5000 字。")}
        widgets = {"body": forms.Textarea(attrs={"rows": 8, "maxlength": BODY_MAX_LENGTH})}
        error_messages = {
            "body": {
                "required": _("请填写意见内容。"),
                "max_length": _("意见内容不能超过 %(limit_value)d 字（现有 %(show_value)d 字）。"),
            },
            "name": {"max_length": _("称呼不能超过 %(limit_value)d 字。")},
            "contact": {"max_length": _("联系方式不能超过 %(limit_value)d 字。")},
        }

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("请填写意见内容。"))
        return body

    @property
    def is_bot(self):
        return bool(self.data.get("website"))
