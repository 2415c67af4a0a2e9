"""Reports on execution (R12.16) and the numbers of the control dashboard, from catalog metadata.

Assignments are counted under the department of their lead executor (R9.16): the one who
answers for the whole assignment and reports the co-executors who did not deliver (R12.11), so
every assignment is counted once and the lines add up to the total. An assignment to a person
counts under his department (core.principals.departments), never as a line of its own.
"""

from akimat.content import _
from akimat.content.control import rules as control
from akimat.content.control.lists import BadFilter
from akimat.content.control.lists import ON_CONTROL
from akimat.content.control.lists import REMOVED
from akimat.content.core.parameters import YEARS
from akimat.content.core.principals import Departments
from akimat.content.core.principals import PrincipalTitles
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from plone import api


QUARTERS = range(1, 5)
QUARTERLY_COLUMNS = (
    _("Executor"),
    _("Due in the quarter"),
    _("Executed on time"),
    _("Executed late"),
    _("Overdue"),
    _("Removed as impossible"),
    _("Extended"),
)


def quarter_bounds(year, quarter):
    first = date(year, 3 * quarter - 2, 1)
    following = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return first, date.fromordinal(following.toordinal() - 1)


def previous_quarter(today):
    """The last finished quarter: the one whose report is due by the 20th (R12.16)."""
    quarter = (today.month - 1) // 3 + 1
    return (today.year - 1, 4) if quarter == 1 else (today.year, quarter - 1)


def current_quarter(today):
    return today.year, (today.month - 1) // 3 + 1


def parse_quarter(form, today):
    """(year, quarter) from ?year=&quarter=; the previous quarter when both are absent."""
    if not form.get("year") and not form.get("quarter"):
        return previous_quarter(today)
    return whole_number(form, "year", YEARS), whole_number(form, "quarter", QUARTERS)


def whole_number(form, name, allowed):
    value = form.get(name)
    try:
        number = int(str(value))
    except ValueError:
        number = None
    if number not in allowed:
        raise BadFilter(
            _(
                "«${name}» must be a whole number from ${first} to ${last}.",
                mapping={"name": name, "first": allowed[0], "last": allowed[-1]},
            )
        )
    return number


def due_between(first, last):
    """Brains of assignments on control or removed whose deadline falls in [first, last]."""
    brains = api.portal.get_tool("portal_catalog")(
        portal_type="Assignment",
        review_state=(ON_CONTROL, REMOVED),
        deadline={"query": (first, last), "range": "min:max"},
        sort_on="deadline",
    )
    # «Принято к сведению» is never on control (R12.10), so it is not reported either.
    return [
        brain for brain in brains if brain.on_control or brain.review_state == REMOVED
    ]


def on_control():
    return api.portal.get_tool("portal_catalog")(
        portal_type="Assignment", on_control=True
    )


def lead_department(brain, departments):
    """The department that answers for the assignment: its lead executor's (the first one when he
    serves in several); departments is a core.principals.Departments."""
    lead = (brain.executors or ("",))[0]
    return departments(lead)[0] if lead else lead


@dataclass
class ExecutionLine:
    """How one executor (a department or a person) executed the assignments due (R12.16)."""

    executor: str
    title: str
    due: int = 0
    on_time: int = 0
    late: int = 0
    overdue: int = 0
    impossible: int = 0
    extended: int = 0

    def add(self, brain, today):
        self.due += 1
        removed = brain.review_state == REMOVED
        if removed and brain.removal_basis == control.EXECUTED:
            # The effective deadline counts, an extended one included (R12.7a).
            if brain.removed_on and brain.removed_on <= brain.deadline:
                self.on_time += 1
            else:
                self.late += 1
        elif removed:
            self.impossible += 1
        elif brain.deadline < today:
            self.overdue += 1
        if brain.extensions_granted:
            self.extended += 1

    def numbers(self):
        return (
            self.due,
            self.on_time,
            self.late,
            self.overdue,
            self.impossible,
            self.extended,
        )


@dataclass
class ExecutionReport:
    lines: list = field(default_factory=list)
    total: ExecutionLine = None


def execution_report(brains, today, titles=None):
    """Lines per department of the lead executor, sorted by title, and the total."""
    titles = titles or PrincipalTitles()
    departments = Departments()
    lines = {}
    total = ExecutionLine("", "")
    for brain in brains:
        executor = lead_department(brain, departments)
        if executor not in lines:
            lines[executor] = ExecutionLine(executor, titles(executor))
        lines[executor].add(brain, today)
        total.add(brain, today)
    return ExecutionReport(
        sorted(lines.values(), key=lambda line: line.title.lower()), total
    )


def traffic_light_counts(brains, today, calendar, titles=None):
    """Assignments on control now by colour, overall and per department of the lead executor
    (R12.4b).

    Returns ({colour: n}, [(title, {colour: n})]) with the colours green, yellow, red.
    """
    titles = titles or PrincipalTitles()
    colours = (control.GREEN, control.YELLOW, control.RED)
    overall = dict.fromkeys(colours, 0)
    per_executor = {}
    departments = Departments()
    for brain in brains:
        colour = control.traffic_light(brain.deadline, today, calendar)
        overall[colour] += 1
        per_executor.setdefault(
            lead_department(brain, departments), dict.fromkeys(colours, 0)
        )[colour] += 1
    lines = [(titles(executor), counts) for executor, counts in per_executor.items()]
    return overall, sorted(lines, key=lambda line: line[0].lower())
