"""@visas on an act or a protocol: the agreement as JSON and a visa over REST (R10.3, R10.4b, R11.4, R8.5d).

    GET   @visas                                       → {"rounds": […], "pending": […], "awaiting_me": bool}
    POST  @visas  {"decision": "agree"}                 the current user agrees
    POST  @visas  {"decision": "return", "reason": "…"} the current user returns the draft for rework

A POST answers like GET, or 400 with a JSON error saying why the visa is refused; the act moves on
by itself when the round completes or is returned (akimat.content.agreement.agreement.give_visa).
"""

from akimat.content import _
from akimat.content.agreement import agreement
from akimat.content.agreement import visas
from akimat.content.services.base import JsonAction
from akimat.content.services.base import TEXT
from dataclasses import asdict
from plone import api
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.services import Service
from Products.CMFCore.WorkflowCore import WorkflowException


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


class VisasPost(JsonAction):
    refusals = (WorkflowException,)
    keys = {"decision": TEXT, "reason": TEXT}

    def act(self, data, userid):
        decision = data.get("decision")
        if decision not in DECISIONS:
            raise visas.VisaError(
                _(
                    "«decision» is «agree» or «return» (there is no agreement with remarks)."
                )
            )
        agreement.give_visa(
            self.context, userid, agree=DECISIONS[decision], reason=data.get("reason")
        )
        return agreement_data(self.context, userid)
