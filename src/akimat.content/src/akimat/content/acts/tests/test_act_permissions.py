"""Who may do what to an act in each state of akimat_act_workflow (RULES.md R10).

The expectations are written from the workflow definition and the roles the users hold:
developer — Owner (he created the act) and Editor (his department is the developer department);
deputy — Approver, from the round he is an approver of (the departments' round);
lawyer — Legal Consultant (his group), and Approver from the departments' round on;
the-akim — Signatory (the akim group signs decisions) and Leadership (given on the site);
odk-officer — Control Officer (given on the site); stranger — an authenticated nobody.
"""

from akimat.content.acts.tests.test_act import ActTestCase
from plone import api


USERS = ("developer", "deputy", "lawyer", "the-akim", "odk-officer", "stranger")
VIEW, MODIFY, DELETE = "View", "Modify portal content", "Delete objects"
SUBMIT, REVIEW = "akimat.content: Submit act", "akimat.content: Review act legally"
VISA, RETURN = "akimat.content: Visa act", "akimat.content: Return act"
SIGN, REGISTER = "akimat.content: Sign act", "akimat.content: Register act"
PERMISSIONS = (VIEW, MODIFY, DELETE, SUBMIT, REVIEW, VISA, RETURN, SIGN, REGISTER)

BEFORE_ROUND = {
    "developer",
    "lawyer",
    "the-akim",
    "odk-officer",
}  # the deputy has no role yet
EVERYBODY_INVOLVED = BEFORE_ROUND | {"deputy"}
RETURNERS = {
    "lawyer",
    "the-akim",
    "odk-officer",
}  # Legal Consultant, Leadership, Control Officer

# {state: {permission: the users who hold it}}; a permission not named is held by nobody.
EXPECTED = {
    "draft": {
        VIEW: BEFORE_ROUND,
        MODIFY: {"developer"},
        DELETE: {"developer"},
        SUBMIT: {"developer"},
    },
    "legal_review": {VIEW: BEFORE_ROUND, REVIEW: {"lawyer"}, RETURN: RETURNERS},
    "agreement": {
        VIEW: EVERYBODY_INVOLVED,
        VISA: {"deputy", "lawyer"},
        RETURN: RETURNERS,
    },
    "signing": {VIEW: EVERYBODY_INVOLVED, RETURN: RETURNERS, SIGN: {"the-akim"}},
    "signed": {VIEW: EVERYBODY_INVOLVED, REGISTER: {"odk-officer"}},
    "registered": {
        VIEW: set(USERS)
    },  # R10.17: read by all the staff, changed by nobody
    "withdrawn": {VIEW: BEFORE_ROUND},
}


class PermissionMatrixTestCase(ActTestCase):
    def setUp(self):
        super().setUp()
        api.user.create(
            username="stranger", email="stranger@example.org", password="secret-123"
        )

    def holders(self, act, permission, users=USERS):
        return {
            user
            for user in users
            if api.user.has_permission(permission, username=user, obj=act)
        }

    def assertMatrix(self, act, expected, users=USERS):
        state = self.state(act)
        wrong = []
        for permission in PERMISSIONS:
            actual = self.holders(act, permission, users)
            wanted = set(expected.get(permission, ())) & set(users)
            if actual != wanted:
                wrong.append(
                    f"{state} / {permission}: extra {sorted(actual - wanted)}, missing {sorted(wanted - actual)}"
                )
        self.assertEqual(wrong, [], "\n".join(wrong))

    def to_state(self, act, state):
        steps = {
            "legal_review": [("submit", "developer")],
            "agreement": [("submit", "developer"), ("approve_legally", "lawyer")],
        }
        for transition, userid in steps.get(state, []):
            self.do(act, transition, userid)
        if state in ("signing", "signed", "registered"):
            self.to_state(act, "agreement")
            self.visa_all(act)
            if state in ("signed", "registered"):
                self.do(act, "sign", "the-akim")
            if state == "registered":
                self.do(act, "register", "odk-officer")
        if state == "withdrawn":
            self.do(act, "withdraw", "developer")
        self.assertEqual(self.state(act), state)
        return act


class TestActPermissionMatrix(PermissionMatrixTestCase):
    def test_every_state_by_every_user(self):
        """R10.3, R10.12, R10.16, R10.17: each state gives each permission to exactly its holders."""
        for state, expected in EXPECTED.items():
            with self.subTest(state=state):
                self.assertMatrix(self.to_state(self.act(), state), expected)

    def test_draft_returned_for_rework(self):
        """R10.13: back in draft the developer edits again; the approvers of the returned round
        still read it, and nobody visas."""
        act = self.to_state(self.act(), "agreement")
        self.do(act, "return", "odk-officer", comment="Нет подписи руководителя отдела")
        self.assertMatrix(act, dict(EXPECTED["draft"], **{VIEW: EVERYBODY_INVOLVED}))


class TestSignatoryByKind(PermissionMatrixTestCase):
    def test_the_head_of_apparatus_signs_his_orders(self):
        """The signatory of an apparatus order is the head of apparatus, not the akim."""
        act = self.to_state(self.act(kind="apparatus-order"), "signing")
        self.assertEqual(self.holders(act, SIGN, USERS + ("head",)), {"head"})
        self.assertIn(
            "the-akim", self.holders(act, RETURN)
        )  # Leadership may still return it

    def test_resolution_members_round(self):
        """R10.14: in the members' round the akimat members visa; the departments' approvers no
        longer visa but still read the resolution they agreed."""
        act = self.act(kind="resolution")
        self.to_state(act, "agreement")
        self.visa_all(act)
        self.assertEqual(self.state(act), "members_agreement")
        users = USERS + ("member1", "member2")
        self.assertEqual(self.holders(act, VISA, users), {"member1", "member2"})
        self.assertEqual(self.holders(act, RETURN, users), RETURNERS)
        self.assertEqual(
            self.holders(act, VIEW, users),
            BEFORE_ROUND | {"member1", "member2", "deputy"},
        )
        self.assertEqual(
            self.holders(act, MODIFY, users) | self.holders(act, DELETE, users), set()
        )
