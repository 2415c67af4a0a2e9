"""The demo document library (README; RULES.md R9.10d): a year of reports of four departments and
what they owe.

Each department owes a monthly, quarterly, half-yearly or annual report (`ReportObligation`).
Its reports of the last twelve months are published by its head a few days before they are due;
the Orgotdel's last monthly report is missing (red in the overview) and one of the economy
department's was published late. The PDFs in `demo_files/` were printed from Word by LibreOffice,
so their Kazakh and Russian words are found by full-text search; DOCX and XLSX files are made here.
"""

from akimat.content.core.calendar import get_calendar
from akimat.content.core.calendar import now
from akimat.content.library import obligations as report_obligations
from dataclasses import dataclass
from DateTime import DateTime
from datetime import timedelta
from importlib.resources import files
from io import BytesIO
from plone import api
from plone.namedfile.file import NamedBlobFile
from Products.CMFCore.indexing import processQueue

import docx
import openpyxl


MONTHS_SHOWN = 12
PUBLISHED_DAYS_BEFORE_DUE = 2


@dataclass(frozen=True)
class DemoObligation:
    department: str
    head: str  # publishes
    author: str  # drafts
    report_kind: str
    period_kind: str
    due_day: int
    pdf: str = ""  # a file of demo_files/, else a DOCX or XLSX is made
    spreadsheet: bool = False
    # Periods counted back, 0 being the last one due: published after the due day, or never.
    late_periods: tuple = ()
    missing_periods: tuple = ()


OBLIGATIONS = (
    DemoObligation(
        "economy",
        "yessenova",
        "tursynbayev",
        "Отчёт о социально-экономическом развитии района",
        "quarter",
        10,
        pdf="economy-development.pdf",
    ),
    DemoObligation(
        "economy",
        "yessenova",
        "tursynbayev",
        "Мониторинг цен на социально значимые продукты",
        "month",
        5,
        spreadsheet=True,
        late_periods=(2,),
    ),
    DemoObligation(
        "finance",
        "kozlov",
        "kozlov",
        "Отчёт об исполнении местного бюджета",
        "quarter",
        15,
        pdf="budget-execution.pdf",
    ),
    DemoObligation(
        "finance",
        "kozlov",
        "kozlov",
        "Информация о кредиторской задолженности",
        "month",
        7,
    ),
    DemoObligation(
        "svodny-otdel",
        "nurzhanova",
        "nurzhanova",
        "Информация о ходе весенне-полевых работ",
        "half-year",
        10,
        pdf="agriculture.pdf",
    ),
    DemoObligation(
        "svodny-otdel",
        "nurzhanova",
        "nurzhanova",
        "Отчёт о состоянии жилищно-коммунального хозяйства",
        "year",
        20,
        pdf="housing.pdf",
    ),
    DemoObligation(
        "orgotdel",
        "bekmuratov",
        "bekmuratov",
        "Информация о встречах акима с населением",
        "month",
        5,
        missing_periods=(0,),
    ),
)


def add_demo_library(portal):
    """The obligations and a year of reports, once."""
    library = portal["library"]
    if any(item.portal_type == "ReportObligation" for item in library.objectValues()):
        return
    calendar, today = get_calendar(), now().date()
    for demo in OBLIGATIONS:
        # The Сводный отдел sets what is owed
        with api.env.adopt_user(username="nurzhanova"):
            obligation = api.content.create(
                container=library,
                type="ReportObligation",
                title=demo.report_kind,
                department=demo.department,
                report_kind=demo.report_kind,
                period_kind=demo.period_kind,
                due_day=demo.due_day,
            )
        for back, status in enumerate(_due_statuses(obligation, today, calendar)):
            if back in demo.missing_periods:
                continue
            _publish(portal, demo, status, late=back in demo.late_periods)
    processQueue()


def _due_statuses(obligation, today, calendar):
    """The periods of the last twelve months whose report was due by today, the last first."""
    since = today - timedelta(days=MONTHS_SHOWN * 31)
    count = 12 // report_obligations.MONTHS[obligation.period_kind] + 2
    return [
        status
        for status in report_obligations.statuses(obligation, today, count, calendar)
        if since <= status.due <= today
    ]


def _publish(portal, demo, status, late):
    period = status.period
    folder = portal["library"]["akimat-to"][demo.department]
    title = f"{demo.report_kind} ({period.label()})"
    with api.env.adopt_user(username=demo.author):
        report = api.content.create(
            container=folder,
            type="Report",
            title=title,
            report_kind=demo.report_kind,
            department=demo.department,
            period_kind=demo.period_kind,
            period=period.number or None,
            report_year=period.year,
            file=_file(demo, title),
        )
    with api.env.adopt_user(username=demo.head):
        api.content.transition(obj=report, transition="publish")
    published_on = status.due + timedelta(
        days=5 if late else -PUBLISHED_DAYS_BEFORE_DUE
    )
    report.setEffectiveDate(DateTime(published_on.isoformat()))
    report.reindexObject()


def _file(demo, title):
    if demo.pdf:
        data = files(__package__).joinpath("demo_files", demo.pdf).read_bytes()
        return NamedBlobFile(data=data, filename=demo.pdf)
    stream = BytesIO()
    if demo.spreadsheet:
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append([title])
        sheet.append(["Продукт", "Цена, тенге", "Изменение за месяц, %"])
        for row in (
            ("Мука пшеничная", 310, 0.4),
            ("Сахар", 520, -1.2),
            ("Говядина", 3400, 0.9),
            ("Ұн", 310, 0.4),
        ):
            sheet.append(list(row))
        workbook.save(stream)
        return NamedBlobFile(data=stream.getvalue(), filename="monitoring.xlsx")
    document = docx.Document()
    document.add_heading(title, level=1)
    document.add_paragraph(
        "Информация подготовлена по данным отдела. Мәліметтер бөлім деректері бойынша дайындалды."
    )
    document.save(stream)
    return NamedBlobFile(data=stream.getvalue(), filename="information.docx")
