"""The menu's sections open their registers (issue 15): each section's default view is its
register, filtered to what the catalog shows the person; the appeals register is found by
the appeals department only (R13.2)."""

from akimat.content import _
from akimat.policy.testing import AKIMAT_POLICY_INTEGRATION_TESTING
from akimat.policy.tests.render_matrix import fresh_request
from akimat.policy.upgrades import to_1012
from plone import api
from zExceptions import Unauthorized
from zope.i18n import translate

import unittest


class TestSectionRegisters(unittest.TestCase):
    layer = AKIMAT_POLICY_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]

    def section(self, username, section_id, **form):
        """The section as the menu opens it: its default view, as the person."""
        portal, request = fresh_request(self.layer)
        request.form.update(form)
        with api.env.adopt_user(username=username):
            folder = portal.restrictedTraverse(section_id)
            return folder.restrictedTraverse(folder.getLayout())()

    def test_every_section_opens_its_register(self):
        cases = {
            "acts": 'id="act-filters"',
            "protocols": 'id="protocol-filters"',
            "assignments": 'id="control-list-filters"',
        }
        for section_id, mark in cases.items():
            with self.subTest(section=section_id):
                self.assertIn(mark, self.section("tursynbayev", section_id))

    def test_controllers_get_the_full_control_list_and_staff_their_filters(self):
        """R12.4a, R12.4b: the ОДК gets every filter, the weekly list, the dashboard and the
        export; a department head the overdue and «my department» filters, no export."""
        odk = self.section("tulegenova", "assignments")
        for mark in (
            "control-list-export",
            "control-list-weekly",
            "control-list-dashboard",
        ):
            self.assertIn(f'id="{mark}"', odk)
        head = self.section("yessenova", "assignments")
        self.assertIn('id="control-list-scope"', head)
        self.assertIn('id="control-list-state"', head)
        self.assertNotIn('id="control-list-export"', head)
        self.assertNotIn('id="control-list-executor"', head)

    def test_a_head_finds_her_departments_overdue_assignments(self):
        """R12.4b: «просроченные» + «мой отдел» list the economy department's overdue one."""
        overdue = self.portal["assignments"]["assignment-1"]
        html = self.section(
            "yessenova", "assignments", state="overdue", scope="department"
        )
        self.assertIn(overdue.absolute_url(), html)
        self.assertNotIn('data-traffic-light="green"', html)

    def test_the_appeals_register_is_the_appeals_sections_view(self):
        """R13.2: the appeals department opens the register from the menu; others do not see
        the section, in the menu or by its address."""
        self.assertIn('id="appeals-register-filters"', self.section("kim", "appeals"))
        with self.assertRaises(Unauthorized):
            self.section("yessenova", "appeals")

    def test_a_search_for_the_register_finds_it_for_the_appeals_department_only(self):
        """R13.2: «Реестр обращений» finds the appeals section, for those who may see it."""
        description = translate(
            self.portal["appeals"].Description(), target_language="ru"
        )
        words = " ".join(description.split()[:2])  # «Реестр обращений»
        for username, found in (("kim", True), ("yessenova", False)):
            with api.env.adopt_user(username=username):
                paths = [b.getPath() for b in api.content.find(SearchableText=words)]
            with self.subTest(username=username):
                self.assertEqual(
                    "/".join(self.portal["appeals"].getPhysicalPath()) in paths, found
                )

    def test_the_site_map_leads_to_the_appeals_register_for_the_department_only(self):
        """R13.2: the site map lists «Обращения» (whose view is the register) for the appeals
        department, and not for others."""
        appeals = self.portal["appeals"].absolute_url()
        for username, listed in (("kim", True), ("yessenova", False)):
            portal, _request = fresh_request(self.layer)
            with api.env.adopt_user(username=username):
                html = portal.restrictedTraverse("@@sitemap")()
            with self.subTest(username=username):
                self.assertEqual(f'href="{appeals}"' in html, listed)

    def test_the_weekly_list_says_so_in_its_heading_and_title(self):
        """R12.4a: the weekly list for the leadership is named in the page and the browser."""
        html = self.section("tulegenova", "assignments", preset="weekly")
        weekly = translate(
            _("Weekly control list for the leadership"), target_language="ru"
        )
        self.assertIn("data-weekly", html)
        self.assertIn(f"<title>{weekly}", html)

    def test_the_dashboard_is_not_in_the_personal_menu(self):
        self.assertNotIn(
            "akimat-control-dashboard", api.portal.get_tool("portal_actions").user
        )

    def test_upgrade_brings_an_existing_site_to_the_registers(self):
        actions = api.portal.get_tool("portal_actions").user
        self.portal["appeals"].setLayout("listing_view")
        self.portal["appeals"].setDescription("Обращения граждан")
        self.portal["appeals"].reindexObject()
        with api.env.adopt_roles(["Manager"]):
            to_1012.sections_and_menu(api.portal.get_tool("portal_setup"))
        self.assertEqual(self.portal["appeals"].getLayout(), "appeals-section")
        self.assertEqual(
            self.portal["appeals"].Description(),
            translate(
                _(
                    "Register of appeals of citizens and organisations. Seen only by the "
                    "appeals department and those assigned to an appeal."
                ),
                target_language="ru",
            ),
        )
        self.assertNotIn("akimat-control-dashboard", actions)
