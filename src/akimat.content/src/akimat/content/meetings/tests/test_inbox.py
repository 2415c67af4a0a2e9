"""What meetings and protocols ask of each person in «Ждёт моего действия» (meetings/inbox.py)."""

from akimat.content.meetings import inbox as meetings_inbox
from akimat.content.testing import AKIMAT_CONTENT_INTEGRATION_TESTING
from akimat.content.tests.inbox import actions_of
from akimat.content.tests.meetings import MeetingFixture
from datetime import date
from freezegun import freeze_time
from plone import api

import unittest


EVERYBODY = (
    "the-akim",
    "head",
    "deputy",
    "lawyer",
    "odk-officer",
    "organiser",
    "summary-officer",
    "economist",
)


def waiting(uid, kind):
    """Who has an action of this kind about the document."""
    return {userid for userid in EVERYBODY if kind in dict(actions_of(userid, uid))}


# The meeting is on Tuesday 8 December 2026; its protocol is due the next working day.
@freeze_time("2026-12-08 06:00:00")
class TestProtocolsInbox(MeetingFixture, unittest.TestCase):
    layer = AKIMAT_CONTENT_INTEGRATION_TESTING

    def test_the_one_who_draws_up_sends_the_draft_on(self):
        """R8.5d: the draft waits for the one who drew it up, due 1 working day after the meeting."""
        protocol = self.ready(self.protocol(self.held_meeting()))
        uid = protocol.UID()
        self.assertEqual(waiting(uid, meetings_inbox.PROTOCOL_DRAFT), {"odk-officer"})
        action = dict(actions_of("odk-officer", uid))[meetings_inbox.PROTOCOL_DRAFT]
        self.assertEqual(action.due, date(2026, 12, 9))
        self.do(protocol, "submit", "odk-officer")
        self.assertEqual(waiting(uid, meetings_inbox.PROTOCOL_DRAFT), set())

    def test_approvers_visa_within_a_day_the_lawyer_last(self):
        """R8.5d, R5.34: the deputies and the head of apparatus visa within 1 day, the legal
        consultant after them; a given visa leaves the inbox."""
        protocol = self.ready(self.protocol(self.held_meeting()))
        self.do(protocol, "submit", "odk-officer")
        uid = protocol.UID()
        self.assertEqual(waiting(uid, meetings_inbox.PROTOCOL_VISA), {"deputy", "head"})
        action = dict(actions_of("deputy", uid))[meetings_inbox.PROTOCOL_VISA]
        self.assertEqual(action.due, date(2026, 12, 9))
        self.visa_all(protocol)
        self.assertEqual(waiting(uid, meetings_inbox.PROTOCOL_VISA), set())

    def test_the_chair_and_the_secretary_sign_then_the_odk_registers_and_sends(self):
        """A6.3, R8.7, A6.5: each signatory until he signed; then the ОДК registers, then sends."""
        protocol = self.ready(self.protocol(self.held_meeting()))
        self.do(protocol, "submit", "odk-officer")
        self.visa_all(protocol)
        uid = protocol.UID()
        self.assertEqual(
            waiting(uid, meetings_inbox.PROTOCOL_SIGNATURE),
            {"the-akim", "summary-officer"},
        )
        self.sign(protocol, "the-akim")
        self.assertEqual(
            waiting(uid, meetings_inbox.PROTOCOL_SIGNATURE), {"summary-officer"}
        )
        self.assertEqual(waiting(uid, meetings_inbox.PROTOCOL_REGISTRATION), set())
        self.sign(protocol, "summary-officer")
        self.assertEqual(waiting(uid, meetings_inbox.PROTOCOL_SIGNATURE), set())
        self.assertEqual(
            waiting(uid, meetings_inbox.PROTOCOL_REGISTRATION), {"odk-officer"}
        )
        self.do(protocol, "register", "odk-officer")
        self.assertEqual(waiting(uid, meetings_inbox.PROTOCOL_REGISTRATION), set())
        self.assertEqual(
            waiting(uid, meetings_inbox.PROTOCOL_DISPATCH), {"odk-officer"}
        )
        self.do(protocol, "send", "odk-officer")
        self.assertEqual(actions_of("odk-officer", uid), [])


# Thursday 3 December 2026: the apparatus meeting of Tuesday 8 December is being prepared.
@freeze_time("2026-12-03 06:00:00")
class TestMeetingsInbox(MeetingFixture, unittest.TestCase):
    layer = AKIMAT_CONTENT_INTEGRATION_TESTING

    def test_the_leadership_approves_the_agenda(self):
        """R5.50, R5.1: a planned meeting's agenda waits for the akim or the head of apparatus."""
        meeting = self.meeting()
        uid = meeting.UID()
        self.assertEqual(waiting(uid, meetings_inbox.AGENDA), {"the-akim", "head"})
        self.do(meeting, "approve_agenda", "head")
        self.assertEqual(waiting(uid, meetings_inbox.AGENDA), set())

    def test_the_secretary_holds_and_closes_the_meeting(self):
        """R5.4: the secretary marks the meeting held on its day, then closes its records."""
        meeting = self.meeting()
        uid = meeting.UID()
        self.do(meeting, "approve_agenda", "head")
        self.assertEqual(waiting(uid, meetings_inbox.HOLDING), {"summary-officer"})
        action = dict(actions_of("summary-officer", uid))[meetings_inbox.HOLDING]
        self.assertEqual(action.due, date(2026, 12, 8))
        self.do(meeting, "hold", "summary-officer")
        self.assertEqual(waiting(uid, meetings_inbox.HOLDING), set())
        self.assertEqual(waiting(uid, meetings_inbox.CLOSING), {"summary-officer"})
        self.do(meeting, "close", "summary-officer")
        self.assertEqual(waiting(uid, meetings_inbox.CLOSING), set())

    def steps_of(self, userid, meeting):
        return {
            (action.note, action.due)
            for kind, action in actions_of(userid, meeting.UID())
            if kind == meetings_inbox.PREPARATION
        }

    def test_my_preparation_steps_late_or_due_within_3_working_days(self):
        """R5.24, R5.25, R5.29, R12.4c: the Сводный отдел sees its late agenda and its order of
        proceedings due Monday, the item's department its materials; the protocol, due after
        the window, waits; a step marked done leaves."""
        meeting = self.meeting()
        self.assertEqual(self.steps_of("economist", meeting), set())
        self.item(meeting)  # the economy department answers for the materials
        self.assertEqual(
            self.steps_of("summary-officer", meeting),
            {
                ("Agenda sent to the participants", date(2026, 12, 2)),
                ("Order of proceedings prepared, invitees notified", date(2026, 12, 7)),
            },
        )
        self.assertEqual(
            self.steps_of("economist", meeting),
            {("Materials reach the Сводный отдел", date(2026, 12, 4))},
        )
        for userid in ("odk-officer", "deputy", "the-akim"):
            self.assertEqual(self.steps_of(userid, meeting), set())
        meeting.mark_step("agenda", "summary-officer")
        self.assertEqual(
            {note for note, _due in self.steps_of("summary-officer", meeting)},
            {"Order of proceedings prepared, invitees notified"},
        )

    def test_steps_before_the_meeting_are_moot_once_it_is_held(self):
        """R5.25, R8.5d: once held, only the protocol is still to be done; the late materials
        no longer wait for anybody."""
        meeting = self.meeting()
        self.item(meeting)
        with freeze_time("2026-12-08 06:00:00"):
            self.held(meeting)
            self.assertEqual(self.steps_of("economist", meeting), set())
            self.assertEqual(
                self.steps_of("odk-officer", meeting),
                {("Protocol drawn up", date(2026, 12, 9))},
            )

    def test_an_agenda_item_removed_takes_its_department_off(self):
        """R5.25: the materials of a removed item no longer wait for its department; a meeting
        deleted with its items leaves nothing behind."""
        meeting = self.meeting()
        item = self.item(meeting)
        api.content.delete(item)
        self.assertEqual(self.steps_of("economist", meeting), set())
        self.item(meeting)
        uid = meeting.UID()
        api.content.delete(meeting)
        self.assertEqual(actions_of("summary-officer", uid), [])
