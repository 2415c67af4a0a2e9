"""Execution discipline for the leadership (control/overview.py, R12.4a)."""

from akimat.content.control.overview import discipline
from akimat.content.control.tests.test_assignment import AssignmentTestCase
from akimat.content.core.calendar import get_calendar
from datetime import date
from freezegun import freeze_time


TODAY = date(2026, 12, 14)  # a Monday


@freeze_time("2026-12-14 06:00:00")
class TestDiscipline(AssignmentTestCase):
    def test_overdue_and_due_within_the_week_per_lead_executor(self):
        """R12.4a: each assignment counted once, under its lead executor; later ones not at all."""
        self.assignment(deadline=date(2026, 12, 10))  # overdue
        self.assignment(deadline=date(2026, 12, 18))  # this week
        self.assignment(lead_executor="helper", deadline=date(2026, 12, 21))
        self.assignment(deadline=date(2027, 2, 26))  # later: not counted
        self.assignment(deadline=date(2026, 12, 10), noted_only=True)  # not on control
        lines, total = discipline(TODAY, get_calendar())
        self.assertEqual(
            [(line.executor, line.overdue, line.this_week) for line in lines],
            [("executor", 1, 1), ("helper", 0, 1)],
        )
        self.assertEqual((total.overdue, total.this_week), (1, 2))
        self.assertEqual(lines[0].overdue_query(), "executor=executor&state=overdue")
        self.assertEqual(lines[1].week_query(), "executor=helper&preset=weekly")
