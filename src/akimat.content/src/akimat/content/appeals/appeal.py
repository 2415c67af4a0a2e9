"""Appeal (обращение) of a citizen or an organisation, from receipt to the answer (RULES.md R13, R0.5).

Appeals carry personal data: who sees one is decided by its workflow and the local roles computed
from its fields (localroles.AppealRoles), never by the section alone.
"""

from akimat.content import _
from akimat.content.appeals import history as appeal_history
from akimat.content.appeals import receptions
from akimat.content.core import bounds
from akimat.content.core import calendar as working_calendar
from akimat.content.core import identification
from akimat.content.interfaces import IAppealSettings
from plone.app.z3cform.widgets.select import AjaxSelectFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from Products.CMFCore.utils import getToolByName
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant
from zope.schema import ValidationError


PRINCIPALS = "akimat.vocabularies.Principals"
PASSING_ON_WORKING_DAYS = 3  # R13.9 redirection, R13.11 a complaint's lower body
ORAL_CHANNELS = ("reception", "phone")  # R13.10
ORAL_RECORD_MISSING = _(
    "Record what the applicant said: an oral appeal has a protocol of its own."
)


def _now():
    return working_calendar.now().replace(tzinfo=None, second=0, microsecond=0)


class InvalidIdentification(ValidationError):
    """An IIN or BIN the identification service refuses; its message says why (R13.5)."""

    def doc(self):
        return self.args[0]


def _identification(value):
    try:
        identification.validate(value)
    except identification.IdentificationError as error:
        raise InvalidIdentification(error.args[0]) from error
    return True


def appeal_settings(context):
    registry = getToolByName(context, "portal_registry", None)
    return (
        registry.forInterface(IAppealSettings, check=False)
        if registry is not None
        else None
    )


class IAppeal(model.Schema):
    kind = schema.Choice(
        title=_("Kind of appeal"),
        vocabulary="akimat.vocabularies.AppealKinds",
        required=True,
    )
    title = schema.TextLine(title=_("Subject"), required=True)
    substance = schema.Text(title=_("Substance of the appeal"), required=True)
    channel = schema.Choice(
        title=_("Received through"),
        vocabulary="akimat.vocabularies.AppealChannels",
        required=True,
    )
    received_at = schema.Datetime(
        title=_("Received at"),
        description=_("Almaty time."),
        required=True,
        defaultFactory=_now,
        constraint=bounds.check_receipt,
    )
    appeal_language = schema.Choice(
        title=_("Language"), vocabulary="akimat.vocabularies.Languages", required=False
    )
    directives.widget("addressee", AjaxSelectFieldWidget, vocabulary=PRINCIPALS)
    addressee = schema.Choice(
        title=_("Addressed to"),
        description=_(
            "The akim, a deputy akim or the head of apparatus named in the appeal."
        ),
        vocabulary=PRINCIPALS,
        required=False,
    )
    attachment = NamedBlobFile(title=_("Attachment"), required=False)
    oral_record = schema.Text(
        title=_("Record of the oral appeal"),
        description=_(
            "An appeal made orally, at a reception or by phone, is recorded in a protocol of its own."
        ),
        required=False,
    )

    @invariant
    def oral_appeal_recorded(data):
        """R13.10: an oral appeal is recorded in a protocol of its own; for a person signed up for a
        personal reception, at the reception (receptions.check_hold)."""
        if getattr(data, "reception", None):
            return
        if (
            getattr(data, "channel", None) in ORAL_CHANNELS
            and not (getattr(data, "oral_record", None) or "").strip()
        ):
            raise Invalid(ORAL_RECORD_MISSING)

    model.fieldset(
        "personal_reception",
        label=_("Personal reception"),
        fields=["reception", "reception_time"],
    )
    directives.mode(reception="hidden")
    reception = schema.TextLine(
        title=_("Personal reception"),
        description=_("The UID of the reception the applicant signed up for."),
        required=False,
    )
    reception_time = schema.Datetime(
        title=_("Time at the reception"),
        description=_("Almaty time."),
        required=False,
        constraint=bounds.check_date,
    )

    @invariant
    def reception_open_for_sign_up(data):
        """R14.1, R14.2: a new sign-up only for a reception of the approved schedule, before its list went out."""
        uid = getattr(data, "reception", None)
        # A registered appeal signed up earlier: its reception may since have taken place.
        if (
            not uid
            or getattr(getattr(data, "__context__", None), "registration_number", None)
            is not None
        ):
            return
        problem = receptions.sign_up_problem(receptions.get_reception(uid))
        if problem is not None:
            raise Invalid(problem)

    @invariant
    def reception_time_within_hours(data):
        """R14.1: the time at a reception is within its hours in the approved schedule."""
        reception = receptions.get_reception(getattr(data, "reception", None))
        if reception is None:
            return
        problem = receptions.time_problem(
            reception, getattr(data, "reception_time", None)
        )
        if problem is not None:
            raise Invalid(problem)

    model.fieldset(
        "applicant",
        label=_("Applicant"),
        fields=[
            "applicant_name",
            "applicant_organisation",
            "applicant_id",
            "address",
            "phone",
            "email",
            "collective",
            "signatories",
        ],
    )
    applicant_name = schema.TextLine(title=_("Name of the applicant"), required=True)
    applicant_organisation = schema.Bool(
        title=_("The applicant is an organisation"), required=False, default=False
    )
    applicant_id = schema.TextLine(
        title=_("IIN or BIN"), required=False, constraint=_identification
    )
    address = schema.TextLine(title=_("Address"), required=False)
    phone = schema.TextLine(title=_("Phone"), required=False)
    email = schema.TextLine(title=_("E-mail"), required=False)
    collective = schema.Bool(
        title=_("Collective appeal"), required=False, default=False
    )
    signatories = schema.Int(
        title=_("Number of signatories"), required=False, **bounds.SIGNATORIES
    )

    @invariant
    def collective_signed_by_two(data):
        """R13.5: a collective appeal is signed by two applicants or more."""
        if (
            getattr(data, "collective", False)
            and (getattr(data, "signatories", None) or 0) < 2
        ):
            raise Invalid(_("A collective appeal has at least two signatories."))

    model.fieldset(
        "handling",
        label=_("Handling"),
        fields=[
            "missing_requirements",
            "correction_term",
            "passed_to",
            "answer",
            "answer_file",
        ],
    )
    missing_requirements = schema.List(
        title=_("Requirements of art. 63 not met"),
        description=_("The applicant is told which, and given a term to correct them."),
        value_type=schema.Choice(vocabulary="akimat.vocabularies.AppealRequirements"),
        required=False,
        default=[],
    )
    correction_term = schema.Date(
        title=_("Term for the correction"), required=False, constraint=bounds.check_date
    )
    passed_to = schema.TextLine(
        title=_("Competent body"),
        description=_("Where the appeal is redirected or a complaint forwarded."),
        required=False,
    )
    answer = schema.Text(title=_("Answer"), required=False)
    answer_file = NamedBlobFile(title=_("Answer as a file"), required=False)


@implementer(IAppeal)
class Appeal(Container):
    """Its terms come from the calendar service, its number from the numbering service."""

    registration_number = None
    registration_date = None
    passed_on = None  # the day it was redirected (R13.9) or forwarded (R13.11)
    answered_at = None
    reception = None
    reception_time = None
    personal_data_consent = None  # submissions.CONSENT_ON_FORM or CONSENT_ON_PAPER
    earlier_appeals = ()  # UIDs of the applicant's earlier appeals, set on registration (appeal_history)

    def repeated(self):
        return appeal_history.repeated(self)

    def review_state(self):
        return getToolByName(self, "portal_workflow").getInfoFor(self, "review_state")

    def registration_day(self):
        """R13.6: the day of receipt, or the next working day when received after hours."""
        return working_calendar.get_calendar().registration_date(self.received_at)

    def review_deadline(self):
        """The term of the answer: working days from the registration (registry, default 15)."""
        if self.registration_date is None:
            return None
        days = appeal_settings(self).review_days
        return working_calendar.get_calendar().add_working_days(
            self.registration_date, days
        )

    def passing_on_deadline(self):
        """R13.9, R13.11: redirected, or forwarded to the lower body, within 3 working days."""
        if self.registration_date is None:
            return None
        return working_calendar.get_calendar().add_working_days(
            self.registration_date, PASSING_ON_WORKING_DAYS
        )

    def dispatch_date(self):
        """R0.5: an answer is accepted for dispatch until 18:00."""
        if self.answered_at is None:
            return None
        return working_calendar.get_calendar().dispatch_date(self.answered_at)
