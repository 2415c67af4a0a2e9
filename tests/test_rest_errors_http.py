"""Over real HTTP: the requests an outside review found answering 500 answer a 4xx with a message
(JSON over REST), or render (issue 12: «No 5xx anywhere»)."""

from akimat.policy.demo import DEMO_PASSWORD
from akimat.policy.testing import AKIMAT_ACCEPTANCE_TESTING
from plone import api
from plone.restapi.testing import RelativeSession

import requests
import transaction
import unittest


USER, PASSWORD = (
    "reviewer",
    "reviewer-secret-123",
)  # holds every role: no permission stops a request
WRONG_TYPES = (123, [], ["x"], {}, {"a": 1}, True, 1.5)


class TestRequestsOfTheReview(unittest.TestCase):
    layer = AKIMAT_ACCEPTANCE_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.url = self.portal.absolute_url()
        roles = [
            role
            for role in self.portal.validRoles()
            if role not in ("Anonymous", "Authenticated")
        ]
        api.user.create(username=USER, email="reviewer@example.org", password=PASSWORD)
        with api.env.adopt_roles(["Manager"]):
            api.user.grant_roles(username=USER, roles=roles)
        transaction.commit()
        self.session = RelativeSession(self.url, test=self)
        self.session.headers.update({"Accept": "application/json"})
        self.session.auth = (USER, PASSWORD)
        self.addCleanup(self.session.close)

    def first(self, **query):
        return (
            api.portal.get_tool("portal_catalog")
            .unrestrictedSearchResults(sort_on="path", **query)[0]
            .getURL()
        )

    def assertRefused(self, response, status=400, naming=None):
        self.assertEqual(response.status_code, status, response.text[:500])
        error = response.json()
        message = error["error"]["message"] if "error" in error else error["message"]
        if naming:
            self.assertIn(naming, message)
        return error

    def test_control_actions_refuse_a_reason_of_another_json_type(self):
        url = self.first(portal_type="Assignment", review_state="on_control")
        for reason in WRONG_TYPES:
            with self.subTest(reason=reason):
                answer = self.session.post(
                    f"{url}/@extension",
                    json={"new_deadline": "2027-01-15", "reason": reason},
                )
                self.assertRefused(answer, naming="reason")

    def test_preparation_refuses_a_step_that_is_no_text(self):
        url = self.first(portal_type="Meeting", review_state="planned")
        self.assertRefused(
            self.session.post(f"{url}/@preparation", json={"step": []}), naming="step"
        )

    def test_visas_refuse_a_missing_or_wrong_decision_on_acts_and_protocols(self):
        for portal_type in ("Act", "Protocol"):
            url = self.first(portal_type=portal_type, review_state="agreement")
            for body in (
                {"decision": []},
                {},
                {"decision": {"a": 1}},
                {"reason": 1, "decision": "return"},
            ):
                with self.subTest(portal_type=portal_type, body=body):
                    self.assertRefused(self.session.post(f"{url}/@visas", json=body))

    def test_a_registered_act_is_neither_moved_nor_copied(self):
        act = self.first(portal_type="Act", review_state="registered")
        folder = self.first(portal_type="Folder")
        self.assertRefused(
            self.session.post(f"{folder}/@move", json={"source": act}), status=403
        )
        self.assertIn(
            act, [brain.getURL() for brain in api.content.find(portal_type="Act")]
        )
        copied = self.session.post(f"{folder}/@copy", json={"source": act})
        self.assertIn(copied.status_code, (400, 403), copied.text[:500])
        for source in (123, [[1]], {"a": 1}):
            with self.subTest(source=source):
                self.assertRefused(
                    self.session.post(f"{folder}/@copy", json={"source": source}),
                    naming="source",
                )

    def test_the_public_appeal_form_answers_json(self):
        """A visitor is refused the REST API with a JSON 401 (the closed intranet); staff get the
        form's JSON, without the appeals already sent (R13.2): those the appeals department's."""
        visitor = requests.get(
            f"{self.url}/appeal-form",
            headers={"Accept": "application/json"},
            timeout=30,
        )
        self.assertEqual(visitor.status_code, 401, visitor.text[:500])
        self.assertEqual(visitor.json()["type"], "Unauthorized")
        answer = requests.get(
            f"{self.url}/appeal-form",
            headers={"Accept": "application/json"},
            auth=("tursynbayev", DEMO_PASSWORD),
            timeout=30,
        )
        self.assertEqual(answer.status_code, 200, answer.text[:500])
        form = answer.json()
        self.assertEqual(form["@type"], "EasyForm")
        self.assertNotIn("savedDataStorage", form)

    def test_the_site_logo_without_a_logo_is_not_found(self):
        self.assertEqual(self.session.get(f"{self.url}/@@site-logo").status_code, 404)

    def test_a_typed_form_field_with_bad_input_is_a_bad_request(self):
        for query in ("x:int=abc", "x:float=abc", "x:date=abc", "x:json=%7B"):
            with self.subTest(query=query):
                self.assertEqual(
                    requests.get(f"{self.url}/login?{query}", timeout=30).status_code,
                    400,
                )

    def test_batching_refuses_a_negative_size_or_start(self):
        for path in (
            "@control-list?b_size=-1",
            "@search?b_size=-1",
            "@search?b_start=-5",
            "meetings?b_size=-1",
        ):
            with self.subTest(path=path):
                self.assertRefused(self.session.get(f"{self.url}/{path}"), naming="b_s")

    def test_search_refuses_a_query_the_catalog_cannot_run(self):
        for query in (
            "created=abc",
            "modified.query=abc&modified.range=min",
            "path.depth=abc",
            "sort_limit=abc",
            "is_folderish=abc",
            "review_state.operator=or",
            "SearchableText=NOT",
            "getObjPositionInParent=abc",
            "deadline.query=abc&deadline.range=max",
            "created=99999999999999999999",
            "path.depth=99999999999999999999",
        ):
            with self.subTest(query=query):
                self.assertRefused(self.session.get(f"{self.url}/@search?{query}"))

    def test_patch_names_the_field_given_a_wrong_json_type(self):
        cases = (
            ("Meeting", {"kind": []}, "kind"),
            ("Meeting", {"start": 123}, "start"),
            ("Act", {"text_ru": 123}, "text_ru"),
            ("Act", {"budget_conclusion": 123}, "budget_conclusion"),
            ("Folder", {"language": []}, "language"),
        )
        for portal_type, body, field in cases:
            with self.subTest(portal_type=portal_type, body=body):
                state = {"Meeting": "planned", "Act": "draft"}.get(portal_type)
                url = self.first(
                    portal_type=portal_type,
                    **({"review_state": state} if state else {}),
                )
                self.assertRefused(self.session.patch(url, json=body), naming=field)

    def test_the_history_of_any_item_renders(self):
        for portal_type in ("Act", "Assignment", "Folder", "Meeting"):
            with self.subTest(portal_type=portal_type):
                page = self.session.get(
                    f"{self.first(portal_type=portal_type)}/@@history",
                    headers={"Accept": "text/html"},
                )
                self.assertEqual(page.status_code, 200)
        with api.env.adopt_roles(["Manager"]):
            page = api.content.create(
                container=self.portal, type="Document", id="page", title="Страница"
            )
        transaction.commit()
        versions = self.session.get(
            f"{page.absolute_url()}/@@history?one=0", headers={"Accept": "text/html"}
        )
        self.assertEqual(versions.status_code, 200)
        for version in ("abc", "7"):
            with self.subTest(version=version):
                answer = self.session.get(
                    f"{page.absolute_url()}/@@history?one={version}"
                )
                self.assertEqual(answer.status_code, 400)

    def test_a_member_of_staff_reads_the_refusal_without_a_traceback(self):
        answer = requests.get(
            f"{self.url}/@search?b_size=-1",
            headers={"Accept": "application/json"},
            auth=("tursynbayev", DEMO_PASSWORD),
            timeout=30,
        )
        self.assertNotIn("traceback", self.assertRefused(answer, naming="b_size"))
