"""The pages of a protocol: drawn up from its meeting, its page, visas, signatures and
registration through the views, the print forms, the listings, the ОДК's weekly report and the
defaults of its assignments (RULES.md R8, R8.6, A6, R12.4a)."""

from akimat.content import _
from akimat.content.agreement import visas
from akimat.content.control.vocabularies import SOURCE_KINDS
from akimat.content.interfaces import IAkimatContentLayer
from akimat.content.meetings.browser.protocol import print_values
from akimat.content.meetings.protocol_print import LABELS
from akimat.content.testing import AKIMAT_CONTENT_INTEGRATION_TESTING
from akimat.content.tests.meetings import MeetingFixture
from akimat.content.tests.word import docx_text
from datetime import date
from datetime import datetime
from freezegun import freeze_time
from plone import api
from plone.app.testing import TEST_USER_NAME
from Products.statusmessages.interfaces import IStatusMessage
from zExceptions import Unauthorized
from zope.i18n import translate
from zope.interface import alsoProvides

import unittest


class ProtocolViewTestCase(MeetingFixture, unittest.TestCase):
    layer = AKIMAT_CONTENT_INTEGRATION_TESTING

    def setUp(self):
        super().setUp()
        self.request = self.layer["request"]
        alsoProvides(self.request, IAkimatContentLayer)

    def post(self, context, name, userid, **form):
        return self.render(context, name, userid, method="POST", **form)

    def messages(self):
        return [message.message for message in IStatusMessage(self.request).show()]

    def t(self, message):
        return translate(message, context=self.request)

    def redirected_to(self):
        return self.request.response.getHeader("location")

    def submitted(self, protocol):
        self.post(protocol, "@@transition", "odk-officer", workflow_action="submit")
        return protocol

    def agreed(self, protocol):
        """Every approver visas on the page's form, the legal consultant last (R5.34)."""
        while visas.pending(protocol):
            self.post(
                protocol,
                "@@visa",
                visas.pending(protocol)[0].approver,
                **{"form.buttons.agree": "1"},
            )
        return protocol


class TestCreateProtocol(ProtocolViewTestCase):
    def test_refused_for_a_planned_meeting(self):
        """A6.1: a protocol is drawn up for a meeting that has been held; the meeting says why not."""
        meeting = self.meeting()
        self.post(meeting, "@@create-protocol", "odk-officer")
        self.assertEqual(self.redirected_to(), meeting.absolute_url())
        self.assertIn(
            self.t(_("A protocol is written for a meeting that has been held.")),
            self.messages(),
        )
        self.assertNotIn(f"protocol-{meeting.getId()}", self.protocols)

    def test_refused_without_the_permission_to_add(self):
        """A6.1: who may not add protocols where they go is told so, and nothing is created."""
        meeting = self.held_meeting()
        self.post(meeting, "@@create-protocol", "economist")
        self.assertEqual(self.redirected_to(), meeting.absolute_url())
        refusal = _(
            "You may not add protocols in «${folder}».",
            mapping={"folder": self.protocols.Title()},
        )
        self.assertIn(self.t(refusal), self.messages())
        self.assertNotIn(f"protocol-{meeting.getId()}", self.protocols)

    def test_drawn_up_from_a_held_meeting(self):
        """A6.1, A6.2: the ОДК draws the protocol up from the held meeting; a GET changes nothing."""
        meeting = self.held_meeting()
        self.render(meeting, "@@create-protocol", "odk-officer")
        self.assertNotIn(f"protocol-{meeting.getId()}", self.protocols)
        self.post(meeting, "@@create-protocol", "odk-officer")
        protocol = self.protocols[f"protocol-{meeting.getId()}"]
        self.assertEqual(self.redirected_to(), protocol.absolute_url())
        self.assertEqual(len(protocol.sections()), 2)


class TestProtocolPage(ProtocolViewTestCase):
    def test_sections_and_assignments_in_order(self):
        """A6.2, R8.3, R8.5b: the sections with СЛУШАЛИ – ПОСТАНОВИЛИ, the assignments 1, 1.1, 2."""
        protocol = self.protocol(self.held_meeting())
        protocol.protocol_language = "ru"
        protocol.sections()[1].solved = True
        self.assignment(protocol, "2", title="Представить план")
        self.assignment(protocol, "1", title="Обеспечить запас угля")
        self.assignment(protocol, "1.1", title="Проверить котельные")
        html = self.render(protocol, "@@view", "odk-officer")
        self.assertLess(
            html.index("О ходе отопительного сезона"),
            html.index("Об исполнении бюджета"),
        )
        self.assertIn("Информацию принять к сведению.", html)
        self.assertIn(LABELS["ru"]["decided"], html)
        self.assertIn(LABELS["ru"]["solved"], html)  # the second item is «РЕШИЛИ»
        self.assertLess(
            html.index("Обеспечить запас угля"), html.index("Проверить котельные")
        )
        self.assertLess(
            html.index("Проверить котельные"), html.index("Представить план")
        )
        self.assertIn(protocol.get_meeting().absolute_url(), html)
        self.assertIn("++add++ProtocolSection", html)
        self.assertIn("++add++Assignment", html)
        self.assertIn(f"{protocol.sections()[0].absolute_url()}/edit", html)
        self.assertIn('id="protocol-due"', html)  # R8.5d
        self.assertIn('id="protocol-submit"', html)

    def test_more_than_ten_present_are_an_attached_list(self):
        """A6.2: with 11 people present the protocol says «список прилагается»."""
        protocol = self.protocol(self.held_meeting())
        protocol.protocol_language = "ru"
        protocol.attendees = [f"member{n}" for n in range(1, 6)] + [
            "deputy",
            "deputy2",
            "head",
            "lawyer",
            "economist",
            "organiser",
        ]
        html = self.render(protocol, "@@view", "odk-officer")
        self.assertIn('id="protocol-list-attached"', html)
        self.assertIn("список прилагается", html)
        protocol.attendees = protocol.attendees[:10]
        self.assertNotIn(
            "список прилагается", self.render(protocol, "@@view", "odk-officer")
        )


class TestAgreementAndSignature(ProtocolViewTestCase):
    def test_visas_and_signatures_through_the_pages(self):
        """R8.5d, A6.3: sent for agreement, visaed by each approver, signed by the chair and the secretary."""
        protocol = self.submitted(self.ready(self.protocol(self.held_meeting())))
        self.assertEqual(protocol.review_state(), "agreement")
        self.assertIn(
            'id="protocol-agreement-deadline"',
            self.render(protocol, "@@view", "deputy"),
        )
        self.assertIn('id="protocol-visa"', self.render(protocol, "@@view", "deputy"))
        self.assertNotIn(
            'id="protocol-visa"', self.render(protocol, "@@view", "lawyer")
        )  # visas last
        self.agreed(protocol)
        self.assertEqual(protocol.review_state(), "signing")
        html = self.render(protocol, "@@view", "the-akim")
        self.assertIn('id="protocol-sign"', html)
        self.assertIn('data-decision="agreed"', html)
        self.post(protocol, "@@sign", "the-akim")
        self.assertEqual(self.redirected_to(), protocol.absolute_url())
        html = self.render(protocol, "@@view", "summary-officer")
        self.assertIn('id="signature-the-akim" data-signed="yes"', html)
        self.assertIn('id="signature-summary-officer" data-signed="no"', html)
        self.post(protocol, "@@sign", "summary-officer")
        self.assertTrue(protocol.fully_signed())

    def test_sign_refused_for_a_non_signatory(self):
        """A6.3: only the chair and the secretary sign; anybody else is told so, or may not ask."""
        protocol = self.agreed(
            self.submitted(self.ready(self.protocol(self.held_meeting())))
        )
        self.post(
            protocol, "@@sign", TEST_USER_NAME
        )  # an administrator, but not a signatory
        self.assertIn(
            self.t(_("The protocol is signed by the chair and the secretary.")),
            self.messages(),
        )
        self.assertEqual(protocol.signatures, ())
        with self.assertRaises(Unauthorized):
            self.post(protocol, "@@sign", "deputy")

    def test_registered_by_the_odk_after_both_signatures(self):
        """A6.3, A6.4, R8.7: registration waits for both signatures, then gives the year's next number."""
        protocol = self.agreed(
            self.submitted(self.ready(self.protocol(self.held_meeting())))
        )
        self.post(protocol, "@@sign", "the-akim")
        register_by_the_odk(self, protocol)
        self.assertEqual(protocol.review_state(), "signing")
        refusal = _(
            "The ОДК registers a protocol signed by the chair and the secretary."
        )
        self.assertIn(self.t(refusal), self.messages())
        self.post(protocol, "@@sign", "summary-officer")
        self.assertIsNone(
            print_values(protocol)["number"]
        )  # printed for agreement without a number
        register_by_the_odk(self, protocol)
        self.assertEqual(protocol.review_state(), "registered")
        self.assertEqual(protocol.registration_number, 1)
        self.assertEqual(print_values(protocol)["number"], 1)
        html = self.render(protocol, "@@view", "economist")
        self.assertIn('id="protocol-number"', html)
        self.assertNotIn('id="protocol-register"', html)

    def test_returned_for_rework_with_a_reason(self):
        """R8.5d, R10.4b: an approver returns the protocol with reasons on the visa form, the ОДК on
        the return form; either way it goes back to the draft with the reason in the visa sheet."""
        protocol = self.submitted(self.ready(self.protocol(self.held_meeting())))
        self.post(
            protocol,
            "@@visa",
            "deputy",
            **{"form.widgets.reason": "Уточнить сроки", "form.buttons.return": "1"},
        )
        self.assertEqual(protocol.review_state(), "draft")
        self.assertIn("Уточнить сроки", self.render(protocol, "@@view", "odk-officer"))
        self.submitted(protocol)
        self.assertIn(
            'id="protocol-return"', self.render(protocol, "@@view", "odk-officer")
        )
        self.post(
            protocol,
            "@@return-for-rework",
            "odk-officer",
            **{"form.widgets.reason": "Нет приложения", "form.buttons.return": "1"},
        )
        self.assertEqual(protocol.review_state(), "draft")

    def test_a_refused_submission_is_a_message(self):
        """R8.5b: a protocol whose assignments are numbered wrong is not sent, and the page says why."""
        protocol = self.protocol(self.held_meeting())
        for section in protocol.sections():
            section.decided = "Принять к сведению."
        self.assignment(protocol, "2.1")
        self.submitted(protocol)
        self.assertEqual(protocol.review_state(), "draft")
        self.assertIn("2.1", " ".join(self.messages()))


class TestPrintForms(ProtocolViewTestCase):
    def test_print_docx_holds_the_sections_and_their_items(self):
        """A6.2, R8.5b: the full form with СЛУШАЛИ – ПОСТАНОВИЛИ in capitals and each section's items."""
        protocol = self.ready(self.protocol(self.held_meeting()))
        protocol.protocol_language = "ru"
        protocol.sections()[0].heard = "Доклад о ходе отопительного сезона."
        data = self.render(protocol, "@@print.docx", "odk-officer")
        self.assertEqual(
            self.request.response.getHeader("Content-Type"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
        text = docx_text(data)
        for heading in ("СЛУШАЛИ", "ПОСТАНОВИЛИ"):
            self.assertIn(heading, text)
        self.assertIn("О ходе отопительного сезона", text)
        self.assertIn("Об исполнении бюджета", text)
        self.assertIn("Обеспечить подготовку", text)  # items 1 and 1.1 of section 1
        self.assertIn("1.1", text)
        self.assertNotIn("{{", text)

    def test_extract_holds_one_item(self):
        """A6.5: the extract of item 2 holds item 2 only; an unknown item is a plain 400."""
        protocol = self.ready(self.protocol(self.held_meeting()))
        protocol.protocol_language = "ru"
        text = docx_text(
            self.render(protocol, "@@extract.docx", "odk-officer", item="2")
        )
        self.assertIn("Об исполнении бюджета", text)
        self.assertNotIn("О ходе отопительного сезона", text)
        for item in ("7", "два", ""):
            body = self.render(protocol, "@@extract.docx", "odk-officer", item=item)
            self.assertEqual(self.request.response.getStatus(), 400)
            self.assertIn("1, 2", body)


class TestListings(ProtocolViewTestCase):
    def test_protocols_filtered_by_year_kind_and_state(self):
        """R8.7: the register of protocols filters by year, kind of meeting and state."""
        apparatus = self.protocol(self.held_meeting())
        operational = self.protocol(
            self.held_meeting(kind="operational-meeting", title="Оперативное совещание")
        )
        self.submitted(self.ready(operational))
        html = self.render(self.portal, "@@protocols", "odk-officer")
        self.assertIn(apparatus.absolute_url(), html)
        self.assertIn(operational.absolute_url(), html)
        html = self.render(
            self.portal, "@@protocols", "odk-officer", kind="operational-meeting"
        )
        self.assertNotIn(apparatus.absolute_url(), html)
        html = self.render(
            self.portal, "@@protocols", "odk-officer", state="draft", year="2026"
        )
        self.assertIn(apparatus.absolute_url(), html)
        self.assertNotIn(operational.absolute_url(), html)
        self.assertNotIn(
            apparatus.absolute_url(),
            self.render(self.portal, "@@protocols", "odk-officer", year="2025"),
        )

    def test_awaiting_my_visa_and_my_signature(self):
        """R8.5d, A6.3: who is to visa now, and who is to sign, each see the protocol in their list."""
        protocol = self.submitted(self.ready(self.protocol(self.held_meeting())))
        url = protocol.absolute_url()

        def listed(name, userid):
            with api.env.adopt_user(username=userid):
                return url in [
                    brain.getURL()
                    for brain in self.portal.restrictedTraverse(name).brains()
                ]

        self.assertTrue(listed("@@protocols-awaiting-my-visa", "deputy"))
        self.assertFalse(
            listed("@@protocols-awaiting-my-visa", "lawyer")
        )  # last, after the others
        self.assertIn(
            url, self.render(self.portal, "@@protocols-awaiting-my-visa", "deputy")
        )
        self.agreed(protocol)
        self.assertFalse(listed("@@protocols-awaiting-my-visa", "deputy"))
        self.assertTrue(listed("@@protocols-awaiting-my-signature", "the-akim"))
        self.post(protocol, "@@sign", "the-akim")
        self.assertFalse(listed("@@protocols-awaiting-my-signature", "the-akim"))
        self.assertTrue(listed("@@protocols-awaiting-my-signature", "summary-officer"))


class TestTimelinessReport(ProtocolViewTestCase):
    def drawn_up(self, day, submitted_on=None, title="Аппаратное совещание"):
        start = datetime.combine(day, datetime.min.time()).replace(hour=10)
        protocol = self.protocol(
            self.held_meeting(title=title, start=start, end=start.replace(hour=12))
        )
        if submitted_on is not None:
            with freeze_time(f"{submitted_on.isoformat()} 04:00:00"):
                self.submitted(self.ready(protocol))
        return protocol

    def test_late_protocols_of_the_past_week_worst_first(self):
        """R8.6, R8.5d: the week before today, each protocol's working days late, the worst first."""
        late = self.drawn_up(
            date(2026, 12, 8), submitted_on=date(2026, 12, 14), title="Поздний протокол"
        )
        pending = self.drawn_up(date(2026, 12, 10), title="Не оформлен")
        self.drawn_up(
            date(2026, 12, 9), submitted_on=date(2026, 12, 10), title="Вовремя"
        )
        self.drawn_up(
            date(2026, 12, 1), submitted_on=date(2026, 12, 2), title="Прошлая неделя"
        )
        with freeze_time("2026-12-15 05:00:00"):  # Tuesday 15 December, Almaty 10:00
            html = self.render(self.portal, "@@protocol-timeliness", "odk-officer")
        self.assertIn("07.12.2026", html)
        self.assertIn("13.12.2026", html)
        self.assertNotIn("Прошлая неделя", html)
        # due 9.12, drawn up 14.12: 10, 11, 14 December; due 11.12, not yet: 14, 15 December
        self.assertIn('data-days-late="3"', html)
        self.assertIn('data-days-late="2"', html)
        self.assertLess(html.index("Поздний протокол"), html.index("Не оформлен"))
        self.assertLess(html.index("Не оформлен"), html.index("Вовремя"))
        self.assertIn(late.absolute_url(), html)
        self.assertIn(pending.absolute_url(), html)
        self.assertIn(
            self.t(
                _(
                    "${count} protocols, ${late} drawn up late.",
                    mapping={"count": 3, "late": 2},
                )
            ),
            html,
        )

    def test_held_meeting_without_protocol_is_late_too(self):
        """R8.6, R8.5d, R5.46: a meeting of the week held without a protocol is listed, late until
        today; an operational meeting has a protocol only when needed and is not listed."""
        start = datetime(2026, 12, 8, 10, 0)
        missing = self.held_meeting(
            title="Без протокола", start=start, end=start.replace(hour=12)
        )
        self.held_meeting(
            kind="operational-meeting",
            title="Оперативное без протокола",
            start=start,
            end=start.replace(hour=12),
        )
        with freeze_time("2026-12-15 05:00:00"):
            html = self.render(self.portal, "@@protocol-timeliness", "odk-officer")
        self.assertIn(missing.absolute_url(), html)
        self.assertIn(self.t(_("no protocol yet")), html)
        self.assertIn('data-days-late="4"', html)  # due 9.12: 10, 11, 14, 15 December
        self.assertNotIn("Оперативное без протокола", html)

    def test_a_bad_date_shows_the_default_week(self):
        """R8.6: a date that is not one is said so, and the last full week is shown."""
        self.drawn_up(
            date(2026, 12, 8), submitted_on=date(2026, 12, 9), title="Вовремя"
        )
        with freeze_time("2026-12-15 05:00:00"):
            html = self.render(
                self.portal, "@@protocol-timeliness", "odk-officer", week="31.12.2026"
            )
            self.assertIn('id="protocol-timeliness-error"', html)
            self.assertIn("Вовремя", html)
            html = self.render(
                self.portal, "@@protocol-timeliness", "odk-officer", week="2026-12-07"
            )
            self.assertNotIn(
                "Вовремя", html
            )  # the week before: 30 November – 6 December

    def test_for_the_leadership_and_the_odk_only(self):
        """R8.6: the report is the ОДК's to the head of apparatus."""
        with self.assertRaises(Unauthorized):
            self.render(self.portal, "@@protocol-timeliness", "economist")


class TestAssignmentsOfAProtocol(ProtocolViewTestCase):
    def add_form_values(self, protocol):
        with api.env.adopt_user(username="odk-officer"):
            view = protocol.restrictedTraverse("++add++Assignment")
            view()
        widgets = view.form_instance.widgets
        return {
            name: widgets[name].value
            for name in ("controller", "date_given", "source_kind", "number")
        }

    def test_add_form_starts_from_the_protocol(self):
        """R8.5a, R8.5b: the protocol's controller, its meeting's date and kind, the next item number."""
        protocol = self.protocol(self.held_meeting())
        self.assertEqual(
            self.add_form_values(protocol),
            {
                "controller": "odk",
                "date_given": "2026-12-08",
                "source_kind": ["apparatus-meeting"],
                "number": "1",
            },
        )
        self.assignment(protocol, "1")
        self.assignment(protocol, "1.1")
        self.assertEqual(self.add_form_values(protocol)["number"], "2")

    def test_in_the_control_list_with_the_protocol_as_source(self):
        """R12.4a, R5.12: the registered protocol's assignments are on the ОДК's control list, their
        source the protocol by its kind, number and date."""
        protocol = self.signed(self.ready(self.protocol(self.held_meeting())))
        register_by_the_odk(self, protocol)
        html = self.render(self.portal, "@@control-list", "odk-officer")
        self.assertIn(protocol["a-1.1"].absolute_url(), html)
        self.assertIn(self.t(SOURCE_KINDS.getTerm("apparatus-meeting").title), html)
        self.assertIn(f"№ {protocol.registration_number}, 08.12.2026", html)


def register_by_the_odk(case, protocol):
    """The ОДК registers the protocol from its confirmation page."""
    case.post(
        protocol,
        "@@transition",
        "odk-officer",
        workflow_action="register",
        confirmed="1",
    )
