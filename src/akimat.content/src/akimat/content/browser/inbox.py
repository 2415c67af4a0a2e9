"""«Ждёт моего действия» as people see it: the rows of `core.inbox.inbox()`, its filters and the
page `@@inbox`. `GET @inbox`, the front page and the navigation bar's count read the same
`request_inbox()`, computed once per request."""

from akimat.content import _
from akimat.content.browser.formatting import format_date
from akimat.content.core import calendar as working_calendar
from akimat.content.core.inbox import inbox
from akimat.content.core.inbox import LIGHT_CSS
from akimat.content.core.inbox import OVERDUE
from akimat.content.core.inbox import TODAY
from akimat.content.core.inbox import URGENCIES
from akimat.content.core.inbox import URGENCY_TITLES
from akimat.content.core.parameters import BadParameter
from dataclasses import dataclass
from plone import api
from plone.batching import Batch
from plone.memoize import ram
from Products.Five.browser import BrowserView
from urllib.parse import urlencode
from zope.annotation.interfaces import IAnnotations
from zope.i18n import translate


SHOWN_PER_GROUP = 10  # rows of a kind on the whole page and the front page
PAGE_SIZE = 50  # rows of one kind per page when filtered by kind
REQUEST_KEY = "akimat.content.inbox"


def _committed_catalog_state():
    """What identifies the catalog's committed content: its change counter's value and the
    transaction that stored it; None while this transaction has changed the catalog."""
    catalog = api.portal.get_tool("portal_catalog")
    value = catalog.getCounter()  # indexes what is queued first
    counter = catalog._counter
    if counter is None or counter._p_changed or counter._p_serial is None:
        return None
    return (value, counter._p_serial)


@ram.cache(
    lambda function, userid, groups, today, state: (userid, groups, today, state)
)
def _remembered_inbox(userid, groups, today, state):
    """The inbox as of one committed state of the catalog: the navigation bar shows its count
    on every page, and the providers' queries only change their answer when the catalog does."""
    return inbox(today=today)


def request_inbox(request):
    """The current user's inbox today, computed once per request: the front page and the
    navigation bar's count in the same page do not ask the providers twice; and once per
    committed state of the catalog, as long as the user's groups stay the same."""
    cache = IAnnotations(request).setdefault(REQUEST_KEY, {})
    user = api.user.get_current()
    userid = user.getId()
    if userid not in cache:
        state = _committed_catalog_state()
        today = working_calendar.now().date()
        cache[userid] = (
            inbox(today=today)
            if state is None or userid is None
            else _remembered_inbox(userid, tuple(user.getGroups()), today, state)
        )
    return cache[userid]


@dataclass(frozen=True)
class Filters:
    kind: str = None  # a Kind's id
    urgency: str = None  # one of URGENCIES

    def query(self, **changes):
        """The filters as the query string of @@inbox, with `changes` applied."""
        params = {"kind": self.kind, "urgency": self.urgency, **changes}
        return urlencode({name: value for name, value in params.items() if value})


def parse_filters(form, kinds):
    """Filters from request parameters: `kind` one of the Kinds `kinds`, `urgency` one of
    URGENCIES; empty means any. BadParameter names what is wrong and what is allowed."""
    values = {}
    for name, allowed in (
        ("kind", [kind.id for kind in kinds]),
        ("urgency", URGENCIES),
    ):
        value = form.get(name) or None
        if value is not None and value not in allowed:
            raise BadParameter(
                _(
                    "«${value}» is not a valid value of «${name}»; use one of: ${allowed}.",
                    mapping={
                        "value": str(value),
                        "name": name,
                        "allowed": ", ".join(allowed),
                    },
                )
            )
        values[name] = value
    return Filters(**values)


def lenient_filters(form, kinds):
    """The filters of a page: a value it does not know is left out rather than refused."""
    values = {}
    for name in ("kind", "urgency"):
        try:
            values[name] = getattr(parse_filters({name: form.get(name)}, kinds), name)
        except BadParameter:
            values[name] = None
    return Filters(**values)


def due_text(entry):
    """How far the due date is, in working days: overdue by N, today, N left; '' without one."""
    if entry.action.due is None:
        return ""
    if entry.urgency == OVERDUE:
        if entry.days_left == 0:  # due on Friday, seen on Saturday
            return URGENCY_TITLES[OVERDUE]
        return _("Overdue by ${days} working days", mapping={"days": -entry.days_left})
    if entry.urgency == TODAY:
        return _("today")
    return _("${days} working days left", mapping={"days": entry.days_left})


def row(entry, request):
    """One entry as a page shows it, its texts in the request's language."""
    action = entry.action
    return {
        "kind": action.kind,
        "uid": action.uid,
        "title": action.title,
        "url": action.url,
        "due": format_date(action.due),
        "due_text": translate(due_text(entry), context=request),
        "days_left": entry.days_left,
        "urgency": entry.urgency,
        "urgency_title": translate(URGENCY_TITLES[entry.urgency], context=request),
        "light": entry.light,
        "light_css": LIGHT_CSS[entry.light],
        "urgent": action.urgent,
        "note": translate(action.note, context=request) if action.note else "",
    }


def groups(entries, request, inbox_url, filters=None, shown=SHOWN_PER_GROUP):
    """The groups of an Inbox by kind, the most urgent first, each with its count and its first
    `shown` rows; `more_url` is the page of that kind alone, all of its rows."""
    filters = filters or Filters()
    return [
        {
            "id": kind.id,
            "title": translate(kind.title, context=request),
            "count": len(kind_entries),
            "rows": [row(entry, request) for entry in kind_entries[:shown]],
            "more_url": f"{inbox_url}?{filters.query(kind=kind.id)}",
        }
        for kind, kind_entries in entries.groups()
    ]


class InboxView(BrowserView):
    """@@inbox: everything that waits for the current user, grouped by kind, most urgent first;
    filtered by kind (then batched) and by urgency."""

    def __call__(self):
        self.inbox = request_inbox(self.request)
        self.filters = lenient_filters(self.request.form, self.inbox.kinds)
        self.entries = self.inbox.filtered(self.filters.kind, self.filters.urgency)
        return self.index()

    @property
    def macros(self):
        """The rows' macros, which the front page shares."""
        return self.index.macros

    @property
    def url(self):
        return f"{api.portal.get().absolute_url()}/@@inbox"

    def filtered(self):
        return self.filters != Filters()

    def groups(self):
        if self.filters.kind is None:
            return groups(self.entries, self.request, self.url, self.filters)
        return [
            # All of the kind, a batch at a time: no link to the page it is.
            {
                **group,
                "rows": [row(entry, self.request) for entry in self.batch()],
                "more_url": None,
            }
            for group in groups(self.entries, self.request, self.url, self.filters, 0)
        ]

    def batch(self):
        """The rows of the one kind filtered by, a page of them at a time."""
        if not hasattr(self, "_batch"):
            start = str(self.request.form.get("b_start", ""))
            self._batch = Batch(
                self.entries.entries, PAGE_SIZE, int(start) if start.isdigit() else 0
            )
        return self._batch

    def kind_options(self):
        counts = {}
        for entry in self.inbox.entries:
            counts[entry.action.kind] = counts.get(entry.action.kind, 0) + 1
        return [
            {
                "value": kind.id,
                "title": translate(kind.title, context=self.request),
                "count": counts.get(kind.id, 0),
                "selected": kind.id == self.filters.kind,
            }
            for kind in self.inbox.kinds
        ]

    def urgency_options(self):
        counts = self.inbox.filtered(self.filters.kind).counts()
        return [
            {
                "value": urgency,
                "title": translate(URGENCY_TITLES[urgency], context=self.request),
                "count": counts[urgency],
                "selected": urgency == self.filters.urgency,
            }
            for urgency in URGENCIES
        ]
