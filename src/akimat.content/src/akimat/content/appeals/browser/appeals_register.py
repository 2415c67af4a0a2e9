"""@@appeals-register and @@appeals-register.xlsx: the register of appeals of the appeals department
(RULES.md R13.2, R13.6) on the site root, with the terms and the late marks.

Only the department opens it (permission «Handle appeal»). The applicant's name is not in the
catalog (personal data stays off it), so the rows wake the appeals of the page shown up, and a
search by name wakes the appeals the other filters leave.
"""

from akimat.content import _
from akimat.content.appeals.browser.appeal import answered_on
from akimat.content.appeals.browser.appeal import late_by
from akimat.content.appeals.browser.appeal import term_title
from akimat.content.appeals.review import executors
from akimat.content.appeals.vocabularies import APPEAL_CHANNELS
from akimat.content.appeals.vocabularies import APPEAL_KINDS
from akimat.content.browser.formatting import format_date
from akimat.content.browser.formatting import state_titles
from akimat.content.control.browser.control_list import _start
from akimat.content.control.browser.control_list import bad_request
from akimat.content.core import spreadsheets
from akimat.content.core.calendar import get_calendar
from akimat.content.core.calendar import now
from akimat.content.core.principals import PrincipalTitles
from datetime import date
from plone import api
from plone.batching import Batch
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode
from zope.i18n import translate


PAGE_SIZE = 50
FILTERS = ("q", "date_from", "date_to", "kind", "state")
COLUMNS = (
    _("Number"),
    _("Registration date"),
    _("Subject"),
    _("Applicant"),
    _("Kind of appeal"),
    _("Received through"),
    _("Addressed to"),
    _("Executors"),
    _("State"),
    _("Term of the answer"),
    _("Answered on"),
    _("Late by, working days"),
)
WIDTHS = (14, 14, 40, 36, 24, 24, 30, 36, 20, 14, 14, 14)


class BadFilter(ValueError):
    """A filter someone typed by hand that is not a date."""


def parse_filters(form):
    filters = {name: (form.get(name) or "").strip() for name in FILTERS}
    for name in ("date_from", "date_to"):
        if filters[name]:
            try:
                filters[name] = date.fromisoformat(filters[name])
            except ValueError:
                raise BadFilter(
                    _("Give the dates of the period as YYYY-MM-DD.")
                ) from None
        else:
            filters[name] = None
    return filters


def registration_order(brain):
    """Unregistered first, then the latest year and the highest number of the numbering service
    (an integer per year): a letter received earlier may be registered later, with a later number.
    """
    registered = brain.registration_number is not None
    year = brain.registration_date.year if brain.registration_date else 0
    return (not registered, year, brain.registration_number or 0)


def matches(brain, text):
    """R13.2: the department finds an appeal by its number («12», «№ 12»), or by a part of the
    applicant's name or of the subject, in any case."""
    number = text.lstrip("№ ").strip()
    if number.isdigit():
        return brain.registration_number == int(number)
    text = text.casefold()
    return (
        text in (brain.Title or "").casefold()
        or text in (brain.getObject().applicant_name or "").casefold()
    )


def find(filters):
    """The appeals of the period, kind, state and search, newest registration first (unregistered
    on top). The period goes through the `registration_year` index and the `registration_date`
    metadata.
    """
    query = {"portal_type": "Appeal"}
    start, end = filters["date_from"], filters["date_to"]
    if start or end:
        years = ((start or date.min).year, (end or date.max).year)
        query["registration_year"] = {"query": years, "range": "min:max"}
    if filters["state"]:
        query["review_state"] = filters["state"]
    brains = [
        brain
        for brain in api.content.find(**query)
        if (
            start is None
            or (brain.registration_date and brain.registration_date >= start)
        )
        and (
            end is None or (brain.registration_date and brain.registration_date <= end)
        )
    ]
    brains.sort(key=registration_order, reverse=True)
    if filters[
        "kind"
    ]:  # a metadata column, not an index: the register filters few appeals
        brains = [brain for brain in brains if brain.appeal_kind == filters["kind"]]
    if filters["q"]:
        brains = [brain for brain in brains if matches(brain, filters["q"])]
    return brains


def rows(brains, today, calendar):
    titles, states = PrincipalTitles(), state_titles("Appeal")
    result = []
    for brain in brains:
        appeal = brain.getObject()
        state = brain.review_state
        answered = answered_on(appeal)
        result.append(
            {
                "url": brain.getURL(),
                "title": brain.Title,
                "number": brain.registration_number,
                "date": brain.registration_date,
                "received_on": appeal.received_at.date()
                if appeal.received_at
                else None,
                "applicant": appeal.applicant_name or "",
                "marks": marks(appeal),
                "kind": term_title(APPEAL_KINDS, appeal.kind),
                "channel": term_title(APPEAL_CHANNELS, appeal.channel),
                "addressee": titles(appeal.addressee) if appeal.addressee else "",
                "executors": ", ".join(titles(p) for p in executors(appeal)),
                "state_id": state,
                "state": states.get(state, state),
                "deadline": brain.deadline,
                "answered_on": answered,
                "late_by": late_by(state, brain.deadline, answered, today, calendar),
            }
        )
    return result


def marks(appeal):
    """Repeated and collective appeals stand out in the register (R13.5)."""
    found = [_("repeated")] if appeal.repeated() else []
    if appeal.collective:
        found.append(
            _(
                "collective, ${count} signatories",
                mapping={"count": appeal.signatories or 0},
            )
        )
    return found


def unregistered(row):
    """What a row without a number is: received, not registered yet (R13.6)."""
    return _(
        "not registered, received on ${date}",
        mapping={"date": format_date(row["received_on"])},
    )


def cells(row, request):
    applicant = "; ".join(
        [row["applicant"]] + [translate(mark, context=request) for mark in row["marks"]]
    )
    return (
        row["number"] or translate(unregistered(row), context=request),
        row["date"],
        row["title"],
        applicant,
        translate(row["kind"], context=request),
        translate(row["channel"], context=request),
        row["addressee"],
        row["executors"],
        translate(row["state"], domain="akimat", context=request)
        if row["state"]
        else "",
        row["deadline"],
        row["answered_on"],
        row["late_by"] or None,
    )


class AppealsRegister(BrowserView):
    """The filter form (GET) and the batched register, 50 appeals a page."""

    template = ViewPageTemplateFile("templates/appeals_register.pt")

    def __call__(self):
        self.error = None
        try:
            self.filters = parse_filters(self.request.form)
        except BadFilter as error:
            self.error = translate(error.args[0], context=self.request)
            self.filters = parse_filters({})
        brains = find(self.filters) if self.error is None else []
        self.batch = Batch(brains, PAGE_SIZE, _start(self.request))
        self.rows = rows(list(self.batch), now().date(), get_calendar())
        return self.template()

    def site_url(self):
        """The register is also the «Обращения» section's view: its links go to the site's."""
        return api.portal.get().absolute_url()

    def value(self, name):
        value = self.filters[name]
        return value.isoformat() if hasattr(value, "isoformat") else value or ""

    def new_appeal_url(self):
        """The department's own registration form (R13.6, R13.10)."""
        return f"{self.site_url()}/@@register-appeal"

    def unregistered(self, row):
        return unregistered(row)

    def schedules(self):
        """The schedules of personal receptions (R14.1), the newest first."""
        return api.content.find(
            portal_type="ReceptionSchedule", sort_on="created", sort_order="descending"
        )

    def export_url(self):
        query = urlencode(
            {name: self.value(name) for name in FILTERS if self.value(name)}
        )
        url = f"{self.site_url()}/@@appeals-register.xlsx"
        return f"{url}?{query}" if query else url

    def kinds(self):
        return [
            {
                "value": term.value,
                "title": term.title,
                "selected": term.value == self.filters["kind"],
            }
            for term in APPEAL_KINDS
        ]

    def states(self):
        return [
            {"value": state, "title": title, "selected": state == self.filters["state"]}
            for state, title in state_titles("Appeal").items()
        ]

    def format_date(self, day):
        return format_date(day)


class AppealsRegisterXlsx(BrowserView):
    """The same register, every row, as XLSX."""

    def __call__(self):
        try:
            filters = parse_filters(self.request.form)
        except BadFilter as error:
            return bad_request(self.request, error)
        today = now().date()
        lines = [
            cells(row, self.request)
            for row in rows(find(filters), today, get_calendar())
        ]
        data = spreadsheets.workbook(
            translate(_("Register of appeals"), context=self.request),
            [translate(column, context=self.request) for column in COLUMNS],
            lines,
            widths=WIDTHS,
        )
        return spreadsheets.send(
            self.request.response, data, f"appeals-register-{today}.xlsx"
        )
