"""What staff meet on every page (issue 15): each section offers only its own types; Plone's
words in Russian and Kazakh (status messages, the widgets, the display menu); the akimat's footer
instead of Plone's credits."""

from akimat.policy.sections import ensure_sections
from akimat.policy.sections import SECTIONS
from akimat.policy.testing import AKIMAT_POLICY_INTEGRATION_TESTING
from akimat.policy.tests.render_matrix import fresh_request
from plone import api
from zope.i18n import translate

import unittest


class TestSectionsOfferTheirTypes(unittest.TestCase):
    layer = AKIMAT_POLICY_INTEGRATION_TESTING

    def addable(self, folder):
        return sorted(fti.getId() for fti in folder.allowedContentTypes())

    def test_each_section_offers_only_its_types(self):
        """«Добавить» in «Обращения» offers appeals and reception schedules, not EasyForm or News
        Item; the site root offers what Plone offers."""
        portal = self.layer["portal"]
        with api.env.adopt_roles(["Manager"]):
            for section in SECTIONS:
                self.assertEqual(
                    self.addable(portal[section.id]), sorted(section.types), section.id
                )
            self.assertEqual(
                self.addable(portal["appeals"]), ["Appeal", "ReceptionSchedule"]
            )
            self.assertIn("News Item", self.addable(portal))

    def test_existing_sites_constrained_by_the_upgrade(self):
        """An existing site's sections, unconstrained, get their types from the upgrade."""
        from akimat.policy.upgrades.to_1012 import sections_and_menu as upgrade
        from plone.base.interfaces.constrains import ACQUIRE
        from plone.base.interfaces.constrains import ISelectableConstrainTypes

        portal = self.layer["portal"]
        with api.env.adopt_roles(["Manager"]):
            ISelectableConstrainTypes(portal["acts"]).setConstrainTypesMode(ACQUIRE)
            self.assertIn("News Item", self.addable(portal["acts"]))
            upgrade(api.portal.get_tool("portal_setup"))
            self.assertEqual(self.addable(portal["acts"]), ["Act"])
            ensure_sections()  # idempotent
            self.assertEqual(self.addable(portal["acts"]), ["Act"])


class TestPloneInOurLanguages(unittest.TestCase):
    layer = AKIMAT_POLICY_INTEGRATION_TESTING

    def test_plone_words_staff_meet_are_translated(self):
        for domain, msgid, english in (
            ("plone", "statusmessage_mtype_info", "Info:"),
            ("plone", "statusmessage_mtype_error", "Error:"),
            ("plone", "label_choose_item", "Select a content item"),
            ("plone", "by", "by"),
            ("widgets", "Browse", "Browse"),
            ("widgets", "Current path:", "Current path:"),
            ("widgets", "Favorites", "Favorites"),
        ):
            for language in ("ru", "kk"):
                text = translate(
                    msgid, domain=domain, target_language=language, default=english
                )
                self.assertNotIn(english, text, (domain, msgid, language))
                self.assertTrue(text, (domain, msgid, language))

    def test_footer_is_the_akimats(self):
        portal, _request = fresh_request(self.layer)
        with api.env.adopt_user(username="yessenova"):
            html = portal.unrestrictedTraverse("acts/signing").restrictedTraverse(
                "@@view"
            )()
        self.assertIn('id="akimat-footer"', html)
        self.assertNotIn('id="portal-colophon"', html)
        self.assertNotIn("plone.org/foundation", html)
