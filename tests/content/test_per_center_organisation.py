"""Departments, windows and roster entries belong to a center (docs/county.md)."""

import pytest
from django.core.exceptions import ValidationError

from content.models import Department, StaffMember, Window
from tests.builders import add_township, join_center, make_user, the_existing_center

pytestmark = pytest.mark.django_db


def township():
    return add_township("东岭镇便民服务中心", "dongling", "dongling.localhost")


def test_two_centers_may_each_have_a_window_of_the_same_name():
    Window.objects.create(center=the_existing_center(), name="综合窗口")
    Window(center=township(), name="综合窗口").full_clean()


def test_a_window_cannot_belong_to_another_centers_department():
    department = Department.objects.create(
        center=the_existing_center(), name="民政办", slug="minzheng"
    )
    window = Window(center=township(), name="综合窗口", department=department)
    with pytest.raises(ValidationError) as raised:
        window.full_clean()
    assert raised.value.message_dict["department"] == ["所属部门必须是本中心的部门。"]


def test_a_staff_member_must_be_in_the_center_of_their_account():
    clerk = join_center(make_user("clerk"), township())
    member = StaffMember(center=the_existing_center(), name="何丽娟", post="综合窗口", user=clerk)
    with pytest.raises(ValidationError) as raised:
        member.full_clean()
    assert raised.value.message_dict["user"] == [
        "该内网账号属于“东岭镇便民服务中心”，工作人员须登记在同一中心。"
    ]


def test_a_staff_member_in_the_center_of_their_account_is_accepted():
    center = township()
    clerk = join_center(make_user("clerk"), center)
    StaffMember(center=center, name="何丽娟", post="综合窗口", user=clerk).full_clean()


def test_a_staff_member_cannot_sit_at_another_centers_window():
    window = Window.objects.create(center=the_existing_center(), name="1号窗口")
    member = StaffMember(center=township(), name="何丽娟", post="综合窗口", window=window)
    with pytest.raises(ValidationError) as raised:
        member.full_clean()
    assert "window" in raised.value.message_dict
