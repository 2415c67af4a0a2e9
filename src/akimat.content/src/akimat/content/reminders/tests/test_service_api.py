"""POST @send-reminders over real HTTP: a timer's way to send the reminders (R12.4c)."""

from akimat.content.testing import AKIMAT_CONTENT_FUNCTIONAL_TESTING
from akimat.content.tests.rest import freeze_now
from datetime import date
from datetime import datetime
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID
from plone.restapi.testing import RelativeSession
from Products.CMFPlone.tests.utils import MockMailHost
from Products.MailHost.interfaces import IMailHost
from zope.component import getSiteManager

import socket
import transaction
import unittest


# Our clock only: a frozen system clock earlier than the layer's commits stops the test server.
MONDAY = datetime(2026, 12, 14, 11, 0)


class TestSendRemindersService(unittest.TestCase):
    layer = AKIMAT_CONTENT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        api.portal.set_registry_record(
            "plone.email_from_address", "noreply@baidibek.example"
        )
        self.portal.MailHost = MockMailHost("MailHost")
        getSiteManager(self.portal).registerUtility(
            self.portal.MailHost, provided=IMailHost
        )
        for userid in ("executor", "controller"):
            api.user.create(
                username=userid, email=f"{userid}@example.org", password="secret-123"
            )
        api.content.create(
            container=self.portal,
            type="Assignment",
            title="Сдать отчёт",
            source_kind="act",
            lead_executor="executor",
            controller="controller",
            date_given=date(2026, 11, 2),
            deadline=date(2026, 12, 18),
        )
        transaction.commit()

    def post(self, auth):
        session = RelativeSession(self.portal.absolute_url(), test=self)
        session.headers.update({"Accept": "application/json"})
        session.auth = auth
        return session.post("@send-reminders")

    def test_site_manager_triggers_the_reminders(self):
        """R12.4c: three working days before the deadline the executor and controller are mailed."""
        freeze_now(self, MONDAY)
        response = self.post((SITE_OWNER_NAME, SITE_OWNER_PASSWORD))
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(
            (
                response.json()["persons"],
                response.json()["actions"],
                response.json()["documents"],
            ),
            (2, 2, 1),
        )

    def test_staff_may_not_trigger_them(self):
        self.assertEqual(self.post(("executor", "secret-123")).status_code, 401)


class TestSendRemindersWithoutMailServer(unittest.TestCase):
    layer = AKIMAT_CONTENT_FUNCTIONAL_TESTING

    def test_unreachable_mail_server_is_a_503_with_a_message(self):
        """R12.4c: when the mail server is down, the timer learns it plainly, as JSON."""
        freeze_now(self, MONDAY)
        portal = self.layer["portal"]
        setRoles(portal, TEST_USER_ID, ["Manager"])
        api.portal.set_registry_record(
            "plone.email_from_address", "noreply@baidibek.example"
        )
        # Plone's real MailHost, pointed at a port where no mail server listens.
        portal.MailHost.smtp_host, portal.MailHost.smtp_port = (
            "127.0.0.1",
            _closed_port(),
        )
        api.user.create(
            username="executor", email="executor@example.org", password="secret-123"
        )
        api.content.create(
            container=portal,
            type="Assignment",
            title="Сдать отчёт",
            source_kind="act",
            lead_executor="executor",
            controller="executor",
            date_given=date(2026, 11, 2),
            deadline=date(2026, 12, 15),
        )
        transaction.commit()
        session = RelativeSession(portal.absolute_url(), test=self)
        session.headers.update({"Accept": "application/json"})
        session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        response = session.post("@send-reminders")
        self.assertEqual(response.status_code, 503, response.text)
        self.assertEqual(response.json()["error"]["type"], "MailServerUnavailable")


def _closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
