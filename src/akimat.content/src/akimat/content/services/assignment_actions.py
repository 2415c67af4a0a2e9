"""POST services for the actions of control on an assignment, for integrators (R12).

    @extension            {"new_deadline": "2027-01-15", "reason": "…"}   an executor asks (R12.6)
    @extension-decision   {"grant": true, "exceptional": false}            the leadership decides (R12.7a)
    @removal-consent      {}                                                the leadership consents (R12.14)
    @remove-from-control  {"basis": "executed", "comment": "…"}            the controller removes (R12.9)

Each answers with the assignment's control data, or 400 with a JSON error saying why not.
"""

from akimat.content import _
from akimat.content.control import ControlError
from akimat.content.serializers.assignment import control_data
from datetime import date
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.services import Service
from zope.i18n import translate
from zope.interface import alsoProvides


class ControlAction(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            self.act(json_body(self.request), api.user.get_current().getId())
        except DeserializationError:
            return self.error(_("The request body is not a JSON object."))
        except ControlError as error:
            return self.error(error.args[0])
        self.context.reindexObject()
        return control_data(self.context)

    def error(self, message):
        self.request.response.setStatus(400)
        return {"error": {"type": "BadRequest", "message": translate(message, context=self.request)}}

    def act(self, data, userid):
        raise NotImplementedError


def _date(value):
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ControlError(_("«${value}» is not a date; write it as YYYY-MM-DD.", mapping={"value": value}))


class RequestExtension(ControlAction):
    def act(self, data, userid):
        self.context.request_extension(userid, _date(data.get("new_deadline")), data.get("reason"))


class DecideExtension(ControlAction):
    def act(self, data, userid):
        if not isinstance(data.get("grant"), bool):
            raise ControlError(_("Say whether the extension is granted: «grant» is true or false."))
        self.context.decide_extension(userid, data["grant"], bool(data.get("exceptional")))


class ConsentToRemoval(ControlAction):
    def act(self, data, userid):
        self.context.consent_to_removal(userid)


class RemoveFromControl(ControlAction):
    def act(self, data, userid):
        self.context.remove_from_control(data.get("basis"), data.get("comment") or "")
