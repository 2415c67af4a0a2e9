"""What the pages of every domain share: dates as people write them, month names, workflow states by their titles."""

from akimat.content import _
from akimat.content.core.calendar import WEEKEND
from datetime import datetime
from plone import api
from zope.i18n import translate


def format_date(day):
    """dd.mm.yyyy, empty for no date."""
    return day.strftime("%d.%m.%Y") if day else ""


WEEKDAY_NAMES = {5: _("Saturday"), 6: _("Sunday")}


def format_deadline(day, calendar, request, set_on=None):
    """A deadline as people read it, saying when it was moved off a day off (R0.2): «20.12.2026 —
    воскресенье, срок перенесён на 21.12.2026». `day` is the deadline that counts; `set_on` the day
    it was set on, when known (it defaults to `day`, which then needs no word)."""
    moved = calendar.moved_deadline(set_on or day)
    if moved is None:
        return format_date(day)
    original, working_day = moved
    day_off = calendar.day_off(original)
    why = (
        WEEKDAY_NAMES[original.weekday()]
        if day_off == WEEKEND
        else ", ".join(translate(name, context=request) for name in day_off.names)
    )
    return translate(
        _(
            "${date} — ${day_off}, the deadline moves to ${working_day}",
            mapping={
                "date": format_date(original),
                "day_off": translate(why, context=request),
                "working_day": format_date(working_day),
            },
        ),
        context=request,
    )


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
