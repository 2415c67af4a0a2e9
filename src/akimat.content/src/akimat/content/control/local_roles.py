"""Local roles computed from an assignment's fields: executors and the controller (DESIGN.md)."""

from akimat.content.control.assignment import IAssignment
from akimat.content.core.local_roles import ComputedRoles
from akimat.content.core.principals import executor_departments
from akimat.content.core.principals import HEADS_SUFFIX
from akimat.content.core.principals import is_department
from borg.localrole.interfaces import ILocalRoleProvider
from zope.component import adapter
from zope.interface import implementer


EXECUTOR = "Executor"
CONTROLLER = "Controller"
READER = "Reader"
# An appeal is seen only by those the rules name (R13.2): its executors' heads are not among them.
PRIVATE_SOURCES = ("appeal",)


@implementer(ILocalRoleProvider)
@adapter(IAssignment)
class AssignmentRoles(ComputedRoles):
    """Executors (lead and co-executors) and the controller of an assignment; the heads of the
    departments its executors serve in read it, as they answer for their people's work —
    unless it is an appeal's."""

    def _roles(self):
        executors = [p for p in self.context.executors() if p]
        heads = (
            ()
            if self.context.source_kind in PRIVATE_SOURCES
            else executor_departments(executors)
        )
        roles = {
            principal + HEADS_SUFFIX: {READER}
            for principal in heads
            if is_department(principal)
        }
        for principal in executors:
            roles[principal] = {EXECUTOR}
        if self.context.controller:
            roles.setdefault(self.context.controller, set()).add(CONTROLLER)
        return roles
