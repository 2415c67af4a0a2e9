"""What our POST services share: a JSON object in, the refusals of the rules out as 400 with
{"error": {"type", "message"}} in the request's language, and nothing of a refused request kept."""

from akimat.content import _
from akimat.content.core.errors import Refusal
from datetime import date
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.services import Service
from zope.i18n import translate
from zope.interface import alsoProvides

import transaction


# The JSON types a service may declare for the keys it reads, with the refusal of another type.
TEXT, BOOLEAN, WHOLE_NUMBER, TEXTS = "text", "boolean", "whole number", "list of texts"
EXPECTED = {
    TEXT: _("«${key}» must be a text."),
    BOOLEAN: _("«${key}» must be true or false."),
    WHOLE_NUMBER: _("«${key}» must be a whole number."),
    TEXTS: _("«${key}» must be a list of texts."),
}


def is_json_type(value, expected):
    """Whether a JSON value is of the `expected` type; a JSON true or false is no number."""
    if expected == TEXT:
        return isinstance(value, str)
    if expected == BOOLEAN:
        return isinstance(value, bool)
    if expected == WHOLE_NUMBER:
        return isinstance(value, int) and not isinstance(value, bool)
    if expected == TEXTS:
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    raise ValueError(expected)


class NotADate(ValueError):
    """A JSON value meant as a date that is none; args[0] is the message for the person."""


def iso_date(value):
    """The date of a JSON text «YYYY-MM-DD»."""
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise NotADate(
            _(
                "«${value}» is not a date; write it as YYYY-MM-DD.",
                mapping={"value": value},
            )
        ) from None


def error(request, status, kind, message):
    request.response.setStatus(status)
    return {"error": {"type": kind, "message": translate(message, context=request)}}


def bad_request(request, message):
    # Nothing of a refused request is kept, even if a part was already written.
    transaction.doom()
    return error(request, 400, "BadRequest", message)


class JsonAction(Service):
    """Subclasses `act` on the JSON object of the body for the current user. A rule's `Refusal`
    (and the exceptions in `refusals`) carry the message for the person in args[0].

    `keys` declares the JSON type of each key `act` reads (TEXT, BOOLEAN, …): another type is
    refused before `act` runs, naming the key. An absent key and null are the same to `act`.
    """

    refusals = ()
    keys = {}

    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            data = json_body(self.request)
        except DeserializationError:
            return bad_request(
                self.request, _("The request body is not a JSON object.")
            )
        for key, expected in self.keys.items():
            if data.get(key) is not None and not is_json_type(data[key], expected):
                return bad_request(
                    self.request, _(EXPECTED[expected], mapping={"key": key})
                )
        try:
            return self.act(data, api.user.get_current().getId())
        except (NotADate, Refusal, *self.refusals) as refusal:
            return bad_request(self.request, refusal.args[0])

    def act(self, data, userid):
        raise NotImplementedError
