"""GET @control-list over real HTTP against a running Zope (RULES.md R12.4a)."""

from akimat.content.core.calendar import get_calendar
from akimat.content.core.calendar import now
from akimat.content.testing import AKIMAT_CONTENT_FUNCTIONAL_TESTING
from datetime import timedelta
from io import BytesIO
from openpyxl import load_workbook
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID
from plone.restapi.testing import RelativeSession

import transaction
import unittest


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PASSWORD = "secret-123"


class TestControlListService(unittest.TestCase):
    layer = AKIMAT_CONTENT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        api.group.create(groupname="finance", title="Отдел финансов")
        api.user.create(username="odk", email="odk@example.org", password=PASSWORD)
        api.user.grant_roles(username="odk", roles=["Control Officer"])
        api.user.create(username="stranger", email="s@example.org", password=PASSWORD)
        # Dates around the real today: the server runs in another thread, time is not frozen.
        calendar = get_calendar()
        self.today = now().date()
        given = self.today - timedelta(days=60)
        self.deadlines = {
            "overdue": calendar.deadline(self.today - timedelta(days=30)),
            "yellow": calendar.deadline(self.today),
            "green": calendar.deadline(self.today + timedelta(days=60)),
        }
        for colour, deadline in self.deadlines.items():
            api.content.create(
                container=self.portal,
                type="Assignment",
                title=f"Поручение {colour}",
                source_kind="akimat-session" if colour != "green" else "act",
                lead_executor="finance",
                co_executors=["odk"] if colour == "yellow" else [],
                controller="odk",
                date_given=given,
                deadline=deadline,
                note="Важно" if colour == "overdue" else None,
            )
        transaction.commit()
        self.api = RelativeSession(self.portal.absolute_url(), test=self)
        self.api.headers.update({"Accept": "application/json", "Accept-Language": "ru"})
        self.api.auth = ("odk", PASSWORD)

    def tearDown(self):
        self.api.close()

    def get(self, **params):
        return self.api.get("@control-list", params=params)

    def test_json_rows_with_iso_dates_and_the_traffic_light(self):
        """R12.4a: every row carries the nine columns, ISO dates and its traffic light (R12.4b)."""
        response = self.get()
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertEqual(body["items_total"], 3)
        self.assertTrue(body["@id"].endswith("/@control-list"))
        items = body["items"]
        self.assertEqual(
            [item["traffic_light"] for item in items], ["red", "yellow", "green"]
        )
        overdue = items[0]
        self.assertEqual(overdue["deadline"], self.deadlines["overdue"].isoformat())
        self.assertEqual(
            overdue["date_given"], (self.today - timedelta(days=60)).isoformat()
        )
        self.assertEqual(overdue["content"], "Поручение overdue")
        self.assertEqual(
            overdue["executors"], [{"id": "finance", "title": "Отдел финансов"}]
        )
        self.assertEqual(overdue["source_kind"]["token"], "akimat-session")
        self.assertTrue(overdue["source_kind"]["title"])
        self.assertEqual(
            (overdue["removed"], overdue["removed_on"], overdue["removal_basis"]),
            (False, None, None),
        )
        self.assertEqual((overdue["extended"], overdue["note"]), (False, "Важно"))
        self.assertTrue(overdue["@id"].startswith(self.portal.absolute_url()))

    def test_filters_as_query_parameters(self):
        """R12.4a: the same filters as the page: state, executor, kind, period, weekly list."""
        cases = [
            ({"state": "overdue"}, ["Поручение overdue"]),
            ({"state": "yellow"}, ["Поручение yellow"]),
            ({"state": "green"}, ["Поручение green"]),
            ({"state": "removed"}, []),
            ({"executor": "odk"}, ["Поручение yellow"]),
            ({"source_kind": "act"}, ["Поручение green"]),
            ({"preset": "weekly"}, ["Поручение overdue", "Поручение yellow"]),
            ({"date_from": self.today.isoformat()}, []),
        ]
        for params, expected in cases:
            with self.subTest(params=params):
                response = self.get(**params)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(
                    [item["content"] for item in response.json()["items"]], expected
                )

    def test_batching(self):
        body = self.get(b_size=2).json()
        self.assertEqual((len(body["items"]), body["items_total"]), (2, 3))
        self.assertIn("next", body["batching"])

    def test_xlsx_through_the_accept_header(self):
        """R12.4a: the same list as a spreadsheet with exactly the nine columns."""
        response = self.api.get(
            "@control-list", params={"state": "on_control"}, headers={"Accept": XLSX}
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], XLSX)
        self.assertIn("attachment;", response.headers["Content-Disposition"])
        # The title row, then the position and the nine columns.
        lines = list(load_workbook(BytesIO(response.content)).active.values)[1:]
        self.assertEqual(len(lines[0]), 10)
        self.assertTrue(all(lines[0]))
        self.assertEqual(
            [line[3] for line in lines[1:]],
            ["Поручение overdue", "Поручение yellow", "Поручение green"],
        )
        self.assertEqual(lines[1][4], "Отдел финансов")

    def test_bad_filters_are_a_400_with_a_json_error(self):
        cases = [
            {"state": "purple"},
            {"date_from": "yesterday"},
            {"date_from": "2026-12-01", "date_to": "2026-01-01"},
            {"source_kind": "rumour"},
            {"control_category": "forever"},
            {"preset": "weekly", "state": "green"},
        ]
        for params in cases:
            with self.subTest(params=params):
                response = self.get(**params)
                self.assertEqual(response.status_code, 400)
                error = response.json()["error"]
                self.assertEqual(error["type"], "BadRequest")
                self.assertTrue(error["message"])
        self.assertIn(
            "ГГГГ-ММ-ДД", self.get(date_from="yesterday").json()["error"]["message"]
        )
        response = self.api.get(
            "@control-list", params={"state": "x"}, headers={"Accept": XLSX}
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["error"]["type"], "BadRequest")

    def test_without_the_permission_it_is_401(self):
        """R12.4a: the control list is for the ОДК and the leadership only."""
        self.api.auth = ("stranger", PASSWORD)
        self.assertEqual(self.get().status_code, 401)
        self.api.auth = None
        self.assertEqual(self.get().status_code, 401)
        self.api.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        self.assertEqual(self.get().status_code, 200)
