"""The upgrade of existing sites to the sections' registers (1010, issue 15)."""

from akimat.content.testing import AKIMAT_CONTENT_INTEGRATION_TESTING
from akimat.content.upgrades import to_1010
from plone import api

import unittest


class TestUpgrade(unittest.TestCase):
    layer = AKIMAT_CONTENT_INTEGRATION_TESTING

    def test_the_section_type_offers_the_registers_as_views(self):
        fti = api.portal.get_tool("portal_types")["Section"]
        fti.view_methods = ("listing_view",)
        to_1010.section_registers(api.portal.get_tool("portal_setup"))
        to_1010.section_registers(
            api.portal.get_tool("portal_setup")
        )  # twice: no duplicates
        self.assertEqual(fti.view_methods, ("listing_view", *to_1010.REGISTERS))
