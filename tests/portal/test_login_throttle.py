"""Guessing passwords is stopped: the sixth wrong password in a row locks the login."""

import pytest
from django.test import override_settings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("throttling_on")]

PASSWORD = "correct-horse-9"
LOCKED_OUT = "登录已暂时锁定"


@pytest.fixture
def throttling_on():
    # The suite runs with django-axes off (portal/settings/test.py); these tests need it.
    with override_settings(AXES_ENABLED=True):
        yield


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_user(
        "window-staff", password=PASSWORD, is_staff=True, is_superuser=True
    )


def admin_login(client, password):
    return client.post("/admin/login/", {"username": "window-staff", "password": password})


def test_first_four_wrong_admin_passwords_get_the_login_form_again(client, staff_user):
    for _ in range(4):
        response = admin_login(client, "wrong-guess")
        assert response.status_code == 200
        assert LOCKED_OUT not in response.content.decode()


def test_sixth_wrong_admin_password_is_refused_with_a_chinese_message(client, staff_user):
    for _ in range(5):
        admin_login(client, "wrong-guess")
    response = admin_login(client, "wrong-guess")
    assert response.status_code == 429
    html = response.content.decode()
    assert LOCKED_OUT in html
    assert "5 次" in html
    assert "15 分钟" in html


def test_locked_out_admin_account_is_refused_even_with_the_right_password(client, staff_user):
    for _ in range(5):
        admin_login(client, "wrong-guess")
    response = admin_login(client, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_of_one_account_leaves_other_accounts_alone(client, staff_user, django_user_model):
    django_user_model.objects.create_user(
        "other-staff", password=PASSWORD, is_staff=True, is_superuser=True
    )
    for _ in range(5):
        admin_login(client, "wrong-guess")
    response = client.post("/admin/login/", {"username": "other-staff", "password": PASSWORD})
    assert response.status_code == 302


def test_right_password_after_a_few_mistakes_still_logs_in(client, staff_user):
    for _ in range(3):
        admin_login(client, "wrong-guess")
    response = admin_login(client, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff_user.pk)


def intranet_login(client, password):
    return client.post("/intranet/login/", {"username": "window-staff", "password": password})


def test_sixth_wrong_intranet_password_is_refused_with_a_chinese_message(client, staff_user):
    for _ in range(5):
        intranet_login(client, "wrong-guess")
    response = intranet_login(client, "wrong-guess")
    assert response.status_code == 429
    assert LOCKED_OUT in response.content.decode()


def test_locked_out_intranet_account_is_refused_even_with_the_right_password(client, staff_user):
    for _ in range(5):
        intranet_login(client, "wrong-guess")
    response = intranet_login(client, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_intranet_login_works_with_the_right_password_before_any_lockout(client, staff_user):
    intranet_login(client, "wrong-guess")
    response = intranet_login(client, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff_user.pk)


def test_a_password_guessed_from_many_addresses_is_locked_for_that_account(staff_user):
    from django.test import Client

    for n in range(5):
        admin_login(Client(REMOTE_ADDR=f"203.0.113.{n}"), "wrong-guess")
    client = Client(REMOTE_ADDR="198.51.100.1")
    response = admin_login(client, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_an_administrator_unlocks_a_locked_account_with_axes_reset_username(client, staff_user):
    from io import StringIO

    from django.core.management import call_command

    for _ in range(5):
        admin_login(client, "wrong-guess")
    assert admin_login(client, PASSWORD).status_code == 429
    call_command("axes_reset_username", "window-staff", stdout=StringIO())
    response = admin_login(client, PASSWORD)
    assert response.status_code == 302
