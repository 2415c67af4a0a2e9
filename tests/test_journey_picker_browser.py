"""In Chromium, clicking only: the appeals officer opens an appeal from her front page, types part
of a department's name into the picker of «Assign», chooses it, saves, and sees the department on
the appeal — in Russian and in Kazakh (issue 15, RULES.md R13.8)."""

from akimat.policy.testing import AKIMAT_ACCEPTANCE_TESTING
from tests.browser import chromium_page
from tests.browser import log_in
from zope.i18n import translate

import transaction
import unittest


OFFICER = "kim"  # the appeals department (README)
DEPARTMENT = "economy"
DEPARTMENT_TITLE = "Отдел экономики и бюджетного планирования"
TYPED = "эконом"


def choose_in_picker(page, field_id, typed, choice):
    """Type into a picker (pat-select2) and click the offered choice that reads `choice`."""
    page.click(f"#s2id_{field_id} input.select2-input")
    page.keyboard.type(typed)
    page.locator(".select2-drop-active").get_by_role(
        "option", name=choice, exact=True
    ).click()


class AssignByNameJourney:
    LANGUAGE = "ru"
    layer = AKIMAT_ACCEPTANCE_TESTING

    def setUp(self):
        portal = self.layer["portal"]
        self.url = portal.absolute_url()
        self.appeal = portal.portal_catalog.unrestrictedSearchResults(
            portal_type="Appeal", review_state="in_review", sort_on="created"
        )[0]._unrestrictedGetObject()

    def text(self, msgid):
        return translate(msgid, domain="akimat", target_language=self.LANGUAGE)

    def assigned_to(self):
        transaction.begin()  # see what the server committed
        return [
            a.lead_executor
            for a in self.appeal.objectValues()
            if a.portal_type == "Assignment"
        ]

    def test_the_officer_assigns_an_appeal_to_a_department_chosen_by_name(self):
        before = self.assigned_to()
        url = self.appeal.absolute_url()
        with chromium_page() as page:
            log_in(page, self.url, OFFICER)
            if self.LANGUAGE == "kk":
                page.click("#portal-languageselector .language-kk a")
                page.wait_for_selector("html[lang=kk]")
            page.locator(f'#akimat-inbox a[href="{url}"]').first.click()
            page.click("#appeal-assign")
            page.wait_for_selector("#s2id_form-widgets-executors")
            self.assertEqual(page.locator("html").get_attribute("lang"), self.LANGUAGE)
            choose_in_picker(
                page, "form-widgets-executors", TYPED, self.text(DEPARTMENT_TITLE)
            )
            with page.expect_navigation():
                page.click("#form-buttons-assign")
            page.wait_for_selector("#appeal-assignments")
            self.assertEqual(page.url.rstrip("/"), url)
            rows = page.inner_text("#appeal-assignments").casefold()
            self.assertIn(TYPED, rows)
        self.assertEqual(self.assigned_to(), [*before, DEPARTMENT])


class TestAssignByNameInRussian(AssignByNameJourney, unittest.TestCase):
    LANGUAGE = "ru"


class TestAssignByNameInKazakh(AssignByNameJourney, unittest.TestCase):
    LANGUAGE = "kk"
