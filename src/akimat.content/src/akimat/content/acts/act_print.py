"""The print form of a registered act with its visa sheet as DOCX (RULES.md R10.16, R10.4a).

Renders with the Word template `print_templates/act.docx` (docxtpl, see `print_forms`). Unlike the
protocol's and the reception's print modules it builds its values from the act too, so that the
page and any other caller print the same. `print_values(act, request)`, in the reader's language:

    kind: str; number: int; date: datetime.date
    title_kk, title_ru: str; text_kk, text_ru: str (without markup, one paragraph a line)
    developer: str; signatory: str
    visas: [{"name": str, "position": str, "decision": str, "date": datetime.date|None}]
           (the rounds that led to the signature, R10.14)
"""

from akimat.content import _
from akimat.content.acts import life_cycle as acts
from akimat.content.acts.vocabularies import ACT_KINDS
from akimat.content.agreement import visas
from akimat.content.core.principals import position
from akimat.content.core.principals import principal_title
from akimat.content.core.print_forms import default_template
from akimat.content.core.print_forms import render_docx
from akimat.content.core.vocabularies import title_of
from zope.i18n import translate

import re


_TAGS = re.compile(r"<[^>]+>")
_BLOCK_ENDS = re.compile(r"</(p|div|li|h[1-6]|tr)>|<br\s*/?>", re.IGNORECASE)


class NotPrintable(ValueError):
    """An act that has no print form (yet); args[0] is the message for the person."""


def plain_text(richtext):
    """The text of a RichText value without markup, one paragraph a line."""
    if not richtext:
        return ""
    html = _BLOCK_ENDS.sub("\n", richtext.raw or "")
    text = _TAGS.sub("", html)
    for entity, char in (
        ("&nbsp;", " "),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", '"'),
        ("&amp;", "&"),
    ):
        text = text.replace(entity, char)
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def signature_sheet(act):
    """The rounds that led to the signature: the agreed rounds after the last return (for a
    resolution, the departments' round and the members' round, R10.14)."""
    sheet = []
    for current in reversed(visas.rounds(act)):
        if current.state != visas.AGREED:
            break
        sheet.insert(0, current)
    return sheet


def visa_rows(act, request):
    """Who visaed the signed text, with their posts: a substitute «for» the approver (R11.4)."""
    rows = []
    for current in signature_sheet(act):
        for visa in current.visas:
            name = principal_title(visa.signed_by or visa.approver)
            if visa.by_substitute:
                name = translate(
                    _(
                        "${who} for ${approver}",
                        mapping={
                            "who": name,
                            "approver": principal_title(visa.approver),
                        },
                    ),
                    context=request,
                )
            rows.append(
                {
                    "name": name,
                    "position": position(visa.signed_by or visa.approver),
                    "decision": translate(
                        visas.DECISIONS.get(visa.decision, ""), context=request
                    )
                    if visa.decision
                    else "",
                    "date": visa.when.date() if visa.when else None,
                }
            )
    return rows


def print_values(act, request):
    """The values of the print form; NotPrintable unless the act is registered (R10.16)."""
    if act.review_state() != "registered":
        raise NotPrintable(_("Only a registered act has a print form."))
    signed = acts.last_transition(act, "sign")
    return {
        "kind": translate(title_of(ACT_KINDS, act.kind), context=request),
        "number": act.registration_number,
        "date": act.registration_date,
        "title_kk": act.title_kk or "",
        "title_ru": act.title or "",
        "text_kk": plain_text(act.text_kk),
        "text_ru": plain_text(act.text_ru),
        "developer": principal_title(act.developer_department)
        if act.developer_department
        else "",
        "signatory": principal_title(signed["actor"])
        if signed and signed.get("actor")
        else "",
        "visas": visa_rows(act, request),
    }


def render_act(values):
    """The DOCX bytes of the print form."""
    return render_docx(default_template(), values)
