"""Questions when one install serves several centers (docs/county.md): a question belongs to
the portal it was asked on, each center answers its own."""

import pytest
from django.urls import reverse

from intranet import roles
from intranet.questions.models import Question
from tests.builders import (
    add_township,
    ask,
    client_for,
    join_center,
    make_user,
    the_existing_center,
)


def url(name, *args):
    return reverse(f"intranet:{name}", args=args)


@pytest.fixture
def county(db, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "dongling.localhost"]
    county = the_existing_center()
    township = add_township("东岭镇便民服务中心", "dongling", "dongling.localhost", parent=county)
    return {
        "township": township,
        "county_question": ask(center=county, content="县中心的营业执照怎么办理？"),
        "township_question": ask(center=township, content="东岭镇的高龄津贴怎么申请？"),
        "township_head": join_center(make_user("dongling_head", roles.HEAD), township),
        "overseer": join_center(
            make_user("county_head", roles.HEAD), county, county_oversight=True
        ),
    }


def test_a_question_asked_on_a_townships_portal_belongs_to_the_township(county, client):
    client.post(
        "/questions/new/",
        {
            "content": "东岭镇办理居住证要带什么？",
            "asker_name": "张三",
            "asker_contact": "13800001111",
        },
        HTTP_HOST="dongling.localhost",
    )
    assert Question.objects.get(content="东岭镇办理居住证要带什么？").center == county["township"]


def test_a_centers_list_shows_only_its_questions(county):
    listing = client_for(county["township_head"]).get(url("question_list")).content.decode()
    assert county["township_question"].code in listing
    assert county["county_question"].code not in listing


def test_another_centers_question_is_not_found(county):
    head = client_for(county["township_head"])
    assert head.get(url("question_detail", county["county_question"].pk)).status_code == 404


def test_county_oversight_reads_a_townships_question_and_cannot_answer_it(county):
    overseer = client_for(county["overseer"])
    pk = county["township_question"].pk
    assert overseer.get(url("question_detail", pk)).status_code == 200
    response = overseer.post(url("question_answer", pk), {"answer": "请携带身份证到窗口办理。"})
    assert response.status_code == 404
    assert Question.objects.get(pk=pk).state == Question.State.RECEIVED
