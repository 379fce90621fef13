"""Filters of the public service catalog (topic, department, audience, 即办).

The filters are plain GET parameters so the form works without JavaScript and any
filtered list can be bookmarked or shared.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

AUDIENCE_INDIVIDUAL = "个人"
AUDIENCE_ORGANISATION = "法人"


class CatalogFilterForm(forms.Form):
    topic = forms.ChoiceField(label=_("主题"), required=False)
    department = forms.ChoiceField(label=_("部门"), required=False)
    audience = forms.ChoiceField(
        label=_("服务对象"),
        required=False,
        choices=[
            ("", _("全部")),
            (AUDIENCE_INDIVIDUAL, _("个人")),
            (AUDIENCE_ORGANISATION, _("法人")),
        ],
    )
    immediate = forms.BooleanField(label=_("只看即办事项"), required=False)

    def __init__(self, data, *, topics, departments):
        super().__init__(data)
        self.fields["topic"].choices = [("", _("全部主题"))] + [(t.slug, t.name) for t in topics]
        self.fields["department"].choices = [("", _("全部部门"))] + [
            (d.slug, d.name) for d in departments
        ]

    def filter(self, guides):
        """Narrow the guides by every valid filter; an invalid value is ignored, not an error page."""
        if not self.is_bound:
            return guides
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        if data.get("topic"):
            guides = guides.filter(tagged_topics__tag__slug=data["topic"])
        if data.get("department"):
            guides = guides.filter(department__slug=data["department"])
        if data.get("audience") == AUDIENCE_INDIVIDUAL:
            guides = guides.filter(for_individuals=True)
        elif data.get("audience") == AUDIENCE_ORGANISATION:
            guides = guides.filter(for_organisations=True)
        if data.get("immediate"):
            guides = guides.filter(promised_days=0)
        return guides.distinct()

    @property
    def is_filtered(self):
        data = getattr(self, "cleaned_data", {})
        return any(data.get(k) for k in ("topic", "department", "audience", "immediate"))
