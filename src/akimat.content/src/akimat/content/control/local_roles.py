"""Local roles computed from an assignment's fields: executors and the controller (DESIGN.md)."""

from akimat.content.control.assignment import IAssignment
from akimat.content.core.local_roles import ComputedRoles
from borg.localrole.interfaces import ILocalRoleProvider
from zope.component import adapter
from zope.interface import implementer


EXECUTOR = "Executor"
CONTROLLER = "Controller"


@implementer(ILocalRoleProvider)
@adapter(IAssignment)
class AssignmentRoles(ComputedRoles):
    """Executors (lead and co-executors) and the controller of an assignment."""

    def _roles(self):
        roles = {
            principal: {EXECUTOR} for principal in self.context.executors() if principal
        }
        if self.context.controller:
            roles.setdefault(self.context.controller, set()).add(CONTROLLER)
        return roles
