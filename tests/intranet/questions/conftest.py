"""A question about the center's 残疾人证 guide (department 民政办, whose window staff is 'staff')."""

import pytest

from intranet.questions import workflow
from intranet.questions.models import Question
from tests.intranet.cases.conftest import center  # noqa: F401 (fixture)


def ask(guide=None, **fields):
    values = {
        "content": "残疾人证到期了怎么换领？",
        "asker_name": "张三",
        "asker_contact": "13800001111",
    }
    values.update(fields)
    return workflow.receive(Question(guide=guide, **values))


@pytest.fixture
def question(center):  # noqa: F811
    return ask(center.promised, allow_publication=True)
