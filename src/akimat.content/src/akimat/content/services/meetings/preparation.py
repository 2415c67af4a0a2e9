"""The preparation timetable of a meeting (RULES.md R5, R5.57).

    GET   <meeting>/@preparation                                  → {"steps": […], "late_steps": […]}
    POST  <meeting>/@preparation  {"step": "agenda", "done": true}  marks a step done (false: not done)
"""

from akimat.content import _
from akimat.content.serializers.meeting import preparation_data
from akimat.content.services.base import JsonAction
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

    def act(self, data, userid):
        done = data.get("done", True)
        if not isinstance(done, bool):
            raise ValueError(_("«done» is true or false."))
        self.context.mark_step(data.get("step"), userid, done=done)
        return timetable(self.context, self.request)
