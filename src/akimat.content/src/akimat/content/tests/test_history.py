"""Plone's history pages on our items (issue 12: «@@history answers 500 on any item»)."""

from akimat.content.control.tests.test_assignment import AssignmentTestCase
from akimat.content.tests.views import ViewTests
from plone import api
from plone.app.testing import TEST_USER_NAME


class TestVersionHistory(ViewTests, AssignmentTestCase):
    def test_item_without_versions_says_so(self):
        """An item whose versions are not kept answers the comparison page with its title and «no
        revision information», not an error."""
        assignment = self.assignment()
        html = self.render(assignment, "@@history", TEST_USER_NAME)
        self.assertIn(assignment.title, html)
        self.assertIn('id="content-core"', html)
        self.assertNotIn('id="versionSelector"', html)

    def test_item_with_versions_compares_them(self):
        """Where versions are kept, the page still compares them as CMFEditions does."""
        assignment = self.assignment()
        api.portal.get_tool("portal_repository").save(assignment, comment="first")
        self.assertIn(
            'id="versionSelector"', self.render(assignment, "@@history", TEST_USER_NAME)
        )
