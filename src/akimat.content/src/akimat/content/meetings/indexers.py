"""Catalog indexers of meetings and protocols: calendars, registers, «awaiting my visa»."""

from akimat.content.agreement import visas
from akimat.content.core.calendar import naive
from akimat.content.meetings import protocol_life_cycle
from akimat.content.meetings.meeting import IMeeting
from akimat.content.meetings.protocol import IProtocol
from plone.indexer import indexer


@indexer(IMeeting)
def meeting_start(obj):
    return naive(obj.start)


@indexer(IMeeting)
def meeting_end(obj):
    return naive(obj.end)


@indexer(IMeeting)
def meeting_kind(obj):
    return obj.kind


@indexer(IProtocol)
def protocol_meeting_kind(obj):
    return obj.meeting_kind


@indexer(IMeeting)
def hall(obj):
    return obj.hall


@indexer(IMeeting)
def chair(obj):
    return obj.chair


@indexer(IProtocol)
def protocol_chair(obj):
    return obj.chair


@indexer(IProtocol)
def protocol_date(obj):
    return obj.meeting_date


@indexer(IProtocol)
def meeting_uid(obj):
    return obj.meeting_uid


@indexer(IProtocol)
def protocol_due(obj):
    return obj.due_date()


@indexer(IProtocol)
def drawn_up_on(obj):
    return obj.drawn_up_on


@indexer(IProtocol)
def protocol_registration_number(obj):
    return obj.registration_number


@indexer(IProtocol)
def protocol_registration_date(obj):
    return obj.registration_date


@indexer(IProtocol)
def protocol_registration_year(obj):
    return obj.registration_date.year if obj.registration_date else None


@indexer(IProtocol)
def protocol_awaiting_visa(obj):
    return visas.expected_approvers(obj)


@indexer(IProtocol)
def awaiting_signature(obj):
    return protocol_life_cycle.awaiting_signature(obj)
