"""Repeated appeals: the applicant's earlier appeals are found on registration (RULES.md R13.5, R13.6)."""

from akimat.content.appeals import history as appeal_history
from akimat.content.appeals.appeal import IAppeal
from akimat.content.appeals.tests.test_appeals import AppealTestCase
from akimat.content.testing import AKIMAT_CONTENT_FUNCTIONAL_TESTING
from akimat.content.tests.rest import RestClient
from plone import api
from zope.interface import Invalid

import transaction
import unittest


IIN = "900101300017"


class HistoryTestCase(AppealTestCase):
    def register(self, appeal, userid="appeals-officer"):
        self.do(appeal, "register", userid)
        return appeal


class TestRepeated(HistoryTestCase):
    def test_same_iin_is_repeated(self):
        """R13.5: a second appeal with the applicant's IIN, however written, links to the first."""
        first = self.register(self.appeal(title="первое", applicant_id=IIN))
        second = self.register(
            self.appeal(
                title="второе", applicant_id="900101 300017", applicant_name="Иванов И."
            )
        )
        other = self.register(self.appeal(title="другой", applicant_id="900101300025"))
        self.assertFalse(appeal_history.repeated(first))
        self.assertTrue(appeal_history.repeated(second))
        self.assertEqual(second.earlier_appeals, (first.UID(),))
        self.assertFalse(appeal_history.repeated(other))

    def test_same_name_with_phone_or_email(self):
        """R13.5: without an IIN the name together with a phone or an e-mail makes the applicant."""
        first = self.register(
            self.appeal(title="первое", phone="8 701 123 45 67", email="Ivanov@Mail.kz")
        )
        by_phone = self.register(
            self.appeal(
                title="по телефону",
                applicant_name="  иванов   ИВАН",
                phone="+7 (701) 123-45-67",
            )
        )
        by_email = self.register(self.appeal(title="по почте", email="ivanov@mail.kz "))
        namesake = self.register(self.appeal(title="тёзка", phone="+7 702 000 00 00"))
        no_contact = self.register(self.appeal(title="без контактов"))
        self.assertEqual(by_phone.earlier_appeals, (first.UID(),))
        self.assertEqual(
            by_email.earlier_appeals, (first.UID(),)
        )  # the second gave no e-mail
        self.assertFalse(appeal_history.repeated(namesake))
        self.assertFalse(appeal_history.repeated(no_contact))

    def test_earlier_with_iin_found_by_contact(self):
        """R13.5: an earlier appeal that gave the IIN is found by a later one without it, by name and phone."""
        first = self.register(
            self.appeal(title="первое", applicant_id=IIN, phone="87011234567")
        )
        later = self.register(self.appeal(title="второе", phone="+77011234567"))
        self.assertEqual(later.earlier_appeals, (first.UID(),))

    def test_only_registered_appeals_count(self):
        """R13.6: an appeal not yet registered is not an earlier appeal."""
        self.appeal(title="не зарегистрировано", applicant_id=IIN)
        appeal = self.register(self.appeal(title="зарегистрировано", applicant_id=IIN))
        self.assertFalse(appeal_history.repeated(appeal))

    def test_found_whoever_registers(self):
        """R13.2, R13.5: the search is unrestricted, so an integrator who sees no earlier appeal
        registers a repeated one all the same."""
        first = self.register(self.appeal(title="первое", applicant_id=IIN))
        second = self.appeal(title="второе", applicant_id=IIN)
        with api.env.adopt_user(username="economist"):
            self.assertEqual(len(api.content.find(portal_type="Appeal")), 0)
            appeal_history.mark_repeated(second)
        self.assertEqual(second.earlier_appeals, (first.UID(),))

    def test_keys_normalised(self):
        """R13.5: the index holds «id:<12 digits>» and «contact:<name>|<phone digits or e-mail>»."""
        appeal = self.appeal(
            applicant_id="900101 300017",
            applicant_name="Иванов  Иван",
            phone="8 (701) 123-45-67",
            email="Ivanov@Mail.KZ",
        )
        self.assertEqual(
            appeal_history.applicant_keys(appeal),
            (
                "id:900101300017",
                "contact:иванов иван|77011234567",
                "contact:иванов иван|ivanov@mail.kz",
            ),
        )
        found = self.portal.portal_catalog(
            applicant_key="contact:иванов иван|ivanov@mail.kz"
        )
        self.assertEqual([brain.UID for brain in found], [appeal.UID()])


class TestCollective(unittest.TestCase):
    def test_collective_needs_two_signatories(self):
        """R13.5: a collective appeal is signed by two applicants or more."""

        class Data:
            collective, signatories = True, 1

        with self.assertRaises(Invalid):
            IAppeal.validateInvariants(Data())
        Data.signatories = 2
        IAppeal.validateInvariants(Data())
        Data.collective, Data.signatories = False, None
        IAppeal.validateInvariants(Data())


class TestRepeatedOverRest(RestClient, HistoryTestCase):
    layer = AKIMAT_CONTENT_FUNCTIONAL_TESTING

    def test_repeated_in_the_json(self):
        """R13.5, R13.2: the JSON says an appeal is repeated and links to the earlier appeals the
        reader may see; the addressee of the new one gets no link to an appeal not addressed to him."""
        first = self.register(self.appeal(id="first", applicant_id=IIN))
        second = self.register(
            self.appeal(id="second", applicant_id=IIN, addressee="deputy")
        )
        transaction.commit()
        block = (
            self.session("appeals-officer").get(second.absolute_url()).json()["appeal"]
        )
        self.assertEqual(
            (block["repeated"], block["earlier_appeals"]),
            (True, [first.absolute_url()]),
        )
        self.assertEqual(block["review_state"], "registered")
        self.assertEqual(block["registration_date"], "2026-12-08")
        self.assertEqual(block["review_deadline"], "2026-12-30")
        self.assertEqual(block["passing_on_deadline"], "2026-12-11")
        self.assertIsNone(block["dispatch_date"])
        block = self.session("deputy").get(second.absolute_url()).json()["appeal"]
        self.assertEqual((block["repeated"], block["earlier_appeals"]), (True, []))
        first_block = (
            self.session("appeals-officer").get(first.absolute_url()).json()["appeal"]
        )
        self.assertEqual(
            (first_block["repeated"], first_block["earlier_appeals"]), (False, [])
        )
