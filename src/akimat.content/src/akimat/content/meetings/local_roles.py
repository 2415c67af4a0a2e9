"""Local roles of meetings, agenda items and protocols."""

from akimat.content.agreement.local_roles import agreement_roles
from akimat.content.core.local_roles import ComputedRoles
from akimat.content.core.local_roles import grant
from akimat.content.meetings.agenda_item import IAgendaItem
from akimat.content.meetings.meeting import IMeeting
from akimat.content.meetings.protocol import IProtocol
from borg.localrole.interfaces import ILocalRoleProvider
from zope.component import adapter
from zope.interface import implementer


@implementer(ILocalRoleProvider)
@adapter(IMeeting)
class MeetingRoles(ComputedRoles):
    """The secretary prepares the meeting with the organising department."""

    def _roles(self):
        roles = {}
        grant(roles, self.context.secretary, "Editor")
        return roles


@implementer(ILocalRoleProvider)
@adapter(IAgendaItem)
class AgendaItemRoles(ComputedRoles):
    """The responsible department adds the item's materials (R5.6)."""

    def _roles(self):
        roles = {}
        grant(roles, self.context.responsible_department, "Contributor")
        return roles


@implementer(ILocalRoleProvider)
@adapter(IProtocol)
class ProtocolRoles(ComputedRoles):
    """Approvers visa; the chair and the secretary sign (A6.3); the distribution list reads (A6.5)."""

    def _roles(self):
        protocol = self.context
        roles = {}
        agreement_roles(protocol, roles)
        for signatory in protocol.signatories():
            grant(roles, signatory, "Signatory")
        for principal in protocol.distribution or ():
            grant(roles, principal, "Reader")
        return roles
