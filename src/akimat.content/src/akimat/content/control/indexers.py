"""Catalog indexers of assignments: everything control lists filter or show, so listings wake no object up."""

from akimat.content.control.assignment import IAssignment
from akimat.content.core.principals import (
    executor_departments as executor_departments_of,
)
from plone.indexer import indexer


@indexer(IAssignment)
def deadline(obj):
    return obj.effective_deadline()


@indexer(IAssignment)
def deadline_as_set(obj):
    """Metadata only: lets listings say a deadline was moved off a day off (R0.2)."""
    return obj.deadline_as_set()


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
def executor_departments(obj):
    """An assignment to a person is found under his department too (R12.4b)."""
    return executor_departments_of(obj.executors())


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


@indexer(IAssignment)
def control_stage(obj):
    """Where the removal from control stands (R12.9, R12.14): whose turn it is."""
    return obj.control_stage()


@indexer(IAssignment)
def extension_pending(obj):
    """A request for extension waits for the leadership's decision (R12.7a)."""
    return obj.pending_extension() is not None


@indexer(IAssignment)
def urgency(obj):
    return obj.urgency
