"""akimat.policy: the site, its organisation, sections and languages; install and uninstall."""

from akimat.policy.demo import DEMO_USERS
from akimat.policy.interfaces import IAkimatPolicyLayer
from akimat.policy.login_throttle import PLUGIN_ID
from akimat.policy.organisation import DEPARTMENTS
from akimat.policy.organisation import group_ids
from akimat.policy.sections import SECTIONS
from akimat.policy.setuphandlers import HiddenProfiles
from akimat.policy.testing import AKIMAT_POLICY_INTEGRATION_TESTING
from iw.rejectanonymous import IPrivateSite
from plone import api
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.base.utils import get_installer
from plone.browserlayer.utils import registered_layers
from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin
from zope.i18n import translate

import unittest


class TestInstall(unittest.TestCase):
    layer = AKIMAT_POLICY_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]

    def test_dependencies_installed(self):
        for addon in (
            "akimat.content",
            "plone.restapi",
            "collective.easyform",
            "akimat.policy",
        ):
            with self.subTest(addon=addon):
                self.assertTrue(get_installer(self.portal).is_product_installed(addon))

    def test_site_settings(self):
        record = api.portal.get_registry_record
        self.assertEqual(record("plone.site_title"), "Аппарат акима района Байдибек")
        self.assertEqual(record("plone.available_languages"), ["ru", "kk"])
        self.assertEqual(record("plone.default_language"), "ru")
        self.assertTrue(record("plone.use_cookie_negotiation"))
        self.assertEqual(record("plone.portal_timezone"), "Asia/Almaty")
        self.assertEqual(record("plone.first_weekday"), 0)
        self.assertIn(IAkimatPolicyLayer, registered_layers())
        self.assertEqual(self.portal.getLayout(), "akimat-home")

    def test_workflow_words_in_russian_and_kazakh(self):
        """Plone translates workflow states in its `plone` domain; ours are in both languages."""
        for language, text in (
            ("ru", "Опубликовано для сотрудников"),
            ("kk", "Қызметкерлер үшін жарияланған"),
        ):
            with self.subTest(language=language):
                self.assertEqual(
                    translate(
                        "Published for staff", domain="plone", target_language=language
                    ),
                    text,
                )

    def test_organisation_groups(self):
        expected = {
            "akim",
            "deputy-akims",
            "head-of-apparatus",
            "deputy-heads-of-apparatus",
            "legal-consultant",
            "odk",
            "orgotdel",
            "svodny-otdel",
            "appeals",
            "press-secretary",
            "hr",
            "it-security",
            "finance",
            "economy",
            "akimat-members",
        }
        existing = {group.id for group in api.group.get_groups()}
        self.assertLessEqual(expected, existing)
        self.assertLessEqual({f"{unit.id}-heads" for unit in DEPARTMENTS}, existing)
        self.assertLessEqual(set(group_ids()), existing)

    def test_site_roles_of_control(self):
        """R12.7a/R12.14: the akim and the head of apparatus lead, the ОДК controls."""
        for username, role in (
            ("seitzhanov", "Leadership"),
            ("omarova", "Leadership"),
            ("abdrakhmanov", "Deputy Akim"),
            ("petrova", "Control Officer"),
        ):
            with self.subTest(user=username):
                self.assertIn(
                    role, api.user.get_roles(username=username, obj=self.portal)
                )
        self.assertNotIn(
            "Leadership", api.user.get_roles(username="yessenova", obj=self.portal)
        )

    def test_control_pages_in_the_personal_menu(self):
        """R12.4a/R12.4b: everyone finds his assignments; only the ОДК and leadership the lists;
        the dashboard is on the control list, not in the personal menu (issue 15)."""

        def menu(username):
            with api.env.adopt_user(username=username):
                actions = self.portal.portal_actions.listFilteredActionsFor(self.portal)
            return {action["id"] for action in actions["user"]}

        self.assertIn("akimat-my-assignments", menu("tursynbayev"))
        self.assertNotIn("akimat-control-list", menu("tursynbayev"))
        self.assertIn("akimat-control-list", menu("tulegenova"))
        self.assertNotIn("akimat-control-dashboard", menu("tulegenova"))
        self.assertIn("akimat-control-list", menu("seitzhanov"))

    def test_upgrade_to_1001_gives_site_roles(self):
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        api.group.revoke_roles(groupname="akim", roles=["Leadership"], obj=self.portal)
        from akimat.policy.upgrades import to_1001

        to_1001(self.portal.portal_setup)
        self.assertIn(
            "Leadership", api.group.get_roles(groupname="akim", obj=self.portal)
        )

    def test_sections_with_local_roles(self):
        for section in SECTIONS:
            with self.subTest(section=section.id):
                folder = self.portal[section.id]
                for group, roles in section.roles.items():
                    granted = api.group.get_roles(
                        groupname=group, obj=folder, inherit=False
                    )
                    self.assertLessEqual(set(roles), set(granted))
        self.assertEqual(self.portal["library"].title, "Библиотека документов")
        self.assertEqual(self.portal["library"]["akimat-to"].title, "Акимат ТО")

    def test_site_closed_and_log_ins_throttled(self):
        """The site turns anonymous visitors away (closed_intranet.py); the log-in throttle
        comes first of the authentication plugins, once, also after a reinstall."""
        self.assertTrue(IPrivateSite.providedBy(self.portal))
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.portal.portal_setup.runAllImportStepsFromProfile(
            "profile-akimat.policy:default"
        )
        plugins = self.portal.acl_users.plugins.listPluginIds(IAuthenticationPlugin)
        self.assertEqual(plugins[0], PLUGIN_ID)
        self.assertEqual(plugins.count(PLUGIN_ID), 1)

    def test_reinstall_keeps_everything(self):
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.portal["meetings"].setTitle("Заседания и совещания")
        before = (self.portal.objectIds(), len(api.group.get_groups()))
        self.portal.portal_setup.runAllImportStepsFromProfile(
            "profile-akimat.policy:default"
        )
        self.assertEqual((self.portal.objectIds(), len(api.group.get_groups())), before)
        self.assertEqual(self.portal["meetings"].title, "Заседания и совещания")

    def test_uninstall(self):
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        # The layer's transaction is aborted afterwards: the next test has it installed again.
        get_installer(self.portal).uninstall_product("akimat.policy")
        self.assertNotIn(IAkimatPolicyLayer, registered_layers())
        self.assertNotEqual(self.portal.getLayout(), "akimat-home")
        self.assertEqual(
            self.portal.portal_workflow.getDefaultChain(),
            ("simple_publication_workflow",),
        )
        self.assertNotIn(
            "akimat-my-assignments", self.portal.portal_actions.user.objectIds()
        )
        self.assertFalse(IPrivateSite.providedBy(self.portal))
        self.assertNotIn(PLUGIN_ID, self.portal.acl_users.objectIds())
        self.assertEqual(
            self.portal.portal_actions.site_actions.sitemap.permissions, ("View",)
        )


class TestAccess(unittest.TestCase):
    layer = AKIMAT_POLICY_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]

    def test_anonymous_sees_nothing(self):
        """The intranet is closed to anonymous visitors: no root, no section, no search result."""
        logout()
        self.assertFalse(api.user.has_permission("View", obj=self.portal))
        for section in SECTIONS:
            with self.subTest(section=section.id):
                self.assertFalse(
                    api.user.has_permission("View", obj=self.portal[section.id])
                )
        self.assertEqual(len(api.content.find(portal_type="Folder")), 0)

    def test_staff_see_the_open_sections(self):
        with api.env.adopt_user(username="tursynbayev"):
            for section in SECTIONS:
                with self.subTest(section=section.id):
                    self.assertEqual(
                        api.user.has_permission("View", obj=self.portal[section.id]),
                        not section.confidential,
                    )

    def test_appeals_section_only_for_the_appeals_department(self):
        """R13.2: appeals are seen by the appeals department, not by other staff or heads."""
        appeals = self.portal["appeals"]
        for username in ("kim", "satybaldieva"):
            with api.env.adopt_user(username=username):
                self.assertTrue(api.user.has_permission("View", obj=appeals))
        for username in ("yessenova", "tulegenova", "abdrakhmanov"):
            with self.subTest(user=username), api.env.adopt_user(username=username):
                self.assertFalse(api.user.has_permission("View", obj=appeals))
                self.assertEqual(len(api.content.find(UID=appeals.UID())), 0)


class TestDemo(unittest.TestCase):
    layer = AKIMAT_POLICY_INTEGRATION_TESTING

    def test_demo_users_in_every_group(self):
        for demo in DEMO_USERS:
            with self.subTest(user=demo.username):
                user = api.user.get(username=demo.username)
                self.assertIsNotNone(user)
                self.assertEqual(user.getProperty("fullname"), demo.fullname)
                groups = {group.id for group in api.group.get_groups(user=user)}
                self.assertLessEqual(set(demo.groups), groups)
        for group_id in group_ids():
            with self.subTest(group=group_id):
                self.assertTrue(api.user.get_users(groupname=group_id))

    def test_demo_acts_in_each_state(self):
        """R10.16: the demo shows acts on every step of their way, one registered with a number."""
        acts = self.layer["portal"]["acts"]
        states = {
            act_id: api.content.get_state(acts[act_id]) for act_id in acts.objectIds()
        }
        self.assertEqual(
            states,
            {
                "draft": "draft",
                "legal-review": "legal_review",
                "agreement": "agreement",
                "signing": "signing",
                "signed": "signed",
                "registered": "registered",
                "withdrawn": "withdrawn",
                "returned": "draft",
            },
        )
        self.assertEqual(acts["registered"].registration_number, 1)
        self.assertIsNotNone(acts["registered"].distributed_on)

    def test_demo_assignments_in_every_colour(self):
        """R12.4c: the demo shows every colour of the traffic light."""
        lights = {
            a.traffic_light()
            for a in self.layer["portal"]["assignments"].objectValues()
        }
        self.assertEqual(lights, {"green", "yellow", "red", "grey"})

    def test_production_install_adds_no_demo_users(self):
        """Only the demo profile adds users: the default profile, run again, brings none back."""
        setRoles(self.layer["portal"], TEST_USER_ID, ["Manager"])
        api.user.delete(username="seitzhanov")
        self.layer["portal"].portal_setup.runAllImportStepsFromProfile(
            "profile-akimat.policy:default"
        )
        self.assertIsNone(api.user.get(username="seitzhanov"))
        self.assertIn(
            "akimat.policy:demo", HiddenProfiles().getNonInstallableProfiles()
        )


class TestDemoActsForApprovers(unittest.TestCase):
    layer = AKIMAT_POLICY_INTEGRATION_TESTING

    def test_approver_finds_the_demo_act_awaiting_his_visa(self):
        """R10.4a: an approver of the demo act finds it among the acts awaiting his visa."""
        from akimat.content.agreement import visas

        act = self.layer["portal"]["acts"]["agreement"]
        approver = visas.pending(act)[0].approver
        with api.env.adopt_user(username=approver):
            found = api.content.find(portal_type="Act", awaiting_visa=approver)
        self.assertEqual([brain.getId for brain in found], ["agreement"])
