"""Every message of ours is in the `akimat` catalogs, translated into Russian and Kazakh."""

from gettext import GNUTranslations
from io import BytesIO
from pathlib import Path
from pythongettext.msgfmt import Msgfmt

import ast
import re
import subprocess
import tempfile
import unittest


ROOT = Path(__file__).resolve().parent.parent
PACKAGES = sorted(ROOT.glob("src/akimat.*/src/akimat/*/locales"))
LANGUAGES = ("ru", "kk")
# A rule of RULES.md named in text meant for people: «(R13.9)», «A6.3».
RULE_CODE = re.compile(r"\b[RA]\d+(\.\d+)*[a-z]?\b")


def translated(po):
    """The msgids the catalog really translates (Msgfmt leaves out empty msgstr)."""
    return {msgid for msgid, text in translations(po).items() if msgid and text}


def translations(po):
    with open(po, "rb") as po_file:
        return GNUTranslations(BytesIO(Msgfmt(po_file).get()))._catalog


def extracted(locales):
    """The msgids i18ndude finds in the package now, as `make i18n` would."""
    with tempfile.TemporaryDirectory() as tmp:
        pot = Path(tmp) / "akimat.pot"
        command = [str(ROOT / "bin" / "i18ndude"), "rebuild-pot", "--pot", str(pot)]
        if (locales / "manual.pot").exists():
            command += ["--merge", str(locales / "manual.pot")]
        subprocess.run(
            command + ["--create", "akimat", str(locales.parent)],
            check=True,
            capture_output=True,
        )
        # i18ndude writes every msgid on one line.
        return {
            ast.literal_eval(line[len("msgid ") :])
            for line in pot.read_text(encoding="utf-8").splitlines()
            if line.startswith('msgid "') and line != 'msgid ""'
        }


class TestCatalogs(unittest.TestCase):
    def test_both_packages_have_catalogs(self):
        self.assertEqual([path.parent.name for path in PACKAGES], ["content", "policy"])

    def test_every_message_is_translated_into_russian_and_kazakh(self):
        for locales in PACKAGES:
            messages = extracted(locales)
            self.assertTrue(messages)
            for language in LANGUAGES:
                with self.subTest(package=locales.parent.name, language=language):
                    missing = messages - translated(
                        locales / language / "LC_MESSAGES" / "akimat.po"
                    )
                    self.assertEqual(
                        missing, set(), "run `make i18n`, then translate these"
                    )

    def test_no_rule_code_reaches_a_person(self):
        """Rule IDs stay in the code and the tests; the pages speak the reader's language."""
        for locales in PACKAGES:
            for language in LANGUAGES:
                po = locales / language / "LC_MESSAGES" / "akimat.po"
                with self.subTest(package=locales.parent.name, language=language):
                    coded = [
                        text
                        for msgid, text in translations(po).items()
                        if msgid and RULE_CODE.search(text)
                    ]
                    self.assertEqual(coded, [])
