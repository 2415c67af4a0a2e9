"""XLSX files (openpyxl): one builder of a sheet, and the download, for every register and report."""

from datetime import date
from io import BytesIO
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.styles import PatternFill


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "DD.MM.YYYY"


def workbook(sheet_title, header, lines, fills=(), widths=()):
    """The XLSX bytes of one sheet: a bold header row, then the lines; dates as real dates."""
    book = Workbook()
    sheet = book.active
    # Excel refuses sheet titles over 31 characters or with []:*?/\
    sheet.title = "".join(c for c in sheet_title if c not in "[]:*?/\\")[:31] or "Sheet"
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    patterns = {}  # one fill object per colour, shared by its cells
    for row_number, line in enumerate(lines, start=2):
        fill = fills[row_number - 2] if row_number - 2 < len(fills) else None
        if fill and fill not in patterns:
            patterns[fill] = PatternFill("solid", start_color=fill, end_color=fill)
        # Cells by address: openpyxl's max_row is computed over the whole sheet on every call.
        for column, value in enumerate(line, start=1):
            cell = sheet.cell(row=row_number, column=column, value=value)
            if isinstance(value, date):
                cell.number_format = DATE_FORMAT
            elif isinstance(value, str) and value.startswith("="):
                # Text people typed («=…» in a note) stays text, never a formula Excel runs.
                cell.data_type = "s"
            if fill:
                cell.fill = patterns[fill]
    for column, width in zip(sheet.iter_cols(max_row=1), widths, strict=False):
        sheet.column_dimensions[column[0].column_letter].width = width
    sheet.freeze_panes = "A2"
    stream = BytesIO()
    book.save(stream)
    return stream.getvalue()


def send(response, data, filename):
    """Headers of a download; the filename is ASCII, so no RFC 5987 encoding is needed."""
    response.setHeader("Content-Type", XLSX)
    response.setHeader("Content-Disposition", f'attachment; filename="{filename}"')
    response.setHeader("Content-Length", str(len(data)))
    response.setHeader("Cache-Control", "private, no-store")
    return data
