"""The editor's panel on the admin dashboard: what in their department needs their hand.

Drafts not yet published, pages waiting in the 审核发布 workflow, and guides whose last
publication is more than a year old (the rules ask for the catalog to be kept current).
A department editor sees their department's sections; site-wide editors see every department.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

from content.models import Department, DepartmentSectionPage, ServiceGuidePage

LIMIT = 10
STALE_AFTER = datetime.timedelta(days=365)


def departments_of(user):
    """The departments whose editors group the user is in; None means every department."""
    mine = list(Department.objects.filter(editor_link__group__in=user.groups.all()))
    return mine or None


def pages_of(departments):
    pages = Page.objects.all()
    if departments is None:
        return pages
    scope = Q(pk__in=[])
    for section in DepartmentSectionPage.objects.filter(department__in=departments):
        scope |= Q(path__startswith=section.path)
    return pages.filter(scope)


class EditorDashboardPanel(Component):
    name = "editor_dashboard"
    template_name = "content/admin/editor_dashboard.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        departments = departments_of(self.user)
        pages = pages_of(departments)
        in_review_ids = (
            WorkflowState.objects.active()
            .filter(base_content_type=ContentType.objects.get_for_model(Page))
            .values_list("object_id", flat=True)
        )
        in_review = pages.filter(pk__in=[int(pk) for pk in in_review_ids])
        drafts = pages.filter(has_unpublished_changes=True).exclude(pk__in=in_review)
        cutoff = timezone.now() - STALE_AFTER
        stale = ServiceGuidePage.objects.live().filter(
            pk__in=pages.values("pk"), last_published_at__lt=cutoff
        )
        return {
            "departments": departments,
            "drafts": drafts.order_by("-latest_revision_created_at")[:LIMIT],
            "drafts_count": drafts.count(),
            "in_review": in_review.order_by("-latest_revision_created_at")[:LIMIT],
            "in_review_count": in_review.count(),
            "stale": stale.order_by("last_published_at")[:LIMIT],
            "stale_count": stale.count(),
        }
