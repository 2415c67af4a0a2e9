"""Pages of personal reception (RULES.md R14): the schedule, a reception with its list and
sign-up form, the list (R14.2) and the protocol (R14.4) as DOCX.

The people signed up are appeals (R13.2): the page lists only those the reader may see, so the
official and the appeals department see the list and other staff see none of it.
"""

from akimat.content import _
from akimat.content.appeals import reception_print
from akimat.content.appeals import receptions
from akimat.content.appeals.receptions import clock_time
from akimat.content.appeals.vocabularies import APPEAL_KINDS
from akimat.content.browser.adding import may_add
from akimat.content.browser.formatting import format_date
from akimat.content.browser.formatting import state_title
from akimat.content.browser.steps import button_transitions
from akimat.content.browser.steps import Step
from akimat.content.core import calendar as working_calendar
from akimat.content.core import identification
from akimat.content.core import print_forms
from akimat.content.core.calendar import naive
from akimat.content.core.principals import principal_title
from akimat.content.core.principals import PrincipalTitles
from datetime import datetime
from plone import api
from Products.Five.browser import BrowserView


HANDLE = "akimat.content: Handle appeal"


def period(reception):
    """«17.12.2026 15:00–18:00»."""
    return f"{format_date(reception.day())} {clock_time(reception.start)}–{clock_time(reception.end)}"


def _contact(appeal):
    return ", ".join(value for value in (appeal.address, appeal.phone) if value)


def _assignments(appeal, titles):
    """«1. text — executors, until 18.12.2026» for each assignment given on the appeal."""
    given = [
        item
        for item in appeal.objectValues()
        if getattr(item, "portal_type", None) == "Assignment"
    ]
    lines = []
    for number, assignment in enumerate(given, 1):
        executors = ", ".join(
            titles(principal) for principal in assignment.executors() if principal
        )
        lines.append(
            f"{number}. {assignment.title} — {executors}, {format_date(assignment.effective_deadline())}"
        )
    return "\n".join(lines)


def people(reception):
    """The people signed up for the reception that this user may see (R13.2), as rows."""
    titles = PrincipalTitles()
    return [
        {
            "number": number,
            "time": clock_time(appeal.reception_time),
            "name": appeal.applicant_name,
            "contact": _contact(appeal),
            "issue": appeal.substance,
            "record": appeal.oral_record or "",
            "assignments": _assignments(appeal, titles),
            "url": appeal.absolute_url(),
            "registration_number": appeal.registration_number,
        }
        for number, appeal in enumerate(receptions.signups(reception), 1)
    ]


def print_values(reception):
    return {
        "official": principal_title(reception.official),
        "date": reception.day(),
        "start": clock_time(reception.start),
        "end": clock_time(reception.end),
        "place": reception.place,
        "invitees": list(reception.invitees or ()),
        "people": people(reception),
        "prepared_by": api.user.get_current().getProperty("fullname")
        or api.user.get_current().getId(),
        "prepared_on": working_calendar.now().date(),
    }


def docx_name(reception, kind):
    return f"reception-{kind}-{reception.day().isoformat()}-{reception.getId()}.docx"


class ReceptionView(BrowserView):
    """The reception: official, time and place, the list's term (R14.2), the people signed up,
    the invitees, the steps and the sign-up form."""

    def state_title(self):
        return state_title(self.context.review_state(), self.context.portal_type)

    def official(self):
        return principal_title(self.context.official)

    def period(self):
        return period(self.context)

    def list_due(self):
        return format_date(self.context.list_due())

    def list_late(self):
        return self.context.list_late()

    def people(self):
        return people(self.context)

    def may_handle(self):
        return api.user.has_permission(HANDLE, obj=self.context)

    def sign_up_problem(self):
        return receptions.sign_up_problem(self.context)

    def kinds(self):
        return [{"value": term.value, "title": term.title} for term in APPEAL_KINDS]

    def transitions(self):
        return button_transitions(self.context)

    def format_date(self, day):
        return format_date(day)


class SignUpRefused(Exception):
    """A sign-up the page refuses: its message says why."""


def _required(form, name, message):
    value = (form.get(name) or "").strip()
    if not value:
        raise SignUpRefused(message)
    return value


def _slot(reception, value):
    """The time «HH:MM» on the reception's day; None when not given. Whether it is within the
    reception's hours is receptions.sign_up's to say (R14.1)."""
    if not (value or "").strip():
        return None
    try:
        return datetime.combine(
            reception.day(), datetime.strptime(value.strip(), "%H:%M").time()
        )
    except ValueError:
        raise SignUpRefused(
            _("The time at the reception is not a time (HH:MM).")
        ) from None


def _identification(value):
    if not (value or "").strip():
        return None
    try:
        return identification.validate(value)
    except identification.IdentificationError as error:
        raise SignUpRefused(error.args[0]) from error


class SignUp(Step):
    """POST a person and their issue: an appeal received orally at the reception, registered at
    once and addressed to its official (R13.6, R13.8, R14.2)."""

    refusals = Step.refusals + (SignUpRefused,)

    def take(self):
        form = self.request.form
        kind = form.get("kind") or "appeal"
        if kind not in APPEAL_KINDS:
            raise SignUpRefused(_("Choose the kind of the appeal."))
        values = {
            "applicant_name": _required(
                form, "applicant_name", _("Give the name of the person.")
            ),
            "title": _required(form, "title", _("Give the subject of the issue.")),
            "substance": _required(
                form, "substance", _("Describe the issue the person raises.")
            ),
            "applicant_id": _identification(form.get("applicant_id")),
            "address": (form.get("address") or "").strip() or None,
            "phone": (form.get("phone") or "").strip() or None,
            "reception_time": _slot(self.context, form.get("time")),
            "kind": kind,
        }
        if not (values["address"] or values["phone"]):
            raise SignUpRefused(_("Give an address or a phone number for the answer."))
        appeal = receptions.sign_up(self.context, **values)
        api.portal.show_message(
            _(
                "${name} is signed up; the appeal is registered under number ${number}.",
                mapping={
                    "name": appeal.applicant_name,
                    "number": appeal.registration_number,
                },
            ),
            request=self.request,
        )


class ListDocx(BrowserView):
    """R14.2: the list of the persons signed up, with their issues and the invitees."""

    def __call__(self):
        data = reception_print.render_list(print_values(self.context), self.request)
        return print_forms.send(
            self.request.response, data, docx_name(self.context, "list")
        )


class ProtocolDocx(BrowserView):
    """R14.4, R13.10: what each person said and the assignments given, for the bodies concerned."""

    def __call__(self):
        data = reception_print.render_protocol(print_values(self.context), self.request)
        return print_forms.send(
            self.request.response, data, docx_name(self.context, "protocol")
        )


class ScheduleView(BrowserView):
    """The schedule: its receptions in time order, its approval (R14.1), the steps."""

    def state_title(self):
        return state_title(self.context.review_state(), self.context.portal_type)

    def approval(self):
        if self.context.approved_on is None:
            return None
        return {
            "by": principal_title(self.context.approved_by),
            "on": format_date(self.context.approved_on),
        }

    def receptions(self):
        rows = []
        for reception in sorted(
            self.context.objectValues(), key=lambda item: naive(item.start)
        ):
            rows.append(
                {
                    "url": reception.absolute_url(),
                    "official": principal_title(reception.official),
                    "period": period(reception),
                    "place": reception.place,
                    "state": state_title(
                        reception.review_state(), reception.portal_type
                    ),
                    "list_due": format_date(reception.list_due()),
                    "people": len(receptions.signups(reception)),
                }
            )
        return rows

    def add_url(self):
        if may_add(self.context, "Reception"):
            return f"{self.context.absolute_url()}/++add++Reception"
        return None

    def transitions(self):
        return button_transitions(self.context)
