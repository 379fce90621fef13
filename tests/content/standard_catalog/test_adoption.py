"""A township adopts the county's standard guides and takes their updates through review
(docs/county.md "Standard catalog")."""

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.urls import reverse

from content.models import GuideMaterial, ServiceGuidePage
from tests.builders import client_for, join_center, make_user

from .two_centers import LOCAL, adopted, approve, build, change_standard


@pytest.fixture
def world(db, settings):
    return build(settings)


def submitted_and_approved(guide, world):
    page = ServiceGuidePage.objects.get(pk=guide.pk)
    page.get_workflow().start(page, world.dongling.editor)
    return approve(page, world.reviewer)


def adopt_url(world, standard, township=None):
    township = township or world.dongling
    return reverse("standard_catalog_adopt", args=[township.center.pk, standard.pk])


def adoption_post(world, **fields):
    return {
        "section": world.dongling.section.pk,
        "window": world.dongling.window.pk,
        **{key: value for key, value in LOCAL.items() if key != "window"},
        **fields,
    }


def test_the_adoption_list_offers_the_standards_the_township_has_not_adopted(world):
    adopted(world, world.subsidy)
    url = reverse("standard_catalog_township", args=[world.dongling.center.pk])
    page = client_for(world.dongling.editor).get(url).content.decode()
    assert adopt_url(world, world.dibao) in page
    assert adopt_url(world, world.subsidy) not in page


def test_adopting_makes_a_draft_local_guide_with_the_standard_and_the_local_elements(world):
    editor = client_for(world.dongling.editor)
    confirmation = editor.get(adopt_url(world, world.subsidy)).content.decode()
    assert "确认由东岭镇便民服务中心采用标准事项“高龄津贴申请”" in confirmation

    response = editor.post(adopt_url(world, world.subsidy), adoption_post(world))

    local = ServiceGuidePage.objects.get(standard=world.subsidy)
    assert response.status_code == 302 and str(local.pk) in response["Location"]
    assert not local.live
    assert local.get_parent().pk == world.dongling.section.pk
    assert local.standard_revision_id == world.subsidy.live_revision_id
    assert local.standard_code == "BZ-001" and local.code == "XMZ-001-dongling"
    assert local.title == "高龄津贴申请" and local.conditions == "年满80周岁的本县户籍老年人。"
    assert [m.name for m in local.materials.all()] == ["居民身份证", "户口簿"]
    assert local.window == world.dongling.window and local.phone == "0000-5550001"
    assert local.promised_days == 7 and local.implementing_body == "东岭镇人民政府"


def test_promised_days_longer_than_the_standards_are_refused_in_chinese(world):
    editor = client_for(world.dongling.editor)
    response = editor.post(adopt_url(world, world.subsidy), adoption_post(world, promised_days=12))
    assert (
        "承诺办结时限不能长于县级标准指南的承诺办结时限（10 个工作日）" in response.content.decode()
    )
    assert not ServiceGuidePage.objects.filter(standard=world.subsidy).exists()


def test_a_local_guide_edited_past_the_standards_promised_days_does_not_validate(world):
    local = adopted(world, world.subsidy)
    local.promised_days = 11
    with pytest.raises(ValidationError) as refused:
        local.full_clean()
    assert refused.value.message_dict["promised_days"] == [
        "承诺办结时限不能长于县级标准指南的承诺办结时限（10 个工作日）。"
    ]


def test_a_standard_is_adopted_once_per_township(world):
    adopted(world, world.subsidy)
    editor = client_for(world.dongling.editor)
    assert editor.get(adopt_url(world, world.subsidy)).status_code == 200
    response = editor.post(adopt_url(world, world.subsidy), adoption_post(world))
    assert "本中心已采用该标准事项" in response.content.decode()
    assert ServiceGuidePage.objects.filter(standard=world.subsidy).count() == 1


def test_an_update_is_shown_field_by_field_and_accepted_into_review_keeping_local_elements(
    world, client
):
    local = submitted_and_approved(adopted(world, world.subsidy), world)
    standard = change_standard(
        world.subsidy, conditions="年满75周岁的本县户籍老年人。", promised_days=8
    )
    editor = client_for(world.dongling.editor)

    notice = editor.get(
        reverse("standard_catalog_township", args=[world.dongling.center.pk])
    ).content.decode()
    assert "县级标准已更新，待接受" in notice
    changes = editor.get(reverse("standard_catalog_changes", args=[local.pk])).content.decode()
    assert "受理条件" in changes
    assert "年满80周岁的本县户籍老年人。" in changes and "年满75周岁的本县户籍老年人。" in changes
    assert "承诺办结时限（工作日）" in changes and "本地要素，保留本中心的值" in changes
    assert "接受更新" in changes

    editor.post(reverse("standard_catalog_accept", args=[local.pk]))

    # In review, not live: the public still reads the adopted version.
    live = ServiceGuidePage.objects.get(pk=local.pk)
    assert live.workflow_in_progress
    assert live.conditions == "年满80周岁的本县户籍老年人。"
    assert live.standard_revision_id < standard.live_revision_id

    live = approve(live, world.reviewer)
    assert live.conditions == "年满75周岁的本县户籍老年人。"
    assert live.standard_revision_id == standard.live_revision_id
    # The local elements survive; promised days came down to the new standard's 8 only
    # because 7 was already within it.
    assert live.phone == "0000-5550001" and live.window == world.dongling.window
    assert live.location == "东岭镇便民服务中心一楼" and live.promised_days == 7


def test_accepting_a_standard_shorter_than_the_local_promise_takes_the_standards(world):
    local = submitted_and_approved(adopted(world, world.subsidy), world)
    standard = change_standard(world.subsidy, promised_days=5)
    response = client_for(world.dongling.editor).post(
        reverse("standard_catalog_accept", args=[local.pk]), follow=True
    )
    assert "已改为标准的时限" in response.content.decode()
    assert approve(local, world.reviewer).promised_days == standard.promised_days == 5


def test_an_accepted_update_brings_the_standards_new_material(world):
    local = submitted_and_approved(adopted(world, world.subsidy), world)
    draft = world.subsidy.get_latest_revision_as_object()
    draft.materials.add(GuideMaterial(name="近期免冠照片", form="原件", sort_order=9))
    draft.save_revision().publish()
    editor = client_for(world.dongling.editor)
    changes = editor.get(reverse("standard_catalog_changes", args=[local.pk])).content.decode()
    assert "申报材料" in changes and "近期免冠照片" in changes
    editor.post(reverse("standard_catalog_accept", args=[local.pk]))
    names = [m.name for m in approve(local, world.reviewer).materials.all()]
    assert names == ["居民身份证", "户口簿", "近期免冠照片"]


def test_another_townships_editor_cannot_see_or_accept(world):
    local = submitted_and_approved(adopted(world, world.subsidy), world)
    change_standard(world.subsidy, conditions="新条件")
    outsider = client_for(world.xishan.editor)
    township_url = reverse("standard_catalog_township", args=[world.dongling.center.pk])
    assert outsider.get(township_url).status_code == 404
    assert outsider.get(adopt_url(world, world.dibao)).status_code == 404
    assert outsider.get(reverse("standard_catalog_changes", args=[local.pk])).status_code == 404
    assert outsider.post(reverse("standard_catalog_accept", args=[local.pk])).status_code == 404
    assert not ServiceGuidePage.objects.get(pk=local.pk).workflow_in_progress


def test_staff_of_the_township_who_may_not_edit_guides_cannot_adopt(world):
    clerk = join_center(make_user("clerk"), world.dongling.center)
    clerk.user_permissions.add(Permission.objects.get(codename="access_admin"))
    editor = client_for(clerk)
    assert (
        adopt_url(world, world.subsidy)
        not in editor.get(
            reverse("standard_catalog_township", args=[world.dongling.center.pk])
        ).content.decode()
    )
    # The admin turns the refusal into a redirect with its "no permission" message.
    response = editor.post(adopt_url(world, world.subsidy), adoption_post(world))
    assert response.status_code == 302
    assert not ServiceGuidePage.objects.filter(standard=world.subsidy).exists()


def test_the_superuser_adopts_for_any_township(world):
    admin = make_user("root", is_superuser=True, is_staff=True)
    client_for(admin).post(adopt_url(world, world.subsidy), adoption_post(world))
    assert ServiceGuidePage.objects.filter(standard=world.subsidy).exists()


def test_a_local_guide_keeps_the_standard_code_it_adopted(world):
    local = adopted(world, world.subsidy)
    local.standard_code = "BZ-002"
    with pytest.raises(ValidationError) as refused:
        local.full_clean()
    assert refused.value.message_dict["standard_code"] == [
        "本指南采用自县级标准事项（BZ-001），标准事项编码不能修改。"
    ]


def test_the_admin_menu_leads_a_township_editor_to_their_townships_list(world):
    editor = client_for(world.dongling.editor)
    # The sidebar menu is JSON in the page, so look for the item's address.
    assert reverse("standard_catalog_index") in editor.get("/admin/").content.decode()
    response = editor.get(reverse("standard_catalog_index"))
    assert response["Location"] == reverse(
        "standard_catalog_township", args=[world.dongling.center.pk]
    )


def test_the_page_editor_tells_the_townships_editor_that_the_standard_changed(world):
    local = submitted_and_approved(adopted(world, world.subsidy), world)
    editor = client_for(world.dongling.editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[local.pk])
    assert "已发布新版本" not in editor.get(edit_url).content.decode()
    change_standard(world.subsidy, conditions="新条件")
    page = editor.get(edit_url).content.decode()
    assert "县级标准事项（BZ-001）已发布新版本，本指南尚未接受。" in page
    assert reverse("standard_catalog_changes", args=[local.pk]) in page
