"""In Chromium, clicking only: the appeals officer registers a paper letter on her own form, lands
on the new appeal with its number, finds it in the register by the applicant's name and assigns
it to a department (issue 15; RULES.md R13.5, R13.6, R13.8), in Russian and in Kazakh."""

from akimat.content import _
from akimat.policy.testing import AKIMAT_ACCEPTANCE_TESTING
from tests.browser import choose_in_picker
from tests.browser import chromium_page
from tests.browser import log_in
from tests.browser import use_language
from zope.i18n import translate

import re
import unittest


OFFICER = "kim"
DEPARTMENT_TITLE = "Отдел экономики и бюджетного планирования"  # a msgid of the catalog
TYPED = "эконом"


class AppealsOfficerJourney:
    layer = AKIMAT_ACCEPTANCE_TESTING
    LANGUAGE = "ru"
    APPLICANT = "Нурланова Айгерим"

    def t(self, message):
        return translate(message, target_language=self.LANGUAGE)

    def test_registers_a_paper_letter_finds_it_and_assigns_it(self):
        url = self.layer["portal"].absolute_url()
        with chromium_page() as page:
            log_in(page, url, OFFICER)
            use_language(page, self.LANGUAGE)

            # From her front page to the register.
            page.click("#front-appeals-register")
            page.wait_for_selector("#appeals-register-filters")
            self.assertIn(self.t(_("Register of appeals")), page.inner_text("h1"))

            # The staff form: a paper letter, received now.
            page.click("#appeals-register-new")
            page.wait_for_selector("#form-widgets-applicant_name")
            self.assertEqual(page.locator("#form-widgets-consent").count(), 0)
            page.fill("#form-widgets-title", "Об освещении улицы Жибек жолы")
            page.fill("#form-widgets-substance", "Прошу установить фонари.")
            page.fill("#form-widgets-applicant_name", self.APPLICANT)
            page.fill("#form-widgets-address", "с. Шаян, ул. Жибек жолы, 5")
            page.click("#form-buttons-register")

            # She lands on the registered appeal, with its number.
            page.wait_for_selector("#appeal-number")
            number = page.inner_text("#appeal-number").strip()
            self.assertRegex(number, r"^\d+$")
            self.assertIn(number, page.inner_text("#global_statusmessage"))

            # Back to the register, found by the applicant's name.
            page.click("#appeal-register-link")
            page.wait_for_selector("#appeals-register-q")
            page.fill("#appeals-register-q", self.APPLICANT.split()[0])
            page.click("#appeals-register-filters button[type=submit]")
            page.wait_for_selector("#appeals-register")
            rows = page.locator("#appeals-register tbody tr")
            self.assertEqual(rows.count(), 1)
            self.assertIn(self.APPLICANT, rows.first.inner_text())
            rows.first.locator(".appeal-title").click()

            # She assigns it to a department.
            page.wait_for_selector("#appeal-assign")
            self.assertEqual(page.inner_text("#appeal-number").strip(), number)
            page.click("#appeal-assign")
            choose_in_picker(
                page, "form-widgets-executors", TYPED, self.t(DEPARTMENT_TITLE)
            )
            with page.expect_navigation():
                page.click("#form-buttons-assign")
            page.wait_for_selector("#appeal-assignments")
            self.assertIn(
                self.t(_("The assignment is given.")),
                page.inner_text("#global_statusmessage"),
            )
            self.assertTrue(
                re.search(r"\S", page.inner_text("#appeal-assignments tbody"))
            )


class TestAppealsOfficerJourneyRu(AppealsOfficerJourney, unittest.TestCase):
    pass


class TestAppealsOfficerJourneyKk(AppealsOfficerJourney, unittest.TestCase):
    LANGUAGE = "kk"
    APPLICANT = "Серікбаев Данияр"
