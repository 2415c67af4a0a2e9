"""The values of an act's print form, without its page (act_print; RULES.md R10.16, R10.14, R11.4)."""

from akimat.content import _
from akimat.content.acts import act_print
from akimat.content.acts.tests.test_act_views import ActViewTestCase
from akimat.content.agreement.agreement import give_visa
from plone import api
from plone.app.textfield.value import RichTextValue
from zope.i18n import translate


class TestActPrintValues(ActViewTestCase):
    def test_values_of_a_registered_act(self):
        """R10.16: the kind, number and date, the texts without markup, the developer, the
        signatory and the visa sheet with each approver's post and decision."""
        text = "<p>Создать рабочую группу.</p><p>Утвердить её состав &amp; план<br>на 2027 год.</p>"
        act = self.registered(
            text_ru=RichTextValue(text, "text/html", "text/x-html-safe"),
            title_kk="Жұмыс тобы",
        )
        values = act_print.print_values(act, self.request)
        agreed = translate(_("agreed"), context=self.request)
        self.assertEqual(
            values["kind"],
            translate(_("Decision of the akim (решение)"), context=self.request),
        )
        self.assertEqual((values["number"], values["date"]), (1, act.registration_date))
        self.assertEqual(
            (values["title_ru"], values["title_kk"]), (act.title, "Жұмыс тобы")
        )
        self.assertEqual(
            values["text_ru"],
            "Создать рабочую группу.\nУтвердить её состав & план\nна 2027 год.",
        )
        self.assertEqual(values["text_kk"], "")
        self.assertEqual(
            (values["developer"], values["signatory"]), ("economy", "the-akim")
        )
        self.assertEqual(
            [
                (row["name"], row["position"], row["decision"])
                for row in values["visas"]
            ],
            [
                ("deputy", "deputy-akims", agreed),
                ("head", "head-of-apparatus", agreed),
                ("lawyer", "legal-consultant", agreed),
            ],
        )
        self.assertTrue(
            all(row["date"] == act.registration_date for row in values["visas"])
        )

    def test_only_the_rounds_that_led_to_the_signature(self):
        """R10.14: a round that ended in a return is not on the printed visa sheet."""
        act = self.in_agreement()
        with api.env.adopt_user(username="deputy"):
            give_visa(act, "deputy", agree=False, reason="Уточнить состав")
        self.do(act, "submit", "developer")
        self.do(act, "approve_legally", "lawyer")
        self.visa_all(act)
        self.do(act, "sign", "the-akim")
        self.do(act, "register", "odk-officer")
        rows = act_print.print_values(act, self.request)["visas"]
        self.assertEqual([row["name"] for row in rows], ["deputy", "head", "lawyer"])

    def test_only_a_registered_act_has_a_print_form(self):
        """R10.16: an act on its way to the signature has no print form, whoever asks."""
        act = self.in_agreement()
        with self.assertRaises(act_print.NotPrintable):
            act_print.print_values(act, self.request)
