"""Sections: documents added at once never conflict on the section they are added to."""

from akimat.content.core.section import as_section
from akimat.content.core.section import Section
from akimat.content.testing import AKIMAT_CONTENT_INTEGRATION_TESTING
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import transaction
import unittest


class TestSection(unittest.TestCase):
    layer = AKIMAT_CONTENT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])

    def test_an_addition_leaves_the_section_unwritten(self):
        """Adding a document writes nothing of the section — no order list, no new modification
        date, no reindexing — while the document itself is added and indexed."""
        section = api.content.create(
            container=self.portal, type="Section", id="acts", title="Акты"
        )
        # The first addition gives the section its annotations (plone.app.contentrules).
        api.content.create(
            container=section, type="Document", id="first", title="Первое"
        )
        transaction.savepoint()  # the section as stored
        modified = section.modified()

        document = api.content.create(
            container=section, type="Document", id="letter", title="Письмо"
        )

        self.assertFalse(section._p_changed)
        self.assertEqual(section.modified(), modified)
        self.assertEqual(sorted(section.objectIds()), ["first", "letter"])
        self.assertEqual(len(api.content.find(context=section, id="letter")), 1)
        self.assertEqual(document.__parent__.aq_base, section.aq_base)

    def test_a_folder_becomes_a_section_with_its_content(self):
        """An existing folder becomes a Section in place, with its documents and local roles."""
        folder = api.content.create(
            container=self.portal, type="Folder", id="old", title="Старая папка"
        )
        api.content.create(container=folder, type="Document", id="one", title="Один")
        api.content.create(container=folder, type="Document", id="two", title="Два")
        api.user.grant_roles(username=TEST_USER_ID, roles=["Editor"], obj=folder)

        section = as_section(folder)

        self.assertIsInstance(section.aq_base, Section)
        self.assertIsInstance(self.portal["old"].aq_base, Section)
        self.assertEqual(section.portal_type, "Section")
        self.assertEqual(sorted(section.objectIds()), ["one", "two"])
        self.assertIn("Editor", section.get_local_roles_for_userid(TEST_USER_ID))
        self.assertEqual(
            api.content.find(portal_type="Section", id="old")[0].getObject().aq_base,
            section.aq_base,
        )
        api.content.create(container=section, type="Document", id="three", title="Три")
        self.assertEqual(sorted(section.objectIds()), ["one", "three", "two"])
