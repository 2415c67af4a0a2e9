"""GET @inbox: «Ждёт моего действия» of the current user for integrators and mobile clients.

The rows of @@inbox (browser/inbox.py), most urgent first, with ?kind= and ?urgency= as there;
an unknown value answers 400 saying which values there are.
"""

from akimat.content.browser.inbox import parse_filters
from akimat.content.browser.inbox import request_inbox
from akimat.content.browser.inbox import row
from akimat.content.core.parameters import BadParameter
from akimat.content.services.base import error
from plone.restapi.services import Service
from zope.i18n import translate


class InboxGet(Service):
    def reply(self):
        current = request_inbox(self.request)
        try:
            filters = parse_filters(self.request.form, current.kinds)
        except BadParameter as refusal:
            return error(self.request, 400, "BadRequest", refusal.args[0])
        entries = current.filtered(filters.kind, filters.urgency)
        titles = {
            kind.id: translate(kind.title, context=self.request)
            for kind in current.kinds
        }
        per_kind = dict.fromkeys(titles, 0)
        for entry in entries.entries:
            per_kind[entry.action.kind] = per_kind.get(entry.action.kind, 0) + 1
        query = filters.query()
        return {
            "@id": f"{self.context.absolute_url()}/@inbox"
            + (f"?{query}" if query else ""),
            "items_total": len(entries),
            "counts": entries.counts(),
            # Every kind the providers answer, so a client knows the values of ?kind=.
            "kinds": [
                {"id": kind_id, "title": titles.get(kind_id, kind_id), "count": count}
                for kind_id, count in per_kind.items()
            ],
            "items": [self._item(entry, titles) for entry in entries.entries],
        }

    def _item(self, entry, titles):
        shown = row(entry, self.request)
        return {
            "kind": entry.action.kind,
            "kind_title": titles.get(entry.action.kind, entry.action.kind),
            "uid": entry.action.uid,
            "title": entry.action.title,
            "@id": entry.action.url,
            "due": entry.action.due.isoformat() if entry.action.due else None,
            "urgency": entry.urgency,
            "urgency_title": shown["urgency_title"],
            "light": entry.light,
            "days_left": entry.days_left,
            "urgent": entry.action.urgent,
            "note": shown["note"],
        }
