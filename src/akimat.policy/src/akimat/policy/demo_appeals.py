"""Demo appeals in «Обращения»: every kind, every state of their way, from applicants of the
district (README; RULES.md R13, R0.5).

They were received on working days of the last weeks — one after hours, so registered the next
working day (R13.6), one today and not registered yet — and go their lawful paths as the appeals
department takes them: registered in the order of receipt (numbers 1, 2 … of the year), checked
against art. 63 АППК (R13.7), redirected (R13.9), a complaint forwarded to the lower body (R13.11),
sent to the official named in them (R13.8), answered (R0.5). Each is addressed to the akim, a
deputy or the head of apparatus, who alone besides the department sees it (R13.2).
"""

from akimat.content.appeals.appeal import ORAL_CHANNELS
from akimat.content.core.calendar import get_calendar
from akimat.content.core.calendar import now
from akimat.content.core.identification import check_digit
from dataclasses import dataclass
from datetime import datetime
from datetime import time
from datetime import timedelta
from plone import api
from Products.CMFCore.indexing import processQueue


OFFICER = "kim"  # the appeals department
AKIM = "seitzhanov"
DEPUTIES = ("abdrakhmanov", "kuznetsova")
HEAD_OF_APPARATUS = "omarova"
DISTRICT = "Туркестанская область, Байдибекский район"
# The transitions that take a new appeal to each state of akimat_appeal_workflow.
PATHS = {
    "received": (),
    "registered": ("register",),
    "correction_requested": ("register", "request_correction"),
    "returned": ("register", "request_correction", "return_to_applicant"),
    "redirected": ("register", "redirect"),
    "forwarded": ("register", "forward"),
    "in_review": ("register", "review"),
    "answered": ("register", "review", "answer"),
    "closed": ("register", "review", "answer", "close"),
}
CORRECTION_WORKING_DAYS = (
    5  # the term the demo gives an applicant to correct an appeal (R13.7)
)


def with_check_digit(first_eleven):
    """An IIN or BIN of the first 11 digits and their check digit."""
    digit = check_digit(first_eleven)
    if digit is None:  # never issued: the demo names only numbers that exist
        raise ValueError(first_eleven)
    return f"{first_eleven}{digit}"


@dataclass(frozen=True)
class DemoAppeal:
    id: str
    kind: str
    title: str
    substance: str
    state: str
    addressee: str
    applicant_name: str
    address: str
    # When it came: working days before today and the time; None: a moment ago.
    working_days_ago: int | None
    at: time = time(10, 0)
    channel: str = "e-appeals"
    applicant_id: str | None = None
    phone: str | None = None
    email: str | None = None
    organisation: bool = False
    signatories: int | None = None
    # What the department fills in on the way: the requirements not met (R13.7), the competent
    # body (R13.9, R13.11), the answer.
    missing_requirements: tuple = ()
    passed_to: str = ""
    answer: str = ""

    def received_at(self, moment, calendar):
        if self.working_days_ago is None:
            return moment.replace(tzinfo=None, second=0, microsecond=0) - timedelta(
                minutes=20
            )
        day = calendar.working_days_before(moment.date(), self.working_days_ago)
        return datetime.combine(day, self.at)


APPEALS = (
    DemoAppeal(
        "road-shayan",
        "appeal",
        "О ремонте дороги по улице Абая в селе Шаян",
        "Прошу провести ямочный ремонт дороги по улице Абая: после весеннего паводка проезд "
        "школьного автобуса затруднён.",
        "closed",
        AKIM,
        "Жумабаев Бахытжан Серикович",
        f"{DISTRICT}, с. Шаян, ул. Абая, 27",
        working_days_ago=14,
        at=time(10, 15),
        applicant_id=with_check_digit("85031430123"),
        phone="+7 701 234 56 78",
        answer="Ремонт дороги по улице Абая включён в план текущего ремонта дорог района на текущий год; "
        "работы будут выполнены до конца третьего квартала.",
    ),
    DemoAppeal(
        "subsidies-request",
        "request",
        "О порядке субсидирования приобретения сельскохозяйственной техники",
        "Просим разъяснить порядок и сроки подачи заявок на субсидирование приобретения "
        "сельскохозяйственной техники в текущем году.",
        "answered",
        DEPUTIES[0],
        "ТОО «Шаян Агро Сервис»",
        f"{DISTRICT}, с. Шаян, ул. Толе би, 3",
        working_days_ago=10,
        at=time(11, 40),
        channel="letter",
        organisation=True,
        applicant_id=with_check_digit("15054000123"),
        email="info@shayan-agro.example",
        answer="Заявки на субсидирование принимаются отделом сельского хозяйства района через портал "
        "электронного правительства; перечень документов и сроки приложены к ответу.",
    ),
    DemoAppeal(
        "water-tole-bi",
        "appeal",
        "О перебоях с водоснабжением на улице Толе би села Шаян",
        "Жители улицы Толе би вторую неделю получают воду по графику. Просим принять меры по "
        "ремонту водопровода.",
        "in_review",
        AKIM,
        "Сапарова Гульмира Абдуллаевна",
        f"{DISTRICT}, с. Шаян, ул. Толе би, 41",
        working_days_ago=6,
        at=time(15, 30),
        channel="reception",
        applicant_id=with_check_digit("92071240567"),
        phone="+7 705 318 42 10",
        signatories=38,
    ),
    DemoAppeal(
        "playground-alimtau",
        "proposal",
        "О строительстве детской игровой площадки в селе Алимтау",
        "Предлагаю построить детскую игровую площадку на пустующем участке возле сельского клуба; "
        "жители готовы участвовать в благоустройстве.",
        "in_review",
        DEPUTIES[1],
        "Оспанов Нурсултан Ерланович",
        f"{DISTRICT}, с. Алимтау, ул. Жибек жолы, 8",
        working_days_ago=5,
        at=time(9, 20),
        channel="website",
        applicant_id=with_check_digit("01022550318"),
        email="n.ospanov@mail.example",
    ),
    DemoAppeal(
        "complaint-rural-akim",
        "complaint",
        "Жалоба на отказ аппарата акима сельского округа в выдаче справки",
        "Аппарат акима Шаянского сельского округа отказал мне в выдаче справки о составе семьи без "
        "объяснения причин. Прошу отменить отказ.",
        "forwarded",
        HEAD_OF_APPARATUS,
        "Ермекова Айнур Маратовна",
        f"{DISTRICT}, с. Шаян, ул. Момышулы, 5",
        working_days_ago=2,
        at=time(16, 5),
        applicant_id=with_check_digit("90112540017"),
        phone="+7 747 902 11 35",
        passed_to="Аппарат акима Шаянского сельского округа",
    ),
    DemoAppeal(
        "logging-boraldai",
        "message",
        "О незаконной вырубке деревьев в лесополосе у села Боралдай",
        "Сообщаю, что в лесополосе вдоль дороги к селу Боралдай неизвестные вырубают деревья.",
        "redirected",
        DEPUTIES[0],
        "Тажибаев Мурат Кенесович",
        f"{DISTRICT}, с. Боралдай, ул. Бейбитшилик, 12",
        working_days_ago=1,
        at=time(12, 10),
        channel="phone",
        applicant_id=with_check_digit("68042830471"),
        phone="+7 702 455 67 09",
        passed_to="Департамент экологии по Туркестанской области",
    ),
    DemoAppeal(
        "improvement-plan-response",
        "response",
        "Отклик на проект плана благоустройства сёл района",
        "По проекту плана благоустройства: просим включить освещение улиц в селе Кошкарата.",
        "correction_requested",
        DEPUTIES[1],
        "Ли Сергей Владимирович",
        "",
        working_days_ago=3,
        at=time(14, 50),
        channel="whatsapp",
        missing_requirements=("contact", "signature"),
    ),
    DemoAppeal(
        "land-plot-akbastau",
        "appeal",
        "О предоставлении земельного участка под строительство",
        "Прошу рассмотреть вопрос.",
        "returned",
        DEPUTIES[0],
        "Абдуллаев Рустам",
        "",
        working_days_ago=20,
        at=time(11, 0),
        channel="letter",
        missing_requirements=("contact", "substance", "signature"),
    ),
    DemoAppeal(
        "school-bus-request",
        "request",
        "О подвозе учащихся из села Ақбастау в школу",
        "Прошу сообщить, будет ли организован подвоз учащихся из села Ақбастау в среднюю школу "
        "села Шаян с нового учебного года.",
        "registered",
        AKIM,
        "Калиев Асылбек Турсунович",
        f"{DISTRICT}, с. Ақбастау, ул. Абылай хана, 19",
        working_days_ago=2,
        at=time(19, 20),  # after hours: registered the next working day (R13.6)
        applicant_id=with_check_digit("78110935214"),
        email="a.kaliev@mail.example",
    ),
    DemoAppeal(
        "streetlights-shayan",
        "appeal",
        "О восстановлении уличного освещения в микрорайоне Жаңа құрылыс",
        "С начала месяца в микрорайоне Жаңа құрылыс села Шаян не работает уличное освещение.",
        "received",
        HEAD_OF_APPARATUS,
        "Исаева Динара Ахметовна",
        f"{DISTRICT}, с. Шаян, мкр. Жаңа құрылыс, 3",
        working_days_ago=None,
        channel="email",
        email="d.isaeva@mail.example",
    ),
)


def add_demo_appeals(portal):
    """Create the demo appeals once, received in the last weeks, and take them along their paths."""
    folder = portal["appeals"]
    if folder.objectIds():
        return
    moment, calendar = now(), get_calendar()
    today = moment.date()
    with api.env.adopt_user(username=OFFICER):
        # Registered in the order of receipt: the numbers of the year follow it (R13.6).
        for demo in sorted(
            APPEALS, key=lambda demo: demo.received_at(moment, calendar)
        ):
            appeal = _appeal(folder, demo, demo.received_at(moment, calendar))
            for transition in PATHS[demo.state]:
                _prepare(appeal, demo, transition, today, calendar)
                api.portal.get_tool("portal_workflow").doActionFor(
                    appeal, transition, comment=""
                )
                if transition == "request_correction" and demo.state == "returned":
                    # The demo plays weeks in one go: the check of the request wants a term after
                    # today, the return one that has passed. The applicant had the term counted
                    # from the registration, long past now.
                    appeal.correction_term = calendar.add_working_days(
                        appeal.registration_date, CORRECTION_WORKING_DAYS
                    )
    # Index now, while the import runs in the site (see demo_acts.py).
    processQueue()


def _appeal(folder, demo, received_at):
    return api.content.create(
        container=folder,
        type="Appeal",
        id=demo.id,
        kind=demo.kind,
        title=demo.title,
        substance=demo.substance,
        channel=demo.channel,
        received_at=received_at,
        appeal_language="ru",
        addressee=demo.addressee,
        applicant_name=demo.applicant_name,
        applicant_organisation=demo.organisation,
        applicant_id=demo.applicant_id,
        address=demo.address or None,
        phone=demo.phone,
        email=demo.email,
        collective=demo.signatories is not None,
        signatories=demo.signatories,
        # R13.10: what was said at a reception or by phone, as its protocol records it
        oral_record=f"Заявитель устно сообщил: {demo.substance}"
        if demo.channel in ORAL_CHANNELS
        else None,
    )


def _prepare(appeal, demo, transition, today, calendar):
    """What the department fills in before a step: the check's findings and the term (R13.7),
    the competent body (R13.9, R13.11), the answer."""
    if transition == "request_correction":
        appeal.missing_requirements = list(demo.missing_requirements)
        appeal.correction_term = calendar.add_working_days(
            today, CORRECTION_WORKING_DAYS
        )
    elif transition in ("redirect", "forward"):
        appeal.passed_to = demo.passed_to
    elif transition == "answer":
        appeal.answer = demo.answer
