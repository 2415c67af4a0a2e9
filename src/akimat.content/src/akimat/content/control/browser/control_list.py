"""@@control-list and @@control-list.xlsx: the control list of the ОДК (R12.4a) on the site root;
the «Поручения» section's register, the same list for every staff member."""

from akimat.content import _
from akimat.content.browser.formatting import format_date
from akimat.content.browser.formatting import format_deadline
from akimat.content.control import lists as control_lists
from akimat.content.control import rules as control
from akimat.content.control import workbooks
from akimat.content.control.browser import traffic_light
from akimat.content.control.vocabularies import CONTROL_CATEGORIES
from akimat.content.control.vocabularies import SOURCE_KINDS
from akimat.content.core import spreadsheets
from akimat.content.core.calendar import get_calendar
from akimat.content.core.calendar import now
from akimat.content.core.principals import PrincipalTitles
from html import escape
from plone import api
from plone.app.layout.viewlets.common import TitleViewlet
from plone.batching import Batch
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate


PAGE_SIZE = 50
ROW_CLASSES = {
    control.GREEN: "table-success",
    control.YELLOW: "table-warning",
    control.RED: "table-danger",
    control.GREY: "table-secondary",
}
# The traffic light's labels, as everywhere else in the intranet (R12.4b).
LIGHTS = {colour: label for colour, (label, _css) in traffic_light.LIGHTS.items()}
STATE_TITLES = (
    (control_lists.ON_CONTROL, _("On control")),
    (control_lists.OVERDUE, LIGHTS[control.RED]),
    (control.YELLOW, LIGHTS[control.YELLOW]),
    (control.GREEN, LIGHTS[control.GREEN]),
    (control_lists.REMOVED, LIGHTS[control.GREY]),
)


SCOPE_TITLES = (
    (control_lists.MINE, _("My assignments")),
    (control_lists.DEPARTMENT, _("My department")),
)


class ControlListView(BrowserView):
    """The filter form (GET) and the batched list sorted by deadline, rows in the traffic light."""

    template = ViewPageTemplateFile("templates/control_list.pt")
    # Every filter, the weekly list, the dashboard and the exports (ViewControlList).
    full = True

    def __call__(self):
        self.today = now().date()
        self.calendar = calendar = get_calendar()
        self.error = None
        try:
            self.filters = control_lists.parse_filters(self.request.form)
            brains = control_lists.find(self.filters, self.today, calendar)
        except control_lists.BadFilter as error:
            self.error = translate(error.args[0], context=self.request)
            self.filters, brains = control_lists.Filters(), []
        self.titles = PrincipalTitles()
        self.batch = Batch(brains, PAGE_SIZE, _start(self.request))
        # Only the page shown is turned into rows: principal titles are looked up for it alone.
        self.rows = control_lists.rows(
            list(self.batch), self.request, self.today, calendar, self.titles
        )
        return self.template()

    def site_url(self):
        return api.portal.get().absolute_url()

    def page_url(self):
        """Where the filters are sent: this page, on the site root or as the section's view."""
        return self.request["ACTUAL_URL"]

    def export_url(self):
        query = self.filters.query_string()
        url = f"{self.site_url()}/@@control-list.xlsx"
        return f"{url}?{query}" if query else url

    def weekly_url(self):
        return f"{self.page_url()}?preset={control_lists.WEEKLY}"

    def weekly(self):
        return self.filters.preset == control_lists.WEEKLY

    def label(self):
        return (
            _("Weekly control list for the leadership")
            if self.weekly()
            else _("Control list")
        )

    def scopes(self):
        return self._options("scope", SCOPE_TITLES)

    def row_class(self, row):
        return ROW_CLASSES[row.traffic_light]

    def light(self, row):
        return translate(LIGHTS[row.traffic_light], context=self.request)

    def extension_mark(self, row):
        return control_lists.extension_mark(row, self.request)

    def removal_mark(self, row):
        mark = control_lists.removal_mark(row, self.request)
        return format_date(mark) if hasattr(mark, "isoformat") else mark

    def format_date(self, day):
        return format_date(day)

    def deadline(self, row):
        """The deadline, saying so when a day off moved it (R0.2)."""
        return format_deadline(
            row.deadline, self.calendar, self.request, set_on=row.deadline_as_set
        )

    def value(self, name):
        value = getattr(self.filters, name)
        return value.isoformat() if hasattr(value, "isoformat") else value or ""

    def source_kinds(self):
        return self._options(
            "source_kind", [(term.token, term.title) for term in SOURCE_KINDS]
        )

    def control_categories(self):
        return self._options(
            "control_category",
            [(term.token, term.title) for term in CONTROL_CATEGORIES],
        )

    def states(self):
        return self._options("state", STATE_TITLES)

    def executors(self):
        """Everyone who executes an assignment, from the catalog's index, by title."""
        catalog = api.portal.get_tool("portal_catalog")
        principals = [(p, self.titles(p)) for p in catalog.uniqueValuesFor("executors")]
        options = self._options("executor", principals, translated=True)
        return sorted(options, key=lambda option: option["title"].lower())

    def _options(self, name, pairs, translated=False):
        chosen = getattr(self.filters, name)
        return [
            {
                "value": value,
                "title": title
                if translated
                else translate(title, context=self.request),
                "selected": value == chosen,
            }
            for value, title in pairs
        ]


class AssignmentsRegister(ControlListView):
    """The «Поручения» section's view: the control list of what the catalog shows the person,
    narrowed to his own or his department's assignments or to the overdue ones; those who keep
    the control list (ViewControlList) get every filter, the weekly list and the exports."""

    @property
    def full(self):
        return api.user.has_permission(
            "akimat.content: View control list", obj=api.portal.get()
        )

    def label(self):
        return super().label() if self.full else _("Assignments")


class ControlListTitle(TitleViewlet):
    """The page's title in the browser: the list's name, not the site's or the section's."""

    @property
    def page_title(self):
        return escape(translate(self.view.label(), context=self.request))


class ControlListXlsx(BrowserView):
    """The same list, every row, as XLSX with the nine columns of R12.4a."""

    def __call__(self):
        today = now().date()
        calendar = get_calendar()
        try:
            filters = control_lists.parse_filters(self.request.form)
        except control_lists.BadFilter as error:
            return bad_request(self.request, error)
        brains = control_lists.find(filters, today, calendar)
        rows = control_lists.rows(brains, self.request, today, calendar)
        weekly = filters.preset == control_lists.WEEKLY
        data = workbooks.control_list(rows, self.request, today, weekly)
        filename = workbooks.control_list_filename(today, weekly)
        return spreadsheets.send(self.request.response, data, filename)


def bad_request(request, error):
    """A 400 in plain words, for a download link someone edited by hand."""
    request.response.setStatus(400)
    request.response.setHeader("Content-Type", "text/plain; charset=utf-8")
    return translate(error.args[0], context=request)


def _start(request):
    try:
        return max(int(request.form.get("b_start", 0)), 0)
    except (TypeError, ValueError):
        return 0
