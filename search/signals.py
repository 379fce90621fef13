"""Follow Wagtail's publishing events and snippet saves into the search outbox."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from centers.models import Center

from . import outbox, page_centers
from .documents import PAGE_BUILDERS, page_doc_id, staff_doc_id
from .models import OutboxEntry, SynonymGroup


def _indexed_page_ids(page, include_self=True):
    """The page and its descendants of indexed types (their URLs and visibility follow it)."""
    from django.contrib.contenttypes.models import ContentType

    types = ContentType.objects.filter(app_label="content", model__in=list(PAGE_BUILDERS))
    ids = list(page.get_descendants().filter(content_type__in=types).values_list("pk", flat=True))
    if include_self:
        ids.insert(0, page.pk)
    return ids


def _fee_pages():
    from content.models import FeeDisclosurePage

    return list(FeeDisclosurePage.objects.values_list("pk", flat=True))


def on_page_changed(sender, instance, **kwargs):
    ids = _indexed_page_ids(instance)
    model = instance.specific_class._meta.model_name if instance.specific_class else ""
    if model == "serviceguidepage":
        ids.extend(_fee_pages())  # the fee disclosure lists charged guides' fees
    if model == "staffrosterpage":
        from content.models import StaffMember

        outbox.enqueue(
            [staff_doc_id(pk) for pk in StaffMember.objects.values_list("pk", flat=True)]
        )
    outbox.enqueue([page_doc_id(pk) for pk in ids])


def on_page_moved(sender, instance, **kwargs):
    page_centers.forget()  # a Site root may have moved
    outbox.enqueue([page_doc_id(pk) for pk in _indexed_page_ids(instance)])


def on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        outbox.enqueue([page_doc_id(instance.pk)], action=OutboxEntry.ACTION_DELETE)


def on_view_restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        outbox.enqueue([page_doc_id(pk) for pk in _indexed_page_ids(page)])


def on_staff_changed(sender, instance, **kwargs):
    outbox.enqueue([staff_doc_id(instance.pk)])


def on_staff_deleted(sender, instance, **kwargs):
    outbox.enqueue([staff_doc_id(instance.pk)], action=OutboxEntry.ACTION_DELETE)


def on_department_changed(sender, instance, **kwargs):
    """A renamed department changes the department shown on its guides and staff."""
    from content.models import ServiceGuidePage

    pages = ServiceGuidePage.objects.filter(department=instance).values_list("pk", flat=True)
    staff = instance.staff.values_list("pk", flat=True)
    outbox.enqueue([page_doc_id(pk) for pk in pages] + [staff_doc_id(pk) for pk in staff])


def on_center_settings_changed(sender, instance, **kwargs):
    """Hours, address and phones are part of the home page's entry."""
    from content.models import HomePage

    pages = HomePage.objects.filter(pk=instance.site.root_page_id).values_list("pk", flat=True)
    outbox.enqueue([page_doc_id(pk) for pk in pages])


def on_center_changed(sender, instance, **kwargs):
    """A center's code or Site is in every entry of its pages and staff: refresh them."""
    from content.models import StaffMember

    page_centers.forget()
    if kwargs.get("raw"):
        return  # loading a fixture or restoring a database: the rows may not all be there yet
    site = Site.objects.filter(pk=instance.site_id).select_related("root_page").first()
    ids = []
    if site is not None:
        ids = [page_doc_id(pk) for pk in _indexed_page_ids(site.root_page)]
    staff = StaffMember.objects.filter(department__center=instance).values_list("pk", flat=True)
    outbox.enqueue(ids + [staff_doc_id(pk) for pk in staff])


def on_synonyms_changed(sender, **kwargs):
    from .analysis.synonyms import bump_version

    bump_version()


def connect():
    from content.models import CenterSettings, Department, StaffMember

    page_published.connect(on_page_changed, dispatch_uid="portal_search_published")
    page_unpublished.connect(on_page_changed, dispatch_uid="portal_search_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="portal_search_moved")
    post_delete.connect(on_page_deleted, dispatch_uid="portal_search_page_deleted")
    post_save.connect(
        on_view_restriction_changed,
        sender=PageViewRestriction,
        dispatch_uid="portal_search_vr_saved",
    )
    post_delete.connect(
        on_view_restriction_changed,
        sender=PageViewRestriction,
        dispatch_uid="portal_search_vr_deleted",
    )
    post_save.connect(
        on_staff_changed, sender=StaffMember, dispatch_uid="portal_search_staff_saved"
    )
    post_delete.connect(
        on_staff_deleted, sender=StaffMember, dispatch_uid="portal_search_staff_deleted"
    )
    post_save.connect(
        on_department_changed, sender=Department, dispatch_uid="portal_search_department"
    )
    post_save.connect(
        on_center_settings_changed,
        sender=CenterSettings,
        dispatch_uid="portal_search_center_settings",
    )
    post_save.connect(on_center_changed, sender=Center, dispatch_uid="portal_search_center")
    post_delete.connect(
        page_centers.forget, sender=Center, dispatch_uid="portal_search_center_deleted"
    )
    for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(page_centers.forget, sender=Site, dispatch_uid=f"portal_search_site_{name}")
    post_save.connect(
        on_synonyms_changed, sender=SynonymGroup, dispatch_uid="portal_search_synonyms_saved"
    )
    post_delete.connect(
        on_synonyms_changed, sender=SynonymGroup, dispatch_uid="portal_search_synonyms_deleted"
    )
