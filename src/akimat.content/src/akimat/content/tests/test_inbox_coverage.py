"""Every workflow state that waits for a person has an inbox provider that reports it."""

from akimat.content.core.inbox import providers
from akimat.content.testing import AKIMAT_CONTENT_INTEGRATION_TESTING
from plone import api

import unittest


ADMINISTRATORS = {"Manager", "Site Administrator"}

# States a person may leave but nobody has to: an optional action, not a wait.
NOBODY_WAITS = {
    ("akimat_report_workflow", "published"): "archiving a published report is optional",
    (
        "akimat_reception_schedule_workflow",
        "approved",
    ): "a schedule is revised only when it changes",
}


def roles_that_may_leave(workflow, state):
    """The roles that may take a user-triggered transition out of `state`: the guard's roles,
    or those the state grants the guard's permissions to."""
    roles = set()
    for transition_id in state.transitions:
        transition = workflow.transitions[transition_id]
        if transition.trigger_type != 1:  # TRIGGER_USER_ACTION
            continue
        guard = transition.getGuard()
        roles.update(guard.roles or ())
        for permission in guard.permissions or ():
            roles.update(state.permission_roles.get(permission, ()) or ())
    return roles - ADMINISTRATORS


class TestEveryWaitHasAProvider(unittest.TestCase):
    layer = AKIMAT_CONTENT_INTEGRATION_TESTING
    maxDiff = None

    def test_states_that_wait_for_a_person_are_reported(self):
        """A state whose exit a person (not only an administrator) takes is in some provider's
        `waits_in`, or declared a state nobody waits in: else that person would never learn
        that it is his turn."""
        reported = {pair for provider in providers() for pair in provider.waits_in}
        workflows = api.portal.get_tool("portal_workflow")
        unreported = []
        for workflow in workflows.objectValues():
            if not workflow.getId().startswith("akimat_"):
                continue
            for state in workflow.states.objectValues():
                pair = (workflow.getId(), state.getId())
                if roles_that_may_leave(workflow, state) and pair not in reported:
                    unreported.append(pair)
        self.assertEqual([pair for pair in unreported if pair not in NOBODY_WAITS], [])

    def test_reported_states_exist(self):
        """A provider does not claim a state that no workflow has (a renamed state)."""
        workflows = api.portal.get_tool("portal_workflow")
        for provider in providers():
            for workflow_id, state_id in provider.waits_in:
                with self.subTest(provider=provider, state=state_id):
                    self.assertIn(state_id, workflows[workflow_id].states.objectIds())
