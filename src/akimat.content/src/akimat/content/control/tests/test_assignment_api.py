"""Assignments over real HTTP: create, read with control data, act, and 4xx on refusals (R12)."""

from akimat.content.testing import AKIMAT_CONTENT_FUNCTIONAL_TESTING
from akimat.content.tests.rest import freeze_now
from datetime import datetime
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.restapi.testing import RelativeSession

import transaction
import unittest


PASSWORD = "secret-123"


class TestAssignmentApi(unittest.TestCase):
    layer = AKIMAT_CONTENT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        freeze_now(self, datetime(2026, 12, 3, 11, 0))
        for userid in ("executor", "controller", "akim", "stranger"):
            api.user.create(
                username=userid, email=f"{userid}@example.org", password=PASSWORD
            )
        self.portal.manage_setLocalRoles("akim", ["Leadership"])
        transaction.commit()
        self.owner = self.session(SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        self.url = self.create("government", "2027-12-17")

    def create(self, source_kind, deadline):
        created = self.owner.post(
            "/",
            json={
                "@type": "Assignment",
                "title": "Подготовить отчёт об исполнении бюджета",
                "source_kind": source_kind,
                "lead_executor": "executor",
                "controller": "controller",
                "date_given": "2026-11-02",
                "deadline": deadline,
            },
        )
        self.assertEqual(created.status_code, 201, created.text)
        return created.json()["@id"]

    def session(self, user, password=PASSWORD):
        session = RelativeSession(self.portal.absolute_url(), test=self)
        session.headers.update({"Accept": "application/json"})
        session.auth = (user, password)
        return session

    def post(self, user, action, body=None, **kwargs):
        return self.session(user).post(f"{self.url}/{action}", json=body, **kwargs)

    def test_read_includes_control_data(self):
        """R12.2a/R12.4c: the serialization carries category, traffic light and report dates."""
        body = self.session("executor").get(self.url).json()
        self.assertEqual(body["control"]["deadline"], "2027-12-17")
        self.assertEqual(body["control"]["traffic_light"], "green")
        self.assertEqual(body["control"]["control_category"], "long-term")
        self.assertIn("lead_executor", body["control"]["report_due"])

    def test_government_assignment_extension_is_a_400(self):
        """R12.7b: the API refuses to extend an assignment of the Government Office."""
        response = self.post(
            "executor", "@extension", {"new_deadline": "2028-01-14", "reason": "Нет"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("не продлеваются", response.json()["error"]["message"])

    def test_only_the_leadership_decides_and_strangers_are_refused(self):
        """R12.7a: an executor may not decide on extensions; a stranger may not even ask."""
        self.assertEqual(
            self.post("executor", "@extension-decision", {"grant": True}).status_code,
            401,
        )
        self.assertEqual(
            self.post(
                "stranger", "@extension", {"new_deadline": "2028-01-14", "reason": "x"}
            ).status_code,
            401,
        )

    def test_removal_needs_consent_then_succeeds(self):
        """R12.14/R12.9: removal without consent is a 400; with the akim's consent it goes through."""
        refused = self.post(
            "controller", "@remove-from-control", {"basis": "impossible"}
        )
        self.assertEqual(refused.status_code, 400)
        self.assertIn("согласие", refused.json()["error"]["message"])
        self.assertEqual(self.post("akim", "@removal-consent").status_code, 200)
        removed = self.post(
            "controller",
            "@remove-from-control",
            {"basis": "impossible", "comment": "Отменено"},
        )
        self.assertEqual(removed.status_code, 200, removed.text)
        self.assertFalse(removed.json()["on_control"])
        self.assertEqual(removed.json()["traffic_light"], "grey")

    def test_malformed_json_and_bad_dates_are_400(self):
        response = self.post(
            "executor",
            "@extension",
            data="{not json",
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("JSON", response.json()["error"]["message"])
        response = self.post(
            "executor", "@extension", {"new_deadline": "завтра", "reason": "x"}
        )
        self.assertEqual(response.status_code, 400)

    def test_whether_an_extension_may_be_asked_is_in_the_control_data(self):
        """R12.7b/R12.6: REST says, by the same rule as the form, that no extension may be asked."""
        body = self.session("executor").get(self.url).json()
        request = body["control"]["extension_request"]
        self.assertFalse(request["allowed"])
        self.assertIn("не продлеваются", request["message"])

    def test_a_refusal_needs_its_reason_and_keeps_it(self):
        """R12.7a: the leadership's refusal without a reason is a 400; with one, it is kept for
        the executor to read."""
        self.url = self.create("akimat-session", "2027-02-17")
        asked = self.post(
            "executor", "@extension", {"new_deadline": "2027-03-17", "reason": "Нет"}
        )
        self.assertEqual(asked.status_code, 200, asked.text)
        refused = self.post("akim", "@extension-decision", {"grant": False})
        self.assertEqual(refused.status_code, 400)
        refused = self.post(
            "akim", "@extension-decision", {"grant": False, "reason": "Срок достаточен"}
        )
        self.assertEqual(refused.status_code, 200, refused.text)
        (extension,) = refused.json()["extensions"]
        self.assertEqual(extension["decision_reason"], "Срок достаточен")
