"""What acts ask of each person in «Ждёт моего действия» (acts/inbox.py, core/inbox.py)."""

from akimat.content.acts import inbox as acts_inbox
from akimat.content.acts import life_cycle
from akimat.content.acts.tests.test_act import ActTestCase
from akimat.content.agreement.agreement import give_visa
from akimat.content.tests.inbox import actions_of as actions_about
from datetime import date
from freezegun import freeze_time
from plone import api


TODAY = date(2026, 12, 14)  # a Monday; 16 December, Independence Day, is a holiday
EVERYBODY = (
    "developer",
    "lawyer",
    "deputy",
    "head",
    "the-akim",
    "member1",
    "odk-officer",
)


def actions_of(userid, uid):
    """{kind: action} the user has about one document today."""
    return dict(actions_about(userid, uid))


@freeze_time("2026-12-14 06:00:00")
class TestActsInbox(ActTestCase):
    def waiting(self, uid, kind):
        """Who has an action of this kind about the act."""
        return {userid for userid in EVERYBODY if kind in actions_of(userid, uid)}

    def submitted(self, **fields):
        act = self.act(**fields)
        self.do(act, "submit", "developer")
        return act

    def in_agreement(self, **fields):
        act = self.submitted(**fields)
        self.do(act, "approve_legally", "lawyer")
        return act

    def test_the_developer_sends_his_draft_on(self):
        """R10.1: a new draft waits for its developer department to send it for legal review."""
        act = self.act()
        self.assertEqual(self.waiting(act.UID(), acts_inbox.SUBMISSION), {"developer"})
        self.do(act, "submit", "developer")
        self.assertEqual(self.waiting(act.UID(), acts_inbox.SUBMISSION), set())

    def test_the_legal_consultant_reviews_the_submitted_draft(self):
        """R10.3: a draft in legal review waits for the legal consultant, and for nobody else."""
        act = self.submitted()
        uid = act.UID()
        self.assertEqual(self.waiting(uid, acts_inbox.LEGAL_REVIEW), {"lawyer"})
        self.do(act, "approve_legally", "lawyer")
        self.assertEqual(self.waiting(uid, acts_inbox.LEGAL_REVIEW), set())

    def test_approvers_visa_by_the_round_deadline_the_lawyer_last(self):
        """R10.4a, R10.3, R10.14: the approvers of the round visa by its deadline (a decision:
        5 working days); the legal consultant only once they all agreed."""
        act = self.in_agreement()
        uid = act.UID()
        self.assertEqual(self.waiting(uid, acts_inbox.VISA), {"deputy", "head"})
        self.assertEqual(
            actions_of("deputy", uid)[acts_inbox.VISA].due, date(2026, 12, 22)
        )
        with api.env.adopt_user(username="deputy"):
            give_visa(act, "deputy", agree=True)
        self.assertEqual(self.waiting(uid, acts_inbox.VISA), {"head"})
        with api.env.adopt_user(username="head"):
            give_visa(act, "head", agree=True)
        self.assertEqual(self.waiting(uid, acts_inbox.VISA), {"lawyer"})
        with api.env.adopt_user(username="lawyer"):
            give_visa(act, "lawyer", agree=True)
        self.assertEqual(self.waiting(uid, acts_inbox.VISA), set())

    def test_the_akimat_members_visa_a_resolution(self):
        """R10.14: after the departments, the akimat members visa a resolution."""
        act = self.in_agreement(kind="resolution")
        self.visa_all(act)
        self.assertEqual(self.state(act), "members_agreement")
        self.assertEqual(self.waiting(act.UID(), acts_inbox.VISA), {"member1"})

    def test_the_signatory_signs_within_3_working_days_of_creation(self):
        """R10.15: the akim signs his decision, due 3 working days after the draft was created;
        the head of apparatus signs only his orders."""
        decision = self.in_agreement()
        order = self.in_agreement(kind="apparatus-order", title="О графике дежурств")
        self.visa_all(decision)
        self.visa_all(order)
        self.assertEqual(
            self.waiting(decision.UID(), acts_inbox.SIGNATURE), {"the-akim"}
        )
        self.assertEqual(self.waiting(order.UID(), acts_inbox.SIGNATURE), {"head"})
        signature = actions_of("the-akim", decision.UID())[acts_inbox.SIGNATURE]
        self.assertEqual(signature.due, date(2026, 12, 18))
        self.do(decision, "sign", "the-akim")
        self.assertEqual(self.waiting(decision.UID(), acts_inbox.SIGNATURE), set())

    def test_the_odk_registers_a_signed_act(self):
        """R10.16: a signed act waits for the ОДК's registration, for nobody else."""
        act = self.in_agreement()
        self.visa_all(act)
        self.assertEqual(self.waiting(act.UID(), acts_inbox.REGISTRATION), set())
        self.do(act, "sign", "the-akim")
        self.assertEqual(
            self.waiting(act.UID(), acts_inbox.REGISTRATION), {"odk-officer"}
        )
        self.do(act, "register", "odk-officer")
        self.assertEqual(self.waiting(act.UID(), acts_inbox.REGISTRATION), set())

    def test_a_returned_draft_is_reworked_within_10_days(self):
        """R10.4b, R10.12, R10.13: the draft an approver returned waits for its developer
        department, due 10 days after the return; resubmitted, it leaves his inbox."""
        act = self.in_agreement()
        with api.env.adopt_user(username="deputy"):
            give_visa(act, "deputy", agree=False, reason="Уточнить состав")
        uid = act.UID()
        self.assertEqual(self.waiting(uid, acts_inbox.REWORK), {"developer"})
        self.assertEqual(self.waiting(uid, acts_inbox.SUBMISSION), set())
        self.assertEqual(
            actions_of("developer", uid)[acts_inbox.REWORK].due, date(2026, 12, 24)
        )
        self.assertEqual(self.waiting(uid, acts_inbox.VISA), set())
        self.do(act, "submit", "developer")
        self.assertEqual(self.waiting(uid, acts_inbox.REWORK), set())

    def test_recipients_confirm_acquaintance(self):
        """R10.18: the registered act waits for each recipient's «ознакомлен», then leaves."""
        act = self.in_agreement(distribution=["economy"])
        self.visa_all(act)
        self.do(act, "sign", "the-akim")
        self.do(act, "register", "odk-officer")
        uid = act.UID()
        self.assertEqual(self.waiting(uid, acts_inbox.ACQUAINTANCE), {"developer"})
        life_cycle.acquaint(act, "developer")
        self.assertEqual(self.waiting(uid, acts_inbox.ACQUAINTANCE), set())

    def test_an_emergency_act_is_marked_urgent(self):
        """R10.14: an emergency or humanitarian act carries the urgency mark in the inbox."""
        act = self.in_agreement(urgency="emergency")
        self.assertTrue(actions_of("deputy", act.UID())[acts_inbox.VISA].urgent)
        self.assertFalse(
            actions_of("deputy", self.in_agreement().UID())[acts_inbox.VISA].urgent
        )
