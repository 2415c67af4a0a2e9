"""What the render matrix adds to the demo: every type in every state of its workflow, with every
optional block of its page filled (issue 12).

The demo already holds most states; this adds what it lacks — a pending, a granted, a refused and
an exceptional extension, consent to removal and removal as impossible; acts in the members'
agreement, returned by an approver with a reason after a substitute's visa, registered with its
attachments and acquaintance; protocols returned for rework and partly signed; a held session
with its attendance and votes; appeals of a repeat applicant with attachments, assignments and
answers; reception schedules in draft, receptions with their list submitted and cancelled;
library reports in draft with a further file, answering an assignment, and archived by a
corrected version.

Everything goes through the services and the workflow, each step as the person whose step it
is, as the demo does; days are counted from today, as the demo's.
"""

from akimat.content.acts import life_cycle as acts
from akimat.content.agreement import visas
from akimat.content.agreement.agreement import give_visa
from akimat.content.appeals import receptions
from akimat.content.appeals import review as appeal_review
from akimat.content.core.calendar import get_calendar
from akimat.content.core.calendar import now
from akimat.content.meetings import protocol_life_cycle as protocols
from akimat.content.tests.samples import docx_bytes
from akimat.policy.demo_appeals import DISTRICT
from akimat.policy.demo_appeals import with_check_digit
from datetime import datetime
from datetime import time
from datetime import timedelta
from importlib.resources import files
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile
from Products.CMFCore.indexing import processQueue
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds


AKIM, HEAD_OF_APPARATUS, DEPUTY = "seitzhanov", "omarova", "abdrakhmanov"
ODK, ODK_STAFF = "tulegenova", "petrova"
LAWYER = "zhumabekova"
OFFICER = "kim"  # the appeals department
ECONOMY_HEAD, ECONOMIST = "yessenova", "tursynbayev"
FINANCE_HEAD = "kozlov"
REPEAT_APPLICANT_ID = with_check_digit(
    "85031430123"
)  # the applicant of the demo's «road-shayan»


def add_render_fixture(portal):
    today, calendar = now().date(), get_calendar()
    assignment = _assignments(portal, today, calendar)
    _acts(portal, assignment)
    _protocols(portal)
    _session(portal, today, calendar)
    _appeals(portal)
    _receptions(portal, today, calendar)
    _library(portal, assignment)
    processQueue()


# Files


def _pdf():
    return NamedBlobFile(
        data=files("akimat.policy")
        .joinpath("demo_files", "budget-execution.pdf")
        .read_bytes(),
        filename="budget-execution.pdf",
    )


def _word(title, filename):
    return NamedBlobFile(data=docx_bytes(title), filename=filename)


def _as(userid, function, *args, **kwargs):
    with api.env.adopt_user(username=userid):
        return function(*args, **kwargs)


def _do(obj, transition, userid, comment=""):
    with api.env.adopt_user(username=userid):
        api.portal.get_tool("portal_workflow").doActionFor(
            obj, transition, comment=comment
        )


def _relation(obj):
    return RelationValue(getUtility(IIntIds).getId(obj))


# Control of execution (R12)


def _assignments(portal, today, calendar):
    """Extensions pending, granted and refused, and granted a second time as an exceptional case;
    consent to removal; removal as impossible. Returns the one a library report answers."""
    folder = portal["assignments"]

    def assignment(id, title, **fields):
        values = {
            "source_kind": "akim-resolution",
            "source_reference": "№ 12-3/456",
            "controller": ODK,
            "lead_executor": ECONOMIST,
            "co_executors": ["finance"],
            "date_given": today - timedelta(days=20),
            "deadline": calendar.add_working_days(today, 10),
            "expected_result": "Справка с предложениями и расчётами",
        }
        values.update(fields)
        return _as(
            ODK,
            api.content.create,
            container=folder,
            type="Assignment",
            id=id,
            title=title,
            **values,
        )

    def report(obj, userid, title):
        _as(
            userid,
            api.content.create,
            container=obj,
            type="ExecutionReport",
            id=f"report-{len(obj)}",
            title=title,
            text=title,
            file=_word(title, "execution-report.docx"),
        )

    def request(obj, days, reason):
        _as(
            ECONOMIST,
            obj.request_extension,
            ECONOMIST,
            calendar.add_working_days(obj.effective_deadline(), days),
            reason,
        )

    pending = assignment(
        "render-pending-extension",
        "Обеспечить ввод в эксплуатацию котельной села Шаян",
        urgency="urgent",
        note="На контроле акима района",
    )
    report(pending, ECONOMIST, "Проведены пусконаладочные работы, акт прилагается")
    report(pending, FINANCE_HEAD, "Финансирование работ открыто")
    request(pending, 10, "Подрядчик не поставил котельное оборудование в срок")

    decided = assignment(
        "render-decided-extensions", "Представить план модернизации сетей водоснабжения"
    )
    request(decided, 5, "Не получены данные сельских округов")
    _as(AKIM, decided.decide_extension, AKIM, True)
    request(decided, 5, "Требуется согласование с областным управлением")
    _as(
        HEAD_OF_APPARATUS,
        decided.decide_extension,
        HEAD_OF_APPARATUS,
        False,
        reason="Срок продлевался; согласование возможно в установленный срок",
    )

    exceptional = assignment(
        "render-exceptional-extension",
        "Завершить инвентаризацию объектов коммунальной собственности",
    )
    request(exceptional, 5, "Большой объём объектов")
    _as(AKIM, exceptional.decide_extension, AKIM, True)
    request(exceptional, 5, "Передача объектов из областной собственности")
    _as(AKIM, exceptional.decide_extension, AKIM, True, True)

    consented = assignment(
        "render-removal-consent", "Подготовить информацию о ходе паводковых мероприятий"
    )
    report(consented, ECONOMIST, "Информация направлена письмом № 45")
    _as(AKIM, consented.consent_to_removal, AKIM)

    impossible = assignment(
        "render-removed-impossible",
        "Организовать ярмарку сельскохозяйственной продукции",
    )
    _as(HEAD_OF_APPARATUS, impossible.consent_to_removal, HEAD_OF_APPARATUS)
    _as(
        ODK,
        impossible.remove_from_control,
        "impossible",
        "Ярмарка отменена решением областного акимата",
    )
    return assignment(
        "render-answered-by-report",
        "Представить отчёт о занятости населения",
        lead_executor="economy",
        co_executors=[],
    )


# Acts (R10)


def _acts(portal, basis):
    """A resolution in the members' agreement; a draft returned by an approver with a reason after
    a substitute's visa; a registered act with its files, basis and acquaintance."""
    folder = portal["acts"]

    def act(id, title, kind="decision", **fields):
        values = {
            "text_ru": RichTextValue(
                f"<p>{title}.</p>", "text/html", "text/x-html-safe"
            ),
            "developer_department": "economy",
            "executor_name": "Турсынбаев Е. А.",
            "executor_phone": "8 (72548) 2-15-40",
        }
        values.update(fields)
        return _as(
            ECONOMIST,
            api.content.create,
            container=folder,
            type="Act",
            id=id,
            title=title,
            kind=kind,
            **values,
        )

    def to_agreement(obj):
        _do(obj, "submit", ECONOMIST)
        _do(obj, "approve_legally", LAWYER)

    def visa(obj, count=None):
        """The approvers of the open round agree in turn, all of them unless `count` is given."""
        number, given = visas.current_round(obj).number, 0
        while (
            visas.pending(obj)
            and visas.current_round(obj).number == number
            and given != count
        ):
            _visa_first(obj)
            given += 1

    members = act(
        "render-members-agreement",
        "О бюджете района на три года",
        kind="resolution",
        urgency="emergency",
    )
    to_agreement(members)
    visa(members)  # the departments' round
    visa(members, count=2)  # two akimat members of the second

    returned = act(
        "render-returned-by-visa",
        "О плане мероприятий по энергосбережению",
        substitutes=[{"approver": ECONOMY_HEAD, "substitute": ECONOMIST}],
        term_days=2,
    )
    to_agreement(returned)
    for pending in visas.pending(returned):  # the economy's head by her substitute
        if pending.approver != FINANCE_HEAD:
            userid = pending.substitute or pending.approver
            _as(userid, give_visa, returned, userid, True)
    _as(
        FINANCE_HEAD,
        give_visa,
        returned,
        FINANCE_HEAD,
        False,
        "Не указан источник финансирования мероприятий",
    )

    registered = act(
        "render-registered",
        "О внесении изменений в решение акима района № 7",
        normative=True,
        title_kk="Аудан әкімінің № 7 шешіміне өзгерістер енгізу туралы",
        text_kk=RichTextValue(
            "<p>Өзгерістер енгізілсін.</p>", "text/html", "text/x-html-safe"
        ),
        file_ru=_word("Решение", "decision-ru.docx"),
        amends=True,
        comparison_table=_word("Сравнительная таблица", "comparison.docx"),
        basis=_relation(basis),
        basis_reference="Протокол заседания акимата № 3",
        distribution=[ODK_STAFF, "economy"],
        distribution_external="Прокуратура района",
    )
    to_agreement(registered)
    visa(registered)
    _do(registered, "sign", AKIM)
    _do(registered, "register", ODK)
    _as(ODK_STAFF, acts.acquaint, registered, ODK_STAFF)


# Meetings and protocols (R5, R8, A6)


def _protocols(portal):
    """The protocols of the demo's held meetings that have none: one returned for rework by an
    approver, one visaed by a substitute after a return and signed by its chair only."""
    meetings = {
        meeting.kind: meeting
        for meeting in portal["meetings"].objectValues()
        if meeting.review_state() == "held" and not _has_protocol(portal, meeting)
    }
    returned = _protocol(portal, meetings["field-meeting"])
    _do(returned, "submit", returned.Creator())
    _visa_first(returned, agree=False, reason="Уточните сроки устранения замечаний")

    signing = _protocol(
        portal,
        meetings["government-session"],
        substitutes=[{"approver": HEAD_OF_APPARATUS, "substitute": "ibraimov"}],
        distribution_external="Аппарат акима Туркестанской области",
        russian_version=_word("Протокол", "protocol-ru.docx"),
    )
    _do(signing, "submit", signing.Creator())
    _visa_first(signing, agree=False, reason="Добавьте сроки исполнения")
    _do(signing, "submit", signing.Creator())
    while visas.pending(signing):
        _visa_first(signing)
    _as(signing.chair, protocols.sign, signing, signing.chair)


def _has_protocol(portal, meeting):
    return f"protocol-{meeting.getId()}" in portal["protocols"]


def _protocol(portal, meeting, **fields):
    """Drawn up by the ОДК with an assignment per section, then the fields given."""
    with api.env.adopt_user(username=ODK):
        protocol = protocols.create_from_meeting(meeting, portal["protocols"])
        for section, item in zip(protocol.sections(), meeting.agenda(), strict=False):
            section.decided = section.decided or "Информацию принять к сведению."
            api.content.create(
                container=protocol,
                type="Assignment",
                id=f"assignment-{section.number}",
                number=str(section.number),
                title=f"Исполнить решение по вопросу «{section.title}»",
                lead_executor=item.responsible_department,
                controller=protocol.controller,
            )
    for name, value in fields.items():
        setattr(protocol, name, value)
    protocol.reindexObject()
    return protocol


def _visa_first(document, agree=True, reason=None):
    visa = visas.pending(document)[0]
    userid = visa.substitute or visa.approver
    _as(userid, give_visa, document, userid, agree, reason)


def _session(portal, today, calendar):
    """An akimat session held the working day before yesterday, with attendance, votes and
    materials, its protocol not drawn up yet."""
    day = calendar.working_days_before(today, 2)
    start = datetime.combine(day, time(16, 0))
    with api.env.adopt_user(username="bekmuratov"):
        meeting = api.content.create(
            container=portal["meetings"],
            type="Meeting",
            id=f"akimat-session-{day.isoformat()}-render",
            kind="akimat-session",
            title="Внеочередное заседание акимата района",
            start=start,
            end=start + timedelta(hours=1),
            place="Актовый зал аппарата акима района",
            meeting_format="mixed",
            chair=AKIM,
            secretary="bekmuratov",
            invitees=["Прокурор района"],
            invitees_agreed_by=DEPUTY,
            open_meeting=False,
            languages=["kk", "ru"],
        )
        for number, title in enumerate(
            (
                "О выделении средств из резерва акимата района",
                "О награждении почётной грамотой акима района",
            ),
            1,
        ):
            api.content.create(
                container=meeting,
                type="AgendaItem",
                id=f"item-{number}",
                title=title,
                speakers=[FINANCE_HEAD],
                responsible_department="finance",
                supervising_deputy=DEPUTY,
                decision="Проект постановления принять.",
            )
    with api.env.adopt_user(username=FINANCE_HEAD):
        for kind in ("certificate", "draft-resolution", "presentation"):
            api.content.create(
                container=meeting["item-1"],
                type="Material",
                id=kind,
                kind=kind,
                title=f"Материал: {kind}",
                file=_word(kind, f"{kind}.docx"),
                material_language="ru",
                restriction="none",
            )
    _do(meeting, "approve_agenda", HEAD_OF_APPARATUS)
    _do(meeting, "hold", "bekmuratov")
    with api.env.adopt_user(username="bekmuratov"):
        meeting.record_attendance(meeting.member_ids()[:-1])
        meeting["item-1"].record_vote(3, 1, 0)
        meeting["item-2"].record_vote(2, 2, 0)


# Appeals (R13)


def _appeals(portal):
    """Two appeals of the demo's repeat applicant with attachments: one answered with a text and
    a file after an assignment with its execution report, one closed."""
    for id, state in (("render-answered", "answered"), ("render-closed", "closed")):
        with api.env.adopt_user(username=OFFICER):
            appeal = api.content.create(
                container=portal["appeals"],
                type="Appeal",
                id=id,
                kind="appeal",
                title="О ремонте освещения улицы Абая в селе Шаян",
                substance="Повторно прошу восстановить уличное освещение по улице Абая.",
                channel="letter",
                received_at=now().replace(tzinfo=None, second=0, microsecond=0)
                - timedelta(hours=2),
                appeal_language="ru",
                addressee=AKIM,
                applicant_name="Жумабаев Бахытжан Серикович",
                applicant_id=REPEAT_APPLICANT_ID,
                address=f"{DISTRICT}, с. Шаян, ул. Абая, 27",
                phone="+7 701 234 56 78",
                attachment=_pdf(),
            )
            api.content.transition(obj=appeal, transition="register")
            api.content.transition(obj=appeal, transition="review")
            assignment = appeal_review.assign(appeal, ["economy", FINANCE_HEAD])
        _as(
            ECONOMY_HEAD,
            api.content.create,
            container=assignment,
            type="ExecutionReport",
            id="report",
            title="Освещение восстановлено",
            file=_word("Ответ", "answer.docx"),
        )
        with api.env.adopt_user(username=OFFICER):
            appeal.answer = "Уличное освещение по улице Абая восстановлено."
            appeal.answer_file = _word("Ответ заявителю", "answer.docx")
            api.content.transition(obj=appeal, transition="answer")
            if state == "closed":
                api.content.transition(obj=appeal, transition="close")


# Personal reception (R14)


def _receptions(portal, today, calendar):
    """A schedule the akim approved with a reception whose list went out and one cancelled, and a
    new schedule in draft with its reception."""
    folder = portal["appeals"]
    next_week = calendar.add_working_days(today, 5)
    with api.env.adopt_user(username=OFFICER):
        approved = _schedule(folder, "render-schedule-approved", next_week)
        listed = _reception(approved, "listed", AKIM, next_week)
        cancelled = _reception(approved, "cancelled", HEAD_OF_APPARATUS, next_week)
    _do(approved, "approve", AKIM)
    with api.env.adopt_user(username=OFFICER):
        receptions.sign_up(
            listed,
            kind="request",
            applicant_name="Ахметов Болат Сапарович",
            address=f"{DISTRICT}, с. Шаян, ул. Навои, 3",
            phone="+7 705 222 33 44",
            title="О выделении земельного участка",
            substance="Прошу выделить участок под ИЖС.",
        )
        api.content.transition(obj=listed, transition="submit_list")
        api.content.transition(obj=cancelled, transition="cancel")
        draft = _schedule(
            folder, "render-schedule-draft", calendar.add_working_days(today, 25)
        )
        _reception(draft, "deputy", DEPUTY, calendar.add_working_days(today, 25))


def _schedule(folder, id, day):
    return api.content.create(
        container=folder,
        type="ReceptionSchedule",
        id=id,
        title="График личного приёма граждан",
        valid_from=day.replace(day=1),
        valid_until=(day + timedelta(days=31)).replace(day=1),
    )


def _reception(schedule, id, official, day):
    return api.content.create(
        container=schedule,
        type="Reception",
        id=id,
        title="Личный приём граждан",
        official=official,
        start=datetime.combine(day, time(10, 0)),
        end=datetime.combine(day, time(12, 0)),
        place="Кабинет акима района",
        invitees=["Начальник отдела земельных отношений"],
    )


# The document library (R9.10d, R12.13)


def _library(portal, assignment):
    """A draft with a further file; a report answering an assignment, published, then archived
    by its corrected version."""
    folder = portal["library"]["akimat-to"]["economy"]

    def report(id, **fields):
        values = {
            "title": "Информация о занятости населения",
            "report_kind": "Информация о занятости населения",
            "department": "economy",
            "period_kind": "quarter",
            "period": 4,
            "report_year": now().year - 1,
            "file": _pdf(),
            "executor": ECONOMIST,
        }
        values.update(fields)
        return _as(
            ECONOMIST,
            api.content.create,
            container=folder,
            type="Report",
            id=id,
            **values,
        )

    first = report(
        "render-employment",
        answers=_relation(assignment),
        description="Сведения о трудоустройстве за квартал",
    )
    _do(first, "publish", ECONOMY_HEAD)
    corrected = report(
        "render-employment-corrected",
        corrected_version=True,
        file=_word("Исправленный отчёт", "employment.docx"),
    )
    _do(corrected, "publish", ECONOMY_HEAD)
    draft = report(
        "render-fuel-prices",
        title="Информация о ценах на топливо",
        report_kind="Информация о ценах на топливо",
    )
    _as(
        ECONOMIST,
        api.content.create,
        container=draft,
        type="File",
        id="annex",
        title="Приложение",
        file=_pdf(),
    )
