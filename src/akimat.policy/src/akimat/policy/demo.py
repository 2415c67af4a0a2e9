"""Demo users of the `demo` profile: at least one per group, all with DEMO_PASSWORD (README)."""

from akimat.policy.demo_acts import add_demo_acts
from akimat.policy.demo_appeals import add_demo_appeals
from akimat.policy.demo_assignments import add_demo_assignments
from akimat.policy.demo_library import add_demo_library
from akimat.policy.demo_meetings import add_demo_meetings
from akimat.policy.demo_receptions import add_demo_receptions
from akimat.policy.organisation import ensure_groups
from dataclasses import dataclass
from plone import api


DEMO_PASSWORD = "akimat-demo"


@dataclass(frozen=True)
class DemoUser:
    username: str
    fullname: str
    groups: tuple


DEMO_USERS = (
    DemoUser("seitzhanov", "Сейтжанов Ерлан Маратович", ("akim", "akimat-members")),
    DemoUser(
        "abdrakhmanov",
        "Абдрахманов Нурлан Серикович",
        ("deputy-akims", "akimat-members"),
    ),
    DemoUser(
        "kuznetsova", "Кузнецова Ольга Викторовна", ("deputy-akims", "akimat-members")
    ),
    DemoUser(
        "omarova", "Омарова Айгерим Болатовна", ("head-of-apparatus", "akimat-members")
    ),
    DemoUser("ibraimov", "Ибраимов Данияр Касымович", ("deputy-heads-of-apparatus",)),
    DemoUser("zhumabekova", "Жумабекова Сауле Ерболовна", ("legal-consultant",)),
    DemoUser("aliev", "Алиев Тимур Русланович", ("press-secretary",)),
    DemoUser("abenov", "Абенов Серик Жаксылыкович", ("akimat-members",)),
    DemoUser("tulegenova", "Тулегенова Гульнара Ахметовна", ("odk", "odk-heads")),
    DemoUser("petrova", "Петрова Анна Сергеевна", ("odk",)),
    DemoUser(
        "bekmuratov", "Бекмуратов Асхат Жанибекович", ("orgotdel", "orgotdel-heads")
    ),
    DemoUser("akhmetova", "Ахметова Жулдыз Ерлановна", ("orgotdel",)),
    DemoUser(
        "nurzhanova",
        "Нуржанова Динара Каиратовна",
        ("svodny-otdel", "svodny-otdel-heads"),
    ),
    DemoUser(
        "satybaldieva", "Сатыбалдиева Жанар Муратовна", ("appeals", "appeals-heads")
    ),
    DemoUser("kim", "Ким Виктория Александровна", ("appeals",)),
    DemoUser("musina", "Мусина Алия Нурлановна", ("hr", "hr-heads")),
    DemoUser(
        "smagulov", "Смагулов Ерлан Бауыржанович", ("it-security", "it-security-heads")
    ),
    DemoUser("kozlov", "Козлов Андрей Петрович", ("finance", "finance-heads")),
    DemoUser("yessenova", "Есенова Мадина Талгатовна", ("economy", "economy-heads")),
    DemoUser("tursynbayev", "Турсынбаев Ержан Абаевич", ("economy",)),
)


def add_demo_content(context):
    """Demo users, demo assignments in every traffic-light colour, demo acts in each state, a
    month of meetings with their protocols (the session adopts a demo act: acts come first),
    appeals and the schedule of personal receptions, a year of the document library."""
    add_demo_users()
    add_demo_assignments(api.portal.get())
    add_demo_acts(api.portal.get())
    add_demo_meetings(api.portal.get())
    add_demo_appeals(api.portal.get())
    add_demo_receptions(api.portal.get())
    add_demo_library(api.portal.get())


def add_demo_users():
    """Create the demo users that are missing and put them in their groups."""
    ensure_groups()
    for demo in DEMO_USERS:
        if api.user.get(username=demo.username) is None:
            api.user.create(
                username=demo.username,
                email=f"{demo.username}@baidibek.example",
                password=DEMO_PASSWORD,
                properties={"fullname": demo.fullname},
            )
        for group in demo.groups:
            api.group.add_user(groupname=group, username=demo.username)
