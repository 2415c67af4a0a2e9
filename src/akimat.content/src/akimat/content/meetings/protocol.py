"""Protocol (протокол) of a meeting from draft to registration and distribution (R8, Appendix 6)."""

from akimat.content import _
from akimat.content.agreement import visas
from akimat.content.agreement.agreed_document import AgreedDocument
from akimat.content.agreement.agreed_document import IAgreedDocument
from akimat.content.core import bounds
from akimat.content.core import calendar as working_calendar
from akimat.content.core.principals import group_members
from akimat.content.core.principals import HEADS_SUFFIX
from akimat.content.core.vocabularies import meeting_settings
from plone.app.z3cform.widgets.select import AjaxSelectFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.namedfile.field import NamedBlobFile
from Products.CMFCore.utils import getToolByName
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.interface import implementer


PRINCIPALS = "akimat.vocabularies.Principals"
TERM_WORKING_DAYS = 1  # R8.5d: drawn up within 1 working day after the meeting
ATTENDEES_LISTED_UP_TO = 10  # A6.2: more are «список прилагается»


class IProtocol(IAgreedDocument):
    meeting = RelationChoice(
        title=_("Meeting"), vocabulary="plone.app.vocabularies.Catalog", required=True
    )
    form = schema.Choice(
        title=_("Form"),
        vocabulary="akimat.vocabularies.ProtocolForms",
        required=True,
        default="full",
    )
    title = schema.TextLine(title=_("Title"), required=True)
    protocol_language = schema.Choice(
        title=_("Language of the protocol"),
        description=_("Drafted in the state language."),
        vocabulary="akimat.vocabularies.Languages",
        required=True,
        default="kk",
    )
    russian_version = NamedBlobFile(title=_("Russian version"), required=False)
    place = schema.TextLine(title=_("Place"), required=False)
    directives.widget("chair", AjaxSelectFieldWidget, vocabulary=PRINCIPALS)
    chair = schema.Choice(title=_("Chair"), vocabulary=PRINCIPALS, required=True)
    directives.widget("secretary", AjaxSelectFieldWidget, vocabulary=PRINCIPALS)
    secretary = schema.Choice(
        title=_("Secretary"), vocabulary=PRINCIPALS, required=False
    )
    directives.widget("attendees", AjaxSelectFieldWidget, vocabulary=PRINCIPALS)
    attendees = schema.List(
        title=_("Present"),
        value_type=schema.Choice(vocabulary=PRINCIPALS),
        required=False,
        default=[],
    )
    invitees = schema.List(
        title=_("Invited"), value_type=schema.TextLine(), required=False, default=[]
    )
    directives.widget("controller", AjaxSelectFieldWidget, vocabulary=PRINCIPALS)
    controller = schema.Choice(
        title=_("Controls the execution"),
        description=_(
            "Who controls the execution of the protocol; the ОДК for akimat sessions and "
            "apparatus meetings."
        ),
        vocabulary=PRINCIPALS,
        required=True,
    )
    term_days = schema.Int(
        title=_("Another term for drawing up, in working days"),
        description=_("One working day after the meeting unless another term is set."),
        required=False,
        **bounds.TERM_WORKING_DAYS,
    )


@implementer(IProtocol)
class Protocol(AgreedDocument, Container):
    """Its sections and assignments are its children; agreement by the visas service, the number by
    the numbering service, the signatures by the chair and the secretary (A6.3)."""

    meeting_kind = None
    meeting_uid = None
    meeting_date = None  # A6.1: the protocol's date is the meeting's
    registration_number = None
    registration_date = None
    drawn_up_on = None  # the day it first went for agreement (R8.5d, R8.6)
    sent_on = None
    signatures = ()  # ((userid, ISO time), …) of the chair and the secretary

    def review_state(self):
        return getToolByName(self, "portal_workflow").getInfoFor(self, "review_state")

    def get_meeting(self):
        return self.meeting.to_object if self.meeting else None

    def sections(self):
        found = [
            obj
            for obj in self.objectValues()
            if getattr(obj, "portal_type", "") == "ProtocolSection"
        ]
        return sorted(found, key=lambda section: section.number or 0)

    def assignments(self):
        found = [
            obj
            for obj in self.objectValues()
            if getattr(obj, "portal_type", "") == "Assignment"
        ]
        return sorted(found, key=lambda assignment: assignment_order(assignment.number))

    # Who agrees and signs (R5.11, R5.34, R8.5d, A6.3)

    def signatories(self):
        return [userid for userid in (self.chair, self.secretary) if userid]

    def required_approvers(self):
        """The approvers the rules require for this kind of meeting, and who of them visas last."""
        settings = meeting_settings(self)
        lawyers = []
        if self.meeting_kind == "akimat-session":
            approvers = group_members(settings.members_group)
        elif self.meeting_kind == "apparatus-meeting":
            lawyers = group_members(settings.legal_consultant_group)
            approvers = group_members(settings.deputies_group) + group_members(
                settings.head_of_apparatus_group
            )
        else:
            meeting = self.get_meeting()
            items = meeting.agenda() if meeting is not None else []
            approvers = [
                item.supervising_deputy for item in items if item.supervising_deputy
            ]
            approvers += group_members(settings.head_of_apparatus_group)
            for item in items:
                approvers += (
                    group_members(item.responsible_department + HEADS_SUFFIX)
                    if item.responsible_department
                    else []
                )
        return approvers, lawyers

    def round_approvers(self):
        """Everyone who visas, in order, the legal consultant last; signatories sign, not visa."""
        approvers, lawyers = self.required_approvers()
        approvers = approvers + list(self.approvers or ())
        signatories = set(self.signatories())
        ordered = [
            a
            for a in dict.fromkeys(approvers)
            if a not in lawyers and a not in signatories
        ]
        return ordered + [a for a in lawyers if a not in signatories], lawyers

    def completing_transition(self):
        """After the visas the protocol goes to the chair and the secretary (A6.3)."""
        return "complete_agreement"

    def fully_signed(self):
        signed = {userid for userid, _when in self.signatures}
        return bool(self.signatories()) and set(self.signatories()) <= signed

    # Terms (R8.5d, R8.6)

    def due_date(self):
        if self.meeting_date is None:
            return None
        return working_calendar.get_calendar().add_working_days(
            self.meeting_date, self.term_days or TERM_WORKING_DAYS
        )

    def days_late(self, today=None):
        return days_late(
            self.due_date(),
            self.drawn_up_on,
            today or working_calendar.now().date(),
            working_calendar.get_calendar(),
        )

    def agreement_deadline(self):
        """R8.5d: agreed within 1 day of being sent for agreement."""
        current = visas.current_round(self)
        if current is None or current.state != visas.OPEN:
            return None
        return working_calendar.get_calendar().add_working_days(
            current.started.date(), 1
        )

    def attendees_attached(self):
        return len(self.attendees or ()) > ATTENDEES_LISTED_UP_TO


def days_late(due, drawn_up_on, today, calendar):
    """Working days the drawing up was late, or is until today when not yet drawn up; 0 when in
    time or without a term (R8.5d, R8.6)."""
    if not due:
        return 0
    return max(0, calendar.working_days_between(due, drawn_up_on or today))


def assignment_order(number):
    """Sort key of 1, 1.1, 1.2, 2 … (R8.5b); unnumbered last."""
    try:
        return tuple(int(part) for part in (number or "").split("."))
    except ValueError:
        return (10**9,)
