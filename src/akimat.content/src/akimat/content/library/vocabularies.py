"""Named vocabularies of the document library (akimat.vocabularies.*)."""

from akimat.content import _
from akimat.content.core.vocabularies import vocabulary
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory


# Reports of the document library (R9.10d): how often a department reports.
REPORT_PERIOD_KINDS = vocabulary(
    ("month", _("Month")),
    ("quarter", _("Quarter")),
    ("half-year", _("Half-year")),
    ("year", _("Year")),
)


@provider(IVocabularyFactory)
def report_period_kinds(context):
    return REPORT_PERIOD_KINDS
