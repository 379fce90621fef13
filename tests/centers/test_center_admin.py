"""Center and Membership admin screens (superuser only) and the department form with several
centers (docs/county.md)."""

from django.contrib.auth.models import Group, Permission

from centers.models import Center, Membership
from content.models import Department
from tests.builders import add_township, client_for, make_user, the_existing_center

CENTERS = "/admin/snippets/centers/center/"
MEMBERSHIPS = "/admin/snippets/centers/membership/"
DEPARTMENTS = "/admin/snippets/content/department/"


def superuser():
    return make_user("root", is_superuser=True, is_staff=True)


def editor_granted_every_center_right():
    """An admin user whose group holds every Django right on centers and memberships."""
    group = Group.objects.create(name="中心管理（不应生效）")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="centers"),
    )
    return make_user("clerk", group)


def test_the_superuser_adds_a_center_in_the_admin(db):
    response = client_for(superuser()).post(
        f"{CENTERS}add/",
        {"name": "东岭镇便民服务中心", "kind": "township", "code": "dongling", "sort_order": "2"},
    )
    assert response.status_code == 302
    assert Center.objects.filter(code="dongling", kind="township").exists()


def test_the_center_screens_are_in_chinese(db):
    html = client_for(superuser()).get(CENTERS).content.decode()
    assert "服务中心" in html
    assert "中心代码" in html


def test_an_admin_user_with_every_center_right_still_cannot_open_or_change_centers(db):
    client = client_for(editor_granted_every_center_right())
    center = the_existing_center()
    for url in (CENTERS, f"{CENTERS}add/", f"{CENTERS}edit/{center.pk}/", MEMBERSHIPS):
        response = client.get(url)
        assert response.status_code in (302, 403), url
    response = client.post(f"{CENTERS}delete/{center.pk}/")
    assert Center.objects.filter(pk=center.pk).exists()
    assert CENTERS not in client.get("/admin/").content.decode()


def test_deleting_a_center_asks_for_confirmation_first(db):
    township = add_township("东岭镇便民服务中心", "dongling", "dongling.localhost")
    client = client_for(superuser())
    confirm = client.get(f"{CENTERS}delete/{township.pk}/")
    assert confirm.status_code == 200
    assert "东岭镇便民服务中心" in confirm.content.decode()
    assert Center.objects.filter(pk=township.pk).exists()
    client.post(f"{CENTERS}delete/{township.pk}/")
    assert not Center.objects.filter(pk=township.pk).exists()


def test_the_superuser_puts_an_account_in_a_center(db):
    township = add_township("东岭镇便民服务中心", "dongling", "dongling.localhost")
    clerk = make_user("clerk")
    response = client_for(superuser()).post(
        f"{MEMBERSHIPS}add/", {"user": clerk.pk, "center": township.pk}
    )
    assert response.status_code == 302
    assert Membership.objects.get(user=clerk).center == township


def department_form(**fields):
    return {"name": "民政办", "slug": "minzheng", "responsibilities": "", "phone": "", **fields}


def test_with_two_centers_a_department_must_name_its_center(db):
    add_township("东岭镇便民服务中心", "dongling", "dongling.localhost")
    response = client_for(superuser()).post(f"{DEPARTMENTS}add/", department_form(sort_order=1))
    assert response.status_code == 200
    assert "所属中心" in response.content.decode()
    assert not Department.objects.exists()


def test_with_two_centers_a_department_is_added_to_the_chosen_center(db):
    township = add_township("东岭镇便民服务中心", "dongling", "dongling.localhost")
    response = client_for(superuser()).post(
        f"{DEPARTMENTS}add/", department_form(center=township.pk, sort_order=1)
    )
    assert response.status_code == 302
    assert Department.objects.get().center == township


def test_with_one_center_the_department_form_offers_that_center(db):
    html = client_for(superuser()).get(f"{DEPARTMENTS}add/").content.decode()
    center = the_existing_center()
    assert f'<option value="{center.pk}" selected>{center.name}</option>' in html


def test_two_centers_may_each_have_a_department_of_the_same_name(db):
    township = add_township("东岭镇便民服务中心", "dongling", "dongling.localhost")
    Department.objects.create(center=the_existing_center(), name="民政办", slug="minzheng")
    response = client_for(superuser()).post(
        f"{DEPARTMENTS}add/", department_form(center=township.pk, sort_order=1)
    )
    assert response.status_code == 302
    assert Department.objects.filter(name="民政办").count() == 2


def test_a_second_department_of_the_same_name_in_one_center_is_refused_in_chinese(db):
    center = the_existing_center()
    Department.objects.create(center=center, name="民政办", slug="minzheng")
    response = client_for(superuser()).post(
        f"{DEPARTMENTS}add/", department_form(center=center.pk, slug="minzheng2", sort_order=1)
    )
    assert response.status_code == 200
    assert "本中心已有同名部门。" in response.content.decode()
    assert Department.objects.count() == 1
