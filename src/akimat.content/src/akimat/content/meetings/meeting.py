"""Meeting (заседание, совещание): an akimat session or a meeting of the apparatus (RULES.md R5, R2.4)."""

from akimat.content import _
from akimat.content.core import bounds
from akimat.content.core import calendar as working_calendar
from akimat.content.core.calendar import naive
from akimat.content.core.principals import group_members
from akimat.content.core.vocabularies import meeting_settings
from akimat.content.meetings import preparation
from akimat.content.meetings import votes
from persistent.mapping import PersistentMapping
from plone.app.z3cform.widgets.select import AjaxSelectFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from plone.uuid.interfaces import IUUID
from Products.CMFCore.utils import getToolByName
from zope import schema
from zope.annotation.interfaces import IAnnotations
from zope.component.hooks import getSite
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


PRINCIPALS = "akimat.vocabularies.Principals"
SESSION = "akimat-session"
PREPARATION_KEY = "akimat.content.preparation"  # stored in every meeting: never renamed
CANCELLED = "cancelled"


class IMeeting(model.Schema):
    kind = schema.Choice(
        title=_("Kind of meeting"),
        vocabulary="akimat.vocabularies.MeetingKinds",
        required=True,
    )
    title = schema.TextLine(title=_("Title"), required=True)
    start = schema.Datetime(
        title=_("Start"),
        description=_("Almaty time."),
        required=True,
        constraint=bounds.check_date,
    )
    end = schema.Datetime(title=_("End"), required=True, constraint=bounds.check_date)
    hall = schema.Choice(
        title=_("Hall of the apparatus"),
        description=_(
            "Booked through the Orgotdel; two bookings of a hall may not overlap."
        ),
        vocabulary="akimat.vocabularies.Halls",
        required=False,
    )
    place = schema.TextLine(
        title=_("Place"),
        description=_("When not in a hall of the apparatus."),
        required=False,
    )
    meeting_format = schema.Choice(
        title=_("Format"),
        vocabulary="akimat.vocabularies.MeetingFormats",
        required=True,
        default="in-person",
    )
    directives.widget("chair", AjaxSelectFieldWidget, vocabulary=PRINCIPALS)
    chair = schema.Choice(
        title=_("Chair"),
        description=_(
            "An akimat session is chaired by the akim, in his absence by the acting akim."
        ),
        vocabulary=PRINCIPALS,
        required=True,
    )
    directives.widget("secretary", AjaxSelectFieldWidget, vocabulary=PRINCIPALS)
    secretary = schema.Choice(
        title=_("Secretary"), vocabulary=PRINCIPALS, required=False
    )
    directives.widget("members", AjaxSelectFieldWidget, vocabulary=PRINCIPALS)
    members = schema.List(
        title=_("Members and participants"),
        description=_(
            "For an akimat session leave empty: the akimat members take part."
        ),
        value_type=schema.Choice(vocabulary=PRINCIPALS),
        required=False,
        default=[],
    )
    invitees = schema.List(
        title=_("Invitees"),
        description=_("One per line: name and organisation."),
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )
    directives.widget(
        "invitees_agreed_by", AjaxSelectFieldWidget, vocabulary=PRINCIPALS
    )
    invitees_agreed_by = schema.Choice(
        title=_("Invitees list agreed with the supervising deputy akim"),
        description=_(
            "Required before the agenda is approved when anybody is invited."
        ),
        vocabulary=PRINCIPALS,
        required=False,
    )
    open_meeting = schema.Bool(
        title=_("Open meeting"),
        description=_("Single agenda items may still be closed."),
        default=True,
        required=False,
    )
    languages = schema.List(
        title=_("Languages"),
        value_type=schema.Choice(vocabulary="akimat.vocabularies.Languages"),
        default=["kk", "ru"],
        required=False,
    )

    @invariant
    def ends_after_start(data):
        if data.start and data.end and data.end <= data.start:
            raise Invalid(_("The meeting must end after it starts."))

    @invariant
    def chaired_by_the_akim(data):
        """R5.2: the akim chairs a session; in his absence the acting akim, one of his deputies."""
        if data.kind != SESSION or not data.chair:
            return
        context = getattr(data, "__context__", None)
        settings = meeting_settings(context)
        allowed = set(group_members(settings.akim_group)) | set(
            group_members(settings.deputies_group)
        )
        if data.chair not in allowed:
            raise Invalid(
                _(
                    "An akimat session is chaired by the akim or, in his absence, the acting akim."
                )
            )

    @invariant
    def chaired_by_people(data):
        """A6.3: the chair and the secretary sign the protocol, so they are people, not departments."""
        context = getattr(data, "__context__", None)
        groups = getToolByName(
            context if context is not None else getSite(), "portal_groups"
        )
        if any(
            principal and groups.getGroupById(principal)
            for principal in (data.chair, data.secretary)
        ):
            raise Invalid(
                _(
                    "Name a person as the chair and as the secretary: they sign the protocol."
                )
            )

    @invariant
    def hall_is_free(data):
        """R2.4: a second booking of a hall at an overlapping time is refused."""
        if not (data.hall and data.start and data.end):
            return
        context = getattr(data, "__context__", None)
        clash = overlapping_meeting(context, data.hall, data.start, data.end)
        if clash is not None:
            raise Invalid(
                _(
                    "The hall «${hall}» is booked from ${start} to ${end} for «${title}». Choose another "
                    "hall or time.",
                    mapping={
                        "hall": data.hall,
                        "start": clash.meeting_start.strftime("%d.%m.%Y %H:%M"),
                        "end": clash.meeting_end.strftime("%H:%M"),
                        "title": clash.Title,
                    },
                )
            )


def overlapping_meeting(context, hall, start, end):
    """The catalog brain of another meeting, not cancelled, in `hall` at an overlapping time."""
    catalog = getToolByName(
        context if context is not None else getSite(), "portal_catalog"
    )
    start, end = naive(start), naive(end)
    own = (
        IUUID(context, None) if IMeeting.providedBy(context) else None
    )  # a new meeting has no UID yet
    brains = catalog.unrestrictedSearchResults(
        portal_type="Meeting", hall=hall, meeting_start={"query": end, "range": "max"}
    )
    for brain in brains:
        if own == brain.UID or brain.review_state == CANCELLED:
            continue
        if brain.meeting_start < end and brain.meeting_end > start:
            return brain
    return None


@implementer(IMeeting)
class Meeting(Container):
    """The schedule, attendance and preparation of one meeting; its agenda items are its children."""

    attendance = ()  # user ids of the members present (R5.4)

    def review_state(self):
        return getToolByName(self, "portal_workflow").getInfoFor(self, "review_state")

    def day(self):
        return naive(self.start).date()

    def member_ids(self):
        """Who takes part: the listed members, or the akimat members for a session (R5.4)."""
        if self.members:
            return list(self.members)
        if self.kind == SESSION:
            return group_members(meeting_settings(self).members_group)
        return []

    def agenda(self):
        """The agenda items in their order."""
        return [
            item
            for item in self.objectValues()
            if getattr(item, "portal_type", "") == "AgendaItem"
        ]

    def responsible_departments(self):
        return list(
            dict.fromkeys(
                item.responsible_department
                for item in self.agenda()
                if item.responsible_department
            )
        )

    def responsible_for(self, step):
        """Who answers for a preparation step: the group the settings name, or the items' departments."""
        if step.responsible == preparation.DEPARTMENTS:
            return self.responsible_departments()
        group = getattr(meeting_settings(self), step.responsible, None)
        return [group] if group else []

    def invitees_problem(self):
        """R5.28: why the invitees list is not yet agreed with a supervising deputy akim, or None."""
        if not self.invitees:
            return None
        if not self.invitees_agreed_by:
            return _(
                "Agree the invitees list with the supervising deputy akim before the agenda is approved."
            )
        if self.invitees_agreed_by not in group_members(
            meeting_settings(self).deputies_group
        ):
            return _("The invitees list is agreed with a deputy akim.")
        return None

    # Attendance and quorum (R5.4)

    def record_attendance(self, present):
        present = list(dict.fromkeys(present))
        if self.kind == SESSION:
            votes.check_attendance(self.member_ids(), present)
        self.attendance = present

    def has_quorum(self):
        return votes.has_quorum(len(self.member_ids()), len(self.attendance))

    # Preparation timetable (R5)

    def done_steps(self):
        stored = IAnnotations(self).get(PREPARATION_KEY, {})
        return {step: (mark["by"], mark["on"]) for step, mark in stored.items()}

    def timetable(self, today=None):
        return preparation.timetable(
            self.kind,
            self.day(),
            bool(self.hall),
            self.done_steps(),
            today or working_calendar.now().date(),
            working_calendar.get_calendar(),
        )

    def mark_step(self, step_id, userid, done=True, on=None):
        """Record a preparation step as done by `userid` on the day `on` (today by default), or undo it."""
        if step_id not in {
            rule.id for rule in preparation.rules(self.kind, bool(self.hall))
        }:
            raise ValueError(_("The meeting has no such preparation step."))
        annotations = IAnnotations(self)
        if PREPARATION_KEY not in annotations:
            annotations[PREPARATION_KEY] = PersistentMapping()
        stored = annotations[PREPARATION_KEY]
        if done:
            stored.setdefault(
                step_id, {"by": userid, "on": on or working_calendar.now().date()}
            )
        else:
            stored.pop(step_id, None)
        self.reindexObject(idxs=["preparation_pending"])  # «Ждёт моего действия»

    def late_steps(self, today=None):
        return [
            step.id for step in self.timetable(today) if step.late and not step.done
        ]
