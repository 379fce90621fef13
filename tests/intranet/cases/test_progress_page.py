"""/progress/: the citizen's look-up and rating, showing nothing personal."""

from django.test import Client, override_settings

from intranet.cases import workflow
from intranet.cases.models import FollowUp, Rating


def look_up(client, case, digits=None):
    return client.post(
        "/progress/",
        {"receipt_number": case.receipt_number, "phone_last4": digits or case.phone_last4},
    )


def test_progress_page_shows_state_and_public_timeline_but_nothing_personal(case, users):
    workflow.request_supplement(case, users["staff"], ["户口簿"], reason="")
    case.events.create(action="内部讨论", internal_note="申请人曾有不良记录", is_public=False)
    text = look_up(Client(), case).content.decode()
    assert "待补正" in text and "残疾人证申领" in text
    assert "需补正材料，办理时限暂停计算" in text
    for private in ("测试甲", "110101199001011234", "13800001234", "示范村", "不良记录", "王芳"):
        assert private not in text


def test_progress_lookup_is_post_only_in_the_form(case):
    page = Client().get("/progress/").content.decode()
    assert 'method="post"' in page
    assert Client().get("/progress/", {"receipt_number": case.receipt_number}).status_code == 200


def test_wrong_digits_are_refused_in_chinese(case):
    response = look_up(Client(), case, digits="0000")
    assert response.status_code == 400
    assert "没有找到该办件" in response.content.decode()


def test_malformed_receipt_number_is_explained(db):
    response = Client().post("/progress/", {"receipt_number": "abc", "phone_last4": "12"})
    text = response.content.decode()
    assert "受理编号格式为" in text and "请填写4位数字。" in text


@override_settings(CASES_PROGRESS_FAILURE_LIMIT=3)
def test_repeated_failures_lock_the_lookup(case):
    client = Client()
    for _attempt in range(3):
        look_up(client, case, digits="0000")
    locked = look_up(client, case)
    assert locked.status_code == 429
    assert "查询失败次数过多" in locked.content.decode()


def test_citizen_rates_a_closed_case_once(case, users):
    workflow.complete(case, users["staff"], "granted", "准予发证")
    client = Client()
    assert "服务评价" in look_up(client, case).content.decode()
    data = {"receipt_number": case.receipt_number, "phone_last4": "1234", "level": "5"}
    assert "感谢您的评价" in client.post("/progress/rate/", data).content.decode()
    again = client.post("/progress/rate/", {**data, "level": "1"})
    assert again.status_code == 400 and "只能评价一次" in again.content.decode()
    assert Rating.objects.get().level == 5


def test_rating_without_a_level_writes_nothing(case, users):
    workflow.complete(case, users["staff"], "granted", "准予发证")
    data = {"receipt_number": case.receipt_number, "phone_last4": "1234", "level": ""}
    response = Client().post("/progress/rate/", data)
    assert response.status_code == 400 and "请选择评价等级。" in response.content.decode()
    assert not Rating.objects.exists()


def test_bad_rating_is_followed_up_and_the_citizen_sees_it(case, users):
    workflow.complete(case, users["staff"], "granted", "准予发证")
    data = {"receipt_number": case.receipt_number, "phone_last4": "1234", "level": "1"}
    Client().post("/progress/rate/", {**data, "comment": "等了很久"})
    follow_up = FollowUp.objects.get()
    assert "将对您的评价进行回访整改" in look_up(Client(), case).content.decode()
    workflow.close_follow_up(follow_up, users["head"], "已电话回访致歉，调整午间值班")
    assert "已对您的评价进行回访整改" in look_up(Client(), case).content.decode()


def test_guide_page_shows_last_years_figures_from_five_cases(center, users):
    from tests.builders import new_case, publish

    guide = publish(center.promised)
    for number in range(5):
        case = new_case(center, users)
        workflow.complete(case, users["staff"], "granted", "准予发证")
        workflow.rate(case, 5 if number < 4 else 2)
    text = Client().get(guide.url).content.decode()
    assert "近12个月办理情况" in text
    assert "100%" in text and "80%（满意及以上，共 5 条评价）" in text


def test_guide_page_hides_figures_under_five_cases(center, users):
    from tests.builders import new_case, publish

    guide = publish(center.promised)
    for _number in range(4):
        workflow.complete(new_case(center, users), users["staff"], "granted", "准予发证")
    assert "近12个月办理情况" not in Client().get(guide.url).content.decode()


def test_generated_announcement_is_in_the_public_list(case, center, users):
    from content.models import AnnouncementIndexPage

    workflow.complete(case, users["staff"], "granted", "准予发证")
    board = AnnouncementIndexPage.objects.get()
    text = Client().get(board.url).content.decode()
    assert "残疾人证申领" in text and "测**" in text and "测试甲" not in text
