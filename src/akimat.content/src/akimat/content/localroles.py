"""Local roles computed from an assignment's fields: executors and the controller (DESIGN.md)."""

from akimat.content.content.assignment import IAssignment
from borg.localrole.interfaces import ILocalRoleProvider
from zope.component import adapter
from zope.interface import implementer


EXECUTOR = "Executor"
CONTROLLER = "Controller"


@implementer(ILocalRoleProvider)
@adapter(IAssignment)
class AssignmentRoles:
    def __init__(self, context):
        self.context = context

    def _roles(self):
        roles = {principal: {EXECUTOR} for principal in self.context.executors() if principal}
        if self.context.controller:
            roles.setdefault(self.context.controller, set()).add(CONTROLLER)
        return roles

    def getRoles(self, principal_id):
        return tuple(self._roles().get(principal_id, ()))

    def getAllRoles(self):
        for principal, roles in self._roles().items():
            yield principal, tuple(roles)
