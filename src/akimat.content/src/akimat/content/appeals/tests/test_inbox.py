"""What appeals and personal reception ask of each person in «Ждёт моего действия»
(appeals/inbox.py, core/inbox.py; RULES.md R13, R14)."""

from akimat.content.appeals import inbox as appeals_inbox
from akimat.content.appeals import review as appeal_review
from akimat.content.appeals.tests.test_receptions import ReceptionTestCase
from akimat.content.tests.inbox import actions_of as actions_about
from datetime import date
from datetime import datetime
from freezegun import freeze_time
from plone import api


TODAY = date(
    2026, 12, 9
)  # a Wednesday; the appeals of the tests are received on the 8th
EVERYONE = ("appeals-officer", "the-akim", "deputy", "head", "economist", "odk-officer")


def actions_of(userid, uid, today=TODAY):
    """{kind: action} of the user about one document on that day."""
    return dict(actions_about(userid, uid, today))


@freeze_time("2026-12-09 10:00:00+05:00")
class TestAppealsInbox(ReceptionTestCase):
    def kinds(self, document, today=TODAY):
        """{userid: its kinds} of everyone who has an action about the document."""
        uid = document.UID()
        found = {userid: set(actions_of(userid, uid, today)) for userid in EVERYONE}
        return {userid: kinds for userid, kinds in found.items() if kinds}

    def in_review(self, **fields):
        appeal = self.appeal(**fields)
        self.do(appeal, "register")
        self.do(appeal, "review")
        return appeal

    def test_registration_waits_for_the_department_only(self):
        """R13.6, R13.2: a received appeal is the appeals department's to register on the day of
        receipt, or the next working day when received after hours; nobody else is asked."""
        appeal = self.appeal(addressee="deputy")
        late = self.appeal(received_at=datetime(2026, 12, 8, 17, 30))
        self.assertEqual(
            self.kinds(appeal), {"appeals-officer": {appeals_inbox.REGISTRATION}}
        )
        officer = actions_of("appeals-officer", appeal.UID())
        self.assertEqual(officer[appeals_inbox.REGISTRATION].due, date(2026, 12, 8))
        late_due = actions_of("appeals-officer", late.UID())
        self.assertEqual(late_due[appeals_inbox.REGISTRATION].due, date(2026, 12, 9))
        self.do(appeal, "register")
        self.assertNotIn(
            appeals_inbox.REGISTRATION, self.kinds(appeal)["appeals-officer"]
        )

    def test_registered_appeal_goes_to_its_addressee_and_the_department(self):
        """R13.8, R13.9: a registered appeal is reviewed by the department and the official named
        in it — the 3 working days to redirect it run from its registration; no other official
        has it (R13.2)."""
        appeal = self.appeal(addressee="deputy")
        self.do(appeal, "register")
        self.assertEqual(
            self.kinds(appeal),
            {
                "appeals-officer": {appeals_inbox.REVIEW},
                "deputy": {appeals_inbox.REVIEW},
            },
        )
        review = actions_of("deputy", appeal.UID())[appeals_inbox.REVIEW]
        self.assertEqual(review.due, date(2026, 12, 11))
        self.do(appeal, "review")
        self.assertEqual(
            self.kinds(appeal),
            {
                "appeals-officer": {appeals_inbox.ANSWER},
                "deputy": {appeals_inbox.ANSWER},
            },
        )
        answer = actions_of("deputy", appeal.UID())[appeals_inbox.ANSWER]
        self.assertEqual(answer.due, appeal.review_deadline())

    def test_an_appeal_never_reaches_another_department(self):
        """R13.2 / R13.3: an assigned appeal is in the inbox of its executors' department, never
        in another department's, nor in that of an official it is not addressed to."""
        roads = self.in_review(addressee="deputy")
        school = self.in_review(title="О ремонте школы")
        with api.env.adopt_user(username="appeals-officer"):
            appeal_review.assign(roads, ["economy"])
            appeal_review.assign(school, ["odk"])
        self.assertEqual(
            self.kinds(roads),
            {
                "appeals-officer": {appeals_inbox.ANSWER},
                "deputy": {appeals_inbox.ANSWER},
                "economist": {appeals_inbox.ANSWER},
            },
        )
        self.assertEqual(
            self.kinds(school),
            {
                "appeals-officer": {appeals_inbox.ANSWER},
                "odk-officer": {appeals_inbox.ANSWER},
            },
        )
        # Their assignments are the executors' to execute (control/inbox.py); the heads'
        # group of the department is not named, so its head sees neither appeal.
        for appeal in (roads, school):
            self.assertEqual(actions_of("economy-head", appeal.UID()), {})

    def test_correction_awaited_then_returned(self):
        """R13.7: the applicant corrects the appeal until his term; the day after, the department
        returns it to him."""
        appeal = self.appeal(addressee="deputy")
        self.do(appeal, "register")
        appeal.missing_requirements = ["signature"]
        appeal.correction_term = date(2026, 12, 14)
        appeal.reindexObject()
        self.do(appeal, "request_correction")
        self.assertEqual(
            self.kinds(appeal), {"appeals-officer": {appeals_inbox.CORRECTION}}
        )
        correction = actions_of("appeals-officer", appeal.UID())
        self.assertEqual(correction[appeals_inbox.CORRECTION].due, date(2026, 12, 15))
        self.do(appeal, "corrected")
        self.assertNotIn(
            appeals_inbox.CORRECTION, self.kinds(appeal)["appeals-officer"]
        )

    def test_answered_appeal_closed_by_the_department(self):
        """R13, R0.5: once answered, the department closes the appeal; then it waits for nobody."""
        appeal = self.in_review(addressee="deputy")
        appeal.answer = "Дорога будет отремонтирована в 2027 году."
        self.do(appeal, "answer")
        self.assertEqual(
            self.kinds(appeal), {"appeals-officer": {appeals_inbox.CLOSING}}
        )
        self.do(appeal, "close")
        self.assertEqual(self.kinds(appeal), {})

    def test_only_the_akim_approves_the_schedule(self):
        """R14.1: a draft schedule of receptions waits for the akim, nobody else."""
        schedule = self.schedule(approved=False)
        self.assertEqual(self.kinds(schedule), {"the-akim": {appeals_inbox.SCHEDULE}})
        self.do(schedule, "approve", "the-akim")
        self.assertEqual(self.kinds(schedule), {})

    def test_list_submitted_a_working_day_before_then_held(self):
        """R14.2: the appeals department submits the list 1 working day before the reception
        (16 December is a holiday: by the 15th), then marks the reception held."""
        reception = self.reception()
        self.assertEqual(
            self.kinds(reception), {"appeals-officer": {appeals_inbox.LIST}}
        )
        due = actions_of("appeals-officer", reception.UID())[appeals_inbox.LIST].due
        self.assertEqual(due, date(2026, 12, 15))
        self.do(reception, "submit_list")
        self.assertEqual(
            self.kinds(reception), {"appeals-officer": {appeals_inbox.HOLDING}}
        )
        due = actions_of("appeals-officer", reception.UID())[appeals_inbox.HOLDING].due
        self.assertEqual(due, date(2026, 12, 17))
        with freeze_time("2026-12-17 18:00:00+05:00"):
            self.do(reception, "hold")
        self.assertEqual(self.kinds(reception), {})

    def test_waits_in_every_state_it_reports(self):
        """Every state the provider reports belongs to the appeals', schedules' or receptions'
        workflow."""
        workflows = api.portal.get_tool("portal_workflow")
        for workflow_id, state_id in appeals_inbox.provider.waits_in:
            self.assertIn(state_id, workflows[workflow_id].states.objectIds())
