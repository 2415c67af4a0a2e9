"""Thin event subscribers of appeals and personal reception."""

from akimat.content.appeals import life_cycle as appeals
from akimat.content.appeals import receptions
from akimat.content.core.transitions import after_transition
from akimat.content.core.transitions import before_transition
from functools import partial


# Appeals: the lawful paths and their conditions (R13.7, R13.9, R13.11); numbers and dates after.
APPEAL_BEFORE = {
    "request_correction": "check_correction_request",
    "return_to_applicant": "check_return",
    "redirect": "check_passing_on",
    "forward": "check_forward",
    "answer": "check_answer",
}
APPEAL_AFTER = {
    "register": "register",
    "redirect": "passed_on",
    "forward": "passed_on",
    "answer": "answered",
}

# Personal reception: the akim approves a schedule with receptions (R14.1); a reception is held
# with what each person said recorded (R13.10); the days of the list (R14.2) and of the reception.
RECEPTION_SCHEDULE_BEFORE = {"approve": "check_approval"}
RECEPTION_SCHEDULE_AFTER = {"approve": "approved"}
RECEPTION_BEFORE = {"hold": "check_hold"}
RECEPTION_AFTER = {"submit_list": "list_submitted", "hold": "held"}
appeal_before_transition = partial(before_transition, appeals, APPEAL_BEFORE)
appeal_after_transition = partial(after_transition, appeals, APPEAL_AFTER)
reception_schedule_before_transition = partial(
    before_transition, receptions, RECEPTION_SCHEDULE_BEFORE
)
reception_schedule_after_transition = partial(
    after_transition, receptions, RECEPTION_SCHEDULE_AFTER
)
reception_before_transition = partial(before_transition, receptions, RECEPTION_BEFORE)
reception_after_transition = partial(after_transition, receptions, RECEPTION_AFTER)
