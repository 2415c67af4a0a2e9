"""Quieter pages (issue 14): no byline «Последнее изменение», no navigation portlet listing the
page one reads (profiles/default viewlets.xml, portlets.xml)."""

from akimat.policy.testing import AKIMAT_POLICY_INTEGRATION_TESTING
from akimat.policy.tests.render_matrix import fresh_request
from plone import api
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletManager
from zope.component import getMultiAdapter
from zope.component import getUtility

import unittest


def left_column(portal):
    """The portlets assigned to the site root's left column."""
    manager = getUtility(IPortletManager, name="plone.leftcolumn", context=portal)
    return getMultiAdapter((portal, manager), IPortletAssignmentMapping)


class TestQuietPages(unittest.TestCase):
    layer = AKIMAT_POLICY_INTEGRATION_TESTING

    def test_a_document_shows_no_byline_nor_navigation_portlet(self):
        self.assertNotIn("navigation", left_column(self.layer["portal"]))
        portal, _request = fresh_request(self.layer)
        for path, username in (
            ("acts/signing", "seitzhanov"),
            ("assignments/assignment-1", "yessenova"),
            ("meetings", "tursynbayev"),
        ):
            with api.env.adopt_user(username=username):
                html = portal.unrestrictedTraverse(path).restrictedTraverse("@@view")()
            self.assertNotIn('id="section-byline"', html, path)
            self.assertNotIn("documentModified", html, path)
            self.assertNotIn("portletNavigationTree", html, path)
