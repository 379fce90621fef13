"""Adopting a standard guide and accepting its changes.

A local guide is a copy of the county's standard guide in a township's catalog. The local
elements (LOCAL_FIELDS) are the township's own and survive every update; everything else
comes from the standard. Adoption makes a draft; accepting an update saves a new draft
revision and hands it to the page's moderation workflow, never publishing it directly.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from content.models import GuideFAQ, GuideMaterial, GuideStep, ServiceGuidePage
from content.models.catalog import CHANNELS

from .places import center_of_page, local_guides_of

# What the township fills in or overrides: where, when and by whom the matter is handled,
# and how fast (never slower than the standard).
LOCAL_FIELDS = (
    "window",
    "location",
    "hours",
    "phone",
    "complaint_phone",
    "promised_days",
    "implementing_body",
)

# What the standard decides; copied on adoption and on every accepted update. The page's
# code, slug, department and place in the tree stay the township's own.
SHARED_FIELDS = (
    "title",
    "standard_code",
    "for_individuals",
    "for_organisations",
    "basis",
    "conditions",
    "statutory_days",
    "fee_charged",
    "fee_standard",
    "fee_basis",
    "matter_type",
    *(name for name, _label in CHANNELS),
    "visits",
    "result_name",
    "result_sample",
    "delivery",
    "intermediary",
    "special_procedures",
    "online_url",
    "announce_completions",
)


def _ordered(items):
    return sorted(items, key=lambda item: (item.sort_order is None, item.sort_order or 0))


def copy_standard(target, standard):
    """Give `target` the standard's shared elements and its materials, steps, FAQ and topics."""
    for name in SHARED_FIELDS:
        setattr(target, name, getattr(standard, name))
    target.draft_title = standard.title
    target.materials = [
        GuideMaterial(
            sort_order=order,
            name=material.name,
            form=material.form,
            copies=material.copies,
            required=material.required,
            note=material.note,
            blank_form_id=material.blank_form_id,
            sample_form_id=material.sample_form_id,
        )
        for order, material in enumerate(_ordered(standard.materials.all()))
    ]
    target.steps = [
        GuideStep(sort_order=order, text=step.text)
        for order, step in enumerate(_ordered(standard.steps.all()))
    ]
    target.faqs = [
        GuideFAQ(sort_order=order, question=faq.question, answer=faq.answer)
        for order, faq in enumerate(_ordered(standard.faqs.all()))
    ]
    target.topics.set([tag.name for tag in standard.topics.all()])


def local_code(standard, center):
    """The local guide's 事项编码: the standard's code with the center's (实施编码), made
    unique if an editor already used it."""
    base = f"{standard.code}-{center.code}"[:50]
    code, number = base, 2
    while ServiceGuidePage.objects.filter(code=code).exists():
        suffix = f"-{number}"
        code = base[: 50 - len(suffix)] + suffix
        number += 1
    return code


def _free_slug(section, base):
    taken = set(section.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


def adopt(standard, section, user, local):
    """Make the township's local guide of `standard` as a draft under `section`.

    `local` maps LOCAL_FIELDS to the township's values. Raises ValidationError (in Chinese)
    when the township already has a copy or a local element breaks the standard.
    """
    center = center_of_page(section)
    with transaction.atomic():
        if local_guides_of(center).filter(standard=standard).exists():
            raise ValidationError(_("本中心已采用该标准事项，请在已采用的指南中修改。"))
        code = local_code(standard, center)
        page = ServiceGuidePage(
            live=False,
            code=code,
            slug=_free_slug(section, code.lower()),
            department=section.specific.department,
            standard=standard,
            standard_revision_id=standard.live_revision_id,
        )
        copy_standard(page, standard)
        for name in LOCAL_FIELDS:
            setattr(page, name, local[name])
        section.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
    return page


def latest_draft(local_guide):
    """The local guide as its editors last saved it (the newest revision)."""
    return local_guide.get_latest_revision_as_object()


def accept_update(local_guide, user):
    """Take the standard's live version into a new draft revision of the local guide,
    keeping its local elements, and submit that revision to the page's workflow.

    Returns (submitted, notes): whether a workflow took the new revision, and Chinese
    sentences for the editor, e.g. that the local promised days came down to the standard's.
    """
    notes = []
    with transaction.atomic():
        page = ServiceGuidePage.objects.select_for_update().get(pk=local_guide.pk)
        standard = ServiceGuidePage.objects.get(pk=page.standard_id)
        draft = latest_draft(page)
        kept = {name: getattr(draft, name) for name in LOCAL_FIELDS}
        copy_standard(draft, standard)
        for name, value in kept.items():
            setattr(draft, name, value)
        if draft.promised_days > standard.promised_days:
            notes.append(
                _("本地承诺办结时限长于新的标准（%(days)s 个工作日），已改为标准的时限。")
                % {"days": standard.promised_days}
            )
            draft.promised_days = standard.promised_days
        draft.standard_revision_id = standard.live_revision_id
        draft.save_revision(user=user, log_action=True)
        workflow = page.get_workflow()
        if workflow is not None:
            # The reviewers must see the accepted version: a review under way restarts on it.
            if page.workflow_in_progress:
                page.current_workflow_state.cancel(user=user)
            workflow.start(page, user)
    return workflow is not None, notes


def is_behind(draft, standard):
    """Whether the standard has published a version newer than the one `draft` adopted."""
    if standard.live_revision_id is None:
        return False
    return (
        draft.standard_revision_id is None or draft.standard_revision_id < standard.live_revision_id
    )
