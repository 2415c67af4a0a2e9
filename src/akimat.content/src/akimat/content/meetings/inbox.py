"""What meetings and protocols ask of a person (core/inbox.py). Catalog queries only.

Protocols (R8.5d, A6.3, R8.7): the one who drew the draft up sends it for agreement, approvers
visa, the chair and the secretary sign, the ОДК registers and sends it out. Meetings (R5): the
leadership approves the agenda, the secretary marks the meeting held and closes it, and whoever
answers for a preparation step sees it when it is late or due within 3 working days.

A meeting's open steps are in the catalog: `preparation_pending` indexes the principals who
answer for a step not yet done, and the metadata `preparation_open` holds (step, due date,
principals) of each; so the query finds the meetings and the brain says which steps, by when.
"""

from akimat.content import _
from akimat.content.core.inbox import action_of
from akimat.content.core.inbox import find
from akimat.content.core.inbox import IInboxProvider
from akimat.content.core.inbox import Kind
from akimat.content.core.inbox import SOON_WORKING_DAYS
from akimat.content.core.principals import principal_ids
from akimat.content.meetings import preparation
from plone import api
from zope.interface import implementer


PROTOCOL_DRAFT, PROTOCOL_VISA = "protocol-draft", "protocol-visa"
PROTOCOL_SIGNATURE = "protocol-signature"
PROTOCOL_REGISTRATION, PROTOCOL_DISPATCH = "protocol-registration", "protocol-dispatch"
AGENDA, HOLDING, CLOSING = "meeting-agenda", "meeting-holding", "meeting-closing"
PREPARATION = "meeting-preparation"
PROTOCOL_WORKFLOW, MEETING_WORKFLOW = (
    "akimat_protocol_workflow",
    "akimat_meeting_workflow",
)
# Cancelled and closed meetings ask nothing more.
OPEN_MEETING = ("planned", "agenda_approved", "held")
CONTROL_OFFICER, LEADERSHIP = "Control Officer", "Leadership"


def _protocol_actions(userid, roles):
    protocols = {"portal_type": "Protocol"}
    # R8.5d: drawn up within 1 working day after the meeting (or the term set).
    for brain in find(Creator=userid, review_state="draft", **protocols):
        yield action_of(PROTOCOL_DRAFT, brain, brain.protocol_due)
    # R8.5d, R5.11, R5.34: agreed within 1 day of being sent.
    for brain in find(awaiting_visa=userid, review_state="agreement", **protocols):
        yield action_of(PROTOCOL_VISA, brain, brain.deadline)
    # A6.3: the chair and the secretary sign.
    for brain in find(awaiting_signature=userid, review_state="signing", **protocols):
        yield action_of(PROTOCOL_SIGNATURE, brain)
    if CONTROL_OFFICER not in roles:
        return
    # R8.7: the ОДК registers a protocol once both have signed, then sends it out (A6.5).
    for brain in find(review_state="signing", **protocols):
        if not brain.awaiting_signature:
            yield action_of(PROTOCOL_REGISTRATION, brain)
    for brain in find(review_state="registered", **protocols):
        yield action_of(PROTOCOL_DISPATCH, brain)


def _meeting_actions(userid, roles):
    meetings = {"portal_type": "Meeting"}
    if LEADERSHIP in roles:
        for brain in find(review_state="planned", **meetings):
            yield action_of(AGENDA, brain, brain.meeting_start.date())
    for brain in find(
        meeting_secretary=userid, review_state="agenda_approved", **meetings
    ):
        yield action_of(HOLDING, brain, brain.meeting_start.date())
    for brain in find(meeting_secretary=userid, review_state="held", **meetings):
        yield action_of(CLOSING, brain)


def _step_actions(principals, today, calendar):
    """R5.6–R5.57, R8.5d: my steps not done, late or due within 3 working days. What was due
    before the meeting is moot once it is held."""
    until = calendar.add_working_days(today, SOON_WORKING_DAYS)
    for brain in find(
        portal_type="Meeting",
        preparation_pending=list(principals),
        review_state=OPEN_MEETING,
    ):
        day = brain.meeting_start.date()
        titles = {
            rule.id: rule.title for rule in preparation.rules(brain.meeting_kind, True)
        }
        for step_id, due, responsible in brain.preparation_open or ():
            if due > until or principals.isdisjoint(responsible):
                continue
            if brain.review_state == "held" and due < day:
                continue
            yield action_of(PREPARATION, brain, due, note=titles.get(step_id, step_id))


@implementer(IInboxProvider)
class MeetingsInbox:
    kinds = (
        Kind(PROTOCOL_SIGNATURE, _("Protocols awaiting my signature")),
        Kind(PROTOCOL_VISA, _("Protocols awaiting my visa")),
        Kind(PROTOCOL_DRAFT, _("Protocols to draw up and send for agreement")),
        Kind(PROTOCOL_REGISTRATION, _("Signed protocols to register")),
        Kind(PROTOCOL_DISPATCH, _("Registered protocols to send out")),
        Kind(AGENDA, _("Agendas of meetings to approve")),
        Kind(PREPARATION, _("Preparation of meetings")),
        Kind(HOLDING, _("Meetings to hold")),
        Kind(CLOSING, _("Held meetings to close")),
    )
    waits_in = (
        *(
            (PROTOCOL_WORKFLOW, state)
            for state in ("draft", "agreement", "signing", "registered")
        ),
        *((MEETING_WORKFLOW, state) for state in OPEN_MEETING),
    )

    def actions(self, user, today, calendar):
        userid = user.getId()
        roles = api.user.get_roles(user=user, obj=api.portal.get())
        yield from _protocol_actions(userid, roles)
        yield from _meeting_actions(userid, roles)
        yield from _step_actions(set(principal_ids(user)), today, calendar)


provider = MeetingsInbox()
