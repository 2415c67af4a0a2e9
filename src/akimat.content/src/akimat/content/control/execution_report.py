"""Execution report (информация об исполнении): what an executor did, with a file (R12.13)."""

from akimat.content import _
from akimat.content.browser.formatting import format_date
from akimat.content.core import calendar as working_calendar
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zope import schema
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.interface import implementer


class IExecutionReport(model.Schema):
    # The text is no title: a title becomes the page's heading and its address (issue 15).
    text = schema.Text(title=_("What was done"), required=True)
    file = NamedBlobFile(title=_("Document"), required=False)


@implementer(IExecutionReport)
class ExecutionReport(Item):
    """A report acquires its permissions from the assignment it belongs to."""

    text = None
    library_report = None  # UID of the report of the document library it stands for (library.published)


def report_title(day, request):
    """«Информация об исполнении от 03.12.2026»: short, the same for every report of a day."""
    return translate(
        _("Execution information of ${date}", mapping={"date": format_date(day)}),
        context=request,
    )


def report_id(day):
    """report-2026-12-03; the container's name chooser numbers a second one of the day."""
    return f"report-{day.isoformat()}"


def title_untitled(report, event):
    """A report added without a title (REST, scripts) is titled by its day like the form's."""
    if not report.title:
        day = working_calendar.to_almaty(report.created().asdatetime()).date()
        report.title = report_title(day, getRequest())
