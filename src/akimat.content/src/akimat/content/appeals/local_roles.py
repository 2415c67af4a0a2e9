"""Local roles of appeals and personal reception (RULES.md R13.2, R14)."""

from akimat.content.appeals.appeal import IAppeal
from akimat.content.appeals.reception import IReception
from akimat.content.appeals.reception import IReceptionSchedule
from akimat.content.control.assignment import IAssignment
from akimat.content.core.local_roles import ComputedRoles
from akimat.content.core.local_roles import grant
from akimat.content.core.vocabularies import meeting_settings
from borg.localrole.interfaces import ILocalRoleProvider
from zope.component import adapter
from zope.interface import implementer


@implementer(ILocalRoleProvider)
@adapter(IAppeal)
class AppealRoles(ComputedRoles):
    """R13.2: besides the appeals department (its section's roles), only the official the appeal
    is addressed to and the executors of its assignments read it."""

    items_read = (IAssignment,)

    def _roles(self):
        roles = {}
        grant(roles, self.context.addressee, "Reader")
        for assignment in self.context.objectValues():
            if IAssignment.providedBy(assignment):
                for executor in assignment.executors():
                    grant(roles, executor, "Reader")
        return roles


@implementer(ILocalRoleProvider)
@adapter(IReceptionSchedule)
class ReceptionScheduleRoles(ComputedRoles):
    """R14.1: the akim approves the schedule of personal receptions."""

    def _roles(self):
        roles = {}
        grant(roles, meeting_settings(self.context).akim_group, "Signatory")
        return roles


@implementer(ILocalRoleProvider)
@adapter(IReception)
class ReceptionRoles(ComputedRoles):
    """R14.2: the receiving official reads the reception's list."""

    def _roles(self):
        roles = {}
        grant(roles, self.context.official, "Reader")
        return roles
