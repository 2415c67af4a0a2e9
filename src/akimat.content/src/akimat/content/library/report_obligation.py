"""A report a department owes the library, and how often (RULES.md R9.10d).

Set by an administrator or the Сводный отдел in the library; `report_obligations` tells, per
department and period, what is in, what is late and what is missing.
"""

from akimat.content import _
from akimat.content.core import bounds
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IReportObligation(model.Schema):
    department = schema.Choice(
        title=_("Department"),
        vocabulary="akimat.vocabularies.Departments",
        required=True,
    )
    report_kind = schema.TextLine(
        title=_("Kind of report"),
        description=_(
            "As the department's reports name it, e.g. «Отчёт об исполнении бюджета»."
        ),
        required=True,
    )
    title = schema.TextLine(title=_("Title"), required=True)
    period_kind = schema.Choice(
        title=_("How often"),
        vocabulary="akimat.vocabularies.ReportPeriodKinds",
        required=True,
    )
    due_day = schema.Int(
        title=_("Due on day"),
        description=_(
            "The day of the following period by which the report is published, e.g. 10: by the "
            "10th of the month after the period (the next working day when it is a day off)."
        ),
        required=True,
        default=10,
        **bounds.whole_numbers(1, 28),
    )


@implementer(IReportObligation)
class ReportObligation(Item):
    """What a department owes; what it published is found in the catalog."""
