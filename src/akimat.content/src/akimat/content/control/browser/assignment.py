"""Views of an assignment: its page, and the forms of control (extension, consent, removal)."""

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from akimat.content import _
from akimat.content.browser.formatting import format_date
from akimat.content.browser.formatting import format_deadline
from akimat.content.browser.formatting import format_moment
from akimat.content.browser.relations import visible_link
from akimat.content.control.browser.traffic_light import brain_light
from akimat.content.control.browser.traffic_light import light
from akimat.content.control.my_assignments import assignments_of
from akimat.content.control.my_assignments import assignments_of_department
from akimat.content.control.rules import ControlError
from akimat.content.control.rules import TooLate
from akimat.content.control.vocabularies import CONTROL_CATEGORIES
from akimat.content.control.vocabularies import REMOVAL_BASES
from akimat.content.control.vocabularies import SOURCE_KINDS
from akimat.content.control.vocabularies import URGENCY_MARKS
from akimat.content.core import bounds
from akimat.content.core import calendar as working_calendar
from akimat.content.core.principals import HEADS_SUFFIX
from akimat.content.core.principals import principal_title
from akimat.content.core.principals import PrincipalTitles
from plone import api
from plone.autoform.form import AutoExtensibleForm
from plone.batching import Batch
from plone.supermodel import model
from Products.Five.browser import BrowserView
from z3c.form import button
from z3c.form import form
from z3c.form.interfaces import ActionExecutionError
from zope import schema
from zope.i18n import translate
from zope.interface import Invalid


def deadline_text(assignment, request):
    """The assignment's deadline, saying so when a day off moved it (R0.2)."""
    return format_deadline(
        assignment.effective_deadline(),
        working_calendar.get_calendar(),
        request,
        set_on=assignment.deadline_as_set(),
    )


class AssignmentView(BrowserView):
    """The assignment with everything control computes for it."""

    def light(self):
        return light(self.context.traffic_light())

    def executors(self):
        lead, *others = self.context.executors()
        return {
            "lead": principal_title(lead),
            "co": [principal_title(p) for p in others],
        }

    def controller(self):
        return principal_title(self.context.controller)

    def deadline(self):
        return deadline_text(self.context, self.request)

    def source(self):
        """The source document with its number and date, as far as this user sees it (an appeal
        is private, R13.2): the related one, else the protocol or act the assignment is in."""
        document = self.source_document()
        link = visible_link(document.UID()) if document is not None else None
        if link is None:
            return None
        number = getattr(document, "registration_number", None)
        day = getattr(document, "registration_date", None) or getattr(
            document, "meeting_date", None
        )
        return {**link, "number": number, "date": format_date(day)}

    def source_document(self):
        relation = self.context.source
        if relation is not None and not relation.isBroken():
            return relation.to_object
        parent = aq_parent(aq_inner(self.context))
        # A protocol or an act that holds its assignments has a registration number
        return parent if hasattr(aq_base(parent), "registration_number") else None

    def source_kind(self):
        return SOURCE_KINDS.getTerm(self.context.source_kind).title

    def control_category(self):
        return CONTROL_CATEGORIES.getTerm(self.context.control_category()).title

    def urgency(self):
        urgency = self.context.urgency
        return URGENCY_MARKS.getTerm(urgency).title if urgency else None

    def removal_basis(self):
        basis = self.context.removal_basis
        return REMOVAL_BASES.getTerm(basis).title if basis else None

    def report_due(self):
        lead, co = self.context.report_due_dates()
        return {"lead": lead, "co": co}

    def decisions(self):
        """Every decision on the assignment with its reason, author and date: extensions
        granted or refused (R12.7a) and the removal from control (R12.9), newest first."""
        decisions = [
            {
                "what": _("Extension granted")
                if ext["decision"] == "granted"
                else _("Extension refused"),
                "refused": ext["decision"] == "refused",
                "reason": ext.get("decision_reason") or "",
                "by": principal_title(ext["decided_by"]),
                "on": ext["decided_on"],
            }
            for ext in self.context.extensions
            if ext["decision"] is not None
        ]
        history = self.context.workflow_history.get("akimat_assignment_workflow", ())
        decisions.extend(
            {
                "what": _("Removed from control"),
                "refused": False,
                "reason": entry.get("comments") or "",
                "by": principal_title(entry.get("actor")),
                "on": working_calendar.to_almaty(entry["time"].asdatetime()).date(),
            }
            for entry in history
            if entry.get("action") == "remove"
        )
        return sorted(decisions, key=lambda decision: decision["on"], reverse=True)

    def extensions(self):
        return [
            {
                **ext,
                "requested_by": principal_title(ext["requested_by"]),
                "decided_by": ext["decided_by"] and principal_title(ext["decided_by"]),
            }
            for ext in self.context.extensions
        ]

    def consent(self):
        if self.context.removal_consent is None:
            return None
        userid, when = self.context.removal_consent
        return {"by": principal_title(userid), "when": format_moment(when)}

    def reports(self):
        return [
            {
                "title": report.title,
                "text": report.text,
                "url": report.absolute_url(),
                "author": principal_title(report.Creator()),
                "date": report.created().asdatetime().date(),
                "file": report.file,
            }
            for report in self.context.execution_reports()
        ]

    def can(self, permission):
        return api.user.has_permission(permission, obj=self.context)

    def format_date(self, day):
        return day.strftime("%d.%m.%Y") if day else ""


class ControlForm(AutoExtensibleForm, form.Form):
    """A form that runs one action of control and says plainly why it was refused."""

    ignoreContext = True

    def run(self, action, success):
        try:
            action()
        except (ControlError, bounds.OutOfRange) as error:
            # An error, not an info box: z3c.form lists it under its error status
            raise ActionExecutionError(
                Invalid(translate(error.args[0], context=self.request))
            ) from error
        self.context.reindexObject()
        api.portal.show_message(success, request=self.request)
        self.request.response.redirect(self.context.absolute_url())

    def userid(self):
        return api.user.get_current().getId()


class IRequestExtension(model.Schema):
    new_deadline = schema.Date(
        title=_("Proposed deadline"), required=True, constraint=bounds.check_date
    )
    reason = schema.Text(title=_("Reasons"), required=True)


class RequestExtensionForm(ControlForm):
    """An executor asks for more time, with reasons, ≥ 3 working days ahead (R12.6); too late,
    the form says whom to turn to instead and its button is disabled."""

    schema = IRequestExtension
    label = _("Request an extension")

    def refusal(self):
        """Why no extension may be asked for today (R12.6, R12.7b), or None."""
        try:
            self.context.check_extension_possible()
        except ControlError as error:
            message = translate(error.args[0], context=self.request)
            if isinstance(error, TooLate):
                message += " " + translate(
                    _(
                        "Turn to the controller of the assignment, ${controller}, instead.",
                        mapping={
                            "controller": principal_title(self.context.controller)
                        },
                    ),
                    context=self.request,
                )
            return message
        return None

    @property
    def description(self):
        current = translate(
            _(
                "Current deadline: ${deadline}",
                mapping={"deadline": deadline_text(self.context, self.request)},
            ),
            context=self.request,
        )
        refused = self.refusal()
        return f"{current}. {refused}" if refused else current

    def updateActions(self):
        super().updateActions()
        if self.refusal():
            # The widget keeps its HTML attributes once computed: into them
            self.actions["request"].attributes["disabled"] = "disabled"

    @button.buttonAndHandler(_("Send the request"), name="request")
    def handle_request(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        self.run(
            lambda: self.context.request_extension(
                self.userid(), data["new_deadline"], data["reason"]
            ),
            _(
                "Your request for an extension is waiting for the decision of the leadership."
            ),
        )


class IDecideExtension(model.Schema):
    reason = schema.Text(
        title=_("Reason for the decision"),
        description=_(
            "Required for a refusal: the executor reads it on the assignment."
        ),
        required=False,
    )
    exceptional = schema.Bool(
        title=_("Exceptional case"),
        description=_(
            "A second extension is granted only as an exceptional case and is flagged "
            "for disciplinary review (R12.8)."
        ),
        required=False,
    )


class DecideExtensionForm(ControlForm):
    """The akim or the head of apparatus grants or refuses the request (R12.7a)."""

    schema = IDecideExtension
    label = _("Decide on the extension")

    @property
    def description(self):
        pending = self.context.pending_extension()
        if pending is None:
            return _("There is no request for extension to decide.")
        return _(
            "${who} asks to move the deadline to ${date}: ${reason}",
            mapping={
                "who": principal_title(pending["requested_by"]),
                "date": pending["proposed_deadline"].strftime("%d.%m.%Y"),
                "reason": pending["reason"],
            },
        )

    @button.buttonAndHandler(_("Grant"), name="grant")
    def handle_grant(self, action):
        data, errors = self.extractData()
        self.run(
            lambda: self.context.decide_extension(
                self.userid(),
                True,
                bool(data.get("exceptional")),
                reason=data.get("reason") or "",
            ),
            _("The extension is granted; the new deadline applies."),
        )

    @button.buttonAndHandler(_("Refuse"), name="refuse")
    def handle_refuse(self, action):
        data, errors = self.extractData()
        self.run(
            lambda: self.context.decide_extension(
                self.userid(), False, reason=data.get("reason") or ""
            ),
            _("The extension is refused."),
        )


class ConsentForm(ControlForm):
    """The akim or head of apparatus consents to removal from control (R12.14)."""

    schema = model.Schema
    label = _("Consent to removal from control")

    @button.buttonAndHandler(_("I consent"), name="consent")
    def handle_consent(self, action):
        self.run(
            lambda: self.context.consent_to_removal(self.userid()),
            _("Your consent to removal from control is recorded."),
        )


class IRemoveFromControl(model.Schema):
    basis = schema.Choice(
        title=_("Basis for removal"),
        vocabulary="akimat.vocabularies.RemovalBases",
        required=True,
    )
    comment = schema.Text(title=_("Comment"), required=False)


class RemoveFromControlForm(ControlForm):
    """The controller removes the assignment from control with a basis (R12.9, R12.14, R9.23)."""

    schema = IRemoveFromControl
    label = _("Remove from control")

    @button.buttonAndHandler(_("Remove from control"), name="remove")
    def handle_remove(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        self.run(
            lambda: self.context.remove_from_control(
                data["basis"], data.get("comment") or ""
            ),
            _("The assignment is removed from control."),
        )


class AssignmentListing(BrowserView):
    """A batched list of assignments from the catalog, coloured by traffic light (R12.4b)."""

    def batch(self):
        brains = list(self.brains())
        if self.request.get("sort") == "latest":
            brains.reverse()
        size, start = (
            int(self.request.get("b_size", 30)),
            int(self.request.get("b_start", 0)),
        )
        return Batch(brains, size=size, start=start)

    def row(self, brain):
        """What the table shows of one entry: metadata only, no object is woken up."""
        if not hasattr(self, "_today"):
            self._today, self._calendar = (
                working_calendar.now().date(),
                working_calendar.get_calendar(),
            )
            self._titles = PrincipalTitles()
        return {
            "title": brain.Title,
            "url": brain.getURL(),
            "deadline": format_deadline(
                brain.deadline,
                self._calendar,
                self.request,
                set_on=brain.deadline_as_set,
            ),
            "light": brain_light(brain, self._today, self._calendar),
            "executors": ", ".join(self._titles(p) for p in brain.executors),
        }

    def show_removed(self):
        return bool(self.request.get("removed"))

    def format_date(self, day):
        return day.strftime("%d.%m.%Y") if day else ""


class MyAssignments(AssignmentListing):
    label = _("My assignments")

    def brains(self):
        return assignments_of(
            api.user.get_current(), on_control_only=not self.show_removed()
        )


class DepartmentAssignments(AssignmentListing):
    """A department head sees the assignments of his department (R12.4b)."""

    def departments(self):
        """The departments the user heads: groups «<department>-heads» he belongs to."""
        groups = api.user.get_current().getGroups()
        return [g[: -len(HEADS_SUFFIX)] for g in groups if g.endswith(HEADS_SUFFIX)]

    def department(self):
        chosen = self.request.get("department")
        mine = self.departments()
        return (
            chosen
            if chosen in mine or (chosen and self.can_see_all())
            else (mine[0] if mine else None)
        )

    def can_see_all(self):
        return api.user.has_permission(
            "akimat.content: View control list", obj=self.context
        )

    @property
    def label(self):
        department = self.department()
        return (
            principal_title(department)
            if department
            else _("Assignments of the department")
        )

    def brains(self):
        department = self.department()
        if department is None:
            return []
        return assignments_of_department(
            department, on_control_only=not self.show_removed()
        )
