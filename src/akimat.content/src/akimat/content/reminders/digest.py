"""Reminders of deadlines (RULES.md R12.4c): executors and the leadership are reminded 3 working
days before a deadline, and of what is overdue. Department heads are reminded the same way of the
reports their department owes the document library (R9.10d, `report_obligations`).

Once a day (`instance/send_reminders.py`, run by cron or a systemd timer) every person gets one
digest e-mail with all the assignments on control, where he or she is an executor or the
controller, that have 3 working days or less left or are overdue. One catalog query finds them
(brains only, no object is woken up); a group named as executor or controller reaches its
members; people without an e-mail address are skipped and counted.
"""

from akimat.content import _
from akimat.content.control import rules as control
from akimat.content.core import calendar as working_calendar
from akimat.content.core.principals import HEADS_SUFFIX
from akimat.content.library import obligations as report_obligations
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from plone import api
from zope.i18n import translate

import logging


logger = logging.getLogger(__name__)

LANGUAGE = "ru"  # the site's default language: the mail is read by everybody in Russian
DATE_FORMAT = "%d.%m.%Y"


@dataclass(frozen=True)
class Reminder:
    """One assignment in a digest; `days_left` counts working days, negative when overdue."""

    title: str
    url: str
    deadline: date
    days_left: int
    overdue: bool


@dataclass
class Digest:
    """Everything one person is reminded of today, overdue first, then by deadline."""

    userid: str
    fullname: str
    email: str
    reminders: list = field(default_factory=list)
    reports: list = field(
        default_factory=list
    )  # reports owed to the library, as Reminders

    @property
    def overdue(self):
        return [reminder for reminder in self.reminders if reminder.overdue]

    @property
    def due(self):
        return [reminder for reminder in self.reminders if not reminder.overdue]


@dataclass
class Digests:
    """What `collect_digests` found: digests by person, assignments reminded, users skipped."""

    digests: list
    assignments: int
    skipped: list  # user ids without an e-mail address (or no longer existing)
    reports: int = 0


@dataclass(frozen=True)
class Summary:
    """What `send_reminders` did, for the log of the command."""

    persons: int
    assignments: int
    skipped: tuple
    day_off: bool = False
    reports: int = 0

    def __str__(self):
        if self.day_off:
            return "Reminders: today is not a working day, nothing sent."
        text = (
            f"Reminders: {self.persons} person(s) mailed, {self.assignments} assignment(s) "
            f"due within {control.REMINDER_WORKING_DAYS} working days or overdue, "
            f"{self.reports} report(s) owed to the library, "
            f"{len(self.skipped)} person(s) skipped without an e-mail address"
        )
        return text + (f" ({', '.join(self.skipped)})." if self.skipped else ".")


class _People:
    """Principal ids → the users behind them, each looked up once per run."""

    def __init__(self):
        self._users = {}
        self._principals = {}

    def users(self, principal_id):
        """The user ids a principal stands for: itself, or a group's members (nested too)."""
        if principal_id not in self._principals:
            self._principals[principal_id] = self._expand(principal_id, set())
        return self._principals[principal_id]

    def _expand(self, principal_id, seen):
        if principal_id in seen:
            return ()
        seen.add(principal_id)
        if api.group.get(groupname=principal_id) is None:
            return (principal_id,)
        userids = []
        for member in api.user.get_users(groupname=principal_id):  # users and groups
            userids.extend(self._expand(member.getId(), seen))
        return tuple(dict.fromkeys(userids))

    def address(self, userid):
        """(fullname, e-mail) of a user; e-mail is "" when there is none."""
        if userid not in self._users:
            user = api.user.get(userid=userid)
            if user is None:
                self._users[userid] = (userid, "")
            else:
                self._users[userid] = (
                    user.getProperty("fullname", "") or userid,
                    (user.getProperty("email", "") or "").strip(),
                )
        return self._users[userid]


def collect_digests(today):
    """The digests to send on `today`: one per person with an e-mail address (R12.4c).

    One catalog query: assignments on control with a deadline up to `control.yellow_from(today)`,
    that is yellow (3 working days or less left) or red (overdue). The recipients of each are its
    executors and its controller, groups expanded to their members.
    """
    calendar = working_calendar.get_calendar()
    catalog = api.portal.get_tool("portal_catalog")
    # Unrestricted: the reminder is a system task, whoever runs it sees every assignment.
    brains = catalog.unrestrictedSearchResults(
        portal_type="Assignment",
        on_control=True,
        deadline={"query": control.yellow_from(today, calendar), "range": "max"},
        sort_on="deadline",
    )
    people = _People()
    digests = {}
    skipped = set()
    assignments = 0

    def digests_of(principals):
        """The digests of the people the principals stand for; those without an e-mail are skipped."""
        userids = dict.fromkeys(
            userid
            for principal in principals
            if principal
            for userid in people.users(principal)
        )
        for userid in userids:
            fullname, email = people.address(userid)
            if not email:
                skipped.add(userid)
                continue
            if userid not in digests:
                digests[userid] = Digest(userid, fullname, email)
            yield digests[userid]

    for brain in brains:
        light = control.traffic_light(brain.deadline, today, calendar)
        if light not in (control.YELLOW, control.RED):
            continue
        assignments += 1
        reminder = Reminder(
            title=brain.Title,
            url=brain.getURL(),
            deadline=brain.deadline,
            days_left=control.working_days_left(brain.deadline, today, calendar),
            overdue=light == control.RED,
        )
        for digest in digests_of(list(brain.executors or ()) + [brain.controller]):
            digest.reminders.append(reminder)
    reports = 0
    overview = f"{api.portal.get().absolute_url()}/@@library-overview"
    for obligation, status in report_obligations.reminders(today, calendar):
        reports += 1
        reminder = Reminder(
            title=f"{obligation.title} ({status.period.label()})",
            url=f"{overview}?department={obligation.department}",
            deadline=status.due,
            days_left=control.working_days_left(status.due, today, calendar),
            overdue=status.state == report_obligations.LATE,
        )
        for digest in digests_of([f"{obligation.department}{HEADS_SUFFIX}"]):
            digest.reports.append(reminder)
    for userid in sorted(skipped):
        logger.warning("No reminder for %s: no e-mail address.", userid)
    for digest in digests.values():
        digest.reminders.sort(
            key=lambda reminder: (not reminder.overdue, reminder.deadline)
        )
    return Digests(
        digests=sorted(digests.values(), key=lambda digest: digest.userid),
        assignments=assignments,
        skipped=sorted(skipped),
        reports=reports,
    )


def send_reminders(today=None):
    """Send today's digests through the site's MailHost; mail is queued until commit.

    On a day off nothing is sent: the reminder window counts working days, so the next working
    day's digest covers everything a day off would have mentioned.
    """
    calendar = working_calendar.get_calendar()
    today = today or working_calendar.now().date()
    if not calendar.is_working_day(today):
        return Summary(persons=0, assignments=0, skipped=(), day_off=True)
    found = collect_digests(today)
    for digest in found.digests:
        subject, body = compose(digest)
        # Immediately, not at commit: a refusing mail server is reported to whoever triggered it.
        api.portal.send_email(
            recipient=digest.email, subject=subject, body=body, immediate=True
        )
    return Summary(
        persons=len(found.digests),
        assignments=found.assignments,
        skipped=tuple(found.skipped),
        reports=found.reports,
    )


def compose(digest):
    """(subject, body) of one person's digest, in Russian, plain text."""
    days = control.REMINDER_WORKING_DAYS
    counts = {
        "due": len(digest.due),
        "days": days,
        "overdue": len(digest.overdue),
        "reports": len(digest.reports),
    }
    if not digest.reminders:
        subject = _(
            "Reports owed to the library: ${reports} due or late", mapping=counts
        )
    elif digest.overdue and digest.due:
        subject = _(
            "Assignments on control: ${overdue} overdue, ${due} due within ${days} working days",
            mapping=counts,
        )
    elif digest.overdue:
        subject = _("Assignments on control: ${overdue} overdue", mapping=counts)
    else:
        subject = _(
            "Assignments on control: ${due} due within ${days} working days",
            mapping=counts,
        )
    lines = [_t(_("Hello, ${name}!", mapping={"name": digest.fullname}))]
    if digest.reminders:
        lines += [
            "",
            _t(
                _(
                    "Assignments on control where you are an executor or the controller need your attention."
                )
            ),
        ]
    sections = (
        (_("Overdue assignments"), digest.overdue),
        (
            _("Assignments due within ${days} working days", mapping={"days": days}),
            digest.due,
        ),
        (
            _("Reports your department owes the document library (R9.10d)"),
            digest.reports,
        ),
    )
    for heading, reminders in sections:
        if not reminders:
            continue
        lines += ["", _t(heading) + ":"]
        for number, reminder in enumerate(reminders, 1):
            lines += [
                "",
                f"{number}. {reminder.title}",
                "   " + _t(_status(reminder)),
                "   " + reminder.url,
            ]
    lines += [
        "",
        "-- ",
        _t(
            _(
                "The intranet sends this reminder every working day to the executors and the "
                "controller, from ${days} working days before the deadline until the assignment "
                "is removed from control.",
                mapping={"days": days},
            )
        ),
    ]
    if digest.reports:
        lines.append(
            _t(
                _(
                    "Department heads get it from ${days} working days before a report is due "
                    "until it is published.",
                    mapping={"days": days},
                )
            )
        )
    return _t(subject), "\n".join(lines) + "\n"


def _status(reminder):
    deadline = reminder.deadline.strftime(DATE_FORMAT)
    if reminder.overdue:
        return _(
            "Deadline ${date}: overdue, working days past it: ${days}",
            mapping={"date": deadline, "days": -reminder.days_left},
        )
    if reminder.days_left <= 0:
        return _("Deadline ${date}: today", mapping={"date": deadline})
    return _(
        "Deadline ${date}: working days left: ${days}",
        mapping={"date": deadline, "days": reminder.days_left},
    )


def _t(message):
    return translate(message, target_language=LANGUAGE)
