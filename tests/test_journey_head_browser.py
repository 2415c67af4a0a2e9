"""In Chromium, by clicks only: the head of the economy department (yessenova) finds her
department's overdue assignments from the menu «Поручения» with the filters «просроченные» and
«мой отдел» — in Russian and in Kazakh (issue 15; RULES.md R12.4b)."""

from akimat.content import _
from akimat.policy.testing import AKIMAT_ACCEPTANCE_TESTING
from tests.browser import chromium_page
from tests.browser import log_in
from tests.test_journey_odk_browser import choose_language
from tests.test_journey_odk_browser import open_section
from tests.test_journey_odk_browser import show_overdue
from zope.i18n import translate

import unittest


class HeadJourney:
    layer = AKIMAT_ACCEPTANCE_TESTING
    LANGUAGE = "ru"

    def test_the_head_finds_her_departments_overdue_assignments(self):
        portal = self.layer["portal"]
        overdue = portal["assignments"][
            "assignment-1"
        ]  # the economy department's, overdue
        with chromium_page() as page:
            log_in(page, portal.absolute_url(), "yessenova")
            choose_language(page, self.LANGUAGE)
            open_section(page, "assignments")
            self.assertEqual(page.locator("#control-list-export").count(), 0)

            department = translate(_("My department"), target_language=self.LANGUAGE)
            page.select_option("#control-list-scope", label=department)
            self.assertEqual(set(show_overdue(page)), {"red"})
            page.click(f'#control-list a[href="{overdue.absolute_url()}"]')
            page.wait_for_load_state()
            self.assertEqual(page.url.rstrip("/"), overdue.absolute_url())


class TestHeadJourneyRu(HeadJourney, unittest.TestCase):
    LANGUAGE = "ru"


class TestHeadJourneyKk(HeadJourney, unittest.TestCase):
    LANGUAGE = "kk"
