"""Execution report (информация об исполнении): what an executor did, with a file (R12.13)."""

from akimat.content import _
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IExecutionReport(model.Schema):
    title = schema.Text(title=_("What was done"), required=True)
    file = NamedBlobFile(title=_("Document"), required=False)


@implementer(IExecutionReport)
class ExecutionReport(Item):
    """A report acquires its permissions from the assignment it belongs to."""

    library_report = None  # UID of the report of the document library it stands for (library.published)
