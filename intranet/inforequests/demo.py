"""Demo information requests (依申请公开): a new one, an overdue one, one extended by the head
and one answered, so the register is not empty. Applicants are visibly fictional (演示 names,
199 0000 phones, masked ID numbers). Listed in settings.DEMO_LOADERS after the intranet demo."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from intranet.inforequests import workflow
from intranet.inforequests.models import InfoRequest

PERSON = InfoRequest.ApplicantType.PERSON
ORGANISATION = InfoRequest.ApplicantType.ORGANISATION

# (days ago, applicant type, name, ID, what they want, how to receive it)
REQUESTS = [
    (
        1,
        PERSON,
        "孙演示",
        "330000********0011",
        "本镇2026年高龄津贴发放标准和发放名单公示情况",
        "online",
    ),
    (
        40,
        PERSON,
        "钱演示",
        "330000********0022",
        "东湖村2025年农村危房改造补助资金发放明细",
        "post",
    ),
    (
        25,
        ORGANISATION,
        "示范镇演示农业专业合作社",
        "93330000MA0000000X",
        "本镇2026年耕地地力保护补贴的发放标准和发放时间",
        "email",
    ),
    (12, PERSON, "李演示", "330000********0044", "人民路拓宽工程征收补偿方案", "in_person"),
]


def is_loaded():
    return InfoRequest.objects.exists()


def load(stdout=None):
    """Load once; return False when already there or without the head's and staff logins."""
    if is_loaded():
        return False
    User = get_user_model()
    staff = User.objects.filter(username="staff1").first()
    head = User.objects.filter(username="head").first()
    if staff is None or head is None:
        return False
    now = timezone.now()
    with transaction.atomic():
        made = []
        for n, (days_ago, kind, name, id_number, description, delivery) in enumerate(REQUESTS):
            made.append(
                workflow.receive(
                    InfoRequest(
                        applicant_type=kind,
                        applicant_name=name,
                        id_number=id_number,
                        phone=f"1990000{n + 301:04d}",
                        email="demo@example.com" if delivery == "email" else "",
                        address="示范镇人民路演示小区" if delivery == "post" else "",
                        description=description,
                        delivery=delivery,
                        received_at=now - dt.timedelta(days=days_ago),
                    )
                )
            )
        workflow.extend(made[2], head, "需向县农业农村局调取补贴资金拨付文件，延期答复。")
        workflow.answer(
            made[3],
            staff,
            {
                "outcome": InfoRequest.Outcome.DISCLOSED,
                "answer_text": "您申请的征收补偿方案已于镇政府网站和公示栏公开，现随告知书附上纸质文本。",
                "reason": "",
                "legal_basis": "",
                "right_body": "",
            },
        )
    if stdout:
        stdout.write(f"依申请公开示范数据：{len(REQUESTS)} 件申请。")
    return True
