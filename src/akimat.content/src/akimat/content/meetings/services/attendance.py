"""Attendance of a meeting and the votes on its agenda items (RULES.md R5.4).

    POST  <meeting>/@attendance  {"present": ["userid", …]}              → the meeting's block
    POST  <item>/@vote           {"for": 5, "against": 1, "abstained": 0} → the agenda item's block

Without a quorum, with a stranger among those present or with wrong numbers: 400 saying why.
"""

from akimat.content import _
from akimat.content.meetings.serializers import agenda_item_data
from akimat.content.meetings.serializers import meeting_data
from akimat.content.meetings.votes import VoteError
from akimat.content.services.base import JsonAction
from akimat.content.services.base import TEXTS
from akimat.content.services.base import WHOLE_NUMBER


class AttendancePost(JsonAction):
    keys = {"present": TEXTS}

    def act(self, data, userid):
        present = data.get("present")
        if present is None:
            raise VoteError(_("«present» is a list of user ids."))
        self.context.record_attendance(present)
        return meeting_data(self.context, self.request)


class VotePost(JsonAction):
    keys = {"for": WHOLE_NUMBER, "against": WHOLE_NUMBER, "abstained": WHOLE_NUMBER}

    def act(self, data, userid):
        self.context.record_vote(
            data.get("for"), data.get("against"), data.get("abstained")
        )
        return agenda_item_data(self.context)
