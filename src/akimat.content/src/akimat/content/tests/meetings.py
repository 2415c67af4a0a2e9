"""The organisation and the steps every meeting and protocol test needs, built the same way."""

from akimat.content.agreement import visas
from akimat.content.agreement.agreement import give_visa
from akimat.content.meetings import protocol_life_cycle as protocols
from akimat.content.tests.views import render
from datetime import datetime
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID


GROUPS = {
    "akim": ["the-akim"],
    "deputy-akims": ["deputy", "deputy2"],
    "head-of-apparatus": ["head"],
    "legal-consultant": ["lawyer"],
    # nine members: two thirds is six
    "akimat-members": [
        "the-akim",
        "deputy",
        "deputy2",
        "head",
        "member1",
        "member2",
        "member3",
        "member4",
        "member5",
    ],
    "odk": ["odk-officer"],
    "orgotdel": ["organiser"],
    "svodny-otdel": ["summary-officer"],
    "economy": ["economist"],
    "economy-heads": ["economy-head"],
    "finance-heads": ["finance-head"],
}
# A Tuesday with working days around it (no holiday in the week).
MEETING_START = datetime(2026, 12, 8, 10, 0)
MEETING_END = datetime(2026, 12, 8, 12, 0)


class MeetingFixture:
    """Mixin for test cases on a layer with akimat.content: groups, roles and meeting helpers."""

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        for group, users in GROUPS.items():
            if api.group.get(groupname=group) is None:
                api.group.create(groupname=group, title=group)
            for userid in users:
                if api.user.get(username=userid) is None:
                    api.user.create(
                        username=userid,
                        email=f"{userid}@example.org",
                        password="secret-123",
                        properties={"fullname": userid.replace("-", " ").title()},
                    )
                api.group.add_user(groupname=group, username=userid)
        for group, roles in (
            ("odk", ["Control Officer"]),
            ("akim", ["Leadership"]),
            ("head-of-apparatus", ["Leadership"]),
            ("deputy-akims", ["Deputy Akim"]),
        ):
            api.group.grant_roles(groupname=group, roles=roles, obj=self.portal)
        # The sections as akimat.policy makes them: the Orgotdel and the Сводный отдел prepare
        # meetings, the ОДК draws protocols up.
        for folder_id, editors in (
            ("meetings", ("orgotdel", "svodny-otdel")),
            ("protocols", ("odk",)),
        ):
            if folder_id not in self.portal:
                api.content.create(
                    container=self.portal, type="Folder", id=folder_id, title=folder_id
                )
            for group in editors:
                api.group.grant_roles(
                    groupname=group,
                    roles=["Contributor", "Editor"],
                    obj=self.portal[folder_id],
                )
        self.meetings, self.protocols = (
            self.portal["meetings"],
            self.portal["protocols"],
        )

    def meeting(self, kind="apparatus-meeting", **fields):
        values = {
            "kind": kind,
            "title": "Аппаратное совещание",
            "start": MEETING_START,
            "end": MEETING_END,
            "chair": "the-akim",
            "secretary": "summary-officer",
            "meeting_format": "in-person",
        }
        values.update(fields)
        with api.env.adopt_user(username="organiser"):
            return api.content.create(container=self.meetings, type="Meeting", **values)

    def item(self, meeting, title="О ходе отопительного сезона", **fields):
        values = {
            "title": title,
            "responsible_department": "economy",
            "supervising_deputy": "deputy",
        }
        values.update(fields)
        with api.env.adopt_user(username="organiser"):
            return api.content.create(container=meeting, type="AgendaItem", **values)

    def render(self, context, name, userid, method="GET", **form):
        return render(self.layer["request"], context, name, userid, method, **form)

    def do(self, obj, transition, userid, comment=""):
        with api.env.adopt_user(username=userid):
            api.portal.get_tool("portal_workflow").doActionFor(
                obj, transition, comment=comment
            )

    def held(self, meeting):
        self.do(meeting, "approve_agenda", "head")
        self.do(meeting, "hold", "organiser")
        return meeting

    def held_meeting(self, kind="apparatus-meeting", **fields):
        meeting = self.meeting(kind=kind, **fields)
        self.item(
            meeting,
            title="О ходе отопительного сезона",
            decision="Информацию принять к сведению.",
        )
        self.item(
            meeting,
            title="Об исполнении бюджета",
            responsible_department="finance",
            supervising_deputy="deputy2",
        )
        return self.held(meeting)

    def protocol(self, meeting):
        with api.env.adopt_user(username="odk-officer"):
            return protocols.create_from_meeting(meeting, self.protocols)

    def assignment(self, protocol, number, **fields):
        values = {
            "title": "Обеспечить подготовку",
            "number": number,
            "lead_executor": "economy",
            "controller": "odk",
        }
        values.update(fields)
        with api.env.adopt_user(username="odk-officer"):
            return api.content.create(
                container=protocol, type="Assignment", id=f"a-{number}", **values
            )

    def ready(self, protocol):
        for section in protocol.sections():
            section.decided = section.decided or "Принять к сведению."
        self.assignment(protocol, "1")
        self.assignment(protocol, "1.1")
        return protocol

    def visa_all(self, protocol):
        # The legal consultant is pending only after the others
        while visas.pending(protocol):
            visa = visas.pending(protocol)[0]
            with api.env.adopt_user(username=visa.approver):
                give_visa(protocol, visa.approver, agree=True)

    def signed(self, protocol):
        self.do(protocol, "submit", "odk-officer")
        self.visa_all(protocol)
        for userid in protocol.signatories():
            self.sign(protocol, userid)
        return protocol

    def sign(self, protocol, userid):
        with api.env.adopt_user(username=userid):
            protocols.sign(protocol, userid)
