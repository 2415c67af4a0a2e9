"""POST @assign on an appeal: the appeals department gives an assignment, as on the page (R13.8).

    POST @assign  {"executors": ["economy", "tursynbayev"], "deadline": "2027-01-15"}

The first executor leads, the rest co-execute, the appeals department controls; the deadline is
optional (the review term, or an earlier day). Answers 201 with the assignment's JSON, or 400
with a JSON error saying why not (an unregistered appeal, no or unknown executors, a bad date).
"""

from akimat.content.appeals import review as appeal_review
from akimat.content.services.base import iso_date
from akimat.content.services.base import JsonAction
from akimat.content.services.base import TEXT
from akimat.content.services.base import TEXTS
from plone.restapi.interfaces import ISerializeToJson
from zope.component import getMultiAdapter


class Assign(JsonAction):
    keys = {"executors": TEXTS, "deadline": TEXT}

    def act(self, data, userid):
        deadline = (
            iso_date(data["deadline"]) if data.get("deadline") is not None else None
        )
        assignment = appeal_review.assign(
            self.context, data.get("executors") or [], deadline
        )
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", assignment.absolute_url())
        return getMultiAdapter((assignment, self.request), ISerializeToJson)()
