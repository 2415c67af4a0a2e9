"""The assignment page and its forms in every state, with every optional block filled, as the
executor, the head of his department and the controller (R12.4b, R12.6, R12.7a, R12.13, R0.2)."""

from akimat.content.control.tests.test_assignment import AssignmentTestCase
from akimat.content.interfaces import IAkimatContentLayer
from datetime import date
from freezegun import freeze_time
from plone import api
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.interface import alsoProvides
from zope.intid.interfaces import IIntIds

import re


class TestAssignmentPage(AssignmentTestCase):
    def setUp(self):
        super().setUp()
        self.request = self.layer["request"]
        alsoProvides(self.request, IAkimatContentLayer)
        api.group.create(groupname="economy", title="Отдел экономики")
        api.group.create(
            groupname="economy-heads", title="Отдел экономики: руководство"
        )
        api.group.add_user(groupname="economy", username="executor")
        api.group.add_user(groupname="economy-heads", username="stranger")
        api.user.get(userid="controller").setMemberProperties(
            {"fullname": "Тулегенова Гульнара Ашимовна"}
        )

    def render(self, context, name, userid, **form):
        self.request.form.clear()
        self.request.form.update(form)
        with api.env.adopt_user(username=userid):
            return context.restrictedTraverse(name)()

    def full_assignment(self, **fields):
        """Every optional block: source with number and date, expected result, urgency, note,
        a report, a granted and a refused extension, a consent."""
        act = api.content.create(
            container=self.portal, type="Act", title="Постановление"
        )
        act.registration_number = "15"
        act.registration_date = date(2026, 11, 20)
        act.manage_setLocalRoles("AuthenticatedUsers", ["Reader"])
        act.reindexObjectSecurity()
        assignment = self.assignment(
            source=RelationValue(getUtility(IIntIds).getId(act)),
            expected_result="Справка о ценах по 19 товарам",
            urgency="urgent",
            note="На контроле акима",
            **fields,
        )
        api.content.create(
            container=assignment,
            type="ExecutionReport",
            id="report",
            title="Информация об исполнении от 01.12.2026",
            text="Мониторинг проводится еженедельно",
        )
        return assignment

    @freeze_time("2026-12-22 06:00:00")
    def test_overdue_status_reads_once(self):
        """R12.4b: an overdue assignment says so once, with the working days it is late."""
        html = self.render(self.full_assignment(), "@@view", "executor")
        light = html[html.index('id="assignment-light"') :]
        light = light[: light.index("</p>")]
        self.assertEqual(light.count("data-light"), 1)
        self.assertNotIn("Working days left", light)
        self.assertIn('data-light="red"', light)
        self.assertIn("2", light)

    @freeze_time("2026-12-03 06:00:00")
    def test_page_in_every_role_shows_what_is_expected_and_the_source(self):
        """R12.13: the expected result, the text and the dates information is due; the source
        is a link with its number and date — for the executor, his head and the controller."""
        assignment = self.full_assignment()
        for userid in ("executor", "stranger", "controller"):
            with self.subTest(userid=userid):
                html = self.render(assignment, "@@view", userid)
                self.assertIn("Справка о ценах по 19 товарам", html)
                self.assertIn('id="assignment-report-due"', html)
                self.assertIn("10.12.2026", html)  # lead reports 5 wd before
                source = html[html.index('id="assignment-source-link"') :]
                source = source[: source.index("</a>")]
                self.assertIn("15", source)
                self.assertIn("20.11.2026", source)
                self.assertIn("Мониторинг проводится еженедельно", html)

    @freeze_time("2026-12-01 06:00:00")
    def test_decisions_show_reason_author_and_date(self):
        """R12.7a/R12.9: a refused extension and the removal show their reason, who and when."""
        api.user.get(userid="akim").setMemberProperties(
            {"fullname": "Сейтжанов Ерлан Маратович"}
        )
        assignment = self.full_assignment()
        assignment.request_extension("executor", date(2027, 1, 15), "Нет данных")
        assignment.decide_extension("akim", False, reason="Данные есть в статистике")
        html = self.render(assignment, "@@view", "executor")
        decisions = html[html.index('id="assignment-decisions"') :]
        self.assertIn("Данные есть в статистике", decisions)
        self.assertIn("Сейтжанов Ерлан Маратович", decisions)
        self.assertIn("01.12.2026", decisions)
        assignment.consent_to_removal("akim")
        with api.env.adopt_user(username="controller"):
            assignment.remove_from_control("executed", "Исполнено, справка принята")
        html = self.render(assignment, "@@view", "controller")
        self.assertIn("Исполнено, справка принята", html)

    def test_refusal_without_reason_is_refused(self):
        """R12.7a: the leadership's refusal says why."""
        assignment = self.assignment()
        assignment.request_extension(
            "executor", date(2027, 1, 15), "Нет данных", today=date(2026, 12, 1)
        )
        html = self.render(
            assignment, "@@decide-extension", "akim", **{"form.buttons.refuse": "1"}
        )
        self.assertIn("alert-danger", html)
        self.assertIsNone(assignment.pending_extension()["decision"])

    @freeze_time("2026-12-07 06:00:00")
    def test_deadline_moved_off_a_day_off_says_so(self):
        """R0.2: a deadline set on Sunday 20.12 counts from Monday 21.12, and the page and the
        lists say both."""
        assignment = self.assignment(deadline=date(2026, 12, 20))
        self.assertEqual(assignment.effective_deadline(), date(2026, 12, 21))
        for name, context in (
            ("@@view", assignment),
            ("@@my-assignments", self.portal),
        ):
            with self.subTest(name=name):
                html = self.render(context, name, "executor")
                self.assertIn("20.12.2026", html)
                self.assertIn("21.12.2026", html)

    @freeze_time("2026-12-03 06:00:00")
    def test_extension_form_shows_the_current_deadline_and_refuses_as_an_error(self):
        """R12.6: the form shows the deadline; a refused request is an error, not an info."""
        assignment = self.assignment()
        html = self.render(assignment, "@@request-extension", "executor")
        self.assertIn("18.12.2026", html)
        html = self.render(
            assignment,
            "@@request-extension",
            "executor",
            **{
                "form.widgets.new_deadline": "2026-12-10",
                "form.widgets.reason": "Причина",
                "form.buttons.request": "1",
            },
        )
        self.assertIn("alert-danger", html)
        self.assertNotIn("alert-info", html)
        self.assertEqual(assignment.extensions, [])

    @freeze_time("2026-12-16 06:00:00")
    def test_too_late_extension_disables_the_button_and_names_the_controller(self):
        """R12.6: fewer than three working days before the deadline the button is disabled and
        the form names whom to turn to."""
        assignment = self.assignment()
        html = self.render(assignment, "@@request-extension", "executor")
        (button,) = re.findall(r"<button[^>]*form\.buttons\.request[^>]*>", html)
        self.assertIn("disabled", button)
        self.assertIn("Тулегенова Гульнара Ашимовна", html)

    @freeze_time("2026-12-03 06:00:00")
    def test_execution_report_form_titles_by_day_and_lands_on_the_assignment(self):
        """R12.13: the report's text stays text; its title and address are short, by its day;
        after saving the executor is back on the assignment."""
        assignment = self.assignment()
        self.render(
            assignment,
            "++add++ExecutionReport",
            "executor",
            **{
                "form.widgets.text": "Проведён мониторинг цен " * 20,
                "form.buttons.save": "1",
            },
        )
        (report,) = assignment.execution_reports()
        self.assertEqual(report.getId(), "report-2026-12-03")
        self.assertIn("03.12.2026", report.title)
        self.assertLess(len(report.title), 60)
        self.assertTrue(report.text.startswith("Проведён мониторинг цен"))
        self.assertEqual(
            self.request.response.getHeader("Location"), assignment.absolute_url()
        )

    @freeze_time("2026-12-03 06:00:00")
    def test_report_added_without_a_title_is_titled_by_its_day(self):
        """R12.13: a report added over REST or by a script gets the form's short title."""
        assignment = self.assignment()
        report = api.content.create(
            container=assignment, type="ExecutionReport", id="report", text="Сделано"
        )
        self.assertIn("03.12.2026", report.title)
