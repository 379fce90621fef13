from django import forms
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from intranet import roles, staff_dates
from intranet.disclosures.models import Disclosure
from intranet.form_fields import DateTimeInput
from intranet.uploads import DOCUMENT_TYPES, MultipleFileField


class DisclosureForm(forms.ModelForm):
    attachments = MultipleFileField(
        label=_("附件"), allowed=DOCUMENT_TYPES, max_bytes=10 * 1024 * 1024, max_files=5
    )

    class Meta:
        model = Disclosure
        fields = ["title", "category", "body", "audience_groups", "publish_at"]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 10}),
            "audience_groups": forms.CheckboxSelectMultiple,
            "publish_at": DateTimeInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["audience_groups"].queryset = Group.objects.filter(
            name__in=roles.GROUP_NAMES.values()
        )
        self.fields["publish_at"].input_formats = [
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M",
            "%Y-%m-%d %H:%M:%S",
        ]
        self.fields["publish_at"].help_text = _("晚于现在则到时才向工作人员显示")

    def clean_publish_at(self):
        value = self.cleaned_data.get("publish_at")
        if value:
            staff_dates.within_a_year(value, _("发布时间"))
        return value


class DisclosureFilterForm(forms.Form):
    category = forms.ChoiceField(
        label=_("类别"), required=False, choices=Disclosure.Category.choices
    )
    unread = forms.ChoiceField(label=_("未读"), required=False, choices=[("1", "1")])


class ReadsFilterForm(forms.Form):
    show = forms.ChoiceField(
        label=_("阅读情况"),
        required=False,
        choices=[("read", "read"), ("unread", "unread")],
    )
