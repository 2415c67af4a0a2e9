"""In Chromium: a department head uploads and publishes a quarterly report; a member of another
department finds it by a word inside its PDF (the document library, RULES.md R9.10d)."""

from akimat.content.tests.libreoffice import docx_to_pdf
from akimat.content.tests.libreoffice import needs_libreoffice
from akimat.content.tests.samples import docx_bytes
from akimat.policy.testing import AKIMAT_ACCEPTANCE_TESTING
from tests.browser import chromium_page
from tests.browser import log_in

import transaction
import unittest


HEAD = "yessenova"  # the economy department's head (README)
READER = "kozlov"  # the finance department's head: another department
KIND = "Отчёт о занятости населения"
# A word only this report holds, in another form than the one searched for.
TEXT = "В третьем квартале трудоустроены 315 выпускников колледжа. Жұмыспен қамту орталығы."


class TestLibraryJourney(unittest.TestCase):
    layer = AKIMAT_ACCEPTANCE_TESTING

    @needs_libreoffice
    def test_head_publishes_staff_find_by_a_word_in_the_pdf(self):
        """R9.10d: the head uploads the quarter's report and publishes it at once; another
        department's member finds it by a word inside its PDF («трудоустроенных»)."""
        url = self.layer["portal"].absolute_url()
        pdf = docx_to_pdf(docx_bytes(KIND, TEXT))
        with chromium_page() as page:
            log_in(page, url, HEAD)
            page.goto(f"{url}/library/akimat-to/economy/@@upload-reports")
            page.select_option("#upload-period-kind", "quarter")
            page.fill("#upload-period", "3")
            page.fill("#upload-year", "2026")
            page.set_input_files(
                "#upload-files",
                [{"name": f"{KIND}.pdf", "mimeType": "application/pdf", "buffer": pdf}],
            )
            page.check("#upload-publish")
            with page.expect_navigation():
                page.click("#upload-submit")
            created = page.locator("#upload-created a")
            self.assertEqual(created.inner_text(), f"{KIND}, 3 квартал 2026")
            report_url = created.get_attribute("href")
            page.goto(report_url)
            self.assertEqual(
                page.get_attribute("#report-state .badge", "data-state"), "published"
            )

        with chromium_page() as page:
            log_in(page, url, READER)
            page.goto(f"{url}/@@search?SearchableText=выпускники")
            result = page.locator(f'.searchResults a[href="{report_url}"]')
            self.assertEqual(result.count(), 1)
            self.assertIn("3 квартал 2026", page.locator(".searchResults").inner_text())
        transaction.begin()
