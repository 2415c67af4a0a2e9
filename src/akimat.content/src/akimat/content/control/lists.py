"""The control list of the ОДК (RULES.md R12.4a): filters → catalog query → rows of nine columns.

Catalog brains and their metadata only: a list of hundreds of assignments wakes no object up.
The same filters serve the page, its XLSX export and the REST endpoint; a filter a person can
correct raises BadFilter with a message saying how.
"""

from akimat.content import _
from akimat.content.control import rules as control
from akimat.content.control.my_assignments import assignments_of
from akimat.content.control.my_assignments import assignments_of_department
from akimat.content.control.vocabularies import CONTROL_CATEGORIES
from akimat.content.control.vocabularies import REMOVAL_BASES
from akimat.content.control.vocabularies import SOURCE_KINDS
from akimat.content.core.parameters import BadParameter
from akimat.content.core.parameters import parse_date
from akimat.content.core.principals import departments_of
from akimat.content.core.principals import is_department
from akimat.content.core.principals import PrincipalTitles
from dataclasses import dataclass
from dataclasses import fields
from datetime import date
from datetime import timedelta
from plone import api
from urllib.parse import urlencode
from zope.i18n import translate


ON_CONTROL, REMOVED = (
    "on_control",
    "removed",
)  # review states of akimat_assignment_workflow
OVERDUE = "overdue"
STATES = (ON_CONTROL, REMOVED, OVERDUE, control.YELLOW, control.GREEN)
WEEKLY = "weekly"  # the list sent to the leadership every week (R12.4a)
PRESETS = (WEEKLY,)
# Whose assignments: the person's own (as @@my-assignments), or his departments' (R12.4b).
MINE, DEPARTMENT = "mine", "department"
SCOPES = (MINE, DEPARTMENT)
WEEKLY_WORKING_DAYS = 5

# R12.4a: the nine columns, in this order, in every control list.
COLUMNS = (
    _("Kind of event"),
    _("Date given"),
    _("Content"),
    _("Executors"),
    _("Deadline"),
    _("Removal mark"),
    _("Removal basis"),
    _("Extension mark"),
    _("Note"),
)


# A filter value a person can correct; args[0] is the message.
BadFilter = BadParameter


@dataclass(frozen=True)
class Filters:
    """What the control list is narrowed to; None means «any»."""

    date_from: date = None  # date given, inclusive
    date_to: date = None
    source_kind: str = None
    executor: str = None  # a user or group id among the executors
    control_category: str = None
    state: str = None  # one of STATES
    preset: str = None  # one of PRESETS
    scope: str = None  # one of SCOPES, for the current user

    def query_string(self):
        """The filters as URL parameters, so the export and the pages keep them."""
        params = {}
        for name in (f.name for f in fields(self)):
            value = getattr(self, name)
            if value is not None:
                params[name] = value.isoformat() if isinstance(value, date) else value
        return urlencode(params)


def parse_filters(form):
    """Filters from request parameters (GET form or REST query); BadFilter when one is wrong."""
    values = {name: _single(form, name) for name in (f.name for f in fields(Filters))}
    for name in ("date_from", "date_to"):
        if values[name] is not None:
            values[name] = parse_date(name, values[name])
    _choice(values, "source_kind", SOURCE_KINDS.by_token)
    _choice(values, "control_category", CONTROL_CATEGORIES.by_token)
    _choice(values, "state", STATES)
    _choice(values, "preset", PRESETS)
    _choice(values, "scope", SCOPES)
    if (
        values["date_from"]
        and values["date_to"]
        and values["date_from"] > values["date_to"]
    ):
        raise BadFilter(_("The period begins after it ends."))
    if values["preset"] and values["state"]:
        raise BadFilter(_("The weekly list cannot be combined with a state filter."))
    return Filters(**values)


def _single(form, name):
    value = form.get(name)
    if isinstance(value, (list, tuple)):
        raise BadFilter(_("«${name}» takes one value.", mapping={"name": name}))
    value = (value or "").strip() if isinstance(value, str) else value
    return value or None


def _choice(values, name, allowed):
    value = values[name]
    if value is not None and value not in allowed:
        raise BadFilter(
            _(
                "«${value}» is not a valid value of «${name}»; use one of: ${allowed}.",
                mapping={"value": value, "name": name, "allowed": ", ".join(allowed)},
            )
        )


def build_query(filters, today, calendar):
    """The catalog query of the control list, sorted by deadline."""
    query = {"portal_type": "Assignment", "sort_on": "deadline"}
    if filters.date_from or filters.date_to:
        query["date_given"] = _range(filters.date_from, filters.date_to)
    if filters.source_kind:
        query["source_kind"] = filters.source_kind
    if filters.executor and is_department(filters.executor):
        # The department's own assignments and those of its people (R12.4a, column 4).
        query["executor_departments"] = filters.executor
    elif filters.executor:
        query["executors"] = filters.executor
    if filters.control_category:
        query["control_category"] = filters.control_category
    if filters.preset == WEEKLY:
        # On control with up to five working days left, and everything overdue.
        query["on_control"] = True
        query["deadline"] = _range(
            None, calendar.add_working_days(today, WEEKLY_WORKING_DAYS)
        )
        return query
    # Colours as deadline ranges: indexed deadlines are working days (R0.2), so a range
    # matches control.traffic_light exactly.
    yellow_until = control.yellow_from(today, calendar)
    ranges = {
        OVERDUE: (None, today - timedelta(days=1)),
        control.YELLOW: (today, yellow_until),
        control.GREEN: (yellow_until + timedelta(days=1), None),
    }
    if filters.state == REMOVED:
        query["review_state"] = REMOVED
    elif filters.state:
        query["on_control"] = True
        if filters.state in ranges:
            query["deadline"] = _range(*ranges[filters.state])
    else:
        query["review_state"] = (ON_CONTROL, REMOVED)
    return query


def _range(first, last):
    if first is None:
        return {"query": last, "range": "max"}
    if last is None:
        return {"query": first, "range": "min"}
    return {"query": (first, last), "range": "min:max"}


def find(filters, today, calendar):
    """The brains of the control list, sorted by deadline."""
    brains = api.portal.get_tool("portal_catalog")(
        **build_query(filters, today, calendar)
    )
    # «Принято к сведению» stays in its state but is not on control (R12.10): not listed.
    found = [
        brain for brain in brains if brain.on_control or brain.review_state == REMOVED
    ]
    if filters.scope:
        within = scope_uids(filters.scope, api.user.get_current())
        found = [brain for brain in found if brain.UID in within]
    return found


def scope_uids(scope, user):
    """The UIDs of the user's own assignments, or of his departments' ones: the same sets as
    @@my-assignments and @@department-assignments, so every page counts them alike."""
    if scope == MINE:
        brains = assignments_of(user, on_control_only=False)
    else:
        brains = [
            brain
            for department in departments_of(user)
            for brain in assignments_of_department(department, on_control_only=False)
        ]
    return {brain.UID for brain in brains}


@dataclass(frozen=True)
class Row:
    """One assignment of the control list: the nine columns (R12.4a) and its traffic light."""

    url: str
    number: str
    source_kind: str
    kind: str  # (1) translated title of the source kind
    reference: str  # (1) the source's number and date
    date_given: date  # (2)
    content: str  # (3)
    executor_ids: tuple
    executors: tuple  # (4) titles, the lead first
    deadline: date  # (5)
    deadline_as_set: date  # before a day off moved it (R0.2)
    removed: bool  # (6) with removed_on
    removed_on: date
    removal_basis: str  # (7) token, with removal_basis_title
    removal_basis_title: str
    extensions_granted: int  # (8)
    note: str  # (9)
    traffic_light: str
    control_category: str

    @property
    def extended(self):
        return self.extensions_granted > 0


def term_title(vocabulary, token, request):
    if not token:
        return ""
    try:
        return translate(vocabulary.getTermByToken(token).title, context=request)
    except LookupError:
        return token


def rows(brains, request, today, calendar, titles=None):
    """Rows of the control list from catalog metadata, in the brains' order."""
    titles = titles or PrincipalTitles()
    return [_row(brain, request, today, calendar, titles) for brain in brains]


def _row(brain, request, today, calendar, titles):
    removed = brain.review_state == REMOVED
    executor_ids = tuple(brain.executors or ())
    return Row(
        url=brain.getURL(),
        number=brain.assignment_number or "",
        source_kind=brain.source_kind,
        kind=term_title(SOURCE_KINDS, brain.source_kind, request),
        reference=brain.source_reference or "",
        date_given=brain.date_given,
        content=brain.Title,
        executor_ids=executor_ids,
        executors=tuple(titles(principal) for principal in executor_ids),
        deadline=brain.deadline,
        # Missing until the assignment is reindexed after the upgrade
        deadline_as_set=brain.deadline_as_set or None,
        removed=removed,
        removed_on=brain.removed_on if removed else None,
        removal_basis=brain.removal_basis or "",
        removal_basis_title=term_title(REMOVAL_BASES, brain.removal_basis, request),
        extensions_granted=brain.extensions_granted or 0,
        note=brain.assignment_note or "",
        traffic_light=control.traffic_light(
            brain.deadline, today, calendar, removed=not brain.on_control
        ),
        control_category=brain.control_category,
    )


def removal_mark(row, request):
    """Column (6): the day of removal, or a plain mark when the history has no date."""
    if not row.removed:
        return ""
    return row.removed_on or translate(_("Removed from control"), context=request)


def extension_mark(row, request):
    """Column (8): extended once, or how many times (R12.8 makes a second one notable)."""
    if row.extensions_granted == 1:
        return translate(_("Extended"), context=request)
    if row.extensions_granted > 1:
        message = _(
            "Extended ${count} times", mapping={"count": row.extensions_granted}
        )
        return translate(message, context=request)
    return ""


def cells(row, request):
    """The nine R12.4a values of a row, for a spreadsheet or a printed list."""
    return (
        f"{row.kind} {row.reference}".strip(),
        row.date_given,
        f"{row.number}. {row.content}" if row.number else row.content,
        ", ".join(row.executors),
        row.deadline,
        removal_mark(row, request),
        row.removal_basis_title,
        extension_mark(row, request),
        row.note,
    )


def header(request):
    return [translate(column, context=request) for column in COLUMNS]
