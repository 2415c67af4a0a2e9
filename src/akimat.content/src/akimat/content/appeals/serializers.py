"""JSON of an appeal: plone.restapi's own, plus its terms and earlier appeals (RULES.md R13)."""

from akimat.content.appeals import history as appeal_history
from akimat.content.appeals.appeal import IAppeal
from akimat.content.serializers.base import SerializeWithComputedBlock
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.converters import json_compatible
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Interface


def appeal_data(appeal):
    """The computed data of an appeal, JSON-ready; earlier appeals only as far as the user sees."""
    return json_compatible(
        {
            "review_state": appeal.review_state(),
            "registration_number": appeal.registration_number,
            "registration_date": appeal.registration_date,
            "review_deadline": appeal.review_deadline(),
            "passing_on_deadline": appeal.passing_on_deadline(),  # R13.9, R13.11
            "dispatch_date": appeal.dispatch_date(),  # R0.5
            "repeated": appeal_history.repeated(appeal),
            "earlier_appeals": appeal_history.visible_urls(appeal),
        }
    )


@implementer(ISerializeToJson)
@adapter(IAppeal, Interface)
class SerializeAppealToJson(SerializeWithComputedBlock):
    block = "appeal"

    def computed(self):
        return appeal_data(self.context)
