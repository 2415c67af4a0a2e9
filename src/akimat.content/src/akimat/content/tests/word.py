"""The text of a Word document the print forms render: paragraphs, then table cells."""

from docx import Document
from io import BytesIO


def docx_text(data):
    document = Document(BytesIO(data))
    cells = [
        cell.text
        for table in document.tables
        for row in table.rows
        for cell in row.cells
    ]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)
