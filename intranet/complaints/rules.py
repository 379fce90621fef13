"""Who may do what to a complaint in which state: one table read by the detail page (which
buttons show), the step views (which requests are refused) and the workflow (which the locked
row still allows), so the three cannot drift apart."""

from dataclasses import dataclass

from centers.scoping import works_at
from intranet import roles
from intranet.complaints.models import Complaint

S = Complaint.Status
# Not a role: the staff member the complaint is assigned to, whatever their role.
HANDLER = "handler"
ANY_STATE = frozenset(S)
OPEN = frozenset(Complaint.OPEN_STATUSES)
# Reply, add notes, close, ask for more time: the handler, or the head and the inspector.
HANDLING = frozenset({HANDLER, *roles.OVERSIGHT_ROLES})


@dataclass(frozen=True)
class Rule:
    states: frozenset
    who: frozenset


RULES = {
    "see_identity": Rule(ANY_STATE, HANDLING),
    "triage": Rule(OPEN, roles.OVERSIGHT_ROLES),
    "note": Rule(ANY_STATE, HANDLING),
    "reply": Rule(frozenset({S.IN_PROGRESS}), HANDLING),
    "close": Rule(frozenset({S.IN_PROGRESS, S.REPLIED}), HANDLING),
    "request_extension": Rule(OPEN, HANDLING),
    "decide_extension": Rule(ANY_STATE, frozenset({roles.HEAD})),
    "request_publication": Rule(frozenset({S.CLOSED}), HANDLING),
    "approve_publication": Rule(frozenset({S.CLOSED}), frozenset({roles.HEAD})),
}


def may_act(user, complaint, action):
    """The user's part of the rule: their role, or being the complaint's handler, in the
    complaint's own center (county oversight reads other centers' complaints, acts on none)."""
    if not works_at(user, complaint.center_id):
        return False
    who = RULES[action].who
    if HANDLER in who and complaint.handler_id == user.pk:
        return True
    return roles.has_role(user, *(who - {HANDLER}))


def state_allows(status, action):
    return status in RULES[action].states


def may(user, complaint, action):
    return state_allows(complaint.status, action) and may_act(user, complaint, action)


def allowed_actions(user, complaint):
    return frozenset(action for action in RULES if may(user, complaint, action))
