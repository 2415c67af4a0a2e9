"""The working-day calendar against real Kazakhstan dates (RULES.md R0)."""

from akimat.content import calendar
from akimat.content.calendar import WorkingCalendar
from datetime import date
from datetime import datetime
from datetime import timezone
from freezegun import freeze_time

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
        for day in (date(2026, 3, 23), date(2026, 3, 24), date(2026, 3, 25), date(2026, 12, 16)):
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
        self.assertEqual(self.calendar.add_working_days(date(2026, 3, 20), 3), date(2026, 3, 30))

    def test_working_days_between_counts_what_add_working_days_adds(self):
        """R0.1: the count of working days between two dates inverts add_working_days."""
        start = date(2026, 3, 20)
        for count in (0, 1, 3, 10, 45):
            with self.subTest(count=count):
                end = self.calendar.add_working_days(start, count)
                self.assertEqual(self.calendar.working_days_between(start, end), count)
        self.assertEqual(self.calendar.working_days_between(date(2026, 3, 30), start), -3)

    def test_working_days_before_skip_nauryz(self):
        """R0.1: 5 working days before 2026-03-27 is 2026-03-17 (Nauryz and a weekend skipped)."""
        self.assertEqual(self.calendar.working_days_before(date(2026, 3, 27), 5), date(2026, 3, 17))
        with self.assertRaises(ValueError):
            self.calendar.working_days_before(date(2026, 3, 27), 0)

    def test_negative_count_is_refused(self):
        """R0.1: adding a negative number of working days is an error, not a silent guess."""
        with self.assertRaises(ValueError):
            self.calendar.add_working_days(date(2026, 3, 20), -1)

    def test_next_working_day_after_friday_is_monday(self):
        """R0.1: the next working day after Friday 2026-11-27 is Monday 2026-11-30."""
        self.assertEqual(self.calendar.next_working_day(date(2026, 11, 27)), date(2026, 11, 30))


class TestRegistryOverrides(unittest.TestCase):
    def test_registry_holiday_is_a_day_off_with_its_name(self):
        """R0.1: an extra holiday added by the administrator is a day off named as entered."""
        calendar = WorkingCalendar(extra_holidays={date(2026, 12, 18): "Перенос выходного"})
        day_off = calendar.day_off(date(2026, 12, 18))
        self.assertEqual((day_off.kind, day_off.names), ("holiday", ("Перенос выходного",)))
        self.assertEqual(calendar.add_working_days(date(2026, 12, 17), 1), date(2026, 12, 21))

    def test_registry_working_saturday_is_worked(self):
        """R0.1: a working Saturday added by the administrator counts as a working day."""
        calendar = WorkingCalendar(extra_working_days=frozenset({date(2026, 12, 19)}))
        self.assertTrue(calendar.is_working_day(date(2026, 12, 19)))
        self.assertEqual(calendar.add_working_days(date(2026, 12, 18), 1), date(2026, 12, 19))
        self.assertFalse(WorkingCalendar().is_working_day(date(2026, 12, 19)))

    def test_registry_entries_are_parsed_and_malformed_ones_refused(self):
        """R0.1: registry lines are «YYYY-MM-DD note»; anything else is refused."""
        self.assertEqual(
            calendar.parse_entry("2026-12-18 Перенос выходного"),
            (date(2026, 12, 18), "Перенос выходного"),
        )
        self.assertEqual(calendar.parse_entry("2026-12-19"), (date(2026, 12, 19), ""))
        for bad in ("18.12.2026", "2026-13-01 x", ""):
            with self.subTest(entry=bad), self.assertRaises(ValueError):
                calendar.parse_entry(bad)


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
        self.assertEqual(self.calendar.registration_date(received, urgent=True), date(2026, 11, 27))

    def test_document_received_on_a_holiday_is_registered_next_working_day(self):
        """R0.4: a document received on Independence Day is registered the next working day."""
        received = datetime(2026, 12, 16, 10, 0, tzinfo=calendar.ALMATY)
        self.assertEqual(self.calendar.registration_date(received, urgent=True), date(2026, 12, 17))

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
        self.assertEqual(self.calendar.registration_date(calendar.now()), date(2026, 11, 30))
