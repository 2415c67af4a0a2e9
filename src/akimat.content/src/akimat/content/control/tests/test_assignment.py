"""Assignments on control: computed control data, local roles, extensions, removal (RULES.md R12)."""

from akimat.content.control.rules import ControlError
from akimat.content.testing import AKIMAT_CONTENT_INTEGRATION_TESTING
from datetime import date
from freezegun import freeze_time
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from Products.CMFCore.WorkflowCore import WorkflowException

import unittest


class AssignmentTestCase(unittest.TestCase):
    layer = AKIMAT_CONTENT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        for userid in (
            "executor",
            "helper",
            "controller",
            "akim",
            "deputy",
            "stranger",
        ):
            api.user.create(
                username=userid, email=f"{userid}@example.org", password="secret-123"
            )
        self.portal.manage_setLocalRoles("akim", ["Leadership"])
        self.portal.manage_setLocalRoles("deputy", ["Deputy Akim"])

    def assignment(self, **fields):
        values = {
            "title": "Обеспечить подготовку отопительного сезона",
            "source_kind": "akimat-session",
            "lead_executor": "executor",
            "co_executors": ["helper"],
            "controller": "controller",
            "date_given": date(2026, 11, 2),
            "deadline": date(2026, 12, 18),
        }
        values.update(fields)
        return api.content.create(container=self.portal, type="Assignment", **values)


class TestComputedControl(AssignmentTestCase):
    def test_default_term_and_category(self):
        """R12.2b/R12.2a: no deadline → one month, moved off the weekend; short-term control."""
        assignment = self.assignment(date_given=date(2026, 11, 26), deadline=None)
        self.assertEqual(assignment.effective_deadline(), date(2026, 12, 28))
        self.assertEqual(assignment.control_category(), "short-term")

    def test_deadline_on_a_holiday_moves(self):
        """R0.2: a deadline on Independence Day counts from the next working day."""
        self.assertEqual(
            self.assignment(deadline=date(2026, 12, 16)).effective_deadline(),
            date(2026, 12, 17),
        )

    @freeze_time("2026-12-14 06:00:00")
    def test_traffic_light_and_catalog(self):
        """R12.4c: three working days left is yellow; the catalog holds what listings show."""
        assignment = self.assignment()
        self.assertEqual(assignment.traffic_light(), "yellow")
        self.assertEqual(assignment.working_days_left(), 3)
        brain = api.content.find(UID=assignment.UID())[0]
        self.assertEqual(brain.deadline, date(2026, 12, 18))
        self.assertEqual(brain.control_category, "medium-term")
        self.assertEqual(brain.executors, ["executor", "helper"])
        self.assertTrue(brain.on_control)
        self.assertEqual(len(api.content.find(executors="helper", on_control=True)), 1)

    def test_noted_only_is_not_on_control(self):
        """R12.10: an assignment «принято к сведению» is not put on control."""
        assignment = self.assignment(noted_only=True)
        self.assertFalse(assignment.on_control())
        self.assertEqual(assignment.traffic_light(), "grey")
        self.assertEqual(len(api.content.find(on_control=True)), 0)


class TestLocalRoles(AssignmentTestCase):
    def test_executors_and_controller_get_local_roles(self):
        """R9.16: the lead and co-executors are executors; the controller controls."""
        assignment = self.assignment()
        self.assertIn(
            "Executor", api.user.get_roles(username="executor", obj=assignment)
        )
        self.assertIn("Executor", api.user.get_roles(username="helper", obj=assignment))
        self.assertIn(
            "Controller", api.user.get_roles(username="controller", obj=assignment)
        )
        self.assertNotIn(
            "Executor", api.user.get_roles(username="stranger", obj=assignment)
        )

    def test_only_executors_and_controller_see_it(self):
        assignment = self.assignment()
        for userid, sees in (
            ("executor", True),
            ("controller", True),
            ("stranger", False),
        ):
            with self.subTest(user=userid), api.env.adopt_user(username=userid):
                self.assertEqual(api.user.has_permission("View", obj=assignment), sees)
                self.assertEqual(
                    len(api.content.find(portal_type="Assignment")), int(sees)
                )


class TestExtensions(AssignmentTestCase):
    def test_request_and_grant_keeps_history(self):
        """R12.6/R12.7a: requested with reasons; granted, the old and new deadline are kept."""
        assignment = self.assignment()
        assignment.request_extension(
            "executor",
            date(2027, 1, 15),
            "Поставка оборудования",
            today=date(2026, 12, 1),
        )
        assignment.decide_extension("akim", grant=True, today=date(2026, 12, 2))
        extension = assignment.extensions[0]
        self.assertEqual(
            (extension["old_deadline"], extension["new_deadline"]),
            (date(2026, 12, 18), date(2027, 1, 15)),
        )
        self.assertEqual(assignment.effective_deadline(), date(2027, 1, 15))
        self.assertFalse(extension["disciplinary_review"])

    def test_request_later_than_three_working_days_before_is_refused(self):
        """R12.6: a request with less than 3 working days left is refused."""
        assignment = self.assignment()
        with self.assertRaises(ControlError):
            assignment.request_extension(
                "executor", date(2027, 1, 15), "Поздно", today=date(2026, 12, 15)
            )

    def test_presidential_administration_assignments_are_never_extended(self):
        """R12.7b: assignments of the Presidential Administration and the Government Office."""
        for source in ("presidential-administration", "government"):
            with self.subTest(source=source), self.assertRaises(ControlError):
                self.assignment(source_kind=source).request_extension(
                    "executor", date(2027, 1, 15), "Причина", today=date(2026, 12, 1)
                )

    def test_second_extension_only_as_exceptional_and_flagged(self):
        """R12.8: a second extension needs the exceptional flag and raises disciplinary review."""
        assignment = self.assignment()
        assignment.request_extension(
            "executor", date(2027, 1, 15), "Первая", today=date(2026, 12, 1)
        )
        assignment.decide_extension("akim", grant=True)
        assignment.request_extension(
            "executor", date(2027, 2, 15), "Вторая", today=date(2027, 1, 5)
        )
        with self.assertRaises(ControlError):
            assignment.decide_extension("akim", grant=True)
        assignment.decide_extension("akim", grant=True, exceptional=True)
        self.assertTrue(assignment.extensions[1]["disciplinary_review"])
        self.assertTrue(assignment.extensions[1]["exceptional"])

    def test_more_than_two_requests_are_flagged(self):
        """R12.8: a third request always raises the question of disciplinary responsibility."""
        assignment = self.assignment()
        for month in (1, 2):
            assignment.request_extension(
                "executor", date(2027, month, 15), "Причина", today=date(2026, 12, 1)
            )
            assignment.decide_extension("akim", grant=False, reason="Нет оснований")
        assignment.request_extension(
            "executor", date(2027, 3, 15), "Третья", today=date(2026, 12, 1)
        )
        self.assertTrue(assignment.extensions[2]["disciplinary_review"])


class TestRemoval(AssignmentTestCase):
    def remove(self, assignment, basis, userid):
        assignment.removal_basis = basis
        with api.env.adopt_user(username=userid):
            api.portal.get_tool("portal_workflow").doActionFor(assignment, "remove")

    def test_removal_needs_a_basis(self):
        """R12.9: no removal without a basis."""
        assignment = self.assignment()
        assignment.consent_to_removal("akim")
        with self.assertRaises(WorkflowException):
            self.remove(assignment, None, "controller")

    def test_executed_needs_a_report(self):
        """R9.23: an assignment is not removed as executed without an execution report."""
        assignment = self.assignment()
        assignment.consent_to_removal("akim")
        with self.assertRaises(WorkflowException):
            self.remove(assignment, "executed", "controller")
        api.content.create(
            container=assignment, type="ExecutionReport", title="Сделано"
        )
        self.remove(assignment, "executed", "controller")
        self.assertEqual(api.content.get_state(assignment), "removed")
        self.assertEqual(len(api.content.find(on_control=True)), 0)
        self.assertEqual(
            api.content.find(UID=assignment.UID())[0].removed_on,
            assignment.removed_on(),
        )
        self.assertIsNotNone(assignment.removed_on())

    def test_controller_needs_consent_of_the_leadership(self):
        """R12.14: the controller removes with the consent of the akim or head of apparatus."""
        assignment = self.assignment()
        with self.assertRaises(WorkflowException):
            self.remove(assignment, "impossible", "controller")
        assignment.consent_to_removal("akim")
        self.remove(assignment, "impossible", "controller")
        self.assertEqual(api.content.get_state(assignment), "removed")

    def test_deputy_removes_his_own_assignments(self):
        """R12.14: assignments of a deputy akim are removed as that deputy decides."""
        assignment = self.assignment(controller="deputy")
        self.remove(assignment, "impossible", "deputy")
        self.assertEqual(api.content.get_state(assignment), "removed")

    def test_stranger_cannot_remove(self):
        assignment = self.assignment()
        assignment.consent_to_removal("akim")
        with self.assertRaises(WorkflowException):
            self.remove(assignment, "impossible", "stranger")


class TestPermissions(AssignmentTestCase):
    """Who may and who may not report, request, decide, consent and remove (R12.7a, R12.14)."""

    MATRIX = {
        "akimat.content: Add ExecutionReport": {"executor", "helper"},
        "akimat.content: Request extension": {"executor", "helper"},
        "akimat.content: Decide extension": {"akim"},
        "akimat.content: Consent to removal": {"akim"},
        "akimat.content: Remove from control": {"controller", "akim"},
        "Modify portal content": set(),
    }
    USERS = ("executor", "helper", "controller", "akim", "deputy", "stranger")

    def test_permission_matrix_on_control(self):
        """R12.7a/R12.14: only the leadership decides and consents; the controller removes."""
        assignment = self.assignment()
        for permission, allowed in self.MATRIX.items():
            for userid in self.USERS:
                with (
                    self.subTest(permission=permission, user=userid),
                    api.env.adopt_user(username=userid),
                ):
                    self.assertEqual(
                        api.user.has_permission(permission, obj=assignment),
                        userid in allowed,
                    )

    def test_nothing_is_done_after_removal(self):
        """R12.9: an assignment removed from control takes no more reports, requests or edits."""
        assignment = self.assignment()
        assignment.consent_to_removal("akim")
        assignment.remove_from_control("impossible")
        for userid in self.USERS:
            with self.subTest(user=userid), api.env.adopt_user(username=userid):
                for permission in self.MATRIX:
                    self.assertFalse(
                        api.user.has_permission(permission, obj=assignment)
                    )
