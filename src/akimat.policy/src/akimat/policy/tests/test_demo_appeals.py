"""The demo appeals (README): every kind and state, registered as R13.6 says, private (R13.2).

The demo is made at the layer's set-up relative to that day, so these tests read the calendar's
today as the demo did rather than freezing time.
"""

from akimat.content.appeals.life_cycle import NUMBERING_KIND
from akimat.content.appeals.vocabularies import APPEAL_KINDS
from akimat.content.core import identification
from akimat.content.core import numbering
from akimat.content.core.calendar import get_calendar
from akimat.content.core.calendar import now
from akimat.content.core.calendar import REGISTRATION_CUTOFF
from akimat.content.tests.security import forget_local_roles
from akimat.policy.demo_appeals import add_demo_appeals
from akimat.policy.demo_appeals import APPEALS
from akimat.policy.interfaces import IAkimatPolicyLayer
from akimat.policy.testing import AKIMAT_POLICY_INTEGRATION_TESTING
from plone import api
from zope.interface import alsoProvides

import transaction
import unittest


# Staff outside the appeals department: the akim, the ОДК, the economy department's head and officer.
OUTSIDERS = ("seitzhanov", "tulegenova", "yessenova", "tursynbayev")
DEPARTMENT = ("kim", "satybaldieva")


class DemoAppealsTestCase(unittest.TestCase):
    layer = AKIMAT_POLICY_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        # The people signed up for the demo receptions are appeals too (test_demo_receptions).
        self.all_appeals = [
            obj
            for obj in self.portal["appeals"].objectValues()
            if obj.portal_type == "Appeal"
        ]
        self.appeals = [self.portal["appeals"][demo.id] for demo in APPEALS]


class TestDemoAppeals(DemoAppealsTestCase):
    def in_state(self, state):
        return [appeal for appeal in self.appeals if appeal.review_state() == state]

    def test_every_kind_and_every_state(self):
        """R13.5: the demo has an appeal of every kind and one in every state of the workflow."""
        self.assertEqual(
            {appeal.kind for appeal in self.appeals},
            {term.value for term in APPEAL_KINDS},
        )
        workflow = api.portal.get_tool("portal_workflow")["akimat_appeal_workflow"]
        self.assertEqual(
            {appeal.review_state() for appeal in self.appeals},
            set(workflow.states.objectIds()),
        )

    def test_applicants_identified_and_addressed(self):
        """R13.5, R13.8: applicants' IINs and the organisation's BIN are valid; one appeal is
        collective; each is addressed to the akim, a deputy or the head of apparatus."""
        numbers = [
            appeal.applicant_id for appeal in self.appeals if appeal.applicant_id
        ]
        self.assertTrue(all(identification.is_valid(number) for number in numbers))
        kinds = {
            appeal.applicant_organisation: identification.kind(appeal.applicant_id)
            for appeal in self.appeals
            if appeal.applicant_id
        }
        self.assertEqual(kinds, {True: "bin", False: "iin"})
        self.assertTrue(
            any(appeal.collective and appeal.signatories > 1 for appeal in self.appeals)
        )
        officials = {
            user.getId()
            for group in ("akim", "deputy-akims", "head-of-apparatus")
            for user in api.user.get_users(groupname=group)
        }
        self.assertEqual({appeal.addressee for appeal in self.appeals}, officials)

    def test_numbers_sequential_in_the_order_of_registration(self):
        """R13.6: the registered appeals are numbered 1, 2 … within each year, in the order of
        their registration days; the one not registered yet has no number."""
        registered = [
            appeal for appeal in self.appeals if appeal.registration_number is not None
        ]
        self.assertEqual(len(registered), len(self.appeals) - 1)
        self.assertEqual(
            [appeal.registration_number for appeal in self.in_state("received")], [None]
        )
        years = {}
        for appeal in sorted(registered, key=lambda appeal: appeal.registration_number):
            years.setdefault(appeal.registration_date.year, []).append(appeal)
        for year, appeals in years.items():
            self.assertEqual(
                [appeal.registration_number for appeal in appeals],
                list(range(1, len(appeals) + 1)),
            )
            days = [appeal.registration_date for appeal in appeals]
            self.assertEqual(days, sorted(days), year)
        # The people signed up for the demo receptions were registered after them.
        for year in years:
            of_year = [
                a
                for a in self.all_appeals
                if a.registration_date and a.registration_date.year == year
            ]
            self.assertEqual(
                numbering.current_number(NUMBERING_KIND, year), len(of_year)
            )

    def test_after_hours_registered_the_next_working_day(self):
        """R13.6: each appeal is registered on the day of receipt; the one received after hours
        the next working day."""
        calendar = get_calendar()
        # The demo's appeal of «a moment ago» is after hours too when the demo is made in the evening.
        earlier = [
            self.portal["appeals"][demo.id]
            for demo in APPEALS
            if demo.working_days_ago is not None
        ]
        after_hours = [
            appeal
            for appeal in earlier
            if appeal.received_at.time() > REGISTRATION_CUTOFF
        ]
        self.assertEqual(len(after_hours), 1)
        received = after_hours[0].received_at.date()
        self.assertTrue(calendar.is_working_day(received))
        self.assertEqual(
            after_hours[0].registration_date, calendar.next_working_day(received)
        )
        for appeal in self.appeals:
            if appeal.registration_date is not None:
                self.assertEqual(
                    appeal.registration_date,
                    calendar.registration_date(appeal.received_at),
                )
                self.assertLessEqual(
                    appeal.registration_date, now().date(), appeal.getId()
                )

    def test_lawful_paths_kept(self):
        """R13.7, R13.9, R13.11, R0.5: the correction asked names the requirements and a term to
        come; the returned appeal's term has passed; the forwarded one is a complaint; those passed
        on name the body; the answered ones have their answer."""
        today = now().date()
        for appeal in self.in_state("correction_requested") + self.in_state("returned"):
            self.assertTrue(appeal.missing_requirements)
        self.assertTrue(
            all(
                a.correction_term > today for a in self.in_state("correction_requested")
            )
        )
        self.assertTrue(
            all(a.correction_term < today for a in self.in_state("returned"))
        )
        self.assertTrue(all(a.kind == "complaint" for a in self.in_state("forwarded")))
        for appeal in self.in_state("forwarded") + self.in_state("redirected"):
            self.assertTrue(appeal.passed_to and appeal.passed_on)
        for appeal in self.in_state("answered") + self.in_state("closed"):
            self.assertTrue(appeal.answer and appeal.answered_at)

    def test_an_answer_is_stored(self):
        """R0.5: the moment an appeal is answered, which decides its dispatch day, is stored: the
        ZODB pickles it at the commit, as a savepoint does."""
        appeal = self.in_state("in_review")[0]
        appeal.answer = "Ответ заявителю направлен."
        with api.env.adopt_user(username="kim"):
            api.portal.get_tool("portal_workflow").doActionFor(appeal, "answer")
        transaction.savepoint()
        self.assertEqual(
            appeal.dispatch_date(), get_calendar().dispatch_date(appeal.answered_at)
        )

    def test_again_adds_nothing(self):
        """The demo is made once (README): running it again leaves the appeals as they are."""
        before = sorted(self.portal["appeals"].objectIds())
        add_demo_appeals(self.portal)
        self.assertEqual(sorted(self.portal["appeals"].objectIds()), before)


class TestDemoAppealsPrivacy(DemoAppealsTestCase):
    def found_by(self, username):
        with api.env.adopt_user(username=username):
            return {brain.getId for brain in api.content.find(portal_type="Appeal")}

    def test_outsiders_find_only_what_is_addressed_to_them(self):
        """R13.2 / R13.3: the akim finds only the appeals addressed to him; the ОДК and the
        economy department none; the appeals department all."""
        addressed = {
            appeal.getId()
            for appeal in self.all_appeals
            if appeal.addressee == "seitzhanov"
        }
        self.assertTrue(addressed)
        self.assertEqual(self.found_by("seitzhanov"), addressed)
        for username in OUTSIDERS[1:]:
            self.assertEqual(self.found_by(username), set(), username)
        for username in DEPARTMENT:
            self.assertEqual(
                self.found_by(username),
                {appeal.getId() for appeal in self.all_appeals},
                username,
            )

    def test_outsiders_may_not_view_the_others(self):
        """R13.2 / R13.3: nobody outside the department may view an appeal not addressed to him."""
        forget_local_roles(self.layer["request"])
        for username in OUTSIDERS:
            for appeal in self.all_appeals:
                may_view = api.user.has_permission(
                    "View", username=username, obj=appeal
                )
                self.assertEqual(
                    may_view, appeal.addressee == username, (username, appeal.getId())
                )

    def test_front_page_names_no_applicant(self):
        """R13.2 / R13.3: the front page of staff outside the department names no applicant."""
        alsoProvides(self.layer["request"], IAkimatPolicyLayer)
        for username in OUTSIDERS:
            with api.env.adopt_user(username=username):
                html = self.portal.restrictedTraverse("@@akimat-home")()
            for appeal in self.all_appeals:
                self.assertNotIn(appeal.applicant_name, html, username)
