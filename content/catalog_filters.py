"""Filters of the public service catalog (topic, department, audience, 即办).

The filters are plain GET parameters so the form works without JavaScript and any
filtered list can be bookmarked or shared.
"""

from django import forms
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from content.models.catalog import GuideTopic, ServiceGuidePage
from content.models.organisation import Department

AUDIENCE_INDIVIDUAL = "个人"
AUDIENCE_ORGANISATION = "法人"


def public_guides():
    """Live guides that anybody may read, with what a list row shows loaded up front."""
    return (
        ServiceGuidePage.objects.live()
        .public()
        .select_related("department", "window")
        .order_by("department__sort_order", "department__name", "path")
    )


def attach_topics(guides):
    """Give every guide a `topic_list` with one query, whatever the number of guides."""
    guides = list(guides)
    by_guide = {}
    links = (
        GuideTopic.objects.filter(content_object_id__in=[g.pk for g in guides])
        .select_related("tag")
        .order_by("tag__name")
    )
    for link in links:
        by_guide.setdefault(link.content_object_id, []).append(link.tag)
    for guide in guides:
        guide.topic_list = by_guide.get(guide.pk, [])
    return guides


def topic_counts(guides):
    """Topics used by the given guides, with how many guides each one has, most used first."""
    return (
        Tag.objects.filter(content_guidetopic_items__content_object__in=guides)
        .annotate(guide_count=Count("content_guidetopic_items", distinct=True))
        .order_by("-guide_count", "name")
    )


def department_counts(guides):
    """Departments that have at least one of the given guides, with their guide counts."""
    return (
        Department.objects.filter(guides__in=guides)
        .annotate(guide_count=Count("guides", distinct=True))
        .order_by("sort_order", "name")
    )


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
