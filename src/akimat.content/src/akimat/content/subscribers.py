"""Thin event subscribers: they call the type or the control service."""

from akimat.content import _
from akimat.content import acts
from akimat.content import appeals
from akimat.content import library
from akimat.content import protocols
from akimat.content import receptions
from akimat.content.content.report import department_of
from akimat.content.content.report import IReport
from akimat.content.control import ControlError
from functools import partial
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


def _transition(event):
    return event.transition.id if event.transition is not None else None


def _before(service, checks, document, event):
    """Refusals the guards cannot express: the service's checks, and a reason to return."""
    transition = _transition(event)
    if transition in checks:
        getattr(service, checks[transition])(document)
    elif transition == "return" and not (event.kwargs or {}).get("comment", "").strip():
        raise WorkflowException(
            translate(_("Give the reason for returning the draft for rework."), context=api.env.getRequest())
        )


def _after(service, steps, document, event):
    """What the service does after a transition: a round of visas, a return, a number."""
    transition = _transition(event)
    if transition in steps:
        getattr(service, steps[transition])(document)
        document.reindexObject()
        # A new round changes who may see the document: the local role providers read the visas.
        document.reindexObjectSecurity()


# Acts: attachments before submission (R10.5–R10.10); rounds, rework, numbers after (R10).
ACT_BEFORE = {"submit": "check_submission"}
ACT_AFTER = {
    "approve_legally": "start_departments_round",
    "complete_agreement_members": "start_members_round",
    "return": "returned",
    "withdraw": "returned",
    "register": "register",
}
# Protocols: sections and numbering before submission, signatures before registration (R8, A6).
PROTOCOL_BEFORE = {"submit": "check_submission", "register": "check_registration"}
PROTOCOL_AFTER = {"submit": "submitted", "return": "returned", "register": "register", "send": "sent"}


# Appeals: the lawful paths and their conditions (R13.7, R13.9, R13.11); numbers and dates after.
APPEAL_BEFORE = {
    "request_correction": "check_correction_request",
    "return_to_applicant": "check_return",
    "redirect": "check_passing_on",
    "forward": "check_forward",
    "answer": "check_answer",
}
APPEAL_AFTER = {"register": "register", "redirect": "passed_on", "forward": "passed_on", "answer": "answered"}

# Personal reception: the akim approves a schedule with receptions (R14.1); a reception is held
# with what each person said recorded (R13.10); the days of the list (R14.2) and of the reception.
RECEPTION_SCHEDULE_BEFORE = {"approve": "check_approval"}
RECEPTION_SCHEDULE_AFTER = {"approve": "approved"}
RECEPTION_BEFORE = {"hold": "check_hold"}
RECEPTION_AFTER = {"submit_list": "list_submitted", "hold": "held"}


# The handlers the ZCML names: (document, event) → the service's step for that transition.
act_before_transition = partial(_before, acts, ACT_BEFORE)
act_after_transition = partial(_after, acts, ACT_AFTER)
protocol_before_transition = partial(_before, protocols, PROTOCOL_BEFORE)
protocol_after_transition = partial(_after, protocols, PROTOCOL_AFTER)
appeal_before_transition = partial(_before, appeals, APPEAL_BEFORE)
appeal_after_transition = partial(_after, appeals, APPEAL_AFTER)
reception_schedule_before_transition = partial(_before, receptions, RECEPTION_SCHEDULE_BEFORE)
reception_schedule_after_transition = partial(_after, receptions, RECEPTION_SCHEDULE_AFTER)
reception_before_transition = partial(_before, receptions, RECEPTION_BEFORE)
reception_after_transition = partial(_after, receptions, RECEPTION_AFTER)


def meeting_before_transition(meeting, event):
    """R5.28: the agenda is approved only with the invitees agreed with the supervising deputy."""
    problem = meeting.invitees_problem() if _transition(event) == "approve_agenda" else None
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


def assignment_of_protocol(assignment, event):
    """R8.5b, R12.4a: an assignment written in a protocol has the protocol as its source."""
    protocol = assignment.__parent__
    if getattr(protocol, "portal_type", None) != "Protocol":
        return
    assignment.source = RelationValue(getUtility(IIntIds).getId(protocol))
    assignment.source_kind = protocol.meeting_kind or assignment.source_kind
    assignment.source_reference = protocols.reference(protocol)
    assignment.reindexObject()


def report_added(report, event):
    """A report belongs to the department whose library folder holds it (R9.10d); its files'
    text is kept for the catalog; a corrected version replaces the earlier report."""
    report.department = department_of(report) or report.department
    library.refresh_text(report)
    library.replace_corrected(report)
    report.reindexObject()


def report_modified(report, event):
    library.refresh_text(report)
    report.reindexObject()


def annex_changed(file, event):
    """A further file of a report: its text goes into the report's full text."""
    report = file.__parent__
    if IReport.providedBy(report):
        library.refresh_text(file)
        report.reindexObject(idxs=["SearchableText", "file_types"])


def report_after_transition(report, event):
    if _transition(event) == "publish":
        library.published(report)
