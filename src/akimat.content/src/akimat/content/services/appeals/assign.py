"""POST @assign on an appeal: the appeals department gives an assignment, as on the page (R13.8).

    POST @assign  {"executors": ["economy", "tursynbayev"], "deadline": "2027-01-15"}

The first executor leads, the rest co-execute, the appeals department controls; the deadline is
optional (the review term, or an earlier day). Answers 201 with the assignment's JSON, or 400
with a JSON error saying why not (an unregistered appeal, no or unknown executors, a bad date).
"""

from akimat.content import _
from akimat.content import appeal_review
from akimat.content.services.base import JsonAction
from datetime import date
from plone.restapi.interfaces import ISerializeToJson
from zope.component import getMultiAdapter


class Assign(JsonAction):
    refusals = (appeal_review.AssignmentRefused,)

    def act(self, data, userid):
        executors = data.get("executors")
        if not isinstance(executors, list) or not all(isinstance(p, str) for p in executors):
            raise appeal_review.AssignmentRefused(_("«executors» is a list of logins or group ids."))
        assignment = appeal_review.assign(self.context, executors, _deadline(data.get("deadline")))
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", assignment.absolute_url())
        return getMultiAdapter((assignment, self.request), ISerializeToJson)()


def _deadline(value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise appeal_review.AssignmentRefused(
            _("«${value}» is not a date; write it as YYYY-MM-DD.", mapping={"value": value}))
