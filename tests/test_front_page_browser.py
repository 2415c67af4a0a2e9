"""In Chromium: a member of staff logs in, sees the front page in Russian, switches to Kazakh."""

from akimat.policy.testing import AKIMAT_ACCEPTANCE_TESTING
from tests.browser import chromium_page
from tests.browser import log_in

import unittest


class TestFrontPageJourney(unittest.TestCase):
    layer = AKIMAT_ACCEPTANCE_TESTING

    def setUp(self):
        self.url = self.layer["portal"].absolute_url()

    def log_in(self, page, username):
        page.goto(self.url)
        # The closed intranet sends an anonymous visitor to the login form.
        self.assertIn("/login", page.url)
        log_in(page, self.url, username)

    def test_staff_member_logs_in_and_switches_to_kazakh(self):
        with chromium_page() as page:
            self.log_in(page, "tursynbayev")
            self.assertEqual(page.locator("html").get_attribute("lang"), "ru")
            self.assertEqual(
                page.locator("h1").inner_text(),
                "Интранет аппарата акима района Байдибек",
            )
            self.assertIn(
                "Библиотека документов", page.locator("#akimat-sections").inner_text()
            )
            # Appeals are not for him (R13.2): the front page does not offer the section.
            self.assertEqual(page.locator("#section-appeals").count(), 0)

            page.click("#portal-languageselector .language-kk a")
            page.wait_for_selector("html[lang=kk]")
            self.assertEqual(
                page.locator("h1").inner_text(),
                "Бәйдібек ауданы әкімі аппаратының интранеті",
            )
            self.assertIn(
                "Құжаттар кітапханасы", page.locator("#akimat-sections").inner_text()
            )

            # The choice sticks while he browses on.
            page.goto(self.url)
            self.assertEqual(page.locator("html").get_attribute("lang"), "kk")

    def test_appeals_department_sees_the_appeals_section(self):
        """R13.2: the appeals department finds its confidential section on the front page."""
        with chromium_page() as page:
            self.log_in(page, "kim")
            self.assertIn("Обращения", page.locator("#section-appeals").inner_text())
