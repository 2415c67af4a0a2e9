"""Over real HTTP: the intranet answers anonymous visitors with nothing but the login form."""

from akimat.policy.demo import DEMO_PASSWORD
from akimat.policy.testing import AKIMAT_ACCEPTANCE_TESTING

import requests
import unittest


class TestClosedIntranet(unittest.TestCase):
    layer = AKIMAT_ACCEPTANCE_TESTING

    def setUp(self):
        self.url = self.layer["portal"].absolute_url()

    def test_anonymous_pages_lead_to_the_login_form(self):
        for path in ("", "/meetings", "/library/akimat-to", "/appeals", "/@@search?SearchableText=*"):
            with self.subTest(path=path):
                response = requests.get(self.url + path, timeout=30)
                self.assertEqual(response.status_code, 200)
                self.assertIn("/login", response.url)
                self.assertNotIn("Библиотека документов", response.text)

    def test_anonymous_rest_calls_are_refused(self):
        headers = {"Accept": "application/json"}
        for path in ("", "/meetings", "/@search", "/@working-days?date=2026-03-20"):
            with self.subTest(path=path):
                response = requests.get(self.url + "/++api++" + path, headers=headers, timeout=30)
                self.assertEqual(response.status_code, 401)
                self.assertEqual(response.json()["type"], "Unauthorized")

    def test_appeals_stay_hidden_from_other_staff_over_rest(self):
        """R13.2: a department head finds no trace of the appeals section over REST."""
        headers = {"Accept": "application/json"}
        head = ("yessenova", DEMO_PASSWORD)
        found = requests.get(
            # The appeals department's library folder is an «appeals» too: the section is at the top.
            f"{self.url}/++api++/@search", params={"id": "appeals", "path.depth": 1}, headers=headers,
            auth=head, timeout=30,
        ).json()
        self.assertEqual(found["items_total"], 0)
        refused = requests.get(f"{self.url}/++api++/appeals", headers=headers, auth=head, timeout=30)
        self.assertEqual(refused.status_code, 401)
        mine = requests.get(
            f"{self.url}/++api++/appeals", headers=headers, auth=("kim", DEMO_PASSWORD), timeout=30
        )
        self.assertEqual(mine.status_code, 200)
