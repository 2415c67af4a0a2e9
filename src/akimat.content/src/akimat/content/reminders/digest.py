"""The daily digest: «Ждёт моего действия» by mail (issue 14; RULES.md R12.4c).

Once a day (`@send-reminders`, or `instance/send_reminders.py` run by cron or a systemd timer)
every person gets one e-mail with the entries of his inbox (`core.inbox.inbox`) that are overdue,
due today or due within 3 working days: the same providers as the front page and `@@inbox`, so
the mail and the pages never disagree. Executors and controllers of assignments are thus reminded
3 working days before a deadline and while it is overdue (R12.4c), the leadership of the
extensions and removals waiting for it, and whatever the other domains' providers report.
Nobody is mailed about nothing, and nothing on a day off.

Cost: the providers run once per user of the site, as that user (`inbox()` adopts him, so each
sees only what he may see): a few catalog queries each, fine for a district's hundreds of users
once a day; a site of many thousands of users would want the recipients narrowed first.
"""

from akimat.content import _
from akimat.content.core import calendar as working_calendar
from akimat.content.core.inbox import Inbox
from akimat.content.core.inbox import inbox
from akimat.content.core.inbox import OVERDUE
from akimat.content.core.inbox import SOON
from akimat.content.core.inbox import SOON_WORKING_DAYS
from akimat.content.core.inbox import TODAY
from akimat.content.core.inbox import URGENCY_TITLES
from akimat.content.reminders.lines import body
from akimat.content.reminders.lines import entry_lines
from akimat.content.reminders.lines import greeting
from akimat.content.reminders.lines import translated
from dataclasses import dataclass
from plone import api

import logging


logger = logging.getLogger(__name__)

DIGEST_URGENCIES = (OVERDUE, TODAY, SOON)


@dataclass
class Digest:
    """What one person is reminded of today: his inbox's entries due within the window."""

    userid: str
    fullname: str
    email: str
    inbox: object  # a core.inbox.Inbox, most urgent first

    def sections(self):
        """(urgency, [(Kind, entries)]) for every urgency that has entries, most urgent first."""
        return [
            (urgency, self.inbox.filtered(urgency=urgency).groups())
            for urgency in DIGEST_URGENCIES
            if self.inbox.filtered(urgency=urgency)
        ]


@dataclass
class Digests:
    """What `collect_digests` found: digests by person, users skipped without an e-mail."""

    digests: list
    skipped: list  # user ids that had something due but no e-mail address

    @property
    def actions(self):
        return sum(len(digest.inbox) for digest in self.digests)

    @property
    def documents(self):
        return len(
            {
                entry.action.uid
                for digest in self.digests
                for entry in digest.inbox.entries
            }
        )


@dataclass(frozen=True)
class Summary:
    """What `send_reminders` did, for the log of the command and the JSON of the service."""

    persons: int
    actions: int  # entries mailed, counted per person
    documents: int  # the documents they are about
    skipped: tuple
    day_off: bool = False

    def __str__(self):
        if self.day_off:
            return "Reminders: today is not a working day, nothing sent."
        text = (
            f"Reminders: {self.persons} person(s) mailed {self.actions} action(s) on "
            f"{self.documents} document(s) due within {SOON_WORKING_DAYS} working days or "
            f"overdue, {len(self.skipped)} person(s) skipped without an e-mail address"
        )
        return text + (f" ({', '.join(self.skipped)})." if self.skipped else ".")


def collect_digests(today, calendar=None):
    """The digests to send on `today`: one per user with something due (R12.4c).

    Users without an e-mail address are skipped, and counted when they had something due.
    """
    calendar = calendar or working_calendar.get_calendar()
    digests, skipped = [], []
    for user in sorted(api.user.get_users(), key=lambda user: user.getId()):
        everything = inbox(user, today, calendar)
        due = Inbox(
            [e for e in everything.entries if e.urgency in DIGEST_URGENCIES],
            everything.kinds,
        )
        if not due:
            continue
        email = (user.getProperty("email", "") or "").strip()
        if not email:
            skipped.append(user.getId())
            logger.warning("No reminder for %s: no e-mail address.", user.getId())
            continue
        fullname = user.getProperty("fullname", "") or user.getId()
        digests.append(Digest(user.getId(), fullname, email, due))
    return Digests(digests=digests, skipped=skipped)


def send_reminders(today=None):
    """Send today's digests through the site's MailHost.

    On a day off nothing is sent: the window counts working days, so the next working day's
    digest covers everything a day off would have mentioned.
    """
    calendar = working_calendar.get_calendar()
    today = today or working_calendar.now().date()
    if not calendar.is_working_day(today):
        return Summary(persons=0, actions=0, documents=0, skipped=(), day_off=True)
    found = collect_digests(today, calendar)
    for digest in found.digests:
        subject, body = compose(digest)
        # Immediately, not at commit: a refusing mail server is reported to whoever triggered it.
        api.portal.send_email(
            recipient=digest.email, subject=subject, body=body, immediate=True
        )
    return Summary(
        persons=len(found.digests),
        actions=found.actions,
        documents=found.documents,
        skipped=tuple(found.skipped),
    )


def compose(digest):
    """(subject, body) of one person's digest, in Russian, plain text: by urgency, then kind."""
    counts = digest.inbox.counts()
    subject = _(
        "Waiting for your action: ${overdue} overdue, ${today} due today, ${soon} due "
        "within ${days} working days",
        mapping={**counts, "days": SOON_WORKING_DAYS},
    )
    lines = [greeting(digest.fullname)]
    for urgency, groups in digest.sections():
        lines += ["", "", translated(URGENCY_TITLES[urgency]).upper()]
        for kind, entries in groups:
            lines += ["", f"{translated(kind.title)} ({len(entries)}):"]
            for number, entry in enumerate(entries, 1):
                lines += entry_lines(number, entry)
    why = _(
        "The intranet sends this digest every working day to whoever has something "
        "overdue or due within ${days} working days in «Waiting for my action».",
        mapping={"days": SOON_WORKING_DAYS},
    )
    return translated(subject), body(lines, why)
