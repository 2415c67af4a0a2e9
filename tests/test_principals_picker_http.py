"""Over real HTTP: who may search the picker of people and departments (akimat.vocabularies.
Principals) through Plone's @@getVocabulary and plone.restapi's @vocabularies — staff may, an
anonymous visitor (also on the public appeal form) may not, nor one who may not fill the field."""

from akimat.content.core.principals_vocabulary import NAME
from akimat.policy.appeal_form import FORM_ID
from akimat.policy.demo import DEMO_PASSWORD
from akimat.policy.testing import AKIMAT_ACCEPTANCE_TESTING

import requests
import unittest


NAMES = ("Ким Виктория", "Отдел экономики")
JSON = {"Accept": "application/json"}


class TestWhoMaySearchThePicker(unittest.TestCase):
    layer = AKIMAT_ACCEPTANCE_TESTING

    def setUp(self):
        portal = self.layer["portal"]
        self.url = portal.absolute_url()
        brain = portal.portal_catalog.unrestrictedSearchResults(
            portal_type="Appeal", review_state="in_review"
        )[0]
        self.appeal = (
            self.url + brain.getPath()[len("/".join(portal.getPhysicalPath())) :]
        )

    def get(self, url, user=None, **params):
        auth = (user, DEMO_PASSWORD) if user else None
        return requests.get(url, params=params, auth=auth, headers=JSON, timeout=30)

    def search(self, where, user=None, field=None, query="эконом"):
        params = {"name": NAME, "query": query}
        if field:
            params["field"] = field
        return self.get(f"{where}/@@getVocabulary", user, **params)

    def assertNoStaff(self, response):
        for name in NAMES:
            self.assertNotIn(name, response.text, response.url)

    def found(self, response):
        self.assertEqual(response.status_code, 200, response.text)
        return {item["id"]: item["text"] for item in response.json()["results"]}

    def test_anonymous_visitors_find_nobody(self):
        for where in (self.url, f"{self.url}/{FORM_ID}", self.appeal):
            for field in (None, "executors", "addressee"):
                self.assertNoStaff(self.search(where, field=field))
        rest = self.get(f"{self.url}/@vocabularies/{NAME}", title="Ким")
        self.assertIn(rest.status_code, (401, 403))
        self.assertNoStaff(rest)

    def test_staff_search_as_they_type_on_the_assignment_form(self):
        found = self.found(
            self.search(f"{self.appeal}/@@assign", "kim", "executors", "эконом")
        )
        self.assertEqual(found["economy"], "Отдел экономики и бюджетного планирования")
        self.assertIn("tursynbayev", found)
        self.assertNotIn("kim", found)

    def test_the_picker_of_a_document_answers_who_may_edit_it(self):
        found = self.found(self.search(self.appeal, "kim", "addressee", "ким"))
        self.assertTrue(found["kim"].startswith("Ким Виктория Александровна — "))
        # an economist reads no appeal of which he is no executor: nothing to edit there
        self.assertNoStaff(self.search(self.appeal, "tursynbayev", "addressee", "ким"))

    def test_the_assignment_form_searches_for_the_appeals_department_only(self):
        response = self.search(f"{self.appeal}/@@assign", "tursynbayev", "executors")
        self.assertIn(response.status_code, (401, 403))
        self.assertNoStaff(response)

    def test_staff_list_names_over_rest_with_ids_as_tokens(self):
        response = self.get(f"{self.url}/@vocabularies/{NAME}", "petrova", title="ким")
        self.assertEqual(response.status_code, 200, response.text)
        items = {item["token"]: item["title"] for item in response.json()["items"]}
        self.assertTrue(items["kim"].startswith("Ким Виктория Александровна"), items)
        self.assertNotIn("economy", items)
