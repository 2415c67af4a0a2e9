"""What people enter stays within its range, and every door says the same, naming the range
(issue 12; bounds.py): the checks themselves, and z3c.form's forms."""

from akimat.content.appeals.tests.test_appeals import AppealTestCase
from akimat.content.control.tests.test_assignment import AssignmentTestCase
from akimat.content.core import bounds
from akimat.content.interfaces import ICalendarSettings
from akimat.content.tests.views import ViewTests
from datetime import date
from datetime import datetime
from datetime import timezone
from freezegun import freeze_time
from plone import api
from plone.app.testing import TEST_USER_NAME
from zope.i18n import translate

import unittest


NOW = "2026-12-14 06:00:00"  # UTC: 11:00 in Almaty
DATES = "01.01.2000", "14.12.2036"  # from 2000 to ten years after the frozen today


@freeze_time(NOW)
class TestRanges(unittest.TestCase):
    def refusal(self, check, value):
        with self.assertRaises(bounds.OutOfRange) as refused:
            check(value)
        return translate(refused.exception.doc(), target_language="ru")

    def test_dates_from_2000_to_ten_years_ahead(self):
        """R12.6, R0.1: a date from 1 January 2000 to ten years after today; the refusal names both."""
        for day in (
            date(2000, 1, 1),
            date(2036, 12, 14),
            datetime(2036, 12, 14, 23, 59),
        ):
            self.assertTrue(bounds.check_date(day))
        for day in (
            date(1999, 12, 31),
            date(2036, 12, 15),
            date(9999, 12, 31),
            datetime(1, 1, 1),
        ):
            with self.subTest(day=day):
                message = self.refusal(bounds.check_date, day)
                for named in DATES:
                    self.assertIn(named, message)

    def test_receipt_from_2000_up_to_now(self):
        """R13.6: received from 2000 up to now, in Almaty time (a few minutes allowed to other clocks)."""
        for moment in (
            datetime(2026, 12, 14, 11, 4),
            datetime(2026, 12, 14, 6, 4, tzinfo=timezone.utc),
            datetime(2000, 1, 1, 0, 0),
        ):
            self.assertTrue(bounds.check_receipt(moment))
        for moment in (
            datetime(2026, 12, 14, 11, 6),
            datetime(2026, 12, 14, 6, 6, tzinfo=timezone.utc),
            datetime(1999, 12, 31, 23, 59),
        ):
            with self.subTest(moment=moment):
                self.assertIn("01.01.2000", self.refusal(bounds.check_receipt, moment))

    def test_whole_numbers_name_their_range(self):
        """R13.5: at most 10 000 signatories; the refusal names the range."""
        check = bounds.SIGNATORIES["constraint"]
        self.assertTrue(check(10_000))
        for number in (0, 10_001, 10**30):
            with self.subTest(number=number):
                self.assertIn("10000", self.refusal(check, number))


@freeze_time(NOW)
class TestAssignmentForms(ViewTests, AssignmentTestCase):
    def test_add_form_refuses_a_deadline_ten_years_away(self):
        """R12.2a: the add form refuses a deadline past ten years from today, naming the range."""
        form = {
            "form.widgets.title": "Поручение",
            "form.widgets.source_kind": ["akimat-session"],
            "form.widgets.source_kind-empty-marker": "1",
            "form.widgets.lead_executor": "executor",
            "form.widgets.controller": "controller",
            "form.widgets.date_given": "2026-12-14",
            "form.widgets.deadline": "9999-12-31",
            "form.buttons.save": "Save",
        }
        html = self.render(
            self.portal, "++add++Assignment", TEST_USER_NAME, method="POST", **form
        )
        for named in DATES:
            self.assertIn(named, html)
        self.assertEqual(len(api.content.find(portal_type="Assignment")), 0)

    def test_extension_form_refuses_a_deadline_ten_years_away(self):
        """R12.6: an extension to a date past the range is refused by the form, naming it; nothing is kept."""
        assignment = self.assignment()
        for new_deadline in ("2036-12-15", "9999-12-31"):
            with self.subTest(new_deadline=new_deadline):
                html = self.render(
                    assignment,
                    "@@request-extension",
                    "executor",
                    method="POST",
                    **{
                        "form.widgets.new_deadline": new_deadline,
                        "form.widgets.reason": "Нужно больше времени",
                        "form.buttons.request": "1",
                    },
                )
                for named in DATES:
                    self.assertIn(named, html)
                self.assertEqual(assignment.extensions, [])


@freeze_time(NOW)
class TestAppealForms(ViewTests, AppealTestCase):
    def add(self, **widgets):
        form = {
            "form.widgets.kind": ["appeal"],
            "form.widgets.kind-empty-marker": "1",
            "form.widgets.title": "О дороге",
            "form.widgets.substance": "Прошу отремонтировать дорогу.",
            "form.widgets.channel": ["letter"],
            "form.widgets.channel-empty-marker": "1",
            "form.widgets.received_at": "2026-12-14T10:00",
            "form.widgets.applicant_name": "Иванов Иван",
            "form.buttons.save": "Save",
        }
        form.update({f"form.widgets.{name}": value for name, value in widgets.items()})
        return self.render(
            self.folder, "++add++Appeal", "appeals-officer", method="POST", **form
        )

    def test_add_form_refuses_receipt_in_the_future(self):
        """R13.6: the appeals department registers an appeal as received up to now, not later."""
        html = self.add(received_at="2026-12-14T12:00")
        self.assertIn("01.01.2000", html)
        self.assertEqual(list(self.folder.objectIds()), [])

    def test_add_form_refuses_too_many_signatories(self):
        """R13.5: a collective appeal has at most 10 000 signatories."""
        html = self.add(collective=["selected"], signatories="10001")
        self.assertIn("10000", html)
        self.assertEqual(list(self.folder.objectIds()), [])
        self.add(collective=["selected"], signatories="250")
        self.assertEqual(len(self.folder.objectIds()), 1)


@freeze_time(NOW)
class TestCalendarControlPanel(ViewTests, AssignmentTestCase):
    def test_entries_out_of_range_refused(self):
        """R0.1: the administrator's extra days are dates of the range too; nothing is saved."""
        html = self.render(
            self.portal,
            "@@calendar-controlpanel",
            TEST_USER_NAME,
            method="POST",
            **{
                "form.widgets.extra_holidays": "9999-12-30 Перенос",
                "form.widgets.extra_working_days": "",
                "form.buttons.save": "Save",
            },
        )
        for named in DATES:
            self.assertIn(named, html)
        self.assertEqual(
            api.portal.get_registry_record(
                "extra_holidays", interface=ICalendarSettings
            ),
            [],
        )
