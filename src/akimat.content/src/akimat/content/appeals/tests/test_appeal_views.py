"""The page of an appeal, its «Assign» step and the register of appeals (RULES.md R13, R12, R0.5)."""

from akimat.content import _
from akimat.content.appeals import review as appeal_review
from akimat.content.appeals.tests.test_appeals import AppealTestCase
from akimat.content.core.calendar import get_calendar
from akimat.content.tests.views import ViewTests
from datetime import date
from datetime import datetime
from freezegun import freeze_time
from io import BytesIO
from openpyxl import load_workbook
from plone import api
from Products.statusmessages.interfaces import IStatusMessage
from zExceptions import Unauthorized
from zope.i18n import translate

import transaction


class AppealViewTestCase(ViewTests, AppealTestCase):
    def messages(self):
        return [message.message for message in IStatusMessage(self.request).show()]

    def registered(self, **fields):
        appeal = self.appeal(**fields)
        self.do(appeal, "register")
        return appeal

    def press(self, appeal, transition, userid="appeals-officer"):
        """The button of a step on the appeal's page."""
        return self.render(
            appeal, "@@transition", userid, method="POST", workflow_action=transition
        )


class TestAppealPage(AppealViewTestCase):
    def test_page_shows_the_appeal(self):
        """R13.5, R13.6: number, date, kind, channel, applicant, the answer's term."""
        appeal = self.registered(
            addressee="deputy",
            applicant_id="900101300017",
            phone="+7 701 111 22 33",
            collective=True,
            signatories=12,
        )
        with freeze_time("2026-12-09 10:00:00+05:00"):
            html = self.render(appeal, "@@view", "appeals-officer")
        self.assertIn('id="appeal-number"', html)
        self.assertIn("08.12.2026", html)
        self.assertIn("Иванов Иван", html)
        self.assertIn("900101300017", html)
        self.assertIn("+7 701 111 22 33", html)
        self.assertIn('id="appeal-collective"', html)
        self.assertIn("Прошу отремонтировать дорогу.", html)
        self.assertIn("30.12.2026", html)  # 15 working days (R13)
        self.assertIn(
            'id="appeal-passing-on-deadline"', html
        )  # R13.9: while registered
        self.assertIn("11.12.2026", html)
        self.assertNotIn('id="appeal-late"', html)

    def test_late_mark_after_the_term(self):
        """R13: an appeal not answered by its term is marked late in working days."""
        appeal = self.registered()
        self.do(appeal, "review")
        with freeze_time("2027-01-05 10:00:00+05:00"):
            html = self.render(appeal, "@@view", "appeals-officer")
        self.assertIn('id="appeal-late"', html)

    def test_only_the_transitions_the_user_may_take(self):
        """R13.2, R13.5: the department sees the lawful steps and «Assign»; the addressee reads only."""
        appeal = self.registered(addressee="deputy")
        html = self.render(appeal, "@@view", "appeals-officer")
        for transition in ("request_correction", "redirect", "review"):
            self.assertIn(f'id="appeal-{transition}"', html)
        self.assertNotIn('id="appeal-register"', html)  # already registered
        self.assertNotIn('id="appeal-forward"', html)  # R13.11: not a complaint
        self.assertIn('id="appeal-assign"', html)
        self.assertIn('id="appeal-edit"', html)
        html = self.render(appeal, "@@view", "deputy")
        self.assertIn("Иванов Иван", html)
        for absent in (
            'id="appeal-review"',
            'id="appeal-assign"',
            'id="appeal-edit"',
            "@@transition",
        ):
            self.assertNotIn(absent, html)

    def test_outsiders_do_not_open_it(self):
        """R13.2: the page of an appeal is closed to whoever may not see the appeal."""
        appeal = self.registered()
        for outsider in ("the-akim", "economy-head", "odk-officer"):
            with self.assertRaises(Unauthorized):
                self.render(appeal, "@@view", outsider)

    def test_transition_button(self):
        """R13.6: the department's button registers the appeal; the addressee's is refused."""
        appeal = self.appeal(addressee="deputy")
        self.render(
            appeal, "@@transition", "deputy", method="POST", workflow_action="register"
        )
        self.assertEqual(appeal.review_state(), "received")
        self.press(appeal, "register")
        self.assertEqual(appeal.review_state(), "registered")

    def test_refused_step_is_a_message(self):
        """R13.7: a correction without the missing requirements is refused with a message that
        names no rule code."""
        appeal = self.registered()
        html = self.render(
            appeal,
            "@@appeal-step",
            "appeals-officer",
            method="POST",
            transition="request_correction",
            **{"form.buttons.confirm": "1"},
        )
        self.assertEqual(appeal.review_state(), "registered")
        refusal = translate(
            _("Name the requirements of art. 63 the appeal does not meet."),
            context=self.request,
        )
        self.assertIn(refusal, html)
        self.assertNotIn("R13", refusal)

    def test_repeated_links_only_what_the_user_sees(self):
        """R13.5, R13.2: a repeated appeal links to the earlier ones, only those the user may see."""
        first = self.registered(id="first", applicant_id="900101300017")
        second = self.registered(
            id="second", applicant_id="900101300017", addressee="deputy"
        )
        html = self.render(second, "@@view", "appeals-officer")
        self.assertIn('id="appeal-repeated"', html)
        self.assertIn(first.absolute_url(), html)
        html = self.render(second, "@@view", "deputy")
        self.assertIn('id="appeal-repeated"', html)
        self.assertNotIn(first.absolute_url(), html)

    def test_answer_and_its_dispatch(self):
        """R0.5: the page shows the answer and the day it goes out (after 18:00: the next working day)."""
        appeal = self.registered()
        self.do(appeal, "review")
        appeal.answer = "Ремонт дороги включён в план на 2027 год."
        with freeze_time("2026-12-10 18:30:00+05:00"):
            self.do(appeal, "answer")
        transaction.savepoint()
        html = self.render(appeal, "@@view", "appeals-officer")
        self.assertIn('id="appeal-answer-text"', html)
        self.assertIn('id="appeal-dispatch-date"', html)
        self.assertIn("11.12.2026", html)


@freeze_time("2026-12-09 10:00:00+05:00")
class TestAssign(AppealViewTestCase):
    def assign(self, appeal, userid="appeals-officer", executors="", deadline=""):
        """The form «Assign» sent as the picker sends it: the chosen ids, «;» between them."""
        return self.render(
            appeal,
            "@@assign",
            userid,
            method="POST",
            **{
                "form.widgets.executors": executors,
                "form.widgets.deadline": deadline,
                "form.buttons.assign": "Assign",
            },
        )

    def test_assigning_gives_the_executor_the_appeal(self):
        """R13.2, R12: «Assign» on the page creates an assignment controlled by the department,
        and its executor reads the appeal; nobody else new does."""
        appeal = self.registered()
        self.do(appeal, "review")
        self.assertFalse(self.sees("economist", appeal))
        self.assign(appeal, executors="economist", deadline="2026-12-18")
        assignments = [
            obj for obj in appeal.objectValues() if obj.portal_type == "Assignment"
        ]
        self.assertEqual(len(assignments), 1)
        self.assertEqual(
            (assignments[0].lead_executor, assignments[0].controller),
            ("economist", "appeals"),
        )
        self.assertEqual(assignments[0].deadline, date(2026, 12, 18))
        self.assertTrue(self.sees("economist", appeal))
        self.assertFalse(self.sees("economy-head", appeal))
        html = self.render(appeal, "@@view", "economist")
        self.assertIn('id="appeal-assignments"', html)
        self.assertIn('data-light="green"', html)  # R12.4b
        self.assertNotIn('id="appeal-assign"', html)

    def test_refusals_are_messages(self):
        """R12: no executor, an unknown one or a bad date: nothing is assigned, the page says why."""
        appeal = self.registered()
        for form in (
            {"executors": ""},
            {"executors": "nobody-known"},
            {"executors": "economist", "deadline": "18.12"},
        ):
            html = self.assign(appeal, **form)
            self.assertIn("invalid-feedback", html, form)
        self.assertEqual(appeal.objectIds(), [])

    def test_deadline_out_of_range_refused_naming_it(self):
        """R12.2a: a deadline before 2000 is refused with the range of dates; nothing is assigned."""
        appeal = self.registered()
        html = self.assign(appeal, executors="economist", deadline="1999-12-31")
        self.assertIn("01.01.2000", html)
        self.assertEqual(appeal.objectIds(), [])

    def test_only_the_department_assigns(self):
        """R13.2: the addressee and outsiders may not assign; nobody gains access through it."""
        appeal = self.registered(addressee="deputy")
        for userid in ("deputy", "the-akim", "economy-head"):
            with self.assertRaises(Unauthorized):
                self.assign(appeal, userid, executors=userid)
        self.assertEqual(appeal.objectIds(), [])


class TestRegister(AppealViewTestCase):
    def fill(self):
        late = self.registered(
            id="late", applicant_name="Петров Пётр", addressee="deputy"
        )
        self.do(late, "review")
        on_time = self.registered(
            id="on-time",
            applicant_name="Сидорова Анна",
            kind="complaint",
            received_at=datetime(2026, 12, 10, 10, 0),
        )
        self.do(on_time, "review")
        on_time.answer = "Жалоба рассмотрена."
        with freeze_time("2026-12-15 11:00:00+05:00"):
            self.do(on_time, "answer")
        earlier = self.registered(
            id="earlier",
            applicant_name="Ахметов Ержан",
            received_at=datetime(2026, 11, 2, 10, 0),
        )
        self.do(earlier, "review")
        transaction.savepoint()
        return late, on_time, earlier

    def test_lists_the_appeals_with_their_late_marks(self):
        """R13.6, R13: every appeal with applicant, term and the working days it is late."""
        self.fill()
        with freeze_time("2027-01-05 10:00:00+05:00"):
            html = self.render(self.portal, "@@appeals-register", "appeals-officer")
        for name in ("Петров Пётр", "Сидорова Анна", "Ахметов Ержан"):
            self.assertIn(name, html)
        self.assertIn("30.12.2026", html)  # the term of «late»
        rows = {
            row.split('data-state="')[1].split('"')[0] for row in html.split("<tr")[2:]
        }
        self.assertEqual(rows, {"in_review", "answered"})
        self.assertEqual(
            html.count('class="table-danger"'), 2
        )  # «late» and «earlier», not the answered one

    def test_filters(self):
        """R13.6: by the registration period, the kind and the state."""
        self.fill()
        html = self.render(
            self.portal,
            "@@appeals-register",
            "appeals-officer",
            date_from="2026-12-01",
            date_to="2026-12-31",
        )
        self.assertIn("Петров Пётр", html)
        self.assertNotIn("Ахметов Ержан", html)
        html = self.render(
            self.portal, "@@appeals-register", "appeals-officer", kind="complaint"
        )
        self.assertEqual(
            [name for name in ("Петров Пётр", "Сидорова Анна") if name in html],
            ["Сидорова Анна"],
        )
        html = self.render(
            self.portal, "@@appeals-register", "appeals-officer", state="answered"
        )
        self.assertNotIn("Петров Пётр", html)
        html = self.render(
            self.portal, "@@appeals-register", "appeals-officer", date_from="01.12.2026"
        )
        self.assertIn('id="appeals-register-error"', html)

    def test_repeated_and_collective_marked(self):
        """R13.5: repeated and collective appeals stand out in the register and its XLSX."""
        first = self.registered(
            id="first", applicant_name="Оспанов Ерлан", applicant_id="900101300017"
        )
        again = self.registered(
            id="again", applicant_name="Оспанов Ерлан", applicant_id="900101300017"
        )
        many = self.registered(
            id="many",
            applicant_name="Жители улицы Абая",
            collective=True,
            signatories=38,
        )
        transaction.savepoint()
        html = self.render(self.portal, "@@appeals-register", "appeals-officer")
        repeated = translate(_("repeated"), context=self.request)
        collective = translate(
            _("collective, ${count} signatories", mapping={"count": 38}),
            context=self.request,
        )
        self.assertEqual(html.count(repeated), 1)
        self.assertIn(collective, html)
        data = self.render(self.portal, "@@appeals-register.xlsx", "appeals-officer")
        applicants = {
            line[0]: line[3]
            for line in load_workbook(BytesIO(data)).active.iter_rows(
                min_row=2, values_only=True
            )
        }
        self.assertEqual(applicants[first.registration_number], "Оспанов Ерлан")
        self.assertEqual(
            applicants[again.registration_number], f"Оспанов Ерлан; {repeated}"
        )
        self.assertEqual(
            applicants[many.registration_number], f"Жители улицы Абая; {collective}"
        )

    def test_refused_to_others(self):
        """R13.2: only the appeals department opens the register, not a department head nor the akim."""
        self.fill()
        for outsider in ("economy-head", "the-akim", "head", "deputy", "odk-officer"):
            for name in ("@@appeals-register", "@@appeals-register.xlsx"):
                with self.assertRaises(Unauthorized):
                    self.render(self.portal, name, outsider)

    def test_xlsx_has_the_rows(self):
        """R13.6: the same rows as XLSX, the late mark in working days."""
        self.fill()
        with freeze_time("2027-01-05 10:00:00+05:00"):
            data = self.render(
                self.portal, "@@appeals-register.xlsx", "appeals-officer"
            )
        sheet = load_workbook(BytesIO(data)).active
        lines = list(sheet.iter_rows(min_row=2, values_only=True))
        self.assertEqual(len(lines), 3)
        by_applicant = {line[3]: line for line in lines}
        late = by_applicant["Петров Пётр"]
        self.assertEqual(late[9].date(), date(2026, 12, 30))
        # Working days of the production calendar (R0.1): the New Year holidays do not count.
        expected = get_calendar().working_days_between(
            date(2026, 12, 30), date(2027, 1, 5)
        )
        self.assertEqual(late[11], expected)
        self.assertGreater(expected, 0)
        self.assertLess(expected, (date(2027, 1, 5) - date(2026, 12, 30)).days)
        self.assertIsNone(by_applicant["Сидорова Анна"][11])
        self.assertEqual(by_applicant["Сидорова Анна"][10].date(), date(2026, 12, 15))


class TestRegisterSearchAndOrder(AppealViewTestCase):
    def rows(self, **form):
        transaction.savepoint()
        html = self.render(self.portal, "@@appeals-register", "appeals-officer", **form)
        return html

    def test_search_by_applicant_or_number(self):
        """R13.2, R13.6: the department finds an appeal by a part of the applicant's name, in any
        case, or by its number."""
        found = self.registered(id="found", applicant_name="Нурланова Айгерим")
        self.registered(id="other", applicant_name="Петров Пётр")
        html = self.rows(q="нурланова")
        self.assertIn(found.absolute_url(), html)
        self.assertNotIn("Петров Пётр", html)
        html = self.rows(q=f"№ {found.registration_number}")
        self.assertIn("Нурланова Айгерим", html)
        self.assertNotIn("Петров Пётр", html)

    def test_numbers_in_numeric_order_and_title_linked(self):
        """R13.6: the newest number first in numeric order (10 before 9), even when an earlier
        letter was registered later; the subject links to the appeal."""
        for index in range(10):
            self.registered(
                id=f"a{index}",
                title=f"Тема {index + 1}",
                received_at=datetime(2026, 12, 8 if index < 9 else 1, 11, 0),
            )
        html = self.rows()
        numbers = [
            int(cell.split(">")[1].split("<")[0])
            for cell in html.split('<td class="appeal-number">')[1:]
        ]
        self.assertEqual(numbers, sorted(numbers, reverse=True))
        self.assertEqual(numbers[0], 10)
        self.assertIn('class="appeal-title"', html)
        self.assertIn(">Тема 10</a>", html)

    def test_unregistered_rows_say_what_they_are(self):
        """R13.6: an appeal not yet registered says so, with the day it was received."""
        self.appeal(id="new", received_at=datetime(2026, 12, 7, 9, 0))
        html = self.rows()
        self.assertIn('class="appeal-unregistered', html)
        self.assertIn("07.12.2026", html)
        self.assertNotIn("—</a>", html)

    def test_executors_by_name(self):
        """R13.8: the register names the executors of the appeal's assignments."""
        appeal = self.registered()
        api.user.get(userid="economist").setMemberProperties(
            {"fullname": "Ахметов Ержан"}
        )
        with api.env.adopt_user(username="appeals-officer"):
            appeal_review.assign(appeal, ["economist"])
        html = self.rows()
        self.assertIn('class="appeal-executors">Ахметов Ержан<', html)
