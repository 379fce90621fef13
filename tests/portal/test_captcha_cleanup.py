"""Challenges shown but never answered do not pile up in the captcha table."""

import datetime

import pytest
from captcha.models import CaptchaStore
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_showing_a_challenge_deletes_the_expired_ones_and_keeps_the_current(client, settings):
    settings.COMPLAINT_FREE_SUBMISSIONS = 0  # every visitor gets the challenge
    now = timezone.now()
    expired = CaptchaStore.objects.create(
        challenge="1+1=", response="2", expiration=now - datetime.timedelta(minutes=1)
    )
    current = CaptchaStore.objects.create(
        challenge="2+2=", response="4", expiration=now + datetime.timedelta(minutes=4)
    )

    response = client.get("/complaints/new/")

    assert response.status_code == 200
    assert 'name="captcha_1"' in response.content.decode()
    assert not CaptchaStore.objects.filter(pk=expired.pk).exists()
    assert CaptchaStore.objects.filter(pk=current.pk).exists()
    assert CaptchaStore.objects.count() == 2  # the current one and the one just shown
