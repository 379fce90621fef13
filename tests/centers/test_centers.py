"""Which center a request and a staff account belong to (docs/county.md)."""

from django.test import RequestFactory

from centers.models import Center
from tests.builders import add_township, join_center, make_user, the_existing_center


def request_on(host):
    return RequestFactory().get("/", HTTP_HOST=host)


def test_an_existing_install_is_one_center_on_its_default_site(db):
    center = the_existing_center()
    assert list(Center.objects.all()) == [center]
    assert center.site.is_default_site


def test_with_one_center_every_host_is_that_center(db):
    assert Center.for_request(request_on("anything.example")) == the_existing_center()


def test_a_township_site_host_finds_its_township(db, settings):
    settings.ALLOWED_HOSTS = ["*"]
    county = the_existing_center()
    township = add_township("东岭镇便民服务中心", "dongling", "dongling.localhost", parent=county)
    assert Center.for_request(request_on("dongling.localhost")) == township
    assert Center.for_request(request_on("localhost")) == county


def test_with_one_center_an_account_without_membership_works_there(db):
    assert Center.for_user(make_user("clerk")) == the_existing_center()


def test_a_member_works_for_the_center_named_in_the_membership(db):
    township = add_township("东岭镇便民服务中心", "dongling", "dongling.localhost")
    assert Center.for_user(join_center(make_user("clerk"), township)) == township


def test_with_several_centers_an_account_without_membership_sees_no_center(db):
    add_township("东岭镇便民服务中心", "dongling", "dongling.localhost")
    assert Center.for_user(make_user("clerk")) is None
