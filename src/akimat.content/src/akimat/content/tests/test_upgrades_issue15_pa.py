"""The upgrade of existing sites to the sections' registers (issue 15)."""

from akimat.content.testing import AKIMAT_CONTENT_INTEGRATION_TESTING
from akimat.content.upgrades import issue15_pa
from plone import api

import unittest


class TestUpgrade(unittest.TestCase):
    layer = AKIMAT_CONTENT_INTEGRATION_TESTING

    def test_the_section_type_offers_the_registers_as_views(self):
        fti = api.portal.get_tool("portal_types")["Section"]
        fti.view_methods = ("listing_view",)
        issue15_pa.upgrade(api.portal.get_tool("portal_setup"))
        issue15_pa.upgrade(api.portal.get_tool("portal_setup"))  # twice: no duplicates
        self.assertEqual(fti.view_methods, ("listing_view", *issue15_pa.REGISTERS))
