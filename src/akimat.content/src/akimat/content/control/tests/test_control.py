"""The control service: categories, default terms, traffic light, report dates (RULES.md R12)."""

from akimat.content.control import rules as control
from akimat.content.core.calendar import WorkingCalendar
from datetime import date

import unittest


class TestControl(unittest.TestCase):
    def setUp(self):
        self.calendar = WorkingCalendar()

    def test_default_term_is_one_month_moved_off_days_off(self):
        """R12.2b/R0.2: no term → one month from receipt; 26 Dec 2026 is a Saturday → 28 Dec."""
        self.assertEqual(
            control.default_deadline(date(2026, 11, 26), self.calendar),
            date(2026, 12, 28),
        )
        self.assertEqual(
            control.default_deadline(date(2026, 1, 31), self.calendar), date(2026, 3, 2)
        )

    def test_control_category_by_term(self):
        """R12.2a: under 10 wd urgent, to a month short-, to 6 months medium-, beyond long-term."""
        given = date(2026, 11, 2)
        cases = {
            date(2026, 11, 5): control.URGENT,
            date(2026, 11, 13): control.URGENT,  # 9 working days
            date(2026, 11, 20): control.SHORT_TERM,
            date(2026, 12, 2): control.SHORT_TERM,
            date(2027, 1, 15): control.MEDIUM_TERM,
            date(2027, 6, 1): control.LONG_TERM,
        }
        for deadline, category in cases.items():
            with self.subTest(deadline=deadline):
                self.assertEqual(
                    control.control_category(given, deadline, self.calendar), category
                )

    def test_urgency_mark_makes_any_term_urgent(self):
        """R12.2a: «весьма срочно», «срочно» and «ускорить» are urgent control."""
        for mark in control.URGENCY_MARKS:
            with self.subTest(mark=mark):
                self.assertEqual(
                    control.control_category(
                        date(2026, 11, 2),
                        date(2026, 12, 2),
                        self.calendar,
                        urgency=mark,
                    ),
                    control.URGENT,
                )

    def test_traffic_light(self):
        """R12.4c: yellow from 3 working days before the deadline, red after it, grey removed."""
        deadline = date(2026, 12, 4)
        light = control.traffic_light
        self.assertEqual(
            light(deadline, date(2026, 11, 30), self.calendar), control.GREEN
        )
        self.assertEqual(
            light(deadline, date(2026, 12, 1), self.calendar), control.YELLOW
        )
        self.assertEqual(
            light(deadline, date(2026, 12, 4), self.calendar), control.YELLOW
        )
        self.assertEqual(light(deadline, date(2026, 12, 7), self.calendar), control.RED)
        self.assertEqual(
            light(deadline, date(2026, 12, 7), self.calendar, removed=True),
            control.GREY,
        )

    def test_traffic_light_counts_working_days_not_calendar_days(self):
        """R12.4c/R0.1: Independence Day (16 Dec) does not count: 3 wd left on 14 Dec → yellow."""
        deadline = date(2026, 12, 18)
        self.assertEqual(
            control.working_days_left(deadline, date(2026, 12, 14), self.calendar), 3
        )
        self.assertEqual(
            control.traffic_light(deadline, date(2026, 12, 14), self.calendar),
            control.YELLOW,
        )
        self.assertEqual(
            control.working_days_left(deadline, date(2026, 12, 21), self.calendar), -1
        )

    def test_execution_reports_are_due_5_and_7_working_days_before(self):
        """R12.13: the lead reports 5 wd before the deadline, co-executors to him 7 wd before."""
        self.assertEqual(
            control.report_due_dates(date(2026, 12, 18), self.calendar),
            (date(2026, 12, 10), date(2026, 12, 8)),
        )
