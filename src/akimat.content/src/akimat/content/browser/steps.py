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
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate


# Transitions with a form of their own (a reason) or taken by the rules themselves, never a button.
NOT_BUTTONS = (
    "return",
    "complete_agreement",
    "complete_agreement_members",
    "complete_members",
)
# Steps that cannot be undone or weigh heavily: a page asks to confirm them first, and for the
# reason where True. Their buttons stand apart from the others, so that a double click on
# «Опубликовать» never lands on «В архив».
CONFIRMED = {
    "akimat_report_workflow": {"archive": False},
    "akimat_act_workflow": {"withdraw": True, "sign": False, "register": False},
    "akimat_meeting_workflow": {"cancel": True, "close": False},
    "akimat_protocol_workflow": {"register": False, "send": False},
}


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


def confirmed_steps(context):
    """{transition: whether it needs a reason} of the steps of `context` to be confirmed."""
    workflow = api.portal.get_tool("portal_workflow")
    steps = {}
    for chain_id in workflow.getChainFor(context):
        steps.update(CONFIRMED.get(chain_id, {}))
    return steps


def button_transitions(context):
    """The workflow transitions this user may take on `context` by a button; `confirm` for
    those a page confirms first."""
    workflow = api.portal.get_tool("portal_workflow")
    confirmed = confirmed_steps(context)
    return [
        {"id": t["id"], "title": t["title"], "confirm": t["id"] in confirmed}
        for t in workflow.getTransitionsFor(context)
        if t["id"] not in NOT_BUTTONS
    ]


class Transition(Step):
    """?workflow_action=<id>: one transition of the context's workflow; its guard decides who may.
    A step of CONFIRMED is taken only from its confirmation page (GET shows it), with the reason
    when it needs one; the reason goes into the document's history."""

    confirmation = ViewPageTemplateFile("templates/confirm_step.pt")

    def __call__(self):
        self.error = None
        step = self.step()
        if step is not None and step["confirm"]:
            posted = self.request.get("REQUEST_METHOD", "GET").upper() == "POST"
            if not (posted and self.request.form.get("confirmed")):
                return self.confirmation()
            if self.needs_reason() and not self.reason():
                self.error = _("Give the reason.")
                return self.confirmation()
        return super().__call__()

    def step(self):
        """The button transition asked for, or None."""
        transition = self.request.form.get("workflow_action")
        for step in button_transitions(self.context):
            if step["id"] == transition:
                return step
        return None

    def needs_reason(self):
        return confirmed_steps(self.context).get(self.step()["id"], False)

    def reason(self):
        return (self.request.form.get("comment") or "").strip()

    def take(self):
        step = self.step()
        if step is None:
            raise WorkflowException(
                translate(
                    _("This step cannot be taken from this page."), context=self.request
                )
            )
        workflow = api.portal.get_tool("portal_workflow")
        workflow.doActionFor(self.context, step["id"], comment=self.reason())
        state = state_title(
            workflow.getInfoFor(self.context, "review_state"), self.context.portal_type
        )
        state = translate(state, domain="plone", context=self.request)
        api.portal.show_message(
            _("The state is now «${state}».", mapping={"state": state}),
            request=self.request,
        )
