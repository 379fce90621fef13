"""The admin dashboard shows a department editor what needs doing in their department."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from content.models import ServiceGuidePage
from content.permissions import department_editors_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def civil_editor(client, site_tree):
    editor = get_user_model().objects.create_user(username="mz", password="x-test-password")
    editor.groups.add(department_editors_group(site_tree.civil))
    client.force_login(editor)
    return client


def panel(client):
    html = client.get("/admin/").content.decode()
    return html.split('id="editor-dashboard-section"', 1)[1]


def test_editor_sees_their_own_departments_drafts_only(civil_editor, site_tree):
    for guide in (site_tree.subsidy, site_tree.residence):
        guide.title = f"{guide.title}（修订稿）"
        guide.save_revision()
    html = panel(civil_editor)
    assert "高龄津贴申请（修订稿）" in html
    assert "户口迁入" not in html


def test_editor_sees_guides_not_reviewed_for_a_year(civil_editor, site_tree):
    old = timezone.now() - datetime.timedelta(days=400)
    ServiceGuidePage.objects.filter(pk=site_tree.subsidy.pk).update(last_published_at=old)
    html = panel(civil_editor).split("一年以上未复核的办事指南", 1)[1]
    assert "高龄津贴申请" in html and timezone.localtime(old).strftime("%Y-%m-%d") in html


def test_editor_sees_their_pages_waiting_for_review(civil_editor, site_tree):
    from wagtail.models import Workflow

    workflow = Workflow.objects.filter(active=True).first()
    revision = site_tree.subsidy.save_revision()
    workflow.start(site_tree.subsidy, revision.user or get_user_model().objects.first())
    html = panel(civil_editor).split("等待审核的页面", 1)[1].split("一年以上", 1)[0]
    assert "高龄津贴申请" in html


def test_admin_dashboard_speaks_chinese_where_wagtail_has_no_translation(civil_editor):
    html = civil_editor.get("/admin/").content.decode()
    assert "个页面" in html and " Pages" not in html
    assert "搜索全部页面" in html and "Search all pages" not in html
