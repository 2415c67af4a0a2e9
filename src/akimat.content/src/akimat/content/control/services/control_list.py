"""GET @control-list: the control list of the ОДК (R12.4a) for integrators.

    ?date_from=2026-10-01&date_to=2026-12-31   date given, inclusive
    &source_kind=akimat-session &executor=finance &control_category=urgent
    &state=on_control|removed|overdue|yellow|green   or   &preset=weekly
    &b_start=0&b_size=25                        plone.restapi's batching

JSON items carry ISO dates and the traffic light; with
`Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` the answer is the
same list (every row) as the XLSX file the page exports.
"""

from akimat.content.control import lists as control_lists
from akimat.content.control import workbooks
from akimat.content.core import spreadsheets
from akimat.content.core.calendar import get_calendar
from akimat.content.core.calendar import now
from plone.rest.negotiation import parse_accept_header
from plone.restapi.batching import HypermediaBatch
from plone.restapi.services import Service
from zope.i18n import translate

import json


class ControlListGet(Service):
    def render(self):
        if not self._wants_xlsx():
            return super().render()
        # A spreadsheet is no JSON: answered here, past plone.restapi's JSON encoding.
        self.check_permission()
        today, calendar = now().date(), get_calendar()
        try:
            filters = control_lists.parse_filters(self.request.form)
        except control_lists.BadFilter as error:
            self.request.response.setHeader("Content-Type", "application/json")
            return json.dumps(self._bad_request(error))
        brains = control_lists.find(filters, today, calendar)
        rows = control_lists.rows(brains, self.request, today, calendar)
        weekly = filters.preset == control_lists.WEEKLY
        data = workbooks.control_list(rows, self.request, today, weekly)
        return spreadsheets.send(
            self.request.response,
            data,
            workbooks.control_list_filename(today, weekly),
        )

    def reply(self):
        today, calendar = now().date(), get_calendar()
        try:
            filters = control_lists.parse_filters(self.request.form)
        except control_lists.BadFilter as error:
            return self._bad_request(error)
        batch = HypermediaBatch(
            self.request, control_lists.find(filters, today, calendar)
        )
        rows = control_lists.rows(list(batch), self.request, today, calendar)
        answer = {
            "@id": batch.canonical_url,
            "items": [as_json(row) for row in rows],
            "items_total": batch.items_total,
        }
        if batch.links:
            answer["batching"] = batch.links
        return answer

    def _wants_xlsx(self):
        media_types = parse_accept_header(self.request.getHeader("Accept") or "")
        return bool(media_types) and "/".join(media_types[0]) == spreadsheets.XLSX

    def _bad_request(self, error):
        self.request.response.setStatus(400)
        message = translate(error.args[0], context=self.request)
        return {"error": {"type": "BadRequest", "message": message}}


def as_json(row):
    """A row with the nine columns of R12.4a under plain names, ISO dates, the traffic light."""
    return {
        "@id": row.url,
        "number": row.number,
        "source_kind": {"token": row.source_kind, "title": row.kind},
        "source_reference": row.reference,
        "date_given": _iso(row.date_given),
        "content": row.content,
        "executors": [
            {"id": principal, "title": title}
            for principal, title in zip(row.executor_ids, row.executors, strict=False)
        ],
        "deadline": _iso(row.deadline),
        "removed": row.removed,
        "removed_on": _iso(row.removed_on),
        "removal_basis": (
            {"token": row.removal_basis, "title": row.removal_basis_title}
            if row.removal_basis
            else None
        ),
        "extended": row.extended,
        "extensions_granted": row.extensions_granted,
        "note": row.note,
        "control_category": row.control_category,
        "traffic_light": row.traffic_light,
    }


def _iso(day):
    return day.isoformat() if day else None
