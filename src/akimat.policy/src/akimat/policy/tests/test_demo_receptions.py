"""The demo schedule of personal receptions (README; RULES.md R14, R13.2, R13.10).

Made at the layer's set-up relative to that day, like the other demo content."""

from akimat.content.appeals import receptions
from akimat.content.tests.security import forget_local_roles
from akimat.policy.demo_receptions import add_demo_receptions
from akimat.policy.demo_receptions import SCHEDULE_ID
from akimat.policy.interfaces import IAkimatPolicyLayer
from akimat.policy.testing import AKIMAT_POLICY_INTEGRATION_TESTING
from akimat.policy.tests.front_page import front_page
from akimat.policy.tests.front_page import inbox_part
from plone import api
from zope.interface import alsoProvides

import unittest


class TestDemoReceptions(unittest.TestCase):
    layer = AKIMAT_POLICY_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.schedule = self.portal["appeals"][SCHEDULE_ID]

    def test_approved_by_the_akim(self):
        """R14.1: the demo schedule is the one the akim approved."""
        self.assertEqual(
            (self.schedule.review_state(), self.schedule.approved_by),
            ("approved", "seitzhanov"),
        )
        officials = {reception.official for reception in self.schedule.objectValues()}
        self.assertEqual(officials, {"seitzhanov", "abdrakhmanov", "omarova"})

    def test_held_reception_recorded_and_assigned(self):
        """R13.10, R14.4: at the held reception what each person said is recorded, and its
        assignment is controlled by the appeals department."""
        held = self.schedule["akim"]
        self.assertEqual(held.review_state(), "held")
        self.assertFalse(held.list_late())
        with api.env.adopt_user(username="kim"):
            people = receptions.signups(held)
        self.assertEqual(len(people), 2)
        self.assertTrue(all(appeal.oral_record for appeal in people))
        (assignment,) = [
            obj for obj in people[0].objectValues() if obj.portal_type == "Assignment"
        ]
        self.assertEqual(
            (assignment.source_kind, assignment.controller), ("reception", "appeals")
        )

    def test_coming_reception_open_with_its_list(self):
        """R14.2: next week's reception has its people signed up and its list due the working day before."""
        coming = self.schedule["deputy"]
        self.assertEqual(coming.review_state(), "planned")
        with api.env.adopt_user(username="kim"):
            self.assertEqual(len(receptions.signups(coming)), 2)
        self.assertIsNone(
            receptions.sign_up_problem(self.schedule["head-of-apparatus"])
        )

    def test_staff_see_the_schedule_not_the_people(self):
        """R13.2: a department head sees the approved schedule but nobody on its lists."""
        forget_local_roles(self.layer["request"])
        coming = self.schedule["deputy"]
        self.assertTrue(
            api.user.has_permission("View", username="yessenova", obj=coming)
        )
        with api.env.adopt_user(username="yessenova"):
            self.assertEqual(receptions.signups(coming), [])
        with api.env.adopt_user(username="abdrakhmanov"):
            self.assertEqual(len(receptions.signups(coming)), 2)

    def test_the_akim_finds_a_draft_schedule_on_his_front_page(self):
        """R14.1: a schedule waiting for the akim's approval is on his front page, nobody else's."""
        alsoProvides(self.layer["request"], IAkimatPolicyLayer)
        with api.env.adopt_user(username="kim"):
            api.content.transition(obj=self.schedule, transition="revise")
        for username, shown in (
            ("seitzhanov", True),
            ("kim", False),
            ("abdrakhmanov", False),
        ):
            inbox = inbox_part(front_page(self.layer, username))
            self.assertEqual(
                f'href="{self.schedule.absolute_url()}"' in inbox, shown, username
            )

    def test_again_adds_nothing(self):
        before = sorted(self.portal["appeals"].objectIds())
        add_demo_receptions(self.portal)
        self.assertEqual(sorted(self.portal["appeals"].objectIds()), before)
