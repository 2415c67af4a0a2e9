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
# Rule IDs of RULES.md (R10.4b, A6.3) belong in code and tests, never in what people read.
RULE_CODE = re.compile(r"\b[RA]\d+(\.\d+)?[a-z]?\b")
# The domains whose messages are being rewritten in their own branches (issue 15).
NOT_YET_CHECKED = re.compile(
    r"/(control|appeals)/|/appeal_form\.py"
    r"|akimat_(appeal|reception|reception_schedule|assignment)_workflow"
)


def translated(po):
    """The msgids the catalog really translates (Msgfmt leaves out empty msgstr)."""
    with open(po, "rb") as po_file:
        catalog = GNUTranslations(BytesIO(Msgfmt(po_file).get()))._catalog
    return {msgid for msgid, text in catalog.items() if msgid and text}


def extracted(locales):
    """The msgids i18ndude finds in the package now, as `make i18n` would, each with the files
    it comes from."""
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
        # i18ndude writes every msgid on one line, after the «#:» lines of its places.
        messages = {}
        places = []
        for line in pot.read_text(encoding="utf-8").splitlines():
            if line.startswith("#: "):
                places += line[len("#: ") :].split()
            elif line.startswith('msgid "') and line != 'msgid ""':
                messages[ast.literal_eval(line[len("msgid ") :])] = places
                places = []
        return messages


class TestCatalogs(unittest.TestCase):
    def test_both_packages_have_catalogs(self):
        self.assertEqual([path.parent.name for path in PACKAGES], ["content", "policy"])

    def test_every_message_is_translated_into_russian_and_kazakh(self):
        for locales in PACKAGES:
            messages = set(extracted(locales))
            self.assertTrue(messages)
            for language in LANGUAGES:
                with self.subTest(package=locales.parent.name, language=language):
                    missing = messages - translated(
                        locales / language / "LC_MESSAGES" / "akimat.po"
                    )
                    self.assertEqual(
                        missing, set(), "run `make i18n`, then translate these"
                    )

    def test_no_message_names_a_rule(self):
        """People read «Подписать до 08.12», not «(R10.15)»: no message cites a rule ID."""
        for locales in PACKAGES:
            with self.subTest(package=locales.parent.name):
                citing = [
                    msgid
                    for msgid, places in extracted(locales).items()
                    if RULE_CODE.search(msgid)
                    and not all(NOT_YET_CHECKED.search(place) for place in places)
                ]
                self.assertEqual(citing, [])
