"""The working-day calendar against real Kazakhstan dates (RULES.md R0)."""

from akimat.content.core import calendar
from akimat.content.core import calendar_entries
from akimat.content.core.calendar import WorkingCalendar
from bisect import bisect_left
from datetime import date
from datetime import datetime
from datetime import timedelta
from datetime import timezone
from freezegun import freeze_time
from unittest import mock

import unittest


class TestWorkingDays(unittest.TestCase):
    def setUp(self):
        self.calendar = WorkingCalendar()

    def test_weekdays_are_working_days_weekends_are_not(self):
        """R0.1: Monday–Friday are working days, Saturday and Sunday are not."""
        self.assertTrue(self.calendar.is_working_day(date(2026, 11, 26)))  # Thursday
        self.assertEqual(self.calendar.day_off(date(2026, 11, 28)).kind, "weekend")
        self.assertEqual(self.calendar.day_off(date(2026, 11, 29)).kind, "weekend")

    def test_public_holidays_of_kazakhstan_are_days_off(self):
        """R0.1: Nauryz, Independence Day and the observed days after them are not working days."""
        for day in (
            date(2026, 3, 23),
            date(2026, 3, 24),
            date(2026, 3, 25),
            date(2026, 12, 16),
        ):
            with self.subTest(day=day):
                self.assertEqual(self.calendar.day_off(day).kind, "holiday")

    def test_decreed_working_saturday_of_the_package_is_worked(self):
        """R0.1: a Saturday the government made a working day (4 May 2024) counts as one."""
        self.assertTrue(self.calendar.is_working_day(date(2024, 5, 4)))
        self.assertEqual(self.calendar.day_off(date(2024, 5, 8)).kind, "holiday")

    def test_deadline_on_a_holiday_moves_past_nauryz(self):
        """R0.2: a deadline on Saturday 2026-03-21 moves past Nauryz to Thursday 2026-03-26."""
        self.assertEqual(self.calendar.deadline(date(2026, 3, 21)), date(2026, 3, 26))

    def test_deadline_on_a_working_day_stays(self):
        """R0.2: a deadline on a working day does not move."""
        self.assertEqual(self.calendar.deadline(date(2026, 3, 20)), date(2026, 3, 20))

    def test_three_working_days_after_friday_before_nauryz(self):
        """R0.1: 2026-03-20 plus 3 working days is 2026-03-30 (Nauryz 23–25 March is skipped)."""
        self.assertEqual(
            self.calendar.add_working_days(date(2026, 3, 20), 3), date(2026, 3, 30)
        )

    def test_working_days_between_counts_what_add_working_days_adds(self):
        """R0.1: the count of working days between two dates inverts add_working_days."""
        start = date(2026, 3, 20)
        for count in (0, 1, 3, 10, 45):
            with self.subTest(count=count):
                end = self.calendar.add_working_days(start, count)
                self.assertEqual(self.calendar.working_days_between(start, end), count)
        self.assertEqual(
            self.calendar.working_days_between(date(2026, 3, 30), start), -3
        )

    def test_working_days_before_skip_nauryz(self):
        """R0.1: 5 working days before 2026-03-27 is 2026-03-17 (Nauryz and a weekend skipped)."""
        self.assertEqual(
            self.calendar.working_days_before(date(2026, 3, 27), 5), date(2026, 3, 17)
        )
        with self.assertRaises(ValueError):
            self.calendar.working_days_before(date(2026, 3, 27), 0)

    def test_negative_count_is_refused(self):
        """R0.1: adding a negative number of working days is an error, not a silent guess."""
        with self.assertRaises(ValueError):
            self.calendar.add_working_days(date(2026, 3, 20), -1)

    def test_next_working_day_after_friday_is_monday(self):
        """R0.1: the next working day after Friday 2026-11-27 is Monday 2026-11-30."""
        self.assertEqual(
            self.calendar.next_working_day(date(2026, 11, 27)), date(2026, 11, 30)
        )


class TestRegistryOverrides(unittest.TestCase):
    def test_registry_holiday_is_a_day_off_with_its_name(self):
        """R0.1: an extra holiday added by the administrator is a day off named as entered."""
        calendar = WorkingCalendar(
            extra_holidays={date(2026, 12, 18): "Перенос выходного"}
        )
        day_off = calendar.day_off(date(2026, 12, 18))
        self.assertEqual(
            (day_off.kind, day_off.names), ("holiday", ("Перенос выходного",))
        )
        self.assertEqual(
            calendar.add_working_days(date(2026, 12, 17), 1), date(2026, 12, 21)
        )

    def test_registry_working_saturday_is_worked(self):
        """R0.1: a working Saturday added by the administrator counts as a working day."""
        calendar = WorkingCalendar(extra_working_days=frozenset({date(2026, 12, 19)}))
        self.assertTrue(calendar.is_working_day(date(2026, 12, 19)))
        self.assertEqual(
            calendar.add_working_days(date(2026, 12, 18), 1), date(2026, 12, 19)
        )
        self.assertFalse(WorkingCalendar().is_working_day(date(2026, 12, 19)))

    def test_registry_entries_are_parsed_and_malformed_ones_refused(self):
        """R0.1: registry lines are «YYYY-MM-DD note»; anything else is refused."""
        self.assertEqual(
            calendar_entries.parse_entry("2026-12-18 Перенос выходного"),
            (date(2026, 12, 18), "Перенос выходного"),
        )
        self.assertEqual(
            calendar_entries.parse_entry("2026-12-19"), (date(2026, 12, 19), "")
        )
        for bad in ("18.12.2026", "2026-13-01 x", ""):
            with self.subTest(entry=bad), self.assertRaises(ValueError):
                calendar_entries.parse_entry(bad)


class DayByDay:
    """The definition the calendar's arithmetic must keep: walk one day at a time, asking
    `is_working_day` of each — slow, obviously right."""

    def __init__(self, calendar):
        self.calendar = calendar

    def add_working_days(self, day, count):
        day = self.calendar.deadline(day) if count == 0 else day
        for _step in range(count):
            day += timedelta(days=1)
            while not self.calendar.is_working_day(day):
                day += timedelta(days=1)
        return day

    def working_days_before(self, day, count):
        while count:
            day -= timedelta(days=1)
            count -= self.calendar.is_working_day(day)
        return day


def days(first, last):
    return [first + timedelta(days=offset) for offset in range((last - first).days + 1)]


class TestArithmeticKeepsTheDefinition(unittest.TestCase):
    """R0.1, R0.2: counting, adding and going back working days in closed form gives exactly what
    walking day by day gives, with the package's holidays and transfers and the registry's."""

    calendar = WorkingCalendar(
        extra_holidays={
            date(2024, 12, 30): "Перенос выходного",  # a Monday
            date(2025, 6, 7): "Суббота",  # a weekend day already off
            date(2026, 3, 23): "Наурыз",  # a holiday of the package too
            date(
                2101, 1, 3
            ): "За горизонтом",  # a Monday past the years the package counts
        },
        extra_working_days=frozenset(
            {
                date(2025, 1, 4),  # a Saturday
                date(2026, 3, 24),  # a holiday of the package, worked by decree
                date(2026, 11, 25),  # a weekday, working anyway
                date(
                    2100, 12, 25
                ),  # a Saturday at the end of the years the package counts
            }
        ),
    )

    def check_span(self, first, last):
        span, reference = days(first, last), DayByDay(self.calendar)
        # counted[i]: working days among span[:i], one day at a time
        counted = [0]
        for day in span:
            counted.append(counted[-1] + self.calendar.is_working_day(day))
        for i, start in enumerate(span):
            for j in range(i, min(i + 40, len(span))):
                self.assertEqual(
                    self.calendar.working_days_between(start, span[j]),
                    counted[j + 1] - counted[i + 1],
                )
            for count in range(12):
                self.assertEqual(
                    self.calendar.add_working_days(start, count),
                    reference.add_working_days(start, count),
                )
            for count in range(1, 12):
                self.assertEqual(
                    self.calendar.working_days_before(start, count),
                    reference.working_days_before(start, count),
                )
        for i in range(0, len(span), 23):  # long spans, across years, both ways
            for j in range(i, len(span), 37):
                between = counted[j + 1] - counted[i + 1]
                self.assertEqual(
                    self.calendar.working_days_between(span[i], span[j]), between
                )
                self.assertEqual(
                    self.calendar.working_days_between(span[j], span[i]), -between
                )
                if between:  # the first day after span[i] with that many working days
                    self.assertEqual(
                        self.calendar.add_working_days(span[i], between),
                        span[bisect_left(counted, counted[i + 1] + between) - 1],
                    )
                before = (
                    counted[j] - counted[i]
                )  # working days from span[i] up to span[j], excluded
                if before:  # the last day before span[j] with that many from it
                    self.assertEqual(
                        self.calendar.working_days_before(span[j], before),
                        span[bisect_left(counted, counted[j] - before + 1) - 1],
                    )

    def test_years_with_transfers_and_registry_entries(self):
        """R0.1/R0.2: 2024–2026, with the package's transfers and the administrator's days."""
        self.check_span(date(2024, 1, 1), date(2026, 12, 31))

    def test_around_the_edges_of_the_known_years(self):
        """R0.1: the same across 1999/2000 and 2100/2101, where the package's holidays end."""
        self.check_span(date(1999, 11, 1), date(2000, 3, 31))
        self.check_span(date(2100, 10, 1), date(2101, 2, 28))


class TestFarDates(unittest.TestCase):
    """A date stored before dates were bounded costs no more than a near one (issue 12)."""

    def setUp(self):
        calendar._package_corrections.cache_clear()
        calendar._package_year.cache_clear()
        self.addCleanup(calendar._package_corrections.cache_clear)
        self.addCleanup(calendar._package_year.cache_clear)

    def test_far_dates_ask_the_package_for_known_years_only_and_once(self):
        """R0.1: from 2026 to 9999-12-31 the package computes each year of 2026–2100 once,
        whatever the distance, and the answers are exact: weekends only after 2100."""
        work = WorkingCalendar()
        with mock.patch.object(
            calendar.holidays, "KZ", wraps=calendar.holidays.KZ
        ) as computed:
            far = date(9999, 12, 31)  # a Friday
            between = work.working_days_between(date(2026, 12, 3), far)
            self.assertEqual(work.working_days_before(far, 5), date(9999, 12, 24))
            self.assertEqual(work.add_working_days(date(9999, 12, 24), 5), far)
            self.assertEqual(work.deadline(date(9999, 12, 25)), date(9999, 12, 27))
            self.assertEqual(work.working_days_between(date(1, 1, 1), date(1, 1, 8)), 5)
        computed_years = [call.kwargs["years"] for call in computed.call_args_list]
        self.assertEqual(sorted(computed_years), list(range(2026, 2101)))
        in_known_years = work.working_days_between(
            date(2026, 12, 3), date(2100, 12, 31)
        )
        after_known_years = work.working_days_between(date(2100, 12, 31), far)
        self.assertEqual(between, in_known_years + after_known_years)
        weekdays_after = sum(
            1 for day in days(date(2101, 1, 1), date(2101, 12, 31)) if day.weekday() < 5
        )
        self.assertEqual(
            work.working_days_between(date(2100, 12, 31), date(2101, 12, 31)),
            weekdays_after,
        )

    def test_beyond_the_last_date_is_an_overflow(self):
        """Past 9999-12-31 there is no date to answer with: an OverflowError, never a long walk."""
        with self.assertRaises(OverflowError):
            WorkingCalendar().add_working_days(date(9999, 12, 31), 1)
        with self.assertRaises(OverflowError):
            WorkingCalendar().working_days_before(date(1, 1, 1), 1)


class TestCutOffs(unittest.TestCase):
    def setUp(self):
        self.calendar = WorkingCalendar()

    def test_document_received_at_1701_is_registered_next_working_day(self):
        """R0.4: a document received at 17:01 on Friday is registered on Monday."""
        received = datetime(2026, 11, 27, 17, 1, tzinfo=calendar.ALMATY)
        self.assertEqual(self.calendar.registration_date(received), date(2026, 11, 30))

    def test_document_received_at_1700_is_registered_the_same_day(self):
        """R0.4: at 17:00 sharp the document is still registered the same day."""
        received = datetime(2026, 11, 27, 17, 0, tzinfo=calendar.ALMATY)
        self.assertEqual(self.calendar.registration_date(received), date(2026, 11, 27))

    def test_urgent_document_after_1700_is_registered_the_same_day(self):
        """R0.4: urgent documents («СРОЧНО», «ШҰҒЫЛ» …) are registered the same day after 17:00."""
        received = datetime(2026, 11, 27, 18, 30, tzinfo=calendar.ALMATY)
        self.assertEqual(
            self.calendar.registration_date(received, urgent=True), date(2026, 11, 27)
        )

    def test_document_received_on_a_holiday_is_registered_next_working_day(self):
        """R0.4: a document received on Independence Day is registered the next working day."""
        received = datetime(2026, 12, 16, 10, 0, tzinfo=calendar.ALMATY)
        self.assertEqual(
            self.calendar.registration_date(received, urgent=True), date(2026, 12, 17)
        )

    def test_cut_off_is_applied_in_almaty_time(self):
        """R0.3/R0.4: 11:30 UTC is 16:30 in Almaty (same day); 12:30 UTC is 17:30 (next day)."""
        same_day = datetime(2026, 11, 26, 11, 30, tzinfo=timezone.utc)
        next_day = datetime(2026, 11, 26, 12, 30, tzinfo=timezone.utc)
        self.assertEqual(self.calendar.registration_date(same_day), date(2026, 11, 26))
        self.assertEqual(self.calendar.registration_date(next_day), date(2026, 11, 27))

    def test_answer_to_an_appeal_is_dispatched_until_1800(self):
        """R0.5: an answer at 18:00 goes the same day; at 18:01 the next working day."""
        at_six = datetime(2026, 11, 26, 18, 0, tzinfo=calendar.ALMATY)
        after_six = datetime(2026, 11, 26, 18, 1, tzinfo=calendar.ALMATY)
        self.assertEqual(self.calendar.dispatch_date(at_six), date(2026, 11, 26))
        self.assertEqual(self.calendar.dispatch_date(after_six), date(2026, 11, 27))

    def test_office_hours_exclude_lunch_and_days_off(self):
        """R0.3: office hours are 09:00–19:00 with lunch 13:00–15:00, on working days only."""

        def at(day, hour, minute=0):
            return datetime(2026, 11, day, hour, minute, tzinfo=calendar.ALMATY)

        self.assertFalse(self.calendar.is_office_hours(at(26, 8, 59)))
        self.assertTrue(self.calendar.is_office_hours(at(26, 9)))
        self.assertFalse(self.calendar.is_office_hours(at(26, 14)))
        self.assertTrue(self.calendar.is_office_hours(at(26, 18, 59)))
        self.assertFalse(self.calendar.is_office_hours(at(26, 19)))
        self.assertFalse(self.calendar.is_office_hours(at(28, 10)))  # Saturday

    @freeze_time("2026-11-27 12:01:00")  # UTC: 17:01 in Almaty, a Friday
    def test_now_is_almaty_time(self):
        """R0.3/R0.4: the service's clock is Asia/Almaty; a document arriving now waits for Monday."""
        self.assertEqual(calendar.now().hour, 17)
        self.assertEqual(
            self.calendar.registration_date(calendar.now()), date(2026, 11, 30)
        )
