"""In Chromium, clicking only: the head of the economy department finds her department's overdue
assignments from the menu «Поручения» with the filters «просроченные» and «мой отдел»; then she
opens the document library, her department's folder, adds a quarterly report with its file,
publishes it, and archiving asks for confirmation first (issue 15; RULES.md R12.4b, R9.10d).
In Russian and in Kazakh."""

from akimat.content import _
from akimat.content.tests.library import PDF
from akimat.policy.testing import AKIMAT_ACCEPTANCE_TESTING
from tests.browser import chromium_page
from tests.browser import log_in
from tests.browser import open_section
from tests.browser import show_overdue
from tests.browser import use_language
from zope.i18n import translate

import unittest


HEAD = "yessenova"
KIND = "Отчёт о занятости населения"


class DepartmentHeadJourney:
    layer = AKIMAT_ACCEPTANCE_TESTING
    LANGUAGE = "ru"

    def t(self, msgid):
        return translate(_(msgid), target_language=self.LANGUAGE)

    def test_finds_overdue_assignments_then_publishes_a_report(self):
        portal = self.layer["portal"]
        url = portal.absolute_url()
        folder = f"{url}/library/akimat-to/economy"
        overdue = portal["assignments"]["assignment-1"]  # the department's, overdue
        with chromium_page() as page:
            log_in(page, url, HEAD)
            use_language(page, self.LANGUAGE)
            open_section(page, "assignments")
            self.assertEqual(page.locator("#control-list-export").count(), 0)
            page.select_option("#control-list-scope", label=self.t("My department"))
            self.assertEqual(set(show_overdue(page)), {"red"})
            page.click(f'#control-list a[href="{overdue.absolute_url()}"]')
            page.wait_for_load_state()
            self.assertEqual(page.url.rstrip("/"), overdue.absolute_url())

            # «Библиотека документов» ▸ «Акимат ТО» ▸ her department, in the top menu.
            page.click('#portal-globalnav label[for="navitem-library"]')
            page.click("#portal-globalnav li.akimat-to > label")
            page.click(f'#portal-globalnav a[href="{folder}"]')
            page.click("#plone-contentmenu-factories > a")
            page.click(f'#plone-contentmenu-factories a[href="{folder}/++add++Report"]')

            page.wait_for_selector("#form-widgets-report_kind")
            self.assertEqual(page.input_value("#form-widgets-report_year"), "2026")
            self.assertEqual(
                page.input_value("#form-widgets-period_kind"), "--NOVALUE--"
            )
            self.assertEqual(page.locator("#form-widgets-title").count(), 0)
            page.fill("#form-widgets-report_kind", KIND)
            page.select_option("#form-widgets-period_kind", "quarter")
            page.fill("#form-widgets-period", "3")
            page.set_input_files(
                "#form-widgets-file-input",
                [
                    {
                        "name": f"{KIND}.pdf",
                        "mimeType": "application/pdf",
                        "buffer": PDF,
                    }
                ],
            )
            page.click("#form-buttons-save")
            page.wait_for_selector("#report-actions")
            self.assertTrue(page.url.startswith(f"{folder}/"))
            self.assertIn(KIND, page.locator("h1").inner_text())
            self.assertIn("2026", page.locator("h1").inner_text())
            self.assertNotIn("2,026", page.content())

            page.click("#report-publish")
            page.wait_for_selector('#report-state .badge[data-state="published"]')
            # «В архив» now stands apart and opens a confirmation, never archives at once.
            page.click("#report-archive")
            page.wait_for_selector("#confirm-step")
            self.assertIn(
                self.t("Back to the document"),
                page.locator("#confirm-step-cancel").inner_text(),
            )
            page.click("#confirm-step-cancel")
            page.wait_for_selector('#report-state .badge[data-state="published"]')
            page.click("#report-archive")
            page.click("#confirm-step-submit")
            page.wait_for_selector('#report-state .badge[data-state="archived"]')


class TestDepartmentHeadJourneyRu(DepartmentHeadJourney, unittest.TestCase):
    LANGUAGE = "ru"


class TestDepartmentHeadJourneyKk(DepartmentHeadJourney, unittest.TestCase):
    LANGUAGE = "kk"
