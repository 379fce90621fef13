"""A county center with standard guides and a township with its own catalog, workflow,
editors and reviewer: what every standard catalog test starts from."""

from types import SimpleNamespace

from django.contrib.auth.models import Permission
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from centers.models import Center
from content.models import (
    Department,
    DepartmentSectionPage,
    ServiceCatalogPage,
    ServiceGuidePage,
    Window,
)
from content.permissions import REVIEWERS_GROUP, WORKFLOW_NAME, department_editors_group
from content.standard_catalog.adoption import adopt
from tests.builders import (
    add_guide,
    add_township,
    fresh_home,
    join_center,
    make_user,
    publish,
    the_existing_center,
)


def catalog_section(home, department, slug):
    catalog = home.add_child(instance=ServiceCatalogPage(title="办事指南", slug="guides"))
    publish(catalog)
    section = catalog.add_child(
        instance=DepartmentSectionPage(title=department.name, slug=slug, department=department)
    )
    return publish(section)


def add_standard(section, department, *, title, code, standard_code, **fields):
    return add_guide(
        section,
        title=title,
        code=code,
        department=department,
        standard_code=standard_code,
        materials=["居民身份证", "户口簿"],
        steps=["申请", "审核", "办结"],
        **fields,
    )


def township_with_catalog(name, code, hostname, county):
    township = add_township(name, code, hostname, parent=county)
    home = township.site.root_page.specific
    publish(home)
    department = Department.objects.create(
        name=f"{name[:3]}民政办", slug=f"{code}-minzheng", center=township
    )
    window = Window.objects.create(name=f"{name[:3]}综合窗口1号", department=department)
    section = catalog_section(home, department, "minzheng")
    # The township's pages go through the same approval workflow as the county's (instead of
    # the one its first department gave it, content.permissions.ensure_center_editorial).
    WorkflowPage.objects.update_or_create(
        page=home, defaults={"workflow": Workflow.objects.get(name=WORKFLOW_NAME)}
    )
    editor = join_center(
        make_user(f"{code}_editor", department_editors_group(department)), township
    )
    return SimpleNamespace(
        center=township, home=home, section=section, window=window, editor=editor
    )


def build(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "dongling.localhost", "xishan.localhost"]
    county = the_existing_center()
    county.kind = Center.Kind.COUNTY
    county.name = "示范县政务服务中心"
    county.save()
    home = fresh_home()
    county_department = Department.objects.create(
        name="县民政局", slug="xian-minzheng", center=county
    )
    county_section = catalog_section(home, county_department, "minzheng")
    subsidy = add_standard(
        county_section,
        county_department,
        title="高龄津贴申请",
        code="XMZ-001",
        standard_code="BZ-001",
        conditions="年满80周岁的本县户籍老年人。",
        promised_days=10,
    )
    dibao = add_standard(
        county_section,
        county_department,
        title="最低生活保障申请",
        code="XMZ-002",
        standard_code="BZ-002",
        promised_days=15,
    )
    dongling = township_with_catalog("东岭镇便民服务中心", "dongling", "dongling.localhost", county)
    xishan = township_with_catalog("西山镇便民服务中心", "xishan", "xishan.localhost", county)
    reviewer = make_user("reviewer", REVIEWERS_GROUP)
    for township in (dongling, xishan):
        for codename in ("add_page", "change_page", "publish_page"):
            GroupPagePermission.objects.get_or_create(
                group=reviewer.groups.get(),
                page=township.home,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    county_staff = join_center(make_user("county_staff", "编辑"), county)
    return SimpleNamespace(
        county=county,
        county_section=county_section,
        subsidy=subsidy,
        dibao=dibao,
        dongling=dongling,
        xishan=xishan,
        reviewer=reviewer,
        county_staff=county_staff,
    )


LOCAL = {
    "window": None,
    "location": "东岭镇便民服务中心一楼",
    "hours": "周一至周五 8:30-17:00",
    "phone": "0000-5550001",
    "complaint_phone": "0000-5550002",
    "promised_days": 7,
    "implementing_body": "东岭镇人民政府",
}


def adopted(world, standard, township=None, **local):
    township = township or world.dongling
    values = {**LOCAL, "window": township.window, **local}
    return adopt(standard, township.section, township.editor, values)


def approve(guide, reviewer):
    """The reviewer approves the guide's running workflow (which publishes it)."""
    page = ServiceGuidePage.objects.get(pk=guide.pk)
    page.current_workflow_state.current_task_state.specific.approve(user=reviewer)
    return ServiceGuidePage.objects.get(pk=guide.pk)


def change_standard(standard, **fields):
    """The county edits and publishes its standard guide."""
    draft = standard.get_latest_revision_as_object()
    for name, value in fields.items():
        setattr(draft, name, value)
    draft.save_revision().publish()
    return ServiceGuidePage.objects.get(pk=standard.pk)
