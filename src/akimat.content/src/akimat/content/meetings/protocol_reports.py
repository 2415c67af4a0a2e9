"""The ОДК's Monday report on the timeliness of the past week's protocols (RULES.md R8.6).

Every protocol of the week's meetings, and every meeting of the week that was held and still has
none: that protocol is late too, until today. Operational meetings have a protocol only when
needed (R5.46), so they count only when they have one. Catalog brains and their metadata only;
the REST endpoint and the page share the rows.
"""

from akimat.content.core.calendar import get_calendar
from akimat.content.meetings.protocol import days_late
from akimat.content.meetings.protocol import TERM_WORKING_DAYS
from dataclasses import dataclass
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from plone import api


@dataclass(frozen=True)
class TimelinessRow:
    """One protocol of the week: when it was due and drawn up, and how late (working days)."""

    url: str
    title: str
    review_state: str | None  # None: the meeting has no protocol yet
    meeting_kind: str
    meeting_date: date
    due: date
    drawn_up_on: date | None  # None: not drawn up yet
    days_late: int  # until it was drawn up, or until today when it is not

    @property
    def late(self):
        return self.days_late > 0


def week_before(day):
    """Monday and Sunday of the week before the week of `day`."""
    monday = day - timedelta(days=day.weekday() + 7)
    return monday, monday + timedelta(days=6)


def find_protocols(first, last):
    """The brains of the protocols of meetings from `first` to `last`, inclusive, by meeting date."""
    catalog = api.portal.get_tool("portal_catalog")
    return catalog(
        portal_type="Protocol",
        protocol_date={"query": (first, last), "range": "min:max"},
        sort_on="protocol_date",
    )


HELD = ("held", "closed")
PROTOCOL_WHEN_NEEDED = ("operational-meeting",)  # R5.46


def week_rows(first, last, today, calendar=None):
    """The rows of the report for the meetings from `first` to `last`, the latest first."""
    calendar = calendar or get_calendar()
    protocols = find_protocols(first, last)
    with_protocol = {brain.meeting_uid for brain in protocols}
    rows = protocol_timeliness(protocols, today, calendar) + [
        _missing(brain, today, calendar)
        for brain in _held_meetings(first, last)
        if brain.UID not in with_protocol
    ]
    return sorted(rows, key=lambda row: (-row.days_late, row.meeting_date, row.title))


def _held_meetings(first, last):
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog(
        portal_type="Meeting",
        review_state=HELD,
        meeting_start={
            "query": (
                datetime.combine(first, time.min),
                datetime.combine(last, time.max),
            ),
            "range": "min:max",
        },
    )
    return [brain for brain in brains if brain.meeting_kind not in PROTOCOL_WHEN_NEEDED]


def _missing(brain, today, calendar):
    day = brain.meeting_start.date()
    due = calendar.add_working_days(day, TERM_WORKING_DAYS)
    return TimelinessRow(
        url=brain.getURL(),
        title=brain.Title,
        review_state=None,
        meeting_kind=brain.meeting_kind,
        meeting_date=day,
        due=due,
        drawn_up_on=None,
        days_late=days_late(due, None, today, calendar),
    )


def protocol_timeliness(catalog_brains, today, calendar=None):
    """A TimelinessRow for each protocol brain, in the brains' order."""
    calendar = calendar or get_calendar()
    return [_row(brain, today, calendar) for brain in catalog_brains]


def _row(brain, today, calendar):
    due, drawn_up_on = brain.protocol_due or None, brain.drawn_up_on or None
    return TimelinessRow(
        url=brain.getURL(),
        title=brain.Title,
        review_state=brain.review_state,
        meeting_kind=brain.meeting_kind,
        meeting_date=brain.protocol_date,
        due=due,
        drawn_up_on=drawn_up_on,
        days_late=days_late(due, drawn_up_on, today, calendar),
    )
