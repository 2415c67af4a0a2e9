"""Views of a protocol (RULES.md R8, Appendix 6): drawn up from its meeting, its page with the
sections, assignments, visa sheet and signatures, its workflow steps and signing, the print forms
and the listings. Visas and returns use the acts' forms (browser/act.py, registered in
protocols.zcml)."""

from Acquisition import aq_parent
from akimat.content import _
from akimat.content.agreement import visas
from akimat.content.agreement.browser import AgreedDocumentView
from akimat.content.agreement.browser import CatalogListing
from akimat.content.browser.formatting import format_date
from akimat.content.browser.formatting import format_moment
from akimat.content.browser.formatting import state_titles
from akimat.content.browser.steps import button_transitions
from akimat.content.browser.steps import Step
from akimat.content.control.browser.control_list import bad_request
from akimat.content.core import print_forms
from akimat.content.core.principals import position
from akimat.content.core.principals import principal_title
from akimat.content.core.principals import PrincipalTitles
from akimat.content.core.vocabularies import LANGUAGES
from akimat.content.core.vocabularies import title_of
from akimat.content.meetings import protocol_life_cycle as protocols
from akimat.content.meetings.protocol_print import LABELS
from akimat.content.meetings.protocol_print import render_extract
from akimat.content.meetings.protocol_print import render_protocol
from akimat.content.meetings.vocabularies import MEETING_KINDS
from akimat.content.meetings.vocabularies import PROTOCOL_FORMS
from datetime import date
from plone import api
from Products.Five.browser import BrowserView


ADD_PROTOCOL = "akimat.content: Add Protocol"
VISA = "akimat.content: Visa protocol"
RETURN = "akimat.content: Return protocol"
SIGN = "akimat.content: Sign protocol"
MODIFY = "Modify portal content"
# A6.4: the number is given at registration; a draft prints without one (drafts go for agreement).
NUMBERED_STATES = ("registered", "sent")
RETURNABLE_STATES = ("agreement", "signing")
# User transitions offered as buttons; «return» has its form (reason), signing its own button.


def numbered(protocol):
    return protocol.review_state() in NUMBERED_STATES


# The protocol as data: for its page and for protocol_print (A6.1, A6.2)


def person(userid):
    if not userid:
        return {"name": "", "position": ""}
    return {"name": principal_title(userid), "position": position(userid)}


def section_values(section):
    return {
        "number": section.number,
        "title": section.title,
        "speakers": section.speakers or "",
        "heard": section.heard or "",
        "spoke": section.spoke or "",
        "decided": section.decided or "",
        "solved": bool(section.solved),
        "votes": section.votes or "",
    }


def assignment_values(assignment, titles):
    return {
        "number": assignment.number or "",
        "text": assignment.title,
        "executors": ", ".join(
            titles(principal) for principal in assignment.executors() if principal
        ),
        "deadline": assignment.deadline,
    }


def in_section(number, section_number):
    """R8.5b: the assignments 2, 2.1, 2.1.3 … belong to the section of item 2."""
    return number.split(".")[0] == str(section_number)


def distribution(protocol, titles):
    """The distribution list: the intranet's principals, then the outside bodies (A6.5)."""
    external = [
        line.strip()
        for line in (protocol.distribution_external or "").splitlines()
        if line.strip()
    ]
    return [titles(principal) for principal in protocol.distribution or ()] + external


def print_values(protocol):
    """The `values` of protocol_print for this protocol, as its docstring specifies."""
    titles = PrincipalTitles()
    assignments = [
        assignment_values(assignment, titles) for assignment in protocol.assignments()
    ]
    sections = []
    for section in protocol.sections():
        values = section_values(section)
        values["assignments"] = [
            a for a in assignments if in_section(a["number"], section.number)
        ]
        sections.append(values)
    return {
        "language": protocol.protocol_language,
        "organisation": api.portal.get().Title(),
        "meeting_kind": protocol.meeting_kind,
        "number": protocol.registration_number if numbered(protocol) else None,
        "date": protocol.meeting_date,
        "place": protocol.place or "",
        "chair": person(protocol.chair),
        "secretary": person(protocol.secretary),
        "attendees": [person(userid) for userid in protocol.attendees or ()],
        "invitees": list(protocol.invitees or ()),
        "agenda": [
            {key: section[key] for key in ("number", "title", "speakers")}
            for section in sections
        ],
        "sections": sections,
        "controller": titles(protocol.controller) if protocol.controller else "",
        "distribution": distribution(protocol, titles),
    }


# The page


class ProtocolView(AgreedDocumentView):
    """The protocol as a document, its terms, visa sheet and signatures, and what this user may do."""

    def numbered(self):
        return numbered(self.context)

    def kind(self):
        return title_of(MEETING_KINDS, self.context.meeting_kind)

    def form_title(self):
        return title_of(PROTOCOL_FORMS, self.context.form)

    def language_title(self):
        return title_of(LANGUAGES, self.context.protocol_language)

    def labels(self):
        """The protocol's own headings (СЛУШАЛИ …) in its language, as in its print form (R8.5c)."""
        return LABELS.get(self.context.protocol_language, LABELS["ru"])

    def meeting(self):
        meeting = self.context.get_meeting()
        return (
            {"title": meeting.Title(), "url": meeting.absolute_url()}
            if meeting is not None
            else None
        )

    def people(self):
        protocol, titles = self.context, PrincipalTitles()
        return {
            "chair": titles(protocol.chair) if protocol.chair else "",
            "secretary": titles(protocol.secretary) if protocol.secretary else "",
            "attendees": [titles(userid) for userid in protocol.attendees or ()],
            "attached": protocol.attendees_attached(),  # A6.2: more than 10
            "controller": titles(protocol.controller) if protocol.controller else "",
            "distribution": distribution(protocol, titles),
        }

    def terms(self):
        """R8.5d: drawn up within its term after the meeting; agreed within 1 day."""
        protocol, today = self.context, self.today()
        agreement_deadline = protocol.agreement_deadline()
        return {
            "due": protocol.due_date(),
            "drawn_up_on": protocol.drawn_up_on,
            "days_late": protocol.days_late(today=today),
            "agreement_deadline": agreement_deadline,
            "agreement_overdue": agreement_deadline is not None
            and today > agreement_deadline,
        }

    def sections(self):
        url = self.context.absolute_url()
        rows = []
        for section in self.context.sections():
            row = section_values(section)
            may_edit = api.user.has_permission(MODIFY, obj=section)
            row["edit_url"] = f"{section.absolute_url()}/edit" if may_edit else None
            row["extract_url"] = f"{url}/@@extract.docx?item={section.number}"
            rows.append(row)
        return rows

    def assignments(self):
        """R8.5b: in the order 1, 1.1, 1.2, 2 …, each with the deadline control counts (R12.2b)."""
        titles, rows = PrincipalTitles(), []
        for assignment in self.context.assignments():
            row = assignment_values(assignment, titles)
            row.update(
                url=assignment.absolute_url(),
                deadline=assignment.effective_deadline(),
                level=row["number"].count("."),
            )
            rows.append(row)
        return rows

    def add_url(self, type_name):
        """The add form of a section or an assignment, when this user may add one here."""
        fti = api.portal.get_tool("portal_types").getTypeInfo(type_name)
        if fti.isConstructionAllowed(self.context) and self.can("Add portal content"):
            return f"{self.context.absolute_url()}/++add++{type_name}"
        return None

    def signatures(self):
        """A6.3: the chair and the secretary, each signed when, or awaited."""
        signed = dict(self.context.signatures)
        roles = (
            (_("Chair"), self.context.chair),
            (_("Secretary"), self.context.secretary),
        )
        return [
            {
                "role": role,
                "name": principal_title(userid),
                "userid": userid,
                "when": format_moment(signed[userid]) if userid in signed else None,
            }
            for role, userid in roles
            if userid
        ]

    # Actions

    def may_visa(self):
        return self.can(VISA) and visas.awaiting(self.context, self.userid())

    def may_return(self):
        return self.can(RETURN) and self.context.review_state() in RETURNABLE_STATES

    def may_sign(self):
        return self.can(SIGN) and self.userid() in protocols.awaiting_signature(
            self.context
        )

    def transitions(self):
        return button_transitions(self.context)


# Steps taken by buttons


class CreateProtocol(Step):
    """A meeting's protocol, drawn up from it in «Протоколы» or next to the meeting (A6.1, A6.2)."""

    def take(self):
        portal = api.portal.get()
        container = portal.get("protocols")
        if container is None:
            container = aq_parent(self.context)
        if not api.user.has_permission(ADD_PROTOCOL, obj=container):
            raise protocols.ProtocolError(
                _(
                    "You may not add protocols in «${folder}».",
                    mapping={"folder": container.Title()},
                )
            )
        protocol = protocols.create_from_meeting(self.context, container)
        api.portal.show_message(
            _(
                "The protocol is drawn up from the meeting: check its sections and add the assignments."
            ),
            request=self.request,
        )
        return protocol.absolute_url()


class Sign(Step):
    """The chair or the secretary signs the agreed protocol (A6.3)."""

    def take(self):
        protocols.sign(self.context, api.user.get_current().getId())
        api.portal.show_message(_("Your signature is recorded."), request=self.request)


# Print forms


def docx_name(protocol, suffix=""):
    if numbered(protocol):
        stem = f"protocol-{protocol.meeting_kind}-{protocol.meeting_date.year}-{protocol.registration_number}"
    else:
        stem = protocol.getId()
    return f"{stem}{suffix}.docx"


class PrintDocx(BrowserView):
    """The protocol in its full or short form as a Word document (A6.1, A6.2)."""

    def __call__(self):
        data = render_protocol(print_values(self.context), self.context.form or "full")
        return print_forms.send(self.request.response, data, docx_name(self.context))


class ExtractDocx(BrowserView):
    """?item=N: the extract of one agenda item for its addressees (A6.5)."""

    def __call__(self):
        values = print_values(self.context)
        numbers = [section["number"] for section in values["sections"]]
        item = str(self.request.form.get("item", "")).strip()
        if not item.isdigit() or int(item) not in numbers:
            return bad_request(
                self.request,
                protocols.ProtocolError(
                    _(
                        "The protocol has no item «${item}»; its items are: ${items}.",
                        mapping={
                            "item": item,
                            "items": ", ".join(map(str, numbers)) or "—",
                        },
                    )
                ),
            )
        data = render_extract(values, int(item))
        return print_forms.send(
            self.request.response, data, docx_name(self.context, f"-item-{item}")
        )


# Listings


class ProtocolListingBase(CatalogListing):
    """A batched list of protocols from the catalog: metadata only, no object is woken up."""

    def row(self, brain):
        if not hasattr(self, "_states"):
            self._states = state_titles("Protocol")
        return {
            "title": brain.Title,
            "url": brain.getURL(),
            "kind": title_of(MEETING_KINDS, brain.meeting_kind),
            "date": format_date(brain.protocol_date),
            "number": brain.registration_number,
            "registration_date": format_date(brain.registration_date),
            "state": self._states.get(brain.review_state, brain.review_state),
            "state_id": brain.review_state,
        }


class ProtocolListing(ProtocolListingBase):
    """All protocols, the latest meeting first, filtered by year, kind of meeting and state."""

    label = _("Protocols")

    def filters(self):
        form = self.request.form
        return {name: form.get(name) or "" for name in ("year", "kind", "state")}

    def query(self):
        chosen = self.filters()
        query = {"portal_type": "Protocol"}
        if chosen["year"].isdigit():
            year = int(chosen["year"])
            query["protocol_date"] = {
                "query": (date(year, 1, 1), date(year, 12, 31)),
                "range": "min:max",
            }
        if chosen["kind"]:
            query["meeting_kind"] = chosen["kind"]
        if chosen["state"]:
            query["review_state"] = chosen["state"]
        return query

    def brains(self):
        return sorted(
            api.content.find(**self.query()),
            key=lambda b: (b.protocol_date or date.min, b.registration_number or 0),
            reverse=True,
        )

    def kinds(self):
        return [{"value": term.value, "title": term.title} for term in MEETING_KINDS]

    def years(self):
        days = api.portal.get_tool("portal_catalog").uniqueValuesFor("protocol_date")
        return sorted({day.year for day in days if day}, reverse=True)

    def state_options(self):
        return [
            {"value": state, "title": title}
            for state, title in state_titles("Protocol").items()
        ]


class ProtocolsAwaitingMyVisa(ProtocolListingBase):
    """The protocols this user is expected to visa now, himself or as a substitute (R8.5d)."""

    label = _("Protocols awaiting my visa")

    def brains(self):
        return api.content.find(
            portal_type="Protocol",
            awaiting_visa=api.user.get_current().getId(),
            sort_on="modified",
            sort_order="descending",
        )


class ProtocolsAwaitingMySignature(ProtocolListingBase):
    """The agreed protocols this user signs as the chair or the secretary (A6.3)."""

    label = _("Protocols awaiting my signature")

    def brains(self):
        return api.content.find(
            portal_type="Protocol",
            awaiting_signature=api.user.get_current().getId(),
            sort_on="modified",
            sort_order="descending",
        )


class SectionView(BrowserView):
    """A section is read in its protocol, in order with the others: its page is that place."""

    def __call__(self):
        section = self.context
        self.request.response.redirect(
            f"{section.__parent__.absolute_url()}#protocol-section-{section.number}"
        )
        return ""
