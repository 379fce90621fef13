"""Editors find Chinese partial words in the Wagtail admin's own page search."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.search.backends import get_search_backend

from content.models import ServiceGuidePage


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("admin-search", "a@example.com", "pw-123456")
    client.force_login(user)
    return client


def test_backend_finds_a_partial_chinese_word_in_a_title(site):
    results = get_search_backend().search("户口", ServiceGuidePage)
    titles = {page.title for page in results}
    assert "户口迁移办事指南" in titles


def test_admin_page_search_finds_guides_by_part_of_their_title(site, editor_client):
    response = editor_client.get("/admin/pages/search/", {"q": "户口"})
    assert response.status_code == 200
    assert "户口迁移办事指南" in response.content.decode()


def test_admin_page_search_finds_a_word_inside_a_longer_title(site, editor_client):
    response = editor_client.get("/admin/pages/search/", {"q": "宅基地"})
    assert "农村宅基地和建房申请" in response.content.decode()


def test_admin_page_search_finds_a_guide_by_a_synonym_of_its_title(site, editor_client):
    response = editor_client.get("/admin/pages/search/", {"q": "低保"})
    assert "最低生活保障申请" in response.content.decode()


def test_admin_page_search_finds_a_guide_by_a_word_of_its_conditions(site, editor_client):
    response = editor_client.get("/admin/pages/search/", {"q": "家庭经济状况"})
    assert "最低生活保障申请" in response.content.decode()
