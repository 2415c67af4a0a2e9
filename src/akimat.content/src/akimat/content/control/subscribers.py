"""Thin event subscribers of control: they call the assignment or the control service."""

from akimat.content.control.rules import ControlError
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.i18n import translate


def check_removal(assignment, event):
    """No removal from control without a basis, a report and consent, however it is asked for
    (form, REST @workflow, ZMI): R12.9, R9.23, R12.14."""
    if event.transition is None or event.transition.id != "remove":
        return
    try:
        assignment.check_removal(
            assignment.removal_basis, api.user.get_current().getId()
        )
    except ControlError as error:
        raise WorkflowException(
            translate(error.args[0], context=api.env.getRequest())
        ) from error


def reindex_control_state(assignment, event):
    """Workflow reindexes only its own variables; whether the assignment is on control follows."""
    # The initial state on creation: indexed when it is added
    if event.transition is None:
        return
    assignment.reindexObject(
        idxs=["on_control", "control_stage", "removal_basis", "removed_on"]
    )


def reindex_parent(report, event):
    """A new execution report changes what its assignment may do next."""
    report.__parent__.reindexObject()


def reindex_departments_of_member(event):
    """A person who joins or leaves a department takes his assignments with him: the departments
    they count under follow (core.principals.executor_departments)."""
    # PAS names the principal by its id
    principal = event.principal
    userid = principal if isinstance(principal, str) else principal.getId()
    # Whoever changes the membership, every assignment of the person follows
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Assignment", executors=userid
    ):
        assignment = brain._unrestrictedGetObject()
        assignment.reindexObject(idxs=["executor_departments"])
        # The heads of his new department read it (local_roles.AssignmentRoles)
        assignment.reindexObjectSecurity()
