"""Every text field has a length limit: a megabyte pasted into a guide or a complaint is refused."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from wagtail.models import Page

from content.models import ArticlePage, Department, ServiceGuidePage, Window
from content.permissions import EDITORS_GROUP
from content.text_limits import RICH_TEXT, TEXT

pytestmark = pytest.mark.django_db


def uncapped_text_fields():
    for label in ("content", "intranet"):
        for model in apps.get_app_config(label).get_models():
            for field in model._meta.get_fields():
                # Wagtail's own Page columns (url_path, search_description) are not ours to cap.
                if field.model is Page or not isinstance(field, models.TextField):
                    continue
                if not any(isinstance(v, MaxLengthValidator) for v in field.validators):
                    yield f"{model.__name__}.{field.name}"


def test_every_text_and_rich_text_field_has_a_length_limit():
    assert list(uncapped_text_fields()) == []


def test_an_overlong_guide_basis_is_refused_with_the_limit_in_chinese():
    guide = ServiceGuidePage(title="低保申请", slug="dibao", code="MZ-9", basis="依" * (TEXT + 1))
    with pytest.raises(ValidationError) as refused:
        guide.full_clean()
    assert f"内容过长：最多 {TEXT} 字" in " ".join(refused.value.message_dict["basis"])


def test_an_overlong_article_body_is_refused():
    article = ArticlePage(title="制度", slug="rules", body="<p>" + "字" * RICH_TEXT + "</p>")
    with pytest.raises(ValidationError) as refused:
        article.full_clean()
    assert "body" in refused.value.message_dict


def test_an_editor_saving_an_overlong_window_description_gets_the_limit_and_nothing_changes(client):
    editor = get_user_model().objects.create_user(username="editor", password="x-test-password")
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    client.force_login(editor)
    department = Department.objects.create(name="民政办", slug="minzhengban")
    window = Window.objects.create(name="3号窗口", department=department, description="低保")

    response = client.post(
        f"/admin/snippets/content/window/edit/{window.pk}/",
        {
            "name": "3号窗口",
            "department": department.pk,
            "location": "",
            "description": "长" * (TEXT + 1),
        },
    )

    assert response.status_code == 200
    assert f"最多 {TEXT} 字" in response.content.decode()
    window.refresh_from_db()
    assert window.description == "低保"
