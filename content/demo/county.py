"""The demo county: the county center (示范县政务服务中心) on ``county.localhost`` with an
overview of every center, and two more townships on ``<code>.localhost``, each with its own
small catalog, departments, windows, roster, a notice and editor accounts (docs/county.md).

The first demo center (示范镇) stays on the default Site (``localhost`` and any other host), so
every existing journey is unchanged; it joins the county as one of its three townships.
Browsers resolve ``*.localhost`` to 127.0.0.1, and a Site left on port 80 is matched by host
name whatever port runserver uses, so ``make run`` needs no step for the other portals.
Listed in settings.DEMO_LOADERS after the intranet demo (whose accounts join 示范镇 here);
the intranet part of the county (staff accounts, complaints) is ``intranet/demo_county.py``.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site

from centers.models import Center, Membership
from content.catalog_exchange.importer import ascii_slug
from content.demo.standard_catalog import adopt_standard_guides, give_standard_guides
from content.models import (
    CenterSettings,
    Department,
    DepartmentSectionPage,
    GuideMaterial,
    GuideStep,
    HomePage,
    NoticeIndexPage,
    NoticePage,
    ServiceCatalogPage,
    ServiceGuidePage,
    StaffMember,
    StaffRosterPage,
    Window,
)
from content.permissions import ensure_center_editorial

PASSWORD = "demo-pass-2026"  # noqa: S105 (printed demo login, never used in production)
COUNTY_CODE = "county"
FIRST_TOWNSHIP = {"name": "示范镇便民服务中心", "sort_order": 1}


def guide(code, title, department, window, days, materials, steps, **fields):
    return {
        "code": code,
        "title": title,
        "department": department,
        "window": window,
        "promised_days": days,
        "statutory_days": max(days, 20) if days else None,
        "materials": materials,
        "steps": steps,
        **fields,
    }


COUNTY = {
    "code": COUNTY_CODE,
    "name": "示范县政务服务中心",
    "kind": Center.Kind.COUNTY,
    "sort_order": 0,
    "welcome": "示范县政务服务中心",
    "intro": "<p>县政务服务中心统筹全县乡镇（街道）便民服务中心，下列各中心均可就近办理。</p>",
    "settings": {
        "center_name": "示范县政务服务中心",
        "address": "示范县行政中心东路88号",
        "hours": "周一至周五 9:00-12:00，13:30-17:30",
        "phone": "0000-6200000",
        "complaint_phone": "0000-6200012",
        "complaint_channels": "县政务服务中心大厅意见箱\n12345 政务服务便民热线",
    },
    "departments": {
        "县市场监管局窗口": ("企业登记窗口", "企业开办、变更和注销登记。"),
        "县住建局窗口": ("工程建设窗口", "建筑工程施工许可和竣工验收备案。"),
    },
    "guides": [
        guide(
            "COUNTY-QYKB-001",
            "企业开办“一件事”",
            "县市场监管局窗口",
            "企业登记窗口",
            1,
            ["企业名称申报材料", "法定代表人身份证件", "住所使用证明"],
            ["网上或窗口提交申请", "审核发照、刻章、申领发票同步办理"],
            for_organisations=True,
        ),
        guide(
            "COUNTY-SGXK-001",
            "建筑工程施工许可证核发",
            "县住建局窗口",
            "工程建设窗口",
            5,
            ["建筑工程施工许可证申请表", "建设工程规划许可证", "施工合同"],
            ["窗口受理", "材料审查", "核发施工许可证"],
            for_organisations=True,
        ),
    ],
    "staff": [
        ("钱立新", "县政务服务中心主任", None, None, True),
        ("冯晓梅", "企业登记窗口A岗", "县市场监管局窗口", "企业登记窗口", False),
        ("韩志刚", "企业登记窗口B岗", "县市场监管局窗口", "企业登记窗口", False),
    ],
    "notice": (
        "县政务服务中心延长午间服务时间的通知",
        "自下月起，工作日中午12:00-13:30设“午间不打烊”窗口。",
    ),
}

TOWNSHIPS = [
    {
        "code": "dongling",
        "name": "东岭镇便民服务中心",
        "kind": Center.Kind.TOWNSHIP,
        "sort_order": 2,
        "welcome": "东岭镇便民服务中心",
        "intro": "<p>东岭镇便民服务中心设在镇政府一楼，民生事项一窗受理。</p>",
        "settings": {
            "center_name": "东岭镇便民服务中心",
            "address": "东岭镇东岭大街12号",
            "hours": "周一至周五 8:30-12:00，14:00-17:30",
            "phone": "0000-6310000",
            "complaint_phone": "0000-6310012",
            "complaint_channels": "大厅意见箱\n镇纪委：0000-6310013",
        },
        "departments": {
            "民政办": ("综合窗口", "最低生活保障、临时救助和高龄津贴。"),
            "农业农村办": ("综合窗口", "耕地地力保护补贴和农机购置补贴。"),
        },
        "guides": [
            guide(
                "DL-GLJT-001",
                "高龄津贴申领",
                "民政办",
                "综合窗口",
                5,
                ["申请人居民身份证", "居民户口簿", "本人银行账户"],
                ["窗口受理", "村（社区）核实", "镇民政办审核发放"],
            ),
            guide(
                "DL-LSJZ-001",
                "临时救助申请",
                "民政办",
                "综合窗口",
                10,
                ["临时救助申请书", "申请人居民身份证", "困难情况证明材料"],
                ["申请受理", "入户调查", "审核审批", "发放救助金"],
            ),
            guide(
                "DL-NJBT-001",
                "农机购置补贴申请",
                "农业农村办",
                "综合窗口",
                0,
                ["购机发票", "申请人居民身份证", "农机具照片"],
                ["窗口受理", "现场核验"],
            ),
        ],
        "staff": [
            ("林国庆", "东岭镇副镇长（中心主任）", None, None, True),
            ("何丽娟", "综合窗口A岗", "民政办", "综合窗口", False),
            ("许文斌", "综合窗口B岗", "农业农村办", "综合窗口", False),
        ],
        "notice": (
            "东岭镇便民服务中心集中办理高龄津贴年审的通知",
            "本月每周三在中心综合窗口集中办理高龄津贴年审。",
        ),
    },
    {
        "code": "xishan",
        "name": "西山乡便民服务中心",
        "kind": Center.Kind.TOWNSHIP,
        "sort_order": 3,
        "welcome": "西山乡便民服务中心",
        "intro": "<p>西山乡便民服务中心为山区群众提供就近办、代办和上门服务。</p>",
        "settings": {
            "center_name": "西山乡便民服务中心",
            "address": "西山乡政府院内",
            "hours": "周一至周六 9:00-12:00，14:00-17:00",
            "phone": "0000-6420000",
            "complaint_phone": "0000-6420012",
            "complaint_channels": "大厅意见箱\n乡纪委：0000-6420013",
        },
        "departments": {
            "社会事务办": ("1号窗口（社会事务）", "城乡居民养老保险、残疾人两项补贴。"),
            "林业站": ("2号窗口（林业）", "林木采伐和林权登记初审。"),
        },
        "guides": [
            guide(
                "XS-YLBX-001",
                "城乡居民养老保险参保登记",
                "社会事务办",
                "1号窗口（社会事务）",
                0,
                ["申请人居民身份证", "居民户口簿"],
                ["窗口受理", "信息录入，当场办结"],
            ),
            guide(
                "XS-LMCF-001",
                "林木采伐许可初审",
                "林业站",
                "2号窗口（林业）",
                7,
                ["林木采伐申请表", "林权证明", "采伐作业设计"],
                ["窗口受理", "现场查验", "初审后报县林业局"],
            ),
        ],
        "staff": [
            ("马春华", "西山乡副乡长（中心主任）", None, None, True),
            ("邓玉兰", "社会事务窗口A岗", "社会事务办", "1号窗口（社会事务）", False),
            ("罗建军", "林业窗口A岗", "林业站", "2号窗口（林业）", False),
        ],
        "notice": (
            "西山乡开展林木采伐“代办上门”服务的公告",
            "偏远村组群众可预约由代办员上门受理林木采伐申请。",
        ),
    },
]

HOST_SUFFIX = ".localhost"


def is_loaded():
    return Center.objects.filter(code=COUNTY_CODE).exists()


def load(stdout=None):
    """Build the demo county once; return False when it is already there."""
    if is_loaded():
        return False
    first = Center.objects.order_by("pk").first()
    if first is None or not ServiceCatalogPage.objects.exists():
        raise RuntimeError("请先载入示范镇的示范数据（content.demo.load）。")
    with transaction.atomic():
        _accounts_join(first)
        county = _build_center(COUNTY, parent=None)
        Center.objects.filter(pk=first.pk).update(parent=county, **FIRST_TOWNSHIP)
        first.refresh_from_db()
        ensure_center_editorial(first)
        centers = [county, first]
        for spec in TOWNSHIPS:
            centers.append(_build_center(spec, parent=county))
        _oversight_account(county)
        # The county's guides are its standard list: 东岭镇 adopted one, the others none yet,
        # so the gaps report has something to show (docs/county.md, "The standard catalog").
        give_standard_guides(county)
        adopt_standard_guides(centers[2], count=1)
    if stdout is not None:
        stdout.write(f"示范县已载入：{Center.objects.count()} 个中心。")
    return True


def _accounts_join(first):
    """The accounts made so far (the first center's) join it before a second center exists:
    an account without membership belongs to no center once there are several."""
    for user in get_user_model().objects.filter(center_membership__isnull=True):
        Membership.objects.create(user=user, center=first)


def _build_center(spec, parent):
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(
            title=spec["name"], slug=spec["code"], welcome=spec["welcome"], intro=spec["intro"]
        )
    )
    home.save_revision().publish()
    site = Site.objects.create(
        hostname=f"{spec['code']}{HOST_SUFFIX}", port=80, root_page=home, site_name=spec["name"]
    )
    center = Center.objects.create(
        name=spec["name"],
        code=spec["code"],
        kind=spec["kind"],
        site=site,
        parent=parent,
        sort_order=spec["sort_order"],
    )
    settings = CenterSettings.for_site(site)
    for field, value in spec["settings"].items():
        setattr(settings, field, value)
    settings.save()
    editorial = ensure_center_editorial(center)
    departments, windows = _organisation(center, spec["departments"])
    catalog = _publish(home, ServiceCatalogPage(title="办事指南", slug="guides"))
    _catalog(catalog, spec["guides"], departments, windows, spec["settings"]["phone"])
    _publish(home, StaffRosterPage(title="工作人员公示", slug="staff"))
    _roster(center, spec["staff"], departments, windows)
    notices = _publish(home, NoticeIndexPage(title="通知公告", slug="notices"))
    title, summary = spec["notice"]
    _publish(
        notices,
        NoticePage(
            title=title,
            slug="notice-1",
            date=timezone.localdate(),
            category="notice",
            summary=summary,
            body=f"<p>{summary}</p>",
        ),
    )
    _editor_accounts(center, editorial)
    return center


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _organisation(center, spec):
    departments, windows = {}, {}
    for order, (name, (window_name, responsibilities)) in enumerate(spec.items(), start=1):
        departments[name] = Department.objects.create(
            center=center,
            name=name,
            slug=ascii_slug(name, f"department-{order}"),
            responsibilities=responsibilities,
            sort_order=order,
        )
        if window_name not in windows:
            windows[window_name] = Window.objects.create(
                center=center,
                name=window_name,
                department=departments[name],
                location=f"{center.name}一楼大厅",
                sort_order=len(windows) + 1,
            )
    return departments, windows


def _catalog(catalog, guides, departments, windows, phone):
    sections = {}
    for spec in guides:
        department = departments[spec["department"]]
        if department.pk not in sections:
            sections[department.pk] = _publish(
                catalog,
                DepartmentSectionPage(
                    title=department.name, slug=department.slug, department=department
                ),
            )
        page = ServiceGuidePage(
            title=spec["title"],
            slug=spec["code"].lower(),
            code=spec["code"],
            department=department,
            window=windows[spec["window"]],
            promised_days=spec["promised_days"],
            statutory_days=spec["statutory_days"],
            for_organisations=spec.get("for_organisations", False),
            for_individuals=not spec.get("for_organisations", False),
            location=windows[spec["window"]].location,
            hours="工作日办公时间",
            phone=phone,
        )
        for order, name in enumerate(spec["materials"]):
            page.materials.add(GuideMaterial(name=name, form="原件", sort_order=order))
        for order, text in enumerate(spec["steps"]):
            page.steps.add(GuideStep(text=text, sort_order=order))
        _publish(sections[department.pk], page)


def _roster(center, staff, departments, windows):
    members = []
    for order, (name, post, department, window, is_leader) in enumerate(staff, start=1):
        members.append(
            StaffMember.objects.create(
                center=center,
                name=name,
                post=post,
                department=departments.get(department),
                window=windows.get(window),
                is_leader=is_leader,
                sort_order=order,
            )
        )
    # The two window posts stand in for each other (A/B岗).
    first, second = members[1], members[2]
    StaffMember.objects.filter(pk=first.pk).update(backup=second)
    StaffMember.objects.filter(pk=second.pk).update(backup=first)


def _account(username, name, center, *groups, county_oversight=False):
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, first_name=name
    )
    user.groups.add(*groups)
    Membership.objects.create(user=user, center=center, county_oversight=county_oversight)
    return user


def _editor_accounts(center, editorial):
    _account(f"{center.code}-editor", f"{center.name}编辑", center, editorial.editors)
    _account(f"{center.code}-reviewer", f"{center.name}审核人", center, editorial.reviewers)


def _oversight_account(county):
    _account("county-oversight", "县政务服务中心督查员", county, county_oversight=True)


def portal_urls(port=8000):
    """(center name, address of its portal) for ``make run`` and the README."""
    suffix = "" if port == 80 else f":{port}"
    rows = []
    for center in Center.objects.select_related("site").order_by("sort_order", "name"):
        if center.site is None:
            continue
        host = "127.0.0.1" if center.site.is_default_site else center.site.hostname
        rows.append((center.name, f"http://{host}{suffix}/"))
    return rows


def account_lines():
    lines = [f"示范县（各中心账号密码均为 {PASSWORD}）："]
    for center in Center.objects.exclude(code="default").order_by("sort_order", "name"):
        lines.append(f"  {center.name}：编辑 {center.code}-editor  审核人 {center.code}-reviewer")
    lines.append("  县级督查（只读查看全县各中心记录）：county-oversight")
    return lines
