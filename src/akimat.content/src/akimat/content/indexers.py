"""Catalog indexers: everything control lists filter or show, so listings wake no object up."""

from akimat.content import acts
from akimat.content import visas
from akimat.content.content.act import IAct
from akimat.content.content.assignment import IAssignment
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
