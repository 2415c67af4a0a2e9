"""The site search with the requisites of our documents (the document library, issue 7).

Plone's own search page and template; each result of ours says before its description what it
is: its type, number and date, its department («Акт · № 5 от 08.12.2026 · Отдел экономики»). Only
catalog metadata is read. Appeals appear only to those who may see them: the catalog filters by
the View permission as everywhere (R13.2).
"""

from akimat.content.browser.formatting import format_date
from akimat.content.core.principals import principal_title
from akimat.content.library.report import period_title
from collections.abc import Sequence
from pathlib import Path
from plone import api
from Products.CMFPlone.browser import search as plone_search
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


PLONE_TEMPLATE = Path(plone_search.__file__).parent / "templates" / "search.pt"


def requisites(brain):
    """The parts that say what a document is, from its catalog metadata."""
    fti = api.portal.get_tool("portal_types").get(brain.portal_type)
    parts = (
        [api.portal.translate(fti.Title(), domain=fti.i18n_domain)]
        if fti is not None
        else []
    )
    number = getattr(brain, "registration_number", None)
    if number:
        parts.append(f"№ {number}, {format_date(brain.registration_date)}")
    elif getattr(brain, "meeting_start", None):
        parts.append(brain.meeting_start.strftime("%d.%m.%Y %H:%M"))
    elif brain.portal_type == "Report" and brain.report_year:
        parts.append(
            period_title(brain.period_kind, brain.report_period, brain.report_year)
        )
    department = getattr(brain, "department", None) or getattr(
        brain, "developer_department", None
    )
    if department:
        parts.append(principal_title(department))
    return " · ".join(part for part in parts if part)


class Result:
    """A search result that names its requisites before its description."""

    def __init__(self, item):
        self._item = item

    def __getattr__(self, name):
        return getattr(self._item, name)

    def CroppedDescription(self):
        description = self._item.CroppedDescription()
        head = requisites(self._item.getDataOrigin())
        return f"{head}. {description}" if head and description else head or description


class Results(Sequence):
    """The listing's results, each one a Result, still lazy: a page of 10 wakes up 10 brains."""

    def __init__(self, listing):
        self._listing = listing

    def __len__(self):
        return len(self._listing)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return Results(self._listing[index])
        return Result(self._listing[index])


class Search(plone_search.Search):
    index = ViewPageTemplateFile(str(PLONE_TEMPLATE))

    def __call__(self):
        return self.index()

    def results(
        self, query=None, batch=True, b_size=10, b_start=0, use_content_listing=True
    ):
        if not (batch and use_content_listing):
            return super().results(query, batch, b_size, b_start, use_content_listing)
        listing = super().results(query, False, b_size, b_start, True)
        if not listing:
            return listing
        return plone_search.Batch(Results(listing), b_size, int(b_start))
