"""The steps a person takes on an appeal from its page, and what each needs first (RULES.md R13).

Heavy or irreversible steps (a correction request, a return, a redirection, a forwarded complaint,
the answer, the closing) are confirmed on a form that asks for what they need; every step is
taken once: a second click finds it taken and changes nothing. The workflow's guards and the
rules of life_cycle still decide, also for @workflow of plone.restapi.
"""

from akimat.content import _
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException

import transaction


WORKFLOW = "akimat_appeal_workflow"
# The steps confirmed on a form, with the appeal's fields they need; «reason» is the comment of
# the workflow history, shown on the appeal's page with its author and date.
CONFIRMED = {
    "request_correction": ("missing_requirements", "correction_term"),  # R13.7
    "return_to_applicant": ("reason",),  # R13.7
    "redirect": ("passed_to", "reason"),  # R13.9
    "forward": ("passed_to", "reason"),  # R13.11
    "answer": (),  # R0.5: the answer is written on the edit form
    "close": ("reason",),
}


def is_complaint(appeal):
    return appeal.kind == "complaint"


def offered(appeal):
    """The ids of the steps this user may take now; «forward» only for a complaint (R13.11)."""
    workflow = api.portal.get_tool("portal_workflow")
    return [
        t["id"]
        for t in workflow.getTransitionsFor(appeal)
        if t["id"] != "forward" or is_complaint(appeal)
    ]


def history(appeal):
    """The steps taken on the appeal, oldest first: {action, actor, time, comments}."""
    return [
        entry
        for entry in getattr(appeal, "workflow_history", {}).get(WORKFLOW, ())
        if entry.get("action")
    ]


def taken_last(appeal, transition):
    entries = history(appeal)
    return bool(entries) and entries[-1]["action"] == transition


def take(appeal, transition, values=None, reason=""):
    """Take `transition` with the fields it needs (`values`) and its reason. Returns False when it
    was the last step taken already (a second click); raises WorkflowException with the message
    for the person when it may not be taken, and then nothing of `values` stays."""
    if transition not in offered(appeal):
        if taken_last(appeal, transition):
            return False
        raise WorkflowException(
            api.portal.translate(_("This step cannot be taken on the appeal now."))
        )
    savepoint = transaction.savepoint()
    try:
        for name, value in (values or {}).items():
            setattr(appeal, name, value)
        api.portal.get_tool("portal_workflow").doActionFor(
            appeal, transition, comment=(reason or "").strip()
        )
    except WorkflowException:
        savepoint.rollback()
        raise
    appeal.reindexObject()
    return True
