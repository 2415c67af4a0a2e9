"""Personal reception of citizens (личный приём) and its schedule (RULES.md R14).

A `ReceptionSchedule` is the schedule the akim approves (R14.1); its `Reception`s are the days
an official receives. The people who sign up are appeals received orally at the reception: they
live, with their personal data, in the appeals section (R13.2) and point to their reception
(`IAppeal.reception`); the reception only finds them (`receptions.signups`).
"""

from akimat.content import _
from akimat.content.core import bounds
from akimat.content.core import calendar as working_calendar
from akimat.content.core.calendar import naive
from akimat.content.core.principals import group_members
from akimat.content.core.vocabularies import meeting_settings
from plone.app.z3cform.widgets.select import AjaxSelectFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.supermodel import model
from Products.CMFCore.utils import getToolByName
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


PRINCIPALS = "akimat.vocabularies.Principals"
LIST_WORKING_DAYS_BEFORE = 1  # R14.2


def receiving_officials(context):
    """R14.1: the akim, his deputies and the head of apparatus receive citizens."""
    settings = meeting_settings(context)
    groups = (
        settings.akim_group,
        settings.deputies_group,
        settings.head_of_apparatus_group,
    )
    return {member for group in groups for member in group_members(group)}


class IReceptionSchedule(model.Schema):
    title = schema.TextLine(title=_("Title"), required=True)
    valid_from = schema.Date(
        title=_("Valid from"), required=True, constraint=bounds.check_date
    )
    valid_until = schema.Date(
        title=_("Valid until"), required=True, constraint=bounds.check_date
    )

    @invariant
    def period(data):
        if data.valid_from and data.valid_until and data.valid_until < data.valid_from:
            raise Invalid(_("The schedule must end after it begins."))


@implementer(IReceptionSchedule)
class ReceptionSchedule(Container):
    """Receptions are added while it is a draft; the akim's approval opens them (R14.1)."""

    approved_on = None
    approved_by = None

    def review_state(self):
        return getToolByName(self, "portal_workflow").getInfoFor(self, "review_state")

    def is_approved(self):
        return self.review_state() == "approved"


class IReception(model.Schema):
    directives.widget("official", AjaxSelectFieldWidget, vocabulary=PRINCIPALS)
    official = schema.Choice(
        title=_("Receiving official"),
        description=_("The akim, a deputy akim or the head of apparatus (R14.1)."),
        vocabulary=PRINCIPALS,
        required=True,
    )
    start = schema.Datetime(
        title=_("Start"),
        description=_("Almaty time."),
        required=True,
        constraint=bounds.check_date,
    )
    end = schema.Datetime(title=_("End"), required=True, constraint=bounds.check_date)
    place = schema.TextLine(title=_("Place"), required=True)
    invitees = schema.List(
        title=_("Invitees"),
        description=_(
            "Heads of the bodies and departments invited to the reception, one per line (R14.2)."
        ),
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )

    @invariant
    def ends_after_start(data):
        if data.start and data.end and data.end <= data.start:
            raise Invalid(_("The reception must end after it starts."))

    @invariant
    def received_by_an_official(data):
        """R14.1: only the akim, his deputies and the head of apparatus hold personal receptions."""
        if data.official and data.official not in receiving_officials(
            getattr(data, "__context__", None)
        ):
            raise Invalid(
                _(
                    "Personal receptions are held by the akim, his deputies and the head of apparatus (R14.1)."
                )
            )


@implementer(IReception)
class Reception(Item):
    """One reception day of one official; terms from the calendar service."""

    list_submitted_on = None  # R14.2: the day the list went to the official
    held_on = None

    def review_state(self):
        return getToolByName(self, "portal_workflow").getInfoFor(self, "review_state")

    def schedule(self):
        return self.__parent__

    def day(self):
        return naive(self.start).date()

    def list_due(self):
        """R14.2: the list of registered persons reaches the official 1 working day before."""
        return working_calendar.get_calendar().working_days_before(
            self.day(), LIST_WORKING_DAYS_BEFORE
        )

    def list_late(self, today=None):
        """R14.2: the list went to the official after its term, or has not gone and the term is past."""
        if self.list_submitted_on is None and self.review_state() != "planned":
            return (
                False  # held or cancelled without a list: nothing is awaited any more
            )
        submitted = self.list_submitted_on or today or working_calendar.now().date()
        return submitted > self.list_due()
