"""«Личные данные»: each person chooses whether urgent items are mailed to him at once (issue 14;
akimat.content reminders/urgent.py reads the member property)."""

from akimat.content.reminders.urgent import OPT_OUT
from akimat.content.tests.views import render
from akimat.policy.testing import AKIMAT_POLICY_INTEGRATION_TESTING
from plone import api

import unittest


WIDGET = f"form.widgets.{OPT_OUT}"


class TestUrgentMailPreference(unittest.TestCase):
    layer = AKIMAT_POLICY_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.request = self.layer["request"]

    def form(self, method="GET", **fields):
        return render(
            self.request, self.portal, "@@personal-information", "kim", method, **fields
        )

    def test_on_until_the_person_turns_it_off_in_his_personal_information(self):
        """Every person gets urgent items at once until he ticks «do not mail me» and saves."""
        user = api.user.get(userid="kim")
        self.assertFalse(user.getProperty(OPT_OUT))
        html = self.form()
        self.assertIn(f'name="{WIDGET}:list"', html)
        self.form(
            "POST",
            **{
                "form.widgets.fullname": user.getProperty("fullname"),
                "form.widgets.email": user.getProperty("email"),
                WIDGET: ["selected"],  # the publisher's reading of «:list»
                f"{WIDGET}-empty-marker": "1",
                "form.buttons.save": "Save",
            },
        )
        self.assertTrue(api.user.get(userid="kim").getProperty(OPT_OUT))
