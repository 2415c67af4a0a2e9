"""Local roles computed from an assignment's fields: executors and the controller (DESIGN.md)."""

from akimat.content import visas
from akimat.content.content.act import IAct
from akimat.content.content.act import settings
from akimat.content.content.assignment import IAssignment
from borg.localrole.interfaces import ILocalRoleProvider
from zope.component import adapter
from zope.interface import implementer


EXECUTOR = "Executor"
CONTROLLER = "Controller"


class ComputedRoles:
    """A local role provider whose roles `_roles()` computes from the content's fields."""

    def __init__(self, context):
        self.context = context

    def _roles(self):
        raise NotImplementedError

    def getRoles(self, principal_id):
        return tuple(self._roles().get(principal_id, ()))

    def getAllRoles(self):
        for principal, roles in self._roles().items():
            yield principal, tuple(roles)


@implementer(ILocalRoleProvider)
@adapter(IAssignment)
class AssignmentRoles(ComputedRoles):
    """Executors (lead and co-executors) and the controller of an assignment."""

    def _roles(self):
        roles = {principal: {EXECUTOR} for principal in self.context.executors() if principal}
        if self.context.controller:
            roles.setdefault(self.context.controller, set()).add(CONTROLLER)
        return roles


@implementer(ILocalRoleProvider)
@adapter(IAct)
class ActRoles(ComputedRoles):
    """The developer department edits its draft; approvers (and their substitutes) of the
    current round visa; the legal consultant reviews; the signatory signs; recipients read."""

    def _roles(self):
        act = self.context
        current = settings(act)
        roles = {}

        def grant(principal, role):
            if principal:
                roles.setdefault(principal, set()).add(role)

        grant(act.developer_department, "Editor")
        # Who visaed an earlier round keeps reading the act; the current round's people visa it.
        for earlier in visas.rounds(act)[:-1]:
            for visa in earlier.visas:
                grant(visa.approver, "Reader")
                grant(visa.substitute, "Reader")
        current_round = visas.current_round(act)
        if current_round is not None:
            for visa in current_round.visas:
                grant(visa.approver, "Approver")
                grant(visa.substitute, "Approver")
        if current is not None:
            grant(current.legal_consultant_group, "Legal Consultant")
            grant(act.signatory_group(), "Signatory")
        for principal in act.distribution or ():
            grant(principal, "Reader")
        return roles

