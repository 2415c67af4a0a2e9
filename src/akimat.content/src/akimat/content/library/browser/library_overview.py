"""What the departments owe the library and what is in (RULES.md R9.10d): per department and
obligation, its last periods with the control list's traffic light."""

from akimat.content import _
from akimat.content.browser.formatting import format_date
from akimat.content.control.browser import traffic_light
from akimat.content.core import calendar as working_calendar
from akimat.content.core.principals import PrincipalTitles
from akimat.content.core.vocabularies import title_of
from akimat.content.library import obligations as report_obligations
from akimat.content.library.vocabularies import REPORT_PERIOD_KINDS
from Products.Five.browser import BrowserView


STATE_TITLES = {
    report_obligations.IN: _("In"),
    report_obligations.DUE: _("Due soon"),
    report_obligations.LATE: _("Late"),
    report_obligations.AWAITED: _("Awaited"),
}
PERIODS_SHOWN = 4


class LibraryOverview(BrowserView):
    """?department=<id> shows one department."""

    def rows(self):
        today, calendar, titles = (
            working_calendar.now().date(),
            working_calendar.get_calendar(),
            PrincipalTitles(),
        )
        department = self.request.form.get("department") or None
        rows = []
        for obligation in report_obligations.obligations(department):
            rows.append(
                {
                    "department": titles(obligation.department),
                    "title": obligation.title,
                    "period_kind": title_of(
                        REPORT_PERIOD_KINDS, obligation.period_kind
                    ),
                    "periods": [
                        self._cell(status)
                        for status in report_obligations.statuses(
                            obligation, today, PERIODS_SHOWN, calendar
                        )
                    ],
                }
            )
        return sorted(rows, key=lambda row: (row["department"], row["title"]))

    def _cell(self, status):
        light = traffic_light.light(status.light)
        return {
            "period": status.period.label(),
            "due": format_date(status.due),
            "state": STATE_TITLES[status.state],
            "late": status.late,
            "url": status.report_url,
            "published_on": format_date(status.published_on),
            "css": light["css"],
            "colour": light["colour"],
        }
