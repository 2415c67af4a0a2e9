"""The pages of control: an assignment, its forms, my and my department's assignments (R12.4b)."""

from akimat.content.control.tests.test_assignment import AssignmentTestCase
from akimat.content.interfaces import IAkimatContentLayer
from datetime import date
from freezegun import freeze_time
from plone import api
from zope.interface import alsoProvides


class TestAssignmentViews(AssignmentTestCase):
    def setUp(self):
        super().setUp()
        self.request = self.layer["request"]
        alsoProvides(self.request, IAkimatContentLayer)

    def render(self, context, name, userid, **form):
        self.request.form.update(form)
        with api.env.adopt_user(username=userid):
            return context.restrictedTraverse(name)()

    @freeze_time("2026-12-14 06:00:00")
    def test_assignment_page_shows_light_deadlines_and_actions(self):
        """R12.4c/R12.13: yellow with three days left; both report dates; the executor's actions."""
        assignment = self.assignment()
        html = self.render(assignment, "@@view", "executor")
        self.assertIn('data-light="yellow"', html)
        self.assertIn("18.12.2026", html)
        self.assertIn("10.12.2026", html)  # lead reports 5 wd before
        self.assertIn("08.12.2026", html)  # co-executors 7 wd before
        self.assertIn("++add++ExecutionReport", html)
        self.assertNotIn("@@remove-from-control", html)
        self.assertIn(
            "@@remove-from-control", self.render(assignment, "@@view", "controller")
        )

    @freeze_time("2026-12-01 06:00:00")
    def test_assignment_page_with_a_pending_extension_renders_for_everyone_concerned(
        self,
    ):
        """R12.6/R12.7a: once an executor asks for more time, the executor, the controller and the
        akim who decides still open the assignment and see the request waiting."""
        assignment = self.assignment()
        assignment.request_extension(
            "executor", date(2027, 1, 15), "Подрядчик не поставил котлы"
        )
        for userid in ("executor", "controller", "akim"):
            with self.subTest(userid=userid):
                html = self.render(assignment, "@@view", userid)
                self.assertIn("Подрядчик не поставил котлы", html)
                self.assertIn("01.12.2026", html)  # requested on
                self.assertIn("15.01.2027", html)  # proposed deadline
        self.assertIn("@@decide-extension", self.render(assignment, "@@view", "akim"))

    @freeze_time("2026-12-01 06:00:00")
    def test_consent_to_removal_shown_with_its_day_and_time(self):
        """R12.14: the page says who consented to removal and when, as people write it."""
        assignment = self.assignment()
        assignment.consent_to_removal("akim")
        self.assertIn(
            "01.12.2026 11:00", self.render(assignment, "@@view", "controller")
        )

    @freeze_time("2026-12-14 06:00:00")
    def test_my_assignments_lists_executed_and_controlled_by_deadline(self):
        """R12.4b: an executor sees his assignments in a traffic light, nearest deadline first."""
        self.assignment(title="Позднее", deadline=date(2027, 2, 1))
        self.assignment(title="Раньше", deadline=date(2026, 12, 1))
        self.assignment(title="Чужое", lead_executor="stranger", co_executors=[])
        html = self.render(self.portal, "@@my-assignments", "helper")
        self.assertLess(html.index("Раньше"), html.index("Позднее"))
        self.assertNotIn("Чужое", html)
        self.assertIn('data-light="red"', html)
        self.assertIn('data-light="green"', html)
        self.assertIn(
            "Позднее", self.render(self.portal, "@@my-assignments", "controller")
        )

    def test_department_head_sees_his_department(self):
        """R12.4b: the head of a department sees the assignments given to the department."""
        api.group.create(groupname="economy", title="Отдел экономики")
        api.group.create(
            groupname="economy-heads", title="Отдел экономики: руководство"
        )
        api.group.add_user(groupname="economy-heads", username="stranger")
        api.group.add_user(groupname="economy", username="stranger")
        self.assignment(title="Экономике", lead_executor="economy", co_executors=[])
        self.assignment(title="Другим")
        html = self.render(self.portal, "@@department-assignments", "stranger")
        self.assertIn("Экономике", html)
        self.assertNotIn("Другим", html)

    def test_request_extension_form_refuses_with_a_clear_message(self):
        """R12.7b: the form says why an assignment of the Government Office is not extended."""
        assignment = self.assignment(source_kind="government")
        html = self.render(
            assignment,
            "@@request-extension",
            "executor",
            **{
                "form.widgets.new_deadline": "2027-01-15",
                "form.widgets.reason": "Причина",
                "form.buttons.request": "1",
            },
        )
        self.assertIn("не продлеваются", html)
        self.assertEqual(assignment.extensions, [])

    def test_remove_form_refusal_keeps_the_assignment_on_control(self):
        """R12.14: without consent the controller's removal is refused and nothing changes."""
        assignment = self.assignment()
        html = self.render(
            assignment,
            "@@remove-from-control",
            "controller",
            **{"form.widgets.basis": ["impossible"], "form.buttons.remove": "1"},
        )
        self.assertIn("согласие", html)
        self.assertEqual(api.content.get_state(assignment), "on_control")
        self.assertIsNone(assignment.removal_basis)
