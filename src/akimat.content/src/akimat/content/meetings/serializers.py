"""JSON of a meeting and its agenda items: plone.restapi's own, plus what the rules compute
(RULES.md R5.4 quorum and votes, R5 preparation timetable)."""

from akimat.content.meetings import votes
from akimat.content.meetings.agenda_item import IAgendaItem
from akimat.content.meetings.meeting import IMeeting
from akimat.content.meetings.protocol import IProtocol
from akimat.content.serializers.base import SerializeWithComputedBlock
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.converters import json_compatible
from zope.component import adapter
from zope.i18n import translate
from zope.interface import implementer
from zope.interface import Interface


def preparation_data(meeting, request):
    """The preparation timetable (R5): each step with its term, who answers, and whether it is late."""
    return json_compatible(
        [
            {
                "id": step.id,
                "title": translate(step.title, context=request),
                "due": step.due,
                "responsible": meeting.responsible_for(step),
                "rule": step.rule,
                "done_by": step.done_by,
                "done_on": step.done_on,
                "days_late": step.days_late,
                "late": step.late,
            }
            for step in meeting.timetable()
        ]
    )


def meeting_data(meeting, request):
    """The computed data of a meeting, JSON-ready: state, who takes part, the quorum (R5.4) and
    the preparation timetable."""
    members, present = len(meeting.member_ids()), len(meeting.attendance)
    return json_compatible(
        {
            "review_state": meeting.review_state(),
            "day": meeting.day(),
            "member_ids": meeting.member_ids(),
            "attendance": list(meeting.attendance),
            "quorum": {
                "members": members,
                "present": present,
                "needed": votes.quorum_needed(members),
                "has_quorum": meeting.has_quorum(),
            },
            "preparation": preparation_data(meeting, request),
            "late_steps": meeting.late_steps(),
        }
    )


def agenda_item_data(item):
    """The number of an agenda item and its vote (R5.4), or null while no vote is recorded."""
    vote = item.vote
    return {
        "number": item.number(),
        "vote": None
        if vote is None
        else {
            "for": vote.votes_for,
            "against": vote.against,
            "abstained": vote.abstained,
            "outcome": vote.outcome,
        },
    }


@implementer(ISerializeToJson)
@adapter(IMeeting, Interface)
class SerializeMeetingToJson(SerializeWithComputedBlock):
    block = "meeting"

    def computed(self):
        return meeting_data(self.context, self.request)


@implementer(ISerializeToJson)
@adapter(IAgendaItem, Interface)
class SerializeAgendaItemToJson(SerializeWithComputedBlock):
    block = "agenda_item"

    def computed(self):
        return agenda_item_data(self.context)


def _children(objects):
    return [
        {"number": obj.number, "title": obj.Title(), "@id": obj.absolute_url()}
        for obj in objects
    ]


def protocol_data(protocol):
    """The computed data of a protocol, JSON-ready: terms (R8.5d), signatures (A6.3), number
    (A6.4), its sections (A6.2) and assignments (R8.5b)."""
    return json_compatible(
        {
            "review_state": protocol.review_state(),
            "meeting_kind": protocol.meeting_kind,
            "meeting_date": protocol.meeting_date,
            "registration_number": protocol.registration_number,
            "registration_date": protocol.registration_date,
            "due_date": protocol.due_date(),
            "drawn_up_on": protocol.drawn_up_on,
            "days_late": protocol.days_late(),
            "agreement_deadline": protocol.agreement_deadline(),
            "signatories": protocol.signatories(),
            "signatures": [
                {"userid": userid, "when": when} for userid, when in protocol.signatures
            ],
            "fully_signed": protocol.fully_signed(),
            "sections": _children(protocol.sections()),
            "assignments": _children(protocol.assignments()),
            "attendees_attached": protocol.attendees_attached(),
        }
    )


@implementer(ISerializeToJson)
@adapter(IProtocol, Interface)
class SerializeProtocolToJson(SerializeWithComputedBlock):
    block = "protocol"

    def computed(self):
        return protocol_data(self.context)
