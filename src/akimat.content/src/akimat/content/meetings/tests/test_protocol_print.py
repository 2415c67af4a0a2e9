"""Print forms of meeting protocols (RULES.md R8.3, R8.5a–c, Appendix 6): the rendered DOCX read
back with python-docx."""

from akimat.content.meetings import protocol_print
from akimat.content.meetings.vocabularies import MEETING_KINDS
from akimat.content.tests.libreoffice import converts_to_pdf
from akimat.content.tests.libreoffice import needs_libreoffice
from copy import deepcopy
from datetime import date
from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from io import BytesIO
from zipfile import ZipFile

import re
import unittest


def person(name, position):
    return {"name": name, "position": position}


VALUES = {
    "language": "ru",
    "organisation": "Аппарат акима района Байдибек",
    "meeting_kind": "akimat-session",
    "number": 12,
    "date": date(2026, 3, 4),
    "place": "село Шаян",
    "chair": person("Сейтжанов Е. М.", "аким района"),
    "secretary": person("Тулегенова Г. А.", "заведующий ОДК"),
    "attendees": [
        person("Абдрахманов Н. С.", "заместитель акима района"),
        person("Омарова А. Б.", "руководитель аппарата акима района"),
    ],
    "invitees": ["Иванов И. И. — директор ТОО «Шаян Су»"],
    "agenda": [
        {
            "number": 1,
            "title": "О ходе отопительного сезона",
            "speakers": "Абенов С. Ж.",
        },
        {
            "number": 2,
            "title": "Об исполнении бюджета района",
            "speakers": "Козлов А. П.",
        },
    ],
    "sections": [
        {
            "number": 1,
            "title": "О ходе отопительного сезона",
            "speakers": "Абенов С. Ж., Кузнецова О. В.",
            "heard": "Абенов С. Ж. доложил о ходе отопительного сезона.\nКотельные работают.",
            "spoke": "Кузнецова О. В. о запасах угля.",
            "decided": "Информацию принять к сведению.",
            "solved": False,
            "votes": "за — 9, против — 0, воздержались — 1",
            "assignments": [
                {
                    "number": "1.1",
                    "text": "Обеспечить запас угля",
                    "executors": "Отдел ЖКХ",
                    "deadline": date(2026, 4, 1),
                },
                {
                    "number": "1.2",
                    "text": "Проверить котельные",
                    "executors": "Акимы сельских округов",
                    "deadline": None,
                },
            ],
        },
        {
            "number": 2,
            "title": "Об исполнении бюджета района",
            "speakers": "Козлов А. П.",
            "heard": "Козлов А. П. об исполнении бюджета за два месяца.",
            "spoke": "",
            "decided": "Отчёт одобрить.",
            "solved": True,
            "votes": "",
            "assignments": [
                {
                    "number": "2.1",
                    "text": "Представить уточнённый план",
                    "executors": "Отдел финансов",
                    "deadline": date(2026, 3, 20),
                },
            ],
        },
    ],
    "controller": "заведующего ОДК Тулегенову Г. А.",
    "distribution": ["Отдел ЖКХ", "Отдел финансов"],
}
ITEM_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)\. ")


def values(**changes):
    """A fresh copy of VALUES with some keys replaced."""
    return dict(deepcopy(VALUES), **changes)


def paragraphs(data):
    """Every paragraph of the body, those in tables included, in reading order."""
    document = Document(BytesIO(data))
    return [Paragraph(p, document) for p in document.element.body.iter(qn("w:p"))]


def texts(data):
    return [paragraph.text for paragraph in paragraphs(data)]


def after(lines, heading):
    """The lines that follow the first line equal to `heading`."""
    return lines[lines.index(heading) + 1 :]


def numbered(lines):
    """The numbers of the numbered lines («1.», «1.1.» …), in order."""
    return [match.group(1) for line in lines if (match := ITEM_NUMBER.match(line))]


class TestFullForm(unittest.TestCase):
    def setUp(self):
        self.data = protocol_print.render_protocol(values())
        self.lines = texts(self.data)

    def test_requisites(self):
        """A6.1: organisation, kind of document and meeting, date dd.mm.yyyy, place and number."""
        self.assertEqual(
            self.lines[:3],
            ["Аппарат акима района Байдибек", "ПРОТОКОЛ", "заседания акимата района"],
        )
        self.assertEqual(self.lines[3], "04.03.2026\tсело Шаян\t№ 12")

    def test_introduction(self):
        """A6.2, R8.3: chair, secretary, the attendees (name — position) and the invitees."""
        self.assertIn("Председательствовал: Сейтжанов Е. М. — аким района", self.lines)
        self.assertIn("Секретарь: Тулегенова Г. А. — заведующий ОДК", self.lines)
        self.assertEqual(
            after(self.lines, "Присутствовали:")[:2],
            [
                "Абдрахманов Н. С. — заместитель акима района",
                "Омарова А. Б. — руководитель аппарата акима района",
            ],
        )
        self.assertEqual(
            after(self.lines, "Приглашённые:")[0],
            "Иванов И. И. — директор ТОО «Шаян Су»",
        )
        self.assertNotIn("список прилагается", "\n".join(self.lines))

    def test_agenda_is_numbered_with_speakers(self):
        """A6.2, R8.3: the introduction ends with the agenda: numbered questions «О …» / «Об …» with
        their speakers."""
        self.assertEqual(
            after(self.lines, "ПОВЕСТКА ДНЯ:")[:4],
            [
                "1. О ходе отопительного сезона",
                "Докладчик: Абенов С. Ж.",
                "2. Об исполнении бюджета района",
                "Докладчик: Козлов А. П.",
            ],
        )

    def test_sections_heard_spoke_decided(self):
        """A6.2: one section per question: СЛУШАЛИ – ВЫСТУПИЛИ – ПОСТАНОВИЛИ in capitals with their
        texts; РЕШИЛИ when the item says so; no ВЫСТУПИЛИ when nobody spoke; the vote when taken."""
        body = after(after(self.lines, "ПОВЕСТКА ДНЯ:"), "Докладчик: Козлов А. П.")
        self.assertEqual(
            body[:13],
            [
                "1. О ходе отопительного сезона",
                "СЛУШАЛИ:",
                "Абенов С. Ж. доложил о ходе отопительного сезона.",
                "Котельные работают.",
                "ВЫСТУПИЛИ:",
                "Кузнецова О. В. о запасах угля.",
                "ПОСТАНОВИЛИ:",
                "Информацию принять к сведению.",
                "Итоги голосования: за — 9, против — 0, воздержались — 1",
                "1.1. Обеспечить запас угля — Отдел ЖКХ, срок: 01.04.2026",
                "1.2. Проверить котельные — Акимы сельских округов",
                "2. Об исполнении бюджета района",
                "СЛУШАЛИ:",
            ],
        )
        second = after(body, "2. Об исполнении бюджета района")
        self.assertEqual(
            second[:4],
            [
                "СЛУШАЛИ:",
                "Козлов А. П. об исполнении бюджета за два месяца.",
                "РЕШИЛИ:",
                "Отчёт одобрить.",
            ],
        )
        self.assertEqual(self.lines.count("ВЫСТУПИЛИ:"), 1)
        self.assertEqual(
            len([line for line in self.lines if line.startswith("Итоги голосования")]),
            1,
        )

    def test_assignments_are_numbered_in_order(self):
        """R8.5b, R8.3: items and their assignments numbered 1, 1.1, 1.2, 2, 2.1 in that order, each
        with its executors and deadline."""
        body = after(self.lines, "Докладчик: Козлов А. П.")
        self.assertEqual(numbered(body), ["1", "1.1", "1.2", "2", "2.1"])
        self.assertIn(
            "2.1. Представить уточнённый план — Отдел финансов, срок: 20.03.2026", body
        )

    def test_controller(self):
        """R8.5a: the protocol names who controls its execution (one full stop after initials)."""
        self.assertIn(
            "Контроль за исполнением настоящего протокола возложить на заведующего ОДК Тулегенову Г. А.",
            self.lines,
        )

    def test_signed_by_chair_and_secretary(self):
        """A6.3: the chair's and the secretary's signature lines close the protocol."""
        self.assertEqual(
            self.lines[-2:],
            [
                "Председатель\t____________\tСейтжанов Е. М.",
                "Секретарь\t____________\tТулегенова Г. А.",
            ],
        )

    def test_dates_as_dd_mm_yyyy(self):
        """A6.1: the date of the protocol (the meeting's) and the deadlines print as dd.mm.yyyy."""
        printed = "\n".join(self.lines)
        self.assertIn("04.03.2026", printed)
        self.assertNotIn("2026-", printed)

    @needs_libreoffice
    def test_libreoffice_converts_the_protocol_to_pdf(self):
        """The rendered protocol opens in LibreOffice (converted headless to PDF)."""
        self.assertTrue(converts_to_pdf(self.data))


class TestAttendees(unittest.TestCase):
    def attendees(self, count):
        return [
            person(f"Участник {index}", "специалист") for index in range(1, count + 1)
        ]

    def test_more_than_ten_attendees_are_an_attached_list(self):
        """A6.2: with 11 attendees the protocol says «список прилагается» instead of the names."""
        lines = texts(
            protocol_print.render_protocol(values(attendees=self.attendees(11)))
        )
        self.assertIn("Присутствовали: список прилагается", lines)
        self.assertNotIn("Участник 1 — специалист", lines)

    def test_ten_attendees_are_listed(self):
        """A6.2: up to 10 attendees are named in the protocol itself."""
        lines = texts(
            protocol_print.render_protocol(values(attendees=self.attendees(10)))
        )
        self.assertIn("Присутствовали:", lines)
        self.assertEqual(after(lines, "Присутствовали:")[9], "Участник 10 — специалист")
        self.assertNotIn("список прилагается", "\n".join(lines))


class TestShortForm(unittest.TestCase):
    def setUp(self):
        self.lines = texts(protocol_print.render_protocol(values(), form="short"))

    def test_no_agenda_and_no_heard_spoke(self):
        """A6.2: the short form's introduction has no agenda, its items no СЛУШАЛИ / ВЫСТУПИЛИ."""
        for heading in ("ПОВЕСТКА ДНЯ:", "СЛУШАЛИ:", "ВЫСТУПИЛИ:"):
            self.assertNotIn(heading, self.lines)
        self.assertIn("Председательствовал: Сейтжанов Е. М. — аким района", self.lines)

    def test_items_with_speakers_and_decision(self):
        """A6.2, R8.5b: per question its numbered title, who spoke, the decision and assignments."""
        self.assertEqual(
            after(self.lines, "Иванов И. И. — директор ТОО «Шаян Су»")[:8],
            [
                "1. О ходе отопительного сезона",
                "Абенов С. Ж., Кузнецова О. В.",
                "ПОСТАНОВИЛИ:",
                "Информацию принять к сведению.",
                "Итоги голосования: за — 9, против — 0, воздержались — 1",
                "1.1. Обеспечить запас угля — Отдел ЖКХ, срок: 01.04.2026",
                "1.2. Проверить котельные — Акимы сельских округов",
                "2. Об исполнении бюджета района",
            ],
        )

    def test_controller_and_signatures(self):
        """R8.5a, A6.3: the short form too names the controller and is signed by both."""
        self.assertTrue(
            any(line.startswith("Контроль за исполнением") for line in self.lines)
        )
        self.assertEqual(
            self.lines[-2].split("\t")[::2], ["Председатель", "Сейтжанов Е. М."]
        )
        self.assertEqual(
            self.lines[-1].split("\t")[::2], ["Секретарь", "Тулегенова Г. А."]
        )


class TestKazakh(unittest.TestCase):
    def test_kazakh_protocol_has_kazakh_headings(self):
        """R8.5c: a protocol drafted in the state language prints its headings in Kazakh."""
        lines = texts(protocol_print.render_protocol(values(language="kk")))
        self.assertEqual(lines[1:3], ["ХАТТАМА", "аудан әкімдігі отырысының"])
        for heading in (
            "КҮН ТӘРТІБІ:",
            "ТЫҢДАЛДЫ:",
            "СӨЙЛЕДІ:",
            "ҚАУЛЫ ЕТТІ:",
            "ШЕШТІ:",
            "Қатысқандар:",
        ):
            self.assertIn(heading, lines)
        self.assertIn("Төрағалық еткен: Сейтжанов Е. М. — аким района", lines)
        self.assertIn(
            "Осы хаттаманың орындалуын бақылау жүктелсін: заведующего ОДК Тулегенову Г. А.",
            lines,
        )
        self.assertTrue(lines[-2].startswith("Төраға\t"))
        self.assertTrue(lines[-1].startswith("Хатшы\t"))
        for russian in ("ПРОТОКОЛ", "СЛУШАЛИ:", "ПОСТАНОВИЛИ:", "ПОВЕСТКА ДНЯ:"):
            self.assertNotIn(russian, lines)

    def test_kazakh_attached_list(self):
        """R8.5c, A6.2: «тізімі қоса беріледі» for more than ten attendees."""
        attendees = [person(f"Қатысушы {index}", "маман") for index in range(11)]
        lines = texts(
            protocol_print.render_protocol(values(language="kk", attendees=attendees))
        )
        self.assertIn("Қатысқандар: тізімі қоса беріледі", lines)

    def test_both_languages_have_every_label_and_meeting_kind(self):
        """R8.5c: the Kazakh and the Russian forms have the same headings and every kind of meeting
        of the vocabulary."""
        self.assertEqual(
            set(protocol_print.LABELS["kk"]), set(protocol_print.LABELS["ru"])
        )
        kinds = {term.value for term in MEETING_KINDS}
        for language in ("kk", "ru"):
            self.assertEqual(set(protocol_print.MEETING_KINDS[language]), kinds)
        for key in (
            "heard",
            "spoke",
            "decided",
            "solved",
            "agenda",
            "protocol",
            "extract",
        ):
            for language in ("kk", "ru"):
                self.assertTrue(protocol_print.LABELS[language][key].isupper())


class TestExtract(unittest.TestCase):
    def setUp(self):
        self.lines = texts(protocol_print.render_extract(values(), 2))

    def test_extract_holds_only_its_item(self):
        """A6.5: the extract of item 2 for its addressees: the requisites, the item's title, its
        decision and assignments, certified by the secretary; nothing of item 1, no agenda."""
        self.assertEqual(
            self.lines,
            [
                "Аппарат акима района Байдибек",
                "ВЫПИСКА ИЗ ПРОТОКОЛА",
                "заседания акимата района",
                "04.03.2026\tсело Шаян\t№ 12",
                "2. Об исполнении бюджета района",
                "РЕШИЛИ:",
                "Отчёт одобрить.",
                "2.1. Представить уточнённый план — Отдел финансов, срок: 20.03.2026",
                "Выписка верна",
                "Секретарь\t____________\tТулегенова Г. А.",
            ],
        )

    def test_kazakh_extract(self):
        """A6.5, R8.5c: the extract in Kazakh."""
        lines = texts(protocol_print.render_extract(values(language="kk"), 1))
        self.assertEqual(lines[1], "ХАТТАМАДАН ҮЗІНДІ")
        self.assertIn("ҚАУЛЫ ЕТТІ:", lines)
        self.assertIn(
            "1.1. Обеспечить запас угля — Отдел ЖКХ, мерзімі: 01.04.2026", lines
        )
        self.assertIn("Үзінді дұрыс", lines)
        self.assertNotIn("2. Об исполнении бюджета района", lines)


class TestErrors(unittest.TestCase):
    def test_unknown_form(self):
        """A6.2: a protocol has a full and a short form, nothing else."""
        with self.assertRaisesRegex(ValueError, "'long'"):
            protocol_print.render_protocol(values(), form="long")

    def test_unknown_item(self):
        """A6.5: an extract of an item the protocol does not have is refused, naming the items."""
        with self.assertRaisesRegex(ValueError, r"no item 3; its items are: 1, 2"):
            protocol_print.render_extract(values(), 3)

    def test_unknown_language_or_meeting_kind(self):
        """R8.5c: the headings exist in Kazakh and Russian only; the kind of meeting must be known."""
        with self.assertRaises(ValueError):
            protocol_print.render_protocol(values(language="en"))
        with self.assertRaises(ValueError):
            protocol_print.render_protocol(values(meeting_kind="party"))


class TestOutput(unittest.TestCase):
    def test_no_tag_left_anywhere(self):
        """A6.1: no `{{` or `{%` survives in any part of any form, in either language, even with
        empty lists and no number yet."""
        sparse = values(
            number=None, attendees=[], invitees=[], agenda=[], controller=""
        )
        for language in ("kk", "ru"):
            for data in (
                protocol_print.render_protocol(values(language=language)),
                protocol_print.render_protocol(values(language=language), form="short"),
                protocol_print.render_extract(values(language=language), 1),
                protocol_print.render_protocol(dict(sparse, language=language)),
            ):
                with ZipFile(BytesIO(data)) as package:
                    for name in package.namelist():
                        if name.endswith(".xml"):
                            xml = package.read(name).decode("utf-8")
                            self.assertNotIn("{{", xml, name)
                            self.assertNotIn("{%", xml, name)

    def test_protocol_without_number(self):
        """A6.1, A6.4: a protocol not yet registered prints «№» with no number, never «None»."""
        lines = texts(
            protocol_print.render_protocol(values(number=None, controller=""))
        )
        self.assertEqual(lines[3], "04.03.2026\tсело Шаян\t№ ")
        self.assertNotIn("None", "\n".join(lines))
        self.assertFalse(any(line.startswith("Контроль") for line in lines))
