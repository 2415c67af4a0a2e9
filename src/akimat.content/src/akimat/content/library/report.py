"""Report (отчёт) of a department in the document library (RULES.md R9.10d, R9.3).

A report is published by its department for a period (a month, a quarter, a half-year or a year)
instead of being sent as a letter. One report of a kind per department and period: a second is
refused with a link to the first, unless it is marked as the corrected version, which then
replaces the first (`library.replace_corrected`). Its files are PDF, DOCX, XLSX or ODT; their text
is indexed for full-text search (`fulltext`). Restricted files are refused (R9.3).
"""

from Acquisition import aq_chain
from Acquisition import aq_inner
from akimat.content import _
from akimat.content.browser.formatting import MONTHS
from akimat.content.core import bounds
from akimat.content.core import calendar as working_calendar
from akimat.content.core.restriction import is_restricted
from akimat.content.core.vocabularies import title_of
from akimat.content.core.year import Year
from akimat.content.interfaces import IDepartmentLibrary
from akimat.content.library.vocabularies import REPORT_PERIOD_KINDS
from plone import api
from plone.app.z3cform.widgets.relateditems import RelatedItemsFieldWidget
from plone.app.z3cform.widgets.select import AjaxSelectFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from plone.uuid.interfaces import IUUID
from Products.CMFCore.utils import getToolByName
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant
from zope.interface import provider
from zope.schema import ValidationError
from zope.schema.interfaces import IContextAwareDefaultFactory


FILE_TYPES = ("pdf", "docx", "xlsx", "odt")
# How many periods of a kind a year has; a yearly report has no period number.
PERIODS_IN_YEAR = {"month": 12, "quarter": 4, "half-year": 2, "year": None}


def department_of(context):
    """The department whose library folder holds `context`, or None."""
    for item in aq_chain(aq_inner(context)):
        if IDepartmentLibrary.providedBy(item):
            return item.getId()
    return None


def file_type(file):
    """«pdf», «docx» … of a file by its name; "" when it has none."""
    name = getattr(file, "filename", None) or ""
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def period_title(kind, number, year, language=None):
    """«Октябрь 2026», «3 квартал 2026» …: the month's name, or the period's number and kind,
    and the year, in `language` (the reader's by default)."""
    if not number:
        return str(year)
    if kind == "month" and 1 <= number <= 12:
        return f"{api.portal.translate(MONTHS[number - 1], lang=language)} {year}"
    kind_title = api.portal.translate(
        title_of(REPORT_PERIOD_KINDS, kind), lang=language
    )
    return f"{number} {kind_title.lower()} {year}"


def report_title(report):
    """«Отчёт о занятости населения, 3 квартал 2026»: the title says the kind and the period, in
    the site's language, so that the form asks for neither twice."""
    period = period_title(
        report.period_kind,
        report.period,
        report.report_year,
        api.portal.get_default_language(),
    )
    # «…, март 2026»: the month's name inside the title is lowercase.
    return f"{(report.report_kind or '').strip()}, {period[:1].lower()}{period[1:]}"


class FieldInvalid(Invalid):
    """An invariant's refusal that belongs to one field: forms show it at that field."""

    def __init__(self, message, field):
        super().__init__(message)
        self.field = field


class WrongFileType(ValidationError):
    __doc__ = _("Reports are published as PDF, DOCX, XLSX or ODT files.")


def _report_file(value):
    if file_type(value) not in FILE_TYPES:
        raise WrongFileType(value)
    return True


@provider(IContextAwareDefaultFactory)
def _folder_department(context):
    return department_of(context)


def _this_year():
    return working_calendar.now().year


class IReport(model.Schema):
    report_kind = schema.TextLine(
        title=_("Kind of report"),
        description=_(
            "What the report is, the same every period, e.g. «Отчёт об исполнении бюджета»."
        ),
        required=True,
    )
    # Made of the kind and the period (`report_title`): the forms do not ask for it.
    directives.omitted("title")
    title = schema.TextLine(title=_("Title"), required=False)
    description = schema.Text(title=_("Summary"), required=False)
    department = schema.Choice(
        title=_("Department"),
        vocabulary="akimat.vocabularies.Departments",
        required=True,
        defaultFactory=_folder_department,
    )
    period_kind = schema.Choice(
        title=_("Period"),
        vocabulary="akimat.vocabularies.ReportPeriodKinds",
        required=True,
    )
    period = schema.Int(
        title=_("Month, quarter or half-year"),
        description=_(
            "Its number in the year: a month 1–12, a quarter 1–4, a half-year 1–2; empty for a year."
        ),
        required=False,
        **bounds.whole_numbers(1, 12),
    )
    report_year = Year(
        title=_("Year"), required=True, defaultFactory=_this_year, **bounds.REPORT_YEARS
    )
    model.primary("file")
    file = NamedBlobFile(
        title=_("File"),
        description=_(
            "PDF, DOCX, XLSX or ODT. Further files are added to the report after it is saved."
        ),
        required=True,
        constraint=_report_file,
    )
    restriction = schema.Choice(
        title=_("Restriction mark"),
        description=_(
            "Files for official use only (ДСП) or with state secrets are never published here."
        ),
        vocabulary="akimat.vocabularies.RestrictionMarks",
        required=True,
        default="none",
    )
    directives.widget(
        "executor", AjaxSelectFieldWidget, vocabulary="akimat.vocabularies.Principals"
    )
    executor = schema.Choice(
        title=_("Responsible executor"),
        vocabulary="akimat.vocabularies.Principals",
        required=False,
    )
    answers = RelationChoice(
        title=_("Answers the assignment"),
        description=_(
            "Publishing the report gives the assignment it as its execution report."
        ),
        vocabulary="plone.app.vocabularies.Catalog",
        required=False,
    )
    directives.widget(
        "answers",
        RelatedItemsFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={
            "selectableTypes": ["Assignment"],
            "basePath": "/",
            "recentlyUsed": False,
        },
    )
    corrected_version = schema.Bool(
        title=_("Corrected version"),
        description=_(
            "Replaces the report of the same kind and period, which is archived and kept."
        ),
        required=False,
        default=False,
    )

    @invariant
    def period_fits_its_kind(data):
        if data.period_kind not in PERIODS_IN_YEAR:
            return
        periods = PERIODS_IN_YEAR[data.period_kind]
        if periods is None and data.period:
            raise FieldInvalid(
                _("A yearly report has no month, quarter or half-year."), "period"
            )
        if periods is not None and not (data.period and data.period <= periods):
            raise FieldInvalid(
                _(
                    "Give the number of the period in the year: 1 to ${count}.",
                    mapping={"count": periods},
                ),
                "period",
            )

    @invariant
    def not_restricted(data):
        """R9.3, R9.4: restricted files never enter the electronic library."""
        if is_restricted(data.restriction, getattr(data.file, "filename", None)):
            raise FieldInvalid(
                _(
                    "Files for official use only (ДСП) and with state secrets are not published "
                    "electronically: hand them to the secret records office."
                ),
                "restriction",
            )

    @invariant
    def one_per_period(data):
        """One report of a kind per department and period; a corrected version replaces it."""
        if getattr(data, "corrected_version", False):
            return
        first = same_report(data, getattr(data, "__context__", None))
        if first is not None:
            raise FieldInvalid(
                _(
                    "This report is already in the library: ${url}. Mark the new one as the "
                    "corrected version to replace it.",
                    mapping={"url": first.getURL()},
                ),
                "corrected_version",
            )


def same_report(data, context):
    """The catalog brain of another live report of the kind, department and period of `data`."""
    if not (
        data.report_kind and data.department and data.period_kind and data.report_year
    ):
        return None
    catalog = getToolByName(context, "portal_catalog", None) or api.portal.get_tool(
        "portal_catalog"
    )
    own = (
        IUUID(context, None) if IReport.providedBy(context) else None
    )  # None while being created
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Report",
        report_kind=data.report_kind.strip(),
        department=data.department,
        period_kind=data.period_kind,
        report_year=data.report_year,
        report_period=data.period or 0,
        review_state=("draft", "published"),
    ):
        if own != brain.UID:
            return brain
    return None


@implementer(IReport)
class Report(Container):
    """Its further files are File items inside it; its text is indexed with theirs."""

    replaces = None  # UID of the report this corrected version replaced
    replaced_by = None

    def review_state(self):
        return getToolByName(self, "portal_workflow").getInfoFor(self, "review_state")
