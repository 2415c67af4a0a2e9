"""Steps taken by buttons on a document's page: POST only, refusals as status messages.

A refused step (a rule of the Регламент, a guard of the workflow) shows the person why on the page
they came from, instead of Plone's error page; nothing is changed, because the refusals come
before any change.
"""

from akimat.content import _
from akimat.content.browser.formatting import state_title
from akimat.content.core.csrf import has_token
from akimat.content.core.csrf import NO_TOKEN
from akimat.content.core.errors import Refusal
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.Five.browser import BrowserView
from zope.i18n import translate


# Transitions with a form of their own (a reason) or taken by the rules themselves, never a button.
NOT_BUTTONS = (
    "return",
    "complete_agreement",
    "complete_agreement_members",
    "complete_members",
)


class Step(BrowserView):
    """`take()` does the step and returns the page to show next (default: the context's)."""

    refusals = (Refusal, WorkflowException)

    def __call__(self):
        url = self.context.absolute_url()
        if self.request.get("REQUEST_METHOD", "GET").upper() == "POST":
            if not has_token(self.request):
                api.portal.show_message(NO_TOKEN, request=self.request, type="error")
                self.request.response.redirect(url)
                return ""
            try:
                url = self.take() or url
            except self.refusals as error:
                api.portal.show_message(
                    error.args[0], request=self.request, type="error"
                )
        self.request.response.redirect(url)
        return ""

    def take(self):
        raise NotImplementedError


def button_transitions(context):
    """The workflow transitions this user may take on `context` by a button."""
    workflow = api.portal.get_tool("portal_workflow")
    return [
        {"id": t["id"], "title": t["title"]}
        for t in workflow.getTransitionsFor(context)
        if t["id"] not in NOT_BUTTONS
    ]


class Transition(Step):
    """?workflow_action=<id>: one transition of the context's workflow; its guard decides who may."""

    def take(self):
        transition = self.request.form.get("workflow_action")
        if transition not in [t["id"] for t in button_transitions(self.context)]:
            raise WorkflowException(
                translate(
                    _("This step cannot be taken from this page."), context=self.request
                )
            )
        workflow = api.portal.get_tool("portal_workflow")
        workflow.doActionFor(self.context, transition)
        state = state_title(
            workflow.getInfoFor(self.context, "review_state"), self.context.portal_type
        )
        state = translate(state, domain="plone", context=self.request)
        api.portal.show_message(
            _("The state is now «${state}».", mapping={"state": state}),
            request=self.request,
        )
