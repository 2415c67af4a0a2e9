"""Plone's test MailHost in place of the site's, and the mails it kept, for the reminders' tests."""

from email import message_from_bytes
from email.header import decode_header
from email.header import make_header
from plone import api
from Products.CMFPlone.tests.utils import MockMailHost
from Products.MailHost.interfaces import IMailHost
from zope.component import getSiteManager


class MailboxMixin:
    """setUp installs a MockMailHost (it keeps the messages instead of sending them)."""

    def use_mock_mailhost(self, portal):
        api.portal.set_registry_record("plone.smtp_host", "localhost")
        api.portal.set_registry_record(
            "plone.email_from_address", "noreply@baidibek.example"
        )
        api.portal.set_registry_record(
            "plone.email_from_name", "Интранет аппарата акима"
        )
        original = portal.MailHost
        self.mailhost = MockMailHost("MailHost")
        # A plain list: the urgent mails are sent after the commit, when a persistent list can
        # no longer join the transaction (the real MailHost stores nothing when it sends).
        self.mailhost.messages = []
        self._use_mailhost(portal, self.mailhost)
        self.addCleanup(self._use_mailhost, portal, original)

    def _use_mailhost(self, portal, mailhost):
        portal.MailHost = mailhost
        site_manager = getSiteManager(portal)
        site_manager.unregisterUtility(provided=IMailHost)
        site_manager.registerUtility(mailhost, provided=IMailHost)

    def mails(self):
        """{recipient: (subject, body)} of the messages sent; fails on two to one person."""
        mails = {}
        for raw in self.mailhost.messages:  # the MailHost keeps the bytes it would send
            message = message_from_bytes(raw)
            self.assertNotIn(message["To"], mails, "one mail per person")
            subject = str(make_header(decode_header(message["Subject"])))
            body = message.get_payload(decode=True).decode(
                message.get_content_charset()
            )
            mails[message["To"]] = (subject, body)
        return mails
