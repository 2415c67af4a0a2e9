"""Print forms of meeting protocols as DOCX (RULES.md R8.3, R8.5a–c, Appendix 6).

Renders plain data with the Word templates `print_templates/protocol_full.docx`,
`protocol_short.docx` and `protocol_extract.docx` (docxtpl, see `print_forms`); it knows no Plone
content. The headings of the forms are data too: `LABELS` in the protocol's language, because a
protocol is drafted in Kazakh with an optional Russian version (R8.5c).

`values`, built by other code from the content:

    language: "kk" | "ru"   (selects LABELS and MEETING_KINDS; the function adds "labels" and
                             "meeting_kind_title")
    organisation: str, meeting_kind: str (a key of MEETING_KINDS), number: int|None,
    date: datetime.date, place: str
    chair: {"name": str, "position": str}, secretary: {"name", "position"}
    attendees: [{"name", "position"}]   (the function decides attendees_attached = len > 10)
    invitees: [str]
    agenda: [{"number": int, "title": str, "speakers": str}]
    sections: [{"number": int, "title": str, "speakers": str, "heard": str, "spoke": str,
                "decided": str, "solved": bool (РЕШИЛИ instead of ПОСТАНОВИЛИ),
                "votes": str ("" when no vote),
                "assignments": [{"number": "1.1", "text": str, "executors": str,
                                 "deadline": date|None}]}]
    controller: str, distribution: [str]

Strings may hold several lines; dates print dd.mm.yyyy, None prints empty (A6.1). The default
forms do not print `distribution` (the distribution list is a document of its own, A6.4); a
template an administrator edits may. The extract's template gets the chosen item as `section`.
"""

from akimat.content.core.print_forms import render_docx
from akimat.content.core.print_forms import template


FORMS = {"full": "protocol_full.docx", "short": "protocol_short.docx"}
EXTRACT = "protocol_extract.docx"
# A6.2: more attendees than this and the protocol says «список прилагается» instead of the names.
ATTENDEES_LISTED_UP_TO = 10

LABELS = {
    "ru": {
        "protocol": "ПРОТОКОЛ",
        "chair": "Председательствовал",
        "secretary": "Секретарь",
        "present": "Присутствовали",
        "list_attached": "список прилагается",
        "invited": "Приглашённые",
        "agenda": "ПОВЕСТКА ДНЯ",
        "speaker": "Докладчик",
        "heard": "СЛУШАЛИ",
        "spoke": "ВЫСТУПИЛИ",
        "decided": "ПОСТАНОВИЛИ",
        "solved": "РЕШИЛИ",
        "votes": "Итоги голосования",
        "deadline": "срок",
        "control": "Контроль за исполнением настоящего протокола возложить на",
        "signature_chair": "Председатель",
        "signature_secretary": "Секретарь",
        "extract": "ВЫПИСКА ИЗ ПРОТОКОЛА",
        "extract_true": "Выписка верна",
        "number_sign": "№",
    },
    "kk": {
        "protocol": "ХАТТАМА",
        "chair": "Төрағалық еткен",
        "secretary": "Хатшы",
        "present": "Қатысқандар",
        "list_attached": "тізімі қоса беріледі",
        "invited": "Шақырылғандар",
        "agenda": "КҮН ТӘРТІБІ",
        "speaker": "Баяндамашы",
        "heard": "ТЫҢДАЛДЫ",
        "spoke": "СӨЙЛЕДІ",
        "decided": "ҚАУЛЫ ЕТТІ",
        "solved": "ШЕШТІ",
        "votes": "Дауыс беру қорытындысы",
        "deadline": "мерзімі",
        # The controller's name follows the label in the template, hence the colon.
        "control": "Осы хаттаманың орындалуын бақылау жүктелсін:",
        "signature_chair": "Төраға",
        "signature_secretary": "Хатшы",
        "extract": "ХАТТАМАДАН ҮЗІНДІ",
        "extract_true": "Үзінді дұрыс",
        "number_sign": "№",
    },
}

# The kind of meeting as it follows «ПРОТОКОЛ» / «ХАТТАМА» (genitive): the same ids as
# akimat.content.meetings.vocabularies.MEETING_KINDS.
MEETING_KINDS = {
    "ru": {
        "akimat-session": "заседания акимата района",
        "apparatus-meeting": "аппаратного совещания у акима района",
        "operational-meeting": "оперативного совещания у акима района",
        "commission": "заседания комиссии",
        "government-session": "совещания по итогам заседания Правительства Республики Казахстан",
        "field-meeting": "выездного совещания акима района",
    },
    "kk": {
        "akimat-session": "аудан әкімдігі отырысының",
        "apparatus-meeting": "аудан әкімінің аппараттық кеңесінің",
        "operational-meeting": "аудан әкімінің жедел кеңесінің",
        "commission": "комиссия отырысының",
        "government-session": "Қазақстан Республикасы Үкіметінің отырысы қорытындылары бойынша кеңестің",
        "field-meeting": "аудан әкімінің көшпелі кеңесінің",
    },
}


def render_protocol(values, form="full"):
    """The DOCX bytes of a protocol in its full or short form (A6.2); ValueError for another."""
    if form not in FORMS:
        raise ValueError(
            f"Unknown protocol form {form!r}; expected one of {sorted(FORMS)}."
        )
    return render_docx(template(FORMS[form]), _context(values))


def render_extract(values, item_number):
    """The DOCX bytes of the extract of one agenda item for its addressees (A6.5)."""
    context = _context(values)
    context["section"] = _section(values, item_number)
    return render_docx(template(EXTRACT), context)


def _context(values):
    """The values plus what the templates need: the headings in the protocol's language, the
    kind of meeting in words and whether the attendees go into an attached list."""
    language = values.get("language")
    if language not in LABELS:
        raise ValueError(
            f"Unknown protocol language {language!r}; expected one of {sorted(LABELS)}."
        )
    kind = values.get("meeting_kind")
    if kind not in MEETING_KINDS[language]:
        raise ValueError(f"Unknown meeting kind {kind!r}.")
    return dict(
        values,
        labels=LABELS[language],
        meeting_kind_title=MEETING_KINDS[language][kind],
        attendees_attached=len(values.get("attendees") or ()) > ATTENDEES_LISTED_UP_TO,
    )


def _section(values, item_number):
    """The section of the agenda item with this number; ValueError naming the items there are."""
    sections = values.get("sections") or ()
    for section in sections:
        if section.get("number") == item_number:
            return section
    numbers = ", ".join(str(section.get("number")) for section in sections) or "none"
    raise ValueError(
        f"The protocol has no item {item_number!r}; its items are: {numbers}."
    )
