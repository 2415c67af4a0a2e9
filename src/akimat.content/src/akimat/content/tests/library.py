"""The document library as akimat.policy makes it, for the tests of akimat.content (R9.10d)."""

from akimat.content.interfaces import IDepartmentLibrary
from akimat.content.testing import AKIMAT_CONTENT_INTEGRATION_TESTING
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.namedfile.file import NamedBlobFile
from zope.interface import alsoProvides

import unittest


# Department → its staff and its head (the «-heads» group).
DEPARTMENTS = {
    "economy": ("economist", "economy-head"),
    "finance": ("accountant", "finance-head"),
}
OUTSIDER = "press-officer"
PDF = b"%PDF-1.4 a report"


def report_file(filename="report.pdf", data=PDF):
    return NamedBlobFile(data=data, filename=filename)


class LibraryTestCase(unittest.TestCase):
    """Folders «library/akimat-to/<department>»: staff draft, heads publish, only there."""

    layer = AKIMAT_CONTENT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self._user(OUTSIDER)
        library = api.content.create(
            container=self.portal, type="Folder", id="library", title="Библиотека"
        )
        self.akimat_to = api.content.create(
            container=library, type="Folder", id="akimat-to", title="Акимат ТО"
        )
        self.folders = {
            department: self.department_folder(department, *people)
            for department, people in DEPARTMENTS.items()
        }

    def _user(self, userid, group=None):
        if api.user.get(username=userid) is None:
            api.user.create(
                username=userid, email=f"{userid}@example.org", password="secret-123"
            )
        if group is not None:
            if api.group.get(groupname=group) is None:
                api.group.create(groupname=group, title=group)
            api.group.add_user(groupname=group, username=userid)

    def department_folder(self, department, staff, head):
        self._user(staff, department)
        self._user(head, f"{department}-heads")
        api.group.add_user(groupname=department, username=head)
        folder = api.content.create(
            container=self.akimat_to, type="Folder", id=department, title=department
        )
        alsoProvides(folder, IDepartmentLibrary)
        folder.__ac_local_roles_block__ = True
        api.group.grant_roles(groupname=department, roles=["Contributor"], obj=folder)
        api.group.grant_roles(
            groupname=f"{department}-heads",
            roles=["Contributor", "Editor", "Reviewer"],
            obj=folder,
        )
        folder.manage_permission(
            "akimat.content: Add Report",
            ["Manager", "Site Administrator", "Owner", "Contributor"],
            acquire=True,
        )
        folder.reindexObjectSecurity()
        return folder

    def report(self, department="economy", userid=None, **fields):
        values = {
            "title": "Отчёт об исполнении бюджета за 2 квартал 2026 года",
            "report_kind": "Отчёт об исполнении бюджета",
            "period_kind": "quarter",
            "period": 2,
            "report_year": 2026,
            "file": report_file(),
            "department": department,
        }
        values.update(fields)
        with api.env.adopt_user(username=userid or DEPARTMENTS[department][0]):
            return api.content.create(
                container=self.folders[department], type="Report", **values
            )

    def do(self, obj, transition, userid):
        with api.env.adopt_user(username=userid):
            api.portal.get_tool("portal_workflow").doActionFor(obj, transition)
