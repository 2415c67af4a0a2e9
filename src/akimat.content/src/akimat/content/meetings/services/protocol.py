"""A protocol from its meeting, and the signatures of the chair and the secretary (RULES.md R8, A6).

    POST  <meeting>/@protocol  {}   → 201, the new draft protocol, Location: its URL (A6.1, A6.2)
    POST  <protocol>/@sign     {}   the current user signs (A6.3) → the protocol's block

The rest of a protocol's life is plone.restapi's own: PATCH for its fields, POST into it for
sections and assignments, @workflow/<transition>, and @visas for the agreement.
"""

from akimat.content import _
from akimat.content.meetings import protocol_life_cycle as protocols
from akimat.content.meetings.serializers import protocol_data
from akimat.content.services.base import error
from akimat.content.services.base import JsonAction
from plone import api
from plone.restapi.interfaces import ISerializeToJson
from zope.component import getMultiAdapter


ADD_PROTOCOL = "akimat.content: Add Protocol"


def protocols_container(meeting):
    """The «Протоколы» section of the site, or the meeting's own folder where there is none."""
    section = api.portal.get().get("protocols")
    return section if section is not None else meeting.__parent__


class ProtocolPost(JsonAction):
    def act(self, data, userid):
        container = protocols_container(self.context)
        if not api.user.has_permission(ADD_PROTOCOL, obj=container):
            return error(
                self.request, 403, "Forbidden", _("You may not draw up protocols.")
            )
        protocol = protocols.create_from_meeting(self.context, container)
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", protocol.absolute_url())
        serialized = getMultiAdapter((protocol, self.request), ISerializeToJson)()
        # The batching of the serializer takes its URL from the request, here the meeting's.
        serialized["@id"] = protocol.absolute_url()
        return serialized


class SignPost(JsonAction):
    def act(self, data, userid):
        protocols.sign(self.context, userid)
        return protocol_data(self.context)
