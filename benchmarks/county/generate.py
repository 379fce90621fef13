"""Synthetic data for a county: centers with their Sites, departments, windows, guide pages,
completion announcements, one staff account per center and cases.

    python -m benchmarks.county generate --centers 30 --guides 3000 --cases 300000

Every center gets a Wagtail Site `c01.county.test` … with its own home page, catalog and
announcement board; guides and announcements are live pages (benchmarks/county/tree.py),
cases go in with `bulk_create`. Everything is written in one transaction and only into an
install that has no load-test centers yet (codes `LT01` …): a second run changes nothing
and says so. The data is the same for the same `--seed`. Rebuild the public search index
afterwards (`manage.py search_rebuild`; `.ci/loadtest-county.sh` does).
"""

import datetime
import random
import time
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Page, Site

from benchmarks.county.tree import add_live_children
from centers.models import Center, Membership
from content.models import (
    AnnouncementIndexPage,
    CenterSettings,
    CompletionAnnouncementPage,
    Department,
    DepartmentSectionPage,
    HomePage,
    ServiceCatalogPage,
    ServiceGuidePage,
    Window,
)
from content.models.announcements import mask_name
from content.models.catalog import GuideFAQ, GuideMaterial, GuideStep, GuideTopic
from intranet.cases.models import Case

CODE_PREFIX = "LT"
CASE_BATCH = 5_000

DEPARTMENTS = (
    ("民政办", "社会救助"),
    ("社会保障服务所", "社会保险"),
    ("派出所户籍室", "户籍办理"),
    ("农业农村服务中心", "农业农村"),
    ("退役军人服务站", "优抚安置"),
    ("司法所", "法律服务"),
    ("市场监管所", "市场准入"),
    ("卫生健康办", "婚育收养"),
)
MATTERS = (
    "出生登记",
    "户口迁移",
    "居民身份证申领",
    "最低生活保障申请",
    "临时救助申请",
    "特困人员供养申请",
    "残疾人证办理",
    "高龄津贴申领",
    "城乡居民养老保险参保登记",
    "城乡居民医疗保险参保登记",
    "就业登记",
    "失业登记",
    "生育登记",
    "农机购置补贴申请",
    "耕地地力保护补贴",
    "宅基地使用申请",
    "优待证申领",
    "法律援助申请",
    "人民调解申请",
    "个体工商户登记",
    "食品经营许可",
    "独生子女父母奖励",
    "流动人口婚育证明",
    "医疗救助申请",
    "困难残疾人生活补贴",
)
VARIANTS = ("", "（变更）", "（补办）", "（注销）", "（延续）", "（复核）", "（转移）", "（查询）")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英"
CASE_STATES = (
    (Case.State.COLLECTED, 45),
    (Case.State.COMPLETED, 35),
    (Case.State.ACCEPTED, 12),
    (Case.State.RECEIVED, 4),
    (Case.State.SUPPLEMENT, 2),
    (Case.State.REFUSED, 2),
)


class GeneratorError(Exception):
    """Why nothing was generated; printed without a traceback."""


@dataclass
class Sizes:
    centers: int
    guides: int
    cases: int
    announcements: int
    departments: int = 5
    domain: str = "county.test"
    seed: int = 9

    def share(self, total, index):
        """Center `index`'s part of `total` (the first centers take the remainder)."""
        base, extra = divmod(total, self.centers)
        return base + (1 if index < extra else 0)


@dataclass
class CenterParts:
    center: Center
    home: HomePage
    departments: list = field(default_factory=list)
    windows: dict = field(default_factory=dict)  # department id -> window
    guides: list = field(default_factory=list)
    staff: object = None


def hostname(number, domain):
    return f"c{number:02d}.{domain}"


def existing_centers():
    return Center.objects.filter(code__startswith=CODE_PREFIX)


def generate(sizes, out=print):
    """Build the county; return {stage: seconds}. Raises GeneratorError and writes nothing
    when load-test centers exist already or the sizes make no sense."""
    if sizes.centers < 1 or sizes.guides < sizes.centers:
        raise GeneratorError("至少需要 1 个中心，且每个中心至少 1 个办事指南。")
    if sizes.centers > 99:
        raise GeneratorError("中心数不能超过 99（中心代码 LT01–LT99）。")
    if min(sizes.cases, sizes.announcements) < 0 or sizes.departments < 1:
        raise GeneratorError("办件数、公告数不能为负，部门数至少为 1。")
    if existing_centers().exists():
        raise GeneratorError(
            f"已有压测数据（{existing_centers().count()} 个代码以 {CODE_PREFIX} 开头的中心），"
            "未做任何改动。请换一个空数据库。"
        )
    root = Page.get_first_root_node()
    if root is None:
        raise GeneratorError("没有页面树根节点，请先运行 python manage.py migrate。")

    rng = random.Random(sizes.seed)  # noqa: S311 (synthetic data, reproducible by seed)
    now = timezone.now()
    timings = {}

    def stage(name, build):
        started = time.perf_counter()
        result = build()
        timings[name] = round(time.perf_counter() - started, 2)
        out(f"{name}: {timings[name]:.2f} s")
        return result

    with transaction.atomic():
        parts = stage("centers, sites, home pages", lambda: _centers(root, sizes, now))
        stage("departments, windows, staff", lambda: _organisation(parts, sizes))
        stage("guide pages", lambda: _guides(parts, sizes, rng, now))
        stage("completion announcements", lambda: _announcements(parts, sizes, rng, now))
        stage("cases", lambda: _cases(parts, sizes, rng, now, out))
    out(
        f"done: {sizes.centers} centers, {sum(len(p.guides) for p in parts)} guides, "
        f"{sizes.announcements} announcements, {sizes.cases} cases "
        f"in {sum(timings.values()):.1f} s"
    )
    return timings


def _centers(root, sizes, now):
    homes = []
    for number in range(1, sizes.centers + 1):
        homes.append(
            HomePage(
                title=f"第{number:02d}镇便民服务中心",
                slug=f"lt{number:02d}",
                welcome=f"欢迎访问第{number:02d}镇便民服务中心",
                commitment_summary="一次告知\n限时办结\n首问负责",
            )
        )
    add_live_children(root, homes, published_at=now)
    parts = []
    for number, home in enumerate(homes, start=1):
        site = Site.objects.create(
            hostname=hostname(number, sizes.domain),
            port=80,
            root_page=home,
            site_name=home.title,
        )
        CenterSettings.objects.create(
            site=site,
            center_name=home.title,
            address=f"第{number:02d}镇人民路{number}号",
            hours="周一至周五 9:00-12:00，13:30-17:00",
            phone=f"0000-{number:07d}",
            complaint_phone=f"0001-{number:07d}",
        )
        center = Center.objects.create(
            name=home.title,
            code=f"{CODE_PREFIX}{number:02d}",
            kind=Center.Kind.TOWNSHIP,
            site=site,
            sort_order=number,
        )
        parts.append(CenterParts(center=center, home=home))
        add_live_children(
            home,
            [ServiceCatalogPage(title="办事指南", slug="guides", show_in_menus=True)],
            published_at=now,
        )
        add_live_children(
            home,
            [AnnouncementIndexPage(title="办结公告", slug="announcements", show_in_menus=True)],
            published_at=now,
        )
    return parts


def _organisation(parts, sizes):
    departments = []
    for index, part in enumerate(parts):
        number = index + 1
        count = max(1, min(sizes.departments, len(DEPARTMENTS), sizes.share(sizes.guides, index)))
        for order, (name, _topic) in enumerate(DEPARTMENTS[:count], start=1):
            department = Department(
                center=part.center,
                name=f"第{number:02d}镇{name}",
                slug=f"lt{number:02d}-d{order}",
                phone=f"0000-{number:03d}{order:04d}",
                sort_order=order,
            )
            part.departments.append(department)
            departments.append(department)
    Department.objects.bulk_create(departments)
    windows = [
        Window(
            name=f"{department.name}窗口",
            center_id=department.center_id,
            department=department,
            location=f"大厅{department.sort_order}号窗口",
            sort_order=department.sort_order,
        )
        for department in departments
    ]
    Window.objects.bulk_create(windows)
    for window in windows:
        part = next(p for p in parts if p.center.pk == window.department.center_id)
        part.windows[window.department_id] = window
    User = get_user_model()
    unusable = make_password(None)
    staff = [
        User(
            username=f"lt{index + 1:02d}-staff",
            first_name=f"第{index + 1:02d}镇工作人员",
            password=unusable,
        )
        for index in range(len(parts))
    ]
    User.objects.bulk_create(staff)
    Membership.objects.bulk_create(
        Membership(user=user, center=part.center) for user, part in zip(staff, parts, strict=True)
    )
    for user, part in zip(staff, parts, strict=True):
        part.staff = user


def _sections(board, part, now):
    """One section per department under the center's catalog or announcement board."""
    parent = board.objects.child_of(part.home).get()
    sections = [
        DepartmentSectionPage(
            title=department.name, slug=f"d{department.sort_order}", department=department
        )
        for department in part.departments
    ]
    add_live_children(parent, sections, published_at=now)
    return dict(zip([d.pk for d in part.departments], sections, strict=True))


def _guides(parts, sizes, rng, now):
    tags = {topic: Tag.objects.get_or_create(name=topic)[0] for _name, topic in DEPARTMENTS}
    titles = [matter + variant for variant in VARIANTS for matter in MATTERS]
    materials, steps, faqs, topics = [], [], [], []
    for index, part in enumerate(parts):
        number = index + 1
        sections = _sections(ServiceCatalogPage, part, now)
        by_department = {department.pk: [] for department in part.departments}
        for n in range(sizes.share(sizes.guides, index)):
            department = part.departments[n % len(part.departments)]
            title = titles[n % len(titles)]
            if n >= len(titles):
                title = f"{title}（{n // len(titles) + 1}）"
            promised = rng.choice((0, 0, 1, 3, 5, 10, 15, 20))
            by_department[department.pk].append(
                ServiceGuidePage(
                    title=title,
                    slug=f"g{n + 1:04d}",
                    code=f"{CODE_PREFIX}{number:02d}-{n + 1:04d}",
                    department=department,
                    window=part.windows[department.pk],
                    basis="《示范条例》第三条",
                    conditions=f"第{number:02d}镇户籍居民或常住人口，符合{title}的办理条件",
                    statutory_days=promised + rng.choice((0, 5, 10)),
                    promised_days=promised,
                    location=f"第{number:02d}镇便民服务中心一楼",
                    hours="工作日 9:00-12:00，13:30-17:00",
                    phone=department.phone,
                    complaint_phone=f"0001-{number:07d}",
                    matter_type="公共服务",
                    implementing_body=f"第{number:02d}镇人民政府",
                    visits=rng.choice((0, 1, 1, 2)),
                    result_name="办理结果通知书",
                    delivery="窗口领取",
                )
            )
        for department_id, guides in by_department.items():
            add_live_children(sections[department_id], guides, published_at=now)
            part.guides.extend(guides)
        for guide in part.guides:
            for order, name in enumerate(("居民身份证", "户口簿", "申请表"), start=1):
                materials.append(
                    GuideMaterial(
                        page_id=guide.pk, sort_order=order, name=name, form="原件", copies=1
                    )
                )
            for order, text in enumerate(("窗口受理", "审核", "办结并送达"), start=1):
                steps.append(GuideStep(page_id=guide.pk, sort_order=order, text=text))
            faqs.append(
                GuideFAQ(
                    page_id=guide.pk,
                    sort_order=1,
                    question=f"{guide.title}需要本人到场吗？",
                    answer="本人不能到场的，可委托他人携带委托书和双方身份证件办理。",
                )
            )
            topic = dict(DEPARTMENTS)[guide.department.name.removeprefix(f"第{number:02d}镇")]
            topics.append(GuideTopic(content_object_id=guide.pk, tag=tags[topic]))
    for model, rows in (
        (GuideMaterial, materials),
        (GuideStep, steps),
        (GuideFAQ, faqs),
        (GuideTopic, topics),
    ):
        model.objects.bulk_create(rows, batch_size=2_000)


def _person(rng):
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _announcements(parts, sizes, rng, now):
    today = timezone.localdate(now)
    for index, part in enumerate(parts):
        sections = _sections(AnnouncementIndexPage, part, now)
        per_section = {department.pk: [] for department in part.departments}
        for n in range(sizes.share(sizes.announcements, index)):
            guide = rng.choice(part.guides)
            applicant = _person(rng)
            per_section[guide.department_id].append(
                CompletionAnnouncementPage(
                    title=f"{guide.title}（{mask_name(applicant)}）",
                    slug=f"{slugify(guide.code)}-{n + 1:05d}",
                    guide=guide,
                    matter=guide.title,
                    applicant=applicant,
                    result=rng.choice(("completed", "completed", "approved")),
                    completed_on=today - datetime.timedelta(days=rng.randrange(365)),
                    department_id=guide.department_id,
                )
            )
        for department_id, announcements in per_section.items():
            add_live_children(sections[department_id], announcements, published_at=now)


def _cases(parts, sizes, rng, now, out):
    states = [state for state, weight in CASE_STATES for _ in range(weight)]
    year = timezone.localdate(now).year
    batch = []
    written = 0
    for index, part in enumerate(parts):
        number = index + 1
        for n in range(sizes.share(sizes.cases, index)):
            batch.append(_case(part, number, n, rng, states, now, year))
            if len(batch) >= CASE_BATCH:
                Case.objects.bulk_create(batch)
                written += len(batch)
                batch = []
                if written % 50_000 == 0:
                    out(f"  cases: {written}")
    Case.objects.bulk_create(batch)


def _case(part, number, n, rng, states, now, year):
    guide = rng.choice(part.guides)
    state = rng.choice(states)
    received_at = now - datetime.timedelta(minutes=rng.randrange(365 * 24 * 60))
    received_on = timezone.localdate(received_at)
    phone = f"13{rng.randrange(10**9):09d}"
    case = Case(
        center=part.center,
        receipt_number=f"BJ-{year}-L{number:02d}{n:06d}",
        phone=phone,
        phone_last4=phone[-4:],
        guide=guide,
        matter=guide.title,
        window=part.windows[guide.department_id],
        first_contact=part.staff,
        handler=part.staff,
        applicant_name=_person(rng),
        channel=rng.choice(Case.Channel.values),
        kind=Case.Kind.IMMEDIATE if guide.promised_days == 0 else Case.Kind.PROMISED,
        promised_days=guide.promised_days,
        state=state,
        received_at=received_at,
    )
    if state != Case.State.RECEIVED:
        case.accepted_on = received_on
        # Calendar days stand in for working days: the figures, not the clock, are measured.
        case.deadline = received_on + datetime.timedelta(days=guide.promised_days * 7 // 5)
    if state in Case.CLOSED_STATES:
        used = rng.randrange(guide.promised_days + 2)
        case.completed_at = min(now, received_at + datetime.timedelta(days=used * 7 // 5, hours=1))
        case.working_days_used = used
        case.on_time = used <= guide.promised_days
        case.result = Case.Result.GRANTED
        if state == Case.State.COLLECTED:
            case.collected_on = timezone.localdate(case.completed_at)
    return case
