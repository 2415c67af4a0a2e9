"""@@quarterly-report.xlsx (R12.16) and @@control-dashboard: execution at a glance for the ОДК."""

from akimat.content import _
from akimat.content.browser.formatting import format_date
from akimat.content.control import charts
from akimat.content.control import lists as control_lists
from akimat.content.control import reports as control_reports
from akimat.content.control import rules as control
from akimat.content.control import workbooks
from akimat.content.control.browser.control_list import bad_request
from akimat.content.control.browser.control_list import LIGHTS
from akimat.content.core import spreadsheets
from akimat.content.core.calendar import get_calendar
from akimat.content.core.calendar import now
from akimat.content.core.principals import PrincipalTitles
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate


class QuarterlyReportXlsx(BrowserView):
    """?year=2026&quarter=4; without both, the quarter just finished."""

    def __call__(self):
        today = now().date()
        try:
            year, quarter = control_reports.parse_quarter(self.request.form, today)
        except control_lists.BadFilter as error:
            return bad_request(self.request, error)
        first, last = control_reports.quarter_bounds(year, quarter)
        report = control_reports.execution_report(
            control_reports.due_between(first, last), today
        )
        data = workbooks.execution_report(report, year, quarter, self.request)
        filename = f"quarterly-report-{year}-q{quarter}.xlsx"
        return spreadsheets.send(self.request.response, data, filename)


class ControlDashboard(BrowserView):
    """The traffic light of everything on control now, overall and per lead executor (a
    department when a group), and executed on time against late for a period of deadlines
    (the current quarter unless ?date_from=&date_to= say otherwise)."""

    template = ViewPageTemplateFile("templates/control_dashboard.pt")

    def __call__(self):
        self.today = now().date()
        calendar = get_calendar()
        self.year, self.quarter = control_reports.current_quarter(self.today)
        self.error = None
        try:
            self.period = self._period()
        except control_lists.BadFilter as error:
            self.error = translate(error.args[0], context=self.request)
            self.period = control_reports.quarter_bounds(self.year, self.quarter)
        titles = PrincipalTitles()
        self.lights, self.light_lines = control_reports.traffic_light_counts(
            control_reports.on_control(), self.today, calendar, titles
        )
        self.report = control_reports.execution_report(
            control_reports.due_between(*self.period), self.today, titles
        )
        return self.template()

    def _period(self):
        first, last = control_reports.quarter_bounds(self.year, self.quarter)
        form = self.request.form
        if form.get("date_from"):
            first = control_lists.parse_date("date_from", form["date_from"])
        if form.get("date_to"):
            last = control_lists.parse_date("date_to", form["date_to"])
        if first > last:
            raise control_lists.BadFilter(_("The period begins after it ends."))
        return first, last

    def _t(self, message):
        return translate(message, context=self.request)

    def light_titles(self):
        return {colour: self._t(LIGHTS[colour]) for colour in self.lights}

    def light_counts(self):
        """Rows of the count table, each linking to the control list of that colour."""
        states = {
            control.GREEN: control.GREEN,
            control.YELLOW: control.YELLOW,
            control.RED: control_lists.OVERDUE,
        }
        url = f"{self.context.absolute_url()}/@@control-list?state="
        titles = self.light_titles()
        return [
            {
                "colour": colour,
                "title": titles[colour],
                "count": count,
                "url": url + states[colour],
            }
            for colour, count in self.lights.items()
        ]

    def charts(self):
        no_data = self._t(_("Nothing to show"))
        titles = self.light_titles()
        return [
            charts.traffic_light_pie(
                self.lights,
                titles,
                self._t(_("On control now, by traffic light")),
                no_data,
            ),
            charts.per_executor_lights(
                self.light_lines,
                titles,
                self._t(_("On control now, by executor")),
                no_data,
            ),
            charts.on_time_and_late(
                self.report.lines,
                self._t(_("Executed on time")),
                self._t(_("Executed late")),
                self._t(_("Executed in the period, by executor")),
                no_data,
            ),
        ]

    def period_value(self, index):
        return self.period[index].isoformat()

    def period_text(self):
        return f"{format_date(self.period[0])} – {format_date(self.period[1])}"

    def quarterly_url(self):
        return f"{self.context.absolute_url()}/@@quarterly-report.xlsx"

    def report_years(self):
        return range(self.year, self.year - 6, -1)

    def report_quarter(self):
        return control_reports.previous_quarter(self.today)
