"""What happens to a report of the document library on its way (RULES.md R9.10d, R12.13).

Called by event subscribers, so a person's form and an integrator's POST go the same way.
"""

from akimat.content import _
from akimat.content.library import fulltext
from akimat.content.library.report import same_report
from DateTime import DateTime
from plone import api


def replace_corrected(report):
    """A corrected version archives the report it replaces; both keep the link (the version chain)."""
    if not report.corrected_version:
        return
    earlier = same_report(report, report)
    if earlier is None:
        return
    earlier = earlier._unrestrictedGetObject()
    report.replaces = earlier.UID()
    earlier.replaced_by = report.UID()
    if earlier.review_state() != "archived":
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(obj=earlier, transition="archive")
    earlier.reindexObject()


def published(report):
    """The day it was published (its effective date, which the library's overview reads); R12.13:
    a report answering an assignment becomes its execution report."""
    report.setEffectiveDate(DateTime())
    report.reindexObject(idxs=["effective"])
    assignment = (
        report.answers.to_object
        if report.answers is not None and not report.answers.isBroken()
        else None
    )
    if assignment is None or any(
        getattr(item, "library_report", None) == report.UID()
        for item in assignment.execution_reports()
    ):
        return
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            container=assignment,
            type="ExecutionReport",
            title=api.portal.translate(
                _(
                    "Published in the document library: ${title}",
                    mapping={"title": report.title},
                )
            ),
            library_report=report.UID(),
        )


def refresh_text(obj):
    """Keep the text of the object's file for the catalog: extracted once per upload, not on
    every reindex (a PDF of a hundred pages takes a second)."""
    file = getattr(obj, "file", None)
    obj.extracted_text = fulltext.file_text(file) if file is not None else ""
