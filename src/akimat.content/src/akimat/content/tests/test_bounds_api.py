"""Over REST, dates and numbers out of range are a 400 whose JSON message names the range, and
nothing is created or kept (issue 12; bounds.py)."""

from akimat.content.appeals.tests.test_appeals import AppealTestCase
from akimat.content.testing import AKIMAT_CONTENT_FUNCTIONAL_TESTING
from akimat.content.tests.rest import freeze_now
from akimat.content.tests.rest import RestClient
from datetime import datetime
from plone import api

import transaction
import unittest


NOW = datetime(2026, 12, 14, 11, 0)  # Almaty time
DATES = "01.01.2000", "14.12.2036"  # from 2000 to ten years after the frozen today
ASSIGNMENT = {
    "@type": "Assignment",
    "title": "Подготовить отчёт",
    "source_kind": "akimat-session",
    "lead_executor": "executor",
    "controller": "controller",
    "date_given": "2026-12-01",
}


class TestAssignmentBounds(RestClient, unittest.TestCase):
    layer = AKIMAT_CONTENT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        freeze_now(self, NOW)
        for userid in ("executor", "controller"):
            api.user.create(
                username=userid, email=f"{userid}@example.org", password="secret-123"
            )
        self.portal.manage_setLocalRoles("executor", ["Contributor"])
        transaction.commit()

    def refused(self, response):
        self.assertEqual(response.status_code, 400, response.text)
        for named in DATES:
            self.assertIn(named, response.text)

    def test_create_refuses_dates_out_of_range(self):
        """R12.2a: an assignment given before 2000 or due past ten years is a 400 naming the range."""
        for field, value in (
            ("deadline", "9999-12-31"),
            ("deadline", "2036-12-15"),
            ("date_given", "1999-12-31"),
        ):
            with self.subTest(**{field: value}):
                self.refused(self.post("executor", "/", {**ASSIGNMENT, field: value}))
        self.assertEqual(len(api.content.find(portal_type="Assignment")), 0)

    def test_extension_refuses_a_date_out_of_range(self):
        """R12.6: a request for an extension to a date past the range is a 400 naming it; nothing kept."""
        created = self.post("executor", "/", {**ASSIGNMENT, "deadline": "2027-06-18"})
        self.assertEqual(created.status_code, 201, created.text)
        url = created.json()["@id"]
        self.refused(
            self.post(
                "executor",
                f"{url}/@extension",
                {"new_deadline": "9999-12-31", "reason": "Нет"},
            )
        )
        transaction.begin()
        self.assertEqual(self.portal[url.rsplit("/", 1)[-1]].extensions, [])
        granted = self.post(
            "executor",
            f"{url}/@extension",
            {"new_deadline": "2036-12-12", "reason": "Сроки"},
        )
        self.assertEqual(granted.status_code, 200, granted.text)


class TestAppealBounds(RestClient, AppealTestCase):
    layer = AKIMAT_CONTENT_FUNCTIONAL_TESTING
    BODY = {
        "@type": "Appeal",
        "kind": "complaint",
        "title": "О вывозе мусора",
        "substance": "Не вывозят мусор.",
        "channel": "e-appeals",
        "received_at": "2026-12-14T10:00:00+05:00",
        "applicant_name": "Петров Пётр",
    }

    def setUp(self):
        super().setUp()
        freeze_now(self, NOW)
        transaction.commit()

    def test_receipt_in_the_future_or_before_2000_is_a_400(self):
        """R13.5, R13.6: the E-обращения integration registers what it received up to now, from 2000."""
        for received_at in (
            "2026-12-14T12:00:00+05:00",
            "2026-12-14T06:10:00Z",
            "1999-12-31T10:00:00+05:00",
        ):
            with self.subTest(received_at=received_at):
                refused = self.post(
                    "appeals-officer",
                    "/appeals",
                    {**self.BODY, "received_at": received_at},
                )
                self.assertEqual(refused.status_code, 400, refused.text)
                self.assertIn("01.01.2000", refused.text)
        created = self.post("appeals-officer", "/appeals", self.BODY)
        self.assertEqual(created.status_code, 201, created.text)
        self.assertEqual(
            created.json()["received_at"], "2026-12-14T10:00:00"
        )  # kept in Almaty time

    def test_signatories_past_ten_thousand_is_a_400(self):
        """R13.5: a collective appeal has 2 to 10 000 signatories; 10^30 is a 400 naming the range."""
        body = {**self.BODY, "collective": True, "signatories": 10**30}
        refused = self.post("appeals-officer", "/appeals", body)
        self.assertEqual(refused.status_code, 400, refused.text)
        self.assertIn("10000", refused.text)
        self.assertEqual(
            self.post(
                "appeals-officer", "/appeals", {**body, "signatories": 300}
            ).status_code,
            201,
        )
