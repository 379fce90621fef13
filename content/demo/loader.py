"""Build the demo site of the fictional 示范镇便民服务中心.

Every page is published through a Wagtail revision, as an editor's work would be,
so the demo exercises the same paths (revisions, search signals) as real content.
"""

import datetime

import chinese_calendar
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from content.catalog_exchange.importer import CatalogImporter, ascii_slug
from content.catalog_exchange.schema import parse_catalog
from content.models import (
    AnnouncementIndexPage,
    ArticleIndexPage,
    ArticlePage,
    CenterSettings,
    CommitmentPage,
    CompletionAnnouncementPage,
    Department,
    DepartmentSectionPage,
    FeeDisclosurePage,
    HomePage,
    LeaderDuty,
    NoticeAttachment,
    NoticeIndexPage,
    NoticePage,
    PreDisclosureComment,
    PreDisclosurePage,
    ServiceCatalogPage,
    ServiceGuidePage,
    StaffMember,
    StaffRosterPage,
    Window,
)
from content.models.announcements import mask_name
from content.permissions import REVIEWERS_GROUP, department_editors_group

from . import notices, people, texts
from .forms import attach_forms
from .guides import GUIDES


def is_loaded():
    # The catalog page is unique (max_count = 1): once it exists the site has been set up.
    return ServiceCatalogPage.objects.exists()


def load(stdout=None):
    """Load the demo unless it is already there; return True when something was loaded."""
    if is_loaded():
        return False
    with transaction.atomic():
        users = _users()
        home = _home()
        _center_settings(home)
        _publish(
            home, ServiceCatalogPage(title="办事指南", slug="guides", intro=texts.CATALOG_INTRO)
        )
        _guides()
        attach_forms()
        _departments()
        announcements = _publish(
            home,
            AnnouncementIndexPage(
                title="办结公告", slug="announcements", intro=texts.ANNOUNCEMENTS_INTRO
            ),
        )
        _announcements(announcements)
        disclosure = _publish(
            home,
            ArticleIndexPage(title="政务公开", slug="disclosure", intro=texts.DISCLOSURE_INTRO),
        )
        _articles(disclosure)
        _predisclosure(disclosure, users["admin"])
        _notices(_publish(home, NoticeIndexPage(title="通知公告", slug="notices")))
        _publish(home, CommitmentPage(title="服务承诺", slug="commitments", **texts.COMMITMENT))
        _publish(home, FeeDisclosurePage(title="收费公示", slug="fees", intro=texts.FEES_INTRO))
        _publish(
            home, StaffRosterPage(title="工作人员公示", slug="staff", intro=texts.ROSTER_INTRO)
        )
        _roster()
        _duties()
        _group_members(users)
        _order_main_menu(home)
    if stdout is not None:
        stdout.write(
            f"示范数据已载入：{ServiceGuidePage.objects.count()} 个办事指南，"
            f"{Department.objects.count()} 个部门，{CompletionAnnouncementPage.objects.count()} 条办结公告。"
        )
    return True


# The main menu follows the page tree; the demo's sections in the order citizens look for them.
MAIN_MENU = (
    ServiceCatalogPage,
    CommitmentPage,
    FeeDisclosurePage,
    StaffRosterPage,
    AnnouncementIndexPage,
    ArticleIndexPage,
    NoticeIndexPage,
)


def _order_main_menu(home):
    for page_class in MAIN_MENU:
        for page in page_class.objects.child_of(home):
            page.move(home, pos="last-child")


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _users():
    User = get_user_model()
    created = {}
    for key, (username, password, name) in {
        "admin": people.ADMIN,
        "editor": people.EDITOR,
        "reviewer": people.REVIEWER,
    }.items():
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(
                username=username,
                first_name=name,
                is_staff=key == "admin",
                is_superuser=key == "admin",
            )
            user.set_password(password)
            user.save()
        created[key] = user
    return created


def _group_members(users):
    civil = Department.objects.get(name="民政办")
    users["editor"].groups.add(department_editors_group(civil))
    users["reviewer"].groups.add(Group.objects.get(name=REVIEWERS_GROUP))


def _home():
    home = HomePage.objects.first()
    if home is None:
        raise RuntimeError("没有首页（HomePage），请先运行 python manage.py migrate。")
    home = home.get_latest_revision_as_object()
    for field, value in texts.HOME.items():
        setattr(home, field, value)
    home.save_revision().publish()
    return HomePage.objects.get(pk=home.pk)


def _center_settings(home):
    site = Site.objects.filter(root_page=home).first() or Site.objects.get(is_default_site=True)
    settings = CenterSettings.for_site(site)
    for field, value in texts.CENTER.items():
        setattr(settings, field, value)
    settings.save()


def _guides():
    importer = CatalogImporter(publish=True)
    for parsed in parse_catalog(GUIDES):
        if not parsed.ok:
            raise ValueError(f"demo guide {parsed.label}: {parsed.errors}")
        importer.import_record(parsed.data)


def _departments():
    for order, (name, responsibilities) in enumerate(people.DEPARTMENTS.items(), start=1):
        Department.objects.filter(name=name).update(
            responsibilities=responsibilities, sort_order=order
        )


def _announcements(index):
    today = timezone.localdate()
    sections = {}
    for number, (code, applicant, result, days_ago) in enumerate(people.ANNOUNCEMENTS, start=1):
        guide = ServiceGuidePage.objects.select_related("department").get(code=code)
        department = guide.department
        if department.pk not in sections:
            sections[department.pk] = _publish(
                index,
                DepartmentSectionPage(
                    title=department.name,
                    slug=department.slug or ascii_slug(department.name, "dept"),
                    department=department,
                ),
            )
        completed_on = today - datetime.timedelta(days=days_ago)
        _publish(
            sections[department.pk],
            CompletionAnnouncementPage(
                title=f"{guide.title}（{mask_name(applicant)}）",
                slug=f"{code.lower()}-{number:02d}",
                guide=guide,
                matter=guide.title,
                applicant=applicant,
                result=result,
                result_note=people.RESULT_NOTES[result],
                completed_on=completed_on,
                department=department,
            ),
        )


def _articles(index):
    today = timezone.localdate()
    for article in texts.ARTICLES:
        _publish(index, ArticlePage(issued_on=today.replace(month=1, day=1), **article))


def _notices(index):
    # Oldest first, so the publish times agree with the notices' dates.
    for fields, document in reversed(notices.notices(timezone.localdate())):
        page = NoticePage(slug=f"notice-{fields['date']:%Y%m%d}-{fields['category']}", **fields)
        if document is not None:
            page.attachments = [NoticeAttachment(document=document)]
        _publish(index, page)


def _predisclosure(index, moderator):
    data = dict(texts.PREDISCLOSURE)
    comments = data.pop("comments")
    today = timezone.localdate()
    # Opened a week ago, so every sample comment (sent in the last hours) falls inside the period.
    opens = today - datetime.timedelta(days=7)
    page = _publish(
        index,
        PreDisclosurePage(
            comment_opens=opens, comment_closes=opens + datetime.timedelta(days=30), **data
        ),
    )
    now = timezone.now()
    for hours_ago, (name, body, status) in enumerate(comments, start=1):
        approved = status == PreDisclosureComment.STATUS_APPROVED
        PreDisclosureComment.objects.create(
            page=page,
            name=name,
            body=body,
            status=status,
            submitted_at=now - datetime.timedelta(hours=hours_ago),
            moderated_by=moderator if approved else None,
            moderated_at=now if approved else None,
        )


def _roster():
    order = 0
    for first, second in people.STAFF_PAIRS:
        members = []
        for name, post, department, window, duties in (first, second):
            order += 1
            members.append(
                StaffMember.objects.create(
                    name=name,
                    post=post,
                    department=Department.objects.get(name=department),
                    window=Window.objects.get(name=window),
                    duties=duties,
                    sort_order=order,
                )
            )
        # A/B posts cover each other both ways.
        members[0].backup = members[1]
        members[1].backup = members[0]
        for member in members:
            member.save(update_fields=["backup"])
    for name, post, duties in people.LEADERS:
        order += 1
        StaffMember.objects.create(
            name=name, post=post, duties=duties, is_leader=True, sort_order=order
        )


def is_workday(day):
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        # The holiday table ends at a year the State Council has not announced yet.
        return day.weekday() < 5


def _duties():
    leaders = list(StaffMember.objects.filter(is_leader=True).order_by("sort_order"))
    today = timezone.localdate()
    start = today.replace(day=1)
    following = (start + datetime.timedelta(days=32)).replace(day=1)
    end = (following + datetime.timedelta(days=32)).replace(day=1)
    day, turn = start, 0
    while day < end:
        if is_workday(day):
            LeaderDuty.objects.get_or_create(
                date=day, defaults={"leader": leaders[turn % len(leaders)]}
            )
            turn += 1
        day += datetime.timedelta(days=1)
