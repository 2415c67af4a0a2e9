"""The list of a personal reception (R14.2) and its protocol (R14.4, R13.10) as DOCX.

Templates `print_templates/reception_list.docx` and `reception_protocol.docx` (docxtpl, see
`print_forms`). Their headings are messages of the `akimat` catalog, printed in the reader's
language. `values`, built by the views from the content:

    official, place: str; date: datetime.date; start, end: "HH:MM"; invitees: [str]
    people: [{"number": int, "time": "HH:MM", "name": str, "contact": str, "issue": str,
              "record": str, "assignments": str}]
    prepared_by: str; prepared_on: datetime.date
"""

from akimat.content import _
from akimat.content.core.print_forms import render_docx
from akimat.content.core.print_forms import template
from zope.i18n import translate


LIST = "reception_list.docx"
PROTOCOL = "reception_protocol.docx"

LABELS = {
    "list_title": _("LIST of the persons signed up for the personal reception"),
    "protocol_title": _("PROTOCOL of the personal reception of citizens"),
    "official": _("Receiving official"),
    "date": _("Date"),
    "place": _("Place"),
    "time": _("Time"),
    "name": _("Name of the applicant"),
    "contact": _("Address and phone"),
    "issue": _("Issue raised"),
    "record": _("What was said"),
    "assignments": _("Assignments, executors, deadlines"),
    "invitees": _("Invitees"),
    "control": _(
        "The assignments given at the reception are controlled by the appeals department (R14.4)."
    ),
    "prepared_by": _("Prepared by the appeals department"),
}


def _context(values, request):
    labels = {
        key: translate(message, context=request) for key, message in LABELS.items()
    }
    return {"labels": labels, "subtitle": "", **values}


def render_list(values, request):
    return render_docx(template(LIST), _context(values, request))


def render_protocol(values, request):
    return render_docx(template(PROTOCOL), _context(values, request))
