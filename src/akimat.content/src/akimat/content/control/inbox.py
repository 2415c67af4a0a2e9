"""What control asks of a person (core/inbox.py): assignments to execute, to watch, to remove,
extensions to decide and removals to consent to. Catalog queries only.

A department head is a member of his department's group, so its assignments are his to execute."""

from akimat.content import _
from akimat.content.browser.formatting import format_date
from akimat.content.control import rules as control
from akimat.content.core.inbox import action_of
from akimat.content.core.inbox import find
from akimat.content.core.inbox import IInboxProvider
from akimat.content.core.inbox import Kind
from akimat.content.core.principals import principal_ids
from plone import api
from zope.interface import implementer


EXECUTE, WATCH, REMOVE = (
    "assignment-execution",
    "assignment-watch",
    "assignment-removal",
)
DECIDE_EXTENSION, CONSENT = "extension-decision", "removal-consent"
LEADERSHIP, DEPUTY_AKIM = "Leadership", "Deputy Akim"


def _action(kind, brain, note=""):
    return action_of(kind, brain, brain.deadline, urgent=bool(brain.urgency), note=note)


def _report_due(brain, calendar):
    """R12.13: the lead executor's date; co-executors report to the lead earlier still."""
    lead, _co = control.report_due_dates(brain.deadline, calendar)
    return _(
        "Execution information due by ${date}",
        mapping={"date": format_date(lead)},
    )


@implementer(IInboxProvider)
class ControlInbox:
    kinds = (
        Kind(EXECUTE, _("Assignments to execute")),
        Kind(DECIDE_EXTENSION, _("Requests for extension to decide")),
        Kind(CONSENT, _("Removals from control to consent to")),
        Kind(REMOVE, _("Assignments to remove from control")),
        Kind(WATCH, _("Assignments under my control due soon")),
    )
    waits_in = (("akimat_assignment_workflow", "on_control"),)

    def actions(self, user, today, calendar):
        roles = api.user.get_roles(user=user, obj=api.portal.get())
        mine = {"portal_type": "Assignment", "sort_on": "deadline"}
        for brain in find(
            executors=principal_ids(user), control_stage=control.EXECUTING, **mine
        ):
            yield _action(EXECUTE, brain, _report_due(brain, calendar))
        controlling = principal_ids(user)
        for brain in find(
            controller=controlling,
            control_stage=control.EXECUTING,
            deadline={"query": control.yellow_from(today, calendar), "range": "max"},
            **mine,
        ):
            yield _action(WATCH, brain)
        decides = LEADERSHIP in roles or DEPUTY_AKIM in roles
        for brain in find(
            controller=controlling,
            control_stage=[control.CONSENTED, control.REPORTED]
            if decides
            else control.CONSENTED,
            **mine,
        ):
            yield _action(REMOVE, brain)
        if LEADERSHIP not in roles:
            return
        for brain in find(extension_pending=True, **mine):
            yield _action(DECIDE_EXTENSION, brain)
        for brain in find(control_stage=control.REPORTED, **mine):
            if brain.controller not in controlling:  # his own he removes, consent given
                yield _action(CONSENT, brain)


provider = ControlInbox()
