"""Handouts of a meeting per audience (RULES.md R5.8): a page listing them and a ZIP to print.

The akim gets the agenda, the order of proceedings, the invitees, the list of draft resolutions,
the справка, the report and the slides; the deputies and the head of apparatus the agenda, the list
of drafts, the report and the slides; the members the agenda and the list of drafts. The agenda,
the invitees and the list of drafts are generated here (DOCX); the rest are the materials of those
kinds from every agenda item, closed items included: the audiences are officials (R5.3).
"""

from akimat.content import _
from akimat.content.core.principals import PrincipalTitles
from akimat.content.core.vocabularies import title_of
from akimat.content.meetings.browser.meeting import HANDOUT_AUDIENCES
from akimat.content.meetings.browser.meeting import handout_links
from akimat.content.meetings.browser.meeting import period
from akimat.content.meetings.vocabularies import MATERIAL_KINDS
from akimat.content.meetings.vocabularies import MEETING_KINDS
from dataclasses import dataclass
from docx import Document
from io import BytesIO
from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate
from ZPublisher.Iterators import filestream_iterator

import os
import shutil
import tempfile
import zipfile


AGENDA, INVITEES, DRAFTS = "agenda", "invitees", "drafts"
DRAFT_KINDS = ("draft-resolution", "draft-decision")
# R5.8: what each audience receives, in the order of the rule; the rest are material kinds.
CONTENTS = {
    "akim": (
        AGENDA,
        "order-of-proceedings",
        INVITEES,
        DRAFTS,
        "certificate",
        "report",
        "presentation",
    ),
    "deputies": (AGENDA, DRAFTS, "report", "presentation"),
    "members": (AGENDA, DRAFTS),
}
GENERATED_TITLES = {
    AGENDA: _("Agenda"),
    INVITEES: _("Invitees"),
    DRAFTS: _("List of draft resolutions"),
}


@dataclass(frozen=True)
class Generated:
    """A document made from the meeting: its title, the meeting's heading and its paragraphs,
    already translated."""

    id: str
    title: str
    heading: tuple
    lines: tuple

    @property
    def filename(self):
        return f"{self.id}.docx"

    def docx(self):
        document = Document()
        document.add_heading(self.title, level=1)
        for line in self.heading + self.lines:
            document.add_paragraph(line)
        stream = BytesIO()
        document.save(stream)
        return stream.getvalue()


@dataclass(frozen=True)
class Enclosed:
    """A material of an agenda item, named «<item number>-<kind>-<file name>» in the package."""

    filename: str
    title: str
    kind: str
    material: object

    @property
    def url(self):
        return f"{self.material.absolute_url()}/@@download/file"


def materials(meeting, kind):
    """(item number, material) of this kind from every agenda item, as far as the user may see."""
    for number, item in enumerate(meeting.agenda(), 1):
        for material in item.objectValues():
            if (
                getattr(material, "portal_type", "") == "Material"
                and material.kind == kind
                and material.file is not None
                and api.user.has_permission("View", obj=material)
            ):
                yield number, material


class Package:
    """What one audience receives for one meeting, in the order of R5.8."""

    def __init__(self, meeting, audience, request):
        self.meeting, self.audience, self.request = meeting, audience, request
        self.titles = PrincipalTitles()

    def t(self, message):
        return translate(message, context=self.request)

    def title(self):
        return HANDOUT_AUDIENCES[self.audience]

    def documents(self):
        documents, names = [], set()
        for part in CONTENTS[self.audience]:
            if part in GENERATED_TITLES:
                documents.append(self.generated(part))
                continue
            for number, material in materials(self.meeting, part):
                name = unique(
                    f"{number}-{part}-{safe_name(material.file.filename)}", names
                )
                documents.append(
                    Enclosed(
                        name,
                        material.title,
                        self.t(MATERIAL_KINDS.getTerm(part).title),
                        material,
                    )
                )
        return documents

    def generated(self, part):
        lines = getattr(self, f"{part}_lines")()
        return Generated(
            part, self.t(GENERATED_TITLES[part]), tuple(self.heading()), tuple(lines)
        )

    def heading(self):
        meeting = self.meeting
        kind = self.t(title_of(MEETING_KINDS, meeting.kind))
        return [
            line
            for line in (
                f"{kind}: {meeting.title}",
                period(meeting),
                meeting.hall or meeting.place,
            )
            if line
        ]

    def agenda_lines(self):
        lines = []
        for number, item in enumerate(self.meeting.agenda(), 1):
            closed = f" ({self.t(_('closed item (R5.3)'))})" if item.closed_item else ""
            lines.append(f"{number}. {item.title}{closed}")
            speakers = [self.titles(userid) for userid in item.speakers or ()]
            speakers += [item.speakers_external] if item.speakers_external else []
            if speakers:
                lines.append(f"{self.t(_('Speakers:'))} {', '.join(speakers)}")
        return lines

    def invitees_lines(self):
        agreed = self.meeting.invitees_agreed_by
        note = (
            _("Agreed with ${who}", mapping={"who": self.titles(agreed)})
            if agreed
            else _("Not yet agreed with the supervising deputy akim")
        )
        return [
            f"{number}. {invitee}"
            for number, invitee in enumerate(self.meeting.invitees or (), 1)
        ] + [self.t(note)]

    def drafts_lines(self):
        lines = []
        for kind in DRAFT_KINDS:
            for number, material in materials(self.meeting, kind):
                lines.append(f"{number}. {material.title} ({material.file.filename})")
        return lines or [self.t(_("No draft resolutions."))]


def safe_name(filename):
    return (filename or "file").replace("/", "_").replace("\\", "_")


def unique(name, taken):
    """`name`, or `name` with «-2», «-3» … before its extension when the package has it already."""
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    candidate, count = name, 1
    while candidate in taken:
        count += 1
        candidate = f"{stem}-{count}{dot}{extension}"
    taken.add(candidate)
    return candidate


def write_zip(stream, documents):
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for document in documents:
            if isinstance(document, Generated):
                archive.writestr(document.filename, document.docx())
                continue
            with (
                document.material.file.open() as source,
                archive.open(document.filename, "w") as target,
            ):
                shutil.copyfileobj(source, target)


class HandoutBase(BrowserView):
    """?audience=akim|deputies|members; anything else is a 400 with a plain message."""

    def package(self):
        return Package(
            self.context, self.request.form.get("audience", ""), self.request
        )

    def refuse(self):
        response = self.request.response
        response.setStatus(400)
        response.setHeader("Content-Type", "text/plain; charset=utf-8")
        return translate(
            _("Choose the audience of the handouts: akim, deputies or members."),
            context=self.request,
        )

    def valid(self):
        return self.request.form.get("audience") in CONTENTS


class HandoutView(HandoutBase):
    """The handouts of one audience: the generated documents as text, the materials as links."""

    def __call__(self):
        if not self.valid():
            return self.refuse()
        return self.index()

    def label(self):
        return self.package().title()

    def documents(self):
        return self.package().documents()

    def audiences(self):
        return handout_links(self.context)

    def zip_url(self):
        return f"{self.context.absolute_url()}/@@handout.zip?audience={self.request.form['audience']}"

    def generated(self, document):
        return isinstance(document, Generated)


class HandoutZip(HandoutBase):
    """The handouts of one audience as a ZIP, spooled to a temporary file and streamed from it."""

    def __call__(self):
        if not self.valid():
            return self.refuse()
        package = self.package()
        with tempfile.NamedTemporaryFile(suffix=".zip", delete=False) as spool:
            write_zip(spool, package.documents())
        stream = filestream_iterator(spool.name, "rb")
        os.unlink(spool.name)  # the open stream keeps the data until it is read
        response = self.request.response
        response.setHeader("Content-Type", "application/zip")
        response.setHeader(
            "Content-Disposition",
            f'attachment; filename="handout-{self.context.getId()}-{package.audience}.zip"',
        )
        response.setHeader("Content-Length", str(len(stream)))
        response.setHeader("Cache-Control", "private, no-store")
        return stream
