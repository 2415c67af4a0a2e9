"""POST services for the actions of control on an assignment, for integrators (R12).

    @extension            {"new_deadline": "2027-01-15", "reason": "…"}   an executor asks (R12.6)
    @extension-decision   {"grant": false, "reason": "…"}                 the leadership decides (R12.7a)
    @removal-consent      {}                                                the leadership consents (R12.14)
    @remove-from-control  {"basis": "executed", "comment": "…"}            the controller removes (R12.9)

Each answers with the assignment's control data, or 400 with a JSON error saying why not.
"""

from akimat.content import _
from akimat.content.control.rules import ControlError
from akimat.content.control.serializers import control_data
from akimat.content.core.bounds import OutOfRange
from akimat.content.services.base import BOOLEAN
from akimat.content.services.base import iso_date
from akimat.content.services.base import JsonAction
from akimat.content.services.base import TEXT


class ControlAction(JsonAction):
    """Runs one action of control and answers the assignment's control data."""

    refusals = (OutOfRange,)

    def act(self, data, userid):
        self.control(data, userid)
        self.context.reindexObject()
        return control_data(self.context)

    def control(self, data, userid):
        raise NotImplementedError


class RequestExtension(ControlAction):
    keys = {"new_deadline": TEXT, "reason": TEXT}

    def control(self, data, userid):
        self.context.request_extension(
            userid, iso_date(data.get("new_deadline")), data.get("reason")
        )


class DecideExtension(ControlAction):
    keys = {"grant": BOOLEAN, "exceptional": BOOLEAN, "reason": TEXT}

    def control(self, data, userid):
        if data.get("grant") is None:
            raise ControlError(
                _("Say whether the extension is granted: «grant» is true or false.")
            )
        self.context.decide_extension(
            userid,
            data["grant"],
            bool(data.get("exceptional")),
            reason=data.get("reason") or "",
        )


class ConsentToRemoval(ControlAction):
    def control(self, data, userid):
        self.context.consent_to_removal(userid)


class RemoveFromControl(ControlAction):
    keys = {"basis": TEXT, "comment": TEXT}

    def control(self, data, userid):
        self.context.remove_from_control(data.get("basis"), data.get("comment") or "")
