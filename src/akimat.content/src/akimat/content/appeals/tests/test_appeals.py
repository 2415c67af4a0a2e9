"""Appeals: who sees them, registration, the lawful paths and their terms (RULES.md R13, R0.5)."""

from akimat.content.appeals.appeal import IAppeal
from akimat.content.core import numbering
from akimat.content.testing import AKIMAT_CONTENT_INTEGRATION_TESTING
from akimat.content.tests.security import forget_local_roles
from datetime import date
from datetime import datetime
from freezegun import freeze_time
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.interface import Invalid
from zope.schema import ValidationError

import transaction
import unittest


GROUPS = {
    "appeals": ["appeals-officer"],
    "akim": ["the-akim"],
    "deputy-akims": ["deputy"],
    "head-of-apparatus": ["head"],
    "economy": ["economist"],
    "economy-heads": ["economy-head"],
    "odk": ["odk-officer"],
}
LAWFUL_TRANSITIONS = {
    "register",
    "request_correction",
    "corrected",
    "return_to_applicant",
    "redirect",
    "forward",
    "review",
    "answer",
    "close",
}


class AppealTestCase(unittest.TestCase):
    layer = AKIMAT_CONTENT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        for group, users in GROUPS.items():
            if api.group.get(groupname=group) is None:
                api.group.create(groupname=group)
            for userid in users:
                if api.user.get(username=userid) is None:
                    api.user.create(
                        username=userid,
                        email=f"{userid}@example.org",
                        password="secret-123",
                    )
                api.group.add_user(groupname=group, username=userid)
        for group, roles in (
            ("akim", ["Leadership"]),
            ("head-of-apparatus", ["Leadership"]),
            ("deputy-akims", ["Deputy Akim"]),
            ("odk", ["Control Officer"]),
            ("appeals", ["Appeals Officer"]),
        ):
            api.group.grant_roles(groupname=group, roles=roles, obj=self.portal)
        # The confidential section as akimat.policy makes it: the appeals department only (R13.2).
        folder = api.content.create(
            container=self.portal, type="Section", id="appeals", title="appeals"
        )
        folder.__ac_local_roles_block__ = True
        api.group.grant_roles(
            groupname="appeals",
            roles=["Contributor", "Editor", "Reader", "Reviewer"],
            obj=folder,
        )
        folder.reindexObjectSecurity()
        self.folder = folder

    def appeal(self, **fields):
        values = {
            "kind": "appeal",
            "title": "О ремонте дороги в селе Шаян",
            "substance": "Прошу отремонтировать дорогу.",
            "channel": "letter",
            "received_at": datetime(2026, 12, 8, 11, 0),
            "applicant_name": "Иванов Иван",
            "address": "с. Шаян, ул. Абая, 1",
        }
        values.update(fields)
        with api.env.adopt_user(username="appeals-officer"):
            return api.content.create(container=self.folder, type="Appeal", **values)

    def do(self, appeal, transition, userid="appeals-officer"):
        with api.env.adopt_user(username=userid):
            api.portal.get_tool("portal_workflow").doActionFor(appeal, transition)

    def sees(self, userid, appeal):
        forget_local_roles(self.layer["request"])
        return api.user.has_permission("View", username=userid, obj=appeal)

    def found_by(self, userid):
        with api.env.adopt_user(username=userid):
            return [brain.getId for brain in api.content.find(portal_type="Appeal")]


class TestPrivacy(AppealTestCase):
    def test_only_the_department_the_addressee_and_executors_see_it(self):
        """R13.2 / R13.3: the appeals department, the official it is addressed to and the executors
        of its assignments see an appeal; the leadership, the ОДК and department heads do not."""
        appeal = self.appeal(id="a1", addressee="deputy")
        self.assertTrue(self.sees("appeals-officer", appeal))
        self.assertTrue(self.sees("deputy", appeal))
        for outsider in (
            "the-akim",
            "head",
            "odk-officer",
            "economy-head",
            "economist",
        ):
            self.assertFalse(self.sees(outsider, appeal), outsider)
        with api.env.adopt_user(username="appeals-officer"):
            api.content.create(
                container=appeal,
                type="Assignment",
                id="task",
                title="Подготовить ответ",
                source_kind="state-body-letter",
                lead_executor="economist",
                controller="appeals",
            )
        appeal.reindexObjectSecurity()
        self.assertTrue(self.sees("economist", appeal))
        self.assertFalse(self.sees("economy-head", appeal))

    def test_search_shows_nothing_to_others(self):
        """R13.2: an appeal is not found by those who may not see it, in any state."""
        appeal = self.appeal(id="a1", addressee="deputy")
        self.do(appeal, "register")
        self.assertEqual(self.found_by("appeals-officer"), ["a1"])
        self.assertEqual(self.found_by("deputy"), ["a1"])
        for outsider in ("the-akim", "head", "odk-officer", "economy-head"):
            self.assertEqual(self.found_by(outsider), [], outsider)

    def test_nobody_deletes_an_appeal(self):
        """R13.5: an appeal is never refused — not deleted either, not even by its department."""
        appeal = self.appeal()
        self.assertFalse(
            api.user.has_permission(
                "Delete objects", username="appeals-officer", obj=appeal
            )
        )


class TestRegistration(AppealTestCase):
    def test_no_transition_refuses_an_appeal(self):
        """R13.5: every kind is registered; only the lawful paths lead away from an appeal."""
        workflow = api.portal.get_tool("portal_workflow")["akimat_appeal_workflow"]
        self.assertEqual(set(workflow.transitions.objectIds()), LAWFUL_TRANSITIONS)
        for kind in (
            "appeal",
            "message",
            "request",
            "response",
            "proposal",
            "complaint",
        ):
            appeal = self.appeal(kind=kind, title=f"{kind}")
            self.do(appeal, "register")
            self.assertEqual(appeal.review_state(), "registered")

    def test_registered_on_the_day_or_the_next_working_day(self):
        """R13.6: received in office hours → that day; after hours or on a day off → the next working day."""
        in_hours = self.appeal(title="днём", received_at=datetime(2026, 12, 8, 11, 0))
        after_hours = self.appeal(
            title="вечером", received_at=datetime(2026, 12, 8, 19, 30)
        )
        saturday = self.appeal(
            title="в субботу", received_at=datetime(2026, 12, 12, 10, 0)
        )
        for appeal in (in_hours, after_hours, saturday):
            self.do(appeal, "register")
        self.assertEqual(in_hours.registration_date, date(2026, 12, 8))
        self.assertEqual(after_hours.registration_date, date(2026, 12, 9))
        self.assertEqual(saturday.registration_date, date(2026, 12, 14))

    def test_numbers_sequential_within_the_year(self):
        """R13.6: registration numbers run 1, 2 … within the calendar year (the numbering service)."""
        first, second = self.appeal(title="первое"), self.appeal(title="второе")
        self.do(first, "register")
        self.do(second, "register")
        self.assertEqual(second.registration_number, first.registration_number + 1)
        self.assertEqual(
            numbering.current_number("appeal", 2026), second.registration_number
        )

    def test_review_term_from_the_registry(self):
        """R13: the answer is due 15 working days after registration unless the registry says otherwise."""
        appeal = self.appeal()
        self.do(appeal, "register")
        self.assertEqual(
            appeal.review_deadline(), date(2026, 12, 30)
        )  # 16 December is Independence Day
        api.portal.set_registry_record(
            "akimat.content.interfaces.IAppealSettings.review_days", 5
        )
        self.assertEqual(appeal.review_deadline(), date(2026, 12, 15))


class TestApplicant(unittest.TestCase):
    def test_iin_or_bin_checked(self):
        """R13.5: the applicant's IIN or BIN is checked by its check digit; a wrong one is refused
        with a message, an empty one is allowed (not every applicant gives it)."""
        field = IAppeal["applicant_id"]
        field.validate(
            "900101300017"
        )  # 1·9 + 2·0 + … + 7·3 + … = 51, 51 mod 11 = 7: the check digit
        with self.assertRaises(ValidationError) as refused:
            field.validate("900101300014")
        self.assertIn("${number}", str(refused.exception.doc()))
        self.assertFalse(field.required)


class TestOralAppeals(unittest.TestCase):
    def test_oral_appeal_has_its_record(self):
        """R13.10: an appeal made orally, at a reception or by phone, is recorded in its own protocol."""

        class Data:
            channel, oral_record, collective, signatories = "reception", "", False, None

        with self.assertRaises(Invalid):
            IAppeal.validateInvariants(Data())
        Data.channel = "phone"
        with self.assertRaises(Invalid):
            IAppeal.validateInvariants(Data())
        Data.oral_record = "Заявитель просит провести уличное освещение на ул. Абая."
        IAppeal.validateInvariants(Data())
        Data.channel, Data.oral_record = "letter", ""
        IAppeal.validateInvariants(Data())


class TestLawfulPaths(AppealTestCase):
    def registered(self, **fields):
        appeal = self.appeal(**fields)
        self.do(appeal, "register")
        return appeal

    def test_correction_then_return(self):
        """R13.7: the applicant is told what is missing and given a term; returned only after it."""
        appeal = self.registered()
        with freeze_time("2026-12-09 10:00:00+05:00"):
            with self.assertRaises(WorkflowException):  # nothing named
                self.do(appeal, "request_correction")
            appeal.missing_requirements = ["signature"]
            with self.assertRaises(WorkflowException):  # no term
                self.do(appeal, "request_correction")
            appeal.correction_term = date(2026, 12, 16)
            self.do(appeal, "request_correction")
            with self.assertRaises(WorkflowException) as early:
                self.do(appeal, "return_to_applicant")
            self.assertIn("16.12.2026", str(early.exception))
        with freeze_time("2026-12-17 10:00:00+05:00"):
            self.do(appeal, "return_to_applicant")
        self.assertEqual(appeal.review_state(), "returned")

    def test_redirected_within_three_working_days(self):
        """R13.9: outside the competence → redirected to a named body; the 3 working days are tracked."""
        appeal = self.registered()
        self.assertEqual(appeal.passing_on_deadline(), date(2026, 12, 11))
        with self.assertRaises(WorkflowException):
            self.do(appeal, "redirect")
        appeal.passed_to = "Департамент экологии по Туркестанской области"
        with freeze_time("2026-12-10 10:00:00+05:00"):
            self.do(appeal, "redirect")
        self.assertEqual(
            (appeal.review_state(), appeal.passed_on),
            ("redirected", date(2026, 12, 10)),
        )

    def test_only_complaints_are_forwarded(self):
        """R13.11: a complaint about a lower body goes to that body; other kinds are not forwarded."""
        proposal = self.registered(
            kind="proposal", passed_to="Аппарат акима Шаянского сельского округа"
        )
        with self.assertRaises(WorkflowException):
            self.do(proposal, "forward")
        complaint = self.registered(
            kind="complaint", passed_to="Аппарат акима Шаянского сельского округа"
        )
        self.do(complaint, "forward")
        self.assertEqual(complaint.review_state(), "forwarded")

    def test_answer_dispatched_until_18(self):
        """R0.5: an answer given by 18:00 goes out that day; a later one the next working day."""
        appeal = self.registered()
        self.do(appeal, "review")
        with self.assertRaises(WorkflowException):  # no answer written
            self.do(appeal, "answer")
        appeal.answer = "Ремонт дороги включён в план на 2027 год."
        with freeze_time("2026-12-10 18:30:00+05:00"):
            self.do(appeal, "answer")
        self.assertEqual(appeal.dispatch_date(), date(2026, 12, 11))
        transaction.savepoint()  # the answer is stored as the database stores it
        self.do(appeal, "close")
        self.assertEqual(appeal.review_state(), "closed")
        self.assertFalse(
            api.user.has_permission(
                "Modify portal content", username="appeals-officer", obj=appeal
            )
        )
