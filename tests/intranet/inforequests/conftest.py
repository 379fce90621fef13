"""An information request as the public form stores it."""

import pytest

from intranet.inforequests import workflow
from intranet.inforequests.models import InfoRequest

VALID_POST = {
    "applicant_type": "person",
    "applicant_name": "李四",
    "id_number": "110101199003071234",
    "phone": "13900002222",
    "email": "",
    "address": "",
    "description": "2025年本镇低保资金发放明细",
    "purpose": "",
    "delivery": "in_person",
    "website": "",
}


def new_request(**fields):
    values = {k: v for k, v in VALID_POST.items() if k != "website"}
    values.update(fields)
    return workflow.receive(InfoRequest(**values))


@pytest.fixture
def info_request(db):
    return new_request()
