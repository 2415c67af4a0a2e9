"""@visas on an act or a protocol: the agreement as JSON and a visa over REST (R10.3, R10.4b, R11.4, R8.5d).

    GET   @visas                                       → {"rounds": […], "pending": […], "awaiting_me": bool}
    POST  @visas  {"decision": "agree"}                 the current user agrees
    POST  @visas  {"decision": "return", "reason": "…"} the current user returns the draft for rework

A POST answers like GET, or 400 with a JSON error saying why the visa is refused; the act moves on
by itself when the round completes or is returned (akimat.content.agreement.give_visa).
"""

from akimat.content import _
from akimat.content import agreement
from akimat.content import visas
from dataclasses import asdict
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.services import Service
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.i18n import translate
from zope.interface import alsoProvides

import transaction


DECISIONS = {"agree": True, "return": False}


def visa_data(visa):
    return json_compatible(asdict(visa))


def round_data(current):
    return json_compatible(
        {
            "number": current.number,
            "state": current.state,
            "started": current.started,
            "started_by": current.started_by,
            "closed": current.closed,
            "visas": [visa_data(visa) for visa in current.visas],
        }
    )


def agreement_data(act, userid):
    """Every round with its visas, the visas expected now, and whether `userid` is expected."""
    return {
        "rounds": [round_data(current) for current in visas.rounds(act)],
        "pending": [visa_data(visa) for visa in visas.pending(act)],
        "awaiting_me": bool(userid) and visas.awaiting(act, userid),
    }


class VisasGet(Service):
    def reply(self):
        return agreement_data(self.context, api.user.get_current().getId())


class VisasPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        userid = api.user.get_current().getId()
        try:
            data = json_body(self.request)
        except DeserializationError:
            return self.error(_("The request body is not a JSON object."))
        if not isinstance(data, dict):
            return self.error(_("The request body is not a JSON object."))
        decision = data.get("decision")
        if decision not in DECISIONS:
            return self.error(
                _("«decision» is «agree» or «return» (R10.4b: there is no agreement with remarks).")
            )
        reason = data.get("reason")
        if reason is not None and not isinstance(reason, str):
            return self.error(_("«reason» is a text."))
        try:
            agreement.give_visa(self.context, userid, agree=DECISIONS[decision], reason=reason)
        except visas.VisaError as error:
            return self.error(error.args[0])
        except WorkflowException as error:
            return self.error(str(error))
        return agreement_data(self.context, userid)

    def error(self, message):
        # Nothing of a refused visa is kept, even if a part was already written.
        transaction.doom()
        self.request.response.setStatus(400)
        return {"error": {"type": "BadRequest", "message": translate(message, context=self.request)}}
