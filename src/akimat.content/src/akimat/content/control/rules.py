"""Control of execution (RULES.md R12): control categories, default terms, the traffic light, the
dates execution reports are due, and the rules for extensions and removal from control.

Plain functions over dates, facts and a WorkingCalendar; they know no content type, so
assignments of protocols, acts, letters and appeals all go through the same rules. A refused
action is a ControlError whose message says why, in words a person understands.
"""

from akimat.content import _
from akimat.content.core import bounds
from akimat.content.core import inbox
from akimat.content.core.errors import Refusal
from dateutil.relativedelta import relativedelta


URGENCY_MARKS = (
    "very-urgent",
    "urgent",
    "expedite",
)  # «весьма срочно», «срочно», «ускорить»
URGENT, SHORT_TERM, MEDIUM_TERM, LONG_TERM = (
    "urgent",
    "short-term",
    "medium-term",
    "long-term",
)
GREEN, YELLOW, RED, GREY = "green", "yellow", "red", "grey"
EXECUTED, IMPOSSIBLE = "executed", "impossible"  # the only bases for removal (R12.9)
# Whose turn it is on an assignment on control: the executors until a report comes, then the
# akim or head of apparatus consents, then the controller removes (R12.9, R12.14, R9.23).
EXECUTING, REPORTED, CONSENTED = "executing", "reported", "consented"

SHORT_TERM_FROM = 10  # working days (R12.2a): less is urgent control
REMINDER_WORKING_DAYS = inbox.SOON_WORKING_DAYS  # R12.4c
LEAD_REPORT_WORKING_DAYS = 5  # R12.13
CO_EXECUTOR_REPORT_WORKING_DAYS = 7  # R12.13
EXTENSION_REQUEST_WORKING_DAYS = 3  # R12.6
REQUESTS_BEFORE_REVIEW = 2  # R12.8: more requests than this always raise the question


class ControlError(Refusal):
    """An action the rules of control refuse; args[0] is the message for the person."""


def default_deadline(received, calendar):
    """No term given: one month from the day received (R12.2b), off a day off (R0.2)."""
    return effective_deadline(received, None, calendar)


def deadline_as_set(given, deadline):
    """The deadline set, or one month from the day given (R12.2b), before R0.2 moves it."""
    return given + relativedelta(months=1) if deadline is None else deadline


def effective_deadline(given, deadline, calendar):
    """The deadline that counts: the one set, or the default, moved off days off (R0.2)."""
    return calendar.deadline(deadline_as_set(given, deadline))


def control_category(given, deadline, calendar, urgency=None):
    """The control category of an assignment by its term (R12.2a)."""
    if urgency in URGENCY_MARKS:
        return URGENT
    if calendar.working_days_between(given, deadline) < SHORT_TERM_FROM:
        return URGENT
    # Up to a month, the default term (R12.2b)
    if deadline <= default_deadline(given, calendar):
        return SHORT_TERM
    if deadline <= given + relativedelta(months=6):
        return MEDIUM_TERM
    return LONG_TERM


def working_days_left(deadline, today, calendar):
    """Working days from today to the deadline; negative when it is overdue."""
    return calendar.working_days_between(today, deadline)


def traffic_light(deadline, today, calendar, removed=False):
    """Green on time, yellow with 3 working days or less left (R12.4c), red overdue, grey removed."""
    if removed:
        return GREY
    if today > deadline:
        return RED
    if working_days_left(deadline, today, calendar) <= REMINDER_WORKING_DAYS:
        return YELLOW
    return GREEN


def yellow_from(today, calendar):
    """The last deadline that is still green today: deadlines after it are green (R12.4c).

    Lets a catalog query find each colour by a deadline range instead of waking objects up.
    """
    return calendar.add_working_days(today, REMINDER_WORKING_DAYS)


def report_due_dates(deadline, calendar):
    """When execution information is due (R12.13): (lead executor, co-executors to the lead)."""
    return (
        calendar.working_days_before(deadline, LEAD_REPORT_WORKING_DAYS),
        calendar.working_days_before(deadline, CO_EXECUTOR_REPORT_WORKING_DAYS),
    )


class TooLate(ControlError):
    """Too late to ask for more time (R12.6): the page names whom to turn to instead."""


def check_extension_possible(never_extended, deadline, today, calendar):
    """Whether more time may be asked for at all today, before any date is proposed (R12.6,
    R12.7b): the forms disable their button and REST says why."""
    if never_extended:
        raise ControlError(
            _(
                "Assignments of the Presidential Administration and the Government Office are "
                "never extended."
            )
        )
    if working_days_left(deadline, today, calendar) < EXTENSION_REQUEST_WORKING_DAYS:
        raise TooLate(
            _(
                "An extension is requested at least ${days} working days before the deadline.",
                mapping={"days": EXTENSION_REQUEST_WORKING_DAYS},
            )
        )


def check_extension_request(never_extended, deadline, new_deadline, today, calendar):
    """Refuse a request for more time that the rules do not allow (R12.6, R12.7b), or a new
    deadline out of the range of dates (bounds.OutOfRange)."""
    check_extension_possible(never_extended, deadline, today, calendar)
    if new_deadline is None or new_deadline <= deadline:
        raise ControlError(_("The new deadline must be later than the current one."))
    bounds.check_date(new_deadline)


def check_extension_grant(extensions_granted, exceptional):
    """One extension is allowed; a second only as an exceptional case (R12.7a, R12.8)."""
    if extensions_granted >= 1 and not exceptional:
        raise ControlError(
            _(
                "The assignment has been extended once already; a second extension is granted "
                "only as an exceptional case."
            )
        )


def disciplinary_review(requests_made, extensions_granted, exceptional):
    """Whether an extension raises the question of disciplinary responsibility (R12.8)."""
    return (
        exceptional and extensions_granted >= 1
    ) or requests_made > REQUESTS_BEFORE_REVIEW


def control_stage(on_control, has_report, consented):
    """EXECUTING, REPORTED or CONSENTED for an assignment on control; None once removed."""
    if not on_control:
        return None
    if not has_report:
        return EXECUTING
    return CONSENTED if consented else REPORTED


def check_removal(basis, has_report, consented, removed_by_own_deputy):
    """Removal from control needs a lawful basis (R12.9), a report when executed (R9.23) and the
    consent of the akim or head of apparatus unless a deputy removes his own (R12.14)."""
    if basis not in (EXECUTED, IMPOSSIBLE):
        raise ControlError(
            _(
                "Removal from control needs a basis: executed in full, or impossible for "
                "objective reasons."
            )
        )
    if basis == EXECUTED and not has_report:
        raise ControlError(
            _(
                "An assignment is removed as executed only after an execution report is added."
            )
        )
    if not (consented or removed_by_own_deputy):
        raise ControlError(
            _(
                "Removal from control needs the consent of the akim or the head of apparatus."
            )
        )
