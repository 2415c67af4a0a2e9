"""Reports the departments owe the library: terms, what is in, late and missing, and the heads'
reminders (RULES.md R9.10d, R0.2, R12.4c)."""

from akimat.content.core.calendar import get_calendar
from akimat.content.library import obligations as report_obligations
from akimat.content.library.obligations import Period
from akimat.content.tests.library import LibraryTestCase
from akimat.content.tests.views import ViewTests
from datetime import date
from freezegun import freeze_time
from plone import api


class ObligationTestCase(ViewTests, LibraryTestCase):
    def setUp(self):
        super().setUp()
        for userid in ("economist", "economy-head"):
            api.user.get(userid=userid).setMemberProperties(
                {"email": f"{userid}@example.org"}
            )
        with api.env.adopt_roles(["Manager"]):
            self.obligation = api.content.create(
                container=self.portal["library"],
                type="ReportObligation",
                id="budget",
                title="Отчёт об исполнении бюджета",
                department="economy",
                report_kind="Отчёт об исполнении бюджета",
                period_kind="quarter",
                due_day=10,
            )

    def published(self, period, on):
        with freeze_time(on):
            report = self.report(period=period)
            self.do(report, "publish", "economy-head")
        return report


class TestTerms(ObligationTestCase):
    def test_due_on_the_day_of_the_following_period(self):
        """R9.10d, R0.2: due on its day of the period after, the next working day when that is a day off."""
        calendar = get_calendar()
        self.assertEqual(
            report_obligations.due_date(Period(2026, 2), "quarter", 10, calendar),
            date(2026, 7, 10),
        )
        # 7 February 2026 is a Saturday.
        self.assertEqual(
            report_obligations.due_date(Period(2026, 1), "month", 7, calendar),
            date(2026, 2, 9),
        )
        # December's report is due in January; 1, 2 and 4 January 2027 are days off.
        self.assertEqual(
            report_obligations.due_date(Period(2026, 12), "month", 2, calendar),
            date(2027, 1, 5),
        )
        self.assertEqual(
            report_obligations.due_date(Period(2026, 2), "half-year", 15, calendar),
            date(2027, 1, 15),
        )
        self.assertEqual(
            report_obligations.due_date(Period(2026, 0), "year", 20, calendar),
            date(2027, 1, 20),
        )

    def test_periods_newest_first(self):
        self.assertEqual(
            report_obligations.period_of(date(2026, 11, 26), "quarter"), Period(2026, 4)
        )
        self.assertEqual(
            report_obligations.previous(Period(2026, 1), "quarter"), Period(2025, 4)
        )
        self.assertEqual(
            report_obligations.previous(Period(2026, 1), "month"), Period(2025, 12)
        )


class TestStatuses(ObligationTestCase):
    def test_in_late_due_and_awaited(self):
        """R9.10d: per period, in (with a late mark when published after its term), late when
        missing after its term, due within 3 working days, awaited before."""
        self.published(2, "2026-07-08 10:00:00")  # on time
        self.published(1, "2026-04-20 10:00:00")  # after 10 April
        with freeze_time("2026-10-07 10:00:00"):
            q4, q3, q2, q1, q4_2025 = report_obligations.statuses(
                self.obligation, date(2026, 10, 7), 5
            )
        self.assertEqual(
            (q4.period, q4.state, q4.light), (Period(2026, 4), "awaited", "grey")
        )
        self.assertEqual(
            (q3.period, q3.state, q3.light), (Period(2026, 3), "due", "yellow")
        )  # 12 October
        self.assertEqual((q2.state, q2.late, q2.light), ("in", False, "green"))
        self.assertEqual((q1.state, q1.late), ("in", True))
        self.assertEqual((q4_2025.state, q4_2025.light), ("late", "red"))

    def test_draft_is_not_in(self):
        """R9.10d: a report counts once its head has published it."""
        with freeze_time("2026-07-08 10:00:00"):
            self.report(period=2)
        q2 = report_obligations.statuses(self.obligation, date(2026, 7, 20))[1]
        self.assertEqual(q2.period, Period(2026, 2))
        self.assertEqual(q2.state, "late")

    def test_overview_page(self):
        """The overview shows each department's obligations with the traffic light."""
        self.published(2, "2026-07-08 10:00:00")
        with freeze_time("2026-10-07 10:00:00"):
            html = self.render(self.portal, "@@library-overview", "press-officer")
        self.assertIn("Отчёт об исполнении бюджета", html)
        self.assertIn('data-light="green"', html)
        self.assertIn('data-light="yellow"', html)
        self.assertIn('data-light="red"', html)


class TestReminders(ObligationTestCase):
    @freeze_time("2026-10-07 06:00:00")
    def test_reports_due_or_late_are_to_be_reminded(self):
        """R9.10d, R12.4c: the reports due within 3 working days and those late, of the last
        year, are what the department's heads are to be reminded of until they are published
        (the library's inbox provider reports them to the heads; the digest mails the inbox)."""

        def due(today=date(2026, 10, 7)):
            return [
                (obligation.department, status.period.label(), status.state)
                for obligation, status in report_obligations.reminders(today)
            ]

        self.assertEqual(
            due(),
            [
                ("economy", "3/2026", report_obligations.DUE),
                ("economy", "2/2026", report_obligations.LATE),
                ("economy", "1/2026", report_obligations.LATE),
                ("economy", "4/2025", report_obligations.LATE),
            ],
        )
        for quarter in (3, 2, 1):
            self.published(quarter, "2026-10-07 10:00:00")
        with freeze_time("2026-10-07 10:00:00"):
            draft = self.report(
                period=4, report_year=2025
            )  # a draft is not in: its head is still reminded
        self.assertEqual(due(), [("economy", "4/2025", report_obligations.LATE)])
        self.do(draft, "publish", "economy-head")
        self.assertEqual(due(), [])
