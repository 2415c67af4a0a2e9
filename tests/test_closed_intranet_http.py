"""Over real HTTP: the intranet answers anonymous visitors with nothing but the login form, the
help to log in and the public appeal form — and those pages offer them nothing they cannot use."""

from akimat.policy.appeal_form import FORM_ID
from akimat.policy.demo import DEMO_PASSWORD
from akimat.policy.testing import AKIMAT_ACCEPTANCE_TESTING
from urllib.parse import urljoin

import re
import requests
import unittest


STAFF = ("petrova", DEMO_PASSWORD)
JSON = {"Accept": "application/json"}
# What a page loads by itself or names in its head: style sheets, scripts, images, links (not
# the links a person follows).
RESOURCE = re.compile(r'<(?:link|script|img)\b[^>]*?\b(?:href|src)="([^"]+)"')
SEARCH_BOX = 'id="portal-searchbox"'
STAFF_PAGES = ("/sitemap", "/accessibility-info", "/contact-info")

# Pages of a stock Plone that an anonymous visitor of this site must not open: staff pages,
# pages that list or mail, and on the appeal form (which anonymous visitors may view) every
# page but the form itself.
CLOSED_TO_ANONYMOUS = (
    "",
    "/meetings",
    "/library/akimat-to",
    "/appeals",
    "/@@search?SearchableText=*",
    "/@@search",
    "/@@register",
    "/contact-info",
    "/@@contact-info",
    "/@@contact-info-email",
    "/sitemap",
    "/@@sitemap",
    "/accessibility-info",
    "/RSS",
    "/rss.xml",
    "/ics_view",
    "/@@event_listing",
    "/@@event_listing_ical",
    "/author/seitzhanov",
    "/@@new-user",
    "/logged-out",
    "/@@uuid",
    "/@@member-search",
    "/@@recently_modified",
    f"/{FORM_ID}/@@sitemap",
    f"/{FORM_ID}/contact-info",
    f"/{FORM_ID}/@@event_listing",
    f"/{FORM_ID}/@@event_listing_ical",
    f"/{FORM_ID}/@@member-search",
    f"/{FORM_ID}/@@recently_modified",
    f"/{FORM_ID}/@@recently_published",
    f"/{FORM_ID}/@@querybuilderjsonconfig",
    f"/{FORM_ID}/@@document_view",
    f"/{FORM_ID}/@@embedded",
    f"/{FORM_ID}/@@test-rendering",
    f"/{FORM_ID}/@@version_metadata_view",
    f"/{FORM_ID}/@@uuid",
    f"/{FORM_ID}/@@get_save_data_adapters",
)
OPEN_TO_ANONYMOUS = (
    "/login",
    "/login_form",
    "/failsafe_login",
    "/@@login-help",
    "/mail_password_form",
    "/passwordreset",
    f"/{FORM_ID}",
)


class TestClosedIntranet(unittest.TestCase):
    layer = AKIMAT_ACCEPTANCE_TESTING

    def setUp(self):
        self.url = self.layer["portal"].absolute_url()

    def test_anonymous_pages_lead_to_the_login_form(self):
        for path in CLOSED_TO_ANONYMOUS:
            with self.subTest(path=path):
                response = requests.get(self.url + path, timeout=30)
                self.assertEqual(response.status_code, 200)
                self.assertIn("/login", response.url)
                self.assertNotIn("Библиотека документов", response.text)

    def test_login_its_help_and_the_appeal_form_open_to_anonymous(self):
        for path in OPEN_TO_ANONYMOUS:
            with self.subTest(path=path):
                response = requests.get(self.url + path, timeout=30)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response.url, self.url + path)

    def test_open_pages_load_their_resources_for_anonymous(self):
        """The login page and the appeal form get their styles, scripts and images, and the links
        of their head lead to open pages: none is turned into the login form."""
        for path in ("/login", "/@@login-help", f"/{FORM_ID}"):
            page = requests.get(self.url + path, timeout=30)
            resources = {
                urljoin(page.url, found) for found in RESOURCE.findall(page.text)
            }
            resources = {
                resource for resource in resources if resource.startswith(self.url)
            }
            self.assertTrue(resources)
            for resource in resources:
                with self.subTest(page=path, resource=resource):
                    response = requests.get(resource, timeout=30)
                    self.assertEqual(response.status_code, 200)
                    self.assertNotIn("/login", response.url)

    def test_staff_pages_open_to_staff(self):
        for path in STAFF_PAGES:
            with self.subTest(path=path):
                response = requests.get(self.url + path, auth=STAFF, timeout=30)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response.url, self.url + path)

    def test_appeal_form_offers_anonymous_no_search_and_no_staff_pages(self):
        """The visitor of the appeal form sees no search box and no footer links to the staff
        pages; staff see both on the same page."""
        form = f"{self.url}/{FORM_ID}"
        anonymous = requests.get(form, timeout=30).text
        self.assertIn("form.widgets.applicant_name", anonymous)
        self.assertNotIn(SEARCH_BOX, anonymous)
        for path in STAFF_PAGES:
            self.assertNotIn(f'href="{self.url}{path}"', anonymous)
        staff = requests.get(form, auth=STAFF, timeout=30).text
        self.assertIn(SEARCH_BOX, staff)
        self.assertIn(f'href="{self.url}/sitemap"', staff)

    def test_login_help_sends_nobody_to_the_closed_contact_form(self):
        page = requests.get(self.url + "/@@login-help", timeout=30).text
        self.assertIn("reset_password", page)
        self.assertNotIn("contact-info", page)

    def test_anonymous_rest_calls_are_refused(self):
        for path in (
            "",
            "/meetings",
            "/@search",
            "/@working-days?date=2026-03-20",
            f"/{FORM_ID}",
            f"/{FORM_ID}/@search",
            f"/{FORM_ID}/@navigation",
            f"/{FORM_ID}/@querystring",
            f"/{FORM_ID}/@vocabularies",
            f"/{FORM_ID}/@actions",
            "/@site",
        ):
            with self.subTest(path=path):
                response = requests.get(
                    self.url + "/++api++" + path, headers=JSON, timeout=30
                )
                self.assertEqual(response.status_code, 401)
                self.assertEqual(response.json()["type"], "Unauthorized")
        for path in ("/@users/kim/reset-password", "/@email-notification"):
            with self.subTest(path=path):
                response = requests.post(
                    self.url + "/++api++" + path, headers=JSON, json={}, timeout=30
                )
                self.assertEqual(response.status_code, 401)

    def test_staff_keep_the_rest_api(self):
        response = requests.get(
            f"{self.url}/++api++/{FORM_ID}/@navigation",
            headers=JSON,
            auth=STAFF,
            timeout=30,
        )
        self.assertEqual(response.status_code, 200)

    def test_appeals_stay_hidden_from_other_staff_over_rest(self):
        """R13.2: a department head finds no trace of the appeals section over REST."""
        head = ("yessenova", DEMO_PASSWORD)
        found = requests.get(
            # The appeals department's library folder is an «appeals» too: the section is at the top.
            f"{self.url}/++api++/@search",
            params={"id": "appeals", "path.depth": 1},
            headers=JSON,
            auth=head,
            timeout=30,
        ).json()
        self.assertEqual(found["items_total"], 0)
        refused = requests.get(
            f"{self.url}/++api++/appeals", headers=JSON, auth=head, timeout=30
        )
        self.assertEqual(refused.status_code, 401)
        mine = requests.get(
            f"{self.url}/++api++/appeals",
            headers=JSON,
            auth=("kim", DEMO_PASSWORD),
            timeout=30,
        )
        self.assertEqual(mine.status_code, 200)
