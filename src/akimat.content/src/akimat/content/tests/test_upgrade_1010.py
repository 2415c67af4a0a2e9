"""The upgrade of existing sites to the sections' registers (1010, issue 15)."""

from akimat.content.testing import AKIMAT_CONTENT_INTEGRATION_TESTING
from akimat.content.upgrades import to_1010
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

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


class TestSubstitutesAsRows(unittest.TestCase):
    layer = AKIMAT_CONTENT_INTEGRATION_TESTING

    def test_the_lines_approver_substitute_become_rows(self):
        """R11.4: the substitutes named before the table keep standing in."""
        setRoles(self.layer["portal"], TEST_USER_ID, ["Manager"])
        act = api.content.create(
            container=self.layer["portal"], type="Act", title="Акт", kind="decision"
        )
        act.substitutes = ["omarova ibraimov", "malformed", "kozlov  kuznetsova"]
        setup = api.portal.get_tool("portal_setup")
        to_1010.substitutes_as_rows(setup)
        to_1010.substitutes_as_rows(setup)  # twice: rows stay rows
        self.assertEqual(
            act.substitutes,
            [
                {"approver": "omarova", "substitute": "ibraimov"},
                {"approver": "kozlov", "substitute": "kuznetsova"},
            ],
        )
        self.assertEqual(
            act.substitute_map(), {"omarova": "ibraimov", "kozlov": "kuznetsova"}
        )

    def test_the_table_add_on_is_installed(self):
        setup = api.portal.get_tool("portal_setup")
        setup.unsetLastVersionForProfile(to_1010.DATAGRID[len("profile-") :])
        to_1010.datagrid_installed(setup)
        self.assertNotEqual(setup.getLastVersionForProfile(to_1010.DATAGRID), "unknown")
