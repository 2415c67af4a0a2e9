"""Control of execution (RULES.md R12): control categories, default terms, the traffic light and
the dates execution reports are due.

Plain functions over dates and a WorkingCalendar; they know no content type, so assignments of
protocols, acts, letters and appeals all reach their deadlines through the same code.
"""

from dateutil.relativedelta import relativedelta


URGENCY_MARKS = ("very-urgent", "urgent", "expedite")  # «весьма срочно», «срочно», «ускорить»
URGENT, SHORT_TERM, MEDIUM_TERM, LONG_TERM = "urgent", "short-term", "medium-term", "long-term"
GREEN, YELLOW, RED, GREY = "green", "yellow", "red", "grey"

SHORT_TERM_FROM = 10  # working days (R12.2a): less is urgent control
REMINDER_WORKING_DAYS = 3  # R12.4c
LEAD_REPORT_WORKING_DAYS = 5  # R12.13
CO_EXECUTOR_REPORT_WORKING_DAYS = 7  # R12.13


def default_deadline(received, calendar):
    """No term given: one month from the day received (R12.2b), off a day off (R0.2)."""
    return calendar.deadline(received + relativedelta(months=1))


def control_category(given, deadline, calendar, urgency=None):
    """The control category of an assignment by its term (R12.2a)."""
    if urgency in URGENCY_MARKS:
        return URGENT
    if calendar.working_days_between(given, deadline) < SHORT_TERM_FROM:
        return URGENT
    if deadline <= given + relativedelta(months=1):
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


def report_due_dates(deadline, calendar):
    """When execution information is due (R12.13): (lead executor, co-executors to the lead)."""
    return (
        calendar.working_days_before(deadline, LEAD_REPORT_WORKING_DAYS),
        calendar.working_days_before(deadline, CO_EXECUTOR_REPORT_WORKING_DAYS),
    )
