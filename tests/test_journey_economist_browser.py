"""In Chromium, clicking only: the economist opens his assignment from «Ждёт моего действия»,
adds his execution report and lands back on it; an extension is too late on that one, so the
page names the controller to turn to; on another he sees the current deadline and asks for more
time (issue 15; RULES.md R12.6, R12.13). In Russian and in Kazakh."""

from akimat.content import _
from akimat.content.browser.formatting import format_date
from akimat.content.core.principals import principal_title
from akimat.policy.testing import AKIMAT_ACCEPTANCE_TESTING
from datetime import timedelta
from tests.browser import chromium_page
from tests.browser import log_in
from tests.browser import use_language
from zope.i18n import translate

import unittest


ECONOMIST, CONTROLLER = "tursynbayev", "tulegenova"
DUE_SOON = "мониторинг цен"  # demo assignment 2: two working days left, his own
LATER = "отопительному сезону"  # demo assignment 3: fifteen working days left, his department's


class EconomistJourney:
    layer = AKIMAT_ACCEPTANCE_TESTING
    LANGUAGE = "ru"

    def setUp(self):
        portal = self.layer["portal"]
        self.url = portal.absolute_url()
        assignments = portal["assignments"]
        self.due_soon_url = assignments["assignment-2"].absolute_url()
        self.later = assignments["assignment-3"].effective_deadline()
        self.controller = principal_title(CONTROLLER)

    def t(self, message):
        return translate(message, target_language=self.LANGUAGE)

    def open_from_inbox(self, page, title):
        page.click("#portal-logo")
        page.wait_for_selector("#akimat-inbox")
        page.locator(
            "#akimat-inbox #inbox-assignment-execution .inbox-row", has_text=title
        ).locator("a").first.click()
        page.wait_for_selector("#assignment-details")

    def status_message(self, page):
        return page.locator("#global_statusmessage").inner_text()

    def test_economist_reports_and_asks_for_an_extension(self):
        with chromium_page() as page:
            log_in(page, self.url, ECONOMIST)
            use_language(page, self.LANGUAGE)

            # His own assignment, due in two working days: he reports and is back on it.
            self.open_from_inbox(page, DUE_SOON)
            page.click("#add-report")
            self.assertIn(self.t(_("Execution report")), page.inner_text("h1"))
            page.fill("#form-widgets-text", "Мониторинг цен проводится еженедельно")
            page.click("#form-buttons-save")
            page.wait_for_selector("#execution-reports .execution-report")
            self.assertEqual(page.url.rstrip("/"), self.due_soon_url)
            self.assertIn(
                self.t(_("Your execution information is added to the assignment.")),
                self.status_message(page),
            )
            self.assertIn(
                "Мониторинг цен проводится еженедельно",
                page.inner_text("#execution-reports"),
            )

            # Too late to ask for more time here: the button is off, the controller named.
            page.click("#request-extension")
            page.wait_for_selector("#form-buttons-request")
            self.assertTrue(page.locator("#form-buttons-request").is_disabled())
            self.assertIn(self.controller, page.inner_text("#content"))

            # His department's assignment: the current deadline shown, the request registered.
            self.open_from_inbox(page, LATER)
            page.click("#request-extension")
            page.wait_for_selector("#form-buttons-request")
            self.assertIn(format_date(self.later), page.inner_text("#content"))
            page.fill(
                "#form-widgets-new_deadline",
                (self.later + timedelta(days=14)).isoformat(),
            )
            page.fill("#form-widgets-reason", "Ждём данные от подрядчиков")
            page.click("#form-buttons-request")
            page.wait_for_selector("#extensions")
            self.assertIn(
                self.t(
                    _(
                        "Your request for an extension is waiting for the decision of the "
                        "leadership."
                    )
                ),
                self.status_message(page),
            )
            self.assertIn("Ждём данные от подрядчиков", page.inner_text("#extensions"))


class TestEconomistJourneyRussian(EconomistJourney, unittest.TestCase):
    LANGUAGE = "ru"


class TestEconomistJourneyKazakh(EconomistJourney, unittest.TestCase):
    LANGUAGE = "kk"
