"""Demo data of the intranet: staff logins, this year's study plan, complaints and internal disclosures.

Listed in settings.DEMO_LOADERS; ``manage.py load_demo`` calls ``load`` after the content demo.
"""

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from content.models import StaffMember, Window
from intranet import roles
from intranet.calendar.workdays import WorkCalendar
from intranet.complaints.models import (
    Complaint,
    ComplaintEvent,
    DeadlineExtension,
    IdentityAccessLog,
)
from intranet.disclosures.models import Disclosure, DisclosureRead
from intranet.study.models import Attendance, LeaveRequest, StudyNote, StudyPlan, StudySession

DEMO_PASSWORD = "demo-pass-2026"  # noqa: S105 (printed demo login, never used in production)
FALLBACK_STAFF = ["王芳", "李强", "张丽", "刘洋", "陈静", "杨帆", "赵敏", "黄磊", "周婷", "吴刚"]
HEAD = ("head", "郑建国", "中心主任（副镇长）")
INSPECTOR = ("inspector", "孙卫东", "纪检监督员")

SESSIONS = [
    (1, 16, "political", "学习贯彻党的二十届四中全会精神"),
    (2, 27, "law", "《中华人民共和国行政许可法》专题学习"),
    (3, 20, "business", "户籍与社保业务“一窗通办”流程培训"),
    (4, 17, "political", "党风廉政建设警示教育"),
    (5, 22, "business", "“高效办成一件事”清单学习"),
    (6, 19, "law", "《个人信息保护法》与窗口信息保密"),
    (7, 17, "business", "服务礼仪与首问责任制"),
    (9, 18, "law", "政务公开条例与办事指南规范"),
    (10, 23, "political", "作风建设专题学习"),
    (11, 27, "business", "年度考核与效能投诉案例分析"),
    (12, 18, "political", "年终总结与来年学习计划"),
]

COMPLAINT_TEXTS = [
    (
        "attitude",
        "办理居住证时窗口工作人员态度生硬，说“你自己去看墙上的告示”，没有一次性告知所需材料。",
    ),
    ("inefficiency", "医保异地备案材料齐全，但工作人员说系统不好用，让我下周再来，已经来了三次。"),
    ("fees", "办理残疾人证时被要求到指定地点体检并收取费用，办事指南上没有这项收费。"),
    ("openness", "低保审批结果没有在村务公开栏公示，不知道为什么没批。"),
    ("inefficiency", "上午十点到窗口，工作人员不在岗，B岗也没有人，等了四十分钟。"),
    ("attitude", "窗口人员一边玩手机一边办业务，问两遍就不耐烦。"),
    ("abuse", "有人说找熟人可以插队办理建房审批，希望中心查一查。"),
    ("lawless", "宅基地审批超过承诺时限仍未办结，也没有任何说明。"),
    ("other", "中心大厅的取号机经常坏，老人不会用手机取号。"),
    ("inefficiency", "办理生育登记，两个窗口互相推，说不归自己管。"),
]


def _users(stdout):
    User = get_user_model()
    groups = {
        key: Group.objects.get_or_create(name=name)[0] for key, name in roles.GROUP_NAMES.items()
    }

    def account(username, name, post, role, member=None):
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, first_name=name)
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.add(groups[role])
        if member is None:
            member, _created = StaffMember.objects.get_or_create(name=name, defaults={"post": post})
        # On a second run the account is already linked to a staff member: keep that link.
        if member.user_id is None and not StaffMember.objects.filter(user=user).exists():
            member.user = user
            member.save(update_fields=["user"])
        return user

    head = account(HEAD[0], HEAD[1], HEAD[2], roles.HEAD)
    inspector = account(INSPECTOR[0], INSPECTOR[1], INSPECTOR[2], roles.INSPECTOR)
    members = list(
        StaffMember.objects.filter(is_leader=False, user__isnull=True).exclude(name=INSPECTOR[1])[
            :10
        ]
    )
    if len(members) < 10:
        for name in FALLBACK_STAFF:
            if len(members) >= 10:
                break
            member, _created = StaffMember.objects.get_or_create(
                name=name, defaults={"post": "窗口工作人员"}
            )
            if member not in members and member.user_id is None:
                members.append(member)
    staff = [
        account(f"staff{i}", m.name, m.post, roles.WINDOW_STAFF, member=m)
        for i, m in enumerate(members, start=1)
    ]
    admin = User.objects.filter(is_superuser=True).first()
    if admin:
        admin.groups.add(groups[roles.ADMIN])
    if stdout:
        stdout.write(f"内网示范账号（密码均为 {DEMO_PASSWORD}）：")
        stdout.write(f"  中心负责人：head（{HEAD[1]}）  纪检监督员：inspector（{INSPECTOR[1]}）")
        stdout.write(
            "  窗口工作人员：" + "、".join(f"{u.username}（{u.first_name}）" for u in staff)
        )
        stdout.write("  内网地址：/intranet/")
    return head, inspector, staff


def _aware(day, hour=9, minute=0):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def _study(head, inspector, staff, rng):
    year = timezone.localdate().year
    calendar = WorkCalendar.load()
    plan = StudyPlan.objects.create(
        year=year,
        title=f"{year}年度集中学习计划",
        description="每月一次集中学习，政治学习与政策法规、业务学习相结合；由中心负责人组织实施。",
    )
    now = timezone.now()
    everyone = [inspector, *staff]
    for month, day, kind, topic in SESSIONS:
        date = dt.date(year, month, day)
        while not calendar.is_working_day(date):
            date += dt.timedelta(days=1)
        host = head if kind == "political" else staff[month % len(staff)]
        session = StudySession.objects.create(
            plan=plan,
            date=date,
            start_time=dt.time(16, 0),
            end_time=dt.time(17, 30),
            topic=topic,
            kind=kind,
            host=host,
            place="中心三楼会议室",
            materials="学习材料见附件或现场发放；请提前阅读并做好笔记。",
        )
        attendees = [u for u in everyone + [head] if u != host]
        if session.starts_at > now:
            # An upcoming session: one leave request waiting for the host.
            LeaveRequest.objects.create(
                session=session,
                user=attendees[1],
                kind="trip",
                reason="到县政务服务中心参加业务培训",
            )
            continue
        for user in attendees:
            roll = rng.random()
            if roll < 0.08:
                lr = LeaveRequest.objects.create(
                    session=session,
                    user=user,
                    kind=rng.choice(["personal", "trip"]),
                    reason=rng.choice(["家中老人住院", "到县里报送材料", "参加县医保局培训"]),
                    status="approved",
                    decided_by=host,
                    decided_at=session.starts_at - dt.timedelta(days=1),
                )
                Attendance.objects.create(
                    session=session, user=user, status="trip" if lr.kind == "trip" else "leave"
                )
            elif roll < 0.14:
                Attendance.objects.create(session=session, user=user, status="absent")
            elif roll < 0.24:
                Attendance.objects.create(
                    session=session,
                    user=user,
                    status="late",
                    signed_in_at=session.starts_at + dt.timedelta(minutes=rng.randint(11, 25)),
                )
            else:
                Attendance.objects.create(
                    session=session,
                    user=user,
                    status="present",
                    signed_in_at=session.starts_at - dt.timedelta(minutes=rng.randint(0, 12)),
                )
                if rng.random() < 0.4:
                    StudyNote.objects.create(
                        session=session,
                        author=user,
                        body=f"通过学习“{topic}”，进一步明确了窗口服务的要求。今后要做到一次性告知、限时办结，主动接受群众监督。",
                    )
        StudySession.objects.filter(pk=session.pk).update(roll_closed=True)


# What the reply, the result and the published summary say must agree with the finding: a
# complaint found untrue is not "ordered to be corrected".
FINDINGS = {
    "confirmed": (
        "经核实，反映情况属实，已向投诉人说明情况并致歉，相关问题已整改。",
        "对相关工作人员进行了批评教育，纳入月度考核；窗口已补充一次性告知单。",
        "经核实，情况属实，已责令整改并对当事人批评教育，相关做法已纳入考核。",
    ),
    "partly": (
        "经核实，反映情况部分属实，已向投诉人说明情况，属实部分已整改。",
        "对属实部分责令整改，提醒相关工作人员规范服务；其余部分已向投诉人解释。",
        "经核实，情况部分属实，属实部分已责令整改，其余部分已向投诉人说明。",
    ),
    "unfounded": (
        "经调取窗口录像和办件记录核实，反映情况不属实，已向投诉人说明办理依据。",
        "经核实投诉不属实，已向投诉人解释相关规定，未追究工作人员责任。",
        "经调取录像和办件记录核实，反映情况不属实，已向投诉人说明办理依据和相关规定。",
    ),
    "mediated": (
        "经中心协调，相关事项已当场办结，投诉人表示满意。",
        "经协调已为投诉人办结相关事项，并提醒窗口加强沟通。",
        "经中心协调，相关事项已为群众办结，群众表示满意。",
    ),
}
OUTCOME_CYCLE = ["confirmed", "partly", "unfounded", "mediated"]


def _complaints(head, inspector, staff, rng):
    windows = list(Window.objects.all()[:5])
    members = {m.user_id: m for m in StaffMember.objects.filter(user__in=staff)}
    calendar = WorkCalendar.load()
    today = timezone.localdate()
    plans = (
        # (days ago received, final state)
        [(d, "closed") for d in (330, 300, 270, 240, 210, 180, 150, 120, 95, 70, 50, 35)]
        + [(d, "replied") for d in (20, 12)]
        + [(d, "in_progress") for d in (30, 22, 15, 9, 4, 1)]
        + [(d, "received") for d in (6, 2, 0)]
        + [(d, "not_accepted") for d in (100, 40)]
    )
    for n, (days_ago, state) in enumerate(plans):
        category, text = COMPLAINT_TEXTS[n % len(COMPLAINT_TEXTS)]
        received = _aware(today - dt.timedelta(days=days_ago), 9 + n % 7, 10)
        channel = ["online", "phone", "oral", "written"][n % 4]
        handler = staff[(n + 6) % len(staff)]  # so staff1 has open cases
        window = windows[n % len(windows)] if windows else None
        c = Complaint(
            channel=channel,
            received_at=received,
            content=text,
            complainant_name=""
            if n % 5 == 0
            else rng.choice(["张先生", "李女士", "王大爷", "陈女士", "刘先生"]),
            complainant_phone="" if n % 5 == 0 else f"139{rng.randint(10_000_000, 99_999_999)}",
            target_window=window,
            recorded_by=None if channel == "online" else handler,
            complexity=["simple", "complex", "simple", "inspector"][n % 4],
        )
        c.set_deadline(calendar)
        c.save_with_new_code()
        ev = [("收到投诉", "您的投诉已收到，我们将按规定时限处理。", "", True, received, None)]
        if state != "received":
            c.triaged_at = received + dt.timedelta(hours=2)
            if state == "not_accepted":
                c.status = "not_accepted"
                c.not_accepted_reason = "所反映事项属于县级部门职责，已告知向县12345热线反映。"
                c.closed_at = c.triaged_at
                ev.append(
                    (
                        "不予受理",
                        "不予受理。理由：" + c.not_accepted_reason,
                        "",
                        True,
                        c.triaged_at,
                        head,
                    )
                )
            else:
                c.status = "in_progress"
                c.category = category
                c.method = ["direct", "refer", "investigate", "escalate"][n % 4]
                c.handler = handler
                c.target_staff = members.get(handler.pk)
                ev.append(
                    (
                        "受理并分办",
                        "投诉已受理，正在办理。",
                        f"承办人：{handler.first_name}",
                        True,
                        c.triaged_at,
                        head,
                    )
                )
        if state in ("replied", "closed"):
            late = n % 6 == 5
            c.replied_at = _aware(c.deadline + dt.timedelta(days=2 if late else 0), 15)
            if not c.has_contact:
                # Nobody to phone or write to: the answer is read on the tracking page.
                c.reply_method = "online"
            elif channel == "written":
                c.reply_method = "written"
            else:
                c.reply_method = ["phone", "on_site", "sms"][n % 3]
            c.reply_text = FINDINGS[OUTCOME_CYCLE[n % 4]][0]
            c.status = "replied"
            ev.append(
                (
                    "答复投诉人",
                    f"已{c.get_reply_method_display()}。",
                    c.reply_text,
                    True,
                    c.replied_at,
                    handler,
                )
            )
        if state == "closed":
            c.status = "closed"
            c.closed_at = c.replied_at + dt.timedelta(days=1)
            c.outcome = OUTCOME_CYCLE[n % 4]
            c.result_text = FINDINGS[c.outcome][1]
            ev.append(
                (
                    "办结",
                    f"投诉已办结，处理结论：{c.get_outcome_display()}。",
                    c.result_text,
                    True,
                    c.closed_at,
                    handler,
                )
            )
            if n % 3 == 0:
                place = window.name if window else "窗口"
                c.public_summary = (
                    f"群众反映{place}{c.get_category_display()}问题。{FINDINGS[c.outcome][2]}"
                )
                c.publication_requested_at = c.closed_at
                if n % 2 == 0:
                    c.published_at = c.closed_at + dt.timedelta(days=1)
                    c.publication_approved_by = head
        c.save()
        for action, public, note, is_public, at, actor in ev:
            ComplaintEvent.objects.create(
                complaint=c,
                action=action,
                public_text=public,
                internal_note=note,
                is_public=is_public,
                at=at,
                actor=actor,
            )
        if c.complainant_name and state != "received":
            IdentityAccessLog.objects.create(complaint=c, user=head)
        if state == "in_progress" and days_ago == 9:
            DeadlineExtension.objects.create(
                complaint=c,
                requested_by=handler,
                extra_working_days=5,
                reason="涉及县自然资源局，需要等待对方书面意见",
            )


DISCLOSURES = [
    (
        "integrity",
        "2026年上半年干部廉洁自律情况通报",
        "上半年中心干部职工未发现违反廉洁纪律的情况。收到群众赠送锦旗2面，婉拒礼品1次，已登记备案。",
        None,
        150,
    ),
    (
        "finance",
        "2026年第三季度中心内部财务收支情况",
        "本季度中心办公经费支出合计38,420元，其中办公用品6,210元，设备维护9,800元，水电物业22,410元。明细见附件。",
        None,
        50,
    ),
    (
        "personnel",
        "关于2026年10月考勤情况的通报",
        "10月份全体工作人员出勤率98.6%。迟到2人次、事假3人次，无旷工。",
        None,
        25,
    ),
    (
        "model_windows",
        "2026年第三季度红旗窗口和优秀窗口工作人员评比结果",
        "经群众评议和考核，2号窗口（社保就业）获评红旗窗口，张丽、陈静获评优秀窗口工作人员。",
        None,
        20,
    ),
    (
        "personnel",
        "关于拟推荐年度优秀公务员人选的情况（限中心负责人、纪检监督员）",
        "根据年度考核结果，拟推荐人选名单及考核情况如下，请提出意见。",
        ["中心负责人", "纪检监督员"],
        8,
    ),
    (
        "other",
        "关于2027年元旦值班安排的预告",
        "2027年元旦值班安排将于12月下旬公布，请大家提前安排好个人事务。",
        None,
        -5,
    ),
]


def _disclosures(head, inspector, staff, rng):
    now = timezone.now()
    for category, title, body, group_names, days_ago in DISCLOSURES:
        item = Disclosure.objects.create(
            title=title,
            category=category,
            body=body,
            publish_at=now - dt.timedelta(days=days_ago),
            created_by=head,
        )
        if group_names:
            item.audience_groups.set(Group.objects.filter(name__in=group_names))
            readers = [inspector]
        else:
            readers = [u for u in [inspector, *staff] if rng.random() < 0.6]
        if days_ago > 0:
            for user in readers:
                DisclosureRead.objects.create(disclosure=item, user=user)


def is_loaded():
    return (
        Complaint.objects.exists()
        or StudyPlan.objects.filter(year=timezone.localdate().year).exists()
    )


def load(stdout=None):
    """Load the intranet demo once; return False when it was already there."""
    with transaction.atomic():
        head, inspector, staff = _users(stdout)
        if is_loaded():
            return False
        rng = random.Random(2026)  # noqa: S311 (demo data, not security)
        _study(head, inspector, staff, rng)
        _complaints(head, inspector, staff, rng)
        _disclosures(head, inspector, staff, rng)
    return True
