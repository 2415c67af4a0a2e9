"""Catalog indexers: everything control lists filter or show, so listings wake no object up."""

from akimat.content import acts
from akimat.content import protocols
from akimat.content import visas
from akimat.content.content.act import IAct
from akimat.content.content.appeal import IAppeal
from akimat.content.content.assignment import IAssignment
from akimat.content.content.meeting import IMeeting
from akimat.content.content.meeting import naive
from akimat.content.content.protocol import IProtocol
from plone.indexer import indexer


@indexer(IAssignment)
def deadline(obj):
    return obj.effective_deadline()


@indexer(IAssignment)
def date_given(obj):
    return obj.date_given


@indexer(IAssignment)
def control_category(obj):
    return obj.control_category()


@indexer(IAssignment)
def on_control(obj):
    return obj.on_control()


@indexer(IAssignment)
def executors(obj):
    return obj.executors()


@indexer(IAssignment)
def lead_executor(obj):
    return obj.lead_executor


@indexer(IAssignment)
def controller(obj):
    return obj.controller


@indexer(IAssignment)
def source_kind(obj):
    return obj.source_kind


@indexer(IAssignment)
def source_reference(obj):
    return obj.source_reference or ""


@indexer(IAssignment)
def assignment_number(obj):
    return obj.number or ""


@indexer(IAssignment)
def removal_basis(obj):
    return obj.removal_basis or ""


@indexer(IAssignment)
def extensions_granted(obj):
    return obj.extensions_granted()


@indexer(IAssignment)
def assignment_note(obj):
    return obj.note or ""


@indexer(IAssignment)
def removed_on(obj):
    return obj.removed_on()


@indexer(IAct)
def act_kind(obj):
    return obj.kind


@indexer(IAct)
def normative(obj):
    return bool(obj.normative)


@indexer(IAct)
def registration_number(obj):
    return obj.registration_number


@indexer(IAct)
def registration_date(obj):
    return obj.registration_date


@indexer(IAct)
def registration_year(obj):
    return obj.registration_date.year if obj.registration_date else None


@indexer(IAct)
def developer_department(obj):
    return obj.developer_department


@indexer(IAct)
def act_deadline(obj):
    """The deadline of the open round of agreement (R10.14)."""
    return obj.round_deadline()


@indexer(IAct)
def awaiting_visa(obj):
    """Who is expected to visa now: approvers and their substitutes («awaiting my visa»)."""
    return [user for visa in visas.pending(obj) for user in (visa.approver, visa.substitute) if user]


@indexer(IAct)
def acquaintance_pending(obj):
    return acts.acquaintance_pending(obj)


@indexer(IMeeting)
def meeting_start(obj):
    return naive(obj.start)


@indexer(IMeeting)
def meeting_end(obj):
    return naive(obj.end)


@indexer(IMeeting)
def meeting_kind(obj):
    return obj.kind


@indexer(IProtocol)
def protocol_meeting_kind(obj):
    return obj.meeting_kind


@indexer(IMeeting)
def hall(obj):
    return obj.hall


@indexer(IMeeting)
def chair(obj):
    return obj.chair


@indexer(IProtocol)
def protocol_chair(obj):
    return obj.chair


@indexer(IProtocol)
def protocol_date(obj):
    return obj.meeting_date


@indexer(IProtocol)
def meeting_uid(obj):
    return obj.meeting_uid


@indexer(IProtocol)
def protocol_due(obj):
    return obj.due_date()


@indexer(IProtocol)
def drawn_up_on(obj):
    return obj.drawn_up_on


@indexer(IProtocol)
def protocol_registration_number(obj):
    return obj.registration_number


@indexer(IProtocol)
def protocol_registration_date(obj):
    return obj.registration_date


@indexer(IProtocol)
def protocol_registration_year(obj):
    return obj.registration_date.year if obj.registration_date else None


@indexer(IProtocol)
def protocol_awaiting_visa(obj):
    return awaiting_visa.callable(obj)


@indexer(IProtocol)
def awaiting_signature(obj):
    return protocols.awaiting_signature(obj)


@indexer(IAppeal)
def appeal_registration_number(obj):
    return obj.registration_number


@indexer(IAppeal)
def appeal_registration_date(obj):
    return obj.registration_date


@indexer(IAppeal)
def appeal_registration_year(obj):
    return obj.registration_date.year if obj.registration_date else None


@indexer(IAppeal)
def appeal_deadline(obj):
    """The term of the answer (R13), for the appeals register and its late marks."""
    return obj.review_deadline()


@indexer(IAppeal)
def appeal_kind(obj):
    return obj.kind


@indexer(IAppeal)
def appeal_channel(obj):
    return obj.channel
