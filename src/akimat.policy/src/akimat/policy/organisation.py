"""The organisation of the apparatus as Plone groups (DESIGN.md, «Roles and permissions»).

Departments get a second group for their head and his deputy (`<department>-heads`), so that
rules «only the head of the department …» have a group to name. `ensure_groups` creates what is
missing and is what a new department goes through too.
"""

from dataclasses import dataclass
from plone import api


@dataclass(frozen=True)
class OrgUnit:
    id: str
    title: str
    department: bool = False
    # Roles the unit holds on the whole site (akimat.content's roles of control, R12).
    site_roles: tuple = ()

    @property
    def heads_id(self):
        return f"{self.id}-heads"


ORG_UNITS = (
    OrgUnit("akim", "Аким района", site_roles=("Leadership",)),
    OrgUnit("deputy-akims", "Заместители акима района", site_roles=("Deputy Akim",)),
    OrgUnit(
        "head-of-apparatus",
        "Руководитель аппарата акима района",
        site_roles=("Leadership",),
    ),
    OrgUnit("deputy-heads-of-apparatus", "Заместители руководителя аппарата"),
    OrgUnit("legal-consultant", "Юрисконсульт"),
    OrgUnit("press-secretary", "Пресс-секретарь акима района"),
    OrgUnit("akimat-members", "Члены акимата"),
    OrgUnit(
        "odk",
        "Отдел документационного обеспечения и контроля (ОДК)",
        department=True,
        site_roles=("Control Officer",),
    ),
    OrgUnit(
        "orgotdel",
        "Отдел организационно-инспекторской работы (Орготдел)",
        department=True,
    ),
    OrgUnit("svodny-otdel", "Сводный отдел", department=True),
    OrgUnit(
        "appeals",
        "Отдел по работе с обращениями граждан",
        department=True,
        site_roles=("Appeals Officer",),
    ),
    OrgUnit("hr", "Служба управления персоналом", department=True),
    OrgUnit("it-security", "Сектор информационной безопасности", department=True),
    OrgUnit("finance", "Отдел финансов", department=True),
    OrgUnit("economy", "Отдел экономики и бюджетного планирования", department=True),
)

DEPARTMENTS = tuple(unit for unit in ORG_UNITS if unit.department)


def group_ids():
    """Every group of the organisation, heads groups included."""
    for unit in ORG_UNITS:
        yield unit.id
        if unit.department:
            yield unit.heads_id


def ensure_department(unit):
    """Create the department's group and its heads group when they are missing."""
    _ensure_group(unit.id, unit.title)
    _ensure_group(unit.heads_id, f"{unit.title}: руководство")


def ensure_groups():
    """Create the missing groups and give each unit its site roles."""
    portal = api.portal.get()
    for unit in ORG_UNITS:
        if unit.department:
            ensure_department(unit)
        else:
            _ensure_group(unit.id, unit.title)
        if unit.site_roles:
            api.group.grant_roles(groupname=unit.id, roles=unit.site_roles, obj=portal)


def _ensure_group(group_id, title):
    if api.group.get(groupname=group_id) is None:
        api.group.create(groupname=group_id, title=title)
