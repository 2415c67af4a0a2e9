"""The page of an appeal (RULES.md R13, R12); «Assign» is a form of its own (assign.py).

The page shows what the person may see of the appeal already (its View permission, R13.2); the
earlier appeals of the applicant only as far as they may see them, the buttons only as far as the
workflow's guards let them.
"""

from akimat.content import _
from akimat.content.appeals import history as appeal_history
from akimat.content.appeals import receptions
from akimat.content.appeals import steps as appeal_steps
from akimat.content.appeals.appeal import IAppeal
from akimat.content.appeals.vocabularies import APPEAL_CHANNELS
from akimat.content.appeals.vocabularies import APPEAL_KINDS
from akimat.content.appeals.vocabularies import APPEAL_REQUIREMENTS
from akimat.content.browser.formatting import format_date
from akimat.content.browser.formatting import state_title
from akimat.content.browser.steps import Transition
from akimat.content.control.browser import traffic_light
from akimat.content.core import calendar as working_calendar
from akimat.content.core.principals import principal_title
from akimat.content.core.principals import PrincipalTitles
from plone import api
from plone.supermodel import model
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.Five.browser import BrowserView
from z3c.form import button
from z3c.form import field
from z3c.form import form
from zope import schema
from zope.i18n import translate


HANDLE = "akimat.content: Handle appeal"
MODIFY = "Modify portal content"
# The states in which the answer is still awaited: the review term runs (R13).
OPEN_STATES = ("registered", "correction_requested", "in_review")


def term_title(vocabulary, value):
    return vocabulary.getTerm(value).title if value in vocabulary else value or ""


def answered_on(appeal):
    return appeal.answered_at.date() if appeal.answered_at else None


def late_by(state, deadline, answered, today, calendar):
    """Working days past the review term: until the answer, or until today while it is awaited."""
    if deadline is None:
        return 0
    if answered is not None:
        end = answered
    elif state in OPEN_STATES:
        end = today
    else:
        return 0
    return max(calendar.working_days_between(deadline, end), 0) if end > deadline else 0


class AppealView(BrowserView):
    """The appeal: requisites, applicant, terms, handling, its assignments and the steps."""

    def today(self):
        return working_calendar.now().date()

    def can(self, permission):
        return api.user.has_permission(permission, obj=self.context)

    def state_title(self):
        return state_title(self.context.review_state(), self.context.portal_type)

    def kind(self):
        return term_title(APPEAL_KINDS, self.context.kind)

    def channel(self):
        return term_title(APPEAL_CHANNELS, self.context.channel)

    def addressee(self):
        return principal_title(self.context.addressee) if self.context.addressee else ""

    def received_at(self):
        received = self.context.received_at
        return received.strftime("%d.%m.%Y %H:%M") if received else ""

    def missing_requirements(self):
        return [
            term_title(APPEAL_REQUIREMENTS, value)
            for value in self.context.missing_requirements or ()
        ]

    def files(self):
        """The attachment and the answer file, with their download links."""
        url = self.context.absolute_url()
        fields = (
            ("attachment", _("Attachment")),
            ("answer_file", _("Answer as a file")),
        )
        return [
            {
                "id": name,
                "label": label,
                "filename": value.filename,
                "url": f"{url}/@@download/{name}",
            }
            for name, label in fields
            if (value := getattr(self.context, name, None))
        ]

    def reception(self):
        """The personal reception the applicant signed up for (R14), as far as the user sees it."""
        reception = receptions.get_reception(self.context.reception)
        if reception is None or not api.user.has_permission("View", obj=reception):
            return None
        return {
            "url": reception.absolute_url(),
            "title": receptions.reference(reception),
        }

    def earlier(self):
        """R13.5: the applicant's earlier appeals, only those this user may see (R13.2)."""
        return appeal_history.visible_urls(self.context)

    def terms(self):
        appeal, today = self.context, self.today()
        state = appeal.review_state()
        deadline = appeal.review_deadline()
        late = late_by(
            state, deadline, answered_on(appeal), today, working_calendar.get_calendar()
        )
        return {
            "review_deadline": deadline,
            "late_by": late,
            "passing_on_deadline": appeal.passing_on_deadline()
            if state == "registered"
            else None,
            "passed_on": appeal.passed_on,
            "correction_term": appeal.correction_term,
            "answered_on": answered_on(appeal),
            "dispatch_date": appeal.dispatch_date(),
        }

    def assignments(self):
        """The review's assignments with their executors, deadline and traffic light (R12.4b)."""
        titles, today = PrincipalTitles(), self.today()
        rows = []
        for assignment in self.context.objectValues():
            if getattr(assignment, "portal_type", None) != "Assignment":
                continue
            rows.append(
                {
                    "number": assignment.number or "",
                    "text": assignment.title,
                    "url": assignment.absolute_url(),
                    "executors": ", ".join(
                        titles(p) for p in assignment.executors() if p
                    ),
                    "deadline": assignment.effective_deadline(),
                    "light": traffic_light.light(assignment.traffic_light(today=today)),
                }
            )
        return rows

    def transitions(self):
        """The steps offered now: a confirmed one opens its form, the others are buttons."""
        url = self.context.absolute_url()
        return [
            {
                "id": transition,
                "title": transition_title(transition),
                "form": f"{url}/@@appeal-step?transition={transition}"
                if transition in appeal_steps.CONFIRMED
                else None,
            }
            for transition in appeal_steps.offered(self.context)
        ]

    def decisions(self):
        """Every step taken on the appeal with its author, date and reason, oldest first."""
        titles = PrincipalTitles()
        return [
            {
                "title": transition_title(entry["action"]),
                # A website submission is registered for an anonymous visitor: nobody to name.
                "actor": titles(entry["actor"]) if entry.get("actor") else "",
                "time": working_calendar.to_almaty(entry["time"].asdatetime()).strftime(
                    "%d.%m.%Y %H:%M"
                ),
                "reason": entry.get("comments") or "",
            }
            for entry in appeal_steps.history(self.context)
        ]

    def register_url(self):
        return f"{api.portal.get().absolute_url()}/@@appeals-register"

    def may_edit(self):
        return self.can(MODIFY)

    def may_assign(self):
        return self.can(HANDLE)

    def format_date(self, day):
        return format_date(day)


def transition_title(transition):
    """The title of a step of the appeals' workflow; pages translate it (domain akimat)."""
    workflow = api.portal.get_tool("portal_workflow")[appeal_steps.WORKFLOW]
    found = workflow.transitions.get(transition)
    return found.title if found is not None else transition


class AppealTransition(Transition):
    """A step without anything to ask (register, review, corrected): a button; a second click
    changes nothing. The confirmed steps have their form (AppealStepForm)."""

    def take(self):
        transition = self.request.form.get("workflow_action")
        if transition in appeal_steps.CONFIRMED:
            raise WorkflowException(
                translate(
                    _("This step cannot be taken from this page."), context=self.request
                )
            )
        if transition not in appeal_steps.offered(
            self.context
        ) and appeal_steps.taken_last(self.context, transition):
            return None
        return super().take()


class IStepDetails(model.Schema):
    passed_to = schema.TextLine(
        title=_("Competent body"),
        description=_(
            "The body the appeal goes to; the applicant is told where it went."
        ),
        required=True,
    )
    reason = schema.Text(title=_("Reason"), required=True)


class AppealStepForm(form.Form):
    """?transition=<id>: what a heavy step needs (the body, the reason, the requirements and
    term), then the step itself, once (appeal_steps.take)."""

    description = _("Check what the step needs. Once confirmed, it cannot be undone.")
    enableCSRFProtection = True
    ignoreContext = False
    leaving = False

    def update(self):
        self.transition = self.request.form.get("transition")
        if self.transition not in appeal_steps.CONFIRMED or (
            self.transition not in appeal_steps.offered(self.context)
        ):
            # Taken already (a second click), or not now: back to the appeal, saying so.
            if not appeal_steps.taken_last(self.context, self.transition):
                api.portal.show_message(
                    _("This step cannot be taken on the appeal now."),
                    request=self.request,
                    type="error",
                )
            return self.leave()
        names = appeal_steps.CONFIRMED[self.transition]
        self.fields = field.Fields(IStepDetails).select(
            *[name for name in names if name in IStepDetails]
        ) + field.Fields(IAppeal).select(
            *[name for name in names if name not in IStepDetails]
        )
        super().update()

    def leave(self):
        self.leaving = True
        self.request.response.redirect(self.context.absolute_url())

    def render(self):
        return "" if self.leaving else super().render()

    @property
    def label(self):
        return transition_title(self.transition)

    @property
    def action(self):
        return f"{self.request.getURL()}?transition={self.transition}"

    def getContent(self):
        return {name: getattr(self.context, name, None) for name in self.fields}

    @button.buttonAndHandler(_("Confirm"), name="confirm")
    def handle_confirm(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        reason = data.pop("reason", "")
        try:
            appeal_steps.take(self.context, self.transition, data, reason)
        except WorkflowException as refusal:
            self.status = refusal.args[0]
            return
        api.portal.show_message(_("Done."), request=self.request)
        self.leave()

    @button.buttonAndHandler(_("Cancel"), name="cancel")
    def handle_cancel(self, action):
        self.leave()
