"""The visas service: agreement of a document by a list of people (R10.3, R10.4b, R11.4)."""

from akimat.content.agreement import visas
from akimat.content.agreement.visas import VisaError
from akimat.content.core.calendar import ALMATY
from akimat.content.testing import AKIMAT_CONTENT_INTEGRATION_TESTING
from datetime import datetime
from freezegun import freeze_time
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from zope.annotation.interfaces import IAnnotations
from zope.i18nmessageid import Message

import transaction
import unittest


MONDAY = datetime(2026, 11, 30, 10, 0, tzinfo=ALMATY)
TUESDAY = datetime(2026, 12, 1, 11, 30, tzinfo=ALMATY)
# R10.4a: deputy akims, the head of apparatus, the finance department's head, the legal consultant.
APPROVERS = ("abdrakhmanov", "omarova", "kozlov", "zhumabekova")
LEGAL = "zhumabekova"
NOT_AUTHENTIC = "Тексты на казахском и русском не аутентичны"  # R10.12


class VisasTestCase(unittest.TestCase):
    layer = AKIMAT_CONTENT_INTEGRATION_TESTING

    def setUp(self):
        portal = self.layer["portal"]
        setRoles(portal, TEST_USER_ID, ["Manager"])
        self.document = api.content.create(
            container=portal,
            type="Document",
            id="draft",
            title="Об утверждении положения",
        )

    def start(self, approvers=APPROVERS, last=(LEGAL,), **kwargs):
        kwargs.setdefault("when", MONDAY)
        return visas.start_round(self.document, approvers, last=last, **kwargs)

    def assertRefused(self, function, *args, **kwargs):
        """The call raises a VisaError with a translatable message and changes nothing."""
        before = visas.rounds(self.document)
        with self.assertRaises(VisaError) as refused:
            function(self.document, *args, **kwargs)
        message = refused.exception.args[0]
        self.assertIsInstance(message, Message)
        self.assertEqual(message.domain, "akimat")
        self.assertEqual(visas.rounds(self.document), before)
        return message


class TestAgreement(VisasTestCase):
    def test_agreement_by_all_closes_the_round_as_agreed(self):
        """R10.4b: every approver agrees → the round is agreed; each visa says who and when."""
        started = self.start(started_by="petrova")
        self.assertEqual(started.number, 1)
        self.assertEqual(started.state, visas.OPEN)
        self.assertEqual(started.approvers, APPROVERS)
        self.assertEqual((started.started, started.started_by), (MONDAY, "petrova"))
        for userid in APPROVERS[:-1]:
            self.assertEqual(
                visas.agree(self.document, userid, when=TUESDAY).state, visas.OPEN
            )
        agreed = visas.agree(self.document, LEGAL, when=TUESDAY)
        self.assertEqual(agreed.state, visas.AGREED)
        self.assertEqual(agreed.closed, TUESDAY)
        for visa in agreed.visas:
            self.assertEqual(
                (
                    visa.decision,
                    visa.signed_by,
                    visa.when,
                    visa.reason,
                    visa.by_substitute,
                ),
                (visas.AGREED, visa.approver, TUESDAY, None, False),
            )
        self.assertEqual(visas.current_round(self.document), agreed)
        self.assertEqual(visas.pending(self.document), ())

    def test_rounds_are_stored_and_read_back_in_almaty_time(self):
        """R0.3: the record survives the database (a savepoint pickles it), read in Almaty time."""
        self.start(substitutes={"omarova": "ibraimov"})
        visas.agree(self.document, "ibraimov", when=TUESDAY)
        transaction.savepoint()
        current = visas.current_round(self.document)
        self.assertEqual(current.started, MONDAY)
        self.assertEqual(current.visa("omarova").when, TUESDAY)
        self.assertEqual(str(current.visa("omarova").when.tzinfo), "Asia/Almaty")

    @freeze_time("2026-12-01 04:15:00")  # UTC
    def test_times_are_almaty_time_by_default(self):
        """R0.3: a visa without an explicit time is dated now in Asia/Almaty (UTC+5)."""
        self.start(when=None)
        visas.agree(self.document, "omarova")
        current = visas.current_round(self.document)
        expected = datetime(2026, 12, 1, 9, 15, tzinfo=ALMATY)
        self.assertEqual(current.started, expected)
        self.assertEqual(current.visa("omarova").when, expected)
        self.assertEqual(
            current.visa("omarova").when.utcoffset().total_seconds(), 5 * 3600
        )


class TestReturn(VisasTestCase):
    def test_return_needs_a_reason_and_closes_the_round_as_returned(self):
        """R10.4b: an approver either agrees or returns with reasons; a return closes the round."""
        self.start()
        visas.agree(self.document, "abdrakhmanov", when=MONDAY)
        for blank in (None, "", "   \n"):
            with self.subTest(reason=blank):
                self.assertRefused(visas.return_for_rework, "kozlov", blank)
        returned = visas.return_for_rework(
            self.document,
            "kozlov",
            "  Нет справки о финансировании (R10.10).  ",
            when=TUESDAY,
        )
        self.assertEqual(returned.state, visas.RETURNED)
        self.assertEqual(returned.closed, TUESDAY)
        visa = returned.visa("kozlov")
        self.assertEqual(
            (visa.decision, visa.signed_by, visa.when, visa.reason),
            (
                visas.RETURNED,
                "kozlov",
                TUESDAY,
                "Нет справки о финансировании (R10.10).",
            ),
        )
        # Only two outcomes exist, and the others' visas stay as they were.
        self.assertEqual(
            [visa.decision for visa in returned.visas],
            [visas.AGREED, None, visas.RETURNED, None],
        )
        self.assertEqual(visas.pending(self.document), ())
        self.assertFalse(visas.awaiting(self.document, "omarova"))

    def test_new_round_starts_clean_and_the_history_keeps_the_old_one(self):
        """R10.4b: after a return the reworked draft goes round again; the return stays recorded."""
        self.start()
        visas.agree(self.document, "abdrakhmanov", when=MONDAY)
        visas.return_for_rework(self.document, "omarova", NOT_AUTHENTIC)
        second = self.start(approvers=("omarova", "kozlov", LEGAL), when=TUESDAY)
        self.assertEqual(
            (second.number, second.state, second.started), (2, visas.OPEN, TUESDAY)
        )
        self.assertEqual([visa.decision for visa in second.visas], [None, None, None])
        self.assertEqual(
            [visa.approver for visa in visas.pending(self.document)],
            ["omarova", "kozlov"],
        )
        # omarova, who returned the first round, visas the second one anew.
        again = visas.agree(self.document, "omarova")
        self.assertEqual(again.visa("omarova").decision, visas.AGREED)
        first, current = visas.rounds(self.document)
        self.assertEqual(current, visas.current_round(self.document))
        self.assertEqual(first.state, visas.RETURNED)
        self.assertEqual(first.approvers, APPROVERS)
        self.assertEqual(first.visa("abdrakhmanov").decision, visas.AGREED)
        self.assertEqual(first.visa("omarova").reason, NOT_AUTHENTIC)

    def test_no_new_round_while_one_is_open(self):
        """A document is out for agreement once at a time: visas given are never thrown away."""
        self.start()
        visas.agree(self.document, "abdrakhmanov")
        self.assertRefused(visas.start_round, ("omarova",))
        self.assertEqual(len(visas.rounds(self.document)), 1)


class TestLegalConsultantLast(VisasTestCase):
    def test_legal_consultant_visas_only_after_all_the_others(self):
        """R10.3: the legal consultant visas last, after all the other approvals."""
        self.start()
        self.assertNotIn(
            LEGAL, [visa.approver for visa in visas.pending(self.document)]
        )
        self.assertFalse(visas.awaiting(self.document, LEGAL))
        self.assertRefused(visas.agree, LEGAL)
        self.assertRefused(visas.return_for_rework, LEGAL, "Противоречит закону")
        visas.agree(self.document, "abdrakhmanov")
        visas.agree(self.document, "omarova")
        self.assertRefused(visas.agree, LEGAL)  # one approver still to visa
        self.assertEqual(
            [visa.approver for visa in visas.pending(self.document)], ["kozlov"]
        )
        visas.agree(self.document, "kozlov")
        self.assertEqual(
            [visa.approver for visa in visas.pending(self.document)], [LEGAL]
        )
        self.assertTrue(visas.awaiting(self.document, LEGAL))
        self.assertEqual(visas.agree(self.document, LEGAL).state, visas.AGREED)

    def test_legal_consultant_may_return_once_the_others_agreed(self):
        """R10.3/R10.12: once the others agreed, the legal consultant may return the draft."""
        self.start(approvers=("omarova", LEGAL))
        visas.agree(self.document, "omarova")
        returned = visas.return_for_rework(
            self.document, LEGAL, "Нет сравнительной таблицы"
        )
        self.assertEqual(returned.state, visas.RETURNED)

    def test_others_visa_in_any_order(self):
        """R10.3 orders only the legal consultant: the other approvers are all expected at once."""
        self.start()
        self.assertEqual(
            [visa.approver for visa in visas.pending(self.document)],
            list(APPROVERS[:-1]),
        )
        visas.agree(self.document, "kozlov")
        visas.agree(self.document, "abdrakhmanov")
        self.assertEqual(
            [visa.approver for visa in visas.pending(self.document)], ["omarova"]
        )


class TestSubstitutes(VisasTestCase):
    def test_substitute_visas_for_an_absent_approver(self):
        """R11.4: an absent deputy is replaced by his substitute; the record says for whom."""
        self.start(substitutes={"abdrakhmanov": "kuznetsova"})
        self.assertTrue(visas.awaiting(self.document, "kuznetsova"))
        agreed = visas.agree(self.document, "kuznetsova", when=TUESDAY)
        visa = agreed.visa("abdrakhmanov")
        self.assertEqual(
            (visa.decision, visa.approver, visa.substitute, visa.signed_by, visa.when),
            (visas.AGREED, "abdrakhmanov", "kuznetsova", "kuznetsova", TUESDAY),
        )
        self.assertTrue(visa.by_substitute)
        self.assertNotIn("kuznetsova", agreed.approvers)
        # The approver's visa is given: neither he nor his substitute visas again.
        self.assertFalse(visas.awaiting(self.document, "abdrakhmanov"))
        self.assertRefused(visas.agree, "abdrakhmanov")
        self.assertRefused(visas.agree, "kuznetsova")

    def test_substitute_returns_for_an_approver(self):
        """R11.4/R10.4b: the substitute may also return, with a reason, on the approver's behalf."""
        self.start(substitutes={"omarova": "ibraimov"})
        returned = visas.return_for_rework(
            self.document, "ibraimov", "Нет копии поручения"
        )
        visa = returned.visa("omarova")
        self.assertEqual((visa.decision, visa.signed_by), (visas.RETURNED, "ibraimov"))
        self.assertTrue(visa.by_substitute)

    def test_approver_himself_may_still_visa(self):
        """R11.4: a substitute is named for the round; a present approver visas himself."""
        self.start(substitutes={"abdrakhmanov": "kuznetsova"})
        visa = visas.agree(self.document, "abdrakhmanov").visa("abdrakhmanov")
        self.assertEqual(visa.signed_by, "abdrakhmanov")
        self.assertFalse(visa.by_substitute)

    def test_an_approver_who_substitutes_another_says_on_whose_behalf(self):
        """R11.4: the deputy head, himself an approver, visas for the absent head of apparatus."""
        self.start(
            approvers=("ibraimov", "omarova", LEGAL),
            substitutes={"omarova": "ibraimov"},
        )
        own = visas.agree(
            self.document, "ibraimov"
        )  # without on_behalf_of: his own visa
        self.assertEqual(own.visa("ibraimov").signed_by, "ibraimov")
        self.assertIsNone(own.visa("omarova").decision)
        self.assertRefused(visas.agree, "ibraimov")  # his own visa again
        for_head = visas.agree(self.document, "ibraimov", on_behalf_of="omarova")
        self.assertEqual(for_head.visa("omarova").signed_by, "ibraimov")
        self.assertRefused(
            visas.agree, "kozlov", on_behalf_of="omarova"
        )  # not her substitute

    def test_substitute_of_several_approvers_says_on_whose_behalf(self):
        """R11.4: one person substituting two absent deputies visas for each of them by name."""
        self.start(substitutes={"abdrakhmanov": "ibraimov", "kozlov": "ibraimov"})
        message = self.assertRefused(visas.agree, "ibraimov")
        self.assertEqual(message.mapping, {"userid": "ibraimov"})
        visas.agree(self.document, "ibraimov", on_behalf_of="kozlov")
        visas.agree(self.document, "ibraimov", on_behalf_of="abdrakhmanov")
        signed = visas.current_round(self.document)
        self.assertEqual(signed.visa("kozlov").signed_by, "ibraimov")
        self.assertEqual(signed.visa("abdrakhmanov").signed_by, "ibraimov")

    def test_substitutes_hold_for_their_round_only(self):
        """R11.4: a substitute named for one round is not one in the next."""
        self.start(substitutes={"abdrakhmanov": "kuznetsova"})
        visas.return_for_rework(
            self.document, "kozlov", "Нет заключения бюджетной комиссии"
        )
        self.start()
        self.assertFalse(visas.awaiting(self.document, "kuznetsova"))
        self.assertRefused(visas.agree, "kuznetsova")


class TestRefusals(VisasTestCase):
    def test_a_stranger_cannot_visa(self):
        """R10.4a: only the approvers of the round (or their substitutes) visa it."""
        self.start()
        message = self.assertRefused(visas.agree, "abenov")
        self.assertEqual(message.mapping, {"userid": "abenov"})
        self.assertRefused(visas.return_for_rework, "abenov", "Не согласен")
        self.assertRefused(visas.agree, "abenov", on_behalf_of="omarova")
        self.assertFalse(visas.awaiting(self.document, "abenov"))

    def test_a_second_visa_in_the_round_is_refused(self):
        """R10.4b: an approver gives one visa per round; he cannot agree twice or take it back."""
        self.start()
        visas.agree(self.document, "omarova", when=MONDAY)
        self.assertRefused(visas.agree, "omarova")
        self.assertRefused(visas.return_for_rework, "omarova", "Передумала")
        self.assertEqual(
            visas.current_round(self.document).visa("omarova").when, MONDAY
        )

    def test_no_visa_on_a_closed_round(self):
        """R10.4b: after a return, or once agreed, the round takes no more visas."""
        self.start()
        visas.return_for_rework(self.document, "omarova", "Нет сравнительной таблицы")
        self.assertRefused(visas.agree, "abdrakhmanov")
        self.assertRefused(visas.return_for_rework, "kozlov", "Нет справки")
        self.start(approvers=("omarova",), last=())
        visas.agree(self.document, "omarova")
        self.assertEqual(visas.current_round(self.document).state, visas.AGREED)
        self.assertRefused(visas.agree, "omarova")
        self.assertRefused(visas.return_for_rework, "omarova", "Поздно")

    def test_no_visa_before_the_document_is_sent_for_agreement(self):
        """A visa needs a round: a document never sent for agreement takes none, and stays clean."""
        self.assertRefused(visas.agree, "omarova")
        self.assertFalse(IAnnotations(self.document).get(visas.ANNOTATION_KEY))

    def test_a_round_needs_a_sound_list_of_approvers(self):
        """R10.4a: a round names its approvers once each; `last` and substitutes refer to them."""
        self.assertRefused(visas.start_round, [])
        self.assertRefused(visas.start_round, ["omarova", "kozlov", "omarova"])
        self.assertRefused(visas.start_round, ["omarova"], last=[LEGAL])
        self.assertRefused(
            visas.start_round, ["omarova"], substitutes={"kozlov": "ibraimov"}
        )
        self.assertRefused(
            visas.start_round, ["omarova"], substitutes={"omarova": "omarova"}
        )
        self.assertRefused(visas.start_round, ["omarova"], substitutes={"omarova": ""})
        self.assertEqual(visas.rounds(self.document), ())
        self.assertNotIn(visas.ANNOTATION_KEY, IAnnotations(self.document))

    def test_rounds_read_are_not_the_stored_state(self):
        """What readers get cannot change the record: rounds and visas are frozen copies."""
        current = self.start()
        with self.assertRaises(AttributeError):
            current.state = visas.AGREED
        with self.assertRaises(AttributeError):
            current.visas[0].decision = visas.AGREED
        self.assertEqual(visas.current_round(self.document).state, visas.OPEN)


class TestReadingNeverWrites(VisasTestCase):
    def read_everything(self):
        visas.current_round(self.document)
        visas.rounds(self.document)
        visas.pending(self.document)
        visas.awaiting(self.document, "omarova")

    def test_reading_a_document_never_sent_creates_no_annotation(self):
        """Pages and GET requests read visas; reading never creates the annotation."""
        transaction.savepoint()
        had_annotations = "__annotations__" in self.document.__dict__
        self.read_everything()
        self.assertIsNone(visas.current_round(self.document))
        self.assertEqual(visas.rounds(self.document), ())
        self.assertEqual(visas.pending(self.document), ())
        self.assertFalse(visas.awaiting(self.document, "omarova"))
        self.assertNotIn(visas.ANNOTATION_KEY, IAnnotations(self.document))
        self.assertEqual("__annotations__" in self.document.__dict__, had_annotations)
        self.assertFalse(self.document._p_changed)

    def test_reading_rounds_changes_nothing_stored(self):
        """Reading the rounds of a document under agreement leaves every stored object clean."""
        self.start(substitutes={"omarova": "ibraimov"})
        visas.agree(self.document, "abdrakhmanov")
        transaction.savepoint()
        self.read_everything()
        stored = IAnnotations(self.document)[visas.ANNOTATION_KEY]
        persistent = [self.document, stored]
        for round_ in stored:
            persistent += [round_, round_["visas"], *round_["visas"]]
        self.assertEqual(
            [obj._p_changed for obj in persistent], [False] * len(persistent)
        )
