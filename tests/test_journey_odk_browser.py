"""In Chromium, by clicks only: the ОДК (tulegenova) opens «Поручения» from the menu, narrows the
control list to the overdue assignments, downloads it, opens the weekly list and downloads
that one too — in Russian and in Kazakh (issue 15; RULES.md R12.4a, R12.4b)."""

from akimat.content import _
from akimat.policy.testing import AKIMAT_ACCEPTANCE_TESTING
from io import BytesIO
from openpyxl import load_workbook
from pathlib import Path
from tests.browser import chromium_page
from tests.browser import log_in
from tests.browser import open_section
from tests.browser import show_overdue
from tests.browser import use_language
from zope.i18n import translate

import unittest


def download_workbook(page, selector):
    """Click a download link; the file's name and its only sheet."""
    with page.expect_download() as download:
        page.click(selector)
    data = Path(download.value.path()).read_bytes()
    return download.value.suggested_filename, load_workbook(BytesIO(data)).active


class OdkJourney:
    layer = AKIMAT_ACCEPTANCE_TESTING
    LANGUAGE = "ru"

    def t(self, message):
        return translate(message, target_language=self.LANGUAGE)

    def test_the_odk_produces_the_control_list_and_the_weekly_list(self):
        url = self.layer["portal"].absolute_url()
        with chromium_page() as page:
            log_in(page, url, "tulegenova")
            use_language(page, self.LANGUAGE)
            open_section(page, "assignments")
            heading = page.locator("#control-list-heading")
            self.assertEqual(heading.inner_text().strip(), self.t(_("Control list")))

            lights = show_overdue(page)
            self.assertEqual(set(lights), {"red"})

            filename, sheet = download_workbook(page, "#control-list-export")
            self.assertTrue(filename.startswith("control-list-"), filename)
            self.assertEqual(sheet.title, self.t(_("Control list")))
            self.assertEqual(sheet.max_row, 2 + len(lights))  # title, header, rows

            page.click("#control-list-weekly")
            page.wait_for_selector("#control-list-heading[data-weekly]")
            weekly = self.t(_("Weekly control list for the leadership"))
            self.assertEqual(heading.inner_text().strip(), weekly)
            self.assertIn(weekly, page.title())

            filename, sheet = download_workbook(page, "#control-list-export")
            self.assertTrue(filename.startswith("weekly-control-list-"), filename)
            self.assertEqual(sheet.title, self.t(_("Weekly control list")))
            self.assertTrue(
                sheet["A1"].value.startswith(sheet.title) or self.LANGUAGE == "kk"
            )


class TestOdkJourneyRu(OdkJourney, unittest.TestCase):
    LANGUAGE = "ru"


class TestOdkJourneyKk(OdkJourney, unittest.TestCase):
    LANGUAGE = "kk"
