"""The ranges of what people enter: dates, times of receipt and whole numbers, in one place.

A typing error (2206 for 2026, a dozen zeros too many) is refused where it is typed, and no
page's cost depends on what was typed. The checks are zope.schema constraints: in our schemas,
z3c.form, plone.restapi's deserializer and our JSON services all refuse a value out of range
with the same message, which names the range, in the request's language. Dates relative to
today come from calendar.now(), which tests freeze.

The ranges, and why:
- a date (of a document, an event, a term, a deadline): from 1 January 2000 — the apparatus
  keeps nothing older electronically, and the calendar knows Kazakhstan's holidays from then —
  to ten years after today: long-term control (R12.2a) is anything over six months, and the
  longest plans and programmes of a district run a few years;
- a time of receipt (R9.10f, R13.6): from 1 January 2000 up to now — nothing was received later
  than now; the clocks of other systems may run a few minutes ahead;
- a term in working days: 1 to 60, about three months; the Регламент's longest is 15;
- the signatories of a collective appeal: 1 to 10 000; a district has a few tens of thousands
  of adults;
- a year of a report: one of the calendar's years, 2000 to 2100.
"""

from akimat.content import _
from akimat.content.core import calendar
from datetime import date
from datetime import datetime
from datetime import timedelta
from dateutil.relativedelta import relativedelta
from zope.schema import ValidationError


FIRST_DAY = date(calendar.KNOWN_YEARS[0], 1, 1)
YEARS_AHEAD = 10
CLOCK_SKEW = timedelta(minutes=5)


class OutOfRange(ValidationError):
    """A value outside its range; args[0] is the message that names the range."""

    def doc(self):
        return self.args[0]


def last_day():
    """The latest date a person may enter: ten years after today."""
    return calendar.now().date() + relativedelta(years=YEARS_AHEAD)


def _almaty(value):
    """A date as is; a datetime as Almaty wall-clock time (naive ones are taken as such)."""
    return calendar.to_almaty(value) if isinstance(value, datetime) else value


def check_date(value):
    """A date or datetime from FIRST_DAY to last_day(), else OutOfRange; a schema constraint."""
    day = _almaty(value)
    day = day.date() if isinstance(day, datetime) else day
    if not FIRST_DAY <= day <= last_day():
        raise OutOfRange(
            _(
                "Enter a date from ${first} to ${last}.",
                mapping={"first": _format(FIRST_DAY), "last": _format(last_day())},
            )
        )
    return True


def check_receipt(value):
    """A time of receipt from FIRST_DAY up to now, else OutOfRange; a schema constraint."""
    moment = _almaty(value)
    if not (moment.date() >= FIRST_DAY and moment <= calendar.now() + CLOCK_SKEW):
        raise OutOfRange(
            _(
                "Enter a time of receipt from ${first} up to now.",
                mapping={"first": _format(FIRST_DAY)},
            )
        )
    return True


def whole_numbers(low, high):
    """The keyword arguments of a zope.schema.Int from `low` to `high` whose refusal names the
    range (min and max stay for the JSON schema of plone.restapi's @types)."""

    def check(value):
        if not low <= value <= high:
            raise OutOfRange(
                _(
                    "Enter a whole number from ${low} to ${high}.",
                    mapping={"low": low, "high": high},
                )
            )
        return True

    return {"min": low, "max": high, "constraint": check}


TERM_WORKING_DAYS = whole_numbers(1, 60)
SIGNATORIES = whole_numbers(1, 10_000)
REPORT_YEARS = whole_numbers(calendar.KNOWN_YEARS[0], calendar.KNOWN_YEARS[-1])


def _format(day):
    return day.strftime("%d.%m.%Y")
