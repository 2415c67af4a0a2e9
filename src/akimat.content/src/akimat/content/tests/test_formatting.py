"""What the pages of every domain share (browser/formatting.py): dates and workflow states."""

from akimat.content.browser.formatting import format_date
from akimat.content.browser.formatting import format_moment
from akimat.content.browser.formatting import state_title
from akimat.content.browser.formatting import state_titles
from akimat.content.testing import AKIMAT_CONTENT_INTEGRATION_TESTING
from datetime import date

import unittest


class TestFormatting(unittest.TestCase):
    layer = AKIMAT_CONTENT_INTEGRATION_TESTING

    def test_dates_as_people_write_them(self):
        self.assertEqual(format_date(date(2026, 12, 8)), "08.12.2026")
        self.assertEqual(format_date(None), "")
        self.assertEqual(format_moment("2026-12-08T15:20+05:00"), "08.12.2026 15:20")

    def test_state_titles_of_a_type_in_its_workflows_order(self):
        titles = state_titles("Reception")
        self.assertEqual(list(titles)[0], "planned")
        self.assertEqual(titles["planned"], "Sign-up open")
        self.assertEqual(state_title("planned", "Reception"), "Sign-up open")

    def test_an_unknown_state_is_shown_as_it_is(self):
        self.assertEqual(state_title("nowhere", "Reception"), "nowhere")
