"""The appeals department's own registration form: a paper letter lands on the registered appeal,
numbered in the same sequence as the website's (RULES.md R13.5, R13.6, R13.10)."""

from akimat.content.appeals import submissions
from akimat.content.appeals.tests.test_appeal_views import AppealViewTestCase
from freezegun import freeze_time
from plone import api
from zExceptions import Unauthorized


LETTER = {
    "form.widgets.channel": ["letter"],
    "form.widgets.received_at": "2026-12-08T11:00",
    "form.widgets.kind": ["appeal"],
    "form.widgets.title": "Об освещении улицы Жибек жолы",
    "form.widgets.substance": "Прошу установить фонари на улице Жибек жолы.",
    "form.widgets.applicant_name": "Нурланова Айгерим",
    "form.widgets.address": "с. Шаян, ул. Жибек жолы, 5",
    "form.buttons.register": "1",
}


class TestStaffRegistration(AppealViewTestCase):
    def submit(self, userid="appeals-officer", **changes):
        form = {**LETTER, **changes}
        with freeze_time("2026-12-09 10:00:00+05:00"):
            return self.render(self.portal, "@@register-appeal", userid, "POST", **form)

    def appeals(self):
        return [
            brain.getObject()
            for brain in api.content.find(portal_type="Appeal", sort_on="created")
        ]

    def test_registers_a_letter_and_lands_on_it(self):
        """R13.5, R13.6: registered at once, with the next number of the same sequence as the
        website's form; consent recorded as given on paper; the page goes to the appeal."""
        with api.env.adopt_user(username="appeals-officer"):
            website = submissions.register(
                {
                    "kind": "appeal",
                    "subject": "С сайта",
                    "substance": "Текст.",
                    "applicant_name": "Иванов Иван",
                    "email": "ivanov@example.org",
                    "received_at": None,
                }
            )
        self.submit()
        appeal = self.appeals()[-1]
        self.assertEqual(appeal.review_state(), "registered")
        self.assertEqual(appeal.registration_number, website.registration_number + 1)
        self.assertEqual(appeal.applicant_name, "Нурланова Айгерим")
        self.assertEqual(appeal.title, "Об освещении улицы Жибек жолы")
        self.assertEqual(appeal.channel, "letter")
        self.assertEqual(appeal.personal_data_consent, submissions.CONSENT_ON_PAPER)
        self.assertEqual(website.personal_data_consent, submissions.CONSENT_ON_FORM)
        self.assertEqual(
            self.request.response.getHeader("Location"), appeal.absolute_url()
        )
        self.assertTrue(
            any(str(appeal.registration_number) in m for m in self.messages())
        )

    def test_asks_for_a_way_to_answer(self):
        """R13.6: a letter without a phone, an e-mail or an address is not registered."""
        html = self.submit(**{"form.widgets.address": ""})
        self.assertEqual(self.appeals(), [])
        self.assertIn(
            "postal address", html.replace("почтовый адрес", "postal address")
        )

    def test_an_oral_appeal_needs_its_record(self):
        """R13.10: a phone call is registered with the record of what was said."""
        self.submit(**{"form.widgets.channel": ["phone"]})
        self.assertEqual(self.appeals(), [])
        self.submit(
            **{
                "form.widgets.channel": ["phone"],
                "form.widgets.oral_record": "Просит установить фонари.",
            }
        )
        self.assertEqual(len(self.appeals()), 1)

    def test_only_the_appeals_department(self):
        """R13.2: others do not open the staff form."""
        for outsider in ("economist", "the-akim"):
            with self.assertRaises(Unauthorized):
                self.render(self.portal, "@@register-appeal", outsider)
        html = self.render(self.portal, "@@register-appeal", "appeals-officer")
        self.assertIn('name="form.widgets.applicant_name"', html)
        self.assertNotIn("form.widgets.consent", html)
        self.assertIn(
            'class="hidden-widget" type="hidden"', html
        )  # one filling-in  # given on paper, recorded so

    def test_a_double_click_registers_once(self):
        """R13.5, R13.6: the same filling-in of the form sent twice registers one appeal and
        lands both times on it."""
        self.submit(**{"form.widgets.submission": "a1b2"})
        first = self.request.response.getHeader("Location")
        self.submit(**{"form.widgets.submission": "a1b2"})
        self.assertEqual(len(self.appeals()), 1)
        self.assertEqual(self.request.response.getHeader("Location"), first)
        self.submit(**{"form.widgets.submission": "c3d4"})
        self.assertEqual(len(self.appeals()), 2)


class TestAppealsSectionLinks(AppealViewTestCase):
    def test_section_page_leads_to_the_register_and_the_form(self):
        """R13.2: the appeals section's page links the register and the staff form for the
        department."""
        html = self.render(self.folder, "@@listing_view", "appeals-officer")
        self.assertIn('id="appeals-section-register"', html)
        self.assertIn(f"{self.portal.absolute_url()}/@@register-appeal", html)
