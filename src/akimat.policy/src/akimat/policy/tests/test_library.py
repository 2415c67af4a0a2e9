"""The document library as the policy makes it: a folder per department in «Акимат ТО», the
rights in it, its feeds, the front page's news (RULES.md R9.10d)."""

from akimat.policy.interfaces import IAkimatPolicyLayer
from akimat.policy.organisation import DEPARTMENTS
from akimat.policy.testing import AKIMAT_POLICY_INTEGRATION_TESTING
from plone import api
from plone.namedfile.file import NamedBlobFile
from zope.interface import alsoProvides

import unittest


class TestLibrary(unittest.TestCase):
    layer = AKIMAT_POLICY_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.request = self.layer["request"]
        alsoProvides(self.request, IAkimatPolicyLayer)
        self.economy = self.portal["library"]["akimat-to"]["economy"]

    def publish_report(
        self, title="Отчёт о развитии предпринимательства за 2 квартал 2026 года"
    ):
        with api.env.adopt_user(username="yessenova"):  # the economy department's head
            report = api.content.create(
                container=self.economy,
                type="Report",
                title=title,
                report_kind=title,
                period_kind="quarter",
                period=2,
                report_year=2026,
                department="economy",
                file=NamedBlobFile(data=b"%PDF-1.4", filename="report.pdf"),
            )
            api.content.transition(obj=report, transition="publish")
        return report

    def test_a_folder_per_department(self):
        """R9.10d: each department has its folder in «Акимат ТО»; only it adds reports there."""
        akimat_to = self.portal["library"]["akimat-to"]
        for unit in DEPARTMENTS:
            self.assertIn(unit.id, akimat_to, unit.id)
        with api.env.adopt_user(username="yessenova"):
            self.assertTrue(
                api.user.has_permission("akimat.content: Add Report", obj=self.economy)
            )
            self.assertFalse(
                api.user.has_permission(
                    "akimat.content: Add Report", obj=akimat_to["finance"]
                )
            )
            self.assertFalse(
                api.user.has_permission("akimat.content: Add Report", obj=akimat_to)
            )
        with api.env.adopt_user(username="kozlov"):  # the finance department's head
            self.assertFalse(
                api.user.has_permission("akimat.content: Add Report", obj=self.economy)
            )

    def test_feed_of_the_department(self):
        """Staff who follow a department read its new reports in its RSS feed."""
        report = self.publish_report()
        with api.env.adopt_user(username="tursynbayev"):
            feed = self.economy.restrictedTraverse("RSS")()
        self.assertIn(report.title, feed)

    def test_front_page_shows_the_new_reports(self):
        report = self.publish_report()
        with api.env.adopt_user(username="kozlov"):
            html = self.portal.restrictedTraverse("@@akimat-home")()
        self.assertIn('id="new-reports"', html)
        self.assertIn(report.title, html)

    def test_svodny_otdel_sets_what_is_owed(self):
        """R9.10d: the Сводный отдел (or an administrator) sets the expected reports; departments do not."""
        library = self.portal["library"]
        with api.env.adopt_user(username="nurzhanova"):
            self.assertTrue(
                api.user.has_permission(
                    "akimat.content: Add ReportObligation", obj=library
                )
            )
        for username in ("yessenova", "tursynbayev"):
            with api.env.adopt_user(username=username):
                self.assertFalse(
                    api.user.has_permission(
                        "akimat.content: Add ReportObligation", obj=library
                    )
                )
