"""Meetings: chair, hall bookings, agenda titles, materials, quorum and votes, preparation (R5, R2.4, R9.3)."""

from akimat.content.meetings import votes
from akimat.content.meetings.agenda_item import IAgendaItem
from akimat.content.meetings.material import IMaterial
from akimat.content.meetings.material import MAX_PRESENTATION_BYTES
from akimat.content.meetings.meeting import IMeeting
from akimat.content.testing import AKIMAT_CONTENT_INTEGRATION_TESTING
from akimat.content.tests.meetings import MEETING_END
from akimat.content.tests.meetings import MEETING_START
from akimat.content.tests.meetings import MeetingFixture
from datetime import date
from datetime import timedelta
from freezegun import freeze_time
from plone.namedfile.file import NamedBlobFile
from Products.CMFCore.WorkflowCore import WorkflowException
from z3c.form.validator import Data
from zope.i18n import translate
from zope.interface import Invalid
from zope.schema import ValidationError

import contextlib
import unittest


def invariant_errors(schema, context, **values):
    """The messages of the schema's invariants for `values`, as a form or plone.restapi checks them."""
    data = Data(schema, values, context)
    errors = []
    with contextlib.suppress(Invalid):
        schema.validateInvariants(data, errors)
    return [translate(error.args[0]) for error in errors]


class MeetingRulesTestCase(MeetingFixture, unittest.TestCase):
    layer = AKIMAT_CONTENT_INTEGRATION_TESTING

    def meeting_data(self, **values):
        data = {
            "kind": "apparatus-meeting",
            "title": "Совещание",
            "start": MEETING_START,
            "end": MEETING_END,
            "hall": None,
            "chair": "the-akim",
            "secretary": "summary-officer",
        }
        data.update(values)
        return data

    def test_session_chaired_by_akim_or_acting_akim(self):
        """R5.2: the akim chairs an akimat session, or the acting akim (a deputy); nobody else."""
        self.assertEqual(
            invariant_errors(
                IMeeting, self.portal, **self.meeting_data(kind="akimat-session")
            ),
            [],
        )
        self.assertEqual(
            invariant_errors(
                IMeeting,
                self.portal,
                **self.meeting_data(kind="akimat-session", chair="deputy"),
            ),
            [],
        )
        errors = invariant_errors(
            IMeeting,
            self.portal,
            **self.meeting_data(kind="akimat-session", chair="economist"),
        )
        self.assertEqual(len(errors), 1)
        self.assertIn("acting akim", errors[0])
        # other meetings may be chaired by anybody named
        self.assertEqual(
            invariant_errors(
                IMeeting, self.portal, **self.meeting_data(chair="economist")
            ),
            [],
        )

    def test_chair_and_secretary_are_people(self):
        """A6.3: the chair and the secretary sign the protocol; a department cannot."""
        for fields in ({"chair": "akim"}, {"secretary": "odk"}):
            errors = invariant_errors(
                IMeeting, self.portal, **self.meeting_data(**fields)
            )
            self.assertEqual(len(errors), 1, fields)
            self.assertIn("chair and as the secretary", errors[0])

    def test_hall_bookings_do_not_overlap(self):
        """R2.4: a second meeting in the same hall at an overlapping time is refused with a clear
        message; back-to-back bookings, other halls and cancelled meetings do not clash."""
        booked = self.meeting(hall="Малый зал")
        clash = invariant_errors(
            IMeeting,
            self.portal,
            **self.meeting_data(
                hall="Малый зал",
                start=MEETING_START + timedelta(hours=1),
                end=MEETING_END + timedelta(hours=1),
            ),
        )
        self.assertEqual(len(clash), 1)
        self.assertIn("Малый зал", clash[0])
        self.assertIn("Choose another hall or time", clash[0])
        after = self.meeting_data(
            hall="Малый зал", start=MEETING_END, end=MEETING_END + timedelta(hours=1)
        )
        self.assertEqual(invariant_errors(IMeeting, self.portal, **after), [])
        other_hall = self.meeting_data(hall="Зал заседаний акимата")
        self.assertEqual(invariant_errors(IMeeting, self.portal, **other_hall), [])
        # the booked meeting itself may be edited without clashing with itself
        self.assertEqual(
            invariant_errors(IMeeting, booked, **self.meeting_data(hall="Малый зал")),
            [],
        )
        self.do(booked, "cancel", "organiser")
        self.assertEqual(
            invariant_errors(
                IMeeting, self.portal, **self.meeting_data(hall="Малый зал")
            ),
            [],
        )

    def test_invitees_agreed_with_deputy_before_agenda_approval(self):
        """R5.28: with invitees, the agenda is approved only once a deputy akim agreed the list."""
        meeting = self.meeting(invitees=["Иванов И. И., ТОО «Жылу»"])
        with self.assertRaises(WorkflowException) as refused:
            self.do(meeting, "approve_agenda", "head")
        self.assertIn("список приглашённых", str(refused.exception))
        meeting.invitees_agreed_by = "economist"  # not a deputy akim
        with self.assertRaises(WorkflowException):
            self.do(meeting, "approve_agenda", "head")
        meeting.invitees_agreed_by = "deputy"
        self.do(meeting, "approve_agenda", "head")
        self.assertEqual(meeting.review_state(), "agenda_approved")
        # without invitees there is nothing to agree
        plain = self.meeting(title="Без приглашённых")
        self.do(plain, "approve_agenda", "head")
        self.assertEqual(plain.review_state(), "agenda_approved")

    def test_meeting_ends_after_it_starts(self):
        """R2.4: a booking is a time span."""
        errors = invariant_errors(
            IMeeting, self.portal, **self.meeting_data(end=MEETING_START)
        )
        self.assertEqual(len(errors), 1)

    def test_agenda_item_title_starts_with_o(self):
        """A6.2: an agenda item's title starts with «О» / «Об» (Kazakh: ends with «туралы»)."""
        title = IAgendaItem["title"]
        for good in (
            "О ходе отопительного сезона",
            "Об утверждении плана",
            "Жылу беру маусымы туралы",
        ):
            self.assertTrue(title.constraint(good), good)
        for bad in ("Ход отопительного сезона", "Обсуждение плана", "Отопление"):
            with self.assertRaises(ValidationError):
                title.constraint(bad)

    def test_restricted_materials_refused(self):
        """R9.3 / R5.7: a material marked ДСП or secret, or named so, is refused with a message."""
        plain = NamedBlobFile(b"text", filename="spravka.docx")
        self.assertEqual(
            invariant_errors(
                IMaterial,
                self.portal,
                kind="certificate",
                file=plain,
                restriction="none",
            ),
            [],
        )
        for restriction in ("dsp", "secret"):
            errors = invariant_errors(
                IMaterial,
                self.portal,
                kind="certificate",
                file=plain,
                restriction=restriction,
            )
            self.assertEqual(len(errors), 1)
            self.assertIn("electronically", errors[0])
        named = NamedBlobFile(b"text", filename="Справка ДСП.docx")
        self.assertEqual(
            len(
                invariant_errors(
                    IMaterial,
                    self.portal,
                    kind="report",
                    file=named,
                    restriction="none",
                )
            ),
            1,
        )

    def test_presentation_at_most_10_mb(self):
        """R5.6: a presentation is at most 10 MB; exactly 10 MB is accepted, other kinds are not limited."""
        exact = NamedBlobFile(b"x" * MAX_PRESENTATION_BYTES, filename="slides.pptx")
        larger = NamedBlobFile(
            b"x" * (MAX_PRESENTATION_BYTES + 1), filename="slides.pptx"
        )
        self.assertEqual(
            invariant_errors(
                IMaterial,
                self.portal,
                kind="presentation",
                file=exact,
                restriction="none",
            ),
            [],
        )
        errors = invariant_errors(
            IMaterial, self.portal, kind="presentation", file=larger, restriction="none"
        )
        self.assertEqual(len(errors), 1)
        self.assertIn("10", errors[0])
        self.assertEqual(
            invariant_errors(
                IMaterial, self.portal, kind="report", file=larger, restriction="none"
            ),
            [],
        )


class QuorumTestCase(unittest.TestCase):
    def test_quorum_is_two_thirds(self):
        """R5.4: at least two thirds of the members; exactly two thirds is a quorum."""
        self.assertEqual(votes.quorum_needed(9), 6)
        self.assertTrue(votes.has_quorum(9, 6))
        self.assertFalse(votes.has_quorum(9, 5))
        self.assertEqual(votes.quorum_needed(10), 7)  # 6.67 rounds up
        self.assertFalse(votes.has_quorum(10, 6))
        self.assertTrue(votes.has_quorum(10, 7))
        self.assertFalse(votes.has_quorum(0, 0))

    def test_no_vote_without_quorum(self):
        """R5.4: no vote is recorded without a quorum."""
        with self.assertRaises(votes.VoteError) as refused:
            votes.count(9, 5, 5, 0, 0)
        self.assertIn("No quorum", str(refused.exception.args[0]))

    def test_majority_of_members_present(self):
        """R5.4: a resolution passes by more than half of the members present; a tie fails."""
        self.assertEqual(votes.count(9, 6, 4, 2, 0).outcome, votes.ADOPTED)
        self.assertEqual(votes.count(9, 6, 3, 3, 0).outcome, votes.REJECTED)  # tie
        self.assertEqual(
            votes.count(9, 6, 3, 0, 3).outcome, votes.REJECTED
        )  # half is not a majority
        self.assertEqual(votes.count(9, 7, 4, 0, 0).outcome, votes.ADOPTED)

    def test_counts_checked(self):
        """R5.4: more votes than members present, or negative numbers, are refused."""
        with self.assertRaises(votes.VoteError):
            votes.count(9, 6, 5, 2, 0)
        with self.assertRaises(votes.VoteError):
            votes.count(9, 6, -1, 2, 0)


class SessionVotesTestCase(MeetingFixture, unittest.TestCase):
    layer = AKIMAT_CONTENT_INTEGRATION_TESTING

    def test_session_votes_with_quorum(self):
        """R5.4: attendance counts only members; with two thirds present the vote is recorded."""
        session = self.meeting(kind="akimat-session", title="Заседание акимата")
        item = self.item(session, title="О бюджете района на 2027 год")
        self.held(session)
        with self.assertRaises(votes.VoteError):
            session.record_attendance(["economist"])
        session.record_attendance(["the-akim", "deputy", "deputy2", "head", "member1"])
        with self.assertRaises(votes.VoteError):
            item.record_vote(5, 0, 0)
        self.assertIsNone(item.vote)
        session.record_attendance(
            ["the-akim", "deputy", "deputy2", "head", "member1", "member2"]
        )
        self.assertTrue(session.has_quorum())
        result = item.record_vote(4, 1, 1)
        self.assertEqual(result.outcome, votes.ADOPTED)
        self.assertEqual(item.vote, result)

    def test_votes_only_at_sessions(self):
        """R5.4: votes are recorded at akimat sessions."""
        meeting = self.meeting()
        item = self.item(meeting)
        with self.assertRaises(votes.VoteError):
            item.record_vote(1, 0, 0)


class PreparationTestCase(MeetingFixture, unittest.TestCase):
    layer = AKIMAT_CONTENT_INTEGRATION_TESTING

    def due(self, meeting):
        return {
            step.id: step.due for step in meeting.timetable(today=date(2026, 11, 26))
        }

    def test_session_timetable(self):
        """R5.6, R5.8, R5.11: materials 5 wd before, package and handouts 1 wd before, protocol 1 wd after."""
        session = self.meeting(kind="akimat-session")  # Tuesday 8 December 2026
        due = self.due(session)
        self.assertEqual(due["materials"], date(2026, 12, 1))
        self.assertEqual(due["package"], date(2026, 12, 7))
        self.assertEqual(due["handouts"], date(2026, 12, 7))
        self.assertEqual(due["protocol"], date(2026, 12, 9))

    def test_apparatus_timetable(self):
        """R5.24–R5.29: agenda 4 wd before, materials 2 wd before, order of proceedings 1 wd before."""
        due = self.due(self.meeting())
        self.assertEqual(due["agenda"], date(2026, 12, 2))
        self.assertEqual(due["materials"], date(2026, 12, 4))
        self.assertEqual(due["proceedings"], date(2026, 12, 7))

    def test_government_session_timetable(self):
        """R5.15–R5.16: materials 2 wd before, to the head of apparatus 1 wd before."""
        due = self.due(self.meeting(kind="government-session"))
        self.assertEqual(due["materials"], date(2026, 12, 4))
        self.assertEqual(due["package"], date(2026, 12, 7))

    def test_hall_announced(self):
        """R5.57: a meeting in a hall is announced 2 days before, the pass list 1 day before."""
        due = self.due(self.meeting(hall="Малый зал"))
        self.assertEqual(due["hall"], date(2026, 12, 6))
        self.assertEqual(due["passes"], date(2026, 12, 7))

    def test_late_steps_marked(self):
        """R5.24: a step not done by its due date is late; marking it done records who and when."""
        meeting = self.meeting()
        with freeze_time("2026-12-03 10:00:00+06:00"):
            self.assertEqual(meeting.late_steps(), ["agenda"])
            step = meeting.timetable()[0]
            self.assertEqual((step.id, step.days_late), ("agenda", 1))
            meeting.mark_step("agenda", "summary-officer")
            self.assertEqual(meeting.late_steps(), [])
            done = meeting.timetable()[0]
            self.assertEqual(
                (done.done_by, done.done_on, done.days_late),
                ("summary-officer", date(2026, 12, 3), 1),
            )
        with self.assertRaises(ValueError):
            meeting.mark_step("no-such-step", "summary-officer")
