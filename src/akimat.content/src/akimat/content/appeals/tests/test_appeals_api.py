"""Appeals over plone.restapi: the same privacy as in the UI, and the lawful paths (R13.2, R13.5)."""

from akimat.content import _
from akimat.content.appeals.tests.test_appeals import AppealTestCase
from akimat.content.testing import AKIMAT_CONTENT_FUNCTIONAL_TESTING
from akimat.content.tests.rest import freeze_now
from akimat.content.tests.rest import RestClient
from datetime import date
from datetime import datetime
from plone import api
from zope.i18n import translate

import transaction


class AppealApiTestCase(RestClient, AppealTestCase):
    layer = AKIMAT_CONTENT_FUNCTIONAL_TESTING

    def setUp(self):
        super().setUp()
        self.private = self.appeal(
            id="private", addressee="deputy", applicant_id="900101300017"
        )
        self.do(self.private, "register")
        transaction.commit()
        self.url = self.private.absolute_url()

    def test_outsiders_get_nothing(self):
        """R13.2 / R13.3: over REST an appeal is read by its department and its addressee only;
        the leadership and department heads get no JSON of it and find none in @search."""
        for insider in ("appeals-officer", "deputy"):
            response = self.session(insider).get(self.url)
            self.assertEqual(response.status_code, 200, insider)
            self.assertEqual(response.json()["applicant_id"], "900101300017")
        for outsider in ("the-akim", "head", "economy-head", "odk-officer"):
            response = self.session(outsider).get(self.url)
            self.assertIn(response.status_code, (401, 403, 404), outsider)
            self.assertNotIn("900101300017", response.text)
            found = (
                self.session(outsider)
                .get("/@search", params={"portal_type": "Appeal"})
                .json()
            )
            self.assertEqual(found["items_total"], 0, outsider)
        found = (
            self.session("appeals-officer")
            .get("/@search", params={"portal_type": "Appeal"})
            .json()
        )
        self.assertEqual(found["items_total"], 1)

    def test_registered_by_an_integrator_with_a_checked_iin(self):
        """R13.5, R13.6: the E-обращения integration creates and registers appeals; a wrong IIN is a 400."""
        body = {
            "@type": "Appeal",
            "kind": "complaint",
            "title": "О вывозе мусора",
            "substance": "Не вывозят мусор.",
            "channel": "e-appeals",
            "received_at": "2026-12-01T11:00:00+05:00",
            "applicant_name": "Петров Пётр",
            "applicant_id": "900101300014",
        }
        refused = self.post("appeals-officer", "/appeals", body)
        self.assertEqual(refused.status_code, 400, refused.text)
        self.assertIn("900101300014", refused.text)
        body["applicant_id"] = "900101300017"
        created = self.post("appeals-officer", "/appeals", body)
        self.assertEqual(created.status_code, 201, created.text)
        registered = self.post(
            "appeals-officer", f"{created.json()['@id']}/@workflow/register"
        )
        self.assertEqual(registered.status_code, 200, registered.text)
        self.assertEqual(registered.json()["review_state"], "registered")
        refused = self.post(
            "appeals-officer", f"{created.json()['@id']}/@workflow/forward"
        )
        self.assertEqual(
            refused.status_code, 400, refused.text
        )  # R13.11: no competent body named

    def reception(self, approved):
        """A reception on Thursday 17 December 2026, 15:00–18:00, in a schedule the akim approved or not."""
        with api.env.adopt_user(username="appeals-officer"):
            schedule = api.content.create(
                container=self.folder,
                type="ReceptionSchedule",
                id="schedule",
                title="График",
                valid_from=date(2026, 12, 1),
                valid_until=date(2026, 12, 31),
            )
            reception = api.content.create(
                container=schedule,
                type="Reception",
                id="reception",
                title="Приём",
                official="the-akim",
                start=datetime(2026, 12, 17, 15, 0),
                end=datetime(2026, 12, 17, 18, 0),
                place="Кабинет акима",
            )
        if approved:
            self.do(schedule, "approve", "the-akim")
        transaction.commit()
        return reception

    def signed_up(self, reception, **fields):
        """POST /appeals: a person signed up for the reception, as an integrator does it."""
        body = {
            "@type": "Appeal",
            "kind": "appeal",
            "title": "О ремонте крыши",
            "substance": "Течёт крыша.",
            "channel": "reception",
            "received_at": "2026-12-01T11:00:00+05:00",
            "applicant_name": "Петров Пётр",
            "reception": reception.UID(),
            **fields,
        }
        return self.post("appeals-officer", "/appeals", body)

    def appeals_found(self):
        return (
            self.session("appeals-officer")
            .get("/@search", params={"portal_type": "Appeal"})
            .json()["items_total"]
        )

    def test_sign_up_for_a_reception_of_an_unapproved_schedule_refused(self):
        """R14.1: over REST too, nobody signs up for a reception of a schedule the akim has not
        approved: a 400 with the reason, and no appeal."""
        refused = self.signed_up(self.reception(approved=False))
        self.assertEqual(refused.status_code, 400, refused.text)
        self.assertIn("не утверждён акимом", refused.json()["message"])
        self.assertEqual(self.appeals_found(), 1)

    def test_sign_up_outside_the_reception_hours_refused(self):
        """R14.1: over REST too, the time at a reception is within its hours in the approved
        schedule: a time after its end is a 400 naming the hours, and no appeal; one within is taken."""
        freeze_now(self, datetime(2026, 12, 9, 10, 0))
        reception = self.reception(approved=True)
        refused = self.signed_up(reception, reception_time="2026-12-17T18:30:00+05:00")
        self.assertEqual(refused.status_code, 400, refused.text)
        self.assertIn("15:00–18:00", refused.json()["message"])
        self.assertEqual(self.appeals_found(), 1)
        created = self.signed_up(reception, reception_time="2026-12-17T17:30:00+05:00")
        self.assertEqual(created.status_code, 201, created.text)
        self.assertEqual(created.json()["reception_time"], "2026-12-17T17:30:00")

    def assignments_of(self, appeal):
        return [obj for obj in appeal.objectValues() if obj.portal_type == "Assignment"]

    def test_an_unregistered_appeal_is_not_assigned(self):
        """R13.6, R13.8: over REST too, an appeal is assigned once registered: POST @assign on a
        received appeal is a 400 saying so, and nothing is assigned; once registered it is a 201."""
        received = self.appeal(id="received")
        transaction.commit()
        refused = self.post(
            "appeals-officer",
            f"{received.absolute_url()}/@assign",
            {"executors": ["economist"]},
            headers={"Accept-Language": "ru"},
        )
        self.assertEqual(refused.status_code, 400, refused.text)
        self.assertEqual(
            refused.json()["error"]["message"],
            translate(
                _("Register the appeal before assigning it."), target_language="ru"
            ),
        )
        transaction.begin()
        self.assertEqual(self.assignments_of(received), [])
        assigned = self.post(
            "appeals-officer", f"{self.url}/@assign", {"executors": ["economist"]}
        )
        self.assertEqual(assigned.status_code, 201, assigned.text)
        transaction.begin()
        self.assertEqual(
            [item.lead_executor for item in self.assignments_of(self.private)],
            ["economist"],
        )


class TestStaffRegistrationApi(AppealApiTestCase):
    LETTER = {
        "subject": "Об освещении улицы Жибек жолы",
        "substance": "Прошу установить фонари.",
        "applicant_name": "Нурланова Айгерим",
        "address": "с. Шаян, ул. Жибек жолы, 5",
        "received_at": "2026-12-08T11:00",
    }

    def test_registers_a_letter_in_the_same_sequence(self):
        """R13.5, R13.6: @register-appeal registers the letter at once with the next number of
        the same sequence, consent recorded as given on paper; a 201 with its JSON."""
        freeze_now(self, datetime(2026, 12, 9, 10, 0))
        response = self.post("appeals-officer", "/@register-appeal", self.LETTER)
        self.assertEqual(response.status_code, 201, response.text)
        body = response.json()
        self.assertEqual(body["review_state"], "registered")
        self.assertEqual(body["channel"]["token"], "letter")
        transaction.begin()
        appeal = api.content.get(path=response.headers["Location"].split("/plone")[1])
        self.assertEqual(
            appeal.registration_number, self.private.registration_number + 1
        )
        self.assertEqual(appeal.personal_data_consent, "paper")

    def test_refusals_say_what_is_missing(self):
        """R13.6, R13.10: no way to answer, an oral appeal without its record, a missing name or
        a kind that does not exist are 400s with a message; others get no door."""
        cases = (
            ({"address": None}, "postal address"),
            ({"channel": "phone"}, None),
            ({"applicant_name": None}, "applicant_name"),
            ({"kind": "petition"}, "kind"),
            ({"received_at": "08.12.2026"}, "08.12.2026"),
        )
        freeze_now(self, datetime(2026, 12, 9, 10, 0))
        for change, expected in cases:
            response = self.post(
                "appeals-officer", "/@register-appeal", {**self.LETTER, **change}
            )
            self.assertEqual(response.status_code, 400, change)
            message = response.json()["error"]["message"]
            self.assertNotIn("(R13", message)
            if expected:
                self.assertIn(
                    expected, message.replace("почтовый адрес", "postal address")
                )
        response = self.post("economist", "/@register-appeal", self.LETTER)
        self.assertIn(response.status_code, (401, 403))
