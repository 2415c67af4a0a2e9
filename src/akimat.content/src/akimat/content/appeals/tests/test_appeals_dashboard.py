"""The appeals dashboard: the appeals registered in a year by month, kind, channel and state
(RULES.md R13.5, R13.6), for the appeals department only (R13.2)."""

from akimat.content.appeals.tests.test_appeals import AppealTestCase
from akimat.content.tests.views import ViewTests
from datetime import datetime
from freezegun import freeze_time
from lxml import html as lxml_html
from zExceptions import Unauthorized

import transaction


@freeze_time("2026-12-20 10:00:00+05:00")
class TestAppealsDashboard(ViewTests, AppealTestCase):
    def fill(self):
        """Three appeals registered in 2026 (two in February, one in March), one received but not
        registered, one registered in 2025."""
        for fields in (
            {
                "id": "a",
                "kind": "appeal",
                "channel": "letter",
                "received_at": datetime(2026, 2, 10, 10, 0),
            },
            {
                "id": "b",
                "kind": "complaint",
                "channel": "email",
                "received_at": datetime(2026, 2, 11, 10, 0),
            },
            {
                "id": "c",
                "kind": "complaint",
                "channel": "letter",
                "received_at": datetime(2026, 3, 10, 10, 0),
            },
            {
                "id": "e",
                "kind": "appeal",
                "channel": "letter",
                "received_at": datetime(2025, 11, 11, 10, 0),
            },
        ):
            self.do(self.appeal(**fields), "register")
        self.do(self.folder["a"], "review")
        self.appeal(
            id="d",
            kind="proposal",
            channel="letter",
            received_at=datetime(2026, 3, 11, 10, 0),
        )
        transaction.savepoint()

    def counts(self, page, breakdown):
        """{value: {month: count}} of the table beside the chart of `breakdown`, zeros left out."""
        table = lxml_html.fromstring(page).get_element_by_id(
            f"appeals-dashboard-{breakdown}-table"
        )
        return {
            row.get("data-value"): {
                cell.get("data-month"): int(cell.text)
                for cell in row.findall("td")
                if int(cell.text)
            }
            for row in table.iter("tr")
            if row.get("data-value")
        }

    def test_counts_per_month_by_kind_channel_and_state(self):
        """R13.5, R13.6: the registered appeals of the year counted per month, by kind (every kind
        has its row), by channel and by state; unregistered ones and other years are left out."""
        self.fill()
        page = self.render(self.portal, "@@appeals-dashboard", "appeals-officer")
        by_kind = self.counts(page, "kind")
        self.assertEqual(
            set(by_kind),
            {
                "appeal",
                "message",
                "request",
                "response",
                "proposal",
                "complaint",
                "total",
            },
        )
        self.assertEqual(by_kind["appeal"], {"2": 1, "total": 1})
        self.assertEqual(by_kind["complaint"], {"2": 1, "3": 1, "total": 2})
        self.assertEqual(by_kind["proposal"], {})  # received, not registered
        self.assertEqual(by_kind["total"], {"2": 2, "3": 1, "total": 3})
        by_channel = self.counts(page, "channel")
        self.assertEqual(by_channel["letter"], {"2": 1, "3": 1, "total": 2})
        self.assertEqual(by_channel["email"], {"2": 1, "total": 1})
        by_state = self.counts(page, "state")
        self.assertEqual(by_state["registered"], {"2": 1, "3": 1, "total": 2})
        self.assertEqual(by_state["in_review"], {"2": 1, "total": 1})
        self.assertEqual(by_state["received"], {})
        self.assertEqual(page.count('class="pygal-chart"'), 3)
        self.assertNotIn(
            "window.pygal", page
        )  # the closed intranet fetches no chart script
        self.assertIn("Жалоба", page)  # the kinds are named in the user's language (ru)

    def test_other_year(self):
        """R13.6: ?year= shows that year's registrations only."""
        self.fill()
        page = self.render(
            self.portal, "@@appeals-dashboard", "appeals-officer", year="2025"
        )
        self.assertEqual(self.counts(page, "kind")["total"], {"11": 1, "total": 1})
        self.assertNotIn('id="appeals-dashboard-error"', page)

    def test_bad_year_is_a_message(self):
        """R13.6: a year that is not one is said plainly, and the current year is shown."""
        self.fill()
        for year in ("двадцать", "1900"):
            page = self.render(
                self.portal, "@@appeals-dashboard", "appeals-officer", year=year
            )
            self.assertIn('id="appeals-dashboard-error"', page)
            self.assertEqual(
                self.counts(page, "kind")["total"], {"2": 2, "3": 1, "total": 3}
            )

    def test_refused_to_others(self):
        """R13.2: only the appeals department opens it — not a department head, not the akim."""
        self.fill()
        for outsider in ("economy-head", "the-akim", "head", "deputy", "odk-officer"):
            with self.assertRaises(Unauthorized):
                self.render(self.portal, "@@appeals-dashboard", outsider)

    def test_linked_from_the_register(self):
        """R13.6: the register of appeals links to the dashboard."""
        page = self.render(self.portal, "@@appeals-register", "appeals-officer")
        self.assertIn("@@appeals-dashboard", page)
