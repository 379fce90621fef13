"""Demo questions (在线咨询): one new, one overdue, one answered, one published under its guide
as 网友咨询, so the staff list and a guide page are not empty. Askers are visibly fictional
(演示 names, 199 0000 phones). Listed in settings.DEMO_LOADERS after the intranet demo."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from content.models import ServiceGuidePage, StaffMember
from intranet.questions import workflow
from intranet.questions.models import Question

# (guide code, days ago, question, asker, allow publication, answer or "", publish)
QUESTIONS = [
    ("SB-001", 0, "在外地打工，可以在网上办理养老保险参保登记吗？", "周演示", True, "", False),
    ("HJ-001", 6, "孩子在外省出生，回本镇落户需要带哪些材料？", "吴演示", False, "", False),
    (
        "MZ-001",
        4,
        "家里有一辆旧面包车，还能申请低保吗？",
        "郑演示",
        False,
        "家庭拥有机动车辆的一般不予认定，但残疾人功能性补偿代步机动车辆等除外，请带材料到3号窗口具体核对。",
        False,
    ),
    (
        "MZ-001",
        10,
        "低保审批下来以后，多久能领到钱？",
        "王演示",
        True,
        "审核确认后，自批准的次月起按月发放到“一卡通”账户，一般在每月10日前到账。",
        True,
    ),
]


def answerer(guide):
    """A window staff member's login in the guide's department, who would answer it."""
    member = (
        StaffMember.objects.filter(window__department=guide.department_id, user__isnull=False)
        .select_related("user")
        .order_by("sort_order")
        .first()
    )
    return member.user if member else None


def is_loaded():
    return Question.objects.exists()


def load(stdout=None):
    """Load once; return False when already there or without the guides and staff logins."""
    if is_loaded():
        return False
    head = get_user_model().objects.filter(username="head").first()
    codes = {code for code, *_rest in QUESTIONS}
    guides = {g.code: g for g in ServiceGuidePage.objects.filter(code__in=codes)}
    if head is None or set(guides) != codes:
        return False
    now = timezone.now()
    with transaction.atomic():
        for n, (code, days_ago, content, name, allow, answer, publish) in enumerate(QUESTIONS):
            question = workflow.receive(
                Question(
                    guide=guides[code],
                    content=content,
                    asker_name=name,
                    asker_contact=f"1990000{n + 201:04d}",
                    allow_publication=allow,
                    received_at=now - dt.timedelta(days=days_ago, hours=2),
                )
            )
            if answer:
                question = workflow.answer(question, answerer(guides[code]) or head, answer)
            if publish:
                workflow.publish(question, head)
    if stdout:
        stdout.write(f"在线咨询示范数据：{len(QUESTIONS)} 条咨询。")
    return True
