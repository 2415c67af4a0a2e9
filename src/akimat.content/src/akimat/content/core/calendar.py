"""Working days of Kazakhstan and the office-hour cut-offs of the Регламент (RULES.md R0).

One service for every deadline of the intranet. Public holidays and the decreed day transfers
come from the `holidays` package (country KZ); the administrator adds later transfers and extra
holidays in the registry (ICalendarSettings), read by `get_calendar()`.

The arithmetic costs the same for a deadline next week and one in the year 9999: the working
days of a span are its Mondays–Fridays, counted in closed form, corrected by the exceptions of
each year in it (holidays on weekdays, worked weekend days; computed once per process and year)
and by the administrator's entries; adding or taking away working days is a search over that
count, outwards from a first guess, so a near answer stays as cheap as before.

The package's holidays count for the years of KNOWN_YEARS (2000–2100) only. Outside them its
data mean nothing (decreed transfers are known a year ahead, the Islamic holidays are estimates)
and computing them would itself cost time by the year: there the calendar knows weekends and
the administrator's entries, nothing else. Dates people enter stay far within these years
(akimat.content.core.bounds); the policy decides only what a date stored before that costs: nothing.
"""

from akimat.content import _
from akimat.content.core.calendar_entries import parse_entry
from bisect import bisect_right
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import datetime
from datetime import time
from functools import cache
from functools import cached_property
from itertools import accumulate
from zoneinfo import ZoneInfo

import holidays
import re


ALMATY = ZoneInfo("Asia/Almaty")
KNOWN_YEARS = range(
    2000, 2101
)  # the years whose holidays the package tells (see above)
# R0.3: office hours with the lunch break.
OFFICE_HOURS = ((time(9, 0), time(13, 0)), (time(15, 0), time(19, 0)))
# R0.4: incoming documents after 17:00 are registered the next working day.
REGISTRATION_CUTOFF = time(17, 0)
# R0.5: answers to appeals are accepted for dispatch until 18:00.
DISPATCH_CUTOFF = time(18, 0)

# The package names a holiday in English; our catalogs translate those names (msgids) and the
# suffixes the package appends to them.
_SUBSTITUTED = re.compile(r"^Day off \(substituted from (\d\d)/(\d\d)/(\d{4})\)$")
_SUFFIXES = (
    (" (observed, estimated)", _("${name} (observed, estimated)")),
    (" (observed)", _("${name} (observed)")),
    (" (estimated)", _("${name} (estimated)")),
)


@cache  # called for KNOWN_YEARS only: at most one entry a year of them
def _package_year(year):
    """Holidays (English names) and working weekend days of one year, as the package knows them."""
    country = holidays.KZ(years=year, language="en_US")
    days_off = {day: name for day, name in country.items() if day.year == year}
    workdays = frozenset(day for day in country.weekend_workdays if day.year == year)
    return days_off, workdays


class _Corrections:
    """Days on which the calendar differs from Monday–Friday, each with +1 (worked though a
    weekend day) or -1 (off though a weekday), summed up to a day by bisection."""

    def __init__(self, corrections):
        self.ordinals = sorted(corrections)
        self.running = [
            0,
            *accumulate(corrections[ordinal] for ordinal in self.ordinals),
        ]

    def between(self, after, through):
        """The sum of the corrections of the days after ordinal `after` up to `through`."""
        return (
            self.running[bisect_right(self.ordinals, through)]
            - self.running[bisect_right(self.ordinals, after)]
        )


@cache  # KNOWN_YEARS only, like _package_year
def _package_corrections(year):
    """The package's exceptions of one year to Monday–Friday."""
    days_off, workdays = _package_year(year)
    corrections = {day.toordinal(): -1 for day in days_off if day.weekday() < 5}
    corrections.update(
        {
            day.toordinal(): 1
            for day in workdays
            if day.weekday() >= 5 and day not in days_off
        }
    )
    return _Corrections(corrections)


def _weekdays_through(ordinal):
    """Mondays to Fridays from 1 January of the year 1, a Monday, up to the day `ordinal`."""
    weeks, days = divmod(ordinal, 7)
    return 5 * weeks + min(days, 5)


def _least(holds, least, most):
    """The least k from `least` to `most` for which `holds(k)`, which grows with k and is false
    below `least`. The first guess allows for weekends, it doubles while short, then halves: a
    near answer looks at near days only. OverflowError when even `most` does not do (beyond the
    first or last date Python knows)."""
    if most < least:
        raise OverflowError("no working day that far")
    low, high = least - 1, min(least + 2 * (least // 5) + 4, most)
    while not holds(high):
        if high == most:
            raise OverflowError("no working day that far")
        low, high = high, min(2 * high, most)
    while high - low > 1:
        middle = (low + high) // 2
        if holds(middle):
            high = middle
        else:
            low = middle
    return high


def _translate_package_name(name):
    """One package holiday name (English) as a message of our catalog."""
    substituted = _SUBSTITUTED.match(name)
    if substituted:
        month, day, year = substituted.groups()
        return _(
            "Day off (substituted from ${date})",
            mapping={"date": f"{day}.{month}.{year}"},
        )
    for suffix, message in _SUFFIXES:
        if name.endswith(suffix):
            base = _(name[: -len(suffix)])
            return _(message, mapping={"name": base})
    return _(name)


@dataclass(frozen=True)
class DayOff:
    """Why a day is not a working day: `kind` is "weekend" or "holiday"; `names` are messages."""

    kind: str
    names: tuple = ()


WEEKEND = DayOff("weekend")


def _package_day_off(day):
    """Why `day` is off in the package's calendar, or None; outside KNOWN_YEARS weekends only."""
    package_days_off, package_workdays = (
        _package_year(day.year) if day.year in KNOWN_YEARS else ({}, ())
    )
    if day in package_days_off:
        names = package_days_off[day].split("; ")
        return DayOff("holiday", tuple(_translate_package_name(n) for n in names))
    if day.weekday() >= 5 and day not in package_workdays:
        return WEEKEND
    return None


@dataclass
class WorkingCalendar:
    """The production calendar: Monday–Friday minus holidays plus transferred working days (R0.1).

    `extra_holidays` maps a date to its name; `extra_working_days` is a set of dates. Both come
    from the registry and win over the package: a working day entered by the administrator is
    worked even where the package has a (e.g. estimated) holiday.
    """

    extra_holidays: dict = field(default_factory=dict)
    extra_working_days: frozenset = frozenset()

    def day_off(self, day):
        """None for a working day, else a DayOff saying why."""
        if day in self.extra_holidays:
            return DayOff("holiday", (self.extra_holidays[day] or _("Holiday"),))
        if day in self.extra_working_days:
            return None
        return _package_day_off(day)

    def is_working_day(self, day):
        return self.day_off(day) is None

    def next_working_day(self, day):
        """The first working day after `day`."""
        return self.add_working_days(day, 1)

    def deadline(self, day):
        """A deadline on a non-working day moves to the next working day (R0.2)."""
        return day if self.is_working_day(day) else self.next_working_day(day)

    def moved_deadline(self, day):
        """(the day as set, the working day it moved to) when a deadline falls on a day off
        (R0.2); None when it falls on a working day, so nothing needs saying."""
        if day is None or self.is_working_day(day):
            return None
        return day, self.next_working_day(day)

    def add_working_days(self, day, count):
        """The date `count` working days after `day` (count >= 0; 0 gives the deadline of `day`)."""
        if count < 0:
            raise ValueError("count must not be negative")
        if count == 0:
            return self.deadline(day)
        start = day.toordinal()
        days = _least(
            lambda days: self._count(start, start + days) >= count,
            count,
            date.max.toordinal() - start,
        )
        return date.fromordinal(start + days)

    def working_days_before(self, day, count):
        """The working day `count` working days before `day` (count >= 1)."""
        if count < 1:
            raise ValueError("count must be at least 1")
        end = day.toordinal() - 1
        days = _least(lambda days: self._count(end - days, end) >= count, count, end)
        return date.fromordinal(end + 1 - days)

    def working_days_between(self, start, end):
        """Working days after `start` up to and including `end`; negative when `end` is earlier.

        So that working_days_between(d, add_working_days(d, n)) == n.
        """
        if end < start:
            return -self.working_days_between(end, start)
        return self._count(start.toordinal(), end.toordinal())

    def _count(self, after, through):
        """Working days after the day of ordinal `after` up to the day `through`, in closed form."""
        count = (
            _weekdays_through(through)
            - _weekdays_through(after)
            + self._entries.between(after, through)
        )
        first, last = (
            date.fromordinal(max(after, 1)).year,
            date.fromordinal(through).year,
        )
        for year in range(
            max(first, KNOWN_YEARS.start), min(last + 1, KNOWN_YEARS.stop)
        ):
            count += _package_corrections(year).between(after, through)
        return count

    @cached_property
    def _entries(self):
        """The administrator's entries as corrections to the package's calendar."""
        corrections = {}
        for day in set(self.extra_holidays) | set(self.extra_working_days):
            package_working = _package_day_off(day) is None
            correction = int(self.is_working_day(day)) - int(package_working)
            if correction:
                corrections[day.toordinal()] = correction
        return _Corrections(corrections)

    def registration_date(self, received_at, urgent=False):
        """The day an incoming document is registered (R0.4).

        After 17:00 Almaty time, or on a day off, it is the next working day; urgent documents
        («ШҰҒЫЛ», «СРОЧНО» …) received on a working day are registered the same day.
        """
        return self._cutoff_date(received_at, None if urgent else REGISTRATION_CUTOFF)

    def dispatch_date(self, answered_at):
        """The day an answer to an appeal is dispatched: accepted until 18:00 (R0.5)."""
        return self._cutoff_date(answered_at, DISPATCH_CUTOFF)

    def is_office_hours(self, moment):
        """Whether `moment` falls in office hours of a working day, lunch excluded (R0.3)."""
        local = to_almaty(moment)
        if not self.is_working_day(local.date()):
            return False
        return any(start <= local.time() < end for start, end in OFFICE_HOURS)

    def _cutoff_date(self, moment, cutoff):
        local = to_almaty(moment)
        day = local.date()
        if not self.is_working_day(day):
            return self.next_working_day(day)
        if cutoff is not None and local.time() > cutoff:
            return self.next_working_day(day)
        return day


def to_almaty(moment):
    """A datetime in Asia/Almaty; naive datetimes are taken as Almaty wall-clock time."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=ALMATY)
    return moment.astimezone(ALMATY)


def now():
    """The current time in Asia/Almaty."""
    return datetime.now(ALMATY)


def get_calendar():
    """The calendar with the administrator's extra holidays and working days from the registry."""
    # Imported here: the settings schema (interfaces.py) bounds its dates with core.bounds,
    # which counts with this calendar.
    from akimat.content.interfaces import ICalendarSettings
    from plone.registry.interfaces import IRegistry
    from zope.component import queryUtility

    registry = queryUtility(IRegistry)
    # No site is set (e.g. a commit after a script left it): the plain calendar.
    if registry is None:
        return WorkingCalendar()
    # check=False: a site without the records (not installed yet) has the plain calendar.
    settings = registry.forInterface(ICalendarSettings, check=False)
    return WorkingCalendar(
        extra_holidays=dict(
            parse_entry(entry) for entry in settings.extra_holidays or ()
        ),
        extra_working_days=frozenset(
            parse_entry(entry)[0] for entry in settings.extra_working_days or ()
        ),
    )


def naive(moment):
    """A time as naive Almaty time: what meetings and receptions store and index (R0.3)."""
    if moment is not None and moment.tzinfo is not None:
        return to_almaty(moment).replace(tzinfo=None)
    return moment
