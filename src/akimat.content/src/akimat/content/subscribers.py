"""Thin event subscribers: they call the type or the control service."""

from akimat.content import _
from akimat.content import acts
from akimat.content import protocols
from akimat.content.control import ControlError
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.i18n import translate
from zope.intid.interfaces import IIntIds


def check_removal(assignment, event):
    """No removal from control without a basis, a report and consent, however it is asked for
    (form, REST @workflow, ZMI): R12.9, R9.23, R12.14."""
    if event.transition is None or event.transition.id != "remove":
        return
    try:
        assignment.check_removal(assignment.removal_basis, api.user.get_current().getId())
    except ControlError as error:
        raise WorkflowException(translate(error.args[0], context=api.env.getRequest()))


def reindex_control_state(assignment, event):
    """Workflow reindexes only its own variables; whether the assignment is on control follows."""
    if event.transition is None:  # the initial state on creation: indexed when it is added
        return
    assignment.reindexObject(idxs=["on_control", "removal_basis", "removed_on"])


def reindex_parent(report, event):
    """A new execution report changes what its assignment may do next."""
    report.__parent__.reindexObject()


def act_before_transition(act, event):
    """Refusals that the guards cannot express: attachments (R10.5–R10.10), a reason to return."""
    transition = event.transition.id if event.transition is not None else None
    if transition == "submit":
        acts.check_submission(act)
    elif transition == "return" and not (event.kwargs or {}).get("comment", "").strip():
        raise WorkflowException(
            translate(_("Give the reason for returning the draft for rework."), context=api.env.getRequest())
        )


AFTER_TRANSITION = {
    "approve_legally": "start_departments_round",
    "complete_agreement_members": "start_members_round",
    "return": "returned",
    "withdraw": "returned",
    "register": "register",
}


def act_after_transition(act, event):
    """Start a round of visas, restart rework, or give the registration number."""
    transition = event.transition.id if event.transition is not None else None
    if transition in AFTER_TRANSITION:
        getattr(acts, AFTER_TRANSITION[transition])(act)
        act.reindexObject()
        # A new round changes who may see the act: the local role provider reads the visas.
        act.reindexObjectSecurity()


def protocol_meeting_copied(protocol, event):
    """A6.1: the protocol's date is its meeting's; kept on the protocol so the catalog and the
    numbering never have to look the meeting up (they also run with no site set)."""
    meeting = protocol.get_meeting()
    if meeting is not None:
        protocol.meeting_kind = meeting.kind
        protocol.meeting_date = meeting.day()


PROTOCOL_BEFORE = {"submit": "check_submission", "register": "check_registration"}
PROTOCOL_AFTER = {"submit": "submitted", "return": "returned", "register": "register", "send": "sent"}


def protocol_before_transition(protocol, event):
    transition = event.transition.id if event.transition is not None else None
    if transition in PROTOCOL_BEFORE:
        getattr(protocols, PROTOCOL_BEFORE[transition])(protocol)
    elif transition == "return" and not (event.kwargs or {}).get("comment", "").strip():
        raise WorkflowException(
            translate(_("Give the reason for returning the draft for rework."), context=api.env.getRequest())
        )


def protocol_after_transition(protocol, event):
    transition = event.transition.id if event.transition is not None else None
    if transition in PROTOCOL_AFTER:
        getattr(protocols, PROTOCOL_AFTER[transition])(protocol)
        protocol.reindexObject()
        protocol.reindexObjectSecurity()


def assignment_of_protocol(assignment, event):
    """R8.5b, R12.4a: an assignment written in a protocol has the protocol as its source."""
    protocol = assignment.__parent__
    if getattr(protocol, "portal_type", None) != "Protocol":
        return
    assignment.source = RelationValue(getUtility(IIntIds).getId(protocol))
    assignment.source_kind = protocol.meeting_kind or assignment.source_kind
    assignment.source_reference = protocols.reference(protocol)
    assignment.reindexObject()
