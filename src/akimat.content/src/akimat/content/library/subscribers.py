"""Thin event subscribers of the document library's reports."""

from akimat.content.core.transitions import transition_of
from akimat.content.library import life_cycle as library
from akimat.content.library.report import department_of
from akimat.content.library.report import IReport
from akimat.content.library.report import report_title


def report_added(report, event):
    """A report belongs to the department whose library folder holds it (R9.10d); its files'
    text is kept for the catalog; a corrected version replaces the earlier report."""
    report.department = department_of(report) or report.department
    report.title = report_title(report)
    library.refresh_text(report)
    library.replace_corrected(report)
    report.reindexObject()


def report_modified(report, event):
    report.title = report_title(report)
    library.refresh_text(report)
    report.reindexObject()


def annex_changed(file, event):
    """A further file of a report: its text goes into the report's full text."""
    report = file.__parent__
    if IReport.providedBy(report):
        library.refresh_text(file)
        report.reindexObject(idxs=["SearchableText", "file_types"])


def report_after_transition(report, event):
    if transition_of(event) == "publish":
        library.published(report)
