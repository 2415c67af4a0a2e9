"""What our POST services share: a JSON object in, the refusals of the rules out as 400 with
{"error": {"type", "message"}} in the request's language, and nothing of a refused request kept."""

from akimat.content import _
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.services import Service
from zope.i18n import translate
from zope.interface import alsoProvides

import transaction


def error(request, status, kind, message):
    request.response.setStatus(status)
    return {"error": {"type": kind, "message": translate(message, context=request)}}


def bad_request(request, message):
    # Nothing of a refused request is kept, even if a part was already written.
    transaction.doom()
    return error(request, 400, "BadRequest", message)


class JsonAction(Service):
    """Subclasses `act` on the JSON object of the body for the current user; the exceptions in
    `refusals` carry the message for the person in args[0]."""

    refusals = ()

    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            data = json_body(self.request)
        except DeserializationError:
            return bad_request(self.request, _("The request body is not a JSON object."))
        if not isinstance(data, dict):
            return bad_request(self.request, _("The request body is not a JSON object."))
        try:
            return self.act(data, api.user.get_current().getId())
        except self.refusals as refusal:
            return bad_request(self.request, refusal.args[0])

    def act(self, data, userid):
        raise NotImplementedError
