"""Local roles computed from an assignment's fields: executors and the controller (DESIGN.md)."""

from akimat.content import visas
from akimat.content.content.act import IAct
from akimat.content.content.act import settings
from akimat.content.content.agenda_item import IAgendaItem
from akimat.content.content.appeal import IAppeal
from akimat.content.content.assignment import IAssignment
from akimat.content.content.meeting import IMeeting
from akimat.content.content.protocol import IProtocol
from akimat.content.content.reception import IReceptionSchedule
from akimat.content.content.reception import IReception
from akimat.content.vocabularies import meeting_settings
from Acquisition import aq_inner
from Acquisition import aq_parent
from borg.localrole.interfaces import ILocalRoleProvider
from zope.component import adapter
from zope.component import getAdapters
from zope.container.interfaces import IContainerModifiedEvent
from zope.interface import implementer


EXECUTOR = "Executor"
CONTROLLER = "Controller"


class ComputedRoles:
    """A local role provider whose roles `_roles()` computes from the content's fields, and
    from the fields of the items inside it that provide one of `items_read`."""

    items_read = ()

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
        _grant(roles, act.developer_department, "Editor")
        _agreement_roles(act, roles)
        if current is not None:
            _grant(roles, current.legal_consultant_group, "Legal Consultant")
            _grant(roles, act.signatory_group(), "Signatory")
        for principal in act.distribution or ():
            _grant(roles, principal, "Reader")
        return roles


def _agreement_roles(document, roles):
    """Approvers of the current round (and their substitutes) visa; earlier ones keep reading."""
    for earlier in visas.rounds(document)[:-1]:
        for visa in earlier.visas:
            _grant(roles, visa.approver, "Reader")
            _grant(roles, visa.substitute, "Reader")
    current_round = visas.current_round(document)
    if current_round is not None:
        for visa in current_round.visas:
            _grant(roles, visa.approver, "Approver")
            _grant(roles, visa.substitute, "Approver")


def _grant(roles, principal, role):
    if principal:
        roles.setdefault(principal, set()).add(role)


@implementer(ILocalRoleProvider)
@adapter(IMeeting)
class MeetingRoles(ComputedRoles):
    """The secretary prepares the meeting with the organising department."""

    def _roles(self):
        roles = {}
        _grant(roles, self.context.secretary, "Editor")
        return roles


@implementer(ILocalRoleProvider)
@adapter(IAgendaItem)
class AgendaItemRoles(ComputedRoles):
    """The responsible department adds the item's materials (R5.6)."""

    def _roles(self):
        roles = {}
        _grant(roles, self.context.responsible_department, "Contributor")
        return roles


@implementer(ILocalRoleProvider)
@adapter(IProtocol)
class ProtocolRoles(ComputedRoles):
    """Approvers visa; the chair and the secretary sign (A6.3); the distribution list reads (A6.5)."""

    def _roles(self):
        protocol = self.context
        roles = {}
        _agreement_roles(protocol, roles)
        for signatory in protocol.signatories():
            _grant(roles, signatory, "Signatory")
        for principal in protocol.distribution or ():
            _grant(roles, principal, "Reader")
        return roles


@implementer(ILocalRoleProvider)
@adapter(IAppeal)
class AppealRoles(ComputedRoles):
    """R13.2: besides the appeals department (its section's roles), only the official the appeal
    is addressed to and the executors of its assignments read it."""

    items_read = (IAssignment,)

    def _roles(self):
        roles = {}
        _grant(roles, self.context.addressee, "Reader")
        for assignment in self.context.objectValues():
            if IAssignment.providedBy(assignment):
                for executor in assignment.executors():
                    _grant(roles, executor, "Reader")
        return roles


@implementer(ILocalRoleProvider)
@adapter(IReceptionSchedule)
class ReceptionScheduleRoles(ComputedRoles):
    """R14.1: the akim approves the schedule of personal receptions."""

    def _roles(self):
        roles = {}
        _grant(roles, meeting_settings(self.context).akim_group, "Signatory")
        return roles


@implementer(ILocalRoleProvider)
@adapter(IReception)
class ReceptionRoles(ComputedRoles):
    """R14.2: the receiving official reads the reception's list."""

    def _roles(self):
        roles = {}
        _grant(roles, self.context.official, "Reader")
        return roles


# Who may see what is in the catalog too (allowedRolesAndUsers): whatever changes the fields the
# roles are computed from reindexes the security of the objects those roles are on, in the same
# transaction — otherwise the catalog would go on showing a document to the people it no longer
# concerns (in search, listings, vocabularies) or hide it from the new ones.


def _computed_roles(obj):
    return [provider for _name, provider in getAdapters((obj,), ILocalRoleProvider)
            if isinstance(provider, ComputedRoles)]


def _reads(container, item):
    return any(interface.providedBy(item)
               for provider in _computed_roles(container) for interface in provider.items_read)


def fields_modified(obj, event):
    """An edit (form, REST PATCH) may change whom the object and the container reading it concern."""
    if IContainerModifiedEvent.providedBy(event):  # its items changed: item_moved
        return
    if _computed_roles(obj):
        obj.reindexObjectSecurity()
    container = aq_parent(aq_inner(obj))
    if container is not None and _reads(container, obj):
        container.reindexObjectSecurity()


def item_moved(obj, event):
    """An item added, moved or removed: the containers that read it concern other people now."""
    for container in {id(c): c for c in (event.oldParent, event.newParent) if c is not None}.values():
        if _reads(container, obj):
            container.reindexObjectSecurity()
