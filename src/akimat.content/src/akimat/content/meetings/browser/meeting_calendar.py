"""The meetings calendar by week or month, the akim's weekly schedule (RULES.md R2.3) with the
proposals of changes sent to the Orgotdel, and the upcoming meetings for the front page.

Listings read the catalog only (meeting_start, meeting_end, meeting_kind, hall, chair and their
metadata): no meeting is woken up.
"""

from akimat.content import _
from akimat.content.browser.formatting import MONTHS
from akimat.content.browser.formatting import state_title
from akimat.content.core import calendar as working_calendar
from akimat.content.core.principals import group_members
from akimat.content.core.vocabularies import meeting_settings
from akimat.content.core.vocabularies import title_of
from akimat.content.meetings.browser.meeting import MeetingForm
from akimat.content.meetings.meeting import CANCELLED
from akimat.content.meetings.vocabularies import MEETING_KINDS
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from email.mime.text import MIMEText
from email.utils import formataddr
from plone import api
from Products.Five.browser import BrowserView
from smtplib import SMTPException
from urllib.parse import urlencode
from z3c.form import button
from z3c.form import field
from zope import schema
from zope.i18n import translate
from zope.interface import provider
from zope.schema.interfaces import IContextSourceBinder
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


WEEK, MONTH = "week", "month"
AKIM = "akim"
UPCOMING_DAYS = 14
PROPOSAL_WEEKS = 8  # how far ahead a proposal may refer to a meeting of the akim
YEARS = range(1900, 3000)  # the calendar's navigation stays within what `date` can hold
WEEKDAYS = (_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun"))


def today():
    return working_calendar.now().date()


def akim_chairs():
    """R2.3: the akim's meetings are those chaired by a member of the akim's group, or the group."""
    group = meeting_settings(api.portal.get()).akim_group
    return [group, *group_members(group)]


def meeting_brains(first, last, chairs=None, **query):
    """The meetings starting from the day `first` to the day `last`, earliest first."""
    query.update(
        portal_type="Meeting",
        meeting_start={
            "query": (
                datetime.combine(first, time.min),
                datetime.combine(last, time.max),
            ),
            "range": "min:max",
        },
        sort_on="meeting_start",
    )
    if chairs:
        query["chair"] = chairs
    return api.content.find(**query)


def entry(brain):
    """What a listing shows of one meeting, from the catalog metadata."""
    start, end = brain.meeting_start, brain.meeting_end
    return {
        "uid": brain.UID,
        "time": f"{start:%H:%M}–{end:%H:%M}"
        if end and end.date() == start.date()
        else f"{start:%H:%M}",
        "date": f"{start:%d.%m.%Y}",
        "title": brain.Title,
        "url": brain.getURL(),
        "kind": title_of(MEETING_KINDS, brain.meeting_kind),
        "hall": brain.hall or "",
        "state": state_title(brain.review_state, "Meeting"),
        "state_id": brain.review_state,
        "cancelled": brain.review_state == CANCELLED,
    }


def period_of(mode, day):
    """The first and last day of the week (Monday to Sunday) or the month holding `day`."""
    if mode == MONTH:
        first = day.replace(day=1)
        return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    first = day - timedelta(days=day.weekday())
    return first, first + timedelta(days=6)


class MeetingsCalendar(BrowserView):
    """?mode=week|month&date=YYYY-MM-DD&who=akim; bad input is said plainly, the current week shown."""

    def __call__(self):
        self.errors = []
        self.mode = self.request.form.get("mode") or WEEK
        if self.mode not in (WEEK, MONTH):
            self.errors.append(_("Show the calendar by week or by month."))
            self.mode = WEEK
        self.day = self.parse_date(self.request.form.get("date"))
        self.who = AKIM if self.request.form.get("who") == AKIM else ""
        self.first, self.last = period_of(self.mode, self.day)
        return self.index()

    def parse_date(self, value):
        if not value:
            return today()
        try:
            day = date.fromisoformat(value)
        except ValueError:
            day = None
        if day is None or day.year not in YEARS:
            self.errors.append(
                _(
                    "«${value}» is not a date the calendar can show (YYYY-MM-DD); the current "
                    "week is shown.",
                    mapping={"value": value},
                )
            )
            self.mode = WEEK
            return today()
        return day

    @property
    def label(self):
        return _("The akim's schedule") if self.who else _("Meetings calendar")

    def title(self):
        """The period shown: «07.12.2026 – 13.12.2026» or the month and year."""
        if self.mode == MONTH:
            month = translate(MONTHS[self.first.month - 1], context=self.request)
            return f"{month} {self.first.year}"
        return f"{self.first:%d.%m.%Y} – {self.last:%d.%m.%Y}"

    def url(self, **changes):
        params = {"mode": self.mode, "date": self.day.isoformat(), "who": self.who}
        params.update(changes)
        query = urlencode({key: value for key, value in params.items() if value})
        return f"{api.portal.get().absolute_url()}/@@meetings-calendar?{query}"

    def navigation(self):
        if self.mode == MONTH:
            previous, following = (
                (self.first - timedelta(days=1)).replace(day=1),
                self.last + timedelta(days=1),
            )
        else:
            previous, following = (
                self.first - timedelta(days=7),
                self.first + timedelta(days=7),
            )
        return {
            "previous": self.url(date=previous.isoformat()),
            "next": self.url(date=following.isoformat()),
            "today": self.url(date=None),
            "week": self.url(mode=WEEK),
            "month": self.url(mode=MONTH),
            "all": self.url(who=None),
            "akim": self.url(who=AKIM),
        }

    def weekdays(self):
        return WEEKDAYS

    def weeks(self):
        """Rows of seven days (Monday first) covering the period, each day with its meetings."""
        start = self.first - timedelta(days=self.first.weekday())
        end = self.last + timedelta(days=6 - self.last.weekday())
        by_day = {}
        for brain in meeting_brains(
            start, end, chairs=akim_chairs() if self.who else None
        ):
            by_day.setdefault(brain.meeting_start.date(), []).append(entry(brain))
        current = today()
        days = [
            start + timedelta(days=offset) for offset in range((end - start).days + 1)
        ]
        return [
            [
                {
                    "date": day,
                    "label": f"{day:%d.%m}",
                    "iso": day.isoformat(),
                    "today": day == current,
                    "outside": not (self.first <= day <= self.last),
                    "meetings": by_day.get(day, []),
                }
                for day in days[week : week + 7]
            ]
            for week in range(0, len(days), 7)
        ]

    def proposal_url(self, uid=None):
        base = f"{api.portal.get().absolute_url()}/@@propose-schedule-change"
        return f"{base}?{urlencode({'meeting': uid})}" if uid else base


class UpcomingMeetings(BrowserView):
    """The meetings of today and the next 14 days, not cancelled; `brains` feeds the front page."""

    label = _("Upcoming meetings")

    def brains(self, limit=None):
        first = today()
        states = [state for state in self.states() if state != CANCELLED]
        brains = meeting_brains(
            first, first + timedelta(days=UPCOMING_DAYS), review_state=states
        )
        return brains[:limit] if limit else brains

    def states(self):
        return list(
            api.portal.get_tool("portal_workflow")[
                "akimat_meeting_workflow"
            ].states.objectIds()
        )

    def entries(self):
        return [entry(brain) for brain in self.brains()]


@provider(IContextSourceBinder)
def akim_meetings(context):
    """The akim's meetings of this week and the next weeks, for a proposal to refer to."""
    first = period_of(WEEK, today())[0]
    brains = meeting_brains(
        first, first + timedelta(weeks=PROPOSAL_WEEKS), chairs=akim_chairs()
    )
    return SimpleVocabulary(
        [
            SimpleTerm(
                brain.UID,
                brain.UID,
                f"{brain.meeting_start:%d.%m.%Y %H:%M} {brain.Title}",
            )
            for brain in brains
        ]
    )


class ProposeScheduleChangeForm(MeetingForm):
    """Anyone on the staff proposes a change to the akim's schedule; the Orgotdel, who keeps it,
    receives the proposal by e-mail and edits the meetings itself (R2.3)."""

    label = _("Propose a change to the akim's schedule")
    description = _(
        "The Orgotdel keeps the akim's weekly schedule; your proposal is e-mailed to it."
    )
    fields = field.Fields(
        schema.Choice(
            __name__="meeting", title=_("Meeting"), source=akim_meetings, required=False
        ),
        schema.Text(__name__="text", title=_("Proposal"), required=True),
    )

    def updateWidgets(self, prefix=None):
        super().updateWidgets(prefix)
        chosen = self.request.form.get("meeting")
        widget = self.widgets["meeting"]
        if chosen and widget.name not in self.request.form and chosen in widget.terms:
            widget.value = [chosen]

    @button.buttonAndHandler(_("Send to the Orgotdel"), name="send")
    def handle_send(self, action):
        data = self.data()
        if data is None:
            return
        recipients = orgotdel_addresses()
        if not recipients:
            self.refuse(
                _(
                    "Nobody in the Orgotdel has an e-mail address; the proposal is not sent. Tell the "
                    "Orgotdel in person."
                )
            )
            return
        try:
            send_proposal(recipients, data["text"], data.get("meeting"))
        except (ValueError, SMTPException, OSError) as error:
            self.refuse(
                _(
                    "The proposal could not be sent by e-mail (${error}); try again later.",
                    mapping={"error": str(error)},
                )
            )
            return
        self.done(
            _("Your proposal is sent to the Orgotdel."),
            url=f"{api.portal.get().absolute_url()}/@@meetings-calendar?who={AKIM}",
        )


def orgotdel_addresses():
    group = meeting_settings(api.portal.get()).orgotdel_group
    users = (api.user.get(userid=userid) for userid in group_members(group))
    return [
        email
        for user in users
        if user is not None and (email := (user.getProperty("email") or "").strip())
    ]


def send_proposal(recipients, text, meeting_uid=None):
    """One e-mail to the Orgotdel in the site's language; replies go to the proposer."""
    language = api.portal.get_default_language()
    user = api.user.get_current()
    name = user.getProperty("fullname") or user.getId()
    lines = [
        translate(
            _(
                "${name} proposes a change to the akim's weekly schedule:",
                mapping={"name": name},
            ),
            target_language=language,
        ),
        "",
        text.strip(),
    ]
    found = (
        api.content.find(UID=meeting_uid, portal_type="Meeting") if meeting_uid else []
    )
    if found:
        meeting = entry(found[0])
        lines += [
            "",
            translate(_("Meeting:"), target_language=language),
            f"{meeting['date']} {meeting['time']} {meeting['title']}",
            meeting["url"],
        ]
    lines += ["", f"{api.portal.get().absolute_url()}/@@meetings-calendar?who={AKIM}"]
    message = MIMEText("\n".join(lines) + "\n", "plain", "utf-8")
    email = user.getProperty("email")
    if email:
        message["Reply-To"] = formataddr((name, email))
    subject = translate(
        _("Proposal to change the akim's schedule"), target_language=language
    )
    api.portal.send_email(
        recipient=", ".join(recipients), subject=subject, body=message, immediate=True
    )
