"""Request parameters a person can correct: one reading of dates for every endpoint and view."""

from akimat.content import _
from akimat.content.core.calendar import KNOWN_YEARS
from datetime import date


YEARS = KNOWN_YEARS  # the calendar and the control lists answer for these years only


class BadParameter(ValueError):
    """A parameter a person can correct; args[0] is the message that says how."""


def parse_date(name, value):
    """The date in parameter `name` (YYYY-MM-DD, within YEARS), else BadParameter."""
    try:
        day = date.fromisoformat(str(value))
    except ValueError:
        raise BadParameter(
            _(
                "«${value}» in «${name}» is not a date; write it as YYYY-MM-DD.",
                mapping={"value": value, "name": name},
            )
        ) from None
    if day.year not in YEARS:
        raise BadParameter(
            _(
                "«${name}» must be a date from ${first} to ${last}.",
                mapping={"name": name, "first": YEARS[0], "last": YEARS[-1]},
            )
        )
    return day
