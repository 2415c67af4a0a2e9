"""akimat.content installs its registry records, browser layer and control panel, and uninstalls."""

from akimat.content import old_names
from akimat.content.acts.act import Act
from akimat.content.agreement import visas
from akimat.content.control.assignment import Assignment
from akimat.content.core import numbering
from akimat.content.core.calendar import get_calendar
from akimat.content.interfaces import IAkimatContentLayer
from akimat.content.interfaces import ICalendarSettings
from akimat.content.library import stemming
from akimat.content.meetings import votes
from akimat.content.meetings.meeting import Meeting
from akimat.content.testing import AKIMAT_CONTENT_INTEGRATION_TESTING
from datetime import date
from plone import api
from plone.app.contenttypes.interfaces import IFolder
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.base.utils import get_installer
from plone.browserlayer.utils import registered_layers
from Products.CMFCore.indexing import processQueue
from types import SimpleNamespace
from zope.annotation.interfaces import IAnnotations
from zope.dottedname.resolve import resolve
from zope.i18n import translate
from zope.interface import alsoProvides

import pickle
import unittest


class TestInstall(unittest.TestCase):
    layer = AKIMAT_CONTENT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]

    def test_product_installed(self):
        self.assertTrue(
            get_installer(self.portal).is_product_installed("akimat.content")
        )

    def test_browser_layer_and_registry(self):
        self.assertIn(IAkimatContentLayer, registered_layers())
        self.assertEqual(
            api.portal.get_registry_record(
                "extra_holidays", interface=ICalendarSettings
            ),
            [],
        )

    def test_calendar_control_panel(self):
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.assertIn(
            "akimat-calendar",
            [c.id for c in self.portal.portal_controlpanel.listActions()],
        )

    def test_calendar_control_panel_renders_for_managers(self):
        """R0.1: the administrator edits extra days off and working days in Site setup."""
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        alsoProvides(self.layer["request"], IAkimatContentLayer)
        html = self.portal.restrictedTraverse("@@calendar-controlpanel")()
        self.assertIn("form.widgets.extra_holidays", html)
        self.assertIn("form.widgets.extra_working_days", html)

    def test_uninstall(self):
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        # The layer's transaction is aborted afterwards: the next test has it installed again.
        get_installer(self.portal).uninstall_product("akimat.content")
        self.assertNotIn(IAkimatContentLayer, registered_layers())
        self.assertNotIn(
            f"{ICalendarSettings.__identifier__}.extra_holidays",
            api.portal.get_tool("portal_registry"),
        )
        self.assertNotIn(
            "akimat-calendar",
            [c.id for c in self.portal.portal_controlpanel.listActions()],
        )


class TestCalendarInTheSite(unittest.TestCase):
    layer = AKIMAT_CONTENT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]

    def test_registry_transfer_moves_deadlines_without_code_change(self):
        """R0.1/R0.2: a day transfer the administrator enters in the registry changes deadlines."""
        api.portal.set_registry_record(
            "extra_holidays",
            ["2026-12-18 Перенос выходного"],
            interface=ICalendarSettings,
        )
        api.portal.set_registry_record(
            "extra_working_days",
            ["2026-12-19 Рабочая суббота"],
            interface=ICalendarSettings,
        )
        calendar = get_calendar()
        self.assertEqual(calendar.deadline(date(2026, 12, 18)), date(2026, 12, 19))
        self.assertEqual(
            calendar.add_working_days(date(2026, 12, 17), 2), date(2026, 12, 21)
        )

    def test_malformed_registry_line_is_refused(self):
        """R0.1: the registry refuses a line that is not «YYYY-MM-DD note»."""
        from zope.interface import Invalid

        field = ICalendarSettings["extra_holidays"]
        with self.assertRaises(Invalid):
            field.validate(["2026-12-18 Перенос", "18.12.2026 Перенос"])

    def names(self, day, language):
        return [
            translate(name, target_language=language)
            for name in get_calendar().day_off(day).names
        ]

    def test_holiday_names_in_russian_and_kazakh(self):
        """R0.1: holiday names come from our catalog in Russian and in Kazakh."""
        self.assertEqual(self.names(date(2026, 3, 23), "ru"), ["Наурыз мейрамы"])
        self.assertEqual(self.names(date(2026, 12, 16), "ru"), ["День Независимости"])
        self.assertEqual(self.names(date(2026, 12, 16), "kk"), ["Тәуелсіздік күні"])
        self.assertEqual(
            self.names(date(2026, 3, 24), "ru"),
            ["Наурыз мейрамы (перенесённый выходной)"],
        )
        self.assertEqual(
            self.names(date(2024, 5, 8), "ru"),
            ["Выходной день (перенесён с 04.05.2024)"],
        )


class TestUpgradeTo1006(unittest.TestCase):
    layer = AKIMAT_CONTENT_INTEGRATION_TESTING

    def test_full_text_gets_the_stemmer(self):
        """1005 → 1006: the site's SearchableText moves to the lexicon with the Russian stemmer,
        and the Report type and its workflow are there."""
        portal = self.layer["portal"]
        setRoles(portal, TEST_USER_ID, ["Manager"])
        catalog = api.portal.get_tool("portal_catalog")
        catalog.delIndex("SearchableText")
        catalog.addIndex(
            "SearchableText",
            "ZCTextIndex",
            extra=SimpleNamespace(
                doc_attr="SearchableText",
                lexicon_id="plone_lexicon",
                index_type="Okapi BM25 Rank",
            ),
        )
        setup = portal.portal_setup
        setup.setLastVersionForProfile("akimat.content:default", "1005")

        setup.upgradeProfile("akimat.content:default")

        self.assertEqual(
            setup.getLastVersionForProfile("akimat.content:default"),
            (setup.getVersionForProfile("akimat.content:default"),),
        )
        self.assertEqual(
            catalog._catalog.getIndex("SearchableText").lexicon_id, stemming.LEXICON_ID
        )
        self.assertIn("Report", api.portal.get_tool("portal_types"))
        self.assertEqual(
            api.portal.get_tool("portal_workflow").getChainForPortalType("Report"),
            ("akimat_report_workflow",),
        )


class TestUpgradeTo1007(unittest.TestCase):
    layer = AKIMAT_CONTENT_INTEGRATION_TESTING

    def test_the_section_type_is_added(self):
        """1006 → 1007: the Section type and who may add one."""
        portal = self.layer["portal"]
        setRoles(portal, TEST_USER_ID, ["Manager"])
        types = api.portal.get_tool("portal_types")
        types.manage_delObjects(["Section"])
        portal.manage_permission("akimat.content: Add Section", [], acquire=True)
        setup = portal.portal_setup
        setup.setLastVersionForProfile("akimat.content:default", "1006")

        setup.upgradeProfile("akimat.content:default")

        self.assertIn("Section", types)
        self.assertEqual(
            {
                role["name"]
                for role in portal.rolesOfPermission("akimat.content: Add Section")
                if role["selected"]
            },
            {"Manager", "Site Administrator"},
        )


class TestDomainLayout(unittest.TestCase):
    """The package moved into domain folders (issue 13); sites created before keep working."""

    layer = AKIMAT_CONTENT_INTEGRATION_TESTING

    def test_every_old_dotted_name_resolves_to_the_new_module(self):
        for old, new in old_names.MOVED.items():
            with self.subTest(old=old):
                self.assertIs(resolve(old), resolve(new))
        self.assertIs(
            resolve("akimat.content.content.assignment.Assignment"), Assignment
        )
        self.assertIs(resolve("akimat.content.numbering.Counter"), numbering.Counter)
        self.assertIs(
            resolve("akimat.content.stemming.RussianSnowballStemmer"),
            stemming.RussianSnowballStemmer,
        )

    def test_a_pickle_naming_an_old_class_loads_the_new_one(self):
        self.assertIs(pickle.loads(b"cakimat.content.content.act\nAct\n."), Act)

    def test_a_vote_result_pickled_before_the_move_loads(self):
        """An agenda item keeps its votes as `votes.Result`, pickled by its module's old name."""
        result = votes.Result(
            votes_for=6, against=1, abstained=0, outcome=votes.ADOPTED
        )
        stored = pickle.dumps(
            result, protocol=3
        )  # the ZODB's protocol: the class by name
        stored = stored.replace(
            b"akimat.content.meetings.votes", b"akimat.content.votes"
        )

        self.assertEqual(pickle.loads(stored), result)

    def test_annotations_keep_the_keys_existing_sites_store(self):
        """Registration counters, visas and a meeting's ticked preparation steps live where
        sites of before the move keep them: the new modules write and read the same keys."""
        portal = self.layer["portal"]
        setRoles(portal, TEST_USER_ID, ["Manager"])
        document = api.content.create(
            container=portal, type="Document", id="agreed", title="Об утверждении плана"
        )
        meeting = Meeting()
        meeting.kind, meeting.hall = "apparatus-meeting", None

        numbering.next_number("resolution", 2026, portal)
        visas.start_round(document, ["omarova"])
        meeting.mark_step("agenda", "organiser")

        self.assertIn("akimat.content.numbering", IAnnotations(portal))
        self.assertIn("akimat.content.visas", IAnnotations(document))
        self.assertIn("akimat.content.preparation", IAnnotations(meeting))

    def test_the_upgrade_names_the_new_classes_and_reindexes_interfaces(self):
        """1007 → 1008: type definitions and the catalog's object_provides of before the move."""
        portal = self.layer["portal"]
        setRoles(portal, TEST_USER_ID, ["Manager"])
        types = api.portal.get_tool("portal_types")
        types["Act"].klass = "akimat.content.content.act.Act"
        section = api.content.create(
            container=portal, type="Section", id="old-section", title="Old"
        )
        processQueue()  # the section's indexing, queued until now
        catalog = api.portal.get_tool("portal_catalog")
        processQueue()
        rid = catalog.getrid("/".join(section.getPhysicalPath()))
        catalog._catalog.getIndex("object_provides").unindex_object(rid)
        query = {"object_provides": IFolder.__identifier__, "id": "old-section"}
        self.assertEqual(len(catalog(**query)), 0)
        setup = portal.portal_setup
        setup.setLastVersionForProfile("akimat.content:default", "1007")

        setup.upgradeProfile("akimat.content:default")

        self.assertEqual(types["Act"].klass, "akimat.content.acts.act.Act")
        self.assertEqual(len(catalog(**query)), 1)

    def test_the_upgrade_to_1009_adds_and_fills_the_inbox_indexes(self):
        """1008 → 1009: a site of before the inbox gets `control_stage` filled for its
        assignments, so their executors find them in «Ждёт моего действия»."""
        portal = self.layer["portal"]
        setRoles(portal, TEST_USER_ID, ["Manager"])
        api.content.create(
            container=portal,
            type="Assignment",
            title="Подготовить отчёт",
            source_kind="akimat-session",
            lead_executor=TEST_USER_ID,
            controller=TEST_USER_ID,
            date_given=date(2026, 11, 2),
            deadline=date(2026, 12, 18),
        )
        processQueue()
        catalog = api.portal.get_tool("portal_catalog")
        catalog.delIndex("control_stage")
        catalog.delColumn("urgency")
        setup = portal.portal_setup
        setup.setLastVersionForProfile("akimat.content:default", "1008")

        setup.upgradeProfile("akimat.content:default")

        brains = catalog(portal_type="Assignment", control_stage="executing")
        self.assertEqual(len(brains), 1)
        self.assertIsNone(brains[0].urgency)
