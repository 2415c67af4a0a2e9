"""Print forms: Word templates with Jinja2 tags filled by docxtpl, and the act's (RULES.md R10)."""

from akimat.content.core import print_forms
from akimat.content.tests.libreoffice import converts_to_pdf
from akimat.content.tests.libreoffice import needs_libreoffice
from datetime import date
from datetime import datetime
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate
from io import BytesIO

import unittest


KAZAKH_LETTERS = "әғқңөұүһі" + "ӘҒҚҢӨҰҮҺІ"
VALUES = {
    "kind": "ҚАУЛЫ\nПОСТАНОВЛЕНИЕ",
    "number": "259",
    "date": date(2025, 8, 8),
    "title_kk": "Байдібек ауданы әкімі аппаратының Регламентін бекіту туралы",
    "title_ru": "Об утверждении Регламента аппарата акима района Байдибек",
    "text_kk": "Әкімдік ҚАУЛЫ ЕТЕДІ: ғимарат, құжат, әңгіме, өкілеттік, ұйым, үкімет, һижра, Іс. "
    "ӘҒҚҢӨҰҮҺІ.",
    "text_ru": "1. Утвердить прилагаемый Регламент.\n"
    "2. Контроль возложить на руководителя аппарата.\n"
    "3. Постановление вводится в действие со дня подписания.",
    "developer": "Организационный отдел",
    "signatory": "Аудан әкімі / Аким района\tЕ. Сейтжанов",
}
VISAS = [
    {
        "name": "Абдрахманов Н. С.",
        "position": "Заместитель акима района",
        "decision": "Согласовано",
        "date": date(2025, 8, 4),
    },
    {
        "name": "Омарова А. Б.",
        "position": "Руководитель аппарата акима",
        "decision": "Согласовано",
        "date": datetime(2025, 8, 5, 16, 30),
    },
    {
        "name": "Жумабекова С. Е.",
        "position": "Заң кеңесшісі / Юридический консультант",
        "decision": "Келісілді",
        "date": date(2025, 8, 6),
    },
]


def read(data):
    return Document(BytesIO(data))


def paragraphs(document):
    """Every paragraph of the body, those in table cells included, in reading order."""
    return [Paragraph(p, document) for p in document.element.body.iter(qn("w:p"))]


def texts(document):
    return [paragraph.text for paragraph in paragraphs(document)]


def paragraph_of(document, start):
    return next(p for p in paragraphs(document) if p.text.startswith(start))


def template(build):
    """The bytes of a new document that `build(document)` filled."""
    document = Document()
    build(document)
    stream = BytesIO()
    document.save(stream)
    return stream.getvalue()


def split_runs(paragraph, *pieces):
    """Runs as Word leaves them after an edit; a piece given as (text, True) is bold."""
    for piece in pieces:
        text, bold = piece if isinstance(piece, tuple) else (piece, False)
        paragraph.add_run(text).bold = bold or None


class TestActPrintForm(unittest.TestCase):
    def setUp(self):
        self.data = print_forms.render_docx(
            print_forms.default_template(), dict(VALUES, visas=VISAS)
        )
        self.document = read(self.data)

    def test_rendered_file_is_a_docx(self):
        """A rendered act is a Word document (a ZIP package) python-docx reads back."""
        self.assertTrue(self.data.startswith(b"PK"))
        self.assertEqual(len(self.document.sections), 2)

    def test_kazakh_and_russian_titles_and_texts_are_printed(self):
        """R10.2: both texts, with every Kazakh letter (ә ғ қ ң ө ұ ү һ і) intact."""
        printed = "\n".join(texts(self.document))
        for name in ("title_kk", "title_ru", "text_kk", "text_ru", "developer"):
            with self.subTest(name=name):
                self.assertIn(VALUES[name], printed)
        for letter in KAZAKH_LETTERS:
            with self.subTest(letter=letter):
                self.assertIn(letter, printed)

    def test_registration_number_and_date_are_printed(self):
        """R10.16: the number and the date (dd.mm.yyyy) of the registered act."""
        self.assertIn("№ 259 от 08.08.2025", texts(self.document))

    def test_no_placeholder_remains(self):
        """Every placeholder of the default template has been replaced."""
        for text in texts(self.document):
            self.assertNotIn("{{", text)
            self.assertNotIn("}}", text)

    def test_multi_line_value_becomes_line_breaks(self):
        """Each line of a value is a line of its own in Word (w:br), not a run-on paragraph."""
        paragraph = paragraph_of(self.document, "1. Утвердить")
        self.assertEqual(paragraph.text, VALUES["text_ru"])
        self.assertEqual(len(paragraph._p.findall(f"{qn('w:r')}/{qn('w:br')}")), 2)
        kind = paragraph_of(self.document, "ҚАУЛЫ")
        self.assertEqual(kind.text, "ҚАУЛЫ\nПОСТАНОВЛЕНИЕ")

    def test_tab_in_a_value_becomes_a_tab(self):
        """The signatory's «position<TAB>name» reaches the right tab stop of the template."""
        paragraph = paragraph_of(self.document, "Аудан әкімі")
        self.assertEqual(paragraph.text, VALUES["signatory"])
        self.assertEqual(len(paragraph._p.findall(f"{qn('w:r')}/{qn('w:tab')}")), 1)

    def test_formatting_of_the_placeholder_is_kept(self):
        """The value takes the formatting of the placeholder's run: the titles stay bold."""
        title = paragraph_of(self.document, VALUES["title_kk"])
        self.assertTrue(all(run.bold for run in title.runs if run.text))
        text = paragraph_of(self.document, "Әкімдік ҚАУЛЫ")
        self.assertFalse(any(run.bold for run in text.runs))

    def test_visa_sheet_has_a_row_per_visa(self):
        """R10.4a: the visa sheet lists every approver: header row plus 3 data rows, in order."""
        table = self.document.tables[-1]
        self.assertEqual(len(table.rows), 1 + 3)
        self.assertEqual(table.rows[0].cells[0].text, "Т.А.Ә. / Ф.И.О.")
        rows = [[cell.text for cell in row.cells] for row in table.rows[1:]]
        self.assertEqual(
            rows,
            [
                [
                    "Абдрахманов Н. С.",
                    "Заместитель акима района",
                    "Согласовано",
                    "04.08.2025",
                ],
                [
                    "Омарова А. Б.",
                    "Руководитель аппарата акима",
                    "Согласовано",
                    "05.08.2025 16:30",
                ],
                [
                    "Жумабекова С. Е.",
                    "Заң кеңесшісі / Юридический консультант",
                    "Келісілді",
                    "06.08.2025",
                ],
            ],
        )

    @needs_libreoffice
    def test_libreoffice_converts_the_act_to_pdf(self):
        """The rendered act opens in LibreOffice (converted headless to PDF)."""
        self.assertTrue(converts_to_pdf(self.data))


class TestDefaultTemplate(unittest.TestCase):
    def setUp(self):
        self.data = print_forms.default_template()
        self.document = read(self.data)

    def test_a4_times_new_roman_14(self):
        """The default act is on A4 in Times New Roman 14."""
        for section in self.document.sections:
            self.assertAlmostEqual(section.page_width, Mm(210), delta=Mm(1))
            self.assertAlmostEqual(section.page_height, Mm(297), delta=Mm(1))
        normal = self.document.styles["Normal"]
        self.assertEqual(normal.font.name, "Times New Roman")
        self.assertEqual(normal.font.size, Pt(14))

    def test_variables_of_an_act(self):
        """The default template names every value of an act and the list of visas."""
        variables = DocxTemplate(BytesIO(self.data)).get_undeclared_template_variables()
        self.assertEqual(
            variables,
            {
                "kind",
                "number",
                "date",
                "title_kk",
                "title_ru",
                "text_kk",
                "text_ru",
                "developer",
                "signatory",
                "visas",
            },
        )

    def test_visa_sheet_is_a_second_section(self):
        """R10.4a: the visa sheet (лист согласования) starts a new page with a header row and the
        row repeated per visa between `{%tr for %}` and `{%tr endfor %}`."""
        self.assertEqual(len(self.document.sections), 2)
        self.assertIn("Келісу парағы / Лист согласования", texts(self.document))
        rows = [
            [cell.text for cell in row.cells] for row in self.document.tables[-1].rows
        ]
        self.assertEqual(len(rows), 4)
        self.assertEqual(rows[1][0], "{%tr for visa in visas %}")
        self.assertEqual(
            rows[2],
            [
                "{{ visa.name }}",
                "{{ visa.position }}",
                "{{ visa.decision }}",
                "{{ visa.date }}",
            ],
        )
        self.assertEqual(rows[3][0], "{%tr endfor %}")


class TestRenderDocx(unittest.TestCase):
    def test_placeholder_split_across_runs_is_replaced(self):
        """Word splits «{{ number }}» over runs after an edit; it is still replaced, and the value
        takes the formatting of the run where the placeholder starts."""

        def build(document):
            split_runs(
                document.add_paragraph(),
                "№ ",
                ("{{ num", True),
                "ber }}",
                " от ",
                "{{ da",
                "te }}",
            )

        values = {"number": "12", "date": date(2026, 2, 1)}
        document = read(print_forms.render_docx(template(build), values))
        paragraph = document.paragraphs[0]
        self.assertEqual(paragraph.text, "№ 12 от 01.02.2026")
        self.assertEqual([run.text for run in paragraph.runs if run.bold], ["12"])
        self.assertEqual(paragraph.runs[0].text, "№ ")

    def test_split_tags_of_a_repeated_row(self):
        """R10.4a: a visa row whose tags Word split into runs is repeated once per visa; a visa
        without a date prints an empty cell."""

        def build(document):
            table = document.add_table(rows=4, cols=2)
            table.cell(0, 0).text, table.cell(0, 1).text = "Ф.И.О.", "Дата"
            split_runs(
                table.cell(1, 0).paragraphs[0], "{%tr for ", "visa in vi", "sas %}"
            )
            split_runs(table.cell(2, 0).paragraphs[0], "{{ vi", "sa.na", "me }}")
            split_runs(table.cell(2, 1).paragraphs[0], "{", "{visa.date}", "}")
            split_runs(table.cell(3, 0).paragraphs[0], "{%tr end", "for %}")

        visas = [
            {"name": "Ким В. А.", "date": date(2026, 1, 5)},
            {"name": "Петрова А. С."},
        ]
        document = read(print_forms.render_docx(template(build), {"visas": visas}))
        rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
        self.assertEqual(
            rows,
            [["Ф.И.О.", "Дата"], ["Ким В. А.", "05.01.2026"], ["Петрова А. С.", ""]],
        )

    def test_missing_values_render_empty(self):
        """A value the context lacks prints nothing, never the raw «{{ … }}»; without visas the
        sheet keeps its header row only."""
        document = read(print_forms.render_docx(print_forms.default_template(), {}))
        for text in texts(document):
            self.assertNotIn("{{", text)
            self.assertNotIn("{%", text)
        self.assertIn("№  от ", texts(document))
        self.assertEqual(len(document.tables[-1].rows), 1)

    def test_none_and_numbers(self):
        """None prints empty, a number as itself, a date with a time as dd.mm.yyyy hh:mm."""

        def build(document):
            document.add_paragraph("[{{ a }}|{{b}}|{{ c }}|{{ d }}]")

        values = {"a": None, "b": 7, "d": datetime(2026, 3, 2, 9, 5)}
        document = read(print_forms.render_docx(template(build), values))
        self.assertEqual(document.paragraphs[0].text, "[|7||02.03.2026 09:05]")

    def test_value_is_printed_as_typed(self):
        """Text people typed is printed as it is, even when it looks like a tag or like XML."""

        def build(document):
            document.add_paragraph("{{ title_ru }} / {{ number }}")

        values = {
            "title_ru": "О {{ number }} {% if x %} <w:br/> & «ТОО»",
            "number": "5",
        }
        document = read(print_forms.render_docx(template(build), values))
        self.assertEqual(
            document.paragraphs[0].text, "О {{ number }} {% if x %} <w:br/> & «ТОО» / 5"
        )

    def test_paragraphs_repeated_and_dropped(self):
        """`{%p for %}` repeats a paragraph, `{%p if %}` drops one; the tag paragraphs vanish."""

        def build(document):
            for text in (
                "{%p for item in items %}",
                "{{ loop.index }}. {{ item }}",
                "{%p endfor %}",
                "{%p if note %}",
                "{{ note }}",
                "{%p endif %}",
                "Конец",
            ):
                document.add_paragraph(text)

        data = print_forms.render_docx(
            template(build), {"items": ["О бюджете", "Об отчёте"], "note": ""}
        )
        self.assertEqual(texts(read(data)), ["1. О бюджете", "2. Об отчёте", "Конец"])

    def test_placeholders_in_header_and_footer(self):
        """The running head and foot of the template are filled too."""

        def build(document):
            document.sections[0].header.paragraphs[0].text = "№ {{ number }}"
            document.sections[0].footer.paragraphs[0].text = "{{ developer }}"
            document.add_paragraph("{{ title_ru }}")

        values = {"number": "7", "developer": "ОДК", "title_ru": "О плане"}
        document = read(print_forms.render_docx(template(build), values))
        self.assertEqual(document.sections[0].header.paragraphs[0].text, "№ 7")
        self.assertEqual(document.sections[0].footer.paragraphs[0].text, "ОДК")
        self.assertEqual(document.paragraphs[0].text, "О плане")

    def test_line_breaks_pasted_from_word_and_control_characters(self):
        """Windows line ends, Word's manual line break and page break become line breaks (w:br)
        in the same paragraph; characters XML cannot hold (\\x07 would even start a paragraph
        in docxtpl) are dropped instead of breaking the file."""

        def build(document):
            document.add_paragraph("{{ text }}")
            document.add_paragraph("после")

        values = {"text": "один\r\nдва\x0bтри\x0cчетыре\x07\x00\x1f"}
        document = read(print_forms.render_docx(template(build), values))
        self.assertEqual(texts(document), ["один\nдва\nтри\nчетыре", "после"])
        self.assertEqual(
            len(document.paragraphs[0]._p.findall(f"{qn('w:r')}/{qn('w:br')}")), 3
        )

    def test_paragraphs_filter(self):
        """`{{ text|paragraphs }}` prints each line as a paragraph of its own with the formatting
        of the paragraph holding the tag (a justified line before a break would be stretched)."""

        def build(document):
            paragraph = document.add_paragraph("{{ text|paragraphs }}")
            paragraph.paragraph_format.first_line_indent = Mm(10)

        values = {"text": "Первый абзац.\r\nВторой & <последний>.\x07"}
        document = read(print_forms.render_docx(template(build), values))
        self.assertEqual(texts(document), ["Первый абзац.", "Второй & <последний>."])
        for paragraph in document.paragraphs:
            self.assertAlmostEqual(
                paragraph.paragraph_format.first_line_indent, Mm(10), delta=Mm(0.1)
            )

    def test_printable(self):
        """The helper every printed value goes through: None, dates, text and markup."""
        self.assertEqual(print_forms.printable(None), "")
        self.assertEqual(print_forms.printable(date(2025, 8, 8)), "08.08.2025")
        self.assertEqual(print_forms.printable("а\rб\x01"), "а\nб")
        self.assertEqual(print_forms.printable(3), 3)
