"""The adoption form: the local elements a township fills in when it adopts a standard."""

from django import forms
from django.utils.translation import gettext_lazy as _

from content.models import CenterSettings, ServiceGuidePage, Window
from content.models.catalog import MAX_DAYS


def _field(name):
    return ServiceGuidePage._meta.get_field(name)


class AdoptForm(forms.Form):
    section = forms.ModelChoiceField(
        label=_("放入部门栏目"),
        queryset=None,
        error_messages={"required": _("请选择放入哪个部门栏目。")},
    )
    window = forms.ModelChoiceField(
        label=_field("window").verbose_name, queryset=None, required=False
    )
    location = forms.CharField(
        label=_field("location").verbose_name, max_length=200, required=False
    )
    hours = forms.CharField(label=_field("hours").verbose_name, max_length=200, required=False)
    phone = forms.CharField(label=_field("phone").verbose_name, max_length=50, required=False)
    complaint_phone = forms.CharField(
        label=_field("complaint_phone").verbose_name, max_length=50, required=False
    )
    implementing_body = forms.CharField(
        label=_field("implementing_body").verbose_name, max_length=200, required=False
    )
    promised_days = forms.IntegerField(
        label=_field("promised_days").verbose_name,
        min_value=0,
        max_value=MAX_DAYS,
        error_messages={"required": _("请填写承诺办结时限。")},
    )

    def __init__(self, *args, standard, center, sections, **kwargs):
        self.standard = standard
        settings = CenterSettings.for_site(center.site)
        kwargs.setdefault(
            "initial",
            {
                "location": settings.address,
                "hours": settings.hours,
                "phone": settings.phone,
                "complaint_phone": settings.complaint_phone,
                "implementing_body": standard.implementing_body,
                "promised_days": standard.promised_days,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = sections
        self.fields["section"].label_from_instance = lambda section: section.title
        self.fields["window"].queryset = Window.objects.filter(department__center=center).order_by(
            "sort_order", "name"
        )

    def clean_promised_days(self):
        days = self.cleaned_data["promised_days"]
        if days > self.standard.promised_days:
            raise forms.ValidationError(
                _("承诺办结时限不能长于县级标准指南的承诺办结时限（%(days)s 个工作日）。")
                % {"days": self.standard.promised_days}
            )
        return days

    def local_elements(self):
        data = self.cleaned_data
        return {name: data[name] for name in data if name != "section"}
