"""Real sample files in Kazakh and Russian for the full-text tests (the document library)."""

from akimat.content.tests.libreoffice import docx_to_pdf
from functools import cache
from io import BytesIO
from odf.opendocument import OpenDocumentText
from odf.text import P

import docx
import openpyxl


KAZAKH = "Әкімдіктің ғимаратында қаржы есебі: өңірлік ұйымдар, үкімет, жиһаз, іс"
RUSSIAN = "Годовой отчёт акимата о бюджете"
KAZAKH_WORDS = (
    "әкімдіктің",
    "ғимаратында",
    "қаржы",
    "есебі",
    "өңірлік",
    "ұйымдар",
    "үкімет",
    "жиһаз",
    "іс",
)


def docx_bytes(*paragraphs):
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    stream = BytesIO()
    document.save(stream)
    return stream.getvalue()


def xlsx_bytes(rows):
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    stream = BytesIO()
    workbook.save(stream)
    return stream.getvalue()


@cache
def sample_pdf():
    """A DOCX in Kazakh and Russian as LibreOffice prints it, converted once per test run.

    Not in setUpClass: zope.testrunner runs test by test and never calls it.
    """
    return docx_to_pdf(docx_bytes(KAZAKH, RUSSIAN))


def odt_bytes(*paragraphs):
    document = OpenDocumentText()
    for paragraph in paragraphs:
        document.text.addElement(P(text=paragraph))
    stream = BytesIO()
    document.write(stream)
    return stream.getvalue()
