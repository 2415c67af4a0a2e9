"""Catalog indexers of the document library's reports: its facets and its full text (R9.10d)."""

from akimat.content.library.report import file_type
from akimat.content.library.report import IReport
from plone.indexer import indexer


def _files(report):
    """The report's primary file holder and the File items inside it."""
    return [
        report,
        *(
            item
            for item in report.objectValues()
            if getattr(item, "portal_type", None) == "File"
        ),
    ]


@indexer(IReport)
def report_period(obj):
    return obj.period or 0  # a yearly report: 0, so that a query can ask for it


@indexer(IReport)
def file_types(obj):
    """«pdf», «docx» …: the kinds of document the report holds (a facet of the library)."""
    return sorted(
        {file_type(item.file) for item in _files(obj) if getattr(item, "file", None)}
        - {""}
    )


@indexer(IReport)
def searchable_text(obj):
    """Title, kind, summary and the text of every file of the report (fulltext)."""
    texts = [obj.title, obj.report_kind, obj.description]
    texts += [getattr(item, "extracted_text", "") for item in _files(obj)]
    return " ".join(text for text in texts if text)
