"""The staff front page leads with «Ждёт моего действия» (issue 14); the leadership see execution
discipline by department; the blocks that are not actions follow."""

from akimat.content.control import inbox as control_inbox
from akimat.policy.testing import AKIMAT_POLICY_INTEGRATION_TESTING
from akimat.policy.tests.front_page import front_page
from akimat.policy.tests.front_page import inbox_part
from plone import api

import re
import unittest


# The blocks of the old front page that the inbox now shows: never twice.
OLD_BLOCKS = (
    "my-assignments",
    "awaiting-my-visa",
    "acts-for-acquaintance",
    "protocols-awaiting-my-visa",
    "protocols-awaiting-my-signature",
    "schedules-to-approve",
)


class TestFrontPage(unittest.TestCase):
    layer = AKIMAT_POLICY_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.overdue = self.portal["assignments"]["assignment-1"]  # economy's, overdue

    def test_the_inbox_leads_and_no_block_shows_what_it_shows(self):
        """R12.4b: the economy department's overdue assignment is on its head's front page, red,
        the overdue first, with a link to all of its kind; the old blocks are gone."""
        html = front_page(self.layer, "yessenova")
        self.assertLess(
            html.index('id="akimat-inbox"'), html.index('id="upcoming-meetings"')
        )
        self.assertLess(
            html.index('id="upcoming-meetings"'), html.index('id="new-reports"')
        )
        inbox = inbox_part(html)
        rows = re.findall(r'<li class="inbox-row[^>]*>', inbox)
        self.assertIn('data-urgency="overdue"', rows[0])  # the most urgent first
        (row,) = [row for row in rows if self.overdue.UID() in row]
        self.assertIn('data-light="red"', row)
        self.assertIn(f"@@inbox?kind={control_inbox.EXECUTE}", inbox)
        for block in OLD_BLOCKS:
            self.assertNotIn(f'id="{block}"', html)

    def test_empty_groups_do_not_show(self):
        """A kind with nothing in it has no block; with nothing at all, one line says so."""
        inbox = inbox_part(front_page(self.layer, "yessenova"))
        self.assertNotIn(f'id="inbox-{control_inbox.DECIDE_EXTENSION}"', inbox)
        self.assertNotIn('id="inbox-empty"', inbox)
        api.user.create(username="newcomer", email="newcomer@example.org")
        inbox = inbox_part(front_page(self.layer, "newcomer"))
        self.assertNotIn("inbox-group", inbox)
        self.assertIn('id="inbox-empty"', inbox)

    def test_the_leadership_see_execution_discipline_by_department(self):
        """R12.4a: the akim and the head of apparatus see, per department, what is overdue and
        what is due within the week, linked to the control list of that department."""
        for username in ("seitzhanov", "omarova"):
            html = front_page(self.layer, username)
            self.assertIn('id="execution-discipline"', html, username)
            self.assertIn(
                "@@control-list?executor=economy&amp;state=overdue", html, username
            )
            self.assertIn("preset=weekly", html, username)
        for username in ("abdrakhmanov", "yessenova", "tulegenova"):
            self.assertNotIn(
                'id="execution-discipline"', front_page(self.layer, username), username
            )

    def test_the_navigation_bar_counts_what_waits(self):
        html = front_page(self.layer, "yessenova")
        count = re.search(r'id="akimat-inbox-count">(\d+)<', html).group(1)
        groups = re.findall(r'inbox-count">(\d+)<', inbox_part(html))
        self.assertGreater(int(count), 0)
        self.assertEqual(int(count), sum(map(int, groups)))
