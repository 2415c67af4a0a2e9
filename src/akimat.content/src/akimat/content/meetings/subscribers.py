"""Thin event subscribers of meetings and protocols."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from akimat.content.core.transitions import after_transition
from akimat.content.core.transitions import before_transition
from akimat.content.core.transitions import transition_of
from akimat.content.meetings import protocol_life_cycle as protocols
from akimat.content.meetings.meeting import IMeeting
from functools import partial
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.i18n import translate
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent.interfaces import IObjectMovedEvent


# Protocols: sections and numbering before submission, signatures before registration (R8, A6).
PROTOCOL_BEFORE = {"submit": "check_submission", "register": "check_registration"}
PROTOCOL_AFTER = {
    "submit": "submitted",
    "return": "returned",
    "register": "register",
    "send": "sent",
}
protocol_before_transition = partial(before_transition, protocols, PROTOCOL_BEFORE)
protocol_after_transition = partial(after_transition, protocols, PROTOCOL_AFTER)


def meeting_before_transition(meeting, event):
    """R5.28: the agenda is approved only with the invitees agreed with the supervising deputy."""
    problem = (
        meeting.invitees_problem() if transition_of(event) == "approve_agenda" else None
    )
    if problem is not None:
        raise WorkflowException(translate(problem, context=api.env.getRequest()))


def protocol_meeting_copied(protocol, event):
    """A6.1: the protocol's date is its meeting's; kept on the protocol so the catalog and the
    numbering never have to look the meeting up (they also run with no site set)."""
    meeting = protocol.get_meeting()
    if meeting is not None:
        protocol.meeting_kind = meeting.kind
        protocol.meeting_date = meeting.day()
        protocol.meeting_uid = meeting.UID()


def agenda_changed(item, event):
    """The items' departments answer for preparation steps (preparation.DEPARTMENTS): their
    meeting's open steps are indexed again. Only for the item itself, not when its meeting is
    the one added or removed: that meeting is indexed or unindexed as a whole."""
    if getattr(event, "object", item) is not item:
        return
    parents = (
        (event.oldParent, event.newParent)
        if IObjectMovedEvent.providedBy(event)
        else (aq_parent(aq_inner(item)),)
    )
    for meeting in parents:
        if IMeeting.providedBy(meeting):
            meeting.reindexObject(idxs=["preparation_pending"])


def assignment_of_protocol(assignment, event):
    """R8.5b, R12.4a: an assignment written in a protocol has the protocol as its source."""
    protocol = assignment.__parent__
    if getattr(protocol, "portal_type", None) != "Protocol":
        return
    assignment.source = RelationValue(getUtility(IIntIds).getId(protocol))
    assignment.source_kind = protocol.meeting_kind or assignment.source_kind
    assignment.source_reference = protocols.reference(protocol)
    assignment.reindexObject()
