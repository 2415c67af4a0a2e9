"""The site's sections: folders with the local roles their users need.

Section titles and descriptions are messages of the `akimat` catalog: the folders are created
with the Russian text, the front page shows them in the reader's language.
"""

from akimat.content import _
from akimat.content.core.section import as_section
from akimat.content.interfaces import IDepartmentLibrary
from akimat.policy.organisation import DEPARTMENTS
from dataclasses import dataclass
from dataclasses import field
from plone import api
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from plone.base.interfaces.syndication import IFeedSettings
from zope.i18n import translate
from zope.interface import alsoProvides


EDITORS = ("Contributor", "Editor", "Reader")
EVERY_DEPARTMENT_DRAFTS = {unit.id: ("Contributor",) for unit in DEPARTMENTS}
# In its library folder a department drafts reports; its head and deputy head also publish them.
REPORT_WRITERS = ("Contributor",)
REPORT_PUBLISHERS = ("Contributor", "Editor", "Reviewer")
ADMINS = ("Manager", "Site Administrator")
SECTION, FOLDER = "Section", "Folder"


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    description: str
    roles: dict = field(default_factory=dict)
    # A confidential section is seen only by those with a local role on it (appeals: R13.2).
    confidential: bool = False
    children: tuple = ()
    # A department's library folder: only its roles count there, and it takes reports only.
    department_library: bool = False
    # Add permissions the site gives nobody, granted here to these roles (besides the admins').
    add_permissions: dict = field(default_factory=dict)
    # The only types «Добавить» offers here (and code may add); empty: as Plone decides.
    types: tuple = ()
    # The section's default view: its register (akimat.content), where the menu leads.
    layout: str = None


def department_library(unit):
    """The library folder of a department (R9.10d): its drafts are its own."""
    return Section(
        unit.id,
        unit.title,
        _("Reports of the department."),
        roles={unit.id: REPORT_WRITERS, unit.heads_id: REPORT_PUBLISHERS},
        department_library=True,
        add_permissions={"akimat.content: Add Report": ("Owner", *REPORT_WRITERS)},
        types=("Report",),
    )


SECTIONS = (
    Section(
        "meetings",
        _("Meetings"),
        _(
            "Akimat sessions, apparatus and operational meetings: agendas, materials, votes."
        ),
        roles={"orgotdel": EDITORS, "svodny-otdel": EDITORS, "odk": ("Contributor",)},
        types=("Meeting",),
    ),
    Section(
        "acts",
        _("Acts"),
        _(
            "Resolutions of the akimat, decisions and orders of the akim, orders of the head of "
            "apparatus: drafts, agreement, registration."
        ),
        roles={
            **EVERY_DEPARTMENT_DRAFTS,
            "odk": EDITORS + ("Reviewer",),
            "legal-consultant": ("Reader", "Reviewer"),
        },
        types=("Act",),
        layout="acts",
    ),
    Section(
        "protocols",
        _("Protocols"),
        _("Protocols of sessions and meetings with the assignments they give."),
        # The ОДК draws up the protocols of sessions and apparatus meetings (R5.11, R5.34); the
        # responsible department or working body those of operational meetings and commissions
        # (R5.46, R5.54).
        roles={**EVERY_DEPARTMENT_DRAFTS, "odk": EDITORS + ("Reviewer",)},
        types=("Protocol",),
        layout="protocols",
    ),
    Section(
        "assignments",
        _("Assignments"),
        _("Assignments on control: executors, deadlines, execution reports."),
        roles={"odk": EDITORS + ("Reviewer",)},
        types=("Assignment",),
        layout="assignments-register",
    ),
    Section(
        "appeals",
        _("Appeals"),
        # «Реестр обращений» in its description: a site search finds the register (R13.2: only
        # those who see the section).
        _(
            "Register of appeals of citizens and organisations. Seen only by the appeals "
            "department and those assigned to an appeal."
        ),
        roles={"appeals": EDITORS + ("Reviewer",)},
        confidential=True,
        types=("Appeal", "ReceptionSchedule"),
        layout="appeals-section",
    ),
    Section(
        "library",
        _("Document library"),
        _("Reports of the departments and documents of the akimat of the region."),
        roles={"svodny-otdel": EDITORS},
        # What each department owes the library, set by the Сводный отдел (R9.10d).
        add_permissions={"akimat.content: Add ReportObligation": ("Contributor",)},
        # The obligations, its search (library_search.py) and folders of documents such as
        # «Акимат ТО».
        types=("ReportObligation", "Collection", "Folder", "File"),
        children=(
            # R9.10d: periodic reports go to «Акимат ТО» instead of letters, one folder a department.
            Section(
                "akimat-to",
                _("Akimat TO"),
                _("Documents of the akimat of Turkistan region."),
                roles={"svodny-otdel": EDITORS},
                children=tuple(department_library(unit) for unit in DEPARTMENTS),
            ),
        ),
    ),
)


def ensure_sections(container=None, sections=SECTIONS, portal_type=SECTION):
    """Create the sections that are missing and (re)apply their local roles. The top ones are
    Sections, which many people add to at once (akimat.content.core.section); their
    subfolders are Folders."""
    container = container if container is not None else api.portal.get()
    for section in sections:
        folder = container.get(section.id)
        if (
            folder is not None
            and portal_type == SECTION
            and folder.portal_type != SECTION
        ):
            folder = as_section(folder)
        if folder is None:
            folder = api.content.create(
                container=container,
                type=portal_type,
                id=section.id,
                title=translate(section.title, target_language="ru"),
                description=translate(section.description, target_language="ru"),
            )
            if not section.confidential:
                api.content.transition(obj=folder, transition="publish_internally")
        if section.layout:
            folder.setLayout(section.layout)
        for group, roles in section.roles.items():
            api.group.grant_roles(groupname=group, roles=roles, obj=folder)
        folder.__ac_local_roles_block__ = (
            section.confidential or section.department_library
        )
        for permission, roles in section.add_permissions.items():
            folder.manage_permission(permission, [*ADMINS, *roles], acquire=True)
        if section.department_library:
            _take_reports(folder)
        if section.types:
            _allow_only(folder, section.types)
        folder.reindexObjectSecurity()
        ensure_sections(folder, section.children, FOLDER)


def _take_reports(folder):
    """Staff who follow the
    department read its new reports in its RSS and Atom feeds (`RSS`, `atom.xml`)."""
    alsoProvides(folder, IDepartmentLibrary)
    IFeedSettings(folder).enabled = True


def _allow_only(folder, types):
    constraints = ISelectableConstrainTypes(folder)
    constraints.setConstrainTypesMode(ENABLED)
    constraints.setLocallyAllowedTypes(list(types))
    constraints.setImmediatelyAddableTypes(list(types))
