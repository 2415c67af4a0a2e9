"""The text inside uploaded files (PDF, DOCX, XLSX, ODT), for full-text search of the document library.

Pure-Python readers only, so indexing needs no external programs. A file that cannot be read
gives no text and a warning in the log: an upload must never fail because of its content.
"""

from io import BytesIO
from odf import teletype
from odf.opendocument import load as load_odf
from odf.text import H
from odf.text import P
from pathlib import PurePath

import docx
import logging
import openpyxl
import pypdf


logger = logging.getLogger(__name__)

# About 400 pages of dense text: more than any real report holds, and it bounds what one file
# (say, a spreadsheet dump of a whole database) can cost the catalog in words and indexing time.
MAX_TEXT_LENGTH = 1_000_000


def pdf_text(data):
    for page in pypdf.PdfReader(BytesIO(data)).pages:
        yield page.extract_text()


def docx_text(data):
    document = docx.Document(BytesIO(data))
    for paragraph in document.paragraphs:
        yield paragraph.text
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield cell.text


def xlsx_text(data):
    workbook = openpyxl.load_workbook(BytesIO(data), read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True):
                for value in row:
                    if value is not None:
                        yield str(value)
    finally:
        # A read-only workbook keeps its archive open until closed.
        workbook.close()


def odt_text(data):
    document = load_odf(BytesIO(data))
    # Paragraph by paragraph: the text of a whole body would run the paragraphs' words together.
    for element in document.getElementsByType(H) + document.getElementsByType(P):
        yield teletype.extractText(element)


EXTRACTORS = {
    ".pdf": pdf_text,
    ".docx": docx_text,
    ".xlsx": xlsx_text,
    ".odt": odt_text,
}


def extract_text(data, filename):
    """The text of a PDF, DOCX, XLSX or ODT file, chosen by the name's extension; "" for others.

    At most MAX_TEXT_LENGTH characters. A corrupt or unreadable file gives "" and logs a warning.
    """
    extractor = EXTRACTORS.get(PurePath(filename or "").suffix.lower())
    if extractor is None or not data:
        return ""
    try:
        return joined_up_to_cap(extractor(data))
    except (
        Exception
    ) as error:  # the readers raise all kinds of errors on malformed files
        logger.warning(
            "No text read from %r: %s: %s", filename, type(error).__name__, error
        )
        return ""


def joined_up_to_cap(chunks):
    """The chunks, one a line, cut at MAX_TEXT_LENGTH; the rest of a huge file is not even read."""
    lines, length = [], 0
    for chunk in chunks:
        if length >= MAX_TEXT_LENGTH:
            break
        if chunk:
            lines.append(chunk)
            length += len(chunk) + 1
    return "\n".join(lines)[:MAX_TEXT_LENGTH]


def file_text(named_file):
    """The text of a plone.namedfile file (its .data and .filename); "" when there is no file."""
    if named_file is None:
        return ""
    return extract_text(named_file.data, named_file.filename)
