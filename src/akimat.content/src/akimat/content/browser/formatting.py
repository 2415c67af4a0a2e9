"""What the pages of every domain share: dates as people write them, month names, workflow states by their titles."""

from akimat.content import _
from datetime import datetime
from plone import api


def format_date(day):
    """dd.mm.yyyy, empty for no date."""
    return day.strftime("%d.%m.%Y") if day else ""


def format_moment(iso):
    """A moment stored as ISO text, as dd.mm.yyyy HH:MM."""
    return datetime.fromisoformat(iso).strftime("%d.%m.%Y %H:%M")


def state_title(state, portal_type):
    """The title of a workflow state of the type, as its workflow names it; the page translates it
    (the titles are in the `akimat` catalog and, for Plone's own pages, in `plone`)."""
    return api.portal.get_tool("portal_workflow").getTitleForStateOnType(
        state, portal_type
    )


def state_titles(portal_type):
    """{state id: title} of the type's workflow, in the workflow's order: listings and their filters."""
    (workflow,) = api.portal.get_tool("portal_workflow").getWorkflowsFor(portal_type)
    return {
        state: state_title(state, portal_type) for state in workflow.states.objectIds()
    }


# Month names as calendars and registers show them.
MONTHS = (
    _("January"),
    _("February"),
    _("March"),
    _("April"),
    _("May"),
    _("June"),
    _("July"),
    _("August"),
    _("September"),
    _("October"),
    _("November"),
    _("December"),
)
