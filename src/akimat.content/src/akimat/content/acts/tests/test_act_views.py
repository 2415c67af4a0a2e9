"""The pages of an act: its page, the visa and return forms, the print form, acquaintance and the
listings (RULES.md R10)."""

from akimat.content import _
from akimat.content.acts.tests.test_act import ActTestCase
from akimat.content.agreement import visas
from akimat.content.core.principals import principal_title
from akimat.content.tests.views import ViewTests
from docx import Document
from freezegun import freeze_time
from io import BytesIO
from plone import api
from Products.statusmessages.interfaces import IStatusMessage
from zope.i18n import translate


class ActViewTestCase(ViewTests, ActTestCase):
    def in_agreement(self, **fields):
        act = self.act(**fields)
        self.do(act, "submit", "developer")
        self.do(act, "approve_legally", "lawyer")
        return act

    def registered(self, **fields):
        act = self.in_agreement(**fields)
        self.visa_all(act)
        self.do(act, "sign", "the-akim")
        self.do(act, "register", "odk-officer")
        return act


class TestActPage(ActViewTestCase):
    def test_page_shows_the_visa_sheet_and_the_terms(self):
        """R10.3/R10.14/R10.15: every approver in the sheet, the lawyer last; round and signing terms."""
        with freeze_time("2026-03-02 06:00:00"):
            act = self.in_agreement()
        with freeze_time("2026-03-03 06:00:00"), api.env.adopt_user(username="deputy"):
            from akimat.content.agreement.agreement import give_visa

            give_visa(act, "deputy", agree=True)
        with freeze_time("2026-03-20 06:00:00"):
            html = self.render(act, "@@view", "head")
        self.assertIn('id="visa-sheet"', html)
        self.assertIn('id="visa-round-1"', html)
        self.assertIn('data-decision="agreed"', html)
        self.assertIn('data-decision="pending"', html)
        self.assertIn(act.round_deadline().strftime("%d.%m.%Y"), html)
        self.assertIn('id="act-late-approvers"', html)  # the head is late (R10.14)
        self.assertIn(act.signing_deadline().strftime("%d.%m.%Y"), html)
        self.assertIn('id="act-signing-exceeded"', html)  # R10.15: 3 wd from creation
        self.assertIn("@@visa", html)  # the head is expected to visa
        self.assertNotIn("@@visa", self.render(act, "@@view", "developer"))

    def test_page_shows_the_rework_term_after_a_return(self):
        """R10.13: after a return the page shows the rework term and the reason in the sheet."""
        act = self.in_agreement()
        self.render(
            act,
            "@@visa",
            "deputy",
            method="POST",
            **{"form.widgets.reason": "Уточнить состав", "form.buttons.return": "1"},
        )
        html = self.render(act, "@@view", "developer")
        self.assertIn('id="act-rework-deadline"', html)
        self.assertIn("Уточнить состав", html)
        self.assertIn('data-decision="returned"', html)

    def test_registered_act_offers_print_and_shows_its_number(self):
        """R10.16: a registered act shows its number and the print form."""
        act = self.registered(distribution=["economy"])
        html = self.render(act, "@@view", "developer")
        self.assertIn('id="act-number"', html)
        self.assertIn("@@print.docx", html)
        self.assertIn('id="act-acknowledge"', html)


class TestStepButtons(ActViewTestCase):
    def test_refused_submission_is_a_message_on_the_page(self):
        """R10.5: a draft that amends another act goes on only with its comparison table; the
        button's refusal says so on the act's page and the act stays a draft."""
        act = self.act(amends=True)
        self.step(
            act,
            "submit",
            "developer",
        )
        messages = [message.message for message in IStatusMessage(self.request).show()]
        table = translate(
            _("the comparison table (the act amends another act)"), context=self.request
        )
        self.assertTrue(any(table in message for message in messages), messages)
        self.assertEqual(act.review_state(), "draft")
        self.assertEqual(
            self.request.response.getHeader("location"), act.absolute_url()
        )

    def test_button_submits_the_draft(self):
        """R10.3: the developer's button sends the draft to the legal consultant."""
        act = self.act()
        self.step(
            act,
            "submit",
            "developer",
        )
        self.assertEqual(act.review_state(), "legal_review")


class TestVisaForm(ActViewTestCase):
    def test_approver_agrees(self):
        """R10.4b: the approver agrees; the visa is recorded and the page is shown again."""
        act = self.in_agreement()
        self.render(
            act, "@@visa", "deputy", method="POST", **{"form.buttons.agree": "1"}
        )
        self.assertEqual(visas.current_round(act).visa("deputy").decision, visas.AGREED)
        self.assertEqual(
            self.request.response.getHeader("location"), act.absolute_url()
        )

    def test_return_needs_a_reason(self):
        """R10.4b: a return without reasons is refused and nothing changes; with reasons the
        draft goes back to the developer."""
        act = self.in_agreement()
        html = self.render(
            act,
            "@@visa",
            "deputy",
            method="POST",
            **{"form.widgets.reason": "  ", "form.buttons.return": "1"},
        )
        self.assertIn("Укажите причину возврата", html)
        self.assertIsNone(visas.current_round(act).visa("deputy").decision)
        self.assertEqual(self.state(act), "agreement")
        self.render(
            act,
            "@@visa",
            "deputy",
            method="POST",
            **{
                "form.widgets.reason": "Нет финансово-экономического обоснования",
                "form.buttons.return": "1",
            },
        )
        self.assertEqual(self.state(act), "draft")
        self.assertEqual(
            visas.rounds(act)[-1].visa("deputy").reason,
            "Нет финансово-экономического обоснования",
        )

    def test_refused_visa_is_a_clear_message(self):
        """R10.3: the legal consultant cannot visa before the others; the form says so."""
        act = self.in_agreement()
        html = self.render(
            act, "@@visa", "lawyer", method="POST", **{"form.buttons.agree": "1"}
        )
        self.assertIn("визирует последним", html)
        self.assertIsNone(visas.current_round(act).visa("lawyer").decision)


class TestReturnForm(ActViewTestCase):
    def test_return_needs_a_reason(self):
        """R10.12: the ОДК returns the draft only with a reason; then the rework term starts."""
        act = self.act()
        self.do(act, "submit", "developer")
        html = self.render(
            act,
            "@@return-for-rework",
            "odk-officer",
            method="POST",
            **{"form.widgets.reason": "", "form.buttons.return": "1"},
        )
        self.assertIn("Укажите причину возврата", html)
        self.assertEqual(self.state(act), "legal_review")
        self.render(
            act,
            "@@return-for-rework",
            "odk-officer",
            method="POST",
            **{
                "form.widgets.reason": "Нет подписи руководителя",
                "form.buttons.return": "1",
            },
        )
        self.assertEqual(self.state(act), "draft")
        self.assertIsNotNone(act.rework_deadline())


class TestPrintForm(ActViewTestCase):
    def test_docx_of_a_registered_act_opens_and_has_the_number(self):
        """R10.16: the print form of a registered act is a DOCX with its number and visa sheet."""
        act = self.registered()
        data = self.render(act, "@@print.docx", "developer")
        self.assertEqual(
            self.request.response.getHeader("Content-Type"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
        self.assertIn(
            "attachment", self.request.response.getHeader("Content-Disposition")
        )
        document = Document(BytesIO(data))
        text = "\n".join(p.text for p in document.paragraphs)
        cells = "\n".join(
            c.text for t in document.tables for r in t.rows for c in r.cells
        )
        self.assertIn(str(act.registration_number), text + cells)
        self.assertIn("Создать рабочую группу", text + cells)
        self.assertNotIn("{{", text + cells)

    def test_unregistered_act_has_no_print_form(self):
        """R10.16: only a registered act is printed."""
        act = self.act()
        self.render(act, "@@print.docx", "developer")
        self.assertEqual(self.request.response.getStatus(), 400)


class TestAcquaintance(ActViewTestCase):
    def test_recipient_confirms_and_the_listing_empties(self):
        """R10.18: a recipient sees the act for acquaintance until he confirms it."""
        act = self.registered(distribution=["economy"])
        html = self.render(self.portal, "@@acts-for-acquaintance", "developer")
        self.assertIn(act.absolute_url(), html)
        self.render(act, "@@acknowledge", "developer", method="GET")
        self.assertIn(
            act.absolute_url(),
            self.render(self.portal, "@@acts-for-acquaintance", "developer"),
        )
        self.render(act, "@@acknowledge", "developer", method="POST")
        self.assertNotIn(
            act.absolute_url(),
            self.render(self.portal, "@@acts-for-acquaintance", "developer"),
        )
        self.assertNotIn(
            'id="act-acknowledge"', self.render(act, "@@view", "developer")
        )


class TestListings(ActViewTestCase):
    def test_awaiting_my_visa_lists_the_act_for_the_approver_only(self):
        """R10.4a/R10.3: the deputy is expected to visa now; the lawyer only after the others."""
        act = self.in_agreement()
        url = act.absolute_url()
        self.assertIn(
            url, self.render(self.portal, "@@acts-awaiting-my-visa", "deputy")
        )
        self.assertNotIn(
            url, self.render(self.portal, "@@acts-awaiting-my-visa", "lawyer")
        )
        self.assertNotIn(
            url, self.render(self.portal, "@@acts-awaiting-my-visa", "developer")
        )
        catalog = api.portal.get_tool("portal_catalog")
        self.assertEqual([b.getURL() for b in catalog(awaiting_visa="head")], [url])

    def test_acts_listing_filters(self):
        """R10.16: the register of acts filters by kind, year and state."""
        registered = self.registered(title="Зарегистрированное решение")
        self.act(kind="order", title="Проект распоряжения")
        html = self.render(self.portal, "@@acts", "odk-officer")
        self.assertIn("Зарегистрированное решение", html)
        self.assertIn("Проект распоряжения", html)
        html = self.render(self.portal, "@@acts", "odk-officer", kind="order")
        self.assertNotIn("Зарегистрированное решение", html)
        year = str(registered.registration_date.year)
        html = self.render(
            self.portal, "@@acts", "odk-officer", year=year, state="registered"
        )
        self.assertIn("Зарегистрированное решение", html)
        self.assertNotIn("Проект распоряжения", html)


class TestDecisionsOnThePage(ActViewTestCase):
    def decisions(self, html):
        return html[html.index('id="decisions"') : html.index('id="visa-sheet"')]

    def test_legal_consultants_return_shows_reason_author_and_date(self):
        """R10.12, R10.13: the legal consultant returns the draft at her review; the act's page
        shows her reason, her name and the date, not only the history."""
        act = self.act()
        self.do(act, "submit", "developer")
        with freeze_time("2026-03-02 06:30:00"):
            self.render(
                act,
                "@@return-for-rework",
                "lawyer",
                method="POST",
                **{
                    "form.widgets.reason": "Нет ссылки на норму закона",
                    "form.buttons.return": "1",
                },
            )
        self.assertEqual(act.review_state(), "draft")
        decisions = self.decisions(self.render(act, "@@view", "developer"))
        self.assertIn('data-step="return"', decisions)
        self.assertIn("Нет ссылки на норму закона", decisions)
        self.assertIn(principal_title("lawyer"), decisions)
        self.assertIn("02.03.2026 11:30", decisions)  # Almaty time

    def test_visa_at_legal_review_shown_as_a_decision(self):
        """R10.3: the legal consultant's «send for agreement» is on the page with her name."""
        act = self.in_agreement()
        decisions = self.decisions(self.render(act, "@@view", "developer"))
        self.assertIn('data-step="approve_legally"', decisions)

    def test_withdrawal_asks_for_confirmation_and_reason(self):
        """R10.13: the developer withdraws a draft only from the confirmation page, with the
        reason, which the page then shows."""
        act = self.act()
        html = self.step(
            act,
            "withdraw",
            "developer",
            confirmed="1",
        )
        self.assertIn('id="confirm-step-error"', html)
        self.assertEqual(act.review_state(), "draft")
        self.step(
            act,
            "withdraw",
            "developer",
            confirmed="1",
            comment="Вопрос решён другим актом",
        )
        self.assertEqual(act.review_state(), "withdrawn")
        decisions = self.decisions(self.render(act, "@@view", "developer"))
        self.assertIn("Вопрос решён другим актом", decisions)
