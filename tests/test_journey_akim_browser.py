"""In Chromium, by clicks only: the akim decides what to do today. He finds the act waiting for
his signature in «Ждёт моего действия» on his front page, signs it from the link, and it leaves
his list and its count — in Russian and in Kazakh (issues 14 and 15, RULES.md R10)."""

from akimat.policy.testing import AKIMAT_ACCEPTANCE_TESTING
from tests.browser import chromium_page
from tests.browser import log_in
from tests.browser import use_language

import unittest


ACT_SIGNATURE = "act-signature"  # the acts provider's kind


class AkimJourney:
    layer = AKIMAT_ACCEPTANCE_TESTING
    LANGUAGE = "ru"

    def setUp(self):
        self.url = self.layer["portal"].absolute_url()
        self.act_url = f"{self.url}/acts/signing"  # the demo act in signing

    def test_the_akim_signs_the_act_from_his_inbox_and_it_leaves_it(self):
        with chromium_page() as page:
            log_in(page, self.url, "seitzhanov")
            use_language(page, self.LANGUAGE)
            # The navigation bar counts what waits, the front page leads with it.
            waiting = int(page.inner_text("#akimat-inbox-count"))
            self.assertGreater(waiting, 0)
            group = page.locator(f"#akimat-inbox #inbox-{ACT_SIGNATURE}")
            first = group.locator(".inbox-row a").first
            self.assertEqual(first.get_attribute("href"), self.act_url)

            first.click()
            page.wait_for_selector("#act-sign")
            self.assertEqual(page.url.rstrip("/"), self.act_url)
            page.click("#act-sign")
            page.click("#confirm-step-submit")  # signing is confirmed first
            page.wait_for_selector("#act-terms")
            self.assertEqual(page.locator("#act-sign").count(), 0)

            page.click("#portal-logo")
            page.wait_for_selector("#akimat-sections")
            self.assertEqual(page.locator(f"html[lang={self.LANGUAGE}]").count(), 1)
            self.assertEqual(
                page.locator(f'#akimat-inbox a[href="{self.act_url}"]').count(), 0
            )
            self.assertEqual(int(page.inner_text("#akimat-inbox-count")), waiting - 1)


class TestAkimJourneyRu(AkimJourney, unittest.TestCase):
    LANGUAGE = "ru"


class TestAkimJourneyKk(AkimJourney, unittest.TestCase):
    LANGUAGE = "kk"
