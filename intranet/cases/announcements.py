"""办结公告 generated from closed cases, published the way editors publish theirs."""

from content.models import AnnouncementIndexPage, CompletionAnnouncementPage, DepartmentSectionPage
from content.models.announcements import mask_name

RESULTS = {"granted": "approved", "denied": "rejected", "reported": "referred"}


def _section(index, department):
    section = DepartmentSectionPage.objects.child_of(index).filter(department=department).first()
    if section is None:
        section = DepartmentSectionPage(
            title=department.name, slug=department.slug, department=department
        )
        index.add_child(instance=section)
        section.save_revision().publish()
    return section


def publish_for(case, today):
    """Publish the case's announcement unless its guide is private (or has nowhere to go)."""
    guide = case.guide
    if guide is None or not guide.announce_completions or guide.department_id is None:
        return None
    # Into the announcement list of the case's own center's portal.
    index = AnnouncementIndexPage.objects.live()
    site = case.center.site
    if site is not None:
        index = index.descendant_of(site.root_page)
    index = index.first()
    if index is None:
        return None
    page = CompletionAnnouncementPage(
        title=f"{guide.title}（{mask_name(case.applicant_name)}）",
        guide=guide,
        matter=guide.title,
        applicant=case.applicant_name,
        result=RESULTS[case.result],
        result_note=case.public_result,
        completed_on=today,
        department=guide.department,
    )
    # No slug: the page makes one from the guide code. Never the receipt number, which with
    # the phone's last digits opens the case's progress page.
    _section(index, guide.department).add_child(instance=page)
    page.save_revision().publish()
    case.announcement = page
    case.save(update_fields=["announcement"])
    return page
