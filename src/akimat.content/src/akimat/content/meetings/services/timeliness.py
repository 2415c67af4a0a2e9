"""GET @protocol-timeliness: the ОДК's Monday report on the past week's protocols (RULES.md R8.6).

    ?week=2026-12-14   the protocols of meetings in the Monday–Sunday week before that date;
                       without it, the last full week before today

Each protocol with its meeting, the day it was due (1 working day after the meeting, R8.5d), the
day it was drawn up and the working days it was late (until today when it is not drawn up yet).
"""

from akimat.content.control.lists import term_title
from akimat.content.core.calendar import now
from akimat.content.core.parameters import BadParameter
from akimat.content.core.parameters import parse_date
from akimat.content.meetings import protocol_reports
from akimat.content.meetings.vocabularies import MEETING_KINDS
from akimat.content.services.base import bad_request
from plone.restapi.services import Service


class ProtocolTimelinessGet(Service):
    def reply(self):
        today = now().date()
        week = self.request.form.get("week")
        try:
            day = parse_date("week", week) if week else today
        except BadParameter as refusal:
            return bad_request(self.request, refusal.args[0])
        first, last = protocol_reports.week_before(day)
        rows = protocol_reports.week_rows(first, last, today)
        return {
            "@id": f"{self.context.absolute_url()}/@protocol-timeliness?week={day.isoformat()}",
            "week": {"start": first.isoformat(), "end": last.isoformat()},
            "items": [self.as_json(row) for row in rows],
            "items_total": len(rows),
        }

    def as_json(self, row):
        return {
            "@id": row.url,
            "title": row.title,
            "review_state": row.review_state,  # null: the meeting has no protocol yet
            "meeting_kind": {
                "token": row.meeting_kind,
                "title": term_title(MEETING_KINDS, row.meeting_kind, self.request),
            },
            "meeting_date": row.meeting_date.isoformat(),
            "due": _iso(row.due),
            "drawn_up_on": _iso(row.drawn_up_on),
            "days_late": row.days_late,
            "late": row.late,
        }


def _iso(day):
    return day.isoformat() if day else None
