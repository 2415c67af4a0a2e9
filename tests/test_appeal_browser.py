"""In Chromium: a citizen submits the public appeal form and is told its number; an appeals
officer sends it for review, assigns it to a department and answers it (RULES.md R13, R0.5)."""

from akimat.policy import appeal_form
from akimat.policy.testing import AKIMAT_ACCEPTANCE_TESTING
from tests.browser import choose_in_picker
from tests.browser import chromium_page
from tests.browser import log_in

import re
import transaction
import unittest


OFFICER = "kim"  # the appeals department (README)
SUBJECT = "О ремонте моста через арык в селе Шаян"


class TestAppealJourney(unittest.TestCase):
    layer = AKIMAT_ACCEPTANCE_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.url = self.portal.absolute_url()
        appeal_form.SUBMISSIONS.clear()

    def tearDown(self):
        appeal_form.SUBMISSIONS.clear()

    def appeal(self, number):
        transaction.begin()  # see what the server committed
        year = self.portal.portal_catalog.unrestrictedSearchResults(
            portal_type="Appeal",
            registration_number=number,
            sort_on="created",
            sort_order="descending",
        )
        return year[0]._unrestrictedGetObject()

    def test_citizen_submits_officer_answers(self):
        """R13.5, R13.6: the form's appeal is registered at once and its number shown to the
        citizen; R13.2: the officer assigns it and its executor sees it; R0.5: the answer is dated."""
        with chromium_page() as page:  # an anonymous visitor: no login
            page.goto(f"{self.url}/{appeal_form.FORM_ID}")
            page.select_option("#form-widgets-kind", "complaint")
            page.fill("#form-widgets-applicant_name", "Абенова Сауле")
            page.fill("#form-widgets-phone", "+7 701 555 12 34")
            page.fill("#form-widgets-subject", SUBJECT)
            page.fill(
                "#form-widgets-substance",
                "Мост через арык на улице Абая разрушен, проезд закрыт.",
            )
            page.check("#form-widgets-consent-0")
            with page.expect_navigation():
                page.click("#form-buttons-submit")
            shown = re.search(r"под номером (\d+)", page.content())
            self.assertIsNotNone(shown, "the citizen is told the registration number")
        number = int(shown.group(1))
        appeal = self.appeal(number)
        self.assertEqual(
            (appeal.review_state(), appeal.channel, appeal.title),
            ("registered", "website", SUBJECT),
        )

        with chromium_page() as page:
            log_in(page, self.url, OFFICER)
            page.goto(appeal.absolute_url())
            with page.expect_navigation():
                page.click("#appeal-review")
            page.click("#appeal-assign")
            choose_in_picker(
                page,
                "form-widgets-executors",
                "эконом",
                "Отдел экономики и бюджетного планирования",
            )
            with page.expect_navigation():
                page.click("#form-buttons-assign")
            page.wait_for_selector("#appeal-assignments")
            page.goto(f"{appeal.absolute_url()}/edit")
            # the answer's field is on the «Рассмотрение» tab of the edit form
            page.eval_on_selector(
                "#form-widgets-answer",
                "area => area.value = 'Ремонт моста включён в план на весну 2027 года.'",
            )
            with page.expect_navigation():
                page.click("#form-buttons-save")
            page.wait_for_selector("#appeal-answer-text")
            # The answer is confirmed on its own form before it goes out.
            with page.expect_navigation():
                page.click("#appeal-answer")
            with page.expect_navigation():
                page.click("#form-buttons-confirm")
            page.wait_for_selector("#appeal-dispatch-date")
        appeal = self.appeal(number)
        self.assertEqual(appeal.review_state(), "answered")
        self.assertIsNotNone(appeal.dispatch_date())
        self.assertEqual(
            [
                a.lead_executor
                for a in appeal.objectValues()
                if a.portal_type == "Assignment"
            ],
            ["economy"],
        )
