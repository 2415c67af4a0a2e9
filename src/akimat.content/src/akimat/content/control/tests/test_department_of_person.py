"""An assignment to a person counts under his department (R9.16/R12.5 name who executes: a
department or a person of it): the department's list, the control list's filter, the quarterly
report and the dashboard."""

from akimat.content.control import lists as control_lists
from akimat.content.control import reports as control_reports
from akimat.content.control.overview import discipline
from akimat.content.control.tests.test_assignment import AssignmentTestCase
from akimat.content.core.calendar import get_calendar
from akimat.content.core.principals import executor_departments
from akimat.content.interfaces import IAkimatContentLayer
from datetime import date
from freezegun import freeze_time
from plone import api
from zope.interface import alsoProvides


TODAY = date(2026, 12, 14)


class TestDepartmentOfPerson(AssignmentTestCase):
    def setUp(self):
        super().setUp()
        alsoProvides(self.layer["request"], IAkimatContentLayer)
        api.group.create(groupname="economy", title="Отдел экономики")
        api.group.create(
            groupname="economy-heads", title="Отдел экономики: руководство"
        )
        api.group.add_user(groupname="economy", username="executor")
        api.group.add_user(groupname="economy", username="stranger")
        api.group.add_user(groupname="economy-heads", username="stranger")
        self.to_department = self.assignment(
            title="Отделу", lead_executor="economy", co_executors=[]
        )
        self.to_person = self.assignment(
            title="Экономисту", lead_executor="executor", co_executors=[]
        )
        self.to_others = self.assignment(
            title="Другим", lead_executor="helper", co_executors=[]
        )

    def titles(self, brains):
        return sorted(brain.Title for brain in brains)

    def test_departments_of_executors(self):
        """R9.16: a department, its heads and its people all stand for the department; a person
        outside every department stands for himself."""
        self.assertEqual(
            executor_departments(["executor", "economy-heads", "economy", "helper"]),
            ["economy", "helper"],
        )

    def test_department_list_holds_assignments_to_its_people(self):
        """R12.4b: the head of a department sees what is given to the department and to its
        people."""
        with api.env.adopt_user(username="stranger"):
            html = self.portal.restrictedTraverse("@@department-assignments")()
        self.assertIn("Отделу", html)
        self.assertIn("Экономисту", html)
        self.assertNotIn("Другим", html)

    def test_joining_and_leaving_a_department_moves_the_assignments(self):
        """R12.4b: a person who leaves the department takes his assignments with him."""
        api.group.remove_user(groupname="economy", username="executor")
        self.assertEqual(
            self.titles(api.content.find(executor_departments="economy")), ["Отделу"]
        )
        api.group.add_user(groupname="economy", username="helper")
        self.assertEqual(
            self.titles(api.content.find(executor_departments="economy")),
            ["Другим", "Отделу"],
        )

    def test_control_list_filter_by_department_includes_its_people(self):
        """R12.4a: filtering the control list by a department lists its people's assignments;
        by a person, his own only."""
        calendar = get_calendar()
        by_department = control_lists.find(
            control_lists.Filters(executor="economy"), TODAY, calendar
        )
        self.assertEqual(self.titles(by_department), ["Отделу", "Экономисту"])
        by_person = control_lists.find(
            control_lists.Filters(executor="executor"), TODAY, calendar
        )
        self.assertEqual(self.titles(by_person), ["Экономисту"])

    @freeze_time("2026-12-20 06:00:00")
    def test_quarterly_report_and_dashboard_count_a_person_under_his_department(self):
        """R12.16/R12.4b: no line of a person where a department is meant."""
        brains = control_reports.due_between(date(2026, 10, 1), date(2026, 12, 31))
        report = control_reports.execution_report(brains, date(2026, 12, 20))
        self.assertEqual(
            {line.executor: line.due for line in report.lines},
            {"economy": 2, "helper": 1},
        )
        _overall, lines = control_reports.traffic_light_counts(
            control_reports.on_control(), date(2026, 12, 20), get_calendar()
        )
        self.assertEqual(
            {title: sum(counts.values()) for title, counts in lines},
            {"Отдел экономики": 2, "helper": 1},
        )
        overdue, _total = discipline(date(2026, 12, 20), get_calendar())
        self.assertEqual(
            {line.executor: line.overdue for line in overdue},
            {"economy": 2, "helper": 1},
        )
