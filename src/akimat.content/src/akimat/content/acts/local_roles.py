"""Local roles of an act: developers, approvers, legal consultant, signatory, recipients."""

from akimat.content.acts.act import IAct
from akimat.content.acts.act import settings
from akimat.content.agreement.local_roles import agreement_roles
from akimat.content.core.local_roles import ComputedRoles
from akimat.content.core.local_roles import grant
from borg.localrole.interfaces import ILocalRoleProvider
from zope.component import adapter
from zope.interface import implementer


@implementer(ILocalRoleProvider)
@adapter(IAct)
class ActRoles(ComputedRoles):
    """The developer department edits its draft; approvers (and their substitutes) of the
    current round visa; the legal consultant reviews; the signatory signs; recipients read."""

    def _roles(self):
        act = self.context
        current = settings(act)
        roles = {}
        grant(roles, act.developer_department, "Editor")
        agreement_roles(act, roles)
        if current is not None:
            grant(roles, current.legal_consultant_group, "Legal Consultant")
            grant(roles, act.signatory_group(), "Signatory")
        for principal in act.distribution or ():
            grant(roles, principal, "Reader")
        return roles
