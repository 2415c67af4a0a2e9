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


@indexer(IProtocol)
def protocol_deadline(obj):
    """R8.5d: the visas are due within 1 day of the round's start."""
    return obj.agreement_deadline()


@indexer(IMeeting)
def meeting_secretary(obj):
    """Who holds and closes the meeting: its secretary, or whoever planned it when none is named."""
    return obj.secretary or obj.Creator()


def open_steps(meeting):
    """(step id, due date, who answers for it) of each preparation step not yet done."""
    return tuple(
        (step.id, step.due, tuple(meeting.responsible_for(step)))
        for step in meeting.timetable()
        if not step.done
    )


@indexer(IMeeting)
def preparation_pending(obj):
    """The principals who answer for a step not yet done; `preparation_open` says which, by when."""
    return sorted({principal for *_step, who in open_steps(obj) for principal in who})


@indexer(IMeeting)
def preparation_open(obj):
    return open_steps(obj)
