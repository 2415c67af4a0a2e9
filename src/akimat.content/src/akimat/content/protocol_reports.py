"""The ОДК's Monday report on the timeliness of the past week's protocols (RULES.md R8.6).

Catalog brains and their metadata only (`protocol_date` index, `protocol_due`, `drawn_up_on`,
`meeting_kind` columns): the REST endpoint and the page share the rows.
"""

from akimat.content.calendar import get_calendar
from akimat.content.content.protocol import days_late
from dataclasses import dataclass
from datetime import date
from datetime import timedelta
from plone import api


@dataclass(frozen=True)
class TimelinessRow:
    """One protocol of the week: when it was due and drawn up, and how late (working days)."""

    url: str
    title: str
    review_state: str
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
        portal_type="Protocol", protocol_date={"query": (first, last), "range": "min:max"}, sort_on="protocol_date"
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
