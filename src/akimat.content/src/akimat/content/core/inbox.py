"""«Ждёт моего действия»: everything that waits for a person, gathered from every domain.

Each domain registers in its own configure.zcml a named utility providing `IInboxProvider`: it
answers, from catalog queries only, the actions waiting for the current user (a visa to give, an
act to sign, an assignment to execute…). This module places each action in time — overdue, due
today, within 3 working days, later — and orders them; the front page, `@@inbox`, `GET @inbox`
and the mails all read `inbox()`, so they never disagree.

Providers query as the current user: `inbox(user)` for somebody else (the mails) adopts that
user first, so an action never reaches a person who may not see its document.
"""

from akimat.content import _
from akimat.content.core import calendar as working_calendar
from contextlib import nullcontext
from contextvars import ContextVar
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from plone import api
from zope.component import getUtilitiesFor
from zope.interface import Attribute
from zope.interface import Interface


SOON_WORKING_DAYS = 3  # the reminders' window (R12.4c)

OVERDUE, TODAY, SOON, LATER = "overdue", "today", "soon", "later"
URGENCIES = (OVERDUE, TODAY, SOON, LATER)
URGENCY_TITLES = {
    OVERDUE: _("Overdue"),
    TODAY: _("Due today"),
    SOON: _("Within 3 working days"),
    LATER: _("Later"),
}
# The traffic light of R12.4b, for every kind of action alike.
LIGHTS = {OVERDUE: "red", TODAY: "yellow", SOON: "yellow", LATER: "green"}
LIGHT_CSS = {
    "red": "text-bg-danger",
    "yellow": "text-bg-warning",
    "green": "text-bg-success",
}


@dataclass(frozen=True)
class Kind:
    """A kind of action, e.g. «Визы на актах»; `id` is what filters and JSON name it by."""

    id: str
    title: str  # a message id of the akimat domain


@dataclass(frozen=True)
class Action:
    """One thing a person is expected to do about one document."""

    kind: str  # a Kind's id
    uid: str
    title: str
    url: str
    due: date | None = None  # by when, when a rule says so
    urgent: bool = False  # the document carries an urgency mark («срочно», R12.2a)
    note: str = ""  # what exactly, when the kind does not say it (a message or text)


# Extra catalog terms that narrow every provider's queries while one inbox is built (`find`).
_scope = ContextVar("akimat_inbox_scope", default=())


def find(**query):
    """A provider's catalog query, as the current user, narrowed to the documents the inbox is
    asked about (`inbox(…, uids=…)`): the urgent mails ask about the changed documents only."""
    return api.content.find(**query, **dict(_scope.get()))


def action_of(kind, brain, due=None, *, urgent=False, note=""):
    """The Action about the document of a catalog brain."""
    return Action(
        kind=kind,
        uid=brain.UID,
        title=brain.Title,
        url=brain.getURL(),
        due=due,
        urgent=urgent,
        note=note,
    )


@dataclass(frozen=True)
class Entry:
    """An action placed in time on a given day."""

    action: Action
    urgency: str  # one of URGENCIES
    days_left: int | None  # working days to the due date, negative when overdue

    @property
    def light(self):
        return LIGHTS[self.urgency]


class IInboxProvider(Interface):
    """What one domain asks of a person: register it as a named utility."""

    kinds = Attribute("The Kinds of action it answers, in the order they are shown.")
    waits_in = Attribute(
        "The (workflow id, state id) pairs whose waiting for a person it reports."
    )

    def actions(user, today, calendar):
        """The Actions waiting for `user`, the current user, from catalog queries only."""


def place(action, today, calendar):
    """The Entry of an action on `today`: how urgent it is, by working days."""
    if action.due is None:
        return Entry(action, LATER, None)
    days_left = calendar.working_days_between(today, action.due)
    if action.due < today:
        urgency = OVERDUE
    elif action.due == today:
        urgency = TODAY
    elif days_left <= SOON_WORKING_DAYS:
        urgency = SOON
    else:
        urgency = LATER
    return Entry(action, urgency, days_left)


def _order(entry):
    """Most urgent first; within a group, marked urgent first, then by due date and title."""
    return (
        URGENCIES.index(entry.urgency),
        not entry.action.urgent,
        entry.action.due or date.max,
        entry.action.title,
    )


def providers():
    """The registered providers, by name: one per domain."""
    return [provider for _name, provider in sorted(getUtilitiesFor(IInboxProvider))]


def kinds():
    """Every kind of action the providers answer, in their order."""
    return [kind for provider in providers() for kind in provider.kinds]


@dataclass
class Inbox:
    """The entries of one person on one day, most urgent first."""

    entries: list
    kinds: list = field(default_factory=kinds)

    def __len__(self):
        return len(self.entries)

    def filtered(self, kind=None, urgency=None):
        """The entries of one kind and/or one urgency; None leaves that side open."""
        return Inbox(
            [
                entry
                for entry in self.entries
                if kind in (None, entry.action.kind)
                and urgency in (None, entry.urgency)
            ],
            self.kinds,
        )

    def groups(self):
        """(Kind, its entries) for every kind that has any, the group with the most urgent
        entry first; empty kinds do not show."""
        by_kind = {}
        for entry in self.entries:
            by_kind.setdefault(entry.action.kind, []).append(entry)
        titles = {kind.id: kind for kind in self.kinds}
        return [
            (titles.get(kind_id, Kind(kind_id, kind_id)), entries)
            for kind_id, entries in by_kind.items()  # in the order of their first entry
        ]

    def counts(self):
        """How many entries of each urgency."""
        return {
            urgency: sum(1 for entry in self.entries if entry.urgency == urgency)
            for urgency in URGENCIES
        }


class RememberingCalendar:
    """A working calendar that computes each answer once: the thousands of actions of one inbox
    share a few hundred dates, and counting working days is what they cost most."""

    def __init__(self, calendar):
        self._calendar = calendar
        self._answers = {}

    def __getattr__(self, name):
        method = getattr(self._calendar, name)

        def remembered(*args):
            key = (name, args)
            if key not in self._answers:
                self._answers[key] = method(*args)
            return self._answers[key]

        return remembered


def inbox(user=None, today=None, calendar=None, uids=None):
    """What waits for `user` (the current user when None) on `today`, most urgent first; only
    about the documents of `uids` when given.

    Another user is adopted for the queries, so each provider sees what he may see, no more.
    """
    calendar = RememberingCalendar(calendar or working_calendar.get_calendar())
    today = today or working_calendar.now().date()
    current = api.user.get_current()
    adopted = (
        nullcontext()
        if user is None or user.getId() == current.getId()
        else api.env.adopt_user(user=user)
    )
    scope = _scope.set(() if uids is None else (("UID", list(uids)),))
    try:
        with adopted:
            user = api.user.get_current()
            entries = [
                place(action, today, calendar)
                for provider in providers()
                for action in provider.actions(user, today, calendar)
            ]
    finally:
        _scope.reset(scope)
    return Inbox(sorted(entries, key=_order))
