"""Heavy steps on an appeal ask first for what they need, are taken once, and their reason, author
and date show on the appeal's page (RULES.md R13.7, R13.9, R13.11)."""

from akimat.content import _
from akimat.content.appeals import steps as appeal_steps
from akimat.content.appeals import submissions
from akimat.content.appeals.tests.test_appeal_views import AppealViewTestCase
from plone.app.testing import logout
from Products.statusmessages.interfaces import IStatusMessage
from zope.i18n import translate

import transaction


CONFIRM = {"form.buttons.confirm": "1"}


class TestConfirmedSteps(AppealViewTestCase):
    def step(self, appeal, transition, **form):
        return self.render(
            appeal,
            "@@appeal-step",
            "appeals-officer",
            method="POST",
            transition=transition,
            **CONFIRM,
            **form,
        )

    def test_redirect_is_a_form_that_asks_for_the_body_and_the_reason(self):
        """R13.9: «redirect» opens a form asking for the competent body and the reason; without
        them nothing happens."""
        appeal = self.registered()
        html = self.render(appeal, "@@view", "appeals-officer")
        self.assertIn(
            f"{appeal.absolute_url()}/@@appeal-step?transition=redirect", html
        )
        form = self.render(
            appeal, "@@appeal-step", "appeals-officer", transition="redirect"
        )
        self.assertIn('name="form.widgets.passed_to"', form)
        self.assertIn('name="form.widgets.reason"', form)
        self.assertIn('name="_authenticator"', form)
        self.step(appeal, "redirect")
        self.assertEqual(appeal.review_state(), "registered")
        self.assertFalse(appeal.passed_to)

    def test_redirect_records_the_body_and_shows_the_reason_author_and_date(self):
        """R13.9: the confirmed redirection names the body; the page shows the reason, the author
        and the date of the step."""
        appeal = self.registered()
        self.step(
            appeal,
            "redirect",
            **{
                "form.widgets.passed_to": "Управление земельных отношений области",
                "form.widgets.reason": "Вопрос о земельном участке вне компетенции.",
            },
        )
        self.assertEqual(appeal.review_state(), "redirected")
        self.assertEqual(appeal.passed_to, "Управление земельных отношений области")
        transaction.savepoint()
        html = self.render(appeal, "@@view", "appeals-officer")
        self.assertIn('id="appeal-decisions"', html)
        self.assertIn("Вопрос о земельном участке вне компетенции.", html)
        self.assertIn(
            "appeals-officer", html
        )  # the author (no full name in this test site)
        self.assertIn(
            translate(_("Redirect to the competent body"), context=self.request), html
        )

    def test_a_second_click_changes_nothing(self):
        """R13.9: the same step posted twice (a double click) is taken once, without an error."""
        appeal = self.registered()
        details = {
            "form.widgets.passed_to": "Управление образования области",
            "form.widgets.reason": "Вне компетенции.",
        }
        self.step(appeal, "redirect", **details)
        self.step(appeal, "redirect", **details)
        self.assertEqual(appeal.review_state(), "redirected")
        taken = [e for e in appeal_steps.history(appeal) if e["action"] == "redirect"]
        self.assertEqual(len(taken), 1)
        shown = IStatusMessage(self.request).show()
        self.assertEqual([m.message for m in shown if m.type == "error"], [])

    def test_button_step_taken_once(self):
        """R13.6: «register» posted twice registers once, with one number."""
        appeal = self.appeal()
        for _click in range(2):
            self.press(appeal, "register")
        number = appeal.registration_number
        self.assertEqual(appeal.review_state(), "registered")
        self.assertEqual(
            [e["action"] for e in appeal_steps.history(appeal)].count("register"), 1
        )
        self.assertEqual(number, 1)

    def test_heavy_steps_are_no_bare_buttons(self):
        """R13.7, R13.9: a confirmed step is refused on @@transition: it has its form."""
        appeal = self.registered(passed_to="Управление образования области")
        self.press(appeal, "redirect")
        self.assertEqual(appeal.review_state(), "registered")

    def test_forward_only_for_a_complaint(self):
        """R13.11: «forward the complaint» is offered for a complaint only; its form is refused
        for any other kind."""
        appeal = self.registered()
        self.assertNotIn("forward", appeal_steps.offered(appeal))
        self.step(
            appeal,
            "forward",
            **{
                "form.widgets.passed_to": "Аким сельского округа",
                "form.widgets.reason": "Жалоба на действия сельского акима.",
            },
        )
        self.assertEqual(appeal.review_state(), "registered")
        complaint = self.registered(id="complaint", kind="complaint")
        self.assertIn("forward", appeal_steps.offered(complaint))
        self.step(
            complaint,
            "forward",
            **{
                "form.widgets.passed_to": "Аким сельского округа",
                "form.widgets.reason": "Жалоба на действия сельского акима.",
            },
        )
        self.assertEqual(complaint.review_state(), "forwarded")

    def test_closing_needs_its_reason(self):
        """R13: closing an answered appeal asks for its reason, which the page then shows with
        no rule code."""
        appeal = self.registered()
        self.do(appeal, "review")
        appeal.answer = "Ремонт дороги включён в план на 2027 год."
        self.do(appeal, "answer")
        self.step(appeal, "close")
        self.assertEqual(appeal.review_state(), "answered")
        self.step(appeal, "close", **{"form.widgets.reason": "Ответ вручён заявителю."})
        self.assertEqual(appeal.review_state(), "closed")
        transaction.savepoint()
        html = self.render(appeal, "@@view", "appeals-officer")
        self.assertIn("Ответ вручён заявителю.", html)
        self.assertNotIn("(R13", html)
        self.assertNotIn("(R0.5)", html)


class TestWebsiteAppealPage(AppealViewTestCase):
    def test_page_of_an_appeal_registered_for_a_visitor(self):
        """R13.5, R13.6: an appeal of the website, registered for an anonymous visitor, opens for
        the department with its steps."""
        logout()
        appeal = submissions.register(
            {
                "kind": "appeal",
                "subject": "С сайта",
                "substance": "Текст.",
                "applicant_name": "Иванов Иван",
                "email": "ivanov@example.org",
            }
        )
        html = self.render(appeal, "@@view", "appeals-officer")
        self.assertIn('id="appeal-review"', html)
