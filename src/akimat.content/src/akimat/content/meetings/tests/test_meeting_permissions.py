"""Who may do what to a meeting and to a protocol in each state of their workflows (R5, R8, A6).

The expectations follow the workflow definitions and the roles the users hold (tests/meetings.py):
organiser — Owner of the meetings he creates and Editor (the Orgotdel prepares meetings);
summary-officer — the secretary: Editor of his meeting, Signatory of its protocol (A6.3);
the-akim — the chair: Signatory, and Leadership; head — Leadership, and an approver of apparatus
meeting protocols (R5.34); deputy, lawyer — approvers (the legal consultant last);
odk-officer — Owner of the protocols he draws up and Control Officer (R8.7);
economist — the responsible department of an agenda item; stranger — an authenticated nobody.
"""

from akimat.content.testing import AKIMAT_CONTENT_INTEGRATION_TESTING
from akimat.content.tests.meetings import MeetingFixture
from akimat.content.tests.security import forget_local_roles
from plone import api

import unittest


VIEW, MODIFY, DELETE, ADD = (
    "View",
    "Modify portal content",
    "Delete objects",
    "Add portal content",
)
APPROVE, CONDUCT, VOTES = (
    "akimat.content: Approve agenda",
    "akimat.content: Conduct meeting",
    "akimat.content: Record votes",
)
SUBMIT, VISA, RETURN = (
    "akimat.content: Submit protocol",
    "akimat.content: Visa protocol",
    "akimat.content: Return protocol",
)
SIGN, REGISTER, SEND = (
    "akimat.content: Sign protocol",
    "akimat.content: Register protocol",
    "akimat.content: Send protocol",
)

USERS = (
    "organiser",
    "summary-officer",
    "the-akim",
    "head",
    "deputy",
    "lawyer",
    "odk-officer",
    "economist",
    "stranger",
)
EVERYBODY = set(USERS)
PREPARERS = {"organiser", "summary-officer"}
LEADERS = {"the-akim", "head"}

MEETING_PERMISSIONS = (VIEW, MODIFY, DELETE, ADD, APPROVE, CONDUCT, VOTES)
MEETING_EXPECTED = {
    "planned": {
        VIEW: EVERYBODY,
        MODIFY: PREPARERS,
        DELETE: PREPARERS,
        ADD: PREPARERS,
        APPROVE: LEADERS,
        CONDUCT: PREPARERS | LEADERS,
    },
    "agenda_approved": {
        VIEW: EVERYBODY,
        MODIFY: PREPARERS,
        DELETE: PREPARERS,
        ADD: PREPARERS,
        APPROVE: LEADERS,
        CONDUCT: PREPARERS | LEADERS,
    },
    "held": {
        VIEW: EVERYBODY,
        MODIFY: PREPARERS,
        ADD: PREPARERS,
        CONDUCT: PREPARERS | LEADERS,
        VOTES: PREPARERS,
    },
    "closed": {VIEW: EVERYBODY},
    "cancelled": {VIEW: EVERYBODY},
}

PROTOCOL_PERMISSIONS = (
    VIEW,
    MODIFY,
    DELETE,
    ADD,
    SUBMIT,
    VISA,
    RETURN,
    SIGN,
    REGISTER,
    SEND,
)
DRAFTING = {
    "odk-officer",
    "the-akim",
    "summary-officer",
    "head",
}  # Owner, Signatories, Leadership
APPROVERS = {
    "deputy",
    "head",
    "lawyer",
}  # of an apparatus meeting protocol among USERS (R5.34)
RETURNERS = {"the-akim", "summary-officer", "head", "odk-officer"}
PROTOCOL_EXPECTED = {
    "draft": {
        VIEW: DRAFTING,
        MODIFY: {"odk-officer"},
        DELETE: {"odk-officer"},
        ADD: {"odk-officer"},
        SUBMIT: {"odk-officer"},
    },
    "agreement": {VIEW: DRAFTING | APPROVERS, VISA: APPROVERS, RETURN: RETURNERS},
    "signing": {
        VIEW: DRAFTING | APPROVERS,
        SIGN: {"the-akim", "summary-officer"},
        REGISTER: {"odk-officer"},
        RETURN: RETURNERS,
    },
    "registered": {
        VIEW: EVERYBODY,
        SEND: {"odk-officer"},
    },  # frozen: nobody edits or deletes (R8.7)
    "sent": {VIEW: EVERYBODY},
}


class MeetingPermissionMatrixTestCase(MeetingFixture, unittest.TestCase):
    layer = AKIMAT_CONTENT_INTEGRATION_TESTING

    def setUp(self):
        super().setUp()
        api.user.create(
            username="stranger", email="stranger@example.org", password="secret-123"
        )

    def assertMatrix(self, obj, permissions, expected):
        forget_local_roles(self.layer["request"])
        state = obj.review_state()
        wrong = []
        for permission in permissions:
            actual = {
                user
                for user in USERS
                if api.user.has_permission(permission, username=user, obj=obj)
            }
            wanted = set(expected.get(permission, ()))
            if actual != wanted:
                wrong.append(
                    f"{state} / {permission}: extra {sorted(actual - wanted)}, missing {sorted(wanted - actual)}"
                )
        self.assertEqual(wrong, [], "\n".join(wrong))

    def test_meeting_matrix(self):
        """R5, R5.4: the organisers prepare, the leadership approves the agenda, the preparers record
        votes once the meeting is held; closed and cancelled meetings are frozen."""
        meeting = self.meeting()
        self.assertMatrix(meeting, MEETING_PERMISSIONS, MEETING_EXPECTED["planned"])
        self.do(meeting, "approve_agenda", "head")
        self.assertMatrix(
            meeting, MEETING_PERMISSIONS, MEETING_EXPECTED["agenda_approved"]
        )
        self.do(meeting, "hold", "organiser")
        self.assertMatrix(meeting, MEETING_PERMISSIONS, MEETING_EXPECTED["held"])
        self.do(meeting, "close", "organiser")
        self.assertMatrix(meeting, MEETING_PERMISSIONS, MEETING_EXPECTED["closed"])
        cancelled = self.meeting(title="Отменённое совещание")
        self.do(cancelled, "cancel", "organiser")
        self.assertMatrix(cancelled, MEETING_PERMISSIONS, MEETING_EXPECTED["cancelled"])

    def test_responsible_department_adds_materials_to_its_item_only(self):
        """R5.6: the responsible department submits its item's materials; it does not edit the meeting."""
        meeting = self.meeting()
        own = self.item(meeting)
        other = self.item(
            meeting, title="Об исполнении бюджета", responsible_department="finance"
        )
        material = "akimat.content: Add Material"
        self.assertTrue(
            api.user.has_permission(material, username="economist", obj=own)
        )
        self.assertTrue(api.user.has_permission(ADD, username="economist", obj=own))
        self.assertFalse(api.user.has_permission(ADD, username="economist", obj=other))
        self.assertFalse(
            api.user.has_permission(MODIFY, username="economist", obj=meeting)
        )
        self.do(meeting, "approve_agenda", "head")
        self.do(meeting, "hold", "organiser")
        self.assertFalse(api.user.has_permission(ADD, username="economist", obj=own))

    def test_protocol_matrix(self):
        """R8.5d, A6.3, R8.7: the drafter edits the draft only; approvers visa; the chair and the
        secretary sign; the ОДК registers and sends; a registered protocol is read by all the staff
        and changed by nobody."""
        protocol = self.ready(self.protocol(self.held_meeting()))
        self.assertMatrix(protocol, PROTOCOL_PERMISSIONS, PROTOCOL_EXPECTED["draft"])
        self.do(protocol, "submit", "odk-officer")
        self.assertMatrix(
            protocol, PROTOCOL_PERMISSIONS, PROTOCOL_EXPECTED["agreement"]
        )
        self.visa_all(protocol)
        self.assertMatrix(protocol, PROTOCOL_PERMISSIONS, PROTOCOL_EXPECTED["signing"])
        for userid in protocol.signatories():
            self.sign(protocol, userid)
        self.do(protocol, "register", "odk-officer")
        self.assertMatrix(
            protocol, PROTOCOL_PERMISSIONS, PROTOCOL_EXPECTED["registered"]
        )
        self.do(protocol, "send", "odk-officer")
        self.assertMatrix(protocol, PROTOCOL_PERMISSIONS, PROTOCOL_EXPECTED["sent"])
