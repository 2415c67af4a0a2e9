"""The control list (R12.4a) and the quarterly report (R12.16) as XLSX, for pages and REST."""

from akimat.content import _
from akimat.content.control import lists as control_lists
from akimat.content.control import rules as control
from akimat.content.control.reports import QUARTERLY_COLUMNS
from akimat.content.core.spreadsheets import workbook
from zope.i18n import translate


# Light fills so the printed list keeps the traffic light (R12.4b) and stays readable.
FILLS = {
    control.GREEN: "D1E7DD",
    control.YELLOW: "FFF3CD",
    control.RED: "F8D7DA",
    control.GREY: "E2E3E5",
}
WIDTHS = (6, 28, 12, 60, 36, 12, 14, 24, 16, 30)


def control_list(rows, request, today, weekly=False):
    """The control list under its title «… по состоянию на DD.MM.YYYY»: the item's position,
    then exactly the nine columns of R12.4a, rows in the traffic light; the weekly list's
    sheet is named for it."""
    name = translate(
        _("Weekly control list") if weekly else _("Control list"), context=request
    )
    title = _(
        "${list} as of ${date}",
        mapping={"list": name, "date": today.strftime("%d.%m.%Y")},
    )
    return workbook(
        name,
        [translate(_("No."), context=request), *control_lists.header(request)],
        [
            (position, *control_lists.cells(row, request))
            for position, row in enumerate(rows, start=1)
        ],
        fills=[FILLS[row.traffic_light] for row in rows],
        widths=WIDTHS,
        title=translate(title, context=request),
    )


def control_list_filename(today, weekly=False):
    prefix = "weekly-control-list" if weekly else "control-list"
    return f"{prefix}-{today}.xlsx"


def execution_report(report, year, quarter, request):
    """The quarterly report on execution (R12.16): a line per executor and the total."""
    title = _(
        "Quarter ${quarter} of ${year}", mapping={"quarter": quarter, "year": year}
    )
    total = translate(_("Total"), context=request)
    return workbook(
        translate(title, context=request),
        [translate(column, context=request) for column in QUARTERLY_COLUMNS],
        [(line.title, *line.numbers()) for line in report.lines]
        + [(total, *report.total.numbers())],
        widths=(48, 14, 14, 14, 14, 14, 14),
    )
