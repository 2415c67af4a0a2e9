"""GET @working-days over real HTTP against a running Zope (RULES.md R0)."""

from akimat.content.interfaces import ICalendarSettings
from akimat.content.testing import AKIMAT_CONTENT_FUNCTIONAL_TESTING
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID
from plone.restapi.testing import RelativeSession

import transaction
import unittest


class TestWorkingDaysService(unittest.TestCase):
    layer = AKIMAT_CONTENT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.api = RelativeSession(self.portal.absolute_url(), test=self)
        self.api.headers.update({"Accept": "application/json", "Accept-Language": "ru"})
        self.api.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)

    def tearDown(self):
        self.api.close()

    def get(self, **params):
        return self.api.get("@working-days", params=params)

    def test_add_working_days_over_nauryz(self):
        """R0.1: 2026-03-20 plus 3 working days is 2026-03-30."""
        response = self.get(date="2026-03-20", add="3")
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertEqual(body["result"], "2026-03-30")
        self.assertEqual(body["add"], 3)
        self.assertTrue(body["working_day"])

    def test_zero_working_days_gives_the_moved_deadline(self):
        """R0.2: a deadline on 2026-03-21 (Saturday before Nauryz) moves to 2026-03-26."""
        self.assertEqual(
            self.get(date="2026-03-21", add="0").json()["result"], "2026-03-26"
        )

    def test_count_working_days_between_two_dates(self):
        """R0.1: between 2026-03-20 and 2026-03-30 there are 3 working days."""
        body = self.get(start="2026-03-20", end="2026-03-30").json()
        self.assertEqual(body["working_days"], 3)

    def test_holiday_is_named_in_the_request_language(self):
        """R0.1: a holiday says why it is not a working day, in Russian or Kazakh."""
        body = self.get(date="2026-12-16").json()
        self.assertEqual(
            (body["working_day"], body["reason"], body["holidays"]),
            (False, "holiday", ["День Независимости"]),
        )
        self.api.headers["Accept-Language"] = "kk"
        self.assertEqual(
            self.get(date="2026-12-16").json()["holidays"], ["Тәуелсіздік күні"]
        )

    def test_weekend_reason(self):
        """R0.1: a Saturday is not a working day because it is a weekend."""
        body = self.get(date="2026-11-28").json()
        self.assertEqual((body["working_day"], body["reason"]), (False, "weekend"))

    def test_registry_transfer_is_honoured(self):
        """R0.1: a working Saturday entered in the registry is a working day for integrators."""
        api.portal.set_registry_record(
            "extra_working_days",
            ["2026-11-28 Рабочая суббота"],
            interface=ICalendarSettings,
        )
        transaction.commit()
        self.assertTrue(self.get(date="2026-11-28").json()["working_day"])

    def test_bad_input_is_a_400_with_a_json_error(self):
        """Bad input is answered with 400 and a message a person understands."""
        cases = [
            {"date": "tomorrow"},
            {"date": "2026-02-30"},
            {"date": "2026-03-20", "add": "-1"},
            {"date": "2026-03-20", "add": "three"},
            {"date": "2026-03-20", "add": "100000"},
            {"date": "2026-03-20", "add": str(10**9)},
            {"start": "2000-01-01", "end": "2100-12-31"},
            {"start": "2026-03-20"},
            {"date": "9999-12-31", "add": "5"},
            {},
        ]
        for params in cases:
            with self.subTest(params=params):
                response = self.get(**params)
                self.assertEqual(response.status_code, 400)
                error = response.json()["error"]
                self.assertEqual(error["type"], "BadRequest")
                self.assertTrue(error["message"])
        self.assertIn(
            "ГГГГ-ММ-ДД", self.get(date="tomorrow").json()["error"]["message"]
        )

    def test_anonymous_is_refused(self):
        """The intranet's API answers only those who log in."""
        self.api.auth = None
        self.portal.manage_permission("View", ["Manager"], acquire=False)
        transaction.commit()
        self.assertEqual(self.get(date="2026-03-20").status_code, 401)
