"""JSON of a protocol: plone.restapi's own, plus what the rules compute (RULES.md R8, A6)."""

from akimat.content.content.protocol import IProtocol
from akimat.content.serializers.base import SerializeWithComputedBlock
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.converters import json_compatible
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Interface


def _children(objects):
    return [{"number": obj.number, "title": obj.Title(), "@id": obj.absolute_url()} for obj in objects]


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
            "signatures": [{"userid": userid, "when": when} for userid, when in protocol.signatures],
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
