"""Demo meetings in «Заседания»: a month around today — every kind, every state — and the
protocols of the past ones in each state of theirs, with assignments on control (README).

Everything goes the way people do it, each step as the person whose step it is: the Orgotdel or
the Сводный отдел plans the meeting, the departments add their materials, the akim or the head of
apparatus approves the agenda, the protocol is drawn up by whom the preparation rules name (the
ОДК, the Сводный отдел or the responsible department), the approvers visa, the chair and the
secretary sign, the ОДК registers and sends. Halls are booked without overlaps (R2.4).
"""

from akimat.content.agreement import visas
from akimat.content.agreement.agreement import give_visa
from akimat.content.core.calendar import get_calendar
from akimat.content.core.calendar import now
from akimat.content.core.principals import group_members
from akimat.content.core.principals import HEADS_SUFFIX
from akimat.content.core.print_forms import DOCX
from akimat.content.core.vocabularies import meeting_settings
from akimat.content.meetings import preparation
from akimat.content.meetings import protocol_life_cycle as protocols
from akimat.content.meetings.meeting import overlapping_meeting
from dataclasses import dataclass
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from docx import Document
from functools import cache
from io import BytesIO
from plone import api
from plone.namedfile.file import NamedBlobFile
from Products.CMFCore.indexing import processQueue
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds


AKIM = "seitzhanov"
HEAD_OF_APPARATUS = "omarova"
DEPUTIES = ("abdrakhmanov", "kuznetsova")
SESSION_ABSENT = (
    "abenov"  # on leave: 4 of the 5 akimat members take part, a quorum (R5.4)
)
APPARATUS_MEMBERS = (
    *DEPUTIES,
    HEAD_OF_APPARATUS,
    "ibraimov",
    "zhumabekova",
    "tulegenova",
    "bekmuratov",
    "nurzhanova",
    "satybaldieva",
    "musina",
    "smagulov",
    "kozlov",
    "yessenova",
)
# Prepared by the Сводный отдел (R5.14–R5.34); the Orgotdel prepares the others.
PREPARED_BY_SVODNY = ("apparatus-meeting", "government-session")
# The agenda of a commission is approved by the akim (R5.50), an operational meeting is his (R5.36).
AGENDA_BY_AKIM = ("commission", "operational-meeting")
PROTOCOL_STATES = ("draft", "agreement", "signing", "registered", "sent")
# When and where each kind sits: start, minutes, position of the preferred hall in the registry
# (None: away from the apparatus), format.
SLOTS = {
    "apparatus-meeting": (time(9, 0), 60, 0, "in-person"),
    "akimat-session": (time(10, 30), 150, 0, "in-person"),
    "operational-meeting": (time(11, 0), 60, 1, "in-person"),
    "commission": (time(15, 0), 90, 1, "in-person"),
    "government-session": (time(15, 0), 60, 2, "video"),
    "field-meeting": (time(11, 0), 120, None, "in-person"),
}
MATERIALS = {
    "certificate": "Справка",
    "draft-resolution": "Проект постановления акимата района",
    "draft-decision": "Проект протокольного решения",
    "report": "Доклад",
    "presentation": "Презентация",
    "comparison-table": "Сравнительная таблица",
    "participants": "Список участников",
    "speech": "Проект выступления",
    "order-of-proceedings": "Порядок проведения заседания",
    "other": "Пояснительная записка",
}


@dataclass(frozen=True)
class Item:
    title: str
    department: str
    deputy: str
    speaker: str
    decision: str = ""
    vote: tuple = ()  # (for, against, abstained) at a session
    adopts_act: bool = False  # the registered demo act was adopted on it


@dataclass(frozen=True)
class Plan:
    kind: str
    title: str
    day: date
    state: str  # planned, agenda_approved, held, closed or cancelled
    items: tuple
    chair: str = AKIM
    secretary: str = "nurzhanova"
    place: str = ""
    invitees: tuple = ()
    protocol: str | None = None  # the state its protocol reaches
    assignments: tuple = ()  # (number, content, lead executor, co-executors, weeks to the deadline)
    all_materials: bool = False  # one material of every kind (R5.6)
    late: tuple = ()  # preparation steps left undone

    @property
    def id(self):
        return f"{self.kind}-{self.day.isoformat()}"


def add_demo_meetings(portal):
    """Create the demo meetings and protocols once; their days are set relative to today."""
    folder = portal["meetings"]
    if folder.objectIds():
        return
    today, calendar = now().date(), get_calendar()
    for plan in _plans(today, calendar):
        meeting = _meeting(portal, folder, plan)
        _run_meeting(meeting, plan)
        protocol = None
        if plan.state in ("held", "closed"):
            _hold(meeting, plan)
            if plan.protocol:
                protocol = _protocol(portal, meeting, plan, today, calendar)
        _mark_preparation(meeting, plan, today, protocol)
        if plan.state == "closed":
            _do(meeting, "close", meeting.Creator())
    # Index now, while the import runs in the site (see demo_acts.py).
    processQueue()


# The meeting and its agenda


def _meeting(portal, folder, plan):
    settings = meeting_settings(portal)
    starts, minutes, hall_position, meeting_format = SLOTS[plan.kind]
    start = datetime.combine(plan.day, starts)
    end = start + timedelta(minutes=minutes)
    hall = _free_hall(portal, settings.halls or (), hall_position, start, end)
    organiser = _member(
        settings.summary_group
        if plan.kind in PREPARED_BY_SVODNY
        else settings.orgotdel_group
    )
    with api.env.adopt_user(username=organiser):
        meeting = api.content.create(
            container=folder,
            type="Meeting",
            id=plan.id,
            kind=plan.kind,
            title=plan.title,
            start=start,
            end=end,
            hall=hall,
            place=plan.place or ("" if hall else "Здание аппарата акима района"),
            meeting_format=meeting_format,
            chair=plan.chair,
            secretary=plan.secretary,
            members=_members(plan),
            invitees=list(plan.invitees),
            invitees_agreed_by=DEPUTIES[0] if plan.invitees else None,
            open_meeting=True,
            languages=["kk", "ru"],
        )
        for number, item in enumerate(plan.items, 1):
            _agenda_item(portal, meeting, number, item, plan.all_materials)
    return meeting


def _free_hall(portal, halls, position, start, end):
    """The preferred hall, or the next one free at that time (R2.4); None away from the apparatus."""
    if position is None or not halls:
        return None
    position %= len(halls)
    return next(
        (
            hall
            for hall in halls[position:] + halls[:position]
            if overlapping_meeting(portal, hall, start, end) is None
        ),
        None,
    )


def _members(plan):
    """A session's members are the akimat's (R5.4); others: who supervises and who reports."""
    if plan.kind == "akimat-session":
        return []
    if plan.kind == "apparatus-meeting":
        return list(APPARATUS_MEMBERS)
    people = (
        [HEAD_OF_APPARATUS]
        + [item.deputy for item in plan.items]
        + [item.speaker for item in plan.items]
    )
    return [userid for userid in dict.fromkeys(people) if userid != plan.chair]


def _agenda_item(portal, meeting, number, item, all_materials):
    act = portal["acts"].get("registered") if item.adopts_act else None
    agenda_item = api.content.create(
        container=meeting,
        type="AgendaItem",
        id=f"item-{number}",
        title=item.title,
        speakers=[item.speaker],
        responsible_department=item.department,
        supervising_deputy=item.deputy,
        decision=item.decision or None,
        adopted_act=RelationValue(getUtility(IIntIds).getId(act))
        if act is not None
        else None,
    )
    # R5.6, R5.7: the department's first head submits its materials; the two items of the coming
    # session share every kind between them, the others have their справка.
    kinds = list(MATERIALS)[number - 1 :: 2] if all_materials else ["certificate"]
    with api.env.adopt_user(username=_member(item.department + HEADS_SUFFIX)):
        for kind in kinds:
            _material(agenda_item, kind)


def _material(item, kind):
    title = f"{MATERIALS[kind]}: {item.title}"
    if kind == "participants":
        names = "\n".join(
            api.user.get(userid=userid).getProperty("fullname")
            for userid in item.meeting().member_ids()
        )
        file = NamedBlobFile(
            data=names.encode("utf-8"),
            filename="participants.txt",
            contentType="text/plain",
        )
    else:
        file = NamedBlobFile(
            data=_docx(MATERIALS[kind]), filename=f"{kind}.docx", contentType=DOCX
        )
    api.content.create(
        container=item,
        type="Material",
        id=kind,
        kind=kind,
        title=title,
        material_language="ru",
        file=file,
        restriction="none",
    )


@cache  # a Word file takes python-docx some 30 ms to write: one per kind of material
def _docx(title):
    document = Document()
    document.add_heading(title, level=1)
    document.add_paragraph(
        "Демонстрационный материал интранета аппарата акима района Байдибек."
    )
    data = BytesIO()
    document.save(data)
    return data.getvalue()


# Its way: agenda, session, preparation steps


def _run_meeting(meeting, plan):
    if plan.state == "cancelled":
        _do(meeting, "cancel", meeting.Creator())
        return
    if plan.state == "planned":
        return
    settings = meeting_settings(meeting)
    approver = (
        settings.akim_group
        if plan.kind in AGENDA_BY_AKIM
        else settings.head_of_apparatus_group
    )
    _do(meeting, "approve_agenda", _member(approver))
    if plan.state != "agenda_approved":
        _do(meeting, "hold", meeting.Creator())


def _hold(meeting, plan):
    """Who took part and, at a session, the votes on its items (R5.4)."""
    if plan.kind != "akimat-session":
        meeting.record_attendance(meeting.member_ids())
        return
    meeting.record_attendance(
        [userid for userid in meeting.member_ids() if userid != SESSION_ABSENT]
    )
    for agenda_item, item in zip(meeting.agenda(), plan.items, strict=False):
        if item.vote:
            agenda_item.record_vote(*item.vote)


def _mark_preparation(meeting, plan, today, protocol):
    """Steps due before today are done on their day, but for those the plan leaves late; the
    protocol step is done the day its protocol went for agreement (R8.5d)."""
    if plan.state == "cancelled":
        return
    for step in meeting.timetable(today):
        if step.id == "protocol":
            day = getattr(protocol, "drawn_up_on", None)
        else:
            day = step.due if step.due < today and step.id not in plan.late else None
        if day is not None:
            meeting.mark_step(step.id, _responsible(meeting, step.responsible), on=day)
    if plan.all_materials:  # the materials are in, ahead of their term (R5.6)
        meeting.mark_step("materials", _responsible(meeting, preparation.DEPARTMENTS))


# The protocol


def _protocol(portal, meeting, plan, today, calendar):
    """Drawn up by whom the rules name, then taken to the plan's state (R8, A6)."""
    drawer = _responsible(meeting, _protocol_rule(meeting).responsible)
    with api.env.adopt_user(username=drawer):
        protocol = protocols.create_from_meeting(meeting, portal["protocols"])
        protocol.distribution = meeting.responsible_departments() + list(DEPUTIES)
        protocol.reindexObjectSecurity()  # the distribution list reads it (A6.5)
        for number, content, lead, co_executors, weeks in plan.assignments:
            api.content.create(
                container=protocol,
                type="Assignment",
                id=f"assignment-{number}",
                number=number,
                title=content,
                lead_executor=lead,
                co_executors=list(co_executors),
                controller=protocol.controller,
                date_given=meeting.day(),
                deadline=calendar.deadline(today + timedelta(weeks=weeks)),
            )
    reached = PROTOCOL_STATES.index(plan.protocol)
    if reached == 0:
        return protocol
    # Drawn up in its term (R8.5d), but the protocol still in agreement, one day late (R8.6).
    protocol.drawn_up_on = min(
        calendar.add_working_days(meeting.day(), 1 if reached > 1 else 2), today
    )
    _do(protocol, "submit", drawer)
    _give_visas(protocol, count=1 if reached == 1 else None)
    if reached < 3:
        return protocol
    for userid in protocol.signatories():
        with api.env.adopt_user(username=userid):
            protocols.sign(protocol, userid)
    odk = _member(meeting_settings(meeting).control_group)
    _do(protocol, "register", odk)
    if reached == 4:
        _do(protocol, "send", odk)
    return protocol


def _protocol_rule(meeting):
    return next(
        rule for rule in preparation.rules(meeting.kind, False) if rule.id == "protocol"
    )


def _give_visas(document, count=None):
    """The approvers agree in turn, each as himself; all of them unless `count` is given."""
    given = 0
    while visas.pending(document) and (count is None or given < count):
        approver = visas.pending(document)[0].approver
        with api.env.adopt_user(username=approver):
            give_visa(document, approver, agree=True)
        given += 1


# People


def _member(group):
    """One member of a group, the same on every run."""
    return sorted(group_members(group))[0]


def _responsible(meeting, responsible):
    """Who does a step: a member of the group a setting names, or the head of the responsible department."""
    if responsible == preparation.DEPARTMENTS:
        return _member(meeting.responsible_departments()[0] + HEADS_SUFFIX)
    return _member(getattr(meeting_settings(meeting), responsible))


def _do(obj, transition, userid):
    with api.env.adopt_user(username=userid):
        api.portal.get_tool("portal_workflow").doActionFor(obj, transition, comment="")


# The month


def _season(today):
    year = today.year if today.month >= 7 else today.year - 1
    return f"{year}–{year + 1}"


def _budget_period(today):
    """The last quarter closed: «за 9 месяцев 2026 года», or the last year in its first quarter."""
    year = today.year
    return {
        1: f"за I квартал {year} года",
        2: f"за первое полугодие {year} года",
        3: f"за 9 месяцев {year} года",
    }.get((today.month - 1) // 3, f"за {year - 1} год")


def _apparatus_agendas(today):
    return (
        (
            (
                Item(
                    "О ходе исполнения поручений акима района, находящихся на контроле",
                    "odk",
                    DEPUTIES[0],
                    "tulegenova",
                    "Информацию принять к сведению. Руководителям отделов обеспечить исполнение поручений в срок.",
                ),
                Item(
                    "О работе с обращениями граждан за прошедшую неделю",
                    "appeals",
                    DEPUTIES[1],
                    "satybaldieva",
                    "Информацию принять к сведению.",
                ),
            ),
            (
                (
                    "1",
                    "Обеспечить исполнение поручений акима района, срок которых истекает в текущем месяце",
                    "orgotdel",
                    ("svodny-otdel",),
                    3,
                ),
                (
                    "1.1",
                    "Представить в ОДК сведения о ходе исполнения поручений с истекающим сроком",
                    "svodny-otdel",
                    (),
                    2,
                ),
                (
                    "2",
                    "Обеспечить рассмотрение обращений граждан без нарушения сроков",
                    "appeals",
                    (),
                    4,
                ),
            ),
        ),
        (
            (
                Item(
                    "О соблюдении исполнительской и трудовой дисциплины в аппарате акима района",
                    "hr",
                    DEPUTIES[1],
                    "musina",
                    "Информацию принять к сведению. Службе управления персоналом усилить контроль.",
                ),
                Item(
                    "Об обеспечении информационной безопасности в аппарате акима района",
                    "it-security",
                    DEPUTIES[0],
                    "smagulov",
                    "Провести проверку учётных записей и прав доступа сотрудников.",
                ),
            ),
            (
                (
                    "1",
                    "Провести анализ соблюдения трудовой дисциплины и внести предложения",
                    "hr",
                    (),
                    3,
                ),
                (
                    "1.1",
                    "Обновить график дежурств ответственных работников аппарата",
                    "hr",
                    ("orgotdel",),
                    2,
                ),
                (
                    "2",
                    "Провести проверку учётных записей и прав доступа сотрудников аппарата",
                    "it-security",
                    (),
                    4,
                ),
            ),
        ),
        (
            (
                Item(
                    f"О ходе исполнения бюджета района {_budget_period(today)}",
                    "finance",
                    DEPUTIES[1],
                    "kozlov",
                    "Информацию принять к сведению.",
                ),
                Item(
                    "О мониторинге цен на социально значимые продовольственные товары",
                    "economy",
                    DEPUTIES[0],
                    "yessenova",
                    "Продолжить еженедельный мониторинг цен.",
                ),
            ),
            (),
        ),
    )


def _plans(today, calendar):
    """The month: three weeks back, two weeks ahead; past meetings held, coming ones planned."""
    year, season = today.year, _season(today)

    def before(days):
        return calendar.working_days_before(today, days)

    def after(days):
        return calendar.add_working_days(today, days)

    return [
        *_apparatus_meetings(today, calendar),
        Plan(
            "akimat-session",
            "Заседание акимата района",
            before(12),
            "closed",
            secretary="bekmuratov",
            items=(
                Item(
                    "Об утверждении Регламента аппарата акима района",
                    "odk",
                    DEPUTIES[1],
                    HEAD_OF_APPARATUS,
                    "Постановление акимата района «Об утверждении Регламента аппарата акима района» принять.",
                    vote=(4, 0, 0),
                    adopts_act=True,
                ),
                Item(
                    "О передаче в доверительное управление объектов коммунальной собственности района",
                    "finance",
                    DEPUTIES[1],
                    "kozlov",
                    "Проект постановления отклонить и доработать с учётом замечаний членов акимата.",
                    vote=(1, 2, 1),
                ),
                Item(
                    f"Об исполнении бюджета района {_budget_period(today)}",
                    "finance",
                    DEPUTIES[1],
                    "kozlov",
                    "Информацию принять к сведению.",
                ),
            ),
            protocol="registered",
            assignments=(
                (
                    "1",
                    "Обеспечить ознакомление сотрудников аппарата с Регламентом аппарата акима района",
                    "hr",
                    ("odk",),
                    2,
                ),
                (
                    "1.1",
                    "Разместить Регламент в библиотеке документов интранета",
                    "it-security",
                    (),
                    2,
                ),
                (
                    "2",
                    "Доработать проект постановления о передаче объектов коммунальной собственности "
                    "в доверительное управление",
                    "finance",
                    (),
                    4,
                ),
            ),
        ),
        Plan(
            "operational-meeting",
            "Оперативное совещание по вопросам отопительного сезона",
            before(9),
            "held",
            secretary="kim",
            items=(
                Item(
                    f"О рассмотрении обращений граждан по вопросам теплоснабжения в отопительный сезон "
                    f"{season} годов",
                    "appeals",
                    DEPUTIES[0],
                    "satybaldieva",
                    "Информацию принять к сведению. Обращения по теплоснабжению рассматривать в первоочередном "
                    "порядке.",
                ),
                Item(
                    "О погашении задолженности за потреблённую тепловую энергию",
                    "finance",
                    DEPUTIES[1],
                    "kozlov",
                    "Принять меры по погашению задолженности до конца месяца.",
                ),
            ),
            protocol="agreement",
            assignments=(
                (
                    "1",
                    "Рассматривать обращения граждан по вопросам теплоснабжения в первоочередном порядке",
                    "appeals",
                    (),
                    3,
                ),
                (
                    "1.1",
                    "Еженедельно информировать акима района об обращениях по теплоснабжению",
                    "appeals",
                    ("orgotdel",),
                    2,
                ),
                (
                    "2",
                    "Принять меры по погашению задолженности за тепловую энергию",
                    "finance",
                    (),
                    4,
                ),
            ),
        ),
        Plan(
            "commission",
            "Заседание бюджетной комиссии района",
            before(7),
            "held",
            chair=DEPUTIES[1],
            secretary="akhmetova",
            items=(
                Item(
                    f"Об уточнении бюджета района на {year} год",
                    "finance",
                    DEPUTIES[1],
                    "kozlov",
                    "Предложения по уточнению бюджета одобрить и внести на рассмотрение маслихата района.",
                ),
                Item(
                    "О распределении свободных остатков бюджетных средств",
                    "finance",
                    DEPUTIES[1],
                    "kozlov",
                    "Направить свободные остатки на финансирование мероприятий отопительного сезона.",
                ),
            ),
            protocol="draft",
            assignments=(
                (
                    "1",
                    "Подготовить проект решения маслихата района об уточнении бюджета района",
                    "finance",
                    (),
                    3,
                ),
                (
                    "1.1",
                    "Согласовать проект решения с администраторами бюджетных программ",
                    "finance",
                    ("svodny-otdel",),
                    2,
                ),
                (
                    "2",
                    "Внести предложения по распределению свободных остатков бюджетных средств",
                    "finance",
                    (),
                    4,
                ),
            ),
        ),
        Plan(
            "government-session",
            "Совещание по итогам заседания Правительства Республики Казахстан",
            before(5),
            "held",
            items=(
                Item(
                    "О мерах по сдерживанию цен на социально значимые продовольственные товары",
                    "economy",
                    DEPUTIES[0],
                    "yessenova",
                    "Обеспечить еженедельный мониторинг цен.",
                ),
                Item(
                    "О ходе цифровизации государственных услуг в районе",
                    "it-security",
                    DEPUTIES[1],
                    "smagulov",
                    "Информацию принять к сведению.",
                ),
            ),
        ),
        Plan(
            "field-meeting",
            "Выездное совещание по готовности котельных сельских округов",
            before(3),
            "held",
            chair=DEPUTIES[0],
            secretary="tursynbayev",
            place="с. Шаян, котельная № 1",
            items=(
                Item(
                    "О готовности котельных сельских округов к работе в зимний период",
                    "economy",
                    DEPUTIES[0],
                    "yessenova",
                    "Устранить выявленные замечания до конца месяца.",
                ),
            ),
        ),
        Plan(
            "operational-meeting",
            "Оперативное совещание по подготовке к паводкоопасному периоду",
            after(2),
            "agenda_approved",
            secretary="akhmetova",
            items=(
                Item(
                    f"О мерах по подготовке к паводкоопасному периоду {year + 1} года",
                    "economy",
                    DEPUTIES[0],
                    "yessenova",
                ),
            ),
        ),
        Plan(
            "operational-meeting",
            "Оперативное совещание по цифровизации государственных услуг",
            after(3),
            "cancelled",
            secretary="akhmetova",
            items=(
                Item(
                    "О переводе государственных услуг в электронный формат",
                    "it-security",
                    DEPUTIES[1],
                    "smagulov",
                ),
            ),
        ),
        Plan(
            "commission",
            "Заседание комиссии по вопросам занятости населения",
            after(4),
            "planned",
            chair=DEPUTIES[1],
            secretary="tursynbayev",
            items=(
                Item(
                    "О ходе реализации мер по содействию занятости населения",
                    "economy",
                    DEPUTIES[1],
                    "yessenova",
                ),
            ),
        ),
        Plan(
            "field-meeting",
            "Выездное совещание по благоустройству сёл района",
            after(6),
            "planned",
            chair=DEPUTIES[0],
            secretary="akhmetova",
            place="с. Алимтау, сельский округ Алимтау",
            items=(
                Item(
                    "О ходе работ по благоустройству и освещению улиц",
                    "economy",
                    DEPUTIES[0],
                    "yessenova",
                ),
            ),
        ),
        Plan(
            "akimat-session",
            "Заседание акимата района",
            after(7),
            "planned",
            secretary="bekmuratov",
            invitees=(
                "Прокурор района",
                "Представители районных средств массовой информации",
            ),
            all_materials=True,
            items=(
                Item(
                    f"О проекте бюджета района на {year + 1}–{year + 3} годы",
                    "economy",
                    DEPUTIES[1],
                    "yessenova",
                ),
                Item(
                    f"О ходе отопительного сезона {season} годов",
                    "economy",
                    DEPUTIES[0],
                    "yessenova",
                ),
            ),
        ),
    ]


def _apparatus_meetings(today, calendar):
    """Weekly on Mondays (R5.23), the next working day when a Monday is a holiday. The oldest past
    protocol has been sent, the next is being signed, the last is not drawn up yet; the first
    coming one has its agenda approved but not its materials (late once due), the others are planned."""
    monday = today - timedelta(days=today.weekday())
    days = [calendar.deadline(monday + timedelta(weeks=week)) for week in range(-3, 3)]
    days = [
        day
        for day in days
        if today - timedelta(weeks=3) <= day <= today + timedelta(weeks=2)
    ]
    past = [day for day in days if day < today]
    coming = [day for day in days if day >= today]
    agendas = _apparatus_agendas(today)
    plans = []
    for number, day in enumerate(past + coming):
        items, assignments = agendas[number % len(agendas)]
        if day < today:
            protocol = ("sent", "signing")[number] if number < 2 else None
            state = "closed" if protocol == "sent" else "held"
        else:
            protocol, state = None, "agenda_approved" if day == coming[0] else "planned"
        plans.append(
            Plan(
                "apparatus-meeting",
                "Аппаратное совещание",
                day,
                state,
                items=items,
                protocol=protocol,
                assignments=assignments if protocol else (),
                late=("materials",) if day == coming[0] else (),
            )
        )
    return plans
