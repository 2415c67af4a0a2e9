"""What happens to a protocol: created from its meeting, agreed, signed, registered, sent (R8, A6).

Called by the workflow's event subscribers, the views and the REST services alike.
"""

from akimat.content import _
from akimat.content.agreement import agreement
from akimat.content.agreement import visas
from akimat.content.core import calendar as working_calendar
from akimat.content.core import numbering
from akimat.content.core.errors import Refusal
from akimat.content.core.principals import principal_title
from akimat.content.meetings.protocol import assignment_order
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.globalrequest import getRequest
from zope.intid.interfaces import IIntIds


HELD_STATES = ("held", "closed")
# R5.12, R12.12: the ОДК controls what akimat sessions and apparatus meetings assign; the
# responsible department or working body controls the rest.
CONTROLLED_BY_ODK = ("akimat-session", "apparatus-meeting")


class ProtocolError(Refusal):
    """A step the rules refuse; args[0] is the message for the person."""


def _translate(message):
    """In the request's language; in a script (the demo) there is none: the site's default."""
    return api.portal.translate(
        message,
        lang=None if getRequest() is not None else api.portal.get_default_language(),
    )


def vote_line(item):
    """The voting results of an agenda item as the protocol states them, or ""."""
    vote = item.vote
    if vote is None:
        return ""
    return _translate(
        _(
            "for — ${for}, against — ${against}, abstained — ${abstained}; the decision is ${outcome}.",
            mapping={
                "for": vote.votes_for,
                "against": vote.against,
                "abstained": vote.abstained,
                "outcome": _translate(
                    _("adopted") if vote.outcome == "adopted" else _("not adopted")
                ),
            },
        )
    )


def _speakers(item):
    names = [principal_title(userid) for userid in item.speakers or ()]
    return "\n".join(
        names + ([item.speakers_external] if item.speakers_external else [])
    )


def default_controller(meeting):
    if meeting.kind in CONTROLLED_BY_ODK:
        return api.portal.get_registry_record(
            "akimat.content.interfaces.IMeetingSettings.control_group", default="odk"
        )
    departments = meeting.responsible_departments()
    return departments[0] if departments else meeting.chair


def create_from_meeting(meeting, container):
    """A draft protocol of a held meeting, pre-filled from it (A6.1, A6.2): date, place, chair,
    secretary, attendees, invitees and one section per agenda item with its vote."""
    if meeting.review_state() not in HELD_STATES:
        raise ProtocolError(
            _("A protocol is written for a meeting that has been held.")
        )
    protocol_id = f"protocol-{meeting.getId()}"
    if protocol_id in container:
        raise ProtocolError(_("This meeting already has a protocol."))
    protocol = api.content.create(
        container=container,
        type="Protocol",
        id=protocol_id,
        title=meeting.Title(),
        meeting=RelationValue(getUtility(IIntIds).getId(meeting)),
        place=meeting.hall or meeting.place or "",
        chair=meeting.chair,
        secretary=meeting.secretary,
        attendees=list(meeting.attendance or meeting.member_ids()),
        invitees=list(meeting.invitees or ()),
        controller=default_controller(meeting),
        protocol_language="kk",
        form="full",
    )
    protocol.meeting_kind = meeting.kind
    protocol.meeting_date = meeting.day()
    for number, item in enumerate(meeting.agenda(), 1):
        api.content.create(
            container=protocol,
            type="ProtocolSection",
            id=f"section-{number}",
            title=item.title,
            number=number,
            speakers=_speakers(item),
            heard=_speakers(
                item
            ),  # A6.2: СЛУШАЛИ names whom; the secretary adds the substance
            decided=item.decision or "",
            votes=vote_line(item),
        )
    protocol.reindexObject()
    return protocol


def _parent_number(number):
    return number.rsplit(".", 1)[0] if "." in number else None


def numbering_problems(protocol):
    """R8.5b: items and sub-items 1, 1.1, 1.2, 2 … — unique, each sub-item under an item."""
    numbers = [assignment.number or "" for assignment in protocol.assignments()]
    if any(not number for number in numbers):
        return _("Number every assignment of the protocol: 1, 1.1, 1.2, 2 and so on.")
    duplicates = sorted(
        {number for number in numbers if numbers.count(number) > 1},
        key=assignment_order,
    )
    if duplicates:
        return _(
            "The number ${number} is given to more than one assignment.",
            mapping={"number": duplicates[0]},
        )
    orphans = [
        number
        for number in numbers
        if _parent_number(number) and _parent_number(number) not in numbers
    ]
    if orphans:
        return _(
            "The sub-item ${number} has no item ${parent}.",
            mapping={"number": orphans[0], "parent": _parent_number(orphans[0])},
        )
    return None


def check_submission(protocol):
    """Before the agreement: every section has its decision, the assignments are numbered right."""
    if not protocol.sections():
        raise WorkflowException(
            _translate(_("The protocol has no sections; add the agenda items first."))
        )
    empty = [
        section.number
        for section in protocol.sections()
        if not (section.decided or "").strip()
    ]
    if empty:
        raise WorkflowException(
            _translate(
                _(
                    "Write what was decided on item ${number}.",
                    mapping={"number": empty[0]},
                )
            )
        )
    problem = numbering_problems(protocol)
    if problem is not None:
        raise WorkflowException(_translate(problem))
    approvers, _lawyers = protocol.round_approvers()
    if not approvers:
        raise WorkflowException(
            _translate(_("Nobody is to agree the protocol; name the approvers."))
        )


def submitted(protocol):
    """R8.5d: the protocol is drawn up on the day it first goes for agreement; the round starts."""
    if protocol.drawn_up_on is None:
        protocol.drawn_up_on = working_calendar.now().date()
    agreement.start_round(protocol, *protocol.round_approvers())


def returned(protocol):
    visas.cancel_round(protocol)
    protocol.signatures = ()


def awaiting_signature(protocol):
    """Who is to sign now: the chair and the secretary who have not yet signed (A6.3)."""
    if protocol.review_state() != "signing":
        return []
    signed = {userid for userid, _when in protocol.signatures}
    return [userid for userid in protocol.signatories() if userid not in signed]


def sign(protocol, userid):
    """A6.3: the chair and the secretary sign the agreed protocol; each once."""
    if protocol.review_state() != "signing":
        raise ProtocolError(_("The protocol is signed after it has been agreed."))
    if userid not in protocol.signatories():
        raise ProtocolError(_("The protocol is signed by the chair and the secretary."))
    if userid in {signer for signer, _when in protocol.signatures}:
        raise ProtocolError(_("You have already signed this protocol."))
    protocol.signatures = tuple(protocol.signatures) + (
        (userid, working_calendar.now().isoformat(timespec="minutes")),
    )
    protocol.reindexObject()


def check_registration(protocol):
    if not protocol.fully_signed():
        raise WorkflowException(
            _translate(
                _("The ОДК registers a protocol signed by the chair and the secretary.")
            )
        )


def register(protocol):
    """A6.4, R8.7: the next number of this register (kind of meeting) in the protocol's year."""
    year = (protocol.meeting_date or working_calendar.now().date()).year
    protocol.registration_number = numbering.next_number(
        f"protocol-{protocol.meeting_kind}", year
    )
    protocol.registration_date = working_calendar.now().date()
    for assignment in protocol.assignments():
        assignment.source_reference = reference(protocol)
        assignment.reindexObject()


def reference(protocol):
    """How an assignment names its protocol in the control list (R12.4a, column 1): «№ 5, 08.12.2026»;
    the date alone until the protocol is registered."""
    day = protocol.meeting_date.strftime("%d.%m.%Y") if protocol.meeting_date else ""
    if protocol.registration_number is None:
        return day
    return f"№ {protocol.registration_number}, {day}"


def sent(protocol):
    """A6.5: the distribution list receives it; its people read it from now on."""
    protocol.sent_on = working_calendar.now().date()
