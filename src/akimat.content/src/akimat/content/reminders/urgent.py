"""Urgent items by mail at once (issue 14): what enters a person's «Ждёт моего действия» marked
urgent (`Action.urgent`, «срочно», R12.2a) or due today is mailed to him when it happens, not
the next morning with the digest (R12.4c).

How, the Plone way:

- Every provider reads the catalog only, so nothing enters an inbox unless a document is
  (re)indexed. An `IIndexQueueProcessor` (the extension point Products.CMFCore gives search
  engines such as collective.solr) is told of every index and reindex of the transaction — the
  edit forms and REST, workflow transitions, additions, and the rules' own `reindexObject()`
  that fire no event (an extension requested, a consent given) alike, which subscribers to
  IObjectModifiedEvent / IActionSucceededEvent would miss. It notes the documents' UIDs on the
  transaction and registers ONE before-commit hook per transaction.
- The hook does nothing unless a changed document may hold an urgent item: an urgency mark, or a
  date column of its catalog record that is today (a provider's due date comes from the record).
  Then the candidates are the people the documents' `allowedRolesAndUsers` name — `user:`
  entries, groups expanded to their members (nested too); a document visible to a whole role
  (Member, Authenticated…) names nobody by it, and such roles are not candidates: the digest
  reaches them. The person who made the change is not mailed, he knows. More than
  MAX_CANDIDATES people, or more than MAX_DOCUMENTS possibly urgent documents (an import, a
  script) in one transaction mail nobody (logged): the digest follows.
- For each candidate with an e-mail address who has not turned these mails off (member property
  `akimat_no_urgent_mail`, a checkbox of his personal information), `inbox(user, today)` runs as
  him — so nobody is mailed what he may not see — and his urgent entries about the changed
  documents are mailed, each (kind, due date) once: what was mailed is remembered in an
  annotation on the document itself (MARK), never on a shared object, so concurrent changes of
  different documents do not conflict. A new due date that is today, or a new kind of action,
  is mailed again; the next edit of the same document is not.
- The mails leave after the commit (an after-commit hook sending each at once), and only when
  the transaction committed. Not `send_email`'s queued delivery: zope.sendmail's data manager
  opens the SMTP connection while the transaction votes, so a mail server that is down would
  abort the user's change. A failing mail server, or anything failing in the hook, is logged and
  never breaks the user's transaction (a database conflict is still raised, for the retry).

Cost: one catalog query by UID per transaction that indexes anything; the providers run once
per candidate only when an urgent item is possible, their queries narrowed to the changed
documents (`inbox(…, uids=…)`), so a busy person's whole inbox is never built for one change.
"""

from akimat.content import _
from akimat.content.core import calendar as working_calendar
from akimat.content.core.inbox import inbox
from akimat.content.core.inbox import TODAY
from akimat.content.reminders.lines import body
from akimat.content.reminders.lines import entry_lines
from akimat.content.reminders.lines import greeting
from akimat.content.reminders.lines import translated
from datetime import date
from datetime import datetime
from persistent.mapping import PersistentMapping
from plone import api
from plone.uuid.interfaces import IUUID
from Products.CMFCore.interfaces import IIndexQueueProcessor
from ZODB.POSException import ConflictError
from zope.annotation.interfaces import IAnnotations
from zope.component.hooks import getSite
from zope.interface import implementer

import logging
import transaction


logger = logging.getLogger(__name__)

MARK = "akimat.content.urgent_mailed"  # {userid: ((kind, due ISO date or ""), …)}
OPT_OUT = "akimat_no_urgent_mail"  # the member property of a person who turned them off
MAX_CANDIDATES = 50
MAX_DOCUMENTS = 20  # a person's change touches a few; more is an import or a script
# Not a person's group: every user is in it.
EVERYBODY = ("AuthenticatedUsers",)
URGENCY_MARK = "urgency"
NOT_URGENT = (None, "", "normal")  # no mark, or an act's ordinary urgency


def is_urgent(entry):
    """Marked urgent, or due today."""
    return entry.action.urgent or entry.urgency == TODAY


@implementer(IIndexQueueProcessor)
class UrgentMailProcessor:
    """Notes what the catalog (re)indexes in the transaction; the hook mails before commit."""

    def index(self, obj, attributes=None):
        self._note(obj)

    def reindex(self, obj, attributes=None, update_metadata=1):
        self._note(obj)

    def unindex(self, obj):
        pass

    def begin(self):
        pass

    def commit(self):
        pass

    def abort(self):
        pass

    def _note(self, obj):
        uid = IUUID(obj, None)
        if uid is None:
            return
        current = transaction.get()
        try:
            changed = current.data(self)
        except KeyError:
            changed = set()
            current.set_data(self, changed)
            current.addBeforeCommitHook(mail_urgent, (changed,))
        changed.add(uid)


def mail_urgent(changed):
    """The before-commit hook: never lets the user's transaction fail but for a conflict."""
    if getattr(getSite(), "portal_catalog", None) is None:  # indexing outside a site
        return
    try:
        mails = urgent_mails(set(changed))
    except ConflictError:
        raise
    except Exception:
        logger.exception("Urgent items not mailed.")
        return
    if mails:
        transaction.get().addAfterCommitHook(send_after_commit, (mails,))


def send_after_commit(committed, mails):
    """Send (recipient, subject, body) each at once, only when the transaction committed."""
    if not committed:
        return
    for sent, (recipient, subject, text) in enumerate(mails):
        try:
            api.portal.send_email(
                recipient=recipient, subject=subject, body=text, immediate=True
            )
        except Exception:
            # Once: a server that is down would make the user wait for each of them.
            logger.exception(
                "Urgent items not mailed to %s and %d other(s): the mail server failed.",
                recipient,
                len(mails) - sent - 1,
            )
            return


def urgent_mails(uids, today=None):
    """(recipient, subject, body) of the urgent items the documents `uids` bring to people who
    have not had them yet; each one sent is remembered on its document."""
    today = today or working_calendar.now().date()
    catalog = api.portal.get_tool("portal_catalog")
    brains = [
        brain
        for brain in catalog.unrestrictedSearchResults(UID=sorted(uids))
        if may_be_urgent(brain, today)
    ]
    if not brains:
        return []
    if len(brains) > MAX_DOCUMENTS:
        logger.warning(
            "Urgent items of %d documents changed at once (an import?) not mailed; the "
            "digest follows.",
            len(brains),
        )
        return []
    people = _People()
    acting = api.user.get_current().getId()
    candidates = sorted(people.candidates(catalog, brains) - {acting})
    if len(candidates) > MAX_CANDIDATES:
        logger.warning(
            "Urgent items of %d document(s) not mailed: %d people may see them; the digest "
            "follows.",
            len(brains),
            len(candidates),
        )
        return []
    documents = {brain.UID: brain for brain in brains}
    mails = []
    for userid in candidates:
        user = api.user.get(userid=userid)
        email = (user.getProperty("email", "") or "").strip() if user else ""
        if not email or user.getProperty(OPT_OUT, False):
            continue
        entries = [
            entry
            for entry in inbox(user, today, uids=documents).entries
            if entry.action.uid in documents and is_urgent(entry)
        ]
        fresh = [entry for entry in entries if _remember(documents, userid, entry)]
        if fresh:
            mails.append((email, *compose(user, fresh)))
    return mails


def may_be_urgent(brain, today):
    """Whether the catalog record could give an urgent item: an urgency mark, or a date today."""
    if getattr(brain, URGENCY_MARK, None) not in NOT_URGENT:
        return True
    return any(
        isinstance(value, date) and not isinstance(value, datetime) and value == today
        for value in (getattr(brain, name, None) for name in brain.__record_schema__)
    )


def _remember(documents, userid, entry):
    """Note on the document that `entry` went to `userid`; False when it had gone already."""
    action = entry.action
    key = (action.kind, action.due.isoformat() if action.due else "")
    annotations = IAnnotations(documents[action.uid]._unrestrictedGetObject())
    mailed = annotations.setdefault(MARK, PersistentMapping())
    sent = mailed.get(userid, ())
    if key in sent:
        return False
    mailed[userid] = (*sent, key)
    return True


def compose(user, entries):
    """(subject, body) of one person's urgent items, in Russian, plain text."""
    subject = (
        translated(_("Urgent: ${title}", mapping={"title": entries[0].action.title}))
        if len(entries) == 1
        else translated(
            _(
                "Urgent: ${count} items need your action",
                mapping={"count": len(entries)},
            )
        )
    )
    lines = [
        greeting(user.getProperty("fullname", "") or user.getId()),
        "",
        translated(_("Urgent items have just entered «Waiting for my action»:")),
    ]
    for number, entry in enumerate(entries, 1):
        lines += entry_lines(number, entry)
    why = _(
        "The intranet mails urgent items and those due today as they arrive. You can "
        "turn these mails off in your personal information."
    )
    return subject, body(lines, why)


class _People:
    """The users the documents' catalog security names, each principal expanded once."""

    def __init__(self):
        self._principals = {}

    def candidates(self, catalog, brains):
        index = catalog._catalog.getIndex("allowedRolesAndUsers")
        principals = {
            entry[len("user:") :]
            for brain in brains
            for entry in index.getEntryForObject(brain.getRID(), default=())
            if entry.startswith("user:")
        }
        return {
            userid
            for principal in principals - set(EVERYBODY)
            for userid in self.users(principal)
        }

    def users(self, principal_id):
        """The user ids a principal stands for: itself, or a group's members (nested too)."""
        if principal_id not in self._principals:
            self._principals[principal_id] = self._expand(principal_id, set())
        return self._principals[principal_id]

    def _expand(self, principal_id, seen):
        if principal_id in seen or principal_id in EVERYBODY:
            return ()
        seen.add(principal_id)
        if api.group.get(groupname=principal_id) is None:
            return (principal_id,)
        userids = []
        for member in api.user.get_users(groupname=principal_id):  # users and groups
            userids.extend(self._expand(member.getId(), seen))
        return tuple(dict.fromkeys(userids))
