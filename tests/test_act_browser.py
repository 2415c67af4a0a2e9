"""In Chromium: a draft act goes from the developer through the lawyer, the approvers and the akim
to registration by the ОДК, with the demo users of the README (RULES.md R10)."""

from akimat.content.agreement import visas
from akimat.content.agreement.agreement import give_visa
from akimat.policy.testing import AKIMAT_ACCEPTANCE_TESTING
from plone import api
from tests.browser import chromium_page
from tests.browser import log_in

import transaction
import unittest


class TestActJourney(unittest.TestCase):
    layer = AKIMAT_ACCEPTANCE_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.url = self.portal.absolute_url()
        self.act_url = f"{self.url}/acts/draft"

    def as_user(self, username, *buttons):
        """Log in, open the act, press the buttons in turn; return the act page's state text."""
        with chromium_page() as page:
            log_in(page, self.url, username)
            page.goto(self.act_url)
            for button in buttons:
                page.click(button)
                page.wait_for_load_state()
            page.goto(self.act_url)
            return page.locator("#act-state").inner_text(), page.locator(
                "#act-requisites"
            ).inner_text()

    def act(self):
        transaction.begin()  # see what the server committed
        return self.portal["acts"]["draft"]

    def test_draft_to_registered(self):
        """R10.3/R10.4b/R10.16: submitted, reviewed, visaed with the lawyer last, signed, numbered."""
        state, _text = self.as_user("tursynbayev", "#act-submit")
        self.assertIn("Юридическая экспертиза", state)
        state, _text = self.as_user("zhumabekova", "#act-approve_legally")
        self.assertIn("Согласование", state)

        first = visas.pending(self.act())[0].approver
        self.as_user(first, "#act-visa", "#form-buttons-agree")
        act = self.act()
        self.assertEqual(visas.current_round(act).visa(first).decision, visas.AGREED)
        with api.env.adopt_roles(["Manager"]):
            for visa in visas.pending(act):  # the other departments, by the service
                if visa.approver != "zhumabekova":
                    give_visa(act, visa.approver, agree=True)
        transaction.commit()

        state, _text = self.as_user("zhumabekova", "#act-visa", "#form-buttons-agree")
        self.assertIn("Подписание", state)
        # Signing and registering are confirmed on their own page first.
        self.as_user("seitzhanov", "#act-sign", "#confirm-step-submit")
        state, requisites = self.as_user(
            "tulegenova", "#act-register", "#confirm-step-submit"
        )
        self.assertIn("Зарегистрирован", state)
        self.assertEqual(self.act().registration_number, 1)
        self.assertIn("Регистрационный номер", requisites)
