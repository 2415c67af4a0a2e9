"""Table-driven workflow subscribers: a transition calls its domain service's step."""

from akimat.content import _
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.i18n import translate


def transition_of(event):
    return event.transition.id if event.transition is not None else None


def before_transition(service, checks, document, event):
    """Refusals the guards cannot express: the service's checks, and a reason to return."""
    transition = transition_of(event)
    if transition in checks:
        getattr(service, checks[transition])(document)
    elif transition == "return" and not (event.kwargs or {}).get("comment", "").strip():
        raise WorkflowException(
            translate(
                _("Give the reason for returning the draft for rework."),
                context=api.env.getRequest(),
            )
        )


def after_transition(service, steps, document, event):
    """What the service does after a transition: a round of visas, a return, a number."""
    transition = transition_of(event)
    if transition in steps:
        getattr(service, steps[transition])(document)
        document.reindexObject()
        # A new round changes who may see the document: the local role providers read the visas.
        document.reindexObjectSecurity()
