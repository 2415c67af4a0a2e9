"""The demo schedule of personal receptions in «Обращения» (README; RULES.md R14, R13.10).

The akim has approved it (R14.1). Its receptions: the akim's of last week, held, with what each
person said and an assignment controlled by the appeals department (R14.4); a deputy's next
week with people signed up, its list due the working day before (R14.2); the head of
apparatus's the week after, open for sign-up.
"""

from akimat.content.appeals import receptions
from akimat.content.appeals import review as appeal_review
from akimat.content.core.calendar import get_calendar
from akimat.content.core.calendar import now
from akimat.policy.demo_appeals import AKIM
from akimat.policy.demo_appeals import DEPUTIES
from akimat.policy.demo_appeals import DISTRICT
from akimat.policy.demo_appeals import HEAD_OF_APPARATUS
from akimat.policy.demo_appeals import OFFICER
from datetime import datetime
from datetime import time
from datetime import timedelta
from plone import api
from Products.CMFCore.indexing import processQueue


SCHEDULE_ID = "reception-schedule"
PLACE = "Кабинет акима района, 2 этаж"
INVITEES = (
    "Руководитель аппарата акима района",
    "Начальник отдела жилищно-коммунального хозяйства",
)
# (applicant, address, phone, subject, issue, what was said) of the people signed up.
PEOPLE = (
    (
        "Абенов Серик Маратович",
        f"{DISTRICT}, с. Шаян, ул. Жибек жолы, 14",
        "+7 702 345 67 01",
        "О подключении дома к водопроводу",
        "Дом по ул. Жибек жолы до сих пор не подключён к сельскому водопроводу.",
        "Просит включить улицу в проект водоснабжения следующего года.",
    ),
    (
        "Оспанова Гульнар Ержановна",
        f"{DISTRICT}, с. Ақбастау, ул. Школьная, 2",
        "+7 705 111 22 03",
        "О месте в детском саду",
        "Ребёнку четырёх лет не предоставлено место в детском саду села.",
        "Просит место в детском саду «Балапан» с января.",
    ),
    (
        "Тлеубаев Нурлан Абаевич",
        f"{DISTRICT}, с. Шаян, ул. Абылай хана, 40",
        "+7 701 765 43 21",
        "О ремонте моста через арык",
        "Пешеходный мост через арык на ул. Абылай хана разрушен.",
        "",
    ),
)
# The executor of the akim's assignment at the held reception (R14.4): the finance department,
# which plans the funds of next year's water supply projects.
EXECUTOR = "finance-heads"


def add_demo_receptions(portal):
    """The approved schedule with its three receptions, once; after the demo appeals, so that
    their numbers follow the order of receipt."""
    folder = portal["appeals"]
    if SCHEDULE_ID in folder:
        return
    calendar, today = get_calendar(), now().date()
    last_week = calendar.working_days_before(today, 5)
    next_week = calendar.add_working_days(today, 5)
    week_after = calendar.add_working_days(today, 10)
    with api.env.adopt_user(username=OFFICER):
        schedule = api.content.create(
            container=folder,
            type="ReceptionSchedule",
            id=SCHEDULE_ID,
            title="График личного приёма граждан акимом района, его заместителями и руководителем аппарата",
            valid_from=last_week.replace(day=1),
            valid_until=(week_after + timedelta(days=31)).replace(day=1),
        )
        held = _reception(schedule, "akim", AKIM, last_week)
        coming = _reception(schedule, "deputy", DEPUTIES[0], next_week)
        _reception(schedule, "head-of-apparatus", HEAD_OF_APPARATUS, week_after)
    with api.env.adopt_user(username=AKIM):
        api.content.transition(obj=schedule, transition="approve")
    with api.env.adopt_user(username=OFFICER):
        _hold(held, PEOPLE[:2])
        for person in PEOPLE[1:]:
            receptions.sign_up(coming, **_applicant(person))
    processQueue()


def _reception(schedule, id_, official, day):
    return api.content.create(
        container=schedule,
        type="Reception",
        id=id_,
        title="Личный приём граждан",
        official=official,
        start=datetime.combine(day, time(15, 0)),
        end=datetime.combine(day, time(18, 0)),
        place=PLACE,
        invitees=list(INVITEES),
    )


def _applicant(person):
    name, address, phone, subject, issue, _said = person
    return {
        "kind": "appeal",
        "applicant_name": name,
        "address": address,
        "phone": phone,
        "title": subject,
        "substance": issue,
    }


def _hold(reception, people):
    """A reception of last week: the people who came, what they said (R13.10), an assignment
    (R14.4). The demo plays it in one go, so the sign-ups and the list are dated as they were;
    their registration numbers come after those of the demo appeals, registered before them."""
    for person in people:
        appeal = api.content.create(
            container=reception.__parent__.__parent__,
            type="Appeal",
            channel=receptions.CHANNEL,
            received_at=datetime.combine(reception.list_due(), time(9, 30)),
            addressee=reception.official,
            reception=reception.UID(),
            oral_record=person[5],
            **_applicant(person),
        )
        api.content.transition(obj=appeal, transition="register")
    api.content.transition(obj=reception, transition="submit_list")
    reception.list_submitted_on = reception.list_due()
    api.content.transition(obj=reception, transition="hold")
    reception.held_on = reception.day()
    first = receptions.signups(reception)[0]
    api.content.transition(obj=first, transition="review")
    appeal_review.assign(first, [EXECUTOR])
