"""Moderating citizens' comments on pre-disclosures (预公开意见审核)."""

from django.db import transaction
from django.utils import timezone

from content.models import PreDisclosureComment


def moderate_comments(comments, status, user):
    """Set the status of the given comments and record who decided and when; return how many."""
    if status not in (PreDisclosureComment.STATUS_APPROVED, PreDisclosureComment.STATUS_REJECTED):
        raise ValueError(f"not a moderation decision: {status}")
    now = timezone.now()
    with transaction.atomic():
        count = PreDisclosureComment.objects.filter(
            pk__in=[comment.pk for comment in comments]
        ).update(status=status, moderated_by=user, moderated_at=now)
    return count
