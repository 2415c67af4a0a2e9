"""Thin event subscribers of acts: each transition calls the act's service."""

from akimat.content.acts import life_cycle as acts
from akimat.content.core.transitions import after_transition
from akimat.content.core.transitions import before_transition
from functools import partial


# Acts: attachments before submission (R10.5–R10.10); rounds, rework, numbers after (R10).
ACT_BEFORE = {"submit": "check_submission"}
ACT_AFTER = {
    "approve_legally": "start_departments_round",
    "complete_agreement_members": "start_members_round",
    "return": "returned",
    "withdraw": "returned",
    "register": "register",
}


# The handlers the ZCML names: (document, event) → the service's step for that transition.
act_before_transition = partial(before_transition, acts, ACT_BEFORE)
act_after_transition = partial(after_transition, acts, ACT_AFTER)
