"""Urgent items mailed at once to the person whose «Ждёт моего действия» they enter (issue 14;
RULES.md R12.2a urgency marks, R12.4c): once, at the change that makes them urgent, never to
somebody who turned these mails off or may not see the document, never at the cost of the
user's transaction. Real commits: the mail is decided before the commit and leaves after it."""

from akimat.content.reminders import urgent
from akimat.content.reminders.tests.mailbox import MailboxMixin
from akimat.content.testing import AKIMAT_CONTENT_FUNCTIONAL_TESTING
from akimat.content.tests.rest import freeze_now
from datetime import date
from datetime import datetime
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from Products.MailHost.MailHost import MailHost
from zope.annotation.interfaces import IAnnotations

import socket
import transaction
import unittest


MONDAY = datetime(2026, 12, 14, 11, 0)  # our clock only (see freeze_now)
TODAY = MONDAY.date()
LATER = date(2027, 2, 26)


class UrgentMailTestCase(MailboxMixin, unittest.TestCase):
    layer = AKIMAT_CONTENT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        freeze_now(self, MONDAY)
        memberdata = api.portal.get_tool("portal_memberdata")
        if not memberdata.hasProperty(
            urgent.OPT_OUT
        ):  # akimat.policy's user schema adds it
            memberdata._setProperty(urgent.OPT_OUT, False, "boolean")
        for userid in ("executor", "helper", "controller", "reader", "stranger"):
            api.user.create(
                username=userid, email=f"{userid}@example.org", password="secret-123"
            )
        self.use_mock_mailhost(self.portal)
        transaction.commit()

    def assignment(self, **fields):
        values = {
            "title": "Очистить дороги от снега",
            "source_kind": "akimat-session",
            "lead_executor": "executor",
            "co_executors": ["helper"],
            "controller": "controller",
            "date_given": date(2026, 11, 2),
            "deadline": TODAY,
        }
        values.update(fields)
        assignment = api.content.create(
            container=self.portal, type="Assignment", **values
        )
        transaction.commit()
        return assignment


class TestUrgentMail(UrgentMailTestCase):
    def test_a_deadline_today_is_mailed_at_once_to_whom_it_waits_for(self):
        """R12.4c: an assignment due today reaches its executors and its controller at once,
        with its title, status line and link; not the one who gave it, not a stranger."""
        assignment = self.assignment()
        mails = self.mails()
        self.assertEqual(
            set(mails),
            {"executor@example.org", "helper@example.org", "controller@example.org"},
        )
        subject, body = mails["executor@example.org"]
        self.assertIn("Очистить дороги от снега", subject)
        self.assertIn("14.12.2026", body)
        self.assertIn(assignment.absolute_url(), body)

    def test_nothing_is_mailed_about_what_is_not_urgent(self):
        """R12.4c: an assignment due in a few weeks waits for the digest."""
        self.assignment(deadline=LATER)
        self.assertEqual(self.mailhost.messages, [])

    def test_mailed_once_not_again_on_the_next_change(self):
        """Each person gets an urgent item once: the next edit of the document mails nobody;
        what was mailed is remembered on the document."""
        assignment = self.assignment()
        self.assertEqual(len(self.mailhost.messages), 3)
        assignment.title = "Очистить дороги и тротуары от снега"
        assignment.reindexObject()
        transaction.commit()
        self.assertEqual(len(self.mailhost.messages), 3)
        self.assertEqual(
            set(IAnnotations(assignment)[urgent.MARK]),
            {"executor", "helper", "controller"},
        )

    def test_an_urgency_mark_is_mailed_at_the_change_that_sets_it(self):
        """R12.2a: an assignment marked «срочно» after it was given is mailed to its executors
        when the mark is set, though its deadline is weeks away."""
        assignment = self.assignment(deadline=LATER)
        self.assertEqual(self.mailhost.messages, [])
        assignment.urgency = "urgent"
        assignment.reindexObject()
        transaction.commit()
        # The controller watches it only from 3 working days before the deadline.
        self.assertEqual(
            set(self.mails()), {"executor@example.org", "helper@example.org"}
        )

    def test_not_mailed_to_whoever_turned_it_off(self):
        """A person who turned the immediate mails off in his personal information gets the
        digest only."""
        api.user.get(userid="helper").setMemberProperties({urgent.OPT_OUT: True})
        transaction.commit()
        self.assignment()
        self.assertNotIn("helper@example.org", self.mails())
        self.assertIn("executor@example.org", self.mails())

    def test_not_mailed_to_whom_it_does_not_wait_for_or_who_may_not_see_it(self):
        """Privacy: only the people the document's security names are asked, and only what
        their own inbox holds is mailed: a reader of the document has nothing to do, a
        stranger may not see it."""
        assignment = self.assignment(deadline=LATER)
        assignment.manage_setLocalRoles("reader", ["Reader"])
        assignment.deadline = TODAY
        assignment.reindexObject()
        assignment.reindexObjectSecurity()
        transaction.commit()
        self.assertEqual(
            set(self.mails()),
            {"executor@example.org", "helper@example.org", "controller@example.org"},
        )

    def test_a_bulk_change_mails_nobody(self):
        """The hook's cost stays bounded: an import of many documents due today leaves them to
        the digest."""
        with self.assertLogs(urgent.logger, "WARNING"):
            for number in range(urgent.MAX_DOCUMENTS + 1):
                api.content.create(
                    container=self.portal,
                    type="Assignment",
                    title=f"Поручение № {number}",
                    source_kind="akimat-session",
                    lead_executor="executor",
                    controller="controller",
                    date_given=date(2026, 11, 2),
                    deadline=TODAY,
                )
            transaction.commit()
        self.assertEqual(self.mailhost.messages, [])


class TestUrgentMailWithoutMailServer(UrgentMailTestCase):
    def test_a_mail_server_failure_does_not_abort_the_users_change(self):
        """The change is committed, the failure logged, when the mail server is down."""
        self._use_mailhost(self.portal, MailHost("MailHost"))
        self.portal.MailHost.smtp_host, self.portal.MailHost.smtp_port = (
            "127.0.0.1",
            _closed_port(),
        )
        transaction.commit()
        with self.assertLogs(urgent.logger, "ERROR") as logged:
            assignment = self.assignment()
        transaction.begin()
        self.assertIn(assignment.getId(), self.portal.objectIds())
        self.assertEqual(
            len(logged.output), 1
        )  # one failure, the other mails not tried
        self.assertIn("the mail server failed", logged.output[0])


def _closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
