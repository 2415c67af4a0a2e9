"""Benchmark of the document library (R9.10d): N reports with text over the departments, kinds,
periods and five years, then the library page's faceted queries, its facet counts, full-text
search and adding one report, timed and printed.

    make bench-library            # N = 20000
    make bench-library N=500

Every REAL_DOCX_EVERY-th report is a real DOCX made with python-docx, added the normal way (the
subscribers read its text). The others carry the same kind of text set on `extracted_text`
directly, with an empty file of their type: a DOCX adds 25–40 ms a report (some 17 to make it,
the benchmark's own cost, and 8 to read it), which would take the load of 20,000 from 9 to about
20 minutes on two cores and leave 700 MB of blobs in instance/var until the next pack. The load
prints both costs a report.

Runs through the instance (`bin/instance run`) on a throw-away site «bench-library» that is
deleted at the end. Stop `make start` first (FileStorage allows one process).
"""

from akimat.content.core.calendar import now
from akimat.content.interfaces import IDepartmentLibrary
from akimat.content.library.report import PERIODS_IN_YEAR
from akimat.policy.library_search import FACETS
from collections import Counter
from DateTime import DateTime
from datetime import date
from datetime import timedelta
from io import BytesIO
from itertools import accumulate
from itertools import product
from plone import api
from plone.namedfile.file import NamedBlobFile

import docx
import random
import statistics
import sys
import time
import transaction


sys.path.insert(
    0, "bench"
)  # bin/instance run executes this file as text, from the repository root
import common  # noqa: E402


SITE_ID = "bench-library"
YEARS = 5
REAL_DOCX_EVERY = 10
BATCH = 500  # reports a transaction: blobs and catalog changes of one commit stay small
PAGE = 30  # reports a page of the listing (library_search.REPORTS_PER_PAGE)
READER = "tursynbayev"  # a member of the economy department: its drafts, everybody's published reports
KINDS = (
    ("Отчёт об исполнении местного бюджета", "month"),
    ("Информация о поступлении налогов и других платежей в бюджет", "month"),
    ("Отчёт о работе с обращениями физических и юридических лиц", "month"),
    ("Информация о ходе исполнения поручений акима района", "month"),
    ("Мониторинг цен на социально значимые продовольственные товары", "month"),
    ("Отчёт о занятости населения", "month"),
    ("Отчёт о реализации Плана развития района", "quarter"),
    ("Информация о ходе реализации бюджетных программ", "quarter"),
    ("Отчёт о государственных закупках", "quarter"),
    ("Отчёт о кадровой работе", "quarter"),
    ("Отчёт о принятых антикоррупционных мерах", "half-year"),
    ("Информация о деятельности консультативно-совещательных органов", "half-year"),
    ("Отчёт об обеспечении информационной безопасности", "half-year"),
    ("Годовой отчёт о деятельности отдела", "year"),
    ("Отчёт о достижении целевых индикаторов", "year"),
    ("Отчёт о реализации государственных программ", "year"),
)
MONTHS = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)
# Files of the reports without a real DOCX, by share: mostly scanned PDFs and Word files.
OTHER_FILE_TYPES, OTHER_FILE_WEIGHTS = ("pdf", "docx", "xlsx", "odt"), (50, 30, 15, 5)

# The words of the reports, commonest first (their frequency falls as in real text, so a rare
# word is in few reports): inflected forms, as the stemmer meets them.
RUSSIAN = [
    "в",
    "и",
    "на",
    "по",
    "о",
    "с",
    "за",
    "не",
    "из",
    "к",
    "от",
    "для",
    "что",
    "года",
    "района",
    "а",
    "также",
    "бюджета",
    "отдела",
    "плана",
    "работы",
    "в",
    "рамках",
    "акимата",
    "году",
    "было",
    "проведено",
    "является",
    "реализации",
    "отчет",
    "отчета",
    "отчеты",
    "отчетов",
    "отчёт",
    "отчёте",
    "отчётный",
    "период",
    "периода",
    "мероприятий",
    "проведены",
    "исполнения",
    "средств",
    "тысяч",
    "тенге",
    "программы",
    "составило",
    "составила",
    "целях",
    "обеспечения",
    "граждан",
    "обращений",
    "поступило",
    "рассмотрено",
    "количество",
    "населения",
    "процентов",
    "сумме",
    "органов",
    "государственных",
    "услуг",
    "в",
    "том",
    "числе",
    "сельских",
    "округов",
    "округа",
    "акима",
    "поручений",
    "исполнено",
    "выполнено",
    "своевременно",
    "контроле",
    "контроль",
    "представлен",
    "представлена",
    "информация",
    "информации",
    "согласно",
    "направлении",
    "направлено",
    "утвержден",
    "утверждена",
    "развития",
    "развитию",
    "экономики",
    "экономического",
    "финансов",
    "финансирования",
    "выделено",
    "освоено",
    "освоения",
    "бюджетных",
    "программ",
    "программам",
    "закупок",
    "закупки",
    "договоров",
    "заключено",
    "поставщиков",
    "объектов",
    "строительства",
    "ремонта",
    "ремонт",
    "дорог",
    "дороги",
    "водоснабжения",
    "водоснабжению",
    "сетей",
    "школ",
    "школы",
    "детских",
    "садов",
    "здравоохранения",
    "образования",
    "культуры",
    "спорта",
    "молодежи",
    "молодёжной",
    "политики",
    "занятости",
    "безработных",
    "трудоустроено",
    "рабочих",
    "мест",
    "создано",
    "предприятий",
    "предпринимателей",
    "малого",
    "среднего",
    "бизнеса",
    "субсидий",
    "субсидирования",
    "кредитов",
    "сельского",
    "хозяйства",
    "посевных",
    "площадей",
    "урожая",
    "скота",
    "поголовья",
    "пастбищ",
    "земельных",
    "участков",
    "земель",
    "аренды",
    "налогов",
    "налоговых",
    "поступлений",
    "платежей",
    "доходов",
    "расходов",
    "дефицита",
    "профицита",
    "задолженности",
    "кредиторской",
    "дебиторской",
    "погашена",
    "погашено",
    "сравнению",
    "аналогичным",
    "периодом",
    "прошлого",
    "текущего",
    "увеличилось",
    "уменьшилось",
    "снизилось",
    "выросло",
    "рост",
    "снижение",
    "показателей",
    "показатели",
    "индикаторов",
    "целевых",
    "достигнуты",
    "достигнут",
    "план",
    "фактически",
    "факт",
    "выполнение",
    "невыполнение",
    "причины",
    "причинам",
    "нарушений",
    "нарушения",
    "выявлено",
    "устранено",
    "проверок",
    "проверки",
    "мониторинга",
    "мониторинг",
    "цен",
    "цены",
    "продовольственных",
    "товаров",
    "социально",
    "значимых",
    "коррупции",
    "антикоррупционных",
    "мер",
    "противодействия",
    "комиссии",
    "комиссией",
    "заседаний",
    "заседании",
    "совещаний",
    "протокол",
    "протоколов",
    "решений",
    "решения",
    "постановления",
    "постановлений",
    "распоряжений",
    "распоряжения",
    "нормативных",
    "правовых",
    "актов",
    "кадров",
    "кадровой",
    "персонала",
    "служащих",
    "государственных",
    "вакансий",
    "конкурса",
    "обучения",
    "повышения",
    "квалификации",
    "аттестации",
    "информационной",
    "безопасности",
    "систем",
    "сети",
    "интернет",
    "электронного",
    "документооборота",
    "документов",
    "документа",
    "обращения",
    "жалоб",
    "заявлений",
    "приема",
    "личного",
    "приеме",
    "встреч",
    "населением",
    "жителей",
    "жителями",
    "публичных",
    "слушаний",
    "общественного",
    "совета",
    "консультативно-совещательных",
    "организаций",
    "неправительственных",
    "грантов",
    "социального",
    "заказа",
    "коммунального",
    "хозяйства",
    "жилья",
    "жилищного",
    "очереди",
    "многодетных",
    "семей",
    "пособий",
    "выплат",
    "адресной",
    "социальной",
    "помощи",
    "инвалидов",
    "пенсионеров",
    "ветеранов",
    "благоустройства",
    "озеленения",
    "освещения",
    "уличного",
    "санитарной",
    "очистки",
    "вывоза",
    "мусора",
    "отходов",
    "экологии",
    "чрезвычайных",
    "ситуаций",
    "паводков",
    "пожаров",
    "безопасности",
    "дорожного",
    "движения",
    "транспорта",
    "автобусных",
    "маршрутов",
    "связи",
    "газификации",
    "электроснабжения",
    "тарифов",
    "инвестиций",
    "инвестиционных",
    "проектов",
    "привлечено",
    "индустриализации",
    "туризма",
]
KAZAKH = [
    "және",
    "бойынша",
    "жылы",
    "аудан",
    "ауданы",
    "ауданның",
    "әкімдігі",
    "әкімдігінің",
    "есеп",
    "есебі",
    "есептер",
    "есептерін",
    "жоспар",
    "жоспары",
    "жоспарын",
    "жоспарының",
    "бюджет",
    "бюджеті",
    "бюджетінің",
    "қаражат",
    "қаражаты",
    "мың",
    "теңге",
    "бағдарлама",
    "бағдарламасы",
    "іске",
    "асыру",
    "асыру",
    "барысында",
    "жұмыс",
    "жұмыстары",
    "жүргізілді",
    "орындалды",
    "орындау",
    "тұрғындар",
    "тұрғындардың",
    "азаматтар",
    "азаматтардың",
    "өтініш",
    "өтініштері",
    "қаралды",
    "мемлекеттік",
    "қызмет",
    "қызметтер",
    "көрсету",
    "ауылдық",
    "округ",
    "округтері",
    "әкімі",
    "тапсырмалары",
    "бақылау",
    "бақылауда",
    "ақпарат",
    "ұсынылды",
    "бекітілді",
    "даму",
    "дамыту",
    "экономика",
    "қаржы",
    "қаржыландыру",
    "бөлінді",
    "игерілді",
    "сатып",
    "алу",
    "шарттар",
    "жасалды",
    "құрылыс",
    "жөндеу",
    "жолдар",
    "жолдарды",
    "сумен",
    "жабдықтау",
    "мектептер",
    "балабақшалар",
    "денсаулық",
    "сақтау",
    "білім",
    "беру",
    "мәдениет",
    "спорт",
    "жастар",
    "саясаты",
    "жұмыспен",
    "қамту",
    "жұмыссыздар",
    "жұмыс",
    "орындары",
    "құрылды",
    "кәсіпкерлер",
    "шағын",
    "орта",
    "бизнес",
    "субсидиялар",
    "ауыл",
    "шаруашылығы",
    "егіс",
    "алқаптары",
    "мал",
    "жер",
    "учаскелері",
    "салықтар",
    "түсімдер",
    "кірістер",
    "шығыстар",
    "өткен",
    "жылмен",
    "салыстырғанда",
    "өсті",
    "төмендеді",
    "көрсеткіштер",
    "нысаналы",
    "индикаторлар",
    "қол",
    "жеткізілді",
    "сыбайлас",
    "жемқорлыққа",
    "қарсы",
    "комиссия",
    "отырыс",
    "отырысы",
    "хаттама",
    "шешім",
    "шешімдері",
    "қаулы",
    "қаулысы",
    "кадрлар",
    "біліктілігін",
    "арттыру",
    "ақпараттық",
    "қауіпсіздік",
    "құжаттар",
    "азаматтарды",
    "жеке",
    "қабылдау",
    "кездесулер",
    "тұрғын",
    "үй",
    "әлеуметтік",
    "көмек",
    "көрсетілді",
    "абаттандыру",
    "көгалдандыру",
    "төтенше",
    "жағдайлар",
]


class ReportText:
    """Varied text of reports: paragraphs of sentences, a quarter of them in Kazakh."""

    def __init__(self, rng):
        self.rng = rng
        self.languages = [
            (words, list(accumulate(1 / rank for rank in range(1, len(words) + 1))))
            for words in (RUSSIAN, KAZAKH)
        ]

    def sentence(self):
        words, weights = self.languages[self.rng.random() < 0.25]
        text = " ".join(
            self.rng.choices(words, cum_weights=weights, k=self.rng.randint(8, 18))
        )
        return text[0].upper() + text[1:] + "."

    def paragraphs(self):
        """About 500 words: a page and a half."""
        return [
            " ".join(self.sentence() for _ in range(self.rng.randint(3, 7)))
            for _ in range(self.rng.randint(5, 12))
        ]


def docx_file(name, title, paragraphs):
    document = docx.Document()
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    data = BytesIO()
    document.save(data)
    return NamedBlobFile(data=data.getvalue(), filename=f"{name}.docx")


def period_label(period_kind, period, year):
    if period_kind == "month":
        return f"{MONTHS[period - 1]} {year} года"
    if period_kind == "year":
        return f"{year} год"
    return (
        f"{period} {'квартал' if period_kind == 'quarter' else 'полугодие'} {year} года"
    )


def published_on(rng, period_kind, period, year):
    """Some days after the end of the period, as the departments publish (the listing sorts by it)."""
    last_month = period * 12 // PERIODS_IN_YEAR[period_kind] if period else 12
    return DateTime(
        (date(year, last_month, 28) + timedelta(days=rng.randint(3, 40))).isoformat()
    )


def report_specs(folders, years, rng):
    """(folder, kind, period kind, period, year) of every report a department could owe, shuffled;
    beyond them they repeat (one report a period is the add form's rule, no query here needs it)."""
    specs = [
        (folder, kind, period_kind, period, year)
        for folder, (kind, period_kind), year in product(folders, KINDS, years)
        for period in (
            range(1, PERIODS_IN_YEAR[period_kind] + 1)
            if PERIODS_IN_YEAR[period_kind]
            else [None]
        )
    ]
    rng.shuffle(specs)
    return specs


def new_report(spec, number, rng, text, real_docx):
    """What a department uploads: (spec, id, title, text, file); without `real_docx` the file is
    empty and the text goes to `extracted_text` directly."""
    folder, kind, period_kind, period, year = spec
    title = f"{kind} за {period_label(period_kind, period, year)}"
    paragraphs = text.paragraphs()
    name = f"report-{number}"
    if real_docx:
        return spec, name, title, paragraphs, docx_file(name, title, paragraphs)
    file_type = rng.choices(OTHER_FILE_TYPES, weights=OTHER_FILE_WEIGHTS)[0]
    return (
        spec,
        name,
        title,
        paragraphs,
        NamedBlobFile(data=b"", filename=f"{name}.{file_type}"),
    )


def add_report(upload, rng, state="published"):
    """The report added (the subscribers read a real file's text) and taken to `state`."""
    (folder, kind, period_kind, period, year), name, title, paragraphs, file = upload
    report = api.content.create(
        container=folder,
        type="Report",
        id=name,
        title=title,
        report_kind=kind,
        description=paragraphs[0][:200],
        period_kind=period_kind,
        period=period,
        report_year=year,
        file=file,
        restriction="none",
    )
    if not file.size:
        report.extracted_text = "\n".join(paragraphs)
        report.reindexObject(idxs=["SearchableText"])
    if state != "draft":
        api.content.transition(obj=report, transition="publish")
        report.setEffectiveDate(published_on(rng, period_kind, period, year))
        report.reindexObject(idxs=["effective"])
    if state == "archived":
        api.content.transition(obj=report, transition="archive")


def load_reports(site, total, rng):
    """`total` reports, 85 % published, 10 % drafts, 5 % archived; commits every BATCH."""
    akimat_to = site["library"]["akimat-to"]
    folders = [
        folder
        for folder in akimat_to.objectValues()
        if IDepartmentLibrary.providedBy(folder)
    ]
    this_year = now().year
    specs = report_specs(folders, range(this_year - YEARS, this_year), rng)
    text = ReportText(rng)
    seconds = {
        True: [],
        False: [],
    }  # per report, with a real DOCX and with the text set directly
    started = time.perf_counter()
    for number in range(total):
        chance = rng.random()
        state = (
            "draft" if chance < 0.10 else "archived" if chance < 0.15 else "published"
        )
        real_docx = number % REAL_DOCX_EVERY == 0
        start = time.perf_counter()
        add_report(
            new_report(specs[number % len(specs)], number, rng, text, real_docx),
            rng,
            state,
        )
        seconds[real_docx].append(time.perf_counter() - start)
        if (number + 1) % BATCH == 0:
            transaction.commit()
            site._p_jar.cacheGC()  # keep the connection's cache from holding every report
    transaction.commit()
    print(
        f"{'created ' + str(total) + ' reports in ' + str(len(folders)) + ' departments':<46} "
        f"{time.perf_counter() - started:9.1f} s"
    )
    for real_docx, label in (
        (True, "with a real DOCX (made and read)"),
        (False, "with the text set directly"),
    ):
        if seconds[real_docx]:
            print(
                f"  {len(seconds[real_docx])} {label}: median "
                f"{statistics.median(seconds[real_docx]) * 1000:.1f} ms a report (commits excluded)"
            )
    return specs


def listing(catalog, **filters):
    """The library page's listing: the reports the filters leave, newest first; their number and a page."""
    results = catalog(
        portal_type="Report", sort_on="effective", sort_order="reverse", **filters
    )
    return len(results), [brain.Title for brain in results[:PAGE]]


def facet_counts(catalog, index, **filters):
    """What a collectionfilter portlet does: query with the other facets' filters, then count the
    value of its index in the metadata of every report found."""
    counts = Counter()
    for brain in catalog(
        portal_type="Report", sort_on="effective", sort_order="reverse", **filters
    ):
        value = getattr(brain, index)
        counts.update(value if isinstance(value, (list, tuple)) else [value])
    return counts


def counts_per_value(catalog, index):
    """The counts the other way: one query per value the index holds, only its length read."""
    return {
        value: len(catalog(portal_type="Report", **{index: value}))
        for value in catalog.uniqueValuesFor(index)
    }


def page_counts(catalog, **filters):
    """The counts of all the page's facet portlets; each ignores its own filter."""
    return [
        facet_counts(
            catalog,
            facet.index,
            **{key: value for key, value in filters.items() if key != facet.index},
        )
        for facet in FACETS
    ]


def main(app, total):
    rng = random.Random(2026)
    site = common.build_site(app, SITE_ID)
    specs = load_reports(site, total, rng)
    catalog = site.portal_catalog
    year = now().year - 1
    with api.env.adopt_user(username=READER):
        common.timed(
            "listing, no filter (count + first page)", lambda: listing(catalog)
        )
        common.timed(
            "listing: department + year",
            lambda: listing(catalog, department="finance", report_year=year),
        )
        common.timed(
            "listing: period kind + year + period",
            lambda: listing(
                catalog, period_kind="quarter", report_year=year, report_period=2
            ),
        )
        common.timed(
            "listing: file type XLSX", lambda: listing(catalog, file_types="xlsx")
        )
        common.timed(
            "listing: state published",
            lambda: listing(catalog, review_state="published"),
        )
        common.timed(
            "department counts, as collectionfilter",
            lambda: facet_counts(catalog, "department"),
        )
        common.timed(
            "department counts, uniqueValuesFor + len",
            lambda: counts_per_value(catalog, "department"),
        )
        common.timed(
            f"all {len(FACETS)} facets' counts, no filter", lambda: page_counts(catalog)
        )
        common.timed(
            f"all {len(FACETS)} facets' counts, department + year",
            lambda: page_counts(catalog, department="finance", report_year=year),
        )
        found = {}
        for word, label, filters in (
            ("отчетов", "full text «отчетов»", {}),
            ("газификацию", "full text «газификацию» (a rarer word)", {}),
            ("жоспарын", "full text, Kazakh «жоспарын»", {}),
            (
                "бюджета",
                "full text «бюджета» + department + year",
                {"department": "economy", "report_year": year},
            ),
        ):
            found[word] = common.timed(
                label,
                lambda word=word, filters=filters: listing(
                    catalog, SearchableText=word, **filters
                ),
            )[0]
    # A few more reports, their DOCX made beforehand (on the user's side, not the server's).
    text = ReportText(rng)
    uploads = iter(
        [
            new_report(specs[number % len(specs)], number, rng, text, real_docx=True)
            for number in range(total, total + common.REPEAT)
        ]
    )

    def add_one():
        add_report(next(uploads), rng)
        transaction.commit()

    common.timed("add + publish one report with a DOCX (commit)", add_one)
    print(
        "reports found: "
        + "; ".join(f"«{word}»: {hits}" for word, hits in found.items())
    )
    started = time.perf_counter()
    common.drop_site(app, SITE_ID)
    print(f"{'dropped the site':<46} {time.perf_counter() - started:9.1f} s")


# bin/instance run passes: interpreter -c <this script> [N]
main(app, int(sys.argv[3]) if len(sys.argv) > 3 else 20000)  # noqa: F821 (`app` comes from bin/instance run)
