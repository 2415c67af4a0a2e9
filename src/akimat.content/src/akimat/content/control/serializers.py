"""JSON of an assignment: plone.restapi's own, plus what control computes (R12)."""

from akimat.content.control.assignment import IAssignment
from akimat.content.control.rules import ControlError
from akimat.content.serializers.base import SerializeWithComputedBlock
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.converters import json_compatible
from zope.component import adapter
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.interface import implementer
from zope.interface import Interface


def control_data(assignment):
    """The computed control data of an assignment, JSON-ready."""
    lead_report, co_report = assignment.report_due_dates()
    return json_compatible(
        {
            "on_control": assignment.on_control(),
            "deadline": assignment.effective_deadline(),
            "control_category": assignment.control_category(),
            "traffic_light": assignment.traffic_light(),
            "working_days_left": assignment.working_days_left(),
            "report_due": {"lead_executor": lead_report, "co_executors": co_report},
            "executors": assignment.executors(),
            "extensions": [dict(extension) for extension in assignment.extensions],
            "extension_request": extension_request(assignment),
            "removal_basis": assignment.removal_basis,
            "removal_consent": list(assignment.removal_consent or ()) or None,
        }
    )


def extension_request(assignment):
    """Whether an executor may ask for more time today, and why not (R12.6, R12.7b)."""
    try:
        assignment.check_extension_possible()
    except ControlError as refusal:
        return {
            "allowed": False,
            "message": translate(refusal.args[0], context=getRequest()),
        }
    return {"allowed": True, "message": None}


@implementer(ISerializeToJson)
@adapter(IAssignment, Interface)
class SerializeAssignmentToJson(SerializeWithComputedBlock):
    block = "control"

    def computed(self):
        return control_data(self.context)
