"""The demo document library (README; RULES.md R9.10d): a year of reports of four departments,
found by facets and by a word inside their PDFs; what is late and missing shows."""

from akimat.content.core.calendar import now
from akimat.content.library import obligations as report_obligations
from akimat.policy.demo_library import add_demo_library
from akimat.policy.demo_library import OBLIGATIONS
from akimat.policy.testing import AKIMAT_POLICY_INTEGRATION_TESTING
from plone import api

import unittest


class TestDemoLibrary(unittest.TestCase):
    layer = AKIMAT_POLICY_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]

    def find(self, **query):
        with api.env.adopt_user(username="tursynbayev"):
            return api.content.find(portal_type="Report", **query)

    def test_a_year_of_reports_of_several_departments(self):
        """R9.10d: published reports of four departments, monthly to annual."""
        brains = self.find(review_state="published")
        self.assertGreaterEqual(len(brains), 40)
        self.assertEqual(
            {brain.department for brain in brains},
            {"economy", "finance", "svodny-otdel", "orgotdel"},
        )
        self.assertEqual(
            {brain.period_kind for brain in brains},
            {"month", "quarter", "half-year", "year"},
        )

    def test_found_by_a_word_inside_a_pdf(self):
        """A staff member finds the budget reports by a word of their PDF, in another form, and a
        Kazakh word in capitals."""
        self.assertTrue(self.find(SearchableText="кредиторской", department="finance"))
        budget = self.find(
            SearchableText="доходов бюджетов",
            department="finance",
            period_kind="quarter",
        )
        self.assertTrue(budget)
        self.assertTrue(all(brain.file_types == ["pdf"] for brain in budget))
        self.assertTrue(self.find(SearchableText="ЖЕРГІЛІКТІ"))

    def test_overview_shows_in_late_and_missing(self):
        """R9.10d: the Orgotdel's last monthly report is missing, an economy one came late."""
        today = now().date()
        states = {}
        for obligation in report_obligations.obligations():
            states[obligation.report_kind] = report_obligations.statuses(
                obligation, today, 6
            )
        orgotdel = [
            s
            for s in states["Информация о встречах акима с населением"]
            if s.due <= today
        ]
        self.assertEqual(orgotdel[0].state, "late")
        prices = [
            s
            for s in states["Мониторинг цен на социально значимые продукты"]
            if s.due <= today
        ]
        self.assertTrue(prices[2].late and prices[2].state == "in")

    def test_again_adds_nothing(self):
        before = len(self.find())
        add_demo_library(self.portal)
        self.assertEqual(len(self.find()), before)
        self.assertEqual(len(report_obligations.obligations()), len(OBLIGATIONS))
