"""Personal reception: the schedule the akim approves, sign-up, the list 1 working day before,
the reception and its assignments (RULES.md R14, R13.2, R13.10)."""

from akimat.content import _
from akimat.content.appeals import receptions
from akimat.content.appeals import review as appeal_review
from akimat.content.appeals.appeal import IAppeal
from akimat.content.appeals.reception import IReception
from akimat.content.appeals.tests.test_appeals import AppealTestCase
from akimat.content.tests.security import forget_local_roles
from akimat.content.tests.views import ViewTests
from akimat.content.tests.word import docx_text
from datetime import date
from datetime import datetime
from freezegun import freeze_time
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.statusmessages.interfaces import IStatusMessage
from z3c.form.validator import Data
from zExceptions import Unauthorized
from zope.i18n import translate
from zope.interface import Invalid


NOW = "2026-12-09 10:00:00+05:00"  # a Wednesday
# Thursday 17 December; Wednesday 16 December is Independence Day, so the list is due on the 15th.
RECEPTION_START = datetime(2026, 12, 17, 15, 0)


class ReceptionTestCase(ViewTests, AppealTestCase):
    def schedule(self, approved=True, **receptions):
        with api.env.adopt_user(username="appeals-officer"):
            schedule = api.content.create(
                container=self.folder,
                type="ReceptionSchedule",
                id="schedule-2026",
                title="График личного приёма граждан на декабрь 2026 года",
                valid_from=date(2026, 12, 1),
                valid_until=date(2026, 12, 31),
            )
            self.reception_in(schedule)
        if approved:
            self.do(schedule, "approve", "the-akim")
        return schedule

    def reception_in(self, schedule, official="the-akim", start=RECEPTION_START):
        return api.content.create(
            container=schedule,
            type="Reception",
            id=f"reception-{len(schedule.objectIds()) + 1}",
            title="Личный приём",
            official=official,
            start=start,
            end=start.replace(hour=18),
            place="Кабинет акима",
            invitees=["Руководитель аппарата", "Начальник отдела ЖКХ"],
        )

    def reception(self, approved=True):
        return self.schedule(approved)["reception-1"]

    def sign_up(self, reception, name="Сейткали Айгуль", time="15:20", **form):
        values = {
            "applicant_name": name,
            "title": "О ремонте крыши",
            "substance": "Течёт крыша дома № 5.",
            "phone": "+7 701 111 22 33",
            "time": time,
        }
        values.update(form)
        self.render(reception, "@@sign-up", "appeals-officer", method="POST", **values)

    def messages(self):
        return [
            translate(message.message, context=self.request)
            for message in IStatusMessage(self.request).show()
        ]


@freeze_time(NOW)
class TestSchedule(ReceptionTestCase):
    def test_only_the_akim_approves(self):
        """R14.1: the schedule of personal receptions is approved by the akim, nobody else."""
        schedule = self.schedule(approved=False)
        for userid in ("appeals-officer", "deputy", "head"):
            with self.assertRaises(WorkflowException):
                self.do(schedule, "approve", userid)
        self.do(schedule, "approve", "the-akim")
        self.assertEqual(schedule.review_state(), "approved")
        self.assertEqual(
            (schedule.approved_by, schedule.approved_on),
            ("the-akim", date(2026, 12, 9)),
        )

    def test_staff_see_the_schedule_once_approved(self):
        """R14.1: staff see the schedule and its receptions once the akim approved them; a draft
        only the appeals department, the akim and the receiving official see."""
        schedule = self.schedule(approved=False)
        reception = schedule["reception-1"]
        forget_local_roles(self.request)
        for userid, sees in (
            ("economist", False),
            ("deputy", False),
            ("the-akim", True),
            ("appeals-officer", True),
        ):
            self.assertEqual(
                api.user.has_permission("View", username=userid, obj=reception),
                sees,
                userid,
            )
        self.do(schedule, "approve", "the-akim")
        forget_local_roles(self.request)
        for userid in ("economist", "deputy"):
            self.assertTrue(
                api.user.has_permission("View", username=userid, obj=schedule), userid
            )
            self.assertTrue(
                api.user.has_permission("View", username=userid, obj=reception), userid
            )

    def test_an_empty_schedule_is_not_approved(self):
        """R14.1: the akim approves receptions, not an empty page."""
        with api.env.adopt_user(username="appeals-officer"):
            schedule = api.content.create(
                container=self.folder,
                type="ReceptionSchedule",
                id="empty",
                title="Пусто",
                valid_from=date(2026, 12, 1),
                valid_until=date(2026, 12, 31),
            )
        with self.assertRaises(WorkflowException):
            self.do(schedule, "approve", "the-akim")

    def test_approved_schedule_takes_no_new_reception(self):
        """R14.1: a reception the akim has not approved cannot join his approved schedule; the
        department revises the schedule and the akim approves it again."""
        schedule = self.schedule()
        self.assertFalse(
            api.user.has_permission(
                "akimat.content: Add Reception",
                username="appeals-officer",
                obj=schedule,
            )
        )
        self.do(schedule, "revise")
        self.assertTrue(
            api.user.has_permission(
                "akimat.content: Add Reception",
                username="appeals-officer",
                obj=schedule,
            )
        )

    def test_only_the_akim_deputies_and_head_receive(self):
        """R14.1: personal receptions are held by the akim, his deputies and the head of apparatus."""
        schedule = self.schedule(approved=False)
        for official in ("the-akim", "deputy", "head"):
            IReception.validateInvariants(
                Data(
                    IReception,
                    {"official": official, "start": None, "end": None},
                    schedule,
                )
            )
        with self.assertRaises(Invalid):
            IReception.validateInvariants(
                Data(
                    IReception,
                    {"official": "economy-head", "start": None, "end": None},
                    schedule,
                )
            )

    def test_schedule_page_lists_its_receptions(self):
        schedule = self.schedule(approved=False)
        html = self.render(schedule, "@@view", "the-akim")
        self.assertIn("17.12.2026 15:00–18:00", html)
        self.assertIn("15.12.2026", html)  # the list's term, R14.2
        self.assertIn('id="schedule-approve"', html)
        self.assertNotIn(
            'id="schedule-approve"', self.render(schedule, "@@view", "appeals-officer")
        )

    def test_register_links_the_schedules(self):
        """The appeals department finds its schedules from the register of appeals."""
        schedule = self.schedule()
        html = self.render(self.portal, "@@appeals-register", "appeals-officer")
        self.assertIn(schedule.absolute_url(), html)


@freeze_time(NOW)
class TestSignUp(ReceptionTestCase):
    def test_sign_up_registers_an_oral_appeal_to_the_official(self):
        """R14.2, R13.6, R13.8: a person signed up is an appeal received orally at the reception,
        registered at once and addressed to the receiving official."""
        reception = self.reception()
        self.sign_up(reception)
        (appeal,) = receptions.signups(reception)
        self.assertEqual(
            (appeal.channel, appeal.addressee, appeal.reception),
            ("reception", "the-akim", reception.UID()),
        )
        self.assertEqual(appeal.review_state(), "registered")
        self.assertEqual(appeal.registration_date, date(2026, 12, 9))
        self.assertEqual(appeal.reception_time, datetime(2026, 12, 17, 15, 20))
        self.assertIn(
            reception.absolute_url(), self.render(appeal, "@@view", "the-akim")
        )

    def test_no_sign_up_before_the_akim_approves(self):
        """R14.1: nobody signs up for a reception of a schedule the akim has not approved, neither
        on the page nor by the Appeal's own rules (REST)."""
        reception = self.reception(approved=False)
        self.sign_up(reception)
        self.assertEqual(receptions.signups(reception), [])
        self.assertIn(
            translate(
                _("The reception schedule is not yet approved by the akim (R14.1)."),
                context=self.request,
            ),
            self.messages(),
        )
        data = Data(
            IAppeal, {"reception": reception.UID(), "channel": "reception"}, self.folder
        )
        with self.assertRaises(Invalid):
            IAppeal.validateInvariants(data)

    def test_received_within_the_reception_hours_without_the_page(self):
        """R14.1: the time at a reception is within its hours in the approved schedule: the plain
        rule (receptions.sign_up) and the Appeal's own rules (REST) refuse another, not only the page."""
        reception = self.reception()  # 15:00–18:00
        applicant = {
            "kind": "appeal",
            "applicant_name": "Сейткали Айгуль",
            "title": "О ремонте крыши",
            "substance": "Течёт крыша дома № 5.",
            "phone": "+7 701 111 22 33",
        }
        for outside in (datetime(2026, 12, 17, 14, 59), datetime(2026, 12, 17, 18, 0)):
            with (
                api.env.adopt_user(username="appeals-officer"),
                self.assertRaises(WorkflowException) as refused,
            ):
                receptions.sign_up(reception, reception_time=outside, **applicant)
            self.assertIn("15:00–18:00", str(refused.exception))
            with self.assertRaises(Invalid):
                IAppeal.validateInvariants(
                    Data(
                        IAppeal,
                        {"reception": reception.UID(), "reception_time": outside},
                        self.folder,
                    )
                )
        self.assertEqual(receptions.signups(reception), [])
        within = {
            "reception": reception.UID(),
            "reception_time": datetime(2026, 12, 17, 17, 59),
            "collective": False,
        }
        IAppeal.validateInvariants(Data(IAppeal, within, self.folder))
        with api.env.adopt_user(username="appeals-officer"):
            appeal = receptions.sign_up(
                reception, reception_time=datetime(2026, 12, 17, 15, 0), **applicant
            )
        self.assertEqual(receptions.signups(reception), [appeal])

    def test_refusals_are_messages(self):
        """Bad input signs nobody up and says why."""
        reception = self.reception()
        for form in (
            {"name": ""},
            {"time": "19:30"},
            {"time": "quarter past"},
            {"phone": ""},
            {"applicant_id": "123456789012"},
            {"kind": "spam"},
        ):
            self.sign_up(reception, **form)
            self.assertTrue(self.messages(), form)
        self.assertEqual(receptions.signups(reception), [])

    def test_no_sign_up_once_the_list_is_with_the_official(self):
        """R14.2: the list the official has is the list of the reception."""
        reception = self.reception()
        self.do(reception, "submit_list")
        self.sign_up(reception)
        self.assertEqual(receptions.signups(reception), [])

    def test_only_the_department_signs_up(self):
        """R13.2: the official and other staff may not sign people up."""
        reception = self.reception()
        for userid in ("the-akim", "economy-head"):
            with self.assertRaises(Unauthorized):
                self.render(
                    reception, "@@sign-up", userid, method="POST", applicant_name="x"
                )


@freeze_time(NOW)
class TestList(ReceptionTestCase):
    def test_list_due_one_working_day_before(self):
        """R14.2: the list reaches the official 1 working day before the reception; a holiday
        between does not count (16 December, Independence Day)."""
        reception = self.reception()
        self.assertEqual(reception.list_due(), date(2026, 12, 15))
        self.assertFalse(reception.list_late())
        self.assertTrue(reception.list_late(today=date(2026, 12, 16)))

    def test_submitted_late_is_marked(self):
        """R14.2: a list sent after its term stays marked late."""
        reception = self.reception()
        with freeze_time("2026-12-16 12:00:00+05:00"):
            self.do(reception, "submit_list")
        self.assertEqual(reception.list_submitted_on, date(2026, 12, 16))
        self.assertTrue(reception.list_late())
        self.assertIn(
            'id="reception-list-late"',
            self.render(reception, "@@view", "appeals-officer"),
        )

    def test_list_docx_has_names_issues_and_invitees(self):
        """R14.2: the list names each person with their issue, and the invitees."""
        reception = self.reception()
        self.sign_up(reception, name="Сейткали Айгуль", time="15:20")
        self.sign_up(
            reception,
            name="Нурланов Ерлан",
            time="15:00",
            substance="Нет освещения на улице.",
        )
        text = docx_text(self.render(reception, "@@list.docx", "the-akim"))
        self.assertLess(
            text.index("Нурланов Ерлан"), text.index("Сейткали Айгуль")
        )  # in the order of time
        for expected in (
            "Течёт крыша дома № 5.",
            "Нет освещения на улице.",
            "Начальник отдела ЖКХ",
            "17.12.2026",
        ):
            self.assertIn(expected, text)

    def test_the_official_and_the_department_see_the_list_others_do_not(self):
        """R13.2: the people signed up are seen by the appeals department and the receiving
        official only: not by another deputy, not by a department head, on the page or in the DOCX."""
        reception = self.reception()
        self.sign_up(reception)
        for userid in ("appeals-officer", "the-akim"):
            self.assertIn("Сейткали Айгуль", self.render(reception, "@@view", userid))
        for userid in ("deputy", "economy-head"):
            self.assertNotIn(
                "Сейткали Айгуль", self.render(reception, "@@view", userid)
            )
            self.assertNotIn(
                "Сейткали Айгуль",
                docx_text(self.render(reception, "@@list.docx", userid)),
            )
            self.assertEqual(self.found_by(userid), [])


@freeze_time(NOW)
class TestReception(ReceptionTestCase):
    def held_reception(self):
        reception = self.reception()
        self.sign_up(reception)
        self.do(reception, "submit_list")
        return reception

    def test_held_only_with_what_each_person_said(self):
        """R13.10: what each person said at the reception is recorded before it is marked held."""
        reception = self.held_reception()
        with freeze_time("2026-12-17 18:00:00+05:00"):
            with self.assertRaises(WorkflowException):
                self.do(reception, "hold")
            (appeal,) = receptions.signups(reception)
            appeal.oral_record = "Просит отремонтировать крышу до весны."
            self.do(reception, "hold")
        self.assertEqual(
            (reception.review_state(), reception.held_on), ("held", date(2026, 12, 17))
        )

    def test_not_held_before_it_begins(self):
        reception = self.held_reception()
        (appeal,) = receptions.signups(reception)
        appeal.oral_record = "Запись"
        with self.assertRaises(WorkflowException):
            self.do(reception, "hold")

    def test_assignments_given_are_controlled_by_the_appeals_department(self):
        """R14.4: an assignment given at a reception has the reception as its source and the
        appeals department as controller; the protocol names it for the bodies concerned."""
        reception = self.held_reception()
        (appeal,) = receptions.signups(reception)
        with freeze_time("2026-12-17 18:00:00+05:00"):
            appeal.oral_record = "Просит отремонтировать крышу до весны."
            self.do(reception, "hold")
            self.do(appeal, "review")
            assignment = appeal_review.assign(appeal, ["economist"])
        self.assertEqual(
            (assignment.source_kind, assignment.controller), ("reception", "appeals")
        )
        self.assertIn("17.12.2026", assignment.source_reference)
        self.assertIn(f"№ {appeal.registration_number}", assignment.source_reference)
        text = docx_text(self.render(reception, "@@protocol.docx", "appeals-officer"))
        for expected in (
            "Просит отремонтировать крышу до весны.",
            "О ремонте крыши",
            "Сейткали Айгуль",
        ):
            self.assertIn(expected, text)
