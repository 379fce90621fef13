"""Figures for the head's dashboard, each a fixed number of queries however many rows there are."""

import datetime as dt
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.db.models import Count, F, Q
from django.db.models.functions import TruncDate, TruncMonth
from django.urls import reverse
from django.utils import timezone

from centers.models import Center
from centers.scoping import at_home, members_of
from intranet import roles
from intranet.charts import bar_chart
from intranet.disclosures.models import Disclosure
from intranet.list_filters import NO_WINDOW
from intranet.study import attendance


def _list_url(**params):
    return reverse("intranet:complaint_list") + "?" + urlencode(params)


def complaints_by_window(complaints, today):
    rows = (
        complaints.open()
        .values("target_window_id", "target_window__name")
        .annotate(open=Count("id"), overdue=Count("id", filter=Q(deadline__lt=today)))
        .order_by("-overdue", "-open", "target_window__name")
    )
    data = []
    for r in rows:
        window = r["target_window_id"] or NO_WINDOW
        data.append(
            (
                r["target_window__name"] or "未指定窗口",
                [
                    (r["open"], _list_url(state="open", window=window)),
                    (r["overdue"], _list_url(state="overdue", window=window)),
                ],
            )
        )
    return bar_chart("各窗口办理中与已超期投诉", data, series_names=["办理中", "已超期"], unit="件")


def month_starts(today, months=12):
    first = today.replace(day=1)
    out = []
    for _i in range(months):
        out.append(first)
        first = (first - dt.timedelta(days=1)).replace(day=1)
    return list(reversed(out))


def on_time_by_month(complaints, today):
    months = month_starts(today)
    start = timezone.make_aware(dt.datetime.combine(months[0], dt.time.min))
    rows = (
        complaints.filter(replied_at__gte=start)
        .annotate(month=TruncMonth("replied_at"), reply_day=TruncDate("replied_at"))
        .values("month")
        .annotate(total=Count("id"), ontime=Count("id", filter=Q(reply_day__lte=F("deadline"))))
    )
    by_month = {}
    for r in rows:
        m = r["month"]
        key = (m.date() if hasattr(m, "date") else m).replace(day=1)
        by_month[key] = r
    data = []
    for m in months:
        r = by_month.get(m, {"total": 0, "ontime": 0})
        label = f"{m.year}年{m.month}月"
        key = f"{m:%Y-%m}"
        data.append(
            (
                label,
                [
                    (r["ontime"], _list_url(month=key, ontime=1)),
                    (r["total"] - r["ontime"], _list_url(month=key, ontime=0)),
                ],
            )
        )
    return bar_chart("近12个月按时答复情况", data, series_names=["按时答复", "超期答复"], unit="件")


def attendance_charts(year, sessions):
    """The year's attendance over ``sessions`` (those the head may see)."""
    people = attendance.person_figures(year, sessions)
    sessions = attendance.session_figures(year, sessions)
    session_chart = bar_chart(
        f"{year}年各次学习出勤率",
        [
            (
                f"{r['session'].date:%m-%d} {r['session'].topic[:8]}",
                [(r["rate"], reverse("intranet:study_roll", args=[r["session"].pk]))],
            )
            for r in sessions
        ],
        unit="%",
        max_value=100,
    )
    report = reverse("intranet:attendance_report")
    person_chart = bar_chart(
        f"{year}年个人出勤率",
        [
            (
                p["user"].get_full_name() or p["user"].username,
                [(p["rate"], f"{report}?year={year}&user={p['user_id']}")],
            )
            for p in people
        ],
        unit="%",
        max_value=100,
    )
    return session_chart, person_chart


def unread_disclosures(user, limit=10):
    """The user's center's published items with how many of their audience have not read them yet."""
    center = Center.for_user(user)
    intranet_groups = set(roles.GROUP_NAMES.values())
    users = (
        members_of(get_user_model().objects.all(), center)
        .filter(is_active=True, groups__name__in=intranet_groups)
        .prefetch_related("groups")
        .distinct()
    )
    user_groups = {u.pk: {g.pk for g in u.groups.all()} for u in users}
    audience_names = {roles.GROUP_NAMES[r] for r in roles.DISCLOSURE_AUDIENCE}
    everybody = {g.pk for u in users for g in u.groups.all() if g.name in audience_names}
    items = (
        at_home(Disclosure.objects.published(), user)
        .prefetch_related("audience_groups")
        .annotate(read_count=Count("reads", distinct=True))
        .order_by("-publish_at")[:limit]
    )
    rows = []
    for item in items:
        groups = {g.pk for g in item.audience_groups.all()}
        audience = sum(1 for gs in user_groups.values() if gs & (groups or everybody))
        unread = max(audience - item.read_count, 0)
        rows.append(
            (
                item.title[:12],
                [(unread, reverse("intranet:disclosure_reads", args=[item.pk]) + "?show=unread")],
            )
        )
    return bar_chart("对内公开事项未读人数", rows, unit="人")
