"""Upgrade steps of akimat.policy, run on the test site as portal_setup runs them."""

from akimat.content.core.section import Section
from akimat.content.reminders.urgent import OPT_OUT as URGENT_MAIL_OFF
from akimat.policy.appeal_form import fields_model
from akimat.policy.appeal_form import FORM_ID
from akimat.policy.login_throttle import PLUGIN_ID
from akimat.policy.login_throttle import SETTINGS_PREFIX
from akimat.policy.organisation import DEPARTMENTS
from akimat.policy.testing import AKIMAT_POLICY_INTEGRATION_TESTING
from akimat.policy.tests.test_quiet_pages import left_column
from importlib import resources
from iw.rejectanonymous import IPrivateSite
from plone import api
from plone.app.contenttypes.content import Folder
from plone.app.contenttypes.utils import migrate_base_class_to_new_class
from plone.app.portlets.portlets.navigation import Assignment as NavigationAssignment
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.users.browser.schemaeditor import set_schema
from plone.app.users.browser.userdatapanel import getUserDataSchema
from plone.app.viewletmanager.interfaces import IViewletSettingsStorage
from plone.supermodel import loadString
from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin
from zope.component import getUtility
from zope.interface import noLongerProvides
from zope.schema import getFieldNamesInOrder

import unittest


PROFILE = "akimat.policy:default"
LATEST = "1012"

# Enough of the form of 1004 to tell it from today's: no staff fields.
FIELDS_OF_1004 = (
    '<model xmlns="http://namespaces.plone.org/supermodel/schema"><schema>'
    '<field name="applicant_name" type="zope.schema.TextLine"><title>Name</title></field>'
    "</schema></model>"
)


class TestUpgradeTo1003(unittest.TestCase):
    layer = AKIMAT_POLICY_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.setup = self.portal.portal_setup
        setRoles(self.portal, TEST_USER_ID, ["Manager"])

    def roles(self, group):
        return set(
            api.group.get_roles(
                groupname=group, obj=self.portal["protocols"], inherit=False
            )
        )

    def test_departments_draw_up_protocols_after_the_upgrade(self):
        """R5.46, R5.54: after 1002 → 1003 every department may add protocols; the ОДК keeps its roles."""
        self.assertEqual(self.setup.getVersionForProfile(PROFILE), LATEST)
        protocols = self.portal["protocols"]
        for unit in DEPARTMENTS:
            protocols.manage_delLocalRoles([unit.id])
        self.setup.setLastVersionForProfile(PROFILE, "1002")
        # A version with several steps (upgradeSteps) is listed as a list of them.
        steps = [
            step if isinstance(step, dict) else step[0]
            for step in self.setup.listUpgrades(PROFILE)
        ]
        self.assertEqual(
            [(step["ssource"], step["sdest"]) for step in steps],
            [
                ("1002", "1003"),
                ("1003", "1004"),
                ("1004", "1005"),
                ("1005", "1006"),
                ("1006", "1007"),
                ("1007", "1008"),
                ("1008", "1009"),
                ("1009", "1010"),
                ("1010", "1011"),
                ("1011", "1012"),
            ],
        )

        self.setup.upgradeProfile(PROFILE)

        self.assertEqual(self.setup.getLastVersionForProfile(PROFILE), (LATEST,))
        for unit in DEPARTMENTS:
            with self.subTest(department=unit.id):
                self.assertIn("Contributor", self.roles(unit.id))
        self.assertLessEqual(
            {"Contributor", "Editor", "Reader", "Reviewer"}, self.roles("odk")
        )
        with api.env.adopt_user(username="tursynbayev"):  # economy
            self.assertTrue(
                api.user.has_permission("akimat.content: Add Protocol", obj=protocols)
            )


class TestUpgradeTo1005(unittest.TestCase):
    layer = AKIMAT_POLICY_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.setup = self.portal.portal_setup
        setRoles(self.portal, TEST_USER_ID, ["Manager"])

    def test_appeal_form_gets_the_staff_fields(self):
        """R13.6, R13.10: after 1004 → 1005 the existing appeal form has the staff fields, first."""
        form = self.portal[FORM_ID]
        form.fields_model = FIELDS_OF_1004
        self.setup.setLastVersionForProfile(PROFILE, "1004")

        self.setup.upgradeProfile(PROFILE)

        self.assertEqual(self.setup.getLastVersionForProfile(PROFILE), (LATEST,))
        self.assertEqual(form.fields_model, fields_model())
        fields = getFieldNamesInOrder(loadString(form.fields_model).schema)
        self.assertEqual(fields[:3], ["channel", "received_at", "oral_record"])


class TestUpgradeTo1006(unittest.TestCase):
    layer = AKIMAT_POLICY_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.setup = self.portal.portal_setup
        setRoles(self.portal, TEST_USER_ID, ["Manager"])

    def test_department_heads_publish_in_their_folder_only(self):
        """R9.10d: after 1005 → 1006 each department has its folder in «Акимат ТО»; its heads no
        longer add to the whole library."""
        library = self.portal["library"]
        for unit in DEPARTMENTS:
            api.group.grant_roles(
                groupname=unit.heads_id, roles=["Contributor"], obj=library
            )
        self.setup.setLastVersionForProfile(PROFILE, "1005")

        self.setup.upgradeProfile(PROFILE)

        self.assertEqual(self.setup.getLastVersionForProfile(PROFILE), (LATEST,))
        for unit in DEPARTMENTS:
            with self.subTest(department=unit.id):
                self.assertNotIn(
                    "Contributor",
                    api.group.get_roles(
                        groupname=unit.heads_id, obj=library, inherit=False
                    ),
                )
                self.assertIn(unit.id, library["akimat-to"])


class TestUpgradeTo1007(unittest.TestCase):
    layer = AKIMAT_POLICY_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.setup = self.portal.portal_setup
        setRoles(self.portal, TEST_USER_ID, ["Manager"])

    def test_sections_become_sections_with_everything_in_them(self):
        """1006 → 1007: the top folders of a site of 1006 become Sections in place: their
        documents, local roles and state stay, and an appeal added afterwards is found."""
        appeals = self.portal["appeals"]
        appeals.portal_type = "Folder"
        migrate_base_class_to_new_class(appeals)  # as a site of 1006 has it
        appeals = self.portal["appeals"]
        appeals.setOrdering("")
        documents = sorted(appeals.objectIds())
        roles = {
            principal: set(granted) for principal, granted in appeals.get_local_roles()
        }
        self.assertIsInstance(appeals.aq_base, Folder)
        self.setup.setLastVersionForProfile(PROFILE, "1006")

        self.setup.upgradeProfile(PROFILE)

        self.assertEqual(self.setup.getLastVersionForProfile(PROFILE), (LATEST,))
        appeals = self.portal["appeals"]
        self.assertEqual(appeals.portal_type, "Section")
        self.assertIsInstance(appeals.aq_base, Section)
        self.assertEqual(sorted(appeals.objectIds()), documents)
        self.assertEqual(
            {
                principal: set(granted)
                for principal, granted in appeals.get_local_roles()
            },
            roles,
        )
        self.assertTrue(appeals.__ac_local_roles_block__)
        self.assertEqual(api.content.get_state(self.portal["acts"]), "internal")
        for section in (
            "meetings",
            "acts",
            "protocols",
            "assignments",
            "appeals",
            "library",
        ):
            with self.subTest(section=section):
                self.assertEqual(self.portal[section].portal_type, "Section")
        self.assertEqual(self.portal["library"]["akimat-to"].portal_type, "Folder")


class TestUpgradeTo1008(unittest.TestCase):
    layer = AKIMAT_POLICY_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.setup = self.portal.portal_setup
        setRoles(self.portal, TEST_USER_ID, ["Manager"])

    def test_site_closed_and_log_ins_paused(self):
        """After 1007 → 1008 anonymous visitors are turned away from all but the login and the
        appeal form, REST included; the throttle of log-ins is first of the authentication
        plugins, with its limits in the registry; the footer's staff pages are staff's. The
        registry's other settings stay as the administrators left them."""
        portal, registry = self.portal, self.portal.portal_registry
        noLongerProvides(portal, IPrivateSite)
        portal.acl_users.manage_delObjects([PLUGIN_ID])
        for name in list(registry.records.keys()):
            if name.startswith(SETTINGS_PREFIX):
                del registry.records[name]
        portal.manage_permission(
            "plone.restapi: Use REST API", ["Anonymous"], acquire=True
        )
        portal.portal_actions.site_actions.sitemap.permissions = ("View",)
        registry["plone.site_title"] = "Changed by an administrator"
        self.setup.setLastVersionForProfile(PROFILE, "1007")

        self.setup.upgradeProfile(PROFILE)

        self.assertEqual(self.setup.getLastVersionForProfile(PROFILE), (LATEST,))
        self.assertTrue(IPrivateSite.providedBy(portal))
        self.assertEqual(
            portal.acl_users.plugins.listPluginIds(IAuthenticationPlugin)[0], PLUGIN_ID
        )
        self.assertEqual(registry[f"{SETTINGS_PREFIX}.failures_per_login"], 5)
        self.assertEqual(registry[f"{SETTINGS_PREFIX}.pause_minutes"], 15)
        roles = {
            role["name"]
            for role in portal.rolesOfPermission("plone.restapi: Use REST API")
            if role["selected"]
        }
        self.assertEqual(roles, {"Authenticated"})
        self.assertEqual(
            portal.portal_actions.site_actions.sitemap.permissions,
            ("Set own properties",),
        )
        self.assertEqual(registry["plone.site_title"], "Changed by an administrator")


class TestUpgradeTo1009(unittest.TestCase):
    layer = AKIMAT_POLICY_INTEGRATION_TESTING

    def test_the_header_has_no_personal_bar_of_plone_5(self):
        """After 1008 → 1009 the closed site's header does not render iw.rejectanonymous's
        personal bar, which has no template in Plone 6 and logged an error on every page."""
        portal = self.layer["portal"]
        setRoles(portal, TEST_USER_ID, ["Manager"])
        storage = getUtility(IViewletSettingsStorage)
        skin = portal.portal_skins.getDefaultSkin()
        storage.setHidden("plone.portalheader", skin, ())
        setup = portal.portal_setup
        setup.setLastVersionForProfile(PROFILE, "1008")

        setup.upgradeProfile(PROFILE)

        self.assertIn(
            "plone.personal_bar", storage.getHidden("plone.portalheader", skin)
        )


class TestUpgradeTo1010(unittest.TestCase):
    layer = AKIMAT_POLICY_INTEGRATION_TESTING

    def test_personal_information_offers_to_turn_urgent_mails_off(self):
        """After 1009 → 1010 the personal information form has the choice not to get urgent
        items by mail at once, and every person gets them until he turns them off."""
        portal = self.layer["portal"]
        setRoles(portal, TEST_USER_ID, ["Manager"])
        set_schema(_plone_user_schema())
        memberdata = api.portal.get_tool("portal_memberdata")
        memberdata._delProperty(URGENT_MAIL_OFF)
        setup = portal.portal_setup
        setup.setLastVersionForProfile(PROFILE, "1009")

        setup.upgradeProfile(PROFILE)

        self.assertIn(URGENT_MAIL_OFF, getUserDataSchema())
        self.assertFalse(api.user.get(userid="kim").getProperty(URGENT_MAIL_OFF))


class TestUpgradeTo1011(unittest.TestCase):
    layer = AKIMAT_POLICY_INTEGRATION_TESTING

    def test_pages_lose_the_byline_and_the_navigation_portlet(self):
        """After 1010 → 1011 no page shows the byline, and the site root's left column no
        longer has Plone's navigation portlet listing the page itself (issue 14)."""
        portal = self.layer["portal"]
        setRoles(portal, TEST_USER_ID, ["Manager"])
        storage = getUtility(IViewletSettingsStorage)
        skin = portal.portal_skins.getDefaultSkin()
        storage.setHidden("plone.belowcontenttitle", skin, ())
        left = left_column(portal)
        left["navigation"] = NavigationAssignment()
        setup = portal.portal_setup
        setup.setLastVersionForProfile(PROFILE, "1010")

        setup.upgradeProfile(PROFILE)

        self.assertIn(
            "plone.documentbyline", storage.getHidden("plone.belowcontenttitle", skin)
        )
        self.assertNotIn("navigation", left_column(portal))


def _plone_user_schema():
    """The user schema plone.app.users installs."""
    return (
        resources.files("plone.app.users") / "profiles" / "default" / "userschema.xml"
    ).read_text()
