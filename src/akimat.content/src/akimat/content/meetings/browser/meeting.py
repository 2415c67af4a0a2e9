"""Views of a meeting and its agenda items (RULES.md R5): the meeting's page with its preparation
checklist, agenda, attendance and quorum; the agenda item's page; the forms that mark preparation
steps done, record the attendance and the votes."""

from akimat.content import _
from akimat.content.browser.adding import may_add
from akimat.content.browser.formatting import format_date
from akimat.content.browser.formatting import state_title
from akimat.content.browser.relations import visible_target
from akimat.content.browser.steps import button_transitions
from akimat.content.core.calendar import naive
from akimat.content.core.principals import PrincipalTitles
from akimat.content.core.vocabularies import LANGUAGES
from akimat.content.core.vocabularies import title_of
from akimat.content.meetings import votes
from akimat.content.meetings.meeting import SESSION
from akimat.content.meetings.protocol_life_cycle import vote_line
from akimat.content.meetings.vocabularies import MATERIAL_KINDS
from akimat.content.meetings.vocabularies import MEETING_FORMATS
from akimat.content.meetings.vocabularies import MEETING_KINDS
from plone import api
from plone.supermodel import model
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from z3c.form import button
from z3c.form import field
from z3c.form import form
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.i18n import translate
from zope.interface import provider
from zope.schema.interfaces import IContextSourceBinder
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


MODIFY = "Modify portal content"
RECORD_VOTES = "akimat.content: Record votes"
ADD_PROTOCOL = "akimat.content: Add Protocol"
HELD_STATES = ("held", "closed")
# The audiences of the handouts (R5.8); what each receives is in browser/handouts.py.
HANDOUT_AUDIENCES = {
    "akim": _("Handouts for the akim"),
    "deputies": _("Handouts for the deputies and the head of apparatus"),
    "members": _("Handouts for the akimat members"),
}


def format_time(moment):
    return naive(moment).strftime("%d.%m.%Y %H:%M") if moment else ""


def period(meeting):
    """«08.12.2026 10:00–12:00», or both dates when the meeting ends on another day."""
    start, end = naive(meeting.start), naive(meeting.end)
    if end is None:
        return format_time(start)
    if end.date() == start.date():
        return f"{format_time(start)}–{end.strftime('%H:%M')}"
    return f"{format_time(start)} – {format_time(end)}"


def handout_links(meeting):
    url = meeting.absolute_url()
    return [
        {
            "audience": audience,
            "title": title,
            "url": f"{url}/@@handout?audience={audience}",
        }
        for audience, title in HANDOUT_AUDIENCES.items()
    ]


def materials_by_kind(item):
    """The item's materials grouped by kind, in the order of the kinds (R5.6)."""
    groups = {}
    for material in item.objectValues():
        if getattr(material, "portal_type", "") == "Material":
            groups.setdefault(material.kind, []).append(material)
    return [
        {
            "kind": term.title,
            "materials": [
                {
                    "title": material.title,
                    "download": f"{material.absolute_url()}/@@download/file",
                    "filename": material.file.filename if material.file else "",
                    "language": title_of(LANGUAGES, material.material_language)
                    if material.material_language
                    else "",
                }
                for material in groups[term.value]
            ],
        }
        for term in MATERIAL_KINDS
        if term.value in groups
    ]


def vote_result(item):
    """The recorded vote of an item as the protocol states it (R5.4), or None."""
    if item.vote is None:
        return None
    return {"line": vote_line(item), "adopted": item.vote.outcome == votes.ADOPTED}


def adopted_act(item):
    return visible_target(item.adopted_act)


def quorum_line(meeting):
    """Present N of M and the quorum needed (R5.4)."""
    members = len(meeting.member_ids())
    return _(
        "Present ${present} of ${members}; the quorum is ${needed} (two thirds).",
        mapping={
            "present": len(meeting.attendance or ()),
            "members": members,
            "needed": votes.quorum_needed(members),
        },
    )


def item_summary(item, number, titles):
    """What the agenda and the item's page show of one agenda item."""
    return {
        "number": number,
        "title": item.title,
        "url": item.absolute_url(),
        "speakers": [titles(userid) for userid in item.speakers or ()],
        "speakers_external": item.speakers_external or "",
        "department": titles(item.responsible_department)
        if item.responsible_department
        else "",
        "deputy": titles(item.supervising_deputy) if item.supervising_deputy else "",
        "closed": bool(item.closed_item),
        "decision": item.decision or "",
        "materials": materials_by_kind(item),
        "vote": vote_result(item),
        "act": adopted_act(item),
    }


class MeetingPage(BrowserView):
    """What the meeting's and the agenda item's pages share."""

    item_macros = ViewPageTemplateFile("templates/meeting_item.pt")

    def can(self, permission):
        return api.user.has_permission(permission, obj=self.context)

    def titles(self):
        if not hasattr(self, "_titles"):
            self._titles = PrincipalTitles()
        return self._titles


class MeetingView(MeetingPage):
    """The meeting: schedule, participants, preparation checklist, agenda, attendance and quorum."""

    def kind(self):
        return title_of(MEETING_KINDS, self.context.kind)

    def state_title(self):
        return state_title(self.context.review_state(), self.context.portal_type)

    def period(self):
        return period(self.context)

    def where(self):
        return self.context.hall or self.context.place or ""

    def format(self):
        return title_of(MEETING_FORMATS, self.context.meeting_format)

    def languages(self):
        return [
            title_of(LANGUAGES, language) for language in self.context.languages or ()
        ]

    def person(self, principal_id):
        return self.titles()(principal_id) if principal_id else ""

    def members(self):
        return sorted(self.titles()(userid) for userid in self.context.member_ids())

    def invitees_agreed_by(self):
        """R5.28: who agreed the invitees list; None when nobody has yet."""
        return self.person(self.context.invitees_agreed_by) or None

    # Preparation (R5, R5.57, R8.5d)

    def checklist(self):
        return [
            {
                "id": step.id,
                "title": step.title,
                "due": format_date(step.due),
                "responsible": ", ".join(
                    self.titles()(unit) for unit in self.context.responsible_for(step)
                ),
                "rule": step.rule,
                "done": step.done,
                "done_by": self.person(step.done_by),
                "done_on": format_date(step.done_on),
                "late": step.late,
                "days_late": step.days_late,
            }
            for step in self.context.timetable()
        ]

    def may_mark(self):
        return self.can(MODIFY)

    # Agenda, attendance, votes (R5.3, R5.4)

    def agenda(self):
        return [
            item_summary(item, number, self.titles())
            for number, item in enumerate(self.context.agenda(), 1)
        ]

    def may_add_item(self):
        return may_add(self.context, "AgendaItem")

    def session(self):
        return self.context.kind == SESSION

    def attendance(self):
        return {
            "line": quorum_line(self.context),
            "quorum": self.context.has_quorum(),
            "names": sorted(
                self.titles()(userid) for userid in self.context.attendance or ()
            ),
        }

    def may_record(self):
        return self.can(RECORD_VOTES)

    # Actions

    def transitions(self):
        return button_transitions(self.context)

    def handouts(self):
        return handout_links(self.context)

    def protocols(self):
        """The protocols written for this meeting, through their relation to it."""
        relations = api.relation.get(target=self.context, relationship="meeting")
        found = [
            relation.from_object
            for relation in relations
            if relation.from_object is not None
        ]
        return [
            {"title": protocol.Title(), "url": protocol.absolute_url()}
            for protocol in found
        ]

    def may_create_protocol(self):
        if self.context.review_state() not in HELD_STATES or self.protocols():
            return False
        container = api.portal.get().get("protocols") or self.context.__parent__
        return api.user.has_permission(ADD_PROTOCOL, obj=container)


class MarkStep(BrowserView):
    """Marks a preparation step done or not done (POST only); refusals are status messages."""

    def __call__(self):
        url = self.context.absolute_url()
        if self.request.get("REQUEST_METHOD", "GET").upper() == "POST":
            self.mark(
                self.request.form.get("step", ""), self.request.form.get("done") == "1"
            )
        self.request.response.redirect(url)
        return ""

    def mark(self, step_id, done):
        try:
            self.context.mark_step(step_id, api.user.get_current().getId(), done=done)
        except ValueError as error:
            api.portal.show_message(error.args[0], request=self.request, type="error")
            return
        message = (
            _("The step is marked done.") if done else _("The step is marked not done.")
        )
        api.portal.show_message(message, request=self.request)


class AgendaItemView(MeetingPage):
    """An agenda item: speakers, responsible units, materials by kind, the vote and the act."""

    def item(self):
        return item_summary(self.context, self.context.number(), self.titles())

    def meeting(self):
        meeting = self.context.meeting()
        return {
            "title": meeting.Title(),
            "url": meeting.absolute_url(),
            "period": period(meeting),
        }

    def may_add_material(self):
        return may_add(self.context, "Material")

    def may_vote(self):
        return self.context.meeting().kind == SESSION and self.can(RECORD_VOTES)


class MeetingForm(form.Form):
    """A form of the meetings that says plainly what is wrong with the input or why a step was refused."""

    ignoreContext = True

    def data(self):
        """The submitted values, or None when the form shows what is wrong with them."""
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return None
        return data

    def refuse(self, message):
        self.status = translate(message, context=self.request)

    def done(self, message, url=None):
        api.portal.show_message(message, request=self.request)
        self.request.response.redirect(url or self.context.absolute_url())

    def run(self, action, success):
        """Runs a step of the meeting; a refusal of the rules (R5.4) stays on the form."""
        try:
            action()
        except votes.VoteError as error:
            self.refuse(error.args[0])
            return
        self.done(success)


class IVote(model.Schema):
    votes_for = schema.Int(title=_("For"), min=0, default=0, required=True)
    against = schema.Int(title=_("Against"), min=0, default=0, required=True)
    abstained = schema.Int(title=_("Abstained"), min=0, default=0, required=True)


class VoteForm(MeetingForm):
    """The secretary records the vote on an item; refused without a quorum (R5.4)."""

    fields = field.Fields(IVote)
    label = _("Record the vote")

    @property
    def description(self):
        return quorum_line(self.context.meeting())

    @button.buttonAndHandler(_("Record the vote"), name="record")
    def handle_record(self, action):
        data = self.data()
        if data is None:
            return
        self.run(
            lambda: self.context.record_vote(
                data["votes_for"], data["against"], data["abstained"]
            ),
            _("The vote is recorded."),
        )


@provider(IContextSourceBinder)
def meeting_members(context):
    """The members of the meeting (R5.4), by name."""
    titles = PrincipalTitles()
    terms = [
        SimpleTerm(userid, userid, titles(userid)) for userid in context.member_ids()
    ]
    return SimpleVocabulary(sorted(terms, key=lambda term: term.title))


class AttendanceForm(MeetingForm):
    """Who of the members is present; the quorum follows from it (R5.4)."""

    fields = field.Fields(
        schema.List(
            __name__="present",
            title=_("Present"),
            required=False,
            value_type=schema.Choice(source=meeting_members),
        )
    )
    fields["present"].widgetFactory = CheckBoxFieldWidget
    label = _("Attendance")

    @property
    def description(self):
        return quorum_line(self.context)

    def updateWidgets(self, prefix=None):
        super().updateWidgets(prefix)
        widget = self.widgets["present"]
        # First shown: who is recorded
        if f"{widget.name}-empty-marker" not in self.request.form:
            widget.value = list(self.context.attendance or ())

    @button.buttonAndHandler(_("Save the attendance"), name="save")
    def handle_save(self, action):
        data = self.data()
        if data is None:
            return
        present = data.get("present")
        # z3c.form reads a choice not among the members as nothing at all: refuse, do not clear.
        if present is None and self.request.form.get(self.widgets["present"].name):
            self.refuse(
                _("Only the members of the meeting are counted for the quorum.")
            )
            return
        self.run(
            lambda: self.context.record_attendance(present or []),
            _("The attendance is recorded."),
        )
