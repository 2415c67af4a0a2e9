"""The preparation timetable of a meeting (RULES.md R5, R5.57).

GET   <meeting>/@preparation                                  → {"steps": […], "late_steps": […]}
POST  <meeting>/@preparation  {"step": "agenda", "done": true}  marks a step done (false: not done)
"""

from akimat.content.meetings.serializers import preparation_data
from akimat.content.services.base import BOOLEAN
from akimat.content.services.base import JsonAction
from akimat.content.services.base import TEXT
from plone.restapi.services import Service


def timetable(meeting, request):
    return {
        "@id": f"{meeting.absolute_url()}/@preparation",
        "steps": preparation_data(meeting, request),
        "late_steps": meeting.late_steps(),
    }


class PreparationGet(Service):
    def reply(self):
        return timetable(self.context, self.request)


class PreparationPost(JsonAction):
    refusals = (ValueError,)  # Meeting.mark_step: no such step
    keys = {"step": TEXT, "done": BOOLEAN}

    def act(self, data, userid):
        self.context.mark_step(
            data.get("step"), userid, done=data.get("done") is not False
        )
        return timetable(self.context, self.request)
