"""Review of an appeal through assignments controlled by the appeals department (RULES.md R13.2, R13.8, R12)."""

from akimat.content.appeals import review as appeal_review
from akimat.content.appeals.tests.test_appeals import AppealTestCase
from akimat.content.appeals.tests.test_appeals import GROUPS
from akimat.content.control import lists as control_lists
from akimat.content.core import calendar as working_calendar
from datetime import date
from freezegun import freeze_time
from plone import api


USERS = sorted({userid for users in GROUPS.values() for userid in users})


@freeze_time("2026-12-09 10:00:00+05:00")
class TestAssign(AppealTestCase):
    def in_review(self, **fields):
        appeal = self.appeal(**fields)
        self.do(appeal, "register")
        self.do(appeal, "review")
        return appeal

    def assign(self, appeal, executors, deadline=None):
        with api.env.adopt_user(username="appeals-officer"):
            return appeal_review.assign(appeal, executors, deadline)

    def readers(self, appeal):
        return {userid for userid in USERS if self.sees(userid, appeal)}

    def control_list(self, userid):
        calendar = working_calendar.get_calendar()
        with api.env.adopt_user(username=userid):
            return control_lists.find(
                control_lists.Filters(), date(2026, 12, 9), calendar
            )

    def test_the_assignment(self):
        """R13.8, R9.16: the appeal's subject, the first executor leads, the review term of the appeal."""
        appeal = self.in_review()
        assignment = self.assign(appeal, ["economist", "economy-head"])
        self.assertEqual(assignment.__parent__, appeal)
        self.assertEqual(assignment.title, appeal.title)
        self.assertEqual(
            (assignment.lead_executor, assignment.co_executors),
            ("economist", ["economy-head"]),
        )
        self.assertEqual(assignment.controller, "appeals")
        self.assertEqual(assignment.source_kind, "appeal")
        self.assertEqual(
            assignment.source_reference, f"№ {appeal.registration_number}, 08.12.2026"
        )
        self.assertEqual(assignment.effective_deadline(), date(2026, 12, 30))

    def test_only_a_registered_appeal_is_assigned(self):
        """R13.6, R13.8: the rule itself, whoever calls it: an appeal not yet registered is not
        assigned, and nothing is created."""
        appeal = self.appeal()
        with self.assertRaises(appeal_review.AssignmentRefused):
            self.assign(appeal, ["economist"])
        self.assertEqual(appeal.objectIds(), [])
        self.do(appeal, "register")
        self.assertEqual(self.assign(appeal, ["economist"]).lead_executor, "economist")

    def test_deadline_never_after_the_review_term(self):
        """R13, R12: an earlier deadline is kept; a later one is cut to the appeal's review term."""
        appeal = self.in_review()
        self.assertEqual(
            self.assign(appeal, ["economist"], date(2026, 12, 18)).deadline,
            date(2026, 12, 18),
        )
        self.assertEqual(
            self.assign(appeal, ["economist"], date(2027, 1, 29)).deadline,
            date(2026, 12, 30),
        )

    def test_executors_and_nobody_else_see_it(self):
        """R13.2: the executors then read the appeal and find it in search; nobody else new does."""
        appeal = self.in_review(id="a1", addressee="deputy")
        before = self.readers(appeal)
        self.assertEqual(before, {"appeals-officer", "deputy"})
        self.assign(appeal, ["economist"])
        self.assertEqual(self.readers(appeal), before | {"economist"})
        searchers = {userid for userid in USERS if self.found_by(userid)}
        self.assertEqual(searchers, before | {"economist"})

    def test_on_the_control_list_of_the_appeals_department(self):
        """R13.8, R12.4a: the assignment is on control with the appeals department as controller;
        the ОДК's control list does not show it (R13.2)."""
        appeal = self.in_review()
        assignment = self.assign(appeal, ["economist"])
        found = self.control_list("appeals-officer")
        self.assertEqual([brain.UID for brain in found], [assignment.UID()])
        self.assertEqual(
            (found[0].controller, found[0].source_kind), ("appeals", "appeal")
        )
        self.assertEqual(
            [brain.UID for brain in self.control_list("economist")], [assignment.UID()]
        )
        for outsider in ("odk-officer", "the-akim", "economy-head"):
            self.assertEqual(self.control_list(outsider), [], outsider)
