"""The organisation and the steps every meeting and protocol test needs, built the same way."""

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
    "akimat-members": ["the-akim", "deputy", "deputy2", "head", "member1", "member2", "member3", "member4", "member5"],
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
                        username=userid, email=f"{userid}@example.org", password="secret-123",
                        properties={"fullname": userid.replace("-", " ").title()},
                    )
                api.group.add_user(groupname=group, username=userid)
        for group, roles in (("odk", ["Control Officer", "Contributor"]), ("akim", ["Leadership"]), ("head-of-apparatus", ["Leadership"]),
                             ("deputy-akims", ["Deputy Akim"]), ("orgotdel", ["Contributor", "Editor"]),
                             ("svodny-otdel", ["Contributor", "Editor"])):
            api.group.grant_roles(groupname=group, roles=roles, obj=self.portal)

    def meeting(self, kind="apparatus-meeting", **fields):
        values = dict(
            kind=kind, title="Аппаратное совещание", start=MEETING_START, end=MEETING_END,
            chair="the-akim", secretary="summary-officer", format="in-person",
        )
        values.update(fields)
        with api.env.adopt_user(username="organiser"):
            return api.content.create(container=self.portal, type="Meeting", **values)

    def item(self, meeting, title="О ходе отопительного сезона", **fields):
        values = dict(title=title, responsible_department="economy", supervising_deputy="deputy")
        values.update(fields)
        with api.env.adopt_user(username="organiser"):
            return api.content.create(container=meeting, type="AgendaItem", **values)

    def do(self, obj, transition, userid, comment=""):
        with api.env.adopt_user(username=userid):
            api.portal.get_tool("portal_workflow").doActionFor(obj, transition, comment=comment)

    def held(self, meeting):
        self.do(meeting, "approve_agenda", "head")
        self.do(meeting, "hold", "organiser")
        return meeting
