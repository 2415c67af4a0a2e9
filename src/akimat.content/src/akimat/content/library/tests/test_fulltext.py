"""Full-text search of the document library (issue 7): the text inside files, Russian stems, Kazakh letters."""

from Acquisition import aq_base
from akimat.content.library import fulltext
from akimat.content.library.fulltext import extract_text
from akimat.content.library.fulltext import file_text
from akimat.content.library.stemming import ensure_lexicon
from akimat.content.library.stemming import LEXICON_ID
from akimat.content.library.stemming import RussianSnowballStemmer
from akimat.content.library.stemming import use_lexicon
from akimat.content.testing import AKIMAT_CONTENT_INTEGRATION_TESTING
from akimat.content.tests.libreoffice import needs_libreoffice
from akimat.content.tests.samples import docx_bytes
from akimat.content.tests.samples import KAZAKH
from akimat.content.tests.samples import KAZAKH_WORDS
from akimat.content.tests.samples import odt_bytes
from akimat.content.tests.samples import RUSSIAN
from akimat.content.tests.samples import sample_pdf
from akimat.content.tests.samples import xlsx_bytes
from io import BytesIO
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.namedfile.file import NamedBlobFile
from types import SimpleNamespace
from unittest import mock

import docx
import unittest


class TestExtractText(unittest.TestCase):
    """The text of attached DOCX, XLSX and ODT files is read for indexing (issue 7)."""

    def test_docx_paragraphs_and_tables(self):
        document = docx.Document(BytesIO(docx_bytes(KAZAKH, RUSSIAN)))
        document.add_table(rows=1, cols=1).cell(0, 0).text = "Смета расходов"
        stream = BytesIO()
        document.save(stream)
        text = extract_text(stream.getvalue(), "Отчёт.DOCX")
        self.assertIn(KAZAKH, text)
        self.assertIn(RUSSIAN, text)
        self.assertIn("Смета расходов", text)

    def test_xlsx_cells(self):
        text = extract_text(
            xlsx_bytes([["Бюджет", "Қаржы"], [None, 2025]]), "budget.xlsx"
        )
        self.assertEqual(text.split(), ["Бюджет", "Қаржы", "2025"])

    def test_odt_paragraphs_are_kept_apart(self):
        text = extract_text(odt_bytes(KAZAKH, RUSSIAN), "report.odt")
        self.assertEqual(text.splitlines(), [KAZAKH, RUSSIAN])

    def test_a_corrupt_file_yields_no_text_and_a_warning(self):
        """An upload never fails because its file cannot be read."""
        for filename in ("broken.pdf", "broken.docx", "broken.xlsx", "broken.odt"):
            with (
                self.subTest(filename),
                self.assertLogs(fulltext.logger, "WARNING") as logged,
            ):
                self.assertEqual(
                    extract_text(b"%PDF-1.7 not really a file", filename), ""
                )
            self.assertIn(filename, logged.output[0])

    def test_other_files_yield_no_text(self):
        self.assertEqual(extract_text(b"\x89PNG\r\n", "scan.png"), "")
        self.assertEqual(extract_text(docx_bytes(RUSSIAN), "no-extension"), "")
        self.assertEqual(extract_text(b"", "empty.pdf"), "")

    def test_text_is_capped(self):
        with mock.patch.object(fulltext, "MAX_TEXT_LENGTH", 10):
            text = extract_text(
                xlsx_bytes([["Бюджет", "Қаржы"], ["Смета", "Есеп"]]), "budget.xlsx"
            )
        self.assertEqual(text, "Бюджет\nҚар")


class TestFileText(unittest.TestCase):
    layer = AKIMAT_CONTENT_INTEGRATION_TESTING

    def test_the_text_of_a_named_blob_file(self):
        """A Report's file is a NamedBlobFile (issue 7)."""
        named_file = NamedBlobFile(data=odt_bytes(RUSSIAN), filename="отчёт.odt")
        self.assertEqual(file_text(named_file), RUSSIAN)

    def test_no_file_no_text(self):
        self.assertEqual(file_text(None), "")


@needs_libreoffice
class TestExtractPdfText(unittest.TestCase):
    """The text of attached PDF files is read for indexing (issue 7)."""

    def test_kazakh_and_russian_words_survive(self):
        text = extract_text(sample_pdf(), "report.pdf").lower()
        for word in KAZAKH_WORDS + ("отчёт", "акимата"):
            self.assertIn(word, text)

    def test_a_truncated_pdf_yields_no_text(self):
        with self.assertLogs(fulltext.logger, "WARNING"):
            self.assertEqual(extract_text(sample_pdf()[:200], "report.pdf"), "")


class TestRussianSnowballStemmer(unittest.TestCase):
    def test_glob_keeps_its_trailing_star(self):
        """Plone adds "*" to the last search word: the stem gets it back; other globs stay as typed."""
        self.assertEqual(
            RussianSnowballStemmer().processGlob(
                ["отчеты*", "отчетов", "отч?ты", "от*ты", "отчеты**"]
            ),
            ["отчет*", "отчет", "отч?ты", "от*ты", "отчеты**"],
        )


class TestSearchableText(unittest.TestCase):
    """Report words are found in any inflected form, with ё or е, and Kazakh words in any case (issue 7)."""

    layer = AKIMAT_CONTENT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.catalog = self.portal.portal_catalog
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        ensure_lexicon(self.catalog)
        use_lexicon(self.catalog)

    def document(self, id, text):
        return api.content.create(
            container=self.portal, type="Document", id=id, title=text
        )

    def found(self, term):
        return {brain.getId for brain in self.catalog(SearchableText=term)}

    def test_inflected_forms_find_the_word(self):
        self.document("with-yo", "Годовой отчёт")
        self.document("with-ye", "Квартальный отчет")
        for term in (
            "отчеты",
            "отчетов",
            "отчетам",
            "отчет",
            "отчёт",
            "ОТЧЁТ",
            "Отчет",
        ):
            with self.subTest(term):
                self.assertEqual(self.found(term), {"with-yo", "with-ye"})

    def test_the_word_as_written_is_found(self):
        """A query word is stemmed once: «финансовыми» stemmed twice («финанс») would miss «финансов»."""
        self.document("finance", "Финансовый отчёт")
        for term in ("финансовый", "финансовыми", "Финансовых"):
            with self.subTest(term):
                self.assertEqual(self.found(term), {"finance"})

    def test_kazakh_words_are_found_in_any_case(self):
        self.document("kazakh", KAZAKH)
        for word in KAZAKH_WORDS:
            for term in (word, word.upper(), word.capitalize()):
                with self.subTest(term):
                    self.assertEqual(self.found(term), {"kazakh"})

    def test_kazakh_letters_are_not_folded_into_russian_ones(self):
        self.document("kazakh", KAZAKH)
        for term in ("каржы", "укимет", "ис", "гимаратында"):
            with self.subTest(term):
                self.assertEqual(self.found(term), set())

    def test_trailing_star_still_works(self):
        self.document("annual", "Годовой отчёт")
        self.document("accounting", "Отчётность акимата")
        self.assertEqual(self.found("отчет*"), {"annual", "accounting"})
        self.assertEqual(self.found("отчеты*"), {"annual", "accounting"})
        self.assertEqual(self.found("отчетн*"), {"accounting"})
        self.assertEqual(self.found("годов* отчет*"), {"annual"})

    def test_use_lexicon_rebuilds_and_reindexes_an_existing_index(self):
        self.document("annual", "Годовой отчёт")
        self.catalog.delIndex("SearchableText")
        extra = SimpleNamespace(
            doc_attr="SearchableText",
            index_type="Okapi BM25 Rank",
            lexicon_id="plone_lexicon",
        )
        self.catalog.addIndex("SearchableText", "ZCTextIndex", extra)
        self.catalog.manage_reindexIndex(ids=["SearchableText"])
        self.assertEqual(self.found("отчеты"), set())

        use_lexicon(self.catalog)
        index = self.catalog.Indexes["SearchableText"]
        self.assertEqual(
            (index.lexicon_id, index.getIndexType()), (LEXICON_ID, "Okapi BM25 Rank")
        )
        self.assertEqual(index.getIndexSourceNames(), ["SearchableText"])
        self.assertEqual(self.found("отчеты"), {"annual"})

    def test_ensure_and_use_lexicon_are_idempotent(self):
        lexicon = aq_base(ensure_lexicon(self.catalog))
        index = aq_base(self.catalog.Indexes["SearchableText"])
        ensure_lexicon(self.catalog)
        use_lexicon(self.catalog)
        self.assertIs(aq_base(self.catalog[LEXICON_ID]), lexicon)
        self.assertIs(aq_base(self.catalog.Indexes["SearchableText"]), index)

    def test_lexicon_pipeline(self):
        """Plone's normalizer lower-cases Kazakh letters and keeps them; ё becomes е in the stemmer."""
        lexicon = self.catalog[LEXICON_ID]
        self.assertEqual(lexicon.parseTerms("ӘҒҚҢӨҰҮҺІ ОТЧЁТЫ"), ["әғқңөұүһі", "отчет"])
