"""Control lists, the quarterly report and the dashboard of the ОДК (RULES.md R12.4a, R12.16)."""

from akimat.content import _
from akimat.content.control import lists as control_lists
from akimat.content.control import reports as control_reports
from akimat.content.control.vocabularies import SOURCE_KINDS
from akimat.content.core.calendar import get_calendar
from akimat.content.interfaces import IAkimatContentLayer
from akimat.content.testing import AKIMAT_CONTENT_INTEGRATION_TESTING
from datetime import date
from freezegun import freeze_time
from io import BytesIO
from openpyxl import load_workbook
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from zope.i18n import translate
from zope.interface import alsoProvides

import unittest


TODAY = date(2026, 12, 14)  # a Monday; 16 December (Independence Day) is a holiday


class ControlListTestCase(unittest.TestCase):
    layer = AKIMAT_CONTENT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.request = self.layer["request"]
        alsoProvides(self.request, IAkimatContentLayer)
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        api.group.create(groupname="finance", title="Отдел финансов")
        api.user.create(
            username="executor",
            email="executor@example.org",
            password="secret-123",
            properties={"fullname": "Козлов Андрей Петрович"},
        )
        api.user.create(
            username="controller", email="c@example.org", password="secret-123"
        )
        self.calendar = get_calendar()

    def assignment(self, title, deadline, **fields):
        values = {
            "title": title,
            "source_kind": "akimat-session",
            "lead_executor": "finance",
            "controller": "controller",
            "date_given": date(2026, 11, 2),
            "deadline": deadline,
        }
        values.update(fields)
        return api.content.create(container=self.portal, type="Assignment", **values)

    def remove(self, assignment, basis, on):
        """Remove from control on the given day (Almaty noon), with a report and consent."""
        api.content.create(
            container=assignment, type="ExecutionReport", title="Исполнено"
        )
        assignment.consent_to_removal("controller")
        assignment.removal_basis = basis
        with freeze_time(f"{on.isoformat()} 07:00:00"):
            api.content.transition(obj=assignment, transition="remove")

    def extend(self, assignment, new_deadline, requested_on):
        assignment.request_extension(
            "executor", new_deadline, "Поставка", today=requested_on
        )
        assignment.decide_extension("controller", grant=True, today=requested_on)
        assignment.reindexObject()

    def titles(self, filters):
        brains = control_lists.find(filters, TODAY, self.calendar)
        return [brain.Title for brain in brains]


@freeze_time("2026-12-14 06:00:00")
class TestControlList(ControlListTestCase):
    def setUp(self):
        super().setUp()
        self.assignment("Просрочено", date(2026, 12, 10), note="На контроле акима")
        self.assignment(
            "Жёлтое",
            date(2026, 12, 18),
            lead_executor="executor",
            co_executors=["finance"],
        )
        self.assignment("Через неделю", date(2026, 12, 22))
        self.assignment(
            "Зелёное",
            date(2026, 12, 28),
            source_kind="act",
            date_given=date(2026, 12, 1),
        )
        self.extend(
            self.assignment("Продлено", date(2026, 12, 11)),
            date(2027, 2, 5),
            date(2026, 11, 20),
        )
        early = self.assignment("Исполнено досрочно", date(2026, 12, 11))
        self.remove(early, "executed", date(2026, 12, 8))
        self.assignment("К сведению", date(2026, 12, 15), noted_only=True)

    def test_sorted_by_deadline_without_noted_only(self):
        """R12.4a, R12.10: every assignment on control or removed, by deadline; «принято к
        сведению» is not on the control list."""
        self.assertEqual(
            self.titles(control_lists.Filters()),
            [
                "Просрочено",
                "Исполнено досрочно",
                "Жёлтое",
                "Через неделю",
                "Зелёное",
                "Продлено",
            ],
        )

    def test_state_filters_follow_the_traffic_light(self):
        """R12.4c: overdue before today, yellow up to 3 working days ahead, green after."""
        cases = {
            "overdue": ["Просрочено"],
            "yellow": ["Жёлтое"],
            "green": ["Через неделю", "Зелёное", "Продлено"],
            "removed": ["Исполнено досрочно"],
            "on_control": [
                "Просрочено",
                "Жёлтое",
                "Через неделю",
                "Зелёное",
                "Продлено",
            ],
        }
        for state, expected in cases.items():
            with self.subTest(state=state):
                self.assertEqual(
                    self.titles(control_lists.Filters(state=state)), expected
                )

    def test_other_filters(self):
        """R12.4a: by period given, kind of event, executor (lead or co-executor), category."""
        Filters = control_lists.Filters
        self.assertEqual(
            self.titles(Filters(date_from=date(2026, 11, 15))), ["Зелёное"]
        )
        self.assertEqual(
            self.titles(Filters(date_to=date(2026, 11, 30)))[0], "Просрочено"
        )
        self.assertEqual(self.titles(Filters(source_kind="act")), ["Зелёное"])
        self.assertEqual(self.titles(Filters(executor="executor")), ["Жёлтое"])
        self.assertEqual(len(self.titles(Filters(executor="finance"))), 6)
        self.assertEqual(
            self.titles(Filters(control_category="medium-term")),
            ["Просрочено", "Исполнено досрочно", "Жёлтое", "Через неделю", "Продлено"],
        )

    def test_scope_narrows_to_my_own_or_my_departments_assignments(self):
        """R12.4b: the register of the section «Поручения» shows a person his own assignments
        (as @@my-assignments) or his department's (as @@department-assignments)."""
        api.group.create(groupname="finance-heads", title="Руководство отдела финансов")
        with api.env.adopt_user(username="executor"):
            self.assertEqual(
                self.titles(control_lists.Filters(scope="mine")), ["Жёлтое"]
            )
            self.assertEqual(self.titles(control_lists.Filters(scope="department")), [])
        api.group.add_user(groupname="finance", username="executor")
        with api.env.adopt_user(username="executor"):
            self.assertEqual(
                len(self.titles(control_lists.Filters(scope="department"))), 6
            )
            self.assertEqual(
                self.titles(control_lists.Filters(scope="department", state="overdue")),
                ["Просрочено"],
            )
        with api.env.adopt_user(username="controller"):
            self.assertEqual(self.titles(control_lists.Filters(scope="department")), [])

    def test_weekly_list_for_the_leadership(self):
        """R12.4a, R12.4c: sent weekly: due within 5 working days, and everything overdue."""
        self.assertEqual(
            self.titles(control_lists.Filters(preset="weekly")),
            ["Просрочено", "Жёлтое", "Через неделю"],
        )

    def test_rows_have_the_nine_columns_and_the_traffic_light(self):
        """R12.4a: kind, date given, content, executors, deadline, removal mark and basis,
        extension mark, note; executors by their titles, the lead first."""
        brains = control_lists.find(control_lists.Filters(), TODAY, self.calendar)
        rows = control_lists.rows(brains, self.request, TODAY, self.calendar)
        rows = {row.content: row for row in rows}
        kind = translate(
            SOURCE_KINDS.getTerm("akimat-session").title, context=self.request
        )
        overdue = rows["Просрочено"]
        self.assertEqual(
            control_lists.cells(overdue, self.request),
            (
                kind,
                date(2026, 11, 2),
                "Просрочено",
                "Отдел финансов",
                date(2026, 12, 10),
                "",
                "",
                "",
                "На контроле акима",
            ),
        )
        self.assertEqual(overdue.traffic_light, "red")
        self.assertEqual(
            rows["Жёлтое"].executors, ("Козлов Андрей Петрович", "Отдел финансов")
        )
        self.assertEqual(rows["Жёлтое"].traffic_light, "yellow")
        self.assertEqual(rows["Зелёное"].traffic_light, "green")
        removed = rows["Исполнено досрочно"]
        self.assertEqual(
            (removed.traffic_light, removed.removed_on), ("grey", date(2026, 12, 8))
        )
        self.assertEqual(removed.removal_basis, "executed")
        self.assertTrue(removed.removal_basis_title)
        self.assertTrue(rows["Продлено"].extended)
        self.assertEqual(rows["Продлено"].deadline, date(2027, 2, 5))
        self.assertTrue(control_lists.extension_mark(rows["Продлено"], self.request))

    def test_bad_filters_are_refused_with_a_message(self):
        cases = [
            {"date_from": "yesterday"},
            {"date_from": "2026-12-01", "date_to": "2026-11-01"},
            {"date_to": "1812-06-24"},
            {"source_kind": "gossip"},
            {"control_category": "eternal"},
            {"state": "purple"},
            {"preset": "daily"},
            {"preset": "weekly", "state": "green"},
            {"state": ["green", "yellow"]},
        ]
        for form in cases:
            with (
                self.subTest(form=form),
                self.assertRaises(control_lists.BadFilter) as raised,
            ):
                control_lists.parse_filters(form)
            self.assertTrue(translate(raised.exception.args[0], context=self.request))

    def test_filters_round_trip_through_the_url(self):
        filters = control_lists.parse_filters(
            {
                "date_from": "2026-11-01",
                "executor": "finance",
                "state": "yellow",
                "source_kind": "",
            }
        )
        self.assertEqual(
            filters.query_string(), "date_from=2026-11-01&executor=finance&state=yellow"
        )

    def test_xlsx_has_exactly_the_nine_columns(self):
        """R12.4a: the export has the nine columns of the control list and the same rows."""
        self.request.form.update({"state": "on_control"})
        view = self.portal.restrictedTraverse("@@control-list.xlsx")
        data = view()
        response = self.request.response
        self.assertEqual(
            response.getHeader("Content-Type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        self.assertIn(
            "attachment; filename=", response.getHeader("Content-Disposition")
        )
        self.assertIn(".xlsx", response.getHeader("Content-Disposition"))
        sheet = load_workbook(BytesIO(data)).active
        values = list(sheet.values)[1:]  # under the title row
        self.assertEqual(list(values[0][1:]), control_lists.header(self.request))
        self.assertEqual(len(values[0]), 10)
        self.assertEqual(
            [line[3] for line in values[1:]],
            ["Просрочено", "Жёлтое", "Через неделю", "Зелёное", "Продлено"],
        )
        first = values[1]
        self.assertEqual(first[2].date(), date(2026, 11, 2))
        self.assertEqual(first[5].date(), date(2026, 12, 10))
        self.assertEqual((first[4], first[9]), ("Отдел финансов", "На контроле акима"))

    def test_xlsx_has_a_dated_title_item_numbers_and_the_traffic_light(self):
        """R12.4a, R12.4b: «… по состоянию на» the day, a position per item (and the
        assignment's own number with its content), each row filled in its traffic light."""
        self.assignment("Пронумерованное", date(2027, 1, 20), number="3.1")
        self.request.form.update({"state": "on_control"})
        data = self.portal.restrictedTraverse("@@control-list.xlsx")()
        sheet = load_workbook(BytesIO(data)).active
        name = self.ru(_("Control list"))
        self.assertEqual(sheet.title, name)
        self.assertEqual(sheet["A1"].value, self.as_of(name, "14.12.2026"))
        self.assertEqual(sheet["A2"].value, self.ru(_("No.")))
        self.assertEqual(
            [sheet.cell(row=row, column=1).value for row in range(3, 9)],
            [1, 2, 3, 4, 5, 6],
        )
        self.assertEqual(sheet["D7"].value, "3.1. Пронумерованное")
        fills = {
            sheet.cell(row=row, column=4).value: sheet.cell(row=row, column=10).fill
            for row in range(3, 9)
        }
        self.assertEqual(fills["Просрочено"].fgColor.rgb, "00F8D7DA")
        self.assertEqual(fills["Жёлтое"].fgColor.rgb, "00FFF3CD")
        self.assertEqual(fills["Зелёное"].fgColor.rgb, "00D1E7DD")

    def test_weekly_xlsx_is_named_for_the_weekly_list(self):
        """R12.4a: the weekly list's file and sheet say that it is the weekly list."""
        self.request.form.update({"preset": "weekly"})
        data = self.portal.restrictedTraverse("@@control-list.xlsx")()
        self.assertIn(
            'filename="weekly-control-list-2026-12-14.xlsx"',
            self.request.response.getHeader("Content-Disposition"),
        )
        sheet = load_workbook(BytesIO(data)).active
        name = self.ru(_("Weekly control list"))
        self.assertEqual(sheet.title, name)
        self.assertEqual(sheet["A1"].value, self.as_of(name, "14.12.2026"))

    def ru(self, message):
        return translate(message, target_language="ru")

    def as_of(self, name, day):
        return self.ru(_("${list} as of ${date}", mapping={"list": name, "date": day}))

    def test_xlsx_keeps_formulas_typed_in_a_note_as_text(self):
        self.assignment("Формула", date(2027, 1, 20), note='=HYPERLINK("http://x","y")')
        self.request.form.update({"state": "green"})
        data = self.portal.restrictedTraverse("@@control-list.xlsx")()
        cell = load_workbook(BytesIO(data)).active["J5"]
        self.assertEqual(
            (cell.value, cell.data_type), ('=HYPERLINK("http://x","y")', "s")
        )

    def test_xlsx_refuses_bad_filters_with_400(self):
        self.request.form.update({"state": "purple"})
        body = self.portal.restrictedTraverse("@@control-list.xlsx")()
        self.assertEqual(self.request.response.getStatus(), 400)
        self.assertIn("purple", body)

    def test_page_lists_rows_in_the_traffic_light(self):
        """R12.4a, R12.4b: the list with each row in its colour, and the export link."""
        self.request.form.update({"executor": "finance", "state": "on_control"})
        html = self.portal.restrictedTraverse("@@control-list")()
        self.assertIn('id="control-list"', html)
        self.assertIn('data-traffic-light="red"', html)
        self.assertIn("table-danger", html)
        self.assertIn('data-traffic-light="green"', html)
        self.assertIn("@@control-list.xlsx?executor=finance&amp;state=on_control", html)
        self.assertIn("Просрочено", html)
        self.assertNotIn("Исполнено досрочно", html)

    def test_page_shows_a_bad_filter_instead_of_failing(self):
        self.request.form.update({"date_from": "31.12.2026"})
        html = self.portal.restrictedTraverse("@@control-list")()
        self.assertIn('id="control-list-error"', html)
        self.assertIn("31.12.2026", html)

    def test_page_is_batched(self):
        for number in range(55):
            self.assignment(f"Пакет {number}", date(2027, 3, 1))
        html = self.portal.restrictedTraverse("@@control-list")()
        self.assertEqual(html.count("data-traffic-light="), 50)
        self.assertIn("b_start:int=50", html)


@freeze_time("2027-01-11 06:00:00")
class TestQuarterlyReport(ControlListTestCase):
    def assignment(self, title, deadline, **fields):
        return super().assignment(
            title, deadline, date_given=date(2026, 10, 1), **fields
        )

    def setUp(self):
        super().setUp()
        self.remove(
            self.assignment("В срок", date(2026, 12, 11)),
            "executed",
            date(2026, 12, 10),
        )
        self.remove(
            self.assignment("Поздно", date(2026, 10, 15)),
            "executed",
            date(2026, 10, 20),
        )
        self.remove(
            self.assignment("Невозможно", date(2026, 11, 16), lead_executor="executor"),
            "impossible",
            date(2026, 11, 10),
        )
        self.assignment("Просрочено", date(2026, 12, 1), lead_executor="executor")
        extended = self.assignment("Продлено", date(2026, 10, 30))
        self.extend(extended, date(2026, 12, 30), date(2026, 10, 20))
        self.remove(extended, "executed", date(2026, 12, 29))
        self.assignment("Следующий квартал", date(2027, 2, 10))
        self.assignment("К сведению", date(2026, 12, 1), noted_only=True)

    def report(self, **form):
        self.request.form.update(form)
        data = self.portal.restrictedTraverse("@@quarterly-report.xlsx")()
        return [list(line) for line in load_workbook(BytesIO(data)).active.values]

    def test_numbers_per_executor(self):
        """R12.16: per executor: due in the quarter, executed on time and late, overdue,
        removed as impossible, extended; and the total."""
        lines = self.report(year="2026", quarter="4")
        self.assertEqual(len(lines[0]), 7)
        self.assertEqual(
            lines[1:],
            [
                ["Козлов Андрей Петрович", 2, 0, 0, 1, 1, 0],
                ["Отдел финансов", 3, 2, 1, 0, 0, 1],
                [lines[-1][0], 5, 2, 1, 1, 1, 1],
            ],
        )
        self.assertIn(
            'filename="quarterly-report-2026-q4.xlsx"',
            self.request.response.getHeader("Content-Disposition"),
        )

    def test_without_parameters_the_quarter_just_finished(self):
        """R12.16: the report due by the 20th is of the quarter just finished."""
        self.assertEqual(self.report()[-1][1:], [5, 2, 1, 1, 1, 1])

    def test_bad_year_or_quarter_is_a_400_in_words(self):
        for form in (
            {"year": "2026", "quarter": "5"},
            {"year": "twenty", "quarter": "1"},
            {"year": "2026"},
            {"year": "1999", "quarter": "1"},
        ):
            with self.subTest(form=form):
                self.request.form.clear()
                self.request.form.update(form)
                self.request.response.setStatus(200)
                body = self.portal.restrictedTraverse("@@quarterly-report.xlsx")()
                self.assertEqual(self.request.response.getStatus(), 400)
                self.assertIsInstance(body, str)
                self.assertTrue(body)

    def test_quarter_bounds(self):
        self.assertEqual(
            control_reports.quarter_bounds(2026, 4),
            (date(2026, 10, 1), date(2026, 12, 31)),
        )
        self.assertEqual(
            control_reports.quarter_bounds(2027, 1),
            (date(2027, 1, 1), date(2027, 3, 31)),
        )
        self.assertEqual(control_reports.previous_quarter(date(2027, 1, 11)), (2026, 4))
        self.assertEqual(control_reports.previous_quarter(date(2026, 8, 1)), (2026, 2))

    def test_dashboard_draws_svg_charts(self):
        """R12.4b, R12.16: the traffic light and execution on time against late, as inline SVG."""
        self.request.form.update({"date_from": "2026-10-01", "date_to": "2026-12-31"})
        html = self.portal.restrictedTraverse("@@control-dashboard")()
        self.assertEqual(html.count('class="pygal-chart"'), 3)
        self.assertNotIn('<script type="text/javascript">window.pygal', html)
        self.assertIn("Отдел финансов", html)
        self.assertIn("Козлов Андрей Петрович", html)
        self.assertIn("01.10.2026 – 31.12.2026", html)
        # On control now: «Просрочено» is red, «Следующий квартал» green.
        counts = control_reports.traffic_light_counts(
            control_reports.on_control(), date(2027, 1, 11), self.calendar
        )[0]
        self.assertEqual(counts, {"green": 1, "yellow": 0, "red": 1})

    def test_dashboard_shows_a_bad_period_and_falls_back(self):
        self.request.form.update({"date_from": "2026-12-31", "date_to": "2026-10-01"})
        html = self.portal.restrictedTraverse("@@control-dashboard")()
        self.assertIn('id="control-dashboard-error"', html)
        self.assertIn("01.01.2027 – 31.03.2027", html)
        self.assertEqual(html.count('class="pygal-chart"'), 3)
