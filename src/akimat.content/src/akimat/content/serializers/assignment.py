"""JSON of an assignment: plone.restapi's own, plus what control computes (R12)."""

from akimat.content.content.assignment import IAssignment
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.serializer.dxcontent import SerializeFolderToJson
from zope.component import adapter
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
            "removal_basis": assignment.removal_basis,
            "removal_consent": list(assignment.removal_consent or ()) or None,
        }
    )


@implementer(ISerializeToJson)
@adapter(IAssignment, Interface)
class SerializeAssignmentToJson(SerializeFolderToJson):
    def __call__(self, version=None, include_items=True, include_expansion=True):
        result = super().__call__(
            version=version, include_items=include_items, include_expansion=include_expansion
        )
        result["control"] = control_data(self.context)
        return result
