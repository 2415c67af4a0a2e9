"""Assignment (поручение): an instruction on control with executors and a deadline (R12)."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from akimat.content import _
from akimat.content.control import rules as control
from akimat.content.control.vocabularies import NEVER_EXTENDED_SOURCES
from akimat.content.core import bounds
from akimat.content.core import calendar as working_calendar
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from plone.app.z3cform.widgets.select import AjaxSelectFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from Products.CMFCore.utils import getToolByName
from Products.CMFCore.WorkflowCore import WorkflowException
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant
from zope.schema import ValidationError

import re


PRINCIPALS = "akimat.vocabularies.Principals"
ON_CONTROL = "on_control"
LEADERSHIP = "Leadership"
DEPUTY_AKIM = "Deputy Akim"


def _today():
    return working_calendar.now().date()


class BadNumber(ValidationError):
    __doc__ = _("Number an assignment 1, 1.1, 1.2 …")


def _number(value):
    if not re.fullmatch(r"\d+(\.\d+)*", value):
        raise BadNumber(value)
    return True


class IAssignment(model.Schema):
    """The fields of R12.4a that a person enters; the rest is computed."""

    number = schema.TextLine(
        title=_("Number within the source"),
        description=_("1, 1.1, 1.2 … as in the protocol or act (R8.5b)."),
        required=False,
        constraint=_number,
    )
    # The content is the title: what listings, search and the control list show (R12.4a, 3).
    title = schema.Text(title=_("Content of the assignment"), required=True)
    source_kind = schema.Choice(
        title=_("Source"), vocabulary="akimat.vocabularies.SourceKinds", required=True
    )
    source = RelationChoice(
        title=_("Source document in the intranet"),
        vocabulary="plone.app.vocabularies.Catalog",
        required=False,
    )
    source_reference = schema.TextLine(
        title=_("Source number and date"),
        description=_(
            "For a source outside the intranet, e.g. «№ 12-3/456 от 02.11.2026»."
        ),
        required=False,
    )

    directives.widget("lead_executor", AjaxSelectFieldWidget, vocabulary=PRINCIPALS)
    lead_executor = schema.Choice(
        title=_("Lead executor"),
        description=_(
            "Marked «свод» / «созыв»: collects the co-executors' information."
        ),
        vocabulary=PRINCIPALS,
        required=True,
    )
    directives.widget("co_executors", AjaxSelectFieldWidget, vocabulary=PRINCIPALS)
    co_executors = schema.List(
        title=_("Co-executors"),
        value_type=schema.Choice(vocabulary=PRINCIPALS),
        required=False,
        default=[],
    )
    directives.widget("controller", AjaxSelectFieldWidget, vocabulary=PRINCIPALS)
    controller = schema.Choice(
        title=_("Controller"), vocabulary=PRINCIPALS, required=True
    )
    date_given = schema.Date(
        title=_("Date given"),
        required=True,
        defaultFactory=_today,
        constraint=bounds.check_date,
    )
    deadline = schema.Date(
        title=_("Deadline"),
        description=_("Leave empty for the term of one month (R12.2b)."),
        required=False,
        constraint=bounds.check_date,
    )
    urgency = schema.Choice(
        title=_("Urgency mark"),
        vocabulary="akimat.vocabularies.UrgencyMarks",
        required=False,
    )
    noted_only = schema.Bool(
        title=_("Taken into account («принято к сведению»)"),
        description=_("Such assignments are not put on control (R12.10)."),
        required=False,
        default=False,
    )
    expected_result = schema.Text(
        title=_("Expected result"),
        description=_(
            "What the executor must deliver: a report, a draft, figures, a measure taken."
        ),
        required=False,
    )
    note = schema.Text(title=_("Note"), required=False)

    @invariant
    def deadline_after_given(data):
        if (
            data.deadline is not None
            and data.date_given
            and data.deadline < data.date_given
        ):
            raise Invalid(
                _(
                    "The deadline cannot be earlier than the date the assignment was given."
                )
            )


@implementer(IAssignment)
class Assignment(Container):
    """Computed control data come from the control service; history lives on the object."""

    removal_basis = None
    expected_result = None
    removal_consent = (
        None  # (userid, ISO time) of the akim or head of apparatus (R12.14)
    )

    # Executors and deadlines

    def executors(self):
        """The lead first, then the co-executors (R9.16)."""
        return [self.lead_executor] + [
            p for p in self.co_executors or () if p != self.lead_executor
        ]

    def effective_deadline(self):
        return control.effective_deadline(
            self.date_given, self.deadline, working_calendar.get_calendar()
        )

    def review_state(self):
        # Through acquisition, not plone.api: indexers also run at commit time, when no site is set.
        return getToolByName(self, "portal_workflow").getInfoFor(self, "review_state")

    def on_control(self):
        return (
            self.review_state() == ON_CONTROL
            and not self.noted_only
            and not self.awaiting_its_protocol()
        )

    def awaiting_its_protocol(self):
        """R8.7: an assignment written in a protocol goes on control once the protocol is registered."""
        protocol = aq_parent(aq_inner(self))
        return (
            getattr(protocol, "portal_type", None) == "Protocol"
            and protocol.registration_number is None
        )

    def deadline_as_set(self):
        """The day the deadline was set on, before a day off moved it (R0.2)."""
        return control.deadline_as_set(self.date_given, self.deadline)

    def control_category(self):
        return control.control_category(
            self.date_given,
            self.effective_deadline(),
            working_calendar.get_calendar(),
            self.urgency,
        )

    def traffic_light(self, today=None):
        return control.traffic_light(
            self.effective_deadline(),
            today or _today(),
            working_calendar.get_calendar(),
            removed=not self.on_control(),
        )

    def working_days_left(self, today=None):
        return control.working_days_left(
            self.effective_deadline(),
            today or _today(),
            working_calendar.get_calendar(),
        )

    def report_due_dates(self):
        return control.report_due_dates(
            self.effective_deadline(), working_calendar.get_calendar()
        )

    def removed_on(self):
        """The day (Almaty) the assignment was removed from control, from the workflow history."""
        if self.review_state() == ON_CONTROL:
            return None
        history = self.workflow_history.get("akimat_assignment_workflow", ())
        removals = [
            entry["time"] for entry in history if entry.get("action") == "remove"
        ]
        if not removals:
            return None
        return working_calendar.to_almaty(removals[-1].asdatetime()).date()

    def control_stage(self):
        return control.control_stage(
            self.on_control(),
            bool(self.execution_reports()),
            self.removal_consent is not None,
        )

    def execution_reports(self):
        return [
            obj for obj in self.objectValues() if obj.portal_type == "ExecutionReport"
        ]

    # Extensions (R12.6–R12.8)

    @property
    def extensions(self):
        """Every request for more time with its decision: the visible history (read-only view;
        reading never writes, so pages and GET requests stay free of database writes)."""
        return self.__dict__.get("_extensions", [])

    def extensions_granted(self):
        return sum(1 for ext in self.extensions if ext["decision"] == "granted")

    def request_extension(self, userid, new_deadline, reason, today=None):
        if not (reason or "").strip():
            raise control.ControlError(
                _("Give the reasons why the term cannot be met.")
            )
        control.check_extension_request(
            self.never_extended(),
            self.effective_deadline(),
            new_deadline,
            today or _today(),
            working_calendar.get_calendar(),
        )
        if any(ext["decision"] is None for ext in self.extensions):
            raise control.ControlError(
                _("A request for extension is already waiting for a decision.")
            )
        if "_extensions" not in self.__dict__:
            self._extensions = PersistentList()
        self._extensions.append(
            PersistentMapping(
                requested_by=userid,
                requested_on=today or _today(),
                reason=reason.strip(),
                proposed_deadline=new_deadline,
                decision=None,
                decided_by=None,
                decided_on=None,
                old_deadline=None,
                new_deadline=None,
                exceptional=False,
                disciplinary_review=len(self.extensions) + 1
                > control.REQUESTS_BEFORE_REVIEW,
            )
        )
        self._p_changed = True

    def never_extended(self):
        return self.source_kind in NEVER_EXTENDED_SOURCES

    def check_extension_possible(self, today=None):
        """ControlError (TooLate when too late) if no extension may be asked for today."""
        control.check_extension_possible(
            self.never_extended(),
            self.effective_deadline(),
            today or _today(),
            working_calendar.get_calendar(),
        )

    def pending_extension(self):
        return next((ext for ext in self.extensions if ext["decision"] is None), None)

    def decide_extension(self, userid, grant, exceptional=False, today=None, reason=""):
        """The akim or head of apparatus grants or refuses the waiting request (R12.7a); a
        refusal says why, for the executor to read on the assignment."""
        request = self.pending_extension()
        if request is None:
            raise control.ControlError(
                _("There is no request for extension to decide.")
            )
        reason = (reason or "").strip()
        if not grant and not reason:
            raise control.ControlError(_("Give the reason for the refusal."))
        granted_before = self.extensions_granted()
        if grant:
            control.check_extension_grant(granted_before, exceptional)
            request["old_deadline"] = self.effective_deadline()
            request["new_deadline"] = request["proposed_deadline"]
            self.deadline = request["proposed_deadline"]
        request.update(
            decision="granted" if grant else "refused",
            decided_by=userid,
            decided_on=today or _today(),
            decision_reason=reason,
            exceptional=bool(grant and exceptional),
            disciplinary_review=request["disciplinary_review"]
            or bool(
                grant
                and control.disciplinary_review(
                    len(self.extensions), granted_before, exceptional
                )
            ),
        )
        self._p_changed = True

    # Removal from control (R12.9, R12.14, R9.23)

    def consent_to_removal(self, userid):
        self.removal_consent = (
            userid,
            working_calendar.now().isoformat(timespec="minutes"),
        )

    def remove_from_control(self, basis, comment=""):
        """Set the basis and run the workflow's removal, whose guard checks the rules; a refusal
        leaves the assignment as it was."""
        previous, self.removal_basis = self.removal_basis, basis
        try:
            api.portal.get_tool("portal_workflow").doActionFor(
                self, "remove", comment=comment
            )
        except WorkflowException as error:
            self.removal_basis = previous
            raise control.ControlError(str(error)) from error

    def check_removal(self, basis, userid):
        control.check_removal(
            basis,
            has_report=bool(self.execution_reports()),
            consented=self.removal_consent is not None or _is_leadership(userid, self),
            removed_by_own_deputy=userid == self.controller
            and _is_deputy_akim(userid, self),
        )


def _is_leadership(userid, context):
    """The akim and the head of apparatus hold the Leadership role (given by akimat.policy)."""
    return _has_role(userid, LEADERSHIP, context)


def _is_deputy_akim(userid, context):
    return _has_role(userid, DEPUTY_AKIM, context)


def _has_role(userid, role, context):
    user = api.user.get(userid=userid)
    return user is not None and role in api.user.get_roles(user=user, obj=context)
