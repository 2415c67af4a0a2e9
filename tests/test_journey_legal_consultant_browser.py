"""In Chromium, clicking only: the legal consultant opens from her front page the act waiting for
her, returns it with a reason, and the act's page shows the reason with her name and the date
(issue 15; RULES.md R10.3, R10.12, R10.13). In Russian and in Kazakh."""

from akimat.content import _
from akimat.content.core import calendar
from akimat.policy.testing import AKIMAT_ACCEPTANCE_TESTING
from tests.browser import chromium_page
from tests.browser import log_in
from tests.browser import use_language
from zope.i18n import translate

import unittest


LAWYER = "zhumabekova"
REASON = "Нет ссылки на норму закона, на основании которой принимается решение"


class LegalConsultantJourney:
    layer = AKIMAT_ACCEPTANCE_TESTING
    LANGUAGE = "ru"

    def t(self, msgid):
        return translate(_(msgid), target_language=self.LANGUAGE)

    def test_returns_the_act_with_a_reason_shown_on_it(self):
        url = self.layer["portal"].absolute_url()
        act_url = f"{url}/acts/legal-review"  # the demo act in legal review
        with chromium_page() as page:
            log_in(page, url, LAWYER)
            use_language(page, self.LANGUAGE)
            page.click(f'#akimat-inbox a[href="{act_url}"]')
            page.wait_for_selector("#act-actions")
            page.click("#act-return")
            page.fill("#form-widgets-reason", REASON)
            page.click("#form-buttons-return")
            page.wait_for_selector("#decisions")

            row = page.locator('#decisions tr[data-step="return"]')
            self.assertEqual(row.locator(".decision-reason").inner_text(), REASON)
            self.assertIn("Жумабекова", row.locator(".decision-actor").inner_text())
            today = calendar.now().strftime("%d.%m.%Y")
            self.assertIn(today, row.locator(".decision-when").inner_text())
            self.assertIn(
                self.t("Decisions"), page.locator("#decisions h2").inner_text()
            )
            # The return's term is explained beside the signing term.
            self.assertIn(self.t("Terms"), page.locator("#act-terms h2").inner_text())
            self.assertEqual(page.locator("#act-return").count(), 0)


class TestLegalConsultantJourneyRu(LegalConsultantJourney, unittest.TestCase):
    LANGUAGE = "ru"


class TestLegalConsultantJourneyKk(LegalConsultantJourney, unittest.TestCase):
    LANGUAGE = "kk"
