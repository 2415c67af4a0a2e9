"""Protocols from a held meeting to registration and distribution (R8, R5.11, R5.12, R5.34, A6)."""

from akimat.content.agreement import visas
from akimat.content.agreement.agreement import give_visa
from akimat.content.core import numbering
from akimat.content.meetings import protocol_life_cycle as protocols
from akimat.content.testing import AKIMAT_CONTENT_INTEGRATION_TESTING
from akimat.content.tests.meetings import MeetingFixture
from datetime import date
from freezegun import freeze_time
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from zExceptions import Forbidden
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

import unittest


class ProtocolTestCase(MeetingFixture, unittest.TestCase):
    layer = AKIMAT_CONTENT_INTEGRATION_TESTING

    def test_created_from_held_meeting_only(self):
        """A6.1: a protocol is written for a meeting that took place."""
        meeting = self.meeting()
        with self.assertRaises(protocols.ProtocolError):
            self.protocol(meeting)

    def test_prefilled_from_meeting(self):
        """A6.1, A6.2, R8.3: date = meeting date, place, chair, secretary, attendees, one section per item."""
        meeting = self.held_meeting(hall="Малый зал")
        meeting.record_attendance(["deputy", "head", "economy-head"])
        protocol = self.protocol(meeting)
        self.assertEqual(protocol.meeting_date, date(2026, 12, 8))
        self.assertEqual(protocol.place, "Малый зал")
        self.assertEqual(
            (protocol.chair, protocol.secretary), ("the-akim", "summary-officer")
        )
        self.assertEqual(protocol.attendees, ["deputy", "head", "economy-head"])
        self.assertEqual(
            [s.title for s in protocol.sections()],
            ["О ходе отопительного сезона", "Об исполнении бюджета"],
        )
        self.assertEqual(
            protocol.sections()[0].decided, "Информацию принять к сведению."
        )
        self.assertEqual(protocol.protocol_language, "kk")  # R8.5c
        with self.assertRaises(protocols.ProtocolError):
            self.protocol(meeting)

    def test_controller_by_kind(self):
        """R8.5a, R5.12: the ОДК controls apparatus meetings and sessions; the responsible department the rest."""
        self.assertEqual(self.protocol(self.held_meeting()).controller, "odk")
        operational = self.held_meeting(
            kind="operational-meeting", title="Оперативное совещание"
        )
        self.assertEqual(self.protocol(operational).controller, "economy")

    def test_session_votes_in_protocol(self):
        """R5.4, A6.2: the voting results of a session item go into its section."""
        session = self.meeting(kind="akimat-session", title="Заседание акимата")
        item = self.item(session, title="О бюджете")
        self.held(session)
        session.record_attendance(
            ["the-akim", "deputy", "deputy2", "head", "member1", "member2"]
        )
        item.record_vote(5, 1, 0)
        section = self.protocol(session).sections()[0]
        self.assertIn("5", section.votes)
        self.assertIn("1", section.votes)

    def test_assignments_numbered(self):
        """R8.5b: items and sub-items 1, 1.1, 1.2, 2 — a duplicate or a sub-item without its item is refused."""
        protocol = self.protocol(self.held_meeting())
        for section in protocol.sections():
            section.decided = "Принять к сведению."
        self.assignment(protocol, "1")
        self.assignment(protocol, "2.1")
        with self.assertRaises(WorkflowException) as refused:
            self.do(protocol, "submit", "odk-officer")
        self.assertIn("2.1", str(refused.exception))
        api.content.delete(protocol["a-2.1"])
        self.assignment(protocol, "1.1")
        self.assignment(protocol, "1.2")
        self.assignment(protocol, "2")
        self.assertEqual(
            [a.number for a in protocol.assignments()], ["1", "1.1", "1.2", "2"]
        )
        self.assertIsNone(protocols.numbering_problems(protocol))

    def test_assignments_have_protocol_as_source(self):
        """R12.4a, R5.12, R8.7: a protocol's assignment names the protocol and its kind as its
        source, and goes on control once the protocol is registered — not while it is a draft."""
        protocol = self.ready(self.protocol(self.held_meeting()))
        assignment = protocol["a-1"]
        self.assertEqual(assignment.source.to_object, protocol)
        self.assertEqual(assignment.source_kind, "apparatus-meeting")

        def on_control():
            brains = api.content.find(
                portal_type="Assignment",
                source_kind="apparatus-meeting",
                on_control=True,
            )
            return assignment.UID() in [brain.UID for brain in brains]

        self.assertFalse(assignment.on_control())
        self.assertFalse(on_control())
        self.signed(protocol)
        self.assertFalse(on_control())
        self.do(protocol, "register", "odk-officer")
        self.assertTrue(assignment.on_control())
        self.assertTrue(on_control())

    def test_apparatus_meeting_approvers(self):
        """R5.34: the deputies and the head of apparatus visa, the legal consultant last; the chair signs."""
        protocol = self.ready(self.protocol(self.held_meeting()))
        approvers, lawyers = protocol.round_approvers()
        self.assertEqual(set(approvers[:-1]), {"deputy", "deputy2", "head"})
        self.assertEqual(approvers[-1], "lawyer")
        self.assertEqual(lawyers, ["lawyer"])

    def test_session_approvers_are_members(self):
        """R5.11: every akimat member visas a session's protocol (the chair signs instead)."""
        session = self.held_meeting(kind="akimat-session", title="Заседание акимата")
        approvers, _lawyers = self.protocol(session).round_approvers()
        self.assertEqual(
            set(approvers),
            {
                "deputy",
                "deputy2",
                "head",
                "member1",
                "member2",
                "member3",
                "member4",
                "member5",
            },
        )

    def test_other_meeting_approvers(self):
        """R8.5d: supervising deputies, the head of apparatus and the department heads."""
        protocol = self.protocol(
            self.held_meeting(kind="commission", title="Заседание комиссии")
        )
        approvers, lawyers = protocol.round_approvers()
        self.assertEqual(
            set(approvers),
            {"deputy", "deputy2", "head", "economy-head", "finance-head"},
        )
        self.assertEqual(lawyers, [])

    def test_agreement_signing_registration(self):
        """R8.5d, A6.3, A6.4, R8.7: visas, then the chair and the secretary sign, then the ОДК registers."""
        protocol = self.ready(self.protocol(self.held_meeting()))
        self.do(protocol, "submit", "odk-officer")
        self.assertEqual(protocol.review_state(), "agreement")
        with self.assertRaises(visas.VisaError):  # the legal consultant visas last
            give_visa(protocol, "lawyer", agree=True)
        self.visa_all(protocol)
        self.assertEqual(protocol.review_state(), "signing")
        self.assertEqual(
            protocols.awaiting_signature(protocol), ["the-akim", "summary-officer"]
        )
        with self.assertRaises(protocols.ProtocolError):
            protocols.sign(protocol, "deputy")
        protocols.sign(protocol, "the-akim")
        self.assertEqual(protocols.awaiting_signature(protocol), ["summary-officer"])
        with self.assertRaises(WorkflowException):  # the secretary has not signed yet
            self.do(protocol, "register", "odk-officer")
        with self.assertRaises(protocols.ProtocolError):
            protocols.sign(protocol, "the-akim")
        protocols.sign(protocol, "summary-officer")
        self.do(protocol, "register", "odk-officer")
        self.assertEqual(protocol.review_state(), "registered")
        self.assertEqual(
            protocol.registration_number,
            numbering.current_number("protocol-apparatus-meeting", 2026),
        )
        # R12.4a column 1: the control list names the protocol by its number and date
        brain = api.content.find(UID=protocol["a-1"].UID())[0]
        self.assertEqual(
            brain.source_reference, f"№ {protocol.registration_number}, 08.12.2026"
        )
        self.do(protocol, "send", "odk-officer")
        self.assertIsNotNone(protocol.sent_on)

    def test_return_with_reason(self):
        """R8.5d: an approver returns the protocol with a reason; it goes back to the draft."""
        protocol = self.ready(self.protocol(self.held_meeting()))
        self.do(protocol, "submit", "odk-officer")
        with api.env.adopt_user(username="deputy"):
            give_visa(protocol, "deputy", agree=False, reason="Уточнить сроки")
        self.assertEqual(protocol.review_state(), "draft")

    def test_numbers_sequential_per_year_and_register(self):
        """A6.4: protocol numbers run 1, 2 … within the calendar year, separately per register."""
        first = self.signed(self.ready(self.protocol(self.held_meeting())))
        self.do(first, "register", "odk-officer")
        second = self.signed(
            self.ready(self.protocol(self.held_meeting(title="Второе совещание")))
        )
        self.do(second, "register", "odk-officer")
        self.assertEqual(second.registration_number, first.registration_number + 1)
        operational = self.signed(
            self.ready(
                self.protocol(
                    self.held_meeting(kind="operational-meeting", title="Оперативное")
                )
            )
        )
        self.do(operational, "register", "odk-officer")
        self.assertEqual(operational.registration_number, 1)
        self.assertEqual(
            numbering.current_number("protocol-apparatus-meeting", 2027), 0
        )

    def test_drawn_up_in_one_working_day(self):
        """R8.5d, R8.6: due 1 working day after the meeting; later submission counts working days late."""
        protocol = self.ready(
            self.protocol(self.held_meeting())
        )  # meeting on Tuesday 8 December
        self.assertEqual(protocol.due_date(), date(2026, 12, 9))
        with freeze_time("2026-12-11 09:00:00+06:00"):
            self.do(protocol, "submit", "odk-officer")
        self.assertEqual(protocol.drawn_up_on, date(2026, 12, 11))
        self.assertEqual(protocol.days_late(), 2)

    def test_registered_protocol_frozen(self):
        """R8.7 and the security rule: a registered protocol, its sections and its assignments'
        protocol are never edited or deleted, not even by the ОДК."""
        protocol = self.signed(self.ready(self.protocol(self.held_meeting())))
        self.do(protocol, "register", "odk-officer")
        section = protocol.sections()[0]
        for userid in ("odk-officer", "the-akim", "summary-officer"):
            for obj in (protocol, section):
                for permission in ("Modify portal content", "Delete objects"):
                    self.assertFalse(
                        api.user.has_permission(permission, username=userid, obj=obj),
                        (userid, obj),
                    )
        self.assertTrue(
            api.user.has_permission("View", username="economist", obj=protocol)
        )

    def test_registered_protocol_refuses_changes_whatever_the_permissions(self):
        """A6, R10.17: with every permission (a Manager), a registered protocol and its sections
        are neither edited nor deleted; its assignments go on living under control."""
        protocol = self.signed(self.ready(self.protocol(self.held_meeting())))
        self.do(protocol, "register", "odk-officer")
        section, assignment = protocol.sections()[0], protocol["a-1"]
        for obj in (protocol, section):  # as a Manager can in the ZMI's Security tab
            for permission in (
                "Modify portal content",
                "Delete objects",
                "Copy or Move",
            ):
                obj.manage_permission(permission, ["Manager"], acquire=False)
        for obj in (protocol, section):
            with self.subTest(obj=obj.getId()):
                with self.assertRaises(Forbidden):
                    notify(ObjectModifiedEvent(obj))
                with self.assertRaises(Forbidden):
                    api.content.delete(obj=obj)
        with self.assertRaises(Forbidden):
            api.content.create(
                container=protocol, type="ProtocolSection", title="Ещё вопрос"
            )
        with self.assertRaises(Forbidden):
            api.content.rename(obj=protocol, new_id="other")
        assignment.note = "Срок уточнён"
        notify(ObjectModifiedEvent(assignment))  # control goes on
