"""JSON of an act: plone.restapi's own, plus what the rules compute (RULES.md R10)."""

from akimat.content.acts.act import IAct
from akimat.content.serializers.base import SerializeWithComputedBlock
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.converters import json_compatible
from zope.component import adapter
from zope.i18n import translate
from zope.interface import implementer
from zope.interface import Interface


def act_data(act, request):
    """The computed data of an act, JSON-ready; messages translated for the request."""
    return json_compatible(
        {
            "review_state": act.review_state(),
            "registration_number": act.registration_number,
            "registration_date": act.registration_date,
            "missing_attachments": [
                translate(label, context=request) for label in act.missing_attachments()
            ],
            "round_deadline": act.round_deadline(),
            "late_approvers": act.late_approvers(),
            "signing_deadline": act.signing_deadline(),  # R10.15
            "rework_deadline": act.rework_deadline(),  # R10.13
        }
    )


@implementer(ISerializeToJson)
@adapter(IAct, Interface)
class SerializeActToJson(SerializeWithComputedBlock):
    block = "act"

    def computed(self):
        return act_data(self.context, self.request)
