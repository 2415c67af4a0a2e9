"""GET @inbox over real HTTP: «Ждёт моего действия» of the user who asks (services/inbox)."""

from akimat.content.control import inbox as control_inbox
from akimat.content.testing import AKIMAT_CONTENT_FUNCTIONAL_TESTING
from akimat.content.tests.rest import freeze_now
from akimat.content.tests.rest import PASSWORD
from akimat.content.tests.rest import RestClient
from datetime import date
from datetime import datetime
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.restapi.testing import RelativeSession

import transaction
import unittest


class TestInboxApi(RestClient, unittest.TestCase):
    layer = AKIMAT_CONTENT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        freeze_now(self, datetime(2026, 12, 14, 11, 0))  # a Monday
        for userid in ("executor", "controller", "stranger"):
            api.user.create(
                username=userid, email=f"{userid}@example.org", password=PASSWORD
            )
        for title, deadline in (
            ("Просроченное", date(2026, 12, 10)),
            ("Позднее", date(2027, 2, 26)),
        ):
            api.content.create(
                container=self.portal,
                type="Assignment",
                title=title,
                source_kind="akimat-session",
                lead_executor="executor",
                controller="controller",
                date_given=date(2026, 11, 2),
                deadline=deadline,
            )
        transaction.commit()

    def get(self, user, **params):
        return self.session(user).get("@inbox", params=params)

    def test_the_rows_are_those_of_the_user_who_asks(self):
        """R12.4b: the executor's assignments with their light and working days; a stranger has none."""
        body = self.get("executor").json()
        self.assertTrue(body["@id"].endswith("/@inbox"))
        self.assertEqual(body["items_total"], 2)
        self.assertEqual(
            body["counts"], {"overdue": 1, "today": 0, "soon": 0, "later": 1}
        )
        overdue, later = body["items"]
        self.assertEqual(overdue["title"], "Просроченное")
        self.assertEqual(overdue["kind"], control_inbox.EXECUTE)
        self.assertEqual(overdue["due"], "2026-12-10")
        self.assertEqual(
            (overdue["urgency"], overdue["light"], overdue["days_left"]),
            ("overdue", "red", -2),
        )
        self.assertEqual(overdue["urgency_title"], "Просрочено")
        self.assertTrue(overdue["@id"].startswith(self.portal.absolute_url()))
        self.assertEqual(later["light"], "green")
        self.assertIn(
            {"id": control_inbox.EXECUTE, "title": overdue["kind_title"], "count": 2},
            body["kinds"],
        )
        self.assertEqual(self.get("stranger").json()["items"], [])

    def test_filters_as_the_page(self):
        body = self.get("executor", urgency="later").json()
        self.assertEqual([item["title"] for item in body["items"]], ["Позднее"])
        self.assertTrue(body["@id"].endswith("/@inbox?urgency=later"))
        body = self.get("executor", kind=control_inbox.WATCH).json()
        self.assertEqual(body["items_total"], 0)

    def test_unknown_filters_answer_400(self):
        for params in ({"urgency": "yesterday"}, {"kind": "no-such-kind"}):
            response = self.get("executor", **params)
            self.assertEqual(response.status_code, 400, params)
            error = response.json()["error"]
            self.assertEqual(error["type"], "BadRequest")
            self.assertIn(next(iter(params.values())), error["message"])

    def test_titles_in_the_language_asked_for(self):
        session = self.session("executor")
        response = session.get("@inbox", headers={"Accept-Language": "kk"})
        self.assertEqual(response.json()["items"][0]["urgency_title"], "Мерзімі өтті")

    def test_anonymous_is_refused(self):
        session = RelativeSession(self.portal.absolute_url(), test=self)
        session.headers.update({"Accept": "application/json"})
        self.addCleanup(session.close)
        self.assertEqual(session.get("@inbox").status_code, 401)

    def test_a_committed_change_shows_at_once(self):
        """The inbox is remembered per committed state of the catalog: a new assignment shows
        in the next request, as its removal from control does."""
        self.assertEqual(self.get("executor").json()["items_total"], 2)
        self.assertEqual(self.get("executor").json()["items_total"], 2)  # remembered
        api.content.create(
            container=self.portal,
            type="Assignment",
            title="Новое",
            source_kind="akimat-session",
            lead_executor="executor",
            controller="controller",
            date_given=date(2026, 11, 2),
            deadline=date(2026, 12, 18),
        )
        transaction.commit()
        self.assertEqual(self.get("executor").json()["items_total"], 3)
        self.assertEqual(self.get("stranger").json()["items_total"], 0)
