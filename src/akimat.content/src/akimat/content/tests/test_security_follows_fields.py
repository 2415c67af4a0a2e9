"""The catalog's security follows the fields the local roles are computed from: after an edit, the
catalog lets see a document exactly those its roles name now (DESIGN.md «Roles and permissions»;
R5.6, A6.3, A6.5)."""

from akimat.content.testing import AKIMAT_CONTENT_INTEGRATION_TESTING
from akimat.content.tests.meetings import MeetingFixture
from plone import api
from plone.indexer.interfaces import IIndexer
from zope.component import getMultiAdapter
from zope.event import notify
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent

import unittest


class TestSecurityFollowsFields(MeetingFixture, unittest.TestCase):
    layer = AKIMAT_CONTENT_INTEGRATION_TESTING

    def catalogued(self, obj):
        catalog = api.portal.get_tool("portal_catalog")
        return set(
            catalog.getIndexDataForUID("/".join(obj.getPhysicalPath()))[
                "allowedRolesAndUsers"
            ]
        )

    def computed(self, obj):
        catalog = api.portal.get_tool("portal_catalog")
        return set(
            getMultiAdapter((obj, catalog), IIndexer, name="allowedRolesAndUsers")()
        )

    def edit(self, obj, **fields):
        for name, value in fields.items():
            setattr(obj, name, value)
        notify(ObjectModifiedEvent(obj, Attributes(None, *fields)))
        api.portal.get_tool("portal_catalog").searchResults(
            UID=obj.UID()
        )  # process the queue

    def assert_in_step(self, obj, former, new):
        self.assertEqual(self.catalogued(obj), self.computed(obj))
        self.assertNotIn(f"user:{former}", self.catalogued(obj))
        self.assertIn(f"user:{new}", self.catalogued(obj))

    def test_protocol_distribution_and_signatories(self):
        """A6.3, A6.5: the chair signs and the distribution list reads the protocol — in the
        catalog as on the object, when they change."""
        protocol = self.protocol(self.held_meeting())
        self.edit(protocol, distribution=["economy-head"])
        self.assert_in_step(protocol, "finance-head", "economy-head")
        self.edit(protocol, distribution=["finance-head"])
        self.assert_in_step(protocol, "economy-head", "finance-head")
        self.edit(protocol, chair="deputy")
        self.assertEqual(self.catalogued(protocol), self.computed(protocol))

    def test_assignment_executors_and_its_reports(self):
        """R12.4a: the executors of an assignment, and so of its execution reports, are whom its
        fields name now."""
        protocol = self.protocol(self.held_meeting())
        assignment = self.assignment(protocol, "1", lead_executor="economy-head")
        with api.env.adopt_user(username="economy-head"):
            report = api.content.create(
                container=assignment,
                type="ExecutionReport",
                id="report",
                title="Исполнено",
            )
        self.edit(assignment, lead_executor="finance-head")
        self.assertNotIn("user:economy-head", self.catalogued(assignment))
        for obj in (assignment, report):  # the report's author keeps it as its owner
            with self.subTest(obj=obj.getId()):
                self.assertEqual(self.catalogued(obj), self.computed(obj))

    def test_meeting_secretary_and_agenda_item_department(self):
        """R5.6: the secretary prepares the meeting, the responsible department its item."""
        meeting = self.meeting()
        item = self.item(meeting)
        self.edit(meeting, secretary="organiser")
        self.assertEqual(self.catalogued(meeting), self.computed(meeting))
        self.edit(item, responsible_department="finance-heads")
        self.assertEqual(self.catalogued(item), self.computed(item))
