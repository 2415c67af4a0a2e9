"""The inbox places every action in time by working days and orders it (core/inbox.py)."""

from akimat.content.core.calendar import WorkingCalendar
from akimat.content.core.inbox import Action
from akimat.content.core.inbox import Inbox
from akimat.content.core.inbox import Kind
from akimat.content.core.inbox import place
from akimat.content.core.inbox import RememberingCalendar
from datetime import date

import unittest


TODAY = date(2026, 12, 11)  # a Friday before Independence Day (16 December)
CALENDAR = WorkingCalendar()


def action(title, due, kind="a", urgent=False):
    return Action(kind=kind, uid=title, title=title, url="", due=due, urgent=urgent)


class TestPlace(unittest.TestCase):
    def test_urgency_counts_working_days(self):
        """R12.4c, R0.1: three working days ahead is «soon» across a weekend; the fourth is later."""
        cases = (
            (date(2026, 12, 10), "overdue", -1),
            (TODAY, "today", 0),
            (date(2026, 12, 15), "soon", 2),
            (date(2026, 12, 17), "soon", 3),  # 16 December is a holiday
            (date(2026, 12, 18), "later", 4),
            (None, "later", None),
        )
        for due, urgency, days_left in cases:
            with self.subTest(due=due):
                entry = place(action("x", due), TODAY, CALENDAR)
                self.assertEqual((entry.urgency, entry.days_left), (urgency, days_left))

    def test_lights_follow_urgency(self):
        """R12.4b: red overdue, yellow today or soon, green later."""
        lights = [
            place(action("x", due), TODAY, CALENDAR).light
            for due in (date(2026, 12, 1), TODAY, date(2026, 12, 15), None)
        ]
        self.assertEqual(lights, ["red", "yellow", "yellow", "green"])


class TestInbox(unittest.TestCase):
    def entries(self):
        return [
            place(a, TODAY, CALENDAR)
            for a in (
                action("overdue visa", date(2026, 12, 1), kind="visa"),
                action("assignment today", TODAY, kind="assignment"),
                action("later visa", date(2027, 1, 29), kind="visa"),
            )
        ]

    def test_groups_by_kind_most_urgent_group_first_empty_kinds_hidden(self):
        kinds = [
            Kind("assignment", "Assignments"),
            Kind("visa", "Visas"),
            Kind("sign", "Sign"),
        ]
        box = Inbox(self.entries(), kinds)
        groups = box.groups()
        self.assertEqual([kind.id for kind, _entries in groups], ["visa", "assignment"])
        self.assertEqual([len(entries) for _kind, entries in groups], [2, 1])
        self.assertEqual(
            box.counts(), {"overdue": 1, "today": 1, "soon": 0, "later": 1}
        )

    def test_filters(self):
        box = Inbox(self.entries(), [])
        self.assertEqual(len(box.filtered(kind="visa")), 2)
        self.assertEqual(len(box.filtered(kind="visa", urgency="later")), 1)
        self.assertEqual(len(box.filtered(urgency="soon")), 0)


class TestRememberingCalendar(unittest.TestCase):
    def test_answers_as_the_calendar_does(self):
        """R0.1: remembering changes no count."""
        remembering = RememberingCalendar(CALENDAR)
        for _twice in range(2):
            self.assertEqual(
                remembering.working_days_between(TODAY, date(2026, 12, 18)),
                CALENDAR.working_days_between(TODAY, date(2026, 12, 18)),
            )
