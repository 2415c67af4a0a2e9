"""Which reports the departments owe the library and whether they are in (RULES.md R9.10d).

A period (month, quarter, half-year, year) of an obligation is due on its `due_day` of the
following period, moved to the next working day (R0.2). Its state: «in» once a report of its
kind, department and period is published (late when after the due day), else «late» after the
due day, «due» within 3 working days of it (the heads are reminded), «awaited» before.
The catalog answers everything: no report is woken up.
"""

from akimat.content.control import rules as control
from akimat.content.core import calendar as working_calendar
from dataclasses import dataclass
from datetime import date
from plone import api


MONTHS = {"month": 1, "quarter": 3, "half-year": 6, "year": 12}
IN, LATE, DUE, AWAITED = "in", "late", "due", "awaited"
PUBLISHED = ("published", "archived")


@dataclass(frozen=True)
class Period:
    year: int
    number: int  # 0 for a year

    def label(self):
        """«2/2026» (the second month, quarter or half-year), or the year alone."""
        return f"{self.number}/{self.year}" if self.number else str(self.year)

    def months(self, kind):
        """The first month of the period, and the number of months in it."""
        length = MONTHS[kind]
        return (self.number - 1) * length + 1 if self.number else 1, length


def period_of(day, kind):
    """The period of a kind that holds `day`."""
    if kind == "year":
        return Period(day.year, 0)
    return Period(day.year, (day.month - 1) // MONTHS[kind] + 1)


def previous(period, kind):
    if kind == "year":
        return Period(period.year - 1, 0)
    if period.number > 1:
        return Period(period.year, period.number - 1)
    return Period(period.year - 1, 12 // MONTHS[kind])


def due_date(period, kind, due_day, calendar):
    """The due day in the month after the period, or the next working day."""
    first, length = period.months(kind)
    month = (
        first + length
    )  # the month after the period, 13 meaning January of the next year
    year = period.year + (month - 1) // 12
    return calendar.deadline(date(year, (month - 1) % 12 + 1, due_day))


@dataclass(frozen=True)
class Status:
    period: Period
    due: date
    state: str
    report_url: str = ""
    published_on: date | None = None

    @property
    def late(self):
        return self.state == LATE or (
            self.published_on is not None and self.published_on > self.due
        )

    @property
    def light(self):
        """The control list's traffic light (R12.4b): green in, yellow due soon, red late, grey awaited."""
        return {
            IN: control.GREEN,
            DUE: control.YELLOW,
            LATE: control.RED,
            AWAITED: control.GREY,
        }[self.state]


def statuses(obligation, today, count=4, calendar=None):
    """The current period of the obligation and the `count - 1` before it, newest first."""
    calendar = calendar or working_calendar.get_calendar()
    period, result = period_of(today, obligation.period_kind), []
    for _step in range(count):
        due = due_date(period, obligation.period_kind, obligation.due_day, calendar)
        result.append(status(obligation, period, due, today, calendar))
        period = previous(period, obligation.period_kind)
    return result


def status(obligation, period, due, today, calendar):
    """The state of one period of an obligation on `today`."""
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type="Report",
        department=obligation.department,
        report_kind=obligation.report_kind,
        period_kind=obligation.period_kind,
        report_year=period.year,
        report_period=period.number,
        review_state=PUBLISHED,
        sort_on="effective",
    )
    if brains:
        return Status(
            period, due, IN, brains[0].getURL(), brains[0].effective.asdatetime().date()
        )
    if today > due:
        return Status(period, due, LATE)
    if control.working_days_left(due, today, calendar) <= control.REMINDER_WORKING_DAYS:
        return Status(period, due, DUE)
    return Status(period, due, AWAITED)


def obligations(department=None):
    """The obligations, of one department or all, as objects (few: dozens at most)."""
    query = {"portal_type": "ReportObligation", "sort_on": "sortable_title"}
    if department:
        query["department"] = department
    return [
        brain._unrestrictedGetObject()
        for brain in api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
            **query
        )
    ]


def reminders(today, calendar=None, owed=None):
    """(obligation, status) of the reports of the last year due within 3 working days or late,
    not yet in: the department's head and deputy head are reminded (R12.4c's window).

    `owed`: the obligations to look at, every one by default; their catalog brains will do."""
    calendar = calendar or working_calendar.get_calendar()
    for obligation in obligations() if owed is None else owed:
        a_year_of_periods = 12 // MONTHS[obligation.period_kind] + 1
        for item in statuses(obligation, today, a_year_of_periods, calendar):
            if item.state in (DUE, LATE):
                yield obligation, item
