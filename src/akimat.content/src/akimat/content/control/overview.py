"""Execution discipline at a glance for the leadership (R12.4a): per department, the assignments
on control that are overdue and those due within the week of the weekly list, from the catalog.

Counted under the department of the lead executor, who answers for the whole assignment (R9.16),
as the reports count them (reports.py); each number links to the control list of that department.
"""

from akimat.content.control import lists
from akimat.content.control.reports import lead_department
from akimat.content.core.principals import Departments
from akimat.content.core.principals import PrincipalTitles
from dataclasses import dataclass
from plone import api


@dataclass
class DepartmentLine:
    executor: str
    title: str
    overdue: int = 0
    this_week: int = 0

    def overdue_query(self):
        return lists.Filters(executor=self.executor, state=lists.OVERDUE).query_string()

    def week_query(self):
        """The weekly list of the executor: due within the week, and whatever is overdue."""
        return lists.Filters(executor=self.executor, preset=lists.WEEKLY).query_string()


def discipline(today, calendar, titles=None):
    """Lines of the executors with an assignment overdue or due within the week, the most
    overdue first; their totals."""
    titles = titles or PrincipalTitles()
    horizon = calendar.add_working_days(today, lists.WEEKLY_WORKING_DAYS)
    lines = {}
    total = DepartmentLine("", "")
    departments = Departments()
    for brain in api.portal.get_tool("portal_catalog")(
        portal_type="Assignment",
        on_control=True,
        deadline={"query": horizon, "range": "max"},
    ):
        executor = lead_department(brain, departments)
        if executor not in lines:
            lines[executor] = DepartmentLine(executor, titles(executor))
        for line in (lines[executor], total):
            if brain.deadline < today:
                line.overdue += 1
            else:
                line.this_week += 1
    ordered = sorted(
        lines.values(), key=lambda line: (-line.overdue, -line.this_week, line.title)
    )
    return ordered, total
