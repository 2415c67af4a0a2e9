"""The pages of meetings: the meeting with its preparation checklist, agenda and quorum; the vote
and attendance forms; handouts per audience; the calendar and the akim's schedule; proposals of
changes to the Orgotdel; upcoming meetings (RULES.md R5, R2.3, R9.3)."""

from akimat.content import _
from akimat.content.interfaces import IAkimatContentLayer
from akimat.content.meetings import votes
from akimat.content.testing import AKIMAT_CONTENT_INTEGRATION_TESTING
from akimat.content.tests.meetings import MEETING_END
from akimat.content.tests.meetings import MEETING_START
from akimat.content.tests.meetings import MeetingFixture
from datetime import date
from datetime import timedelta
from docx import Document
from email import message_from_bytes
from email.header import decode_header
from email.header import make_header
from freezegun import freeze_time
from io import BytesIO
from plone import api
from plone.namedfile.file import NamedBlobFile
from Products.CMFPlone.tests.utils import MockMailHost
from Products.MailHost.interfaces import IMailHost
from Products.statusmessages.interfaces import IStatusMessage
from types import SimpleNamespace
from zExceptions import Unauthorized
from zope.component import getSiteManager
from zope.i18n import translate
from zope.interface import alsoProvides
from ZPublisher.HTTPRequest import FileUpload

import re
import unittest
import zipfile


SIX_PRESENT = [
    "the-akim",
    "deputy",
    "deputy2",
    "head",
    "member1",
    "member2",
]  # of nine: a quorum


class MeetingViewTestCase(MeetingFixture, unittest.TestCase):
    layer = AKIMAT_CONTENT_INTEGRATION_TESTING

    def setUp(self):
        super().setUp()
        self.request = self.layer["request"]
        alsoProvides(self.request, IAkimatContentLayer)

    def material(self, item, kind, filename, title=None):
        with api.env.adopt_user(username="organiser"):
            return api.content.create(
                container=item,
                type="Material",
                kind=kind,
                title=title or filename,
                file=NamedBlobFile(
                    f"{kind} of {item.title}".encode(), filename=filename
                ),
                restriction="none",
            )

    def session(self, **fields):
        return self.meeting(kind="akimat-session", title="Заседание акимата", **fields)

    def row(self, html, element_id):
        """The HTML of the table row with this id."""
        match = re.search(rf'<tr[^>]*id="{element_id}".*?</tr>', html, re.DOTALL)
        self.assertIsNotNone(match, element_id)
        return match.group(0)

    def status_messages(self):
        return [message.message for message in IStatusMessage(self.request).show()]


class TestMeetingPage(MeetingViewTestCase):
    def test_checklist_shows_due_dates_responsible_and_late_steps(self):
        """R5.24, R5.25, R5.57: each step with its due date, its unit and rule; a late step is marked
        with the working days it is late."""
        meeting = self.meeting(hall="Малый зал")
        self.item(meeting)
        with freeze_time("2026-12-03 10:00:00+05:00"):
            html = self.render(meeting, "@@view", "economist")
        agenda = self.row(
            html, "step-agenda"
        )  # due 02.12, not done: 1 working day late
        self.assertIn("02.12.2026", agenda)
        self.assertIn("step-late", agenda)
        self.assertIn('data-days-late="1"', agenda)
        self.assertIn("svodny-otdel", agenda)  # the Сводный отдел of the settings
        self.assertNotIn("R5.24", agenda)  # the rule's ID stays in the code
        materials = self.row(html, "step-materials")  # due 04.12: not yet late
        self.assertIn("04.12.2026", materials)
        self.assertIn("economy", materials)  # the responsible department of the items
        self.assertNotIn("step-late", materials)
        self.assertIn("06.12.2026", self.row(html, "step-hall"))  # calendar days before
        self.assertNotIn("@@mark-step", html)  # the economist may not mark steps

    def test_details_agenda_and_materials(self):
        """R5.3, R5.6, R5.28: the schedule, the invitees and who agreed them, the items with their
        speakers, closed flag and materials by kind with download links."""
        meeting = self.meeting(hall="Малый зал", invitees=["Иванов И. И., ТОО «Жылу»"])
        item = self.item(
            meeting, speakers=["economy-head"], speakers_external="Директор ТОО «Жылу»"
        )
        closed = self.item(meeting, title="О кадровых вопросах", closed_item=True)
        certificate = self.material(
            item, "certificate", "spravka.docx", title="Справка"
        )
        report = self.material(item, "report", "doklad.docx", title="Доклад")
        html = self.render(meeting, "@@view", "economist")
        self.assertIn("08.12.2026 10:00–12:00", html)
        self.assertIn("Малый зал", html)
        self.assertIn("Иванов И. И., ТОО «Жылу»", html)
        self.assertIn('id="meeting-invitees-not-agreed"', html)
        self.assertIn('id="agenda-item-2"', html)
        self.assertIn(closed.absolute_url(), html)
        self.assertIn(
            'class="badge text-bg-dark"', html[html.index('id="agenda-item-2"') :]
        )
        self.assertIn("Economy Head", html)
        self.assertIn("Директор ТОО «Жылу»", html)
        self.assertIn(f"{certificate.absolute_url()}/@@download/file", html)
        self.assertIn(f"{report.absolute_url()}/@@download/file", html)
        # kinds in the order of R5.6: the information note before the report
        self.assertLess(
            html.index(certificate.absolute_url()), html.index(report.absolute_url())
        )
        self.assertIn("@@handout?audience=akim", html)
        self.assertNotIn("++add++AgendaItem", html)
        self.assertIn("++add++AgendaItem", self.render(meeting, "@@view", "organiser"))
        meeting.invitees_agreed_by = "deputy"
        self.assertNotIn(
            'id="meeting-invitees-not-agreed"',
            self.render(meeting, "@@view", "economist"),
        )

    def test_workflow_buttons_and_protocol_button(self):
        """R5.11: the transitions the user may take; «Create the protocol» once the meeting is held,
        for those who may add protocols."""
        meeting = self.meeting()
        self.assertIn(
            'id="meeting-approve_agenda"', self.render(meeting, "@@view", "head")
        )
        self.assertNotIn(
            'id="meeting-approve_agenda"', self.render(meeting, "@@view", "economist")
        )
        self.assertNotIn(
            'id="meeting-create-protocol"',
            self.render(meeting, "@@view", "odk-officer"),
        )
        self.held(meeting)
        self.assertIn(
            'id="meeting-create-protocol"',
            self.render(meeting, "@@view", "odk-officer"),
        )
        self.assertNotIn(
            'id="meeting-create-protocol"', self.render(meeting, "@@view", "economist")
        )
        protocol = self.protocol(meeting)
        html = self.render(meeting, "@@view", "odk-officer")
        self.assertNotIn(
            'id="meeting-create-protocol"', html
        )  # one protocol per meeting
        self.assertIn(protocol.absolute_url(), html)

    def test_quorum_on_the_session_page(self):
        """R5.4: present N of M, the quorum needed and whether it is there."""
        session = self.held(self.session())
        session.record_attendance(SIX_PRESENT[:5])
        html = self.render(session, "@@view", "economist")
        self.assertIn('data-quorum="no"', html)
        line = _(
            "Present ${present} of ${members}; the quorum is ${needed} (two thirds).",
            mapping={"present": 5, "members": 9, "needed": 6},
        )
        self.assertIn(translate(line, context=self.request), html)
        session.record_attendance(SIX_PRESENT)
        self.assertIn('data-quorum="yes"', self.render(session, "@@view", "economist"))
        self.assertNotIn(
            'id="meeting-attendance"',
            self.render(self.meeting(), "@@view", "economist"),
        )

    def test_refused_transition_is_a_message(self):
        """R5.28: approving the agenda with invitees nobody agreed is refused on the page, with
        the reason, and the meeting stays planned; once a deputy agreed them it goes through."""
        meeting = self.meeting(invitees=["Иванов И. И., ТОО «Жылу»"])
        self.render(
            meeting,
            "@@transition",
            "head",
            method="POST",
            workflow_action="approve_agenda",
        )
        self.assertTrue(
            any("список приглашённых" in message for message in self.status_messages())
        )
        self.assertEqual(meeting.review_state(), "planned")
        meeting.invitees_agreed_by = "deputy"
        self.render(
            meeting,
            "@@transition",
            "head",
            method="POST",
            workflow_action="approve_agenda",
        )
        self.assertEqual(meeting.review_state(), "agenda_approved")
        self.render(
            meeting, "@@transition", "economist", method="POST", workflow_action="hold"
        )
        self.assertEqual(
            meeting.review_state(), "agenda_approved"
        )  # not an organiser: no such button


class TestMarkStep(MeetingViewTestCase):
    def test_mark_done_and_not_done(self):
        """R5.24: the Сводный отдел marks a step done (who, when) and undoes it; POST only."""
        meeting = self.meeting()
        self.render(
            meeting, "@@mark-step", "organiser", step="agenda", done="1"
        )  # a GET changes nothing
        self.assertEqual(meeting.done_steps(), {})
        with freeze_time("2026-12-01 10:00:00+05:00"):
            self.render(
                meeting,
                "@@mark-step",
                "organiser",
                method="POST",
                step="agenda",
                done="1",
            )
            html = self.render(meeting, "@@view", "organiser")
        self.assertEqual(
            meeting.done_steps(), {"agenda": ("organiser", date(2026, 12, 1))}
        )
        self.assertIn('data-done="yes"', self.row(html, "step-agenda"))
        self.assertIn("01.12.2026", self.row(html, "step-agenda"))
        self.render(
            meeting, "@@mark-step", "organiser", method="POST", step="agenda", done="0"
        )
        self.assertEqual(meeting.done_steps(), {})

    def test_unknown_step_is_a_message(self):
        """R5: a step the meeting does not have is refused with a message; nothing is stored."""
        meeting = self.meeting()
        self.render(
            meeting,
            "@@mark-step",
            "organiser",
            method="POST",
            step="no-such-step",
            done="1",
        )
        self.assertEqual(meeting.done_steps(), {})
        self.assertEqual(len(self.status_messages()), 1)

    def test_refused_without_permission(self):
        """R5: only those who prepare the meeting mark its steps."""
        meeting = self.meeting()
        with self.assertRaises(Unauthorized):
            self.render(
                meeting,
                "@@mark-step",
                "economist",
                method="POST",
                step="agenda",
                done="1",
            )
        self.assertEqual(meeting.done_steps(), {})


class TestVotes(MeetingViewTestCase):
    def vote(self, item, userid="organiser", **numbers):
        form = {f"form.widgets.{name}": str(value) for name, value in numbers.items()}
        return self.render(
            item,
            "@@vote",
            userid,
            method="POST",
            **form,
            **{"form.buttons.record": "1"},
        )

    def attend(self, session, present, userid="organiser"):
        form = {
            "form.widgets.present": present,
            "form.widgets.present-empty-marker": "1",
            "form.buttons.save": "1",
        }
        return self.render(session, "@@attendance", userid, method="POST", **form)

    def test_no_vote_without_quorum(self):
        """R5.4: without two thirds of the members present the vote is refused with the reason and
        nothing is stored; with the quorum it is recorded and shown."""
        session = self.session()
        item = self.item(session, title="О бюджете района на 2027 год")
        self.held(session)
        self.attend(session, SIX_PRESENT[:5])
        html = self.vote(item, votes_for=5, against=0, abstained=0)
        self.assertIn('class="portalMessage statusmessage', html)  # the refusal
        self.assertIsNone(item.vote)
        self.attend(session, SIX_PRESENT)
        self.vote(item, votes_for=4, against=1, abstained=1)
        self.assertEqual(item.vote, votes.Result(4, 1, 1, votes.ADOPTED))
        self.assertEqual(
            self.request.response.getHeader("location"), item.absolute_url()
        )
        self.assertIn(
            'data-outcome="adopted"', self.render(session, "@@view", "economist")
        )
        self.assertIn(
            'data-outcome="adopted"', self.render(item, "@@view", "economist")
        )

    def test_more_votes_than_present_refused(self):
        """R5.4: more votes than members present are refused; nothing is stored."""
        session = self.session()
        item = self.item(session, title="О бюджете района на 2027 год")
        self.held(session)
        session.record_attendance(SIX_PRESENT)
        self.vote(item, votes_for=5, against=2, abstained=0)
        self.assertIsNone(item.vote)

    def test_attendance_form_lists_the_members(self):
        """R5.4: the attendance form offers the akimat members by name, checked as recorded; a
        stranger is refused by the form."""
        session = self.held(self.session())
        session.record_attendance(["member1"])
        html = self.render(session, "@@attendance", "organiser")
        self.assertIn("Member5", html)
        self.assertRegex(
            html, r'value="member1"[^>]*checked|checked[^>]*value="member1"'
        )
        self.attend(session, ["member2", "member3"])
        self.assertEqual(session.attendance, ["member2", "member3"])
        self.assertIn(
            'class="portalMessage statusmessage',
            self.attend(session, ["member2", "economist"]),
        )
        self.assertEqual(session.attendance, ["member2", "member3"])
        self.attend(session, [])
        self.assertEqual(session.attendance, [])

    def test_forms_need_the_permission(self):
        """R5.4: votes and attendance are recorded by the meeting's secretariat once it is held."""
        session = self.session()
        item = self.item(session, title="О бюджете района на 2027 год")
        with self.assertRaises(Unauthorized):
            self.vote(item, votes_for=1, against=0, abstained=0)
        self.held(session)
        with self.assertRaises(Unauthorized):
            self.vote(item, userid="economist", votes_for=1, against=0, abstained=0)
        with self.assertRaises(Unauthorized):
            self.attend(session, ["member1"], userid="economist")


class TestMaterials(MeetingViewTestCase):
    def test_restricted_material_refused_by_the_add_form(self):
        """R9.3, R5.7: a material marked ДСП is refused by the add form with a message; nothing is added."""
        item = self.item(self.meeting())
        upload = FileUpload(
            SimpleNamespace(
                file=BytesIO(b"secret text"),
                headers={},
                filename="spravka.docx",
                name="form.widgets.file",
            )
        )
        form = {
            "form.widgets.kind": ["certificate"],
            "form.widgets.kind-empty-marker": "1",
            "form.widgets.title": "Справка",
            "form.widgets.file": upload,
            "form.widgets.restriction": ["dsp"],
            "form.widgets.restriction-empty-marker": "1",
            "form.buttons.save": "Save",
        }
        html = self.render(item, "++add++Material", "organiser", method="POST", **form)
        self.assertIn("statusmessage-error", html)
        self.assertEqual(item.objectIds(), [])


class TestHandouts(MeetingViewTestCase):
    def package(self):
        session = self.session(invitees=["Иванов И. И."])
        first = self.item(session)
        closed = self.item(session, title="О кадровых вопросах", closed_item=True)
        for kind, filename in (
            ("certificate", "spravka.docx"),
            ("report", "doklad.docx"),
            ("presentation", "slides.pptx"),
            ("draft-resolution", "proekt.docx"),
            ("order-of-proceedings", "reglament.docx"),
            ("comparison-table", "tablica.docx"),
        ):
            self.material(first, kind, filename)
        self.material(closed, "report", "doklad.docx")
        return session

    def archive(self, session, audience):
        """The ZIP of the audience's handouts, read from the stream the view returns."""
        with self.render(
            session, "@@handout.zip", "deputy", audience=audience
        ) as stream:
            data = b"".join(stream)
        self.assertEqual(
            self.request.response.getHeader("Content-Type"), "application/zip"
        )
        self.assertIn(
            "attachment", self.request.response.getHeader("Content-Disposition")
        )
        return zipfile.ZipFile(BytesIO(data))

    def names(self, session, audience):
        with self.archive(session, audience) as archive:
            self.assertIsNone(archive.testzip())
            return sorted(archive.namelist())

    def test_contents_per_audience(self):
        """R5.8: the akim gets agenda, order of proceedings, invitees, drafts, справка, report and
        slides; deputies and the head of apparatus agenda, drafts, report, slides; members agenda
        and drafts. Closed items are included (R5.3)."""
        session = self.package()
        self.assertEqual(
            self.names(session, "akim"),
            sorted(
                [
                    "agenda.docx",
                    "1-order-of-proceedings-reglament.docx",
                    "invitees.docx",
                    "drafts.docx",
                    "1-certificate-spravka.docx",
                    "1-report-doklad.docx",
                    "2-report-doklad.docx",
                    "1-presentation-slides.pptx",
                ]
            ),
        )
        self.assertEqual(
            self.names(session, "deputies"),
            sorted(
                [
                    "agenda.docx",
                    "drafts.docx",
                    "1-report-doklad.docx",
                    "2-report-doklad.docx",
                    "1-presentation-slides.pptx",
                ]
            ),
        )
        self.assertEqual(self.names(session, "members"), ["agenda.docx", "drafts.docx"])

    def test_generated_documents(self):
        """R5.8: the agenda lists the items (closed ones too), the list of drafts names the drafts."""
        session = self.package()
        with self.archive(session, "members") as archive:
            agenda = "\n".join(
                p.text
                for p in Document(BytesIO(archive.read("agenda.docx"))).paragraphs
            )
            drafts = "\n".join(
                p.text
                for p in Document(BytesIO(archive.read("drafts.docx"))).paragraphs
            )
        self.assertIn("1. О ходе отопительного сезона", agenda)
        self.assertIn("2. О кадровых вопросах", agenda)
        self.assertIn("proekt.docx", drafts)
        html = self.render(session, "@@handout", "deputy", audience="akim")
        self.assertIn('id="handout-invitees"', html)
        self.assertIn("Иванов И. И.", html)
        self.assertIn("1-certificate-spravka.docx", html)

    def test_unknown_audience_is_a_400(self):
        """R5.8: the audiences are the akim, the deputies and the members; anything else is refused plainly."""
        session = self.session()
        for name in ("@@handout.zip", "@@handout"):
            message = self.render(session, name, "deputy", audience="press")
            self.assertEqual(self.request.response.getStatus(), 400)
            self.assertNotIn("<html", message)


class TestCalendar(MeetingViewTestCase):
    def setUp(self):
        super().setUp()
        week = timedelta(days=7)
        self.this_week = self.meeting(
            title="Совещание этой недели"
        )  # Tuesday 8 December 2026
        self.next_week = self.meeting(
            title="Совещание следующей недели",
            start=MEETING_START + week,
            end=MEETING_END + week,
            chair="deputy",
        )
        self.cancelled = self.meeting(
            title="Отменённое совещание",
            start=MEETING_START + timedelta(days=1),
            end=MEETING_END + timedelta(days=1),
            chair="akim",
        )
        self.do(self.cancelled, "cancel", "organiser")

    def test_week_and_month(self):
        """R2.3: the week shows its meetings by day; the month the whole month; cancelled ones struck through."""
        html = self.render(
            self.portal, "@@meetings-calendar", "economist", date="2026-12-09"
        )
        self.assertIn('data-first="2026-12-07"', html)
        self.assertIn("Совещание этой недели", html)
        self.assertNotIn("Совещание следующей недели", html)
        struck = html[html.index('data-state="cancelled"') :]
        self.assertLess(
            struck.index("text-decoration-line-through"),
            struck.index("Отменённое совещание"),
        )
        day = html[
            html.index('data-date="2026-12-08"') : html.index('data-date="2026-12-09"')
        ]
        self.assertIn("10:00–12:00", day)
        html = self.render(
            self.portal,
            "@@meetings-calendar",
            "economist",
            mode="month",
            date="2026-12-20",
        )
        self.assertIn('data-first="2026-12-01"', html)
        self.assertIn("Совещание следующей недели", html)
        self.assertIn("mode=month&amp;date=2027-01-01", html)  # the next month

    def test_akim_schedule(self):
        """R2.3: the akim's schedule shows the meetings the akim (or his group) chairs only."""
        html = self.render(
            self.portal,
            "@@meetings-calendar",
            "economist",
            mode="month",
            date="2026-12-01",
            who="akim",
        )
        self.assertIn("Совещание этой недели", html)  # chaired by the akim
        self.assertIn("Отменённое совещание", html)  # chaired by the akim's group
        self.assertNotIn("Совещание следующей недели", html)  # chaired by a deputy
        self.assertIn("@@propose-schedule-change", html)

    @freeze_time("2026-12-15 10:00:00+05:00")
    def test_bad_date_shows_the_current_week(self):
        """R2.3: a malformed date is said plainly and the current week is shown."""
        html = self.render(
            self.portal,
            "@@meetings-calendar",
            "economist",
            date="15.12.2026",
            mode="month",
        )
        self.assertIn("15.12.2026", html[html.index("alert") :])
        self.assertIn('data-first="2026-12-14"', html)
        self.assertIn('data-mode="week"', html)
        self.assertIn("Совещание следующей недели", html)
        html = self.render(
            self.portal, "@@meetings-calendar", "economist", date="0001-01-01"
        )
        self.assertIn('data-first="2026-12-14"', html)

    @freeze_time("2026-12-07 10:00:00+05:00")
    def test_upcoming_meetings(self):
        """R2.3: the next 14 days, earliest first, without cancelled meetings."""
        later = self.meeting(
            title="Через месяц",
            start=MEETING_START + timedelta(days=30),
            end=MEETING_END + timedelta(days=30),
        )
        view = self.portal.restrictedTraverse("@@upcoming-meetings")
        self.assertEqual(
            [b.getObject() for b in view.brains()], [self.this_week, self.next_week]
        )
        self.assertEqual([b.getObject() for b in view.brains(1)], [self.this_week])
        html = self.render(self.portal, "@@upcoming-meetings", "economist")
        self.assertIn("Совещание следующей недели", html)
        self.assertNotIn(later.title, html)


class TestScheduleProposal(MeetingViewTestCase):
    def setUp(self):
        super().setUp()
        for record, value in (
            ("plone.smtp_host", "localhost"),
            ("plone.email_from_address", "noreply@baidibek.example"),
            ("plone.email_from_name", "Интранет аппарата акима"),
        ):
            api.portal.set_registry_record(record, value)
        self.addCleanup(self.use_mailhost, self.portal.MailHost)
        self.mailhost = self.use_mailhost(MockMailHost("MailHost"))

    def use_mailhost(self, mailhost):
        """Plone's test MailHost keeps the messages instead of sending them."""
        self.portal.MailHost = mailhost
        site_manager = getSiteManager(self.portal)
        site_manager.unregisterUtility(provided=IMailHost)
        site_manager.registerUtility(mailhost, provided=IMailHost)
        return mailhost

    def propose(self, **form):
        form = {f"form.widgets.{name}": value for name, value in form.items()}
        return self.render(
            self.portal,
            "@@propose-schedule-change",
            "economist",
            method="POST",
            **form,
            **{"form.buttons.send": "1"},
        )

    @freeze_time("2026-12-07 10:00:00+05:00")
    def test_proposal_is_mailed_to_the_orgotdel(self):
        """R2.3: a staff member's proposal reaches the Orgotdel, who keeps the akim's schedule, by e-mail."""
        meeting = self.meeting(title="Совещание с акимом")
        html = self.render(
            self.portal, "@@propose-schedule-change", "economist", meeting=meeting.UID()
        )
        self.assertIn("Совещание с акимом", html)
        self.propose(text="Перенести на 11:00", meeting=[meeting.UID()])
        self.assertEqual(len(self.mailhost.messages), 1)
        message = message_from_bytes(self.mailhost.messages[0])
        self.assertEqual(message["To"], "organiser@example.org")
        self.assertIn("economist@example.org", message["Reply-To"])
        self.assertTrue(str(make_header(decode_header(message["Subject"]))))
        body = message.get_payload(decode=True).decode("utf-8")
        self.assertIn("Перенести на 11:00", body)
        self.assertIn("Совещание с акимом", body)
        self.assertIn(meeting.absolute_url(), body)
        self.assertIn(
            "@@meetings-calendar?who=akim", self.request.response.getHeader("location")
        )

    def test_empty_proposal_is_refused(self):
        """R2.3: a proposal without text is refused by the form; nothing is sent."""
        self.propose(text="")
        self.assertEqual(self.mailhost.messages, [])
