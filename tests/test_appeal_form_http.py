"""Over real HTTP: an anonymous visitor submits the public appeal form and is told the
registration number of the appeal; the rest of the intranet stays closed (R13.2, R13.5, R13.6).
The appeals department registers paper and oral appeals on the same form (R13.6, R13.10)."""

from akimat.content import _
from akimat.content.core import calendar as working_calendar
from akimat.policy import appeal_form
from akimat.policy.demo import DEMO_PASSWORD
from akimat.policy.demo_appeals import with_check_digit
from akimat.policy.testing import AKIMAT_ACCEPTANCE_TESTING
from akimat.policy.upgrades import to_1012
from datetime import datetime
from datetime import timedelta
from plone import api
from zope.i18n import translate

import re
import requests
import transaction
import unittest


HIDDEN = re.compile(r'<input[^>]*type="hidden"[^>]*>')
ATTRIBUTE = re.compile(r'(name|value)="([^"]*)"')
SUBJECT = "О ремонте дороги в селе Шаян"
OFFICER = ("kim", DEMO_PASSWORD)  # of the appeals department
SELECTS = ("kind", "channel")  # their widgets post a list
STAFF_FIELDS = (
    "form.widgets.channel",
    "form.widgets.received_at",
    "form.widgets.oral_record",
)


def ru(message):
    """What the visitor reads: the site speaks Russian."""
    return translate(message, target_language="ru")


def widget_time(moment):
    """`moment` as the datetime widget posts it, to the minute."""
    return moment.strftime("%Y-%m-%dT%H:%M")


class TestAppealForm(unittest.TestCase):
    layer = AKIMAT_ACCEPTANCE_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.url = self.portal.absolute_url() + "/" + appeal_form.FORM_ID
        appeal_form.SUBMISSIONS.clear()

    def tearDown(self):
        appeal_form.SUBMISSIONS.clear()

    def submit(
        self,
        attachment=("letter.pdf", b"%PDF-1.4 demo", "application/pdf"),
        auth=None,
        **fields,
    ):
        """Fetch the form as a visitor, or as the user of `auth`, keep its hidden fields, post it
        with `fields`."""
        session = requests.Session()
        session.auth = auth
        page = session.get(self.url, timeout=30)
        self.assertEqual(page.status_code, 200)
        data = {}
        for tag in HIDDEN.findall(page.text):
            attributes = dict(ATTRIBUTE.findall(tag))
            if "name" in attributes:
                data[attributes["name"]] = attributes.get("value", "")
        values = {
            "kind": "complaint",
            "applicant_name": "Иванов Иван",
            "applicant_id": with_check_digit("85010130012"),
            "address": "с. Шаян, ул. Абая, 1",
            "phone": "+7 701 000 00 00",
            "email": "",
            "subject": SUBJECT,
            "substance": "Прошу отремонтировать дорогу.",
            "website": "",
        }
        values.update(fields)
        for name, value in values.items():
            data[f"form.widgets.{name}"] = value
        for name in SELECTS:
            if f"form.widgets.{name}" in data:
                data[f"form.widgets.{name}:list"] = data.pop(f"form.widgets.{name}")
        data["form.widgets.consent:list"] = "selected"
        data["form.buttons.submit"] = "Отправить"
        files = {"form.widgets.attachment": attachment}
        return session.post(self.url, data=data, files=files, timeout=30)

    def appeals(self, channel="website"):
        transaction.begin()
        return [
            appeal
            for appeal in self.portal["appeals"].objectValues()
            if appeal.portal_type == "Appeal"
            and appeal.channel == channel
            and appeal.title == SUBJECT
        ]

    def test_anonymous_visitor_opens_the_form(self):
        """R13.5: the form answers an anonymous visitor, not the login form."""
        response = requests.get(self.url, timeout=30)
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("/login", response.url)
        self.assertIn(self.portal[appeal_form.FORM_ID].Title(), response.text)
        self.assertIn("form.widgets.applicant_name", response.text)

    def test_submission_registered_with_its_number(self):
        """R13.5, R13.6: the appeal is registered on receipt, through the website, and the
        visitor is told its number."""
        response = self.submit()
        self.assertEqual(response.status_code, 200)
        appeals = self.appeals()
        self.assertEqual(len(appeals), 1)
        appeal = appeals[0]
        self.assertEqual(appeal.review_state(), "registered")
        self.assertEqual(appeal.kind, "complaint")
        self.assertEqual(appeal.title, SUBJECT)
        self.assertEqual(appeal.applicant_id, with_check_digit("85010130012"))
        self.assertEqual(appeal.attachment.filename, "letter.pdf")
        self.assertIsNotNone(appeal.registration_number)
        told = _(
            "Your appeal is registered under number ${number}.",
            mapping={"number": appeal.registration_number},
        )
        self.assertIn(ru(told), response.text)
        self.assertIn(ru(appeal_form.THANKS), response.text)
        self.assertNotIn("Thanks for your input", response.text)
        # The visitor sees the number, never the appeals (R13.2).
        closed = requests.get(appeal.absolute_url(), timeout=30)
        self.assertIn("/login", closed.url)

    def test_wrong_iin_is_a_field_error(self):
        """R13.5: a wrong IIN is shown on its field and nothing is created."""
        response = self.submit(applicant_id="850101300120")
        self.assertRegex(
            response.text,
            r'class="field fieldname-form.widgets.applicant_id[^"]* error ',
        )
        self.assertIn("850101300120", response.text)
        self.assertEqual(self.appeals(), [])

    def test_attachment_checked(self):
        """R13.5: an attachment other than PDF, JPG, PNG or DOCX is a field error; nothing is created."""
        response = self.submit(
            attachment=("run.exe", b"MZ", "application/octet-stream")
        )
        self.assertRegex(
            response.text, r'class="field fieldname-form.widgets.attachment[^"]* error '
        )
        self.assertEqual(self.appeals(), [])

    def test_phone_or_email_needed(self):
        """R13.7: the applicant gives a way to be answered."""
        response = self.submit(phone="", email="")
        self.assertIn(
            ru(_("Give a phone number or an e-mail address for the answer.")),
            response.text,
        )
        self.assertEqual(self.appeals(), [])

    def test_honeypot_creates_nothing(self):
        """R13.5 holds for people: a form filled by a bot registers nothing."""
        self.submit(website="http://spam.example")
        self.assertEqual(self.appeals(), [])

    def test_sixth_submission_in_an_hour_refused(self):
        """Five appeals an hour from one address; the sixth is refused with a clear error."""
        for _attempt in range(appeal_form.SUBMISSIONS_PER_HOUR):
            self.submit()
        self.assertEqual(len(self.appeals()), appeal_form.SUBMISSIONS_PER_HOUR)
        refused = self.submit()
        self.assertIn(
            ru(
                _(
                    "At most ${count} appeals an hour are accepted from one address. Please try again later.",
                    mapping={"count": appeal_form.SUBMISSIONS_PER_HOUR},
                )
            ),
            refused.text,
        )
        self.assertEqual(len(self.appeals()), appeal_form.SUBMISSIONS_PER_HOUR)

    def test_visitor_cannot_choose_the_channel(self):
        """R13.5, R13.6: a visitor sees none of the staff fields; posted anyway, they are ignored:
        the appeal is received through the website, now, with no record of an oral appeal."""
        page = requests.get(self.url, timeout=30)
        for name in STAFF_FIELDS:
            self.assertNotIn(name, page.text)
        self.submit(
            channel="phone",
            received_at="2020-01-01T10:00",
            oral_record="Звонил по телефону.",
        )
        self.assertEqual(self.appeals("phone"), [])
        appeals = self.appeals()
        self.assertEqual(len(appeals), 1)
        self.assertEqual(appeals[0].received_at.date(), working_calendar.now().date())
        self.assertIsNone(appeals[0].oral_record)

    def test_officer_registers_a_letter_received_yesterday(self):
        """R13.5, R13.6: the appeals department registers a paper letter on the same form, received
        when it arrived and answered by post, and is told its number."""
        page = requests.get(self.url, auth=OFFICER, timeout=30)
        for name in STAFF_FIELDS:
            self.assertIn(name, page.text)
        yesterday = working_calendar.now().replace(
            tzinfo=None, hour=10, minute=0, second=0, microsecond=0
        )
        yesterday -= timedelta(days=1)
        response = self.submit(
            auth=OFFICER, channel="letter", received_at=widget_time(yesterday), phone=""
        )
        appeals = self.appeals("letter")
        self.assertEqual(len(appeals), 1)
        appeal = appeals[0]
        self.assertEqual(appeal.received_at, yesterday)
        self.assertEqual(appeal.review_state(), "registered")
        told = _(
            "Your appeal is registered under number ${number}.",
            mapping={"number": appeal.registration_number},
        )
        self.assertIn(ru(told), response.text)

    def test_phone_appeal_without_its_record_refused(self):
        """R13.10: an appeal made by phone is recorded in a protocol of its own; without the record
        the officer is told so and nothing is registered."""
        response = self.submit(auth=OFFICER, channel="phone", oral_record="")
        self.assertIn(
            ru(
                _(
                    "Record what the applicant said: an oral appeal has a protocol of its own."
                )
            ),
            response.text,
        )
        self.assertEqual(self.appeals("phone"), [])

    def test_receipt_in_the_future_or_before_2000_refused(self):
        """R13.6: an appeal is registered as received, never ahead of time nor before 2000; the
        officer is told the range."""
        refusal = ru(
            _(
                "Enter a time of receipt from ${first} up to now.",
                mapping={"first": "01.01.2000"},
            )
        )
        for received_at in (
            working_calendar.now() + timedelta(days=1),
            datetime(1999, 12, 31, 10, 0),
        ):
            with self.subTest(received_at=received_at):
                response = self.submit(
                    auth=OFFICER, channel="letter", received_at=widget_time(received_at)
                )
                self.assertIn(refusal, response.text)
                self.assertEqual(self.appeals("letter"), [])

    def test_rest_of_the_site_stays_closed(self):
        """R13.2: next to the open form, the intranet answers anonymous with the login form."""
        form = f"/{appeal_form.FORM_ID}"
        for path in (
            "",
            "/meetings",
            "/appeals",
            form + "/edit",
            form + "/fields",
            form + "/actions",
            form + "/actions/saved",
            form + "/actions/saved/@@data",
            form + "/saveddata",
        ):
            with self.subTest(path=path):
                response = requests.get(self.portal.absolute_url() + path, timeout=30)
                self.assertIn("/login", response.url, response.text[-3000:])


class TestUpgradeTo1004(unittest.TestCase):
    layer = AKIMAT_ACCEPTANCE_TESTING

    def test_upgrade_gives_the_thanks_text(self):
        """R13.5: an existing form loses easyform's English thanks text."""
        form = self.layer["portal"][appeal_form.FORM_ID]
        form.thanksdescription = "Thanks for your input."
        to_1012.appeal_form_thanks(None)
        self.assertEqual(form.thanksdescription, ru(appeal_form.THANKS))

    def test_upgrade_creates_the_open_form(self):
        """R13.5: a site of profile 1003 gets the public appeal form, open to anonymous visitors;
        the later steps run too."""
        portal = self.layer["portal"]
        setup = portal.portal_setup
        with api.env.adopt_roles(["Manager"]):
            api.content.delete(obj=portal[appeal_form.FORM_ID])
            setup.setLastVersionForProfile("akimat.policy:default", "1003")
            setup.upgradeProfile("akimat.policy:default")
        self.assertEqual(
            setup.getLastVersionForProfile("akimat.policy:default"),
            (setup.getVersionForProfile("akimat.policy:default"),),
        )
        transaction.commit()
        response = requests.get(
            portal.absolute_url() + "/" + appeal_form.FORM_ID, timeout=30
        )
        self.assertNotIn("/login", response.url)
        self.assertIn("form.widgets.applicant_name", response.text)
