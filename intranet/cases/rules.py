"""Who may do what to a case in which state: one table read by the detail page and every action
view, so the buttons shown and the requests accepted cannot drift apart."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centers.scoping import works_at
from intranet import roles
from intranet.cases import substitution
from intranet.cases.models import Case

S = Case.State


@dataclass(frozen=True)
class Action:
    label: str
    states: frozenset
    # "handle": the handler, the B post covering them today, the head.
    who: str = "handle"
    forwarded_only: bool = False


ACTIONS = {
    "accept": Action(_("受理"), frozenset({S.RECEIVED})),
    "supplement": Action(_("补正通知（一次性告知）"), frozenset({S.RECEIVED, S.ACCEPTED})),
    "supplement_done": Action(_("材料已补齐"), frozenset({S.SUPPLEMENT})),
    "refuse": Action(_("退回 / 不予受理"), frozenset({S.RECEIVED, S.ACCEPTED, S.SUPPLEMENT})),
    "partner": Action(_("添加联办窗口"), frozenset({S.RECEIVED, S.ACCEPTED})),
    "part_done": Action(_("联办部分完成"), frozenset({S.ACCEPTED}), who="part"),
    "forward": Action(_("上报 / 代办"), frozenset({S.ACCEPTED})),
    "handoff": Action(_("记录交接或答复"), frozenset({S.ACCEPTED}), forwarded_only=True),
    "extension": Action(_("申请延期"), frozenset({S.ACCEPTED})),
    "complete": Action(_("办结"), frozenset({S.ACCEPTED})),
    "collect": Action(_("登记取件"), frozenset({S.COMPLETED})),
}


def can_handle(user, case, today=None):
    if case.handler_id == user.pk or roles.has_role(user, roles.HEAD):
        return True
    return roles.has_role(user, roles.WINDOW_STAFF) and substitution.covers(
        user, case.handler_id, today
    )


def can_see_identity(user, case):
    """The applicant's full identity is for the case's own center: county oversight reads the
    case with the number masked, as it reads complaints and information requests."""
    if not works_at(user, case.center_id):
        return False
    return case.handler_id == user.pk or roles.has_role(user, *roles.OVERSIGHT_ROLES)


def is_head(user):
    return roles.has_role(user, roles.HEAD)


def may(user, case, key, today=None):
    action = ACTIONS[key]
    if case.state not in action.states:
        return False
    if action.forwarded_only and not case.forwarded_to:
        return False
    if action.who == "part":
        window_id = substitution.window_id_of(user)
        return can_handle(user, case, today) or (
            window_id is not None and case.parts.filter(window_id=window_id).exists()
        )
    return can_handle(user, case, today)


def allowed_actions(user, case, today=None):
    today = today or timezone.localdate()
    if not can_handle(user, case, today) and not (
        case.state == S.ACCEPTED and may(user, case, "part_done", today)
    ):
        return []
    return [key for key in ACTIONS if may(user, case, key, today)]
