"""The registry's lines of the production calendar, «YYYY-MM-DD optional note»: read by the
calendar and checked by its settings schema (interfaces.ICalendarSettings), so neither imports
the other's module for it."""

from datetime import date

import re


_ENTRY = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s*(.*?)\s*$")


def parse_entry(entry):
    """Split a registry line «YYYY-MM-DD optional note» into (date, note); ValueError if malformed."""
    match = _ENTRY.match(entry or "")
    if not match:
        raise ValueError(entry)
    return date.fromisoformat(match.group(1)), match.group(2)
