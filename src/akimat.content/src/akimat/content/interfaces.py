"""Interfaces of akimat.content: its browser layer and its registry schemas."""

from akimat.content import _
from akimat.content.core import bounds
from akimat.content.core.calendar_entries import parse_entry
from zope import schema
from zope.interface import Interface
from zope.interface import Invalid
from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IAkimatContentLayer(IDefaultBrowserLayer):
    """Marker for requests on a site where akimat.content is installed."""


class IDepartmentLibrary(Interface):
    """Marks a department's folder of the document library; its id is the department's group."""


def _calendar_entries(values):
    """Each line «YYYY-MM-DD note», its date within bounds; the list is checked, not each line,
    so that z3c.form shows the message instead of «wrong contained type»."""
    for value in values:
        try:
            day = parse_entry(value)[0]
        except ValueError:
            raise Invalid(
                _(
                    "«${value}» is not a line «YYYY-MM-DD note», e.g. «2026-03-07 Перенос выходного».",
                    mapping={"value": value},
                )
            ) from None
        bounds.check_date(day)
    return True


class ICalendarSettings(Interface):
    """Changes to the production calendar of Kazakhstan that the `holidays` package lacks (R0.1)."""

    extra_holidays = schema.List(
        title=_("Extra days off"),
        description=_(
            "One per line: the date (YYYY-MM-DD) and its name, e.g. the day a government decree "
            "transfers a day off to."
        ),
        value_type=schema.TextLine(),
        constraint=_calendar_entries,
        required=False,
        default=[],
    )

    extra_working_days = schema.List(
        title=_("Extra working days"),
        description=_(
            "One per line: the date (YYYY-MM-DD) of a working Saturday or Sunday and an optional "
            "note, e.g. the day a government decree transfers a day off from."
        ),
        value_type=schema.TextLine(),
        constraint=_calendar_entries,
        required=False,
        default=[],
    )


class IActSettings(Interface):
    """Who takes part in the agreement and signing of acts (R10.3, R10.4a, R10.12, R11.4)."""

    mandatory_approver_groups = schema.List(
        title=_("Groups whose members visa every act"),
        description=_(
            "Deputy akims, the head of apparatus and his deputies, the heads of the "
            "finance and economy departments."
        ),
        value_type=schema.TextLine(),
        default=[
            "deputy-akims",
            "head-of-apparatus",
            "deputy-heads-of-apparatus",
            "finance-heads",
            "economy-heads",
        ],
        required=False,
    )
    legal_consultant_group = schema.TextLine(
        title=_("Group of the legal consultant, who visas last"),
        default="legal-consultant",
        required=False,
    )
    members_group = schema.TextLine(
        title=_("Group of the akimat members, who agree resolutions"),
        default="akimat-members",
        required=False,
    )
    akim_group = schema.TextLine(
        title=_("Group of the akim, who signs his acts and the akimat's"),
        default="akim",
        required=False,
    )
    head_of_apparatus_group = schema.TextLine(
        title=_("Group of the head of apparatus, who signs his orders"),
        default="head-of-apparatus",
        required=False,
    )


class IMeetingSettings(Interface):
    """Halls and the units that prepare meetings and protocols (R2.4, R5, R8)."""

    halls = schema.List(
        title=_("Halls of the apparatus"),
        description=_(
            "One per line; the Orgotdel books them, and two bookings of a hall may not overlap."
        ),
        value_type=schema.TextLine(),
        default=["Зал заседаний акимата", "Малый зал", "Зал видеоконференций"],
        required=False,
    )
    akim_group = schema.TextLine(
        title=_("Group of the akim"), default="akim", required=False
    )
    deputies_group = schema.TextLine(
        title=_("Group of the deputy akims, one of whom acts for the absent akim"),
        default="deputy-akims",
        required=False,
    )
    head_of_apparatus_group = schema.TextLine(
        title=_("Group of the head of apparatus"),
        default="head-of-apparatus",
        required=False,
    )
    members_group = schema.TextLine(
        title=_("Group of the akimat members"), default="akimat-members", required=False
    )
    legal_consultant_group = schema.TextLine(
        title=_("Group of the legal consultant"),
        default="legal-consultant",
        required=False,
    )
    control_group = schema.TextLine(
        title=_("Group of the ОДК, who draws up, registers and controls protocols"),
        default="odk",
        required=False,
    )
    orgotdel_group = schema.TextLine(
        title=_("Group of the Orgotdel"), default="orgotdel", required=False
    )
    summary_group = schema.TextLine(
        title=_("Group of the Сводный отдел"), default="svodny-otdel", required=False
    )


class IAppealSettings(Interface):
    """Terms and units of the work with appeals (R13)."""

    review_days = schema.Int(
        title=_("Review term of an appeal, in working days"),
        description=_("From registration to the answer, unless the law sets another."),
        default=15,
        required=True,
        **bounds.TERM_WORKING_DAYS,
    )
    appeals_group = schema.TextLine(
        title=_("Group of the appeals department, who registers and sees every appeal"),
        default="appeals",
        required=False,
    )
