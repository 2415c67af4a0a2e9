"""Act (акт): a resolution, decision or order from draft to registration (RULES.md R10, R11.4)."""

from akimat.content import _
from akimat.content.agreement import visas
from akimat.content.agreement.agreed_document import AgreedDocument
from akimat.content.agreement.agreed_document import IAgreedDocument
from akimat.content.core import bounds
from akimat.content.core import calendar as working_calendar
from akimat.content.core.principals import group_members
from akimat.content.interfaces import IActSettings
from datetime import timedelta
from plone.app.textfield import RichText
from plone.app.z3cform.widgets.select import AjaxSelectFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from Products.CMFCore.utils import getToolByName
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


PRINCIPALS = "akimat.vocabularies.Principals"
RESOLUTION, APPARATUS_ORDER = "resolution", "apparatus-order"
REWORK_DAYS = 10  # R10.13: calendar days, unless another term is set
SIGNING_WORKING_DAYS = 3  # R10.15: from creation to signature

# R10.5–R10.10: a flag and the attachment it requires.
REQUIRED_ATTACHMENTS = (
    (
        "amends",
        "comparison_table",
        _("the comparison table (the act amends another act)"),
    ),
    (
        "repeals",
        "repeal_justification",
        _("the justification (the act repeals another act)"),
    ),
    (
        "affects_business",
        "expert_opinions",
        _("the expert opinions (the act affects private business)"),
    ),
    (
        "scientific_expertise",
        "expertise_conclusion",
        _("the conclusion of the scientific expertise"),
    ),
    (
        "budget_impact",
        "budget_conclusion",
        _("the budget commission's conclusion or the funding note"),
    ),
)


class IAct(IAgreedDocument):
    kind = schema.Choice(
        title=_("Kind of act"), vocabulary="akimat.vocabularies.ActKinds", required=True
    )
    normative = schema.Bool(
        title=_("Normative (contains legal norms)"),
        description=_("A normative act has both a Kazakh and a Russian text."),
        required=False,
        default=False,
    )
    title = schema.TextLine(title=_("Title in Russian"), required=True)
    title_kk = schema.TextLine(title=_("Title in Kazakh"), required=False)
    text_kk = RichText(title=_("Text in Kazakh"), required=False)
    file_kk = NamedBlobFile(title=_("Text in Kazakh as a file"), required=False)
    text_ru = RichText(title=_("Text in Russian"), required=False)
    file_ru = NamedBlobFile(title=_("Text in Russian as a file"), required=False)

    directives.widget(
        "developer_department", AjaxSelectFieldWidget, vocabulary=PRINCIPALS
    )
    developer_department = schema.Choice(
        title=_("Developer department"), vocabulary=PRINCIPALS, required=True
    )
    executor_name = schema.TextLine(title=_("Executor"), required=False)
    executor_phone = schema.TextLine(title=_("Executor's phone"), required=False)
    basis = RelationChoice(
        title=_("Basis in the intranet (an assignment or a protocol)"),
        vocabulary="plone.app.vocabularies.Catalog",
        required=False,
    )
    basis_reference = schema.TextLine(
        title=_("Basis outside the intranet"), required=False
    )

    model.fieldset(
        "attachments",
        label=_("Required attachments"),
        fields=[
            name
            for flag, attachment, _label in REQUIRED_ATTACHMENTS
            for name in (flag, attachment)
        ],
    )
    amends = schema.Bool(title=_("Amends another act"), required=False)
    comparison_table = NamedBlobFile(title=_("Comparison table"), required=False)
    repeals = schema.Bool(title=_("Repeals another act"), required=False)
    repeal_justification = NamedBlobFile(
        title=_("Justification of the repeal"), required=False
    )
    affects_business = schema.Bool(title=_("Affects private business"), required=False)
    expert_opinions = NamedBlobFile(title=_("Expert opinions"), required=False)
    scientific_expertise = schema.Bool(
        title=_("Scientific expertise required"), required=False
    )
    expertise_conclusion = NamedBlobFile(
        title=_("Conclusion of the scientific expertise"), required=False
    )
    budget_impact = schema.Bool(title=_("Affects the budget"), required=False)
    budget_conclusion = NamedBlobFile(
        title=_("Budget commission's conclusion or funding note"), required=False
    )

    model.fieldset("agreement", label=_("Agreement"), fields=["urgency", "term_days"])
    urgency = schema.Choice(
        title=_("Urgency"),
        vocabulary="akimat.vocabularies.ActUrgency",
        required=True,
        default="normal",
    )
    term_days = schema.Int(
        title=_("Shorter agreement term ordered by the leadership, in working days"),
        required=False,
        **bounds.TERM_WORKING_DAYS,
    )

    @invariant
    def texts_in_the_right_languages(data):
        """R10.1/R10.2: a text in Kazakh and/or Russian; a normative act has both."""
        kazakh = bool(data.text_kk or data.file_kk)
        russian = bool(data.text_ru or data.file_ru)
        if data.normative and not (kazakh and russian and data.title_kk):
            raise Invalid(
                _("A normative act needs its title and text in Kazakh and in Russian.")
            )
        if not (kazakh or russian):
            raise Invalid(
                _(
                    "Give the text of the act in Kazakh or in Russian, as text or as a file."
                )
            )


def signatory_group_of(kind, current):
    """The group that signs an act of this kind: the head of apparatus his orders, the akim the
    rest; `current` is the act settings."""
    return (
        current.head_of_apparatus_group
        if kind == APPARATUS_ORDER
        else current.akim_group
    )


def signing_deadline(created, calendar):
    """R10.15: an electronic draft created at `created` is signed within 3 working days."""
    return calendar.add_working_days(
        working_calendar.to_almaty(created).date(), SIGNING_WORKING_DAYS
    )


def settings(context):
    """The act settings of the site `context` is in; through acquisition, because the catalog
    also indexes at commit time, when no site is set."""
    registry = getToolByName(context, "portal_registry", None)
    return (
        registry.forInterface(IActSettings, check=False)
        if registry is not None
        else None
    )


@implementer(IAct)
class Act(AgreedDocument, Container):
    """An act; its agreement lives in the visas service, its number in the numbering service."""

    registration_number = None
    registration_date = None
    returned_on = None  # R10.13: the day of the last return for rework
    distributed_on = None

    def review_state(self):
        return getToolByName(self, "portal_workflow").getInfoFor(self, "review_state")

    def missing_attachments(self):
        """What the flags require and is not attached (R10.5–R10.10), as messages."""
        return [
            label
            for flag, attachment, label in REQUIRED_ATTACHMENTS
            if getattr(self, flag, False) and not getattr(self, attachment, None)
        ]

    def signatory_group(self):
        return signatory_group_of(self.kind, settings(self))

    def round_approvers(self):
        """The approvers of the departments' round: mandatory ones, the further ones, and the
        legal consultant last (R10.3, R10.4a); the developer himself does not visa."""
        current = settings(self)
        approvers = []
        for group in current.mandatory_approver_groups or ():
            approvers += group_members(group)
        approvers += list(self.approvers or ())
        lawyers = group_members(current.legal_consultant_group)
        ordered = [a for a in dict.fromkeys(approvers) if a not in lawyers] + lawyers
        return ordered, lawyers

    def completing_transition(self):
        """The transition that follows a complete round of visas (R10.14)."""
        if self.review_state() == "members_agreement":
            return "complete_members"
        return (
            "complete_agreement_members"
            if self.kind == RESOLUTION
            else "complete_agreement"
        )

    def members(self):
        return group_members(settings(self).members_group)

    # Terms (R10.13–R10.15)

    def agreement_term(self):
        """Working days for a round: 5 (+5 for the members of a resolution), 3 in emergencies."""
        if self.term_days:
            return self.term_days
        return 3 if self.urgency == "emergency" else 5

    def round_deadline(self):
        current = visas.current_round(self)
        if current is None or current.state != visas.OPEN:
            return None
        return working_calendar.get_calendar().add_working_days(
            current.started.date(), self.agreement_term()
        )

    def late_approvers(self, today=None):
        deadline = self.round_deadline()
        today = today or working_calendar.now().date()
        if deadline is None or today <= deadline:
            return []
        return [visa.approver for visa in visas.pending(self)]

    def signing_deadline(self):
        """R10.15: an electronic draft is created and signed within 3 working days."""
        return signing_deadline(
            self.created().asdatetime(), working_calendar.get_calendar()
        )

    def rework_deadline(self):
        if self.returned_on is None or self.review_state() != "draft":
            return None
        return self.returned_on + timedelta(days=REWORK_DAYS)
