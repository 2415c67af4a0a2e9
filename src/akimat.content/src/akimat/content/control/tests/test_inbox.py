"""What control asks of each person in «Ждёт моего действия» (control/inbox.py, core/inbox.py)."""

from akimat.content.control import inbox as control_inbox
from akimat.content.control.tests.test_assignment import AssignmentTestCase
from akimat.content.core.inbox import inbox
from akimat.content.tests.inbox import actions_of as actions_about
from datetime import date
from freezegun import freeze_time
from plone import api


TODAY = date(2026, 12, 14)  # a Monday; 18 December is 3 working days ahead


def kinds_of(userid, uid):
    """The kinds of action the user has about one document today."""
    return {kind for kind, _action in actions_about(userid, uid, TODAY)}


@freeze_time("2026-12-14 06:00:00")
class TestControlInbox(AssignmentTestCase):
    def test_executors_execute_strangers_see_nothing(self):
        """R12.4b: each executor has the assignment in his inbox with its light; nobody else."""
        uid = self.assignment().UID()
        self.assertEqual(kinds_of("executor", uid), {control_inbox.EXECUTE})
        self.assertEqual(kinds_of("helper", uid), {control_inbox.EXECUTE})
        self.assertEqual(kinds_of("stranger", uid), set())
        entry = inbox(api.user.get(userid="executor"), today=TODAY).entries[0]
        self.assertEqual(
            (entry.urgency, entry.light, entry.days_left), ("soon", "yellow", 3)
        )

    def test_department_head_answers_for_his_people(self):
        """R9.16: an assignment to the department reaches its members, its head among them."""
        api.group.create(groupname="economy")
        api.group.add_user(groupname="economy", username="deputy")
        uid = self.assignment(co_executors=["economy"]).UID()
        self.assertEqual(kinds_of("deputy", uid), {control_inbox.EXECUTE})
        self.assertEqual(kinds_of("stranger", uid), set())

    def test_controller_watches_only_what_is_due_soon(self):
        """R12.4c: the controller is reminded from 3 working days before the deadline."""
        soon = self.assignment().UID()
        later = self.assignment(deadline=date(2027, 2, 26)).UID()
        self.assertEqual(kinds_of("controller", soon), {control_inbox.WATCH})
        self.assertEqual(kinds_of("controller", later), set())

    def test_extension_requests_wait_for_the_leadership_only(self):
        """R12.7a: a request for extension waits for the akim or the head of apparatus."""
        assignment = self.assignment()
        assignment.request_extension("executor", date(2027, 1, 15), "Поставка", TODAY)
        assignment.reindexObject()
        uid = assignment.UID()
        self.assertIn(control_inbox.DECIDE_EXTENSION, kinds_of("akim", uid))
        for userid in ("executor", "controller", "deputy", "stranger"):
            self.assertNotIn(control_inbox.DECIDE_EXTENSION, kinds_of(userid, uid))
        assignment.decide_extension("akim", True, today=TODAY)
        assignment.reindexObject()
        self.assertNotIn(control_inbox.DECIDE_EXTENSION, kinds_of("akim", uid))

    def test_removal_goes_from_report_to_consent_to_the_controller(self):
        """R12.14, R9.23: once reported, the leadership consents, then the controller removes."""
        assignment = self.assignment()
        uid = assignment.UID()
        api.content.create(
            container=assignment, type="ExecutionReport", title="Сделано"
        )
        self.assertEqual(kinds_of("executor", uid), set())
        self.assertEqual(kinds_of("akim", uid), {control_inbox.CONSENT})
        self.assertEqual(kinds_of("controller", uid), set())
        assignment.consent_to_removal("akim")
        assignment.reindexObject()
        self.assertEqual(kinds_of("akim", uid), set())
        self.assertEqual(kinds_of("controller", uid), {control_inbox.REMOVE})

    def test_a_deputy_removes_his_own_without_consent(self):
        """R12.14: assignments a deputy akim controls are removed as he decides."""
        assignment = self.assignment(controller="deputy")
        api.content.create(
            container=assignment, type="ExecutionReport", title="Сделано"
        )
        self.assertEqual(kinds_of("deputy", assignment.UID()), {control_inbox.REMOVE})

    def test_a_removed_assignment_leaves_every_inbox(self):
        """R12.9, R12.14: once removed from control, nobody executes or watches it any more."""
        assignment = self.assignment(deadline=date(2026, 12, 10))
        assignment.consent_to_removal("akim")
        assignment.removal_basis = "impossible"
        with api.env.adopt_user(username="controller"):
            api.portal.get_tool("portal_workflow").doActionFor(assignment, "remove")
        for userid in ("executor", "helper", "controller", "akim"):
            self.assertEqual(kinds_of(userid, assignment.UID()), set())

    def test_an_inbox_about_some_documents_only(self):
        """The urgent mails ask about the changed documents only: the others are not queried."""
        asked = self.assignment()
        self.assignment(title="Другое поручение")
        user = api.user.get(userid="executor")
        entries = inbox(user, today=TODAY, uids=[asked.UID()]).entries
        self.assertEqual([entry.action.uid for entry in entries], [asked.UID()])
        self.assertEqual(len(inbox(user, today=TODAY).entries), 2)
