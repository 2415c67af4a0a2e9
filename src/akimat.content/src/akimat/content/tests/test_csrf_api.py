"""Cross-site requests on the REST API: a change signed in by the browser's session cookie alone
is taken only as JSON from the intranet's own pages; integrators' token and basic auth work as
before (DESIGN.md «Security»)."""

from akimat.content.acts.tests.test_act_api import ActApiTestCase
from akimat.content.acts.tests.test_act_api import PASSWORD
from akimat.content.acts.tests.test_act_api import TEXT_RU
from plone import api

import json
import requests
import transaction


class BrowserTestCase(ActApiTestCase):
    def setUp(self):
        super().setUp()
        self.origin = self.portal.absolute_url().split("/plone")[0]

    def browser(self, user="developer"):
        """A browser session of `user`, logged in through the login form: the session cookie."""
        browser = requests.Session()
        self.addCleanup(browser.close)
        browser.post(
            f"{self.portal.absolute_url()}/login",
            data={
                "__ac_name": user,
                "__ac_password": PASSWORD,
                "buttons.login": "Войти",
            },
            timeout=60,
        )
        self.assertIn("__ac", browser.cookies)
        return browser

    def act_body(self, title):
        return json.dumps(
            {
                "@type": "Act",
                "kind": "decision",
                "title": title,
                "text_ru": TEXT_RU,
                "developer_department": "economy",
            }
        )

    def acts(self):
        transaction.begin()
        return sorted(brain.Title for brain in api.content.find(portal_type="Act"))


class TestCrossSiteRest(BrowserTestCase):
    def test_a_page_of_another_site_cannot_make_the_browser_change_anything(self):
        """What an HTML form of another site can send with the person's cookie — a text/plain or
        form body, or JSON from another origin — is refused with a 403 JSON error, and nothing
        is created."""
        browser = self.browser()
        attempts = {
            "text/plain, no origin": {"Content-Type": "text/plain"},
            "text/plain from another site": {
                "Content-Type": "text/plain",
                "Origin": "http://evil.example",
            },
            "form from another site": {
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": "http://evil.example",
            },
            "JSON from another site": {
                "Content-Type": "application/json",
                "Origin": "http://evil.example",
            },
            "JSON from a sibling port": {
                "Content-Type": "application/json",
                "Origin": "http://localhost:1",
            },
        }
        for label, headers in attempts.items():
            with self.subTest(label):
                refused = browser.post(
                    self.folder_url,
                    data=self.act_body(label),
                    headers={"Accept": "application/json", **headers},
                    timeout=60,
                )
                self.assertEqual(refused.status_code, 403, refused.text)
                self.assertEqual(refused.json()["type"], "Forbidden")
        self.assertEqual(self.acts(), [])

    def test_the_intranets_own_pages_and_integrators_go_on(self):
        """JSON from the intranet's own origin with the cookie, basic auth, and a JWT of @login
        are taken as before."""
        browser = self.browser()
        created = browser.post(
            self.folder_url,
            data=self.act_body("Своя страница"),
            timeout=60,
            headers={
                "Accept": "application/json",
                "Content-Type": "application/json",
                "Origin": self.origin,
            },
        )
        self.assertEqual(created.status_code, 201, created.text)
        basic = self.session("developer").post(
            self.folder_url,
            data=self.act_body("Базовая авторизация"),
            headers={"Content-Type": "text/plain"},
        )
        self.assertEqual(basic.status_code, 201, basic.text)
        token = (
            self.session("developer")
            .post("/@login", json={"login": "developer", "password": PASSWORD})
            .json()
        )
        bearer = requests.post(
            self.folder_url,
            data=self.act_body("Токен"),
            timeout=60,
            headers={
                "Accept": "application/json",
                "Content-Type": "application/json",
                "Authorization": f"Bearer {token['token']}",
            },
        )
        self.assertEqual(bearer.status_code, 201, bearer.text)
        self.assertEqual(self.acts(), ["Базовая авторизация", "Своя страница", "Токен"])


class TestFormsWithoutToken(BrowserTestCase):
    """A form sent without plone.protect's token — expired, or from another site — changes
    nothing, and the next page says so instead of «success»."""

    def draft(self):
        url = self.create()
        transaction.begin()
        return url

    def next_page(self, browser, response):
        return browser.get(
            response.headers.get("Location") or response.url, timeout=60
        ).text

    def test_our_step_buttons_say_nothing_was_changed(self):
        url = self.draft()
        browser = self.browser()
        response = browser.post(
            f"{url}/@@transition",
            data={"workflow_action": "submit"},
            allow_redirects=False,
            timeout=60,
        )
        page = self.next_page(browser, response)
        self.assertIn("Ничего не изменено", page)
        self.assertNotIn("Состояние теперь", page)
        self.assertEqual(self.state(url), "draft")

    def test_plones_own_forms_say_nothing_was_changed(self):
        """plone.protect refuses Plone's own state change without its token: its «changed»
        message gives way to what happened."""
        url = self.draft()
        browser = self.browser()
        response = browser.post(
            f"{url}/content_status_modify",
            data={"workflow_action": "submit"},
            allow_redirects=False,
            timeout=60,
        )
        self.assertEqual(response.status_code, 403)
        page = browser.get(url, timeout=60).text
        self.assertIn("Ничего не изменено", page)
        self.assertEqual(self.state(url), "draft")
