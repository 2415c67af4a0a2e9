"""The demo month of meetings and protocols (README): every kind and state, the rules kept.

The demo is made at the layer's set-up relative to that day, so these tests read the calendar's
today as the demo did rather than freezing time.
"""

from akimat.content.agreement import visas
from akimat.content.control import lists as control_lists
from akimat.content.core.calendar import get_calendar
from akimat.content.core.calendar import naive
from akimat.content.core.calendar import now
from akimat.content.meetings import votes
from akimat.content.meetings.vocabularies import MATERIAL_KINDS
from akimat.content.meetings.vocabularies import MEETING_KINDS
from akimat.policy.demo_meetings import add_demo_meetings
from akimat.policy.testing import AKIMAT_POLICY_INTEGRATION_TESTING
from akimat.policy.tests.front_page import front_page
from akimat.policy.tests.front_page import inbox_part
from datetime import timedelta
from itertools import combinations
from plone import api

import unittest


PROTOCOL_STATES = {"draft", "agreement", "signing", "registered", "sent"}


class DemoMeetingsTestCase(unittest.TestCase):
    layer = AKIMAT_POLICY_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.meetings = list(self.portal["meetings"].objectValues())
        self.protocols = list(self.portal["protocols"].objectValues())

    def protocol_in(self, state):
        return next(
            protocol for protocol in self.protocols if protocol.review_state() == state
        )


class TestDemoMeetings(DemoMeetingsTestCase):
    def test_every_kind_of_meeting(self):
        """R5: the demo holds a meeting of every kind, apparatus meetings weekly on Mondays (R5.23)."""
        self.assertEqual(
            {meeting.kind for meeting in self.meetings},
            {term.value for term in MEETING_KINDS},
        )
        calendar = get_calendar()
        apparatus = [
            meeting.day()
            for meeting in self.meetings
            if meeting.kind == "apparatus-meeting"
        ]
        self.assertGreaterEqual(len(apparatus), 5)
        for day in apparatus:
            monday = day - timedelta(days=day.weekday())
            self.assertTrue(day == monday or not calendar.is_working_day(monday), day)

    def test_past_meetings_held_coming_ones_planned(self):
        """R5: past meetings are held or closed, coming ones planned or with their agenda approved; one is cancelled."""
        today = now().date()
        states = {}
        for meeting in self.meetings:
            states.setdefault(meeting.review_state(), []).append(meeting)
        self.assertEqual(
            set(states), {"planned", "agenda_approved", "held", "closed", "cancelled"}
        )
        for meeting in states["held"] + states["closed"]:
            self.assertLess(meeting.day(), today, meeting.getId())
        for meeting in (
            states["planned"] + states["agenda_approved"] + states["cancelled"]
        ):
            self.assertGreaterEqual(meeting.day(), today, meeting.getId())
        self.assertEqual(len(states["cancelled"]), 1)

    def test_sessions_chaired_by_the_akim(self):
        """R5.2: the akim chairs the akimat sessions."""
        akims = {user.getId() for user in api.user.get_users(groupname="akim")}
        for meeting in self.meetings:
            if meeting.kind == "akimat-session":
                self.assertIn(meeting.chair, akims)

    def test_no_two_bookings_of_a_hall_overlap(self):
        """R2.4: no two meetings, cancelled ones aside, share a hall at overlapping times."""
        booked = [
            m for m in self.meetings if m.hall and m.review_state() != "cancelled"
        ]
        self.assertGreater(len({meeting.hall for meeting in booked}), 1)
        for first, second in combinations(booked, 2):
            if first.hall == second.hall:
                overlap = naive(first.start) < naive(second.end) and naive(
                    second.start
                ) < naive(first.end)
                self.assertFalse(overlap, (first.getId(), second.getId()))

    def test_held_sessions_have_a_quorum_and_votes(self):
        """R5.4: a held session has two thirds of the members present; one resolution is adopted
        (the registered demo act), one is rejected."""
        sessions = [
            m
            for m in self.meetings
            if m.kind == "akimat-session" and m.review_state() in ("held", "closed")
        ]
        self.assertTrue(sessions)
        for session in sessions:
            self.assertTrue(session.has_quorum())
            self.assertLess(
                len(session.attendance), len(session.member_ids())
            )  # not everybody came
            outcomes = {
                item.vote.outcome: item
                for item in session.agenda()
                if item.vote is not None
            }
            self.assertEqual(set(outcomes), {votes.ADOPTED, votes.REJECTED})
            self.assertEqual(
                outcomes[votes.ADOPTED].adopted_act.to_object,
                self.portal["acts"]["registered"],
            )

    def test_materials_of_every_kind_none_restricted(self):
        """R5.6, R9.3: the coming session has a material of every kind; no material is restricted."""
        materials = api.content.find(
            context=self.portal["meetings"], portal_type="Material"
        )
        self.assertTrue(
            all(brain.getObject().restriction == "none" for brain in materials)
        )
        session = next(
            m
            for m in self.meetings
            if m.kind == "akimat-session" and m.review_state() == "planned"
        )
        materials = [
            material for item in session.agenda() for material in item.objectValues()
        ]
        self.assertEqual(
            {material.kind for material in materials},
            {term.value for term in MATERIAL_KINDS},
        )
        self.assertTrue(all(material.file.getSize() for material in materials))

    def test_preparation_steps_done_and_late(self):
        """R5.24, R8.5d: steps are marked done on their day; protocols not drawn up in time are late."""
        steps = [step for meeting in self.meetings for step in meeting.timetable()]
        self.assertTrue(any(step.done and not step.late for step in steps))
        self.assertTrue(any(step.late and not step.done for step in steps))
        sent = self.protocol_in("sent").get_meeting()
        self.assertEqual(sent.late_steps(), [])

    def test_again_adds_nothing(self):
        """The demo is made once (README): running it again leaves the meetings and protocols as they are."""
        add_demo_meetings(self.portal)
        self.assertEqual(len(self.portal["meetings"].objectIds()), len(self.meetings))
        self.assertEqual(len(self.portal["protocols"].objectIds()), len(self.protocols))


class TestDemoProtocols(DemoMeetingsTestCase):
    def test_protocols_in_every_state(self):
        """R8.5d, A6.3, A6.4, R8.7: a protocol in each state; registered and sent ones are numbered."""
        self.assertEqual(
            {protocol.review_state() for protocol in self.protocols}, PROTOCOL_STATES
        )
        for protocol in self.protocols:
            numbered = protocol.review_state() in ("registered", "sent")
            self.assertEqual(
                protocol.registration_number is not None, numbered, protocol.getId()
            )
            if numbered:
                self.assertTrue(protocol.fully_signed())
        self.assertIsNotNone(self.protocol_in("sent").sent_on)

    def test_agreement_and_signing_await_the_right_people(self):
        """R8.5d, A6.3: the protocol in agreement has one visa given; the one in signing awaits
        its chair and its secretary."""
        agreement = visas.current_round(self.protocol_in("agreement"))
        self.assertEqual(
            sum(visa.decision == visas.AGREED for visa in agreement.visas), 1
        )
        signing = self.protocol_in("signing")
        self.assertEqual(visas.current_round(signing).state, visas.AGREED)
        for signatory in (signing.chair, signing.secretary):
            with api.env.adopt_user(username=signatory):
                found = api.content.find(
                    portal_type="Protocol", awaiting_signature=signatory
                )
            self.assertEqual(
                [brain.getId for brain in found], [signing.getId()], signatory
            )

    def test_protocols_decide_every_item(self):
        """A6.2: every section of a demo protocol says what was decided."""
        for protocol in self.protocols:
            self.assertTrue(protocol.sections())
            self.assertTrue(
                all(section.decided.strip() for section in protocol.sections()),
                protocol.getId(),
            )

    def test_assignments_numbered_and_on_the_control_list(self):
        """R8.5b, R12.4a, R5.12, R8.7: each protocol gives assignments 1, 1.1, 2, their source the
        protocol's meeting, controlled by the protocol's controller; those of registered protocols
        are on control and in the control list, those of the others wait for the registration."""
        today, calendar = now().date(), get_calendar()
        # The ОДК keeps the control list
        with api.env.adopt_user(username="tulegenova"):
            for protocol in self.protocols:
                assignments = protocol.assignments()
                self.assertEqual(
                    [a.number for a in assignments], ["1", "1.1", "2"], protocol.getId()
                )
                for assignment in assignments:
                    self.assertEqual(assignment.source_kind, protocol.meeting_kind)
                    self.assertEqual(assignment.source.to_object, protocol)
                    self.assertEqual(assignment.controller, protocol.controller)
                    self.assertEqual(
                        assignment.on_control(),
                        protocol.registration_number is not None,
                    )
                listed = control_lists.find(
                    control_lists.Filters(source_kind=protocol.meeting_kind),
                    today,
                    calendar,
                )
                urls = {a.absolute_url() for a in assignments}
                if protocol.registration_number is None:
                    self.assertFalse(
                        urls & {brain.getURL() for brain in listed}, protocol.getId()
                    )
                else:
                    self.assertLessEqual(
                        urls, {brain.getURL() for brain in listed}, protocol.getId()
                    )


class TestFrontPageBlocks(DemoMeetingsTestCase):
    def render(self, username):
        return front_page(self.layer, username)

    def test_akim_sees_the_coming_meetings_and_the_protocol_to_sign(self):
        """R5, A6.3: the akim's front page lists the coming meetings (the cancelled one left out)
        with the calendar, and the protocol awaiting his signature."""
        html = self.render("seitzhanov")
        self.assertIn('id="upcoming-meetings"', html)
        self.assertIn("@@meetings-calendar", html)
        coming = [m for m in self.meetings if m.day() >= now().date()]
        for meeting in coming:
            if meeting.review_state() == "cancelled":
                self.assertNotIn(meeting.absolute_url(), html)
            elif (meeting.day() - now().date()).days <= 14:
                self.assertIn(meeting.absolute_url(), html)
        # in his inbox (the meetings' provider)
        signing = f'href="{self.protocol_in("signing").absolute_url()}"'
        self.assertIn(signing, inbox_part(html))
        self.assertNotIn(self.protocol_in("agreement").absolute_url(), html)

    def test_deputy_sees_the_protocol_awaiting_his_visa(self):
        """R8.5d: a supervising deputy who has not visaed yet finds the protocol on his front page."""
        protocol = self.protocol_in("agreement")
        link = f'href="{protocol.absolute_url()}"'
        self.assertIn(link, inbox_part(self.render("kuznetsova")))
        # the deputy who has visaed it no longer finds it
        self.assertNotIn(link, self.render("abdrakhmanov"))
