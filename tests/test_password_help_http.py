"""Over real HTTP: the help to log in (a new password, the forgotten login) answers the same
whether what was entered belongs to someone or not, and whether the mail could be sent or not."""

from akimat.content import _
from akimat.policy.testing import AKIMAT_ACCEPTANCE_TESTING
from email import message_from_bytes
from Products.MailHost.MailHost import MailHost
from tests.status_messages import status_messages
from unittest import mock
from zope.i18n import translate

import re
import requests
import unittest


AUTHENTICATOR = re.compile(r'name="_authenticator"[^>]*value="([^"]*)"')
SENT = _(
    "If an account matches what you entered, a message has been sent to its e-mail address. "
    "If none arrives within a few minutes, contact the administrator of the intranet."
)


def ru(message):
    """What the visitor reads: the site speaks Russian."""
    return translate(message, target_language="ru")


KNOWN = {"reset_password": "kim", "recover_username": "kim@baidibek.example"}
UNKNOWN = {
    "reset_password": "nobody-at-all",
    "recover_username": "nobody@baidibek.example",
}
BUTTONS = {"reset_password": "reset", "recover_username": "get_username"}


class TestPasswordHelp(unittest.TestCase):
    layer = AKIMAT_ACCEPTANCE_TESTING

    def setUp(self):
        self.url = self.layer["portal"].absolute_url()

    def ask(self, field, value):
        """The visitor fills one part of @@login-help and sends it."""
        session = requests.Session()
        self.addCleanup(session.close)
        page = session.get(f"{self.url}/@@login-help", timeout=30)
        data = {
            f"form.widgets.{field}": value,
            f"form.buttons.{BUTTONS[field]}": "x",
            "_authenticator": AUTHENTICATOR.search(page.text).group(1),
        }
        return session.post(f"{self.url}/@@login-help", data=data, timeout=30)

    def assert_same_answer(self, field, mail_fails=False):
        """Asked for a known account and an unknown one: the same status and message; a mail
        only for the known one."""
        with mock.patch.object(
            MailHost,
            "_send",
            side_effect=ConnectionRefusedError if mail_fails else None,
        ) as send:
            answers = [self.ask(field, values[field]) for values in (KNOWN, UNKNOWN)]
        self.assertEqual([answer.status_code for answer in answers], [200, 200])
        self.assertEqual(status_messages(answers[0]), [ru(SENT)])
        self.assertEqual(status_messages(answers[1]), [ru(SENT)])
        self.assertEqual(send.call_count, 1)
        self.assertIn("kim@baidibek.example", str(send.call_args))

    def test_new_password_same_answer_for_any_login(self):
        self.assert_same_answer("reset_password")

    def test_forgotten_login_same_answer_for_any_address(self):
        self.assert_same_answer("recover_username")

    def test_login_reminder_tells_the_login(self):
        with mock.patch.object(MailHost, "_send") as send:
            self.ask("recover_username", KNOWN["recover_username"])
        mail = message_from_bytes(send.call_args.args[2])
        self.assertEqual(mail["To"], KNOWN["recover_username"])
        self.assertIn("noreply@baidibek.example", mail["From"])
        self.assertRegex(
            mail.get_payload(decode=True).decode("utf-8"),
            rf": {KNOWN['reset_password']}\s",
        )

    def test_mail_server_down_is_a_message_not_an_error(self):
        """The demo's mail server (127.0.0.1:8025) refuses connections unless `make mail-sink`
        runs: the visitor reads the same message, never a server error."""
        for field in BUTTONS:
            with self.subTest(field=field):
                self.assert_same_answer(field, mail_fails=True)

    def test_older_mail_password_form_same_answer_for_any_login(self):
        with mock.patch.object(
            MailHost, "_send", side_effect=ConnectionRefusedError
        ) as send:
            answers = [
                requests.get(
                    f"{self.url}/mail_password", params={"userid": login}, timeout=30
                )
                for login in (KNOWN["reset_password"], UNKNOWN["reset_password"])
            ]
        self.assertEqual(send.call_count, 1)
        for answer in answers:
            self.assertEqual(answer.status_code, 200)
            self.assertEqual(answer.url, f"{self.url}/mail_password_form")
            self.assertEqual(status_messages(answer), [ru(SENT)])
