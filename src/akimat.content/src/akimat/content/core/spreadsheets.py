"""XLSX files (openpyxl): one builder of a sheet, and the download, for every register and report."""

from datetime import date
from io import BytesIO
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.styles import PatternFill


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "DD.MM.YYYY"


def workbook(sheet_title, header, lines, fills=(), widths=(), title=None):
    """The XLSX bytes of one sheet: the title (if any) across the columns, a bold header row,
    then the lines; dates as real dates."""
    book = Workbook()
    sheet = book.active
    # Excel refuses sheet titles over 31 characters or with []:*?/\
    sheet.title = "".join(c for c in sheet_title if c not in "[]:*?/\\")[:31] or "Sheet"
    if title:
        sheet.append([title])
        sheet["A1"].font = Font(bold=True, size=14)
        sheet.merge_cells(
            start_row=1, start_column=1, end_row=1, end_column=len(header)
        )
    sheet.append(list(header))
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
    patterns = {}  # one fill object per colour, shared by its cells
    first = header_row + 1
    for row_number, line in enumerate(lines, start=first):
        fill = fills[row_number - first] if row_number - first < len(fills) else None
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
    for column, width in zip(
        sheet.iter_cols(min_row=header_row, max_row=header_row), widths, strict=False
    ):
        sheet.column_dimensions[column[0].column_letter].width = width
    sheet.freeze_panes = f"A{first}"
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
