"""@@appeals-dashboard: the appeals registered in a year, month by month, by kind, by channel and by
state (RULES.md R13.5, R13.6), as pygal charts with their numbers in a table beside each.

Only the appeals department opens it (permission «Handle appeal», R13.2). The months and states
come from the catalog (`registration_year` index, `registration_date` and `review_state` metadata).
"""

from akimat.content import _
from akimat.content.appeals.browser.appeal import term_title
from akimat.content.appeals.vocabularies import APPEAL_CHANNELS
from akimat.content.appeals.vocabularies import APPEAL_KINDS
from akimat.content.browser.formatting import MONTHS
from akimat.content.browser.formatting import state_titles
from akimat.content.control import charts
from akimat.content.control.lists import BadFilter
from akimat.content.control.reports import whole_number
from akimat.content.core.calendar import now
from akimat.content.core.parameters import YEARS
from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate

import pygal


# One colour per kind, channel or state, by its place in the vocabulary or the workflow: a kind
# keeps its colour from one year to the next.
PALETTE = (
    "#0d6efd",
    "#198754",
    "#ffc107",
    "#dc3545",
    "#6f42c1",
    "#20c997",
    "#fd7e14",
    "#0dcaf0",
    "#6c757d",
    "#d63384",
)


def parse_year(form, today):
    """?year=2026; the current year without it; BadFilter when it is not a year we answer for."""
    if not str(form.get("year") or "").strip():
        return today.year
    return whole_number(form, "year", YEARS)


def registered_in(year):
    """(month, {"kind", "channel", "state"}) of every appeal registered in `year`, from the catalog."""
    result = []
    for brain in api.content.find(portal_type="Appeal", registration_year=year):
        values = {
            "kind": brain.appeal_kind,
            "channel": brain.appeal_channel,
            "state": brain.review_state,
        }
        result.append((brain.registration_date.month, values))
    return result


def per_month(appeals, name, known):
    """[(value, [count in January, …, December])] for every value of `name`: the `known` ones in
    their order, even when none was registered, then any other value met."""
    counts = {value: [0] * 12 for value in known}
    for month, values in appeals:
        counts.setdefault(values[name], [0] * 12)[month - 1] += 1
    return list(counts.items())


def monthly_bars(series, months, colours, title, no_data):
    """series: [(label, [12 counts])]; one bar per month, stacked by label."""
    totals = [
        sum(column)
        for column in zip(*(counts for _label, counts in series), strict=False)
    ]
    chart = charts.new_chart(
        pygal.StackedBar,
        colours,
        title,
        no_data,
        height=380,
        x_label_rotation=30,
        y_labels=charts.ticks(max(totals, default=0)),
    )
    chart.x_labels = months
    for label, counts in series:
        chart.add(label, counts)
    return chart.render(is_unicode=True)


class AppealsDashboard(BrowserView):
    """?year=2026 (the current year by default); a bad year is said and the current one shown."""

    template = ViewPageTemplateFile("templates/appeals_dashboard.pt")

    def __call__(self):
        today = now().date()
        self.error = None
        try:
            self.year = parse_year(self.request.form, today)
        except BadFilter as error:
            self.error = translate(error.args[0], context=self.request)
            self.year = today.year
        self.appeals = registered_in(self.year)
        return self.template()

    def _t(self, message):
        return translate(message, domain="akimat", context=self.request)

    def months(self):
        return [self._t(month) for month in MONTHS]

    def total(self):
        return len(self.appeals)

    def breakdowns(self):
        """One chart and its table each: by kind, by channel, by state."""
        states = state_titles("Appeal")
        return [
            self._breakdown(
                "kind",
                _("Registered appeals by kind"),
                _("Kind of appeal"),
                [term.value for term in APPEAL_KINDS],
                lambda value: term_title(APPEAL_KINDS, value),
            ),
            self._breakdown(
                "channel",
                _("Registered appeals by channel"),
                _("Received through"),
                [term.value for term in APPEAL_CHANNELS],
                lambda value: term_title(APPEAL_CHANNELS, value),
            ),
            self._breakdown(
                "state",
                _("Registered appeals by state"),
                _("State"),
                list(states),
                lambda value: states.get(value, value),
            ),
        ]

    def _breakdown(self, name, title, heading, known, title_of):
        lines = per_month(self.appeals, name, known)
        rows = [
            {
                "value": value,
                "title": self._t(title_of(value) or "—"),
                "counts": counts,
                "total": sum(counts),
                "colour": PALETTE[index % len(PALETTE)],
            }
            for index, (value, counts) in enumerate(lines)
        ]
        shown = [row for row in rows if row["total"]]
        svg = monthly_bars(
            [(row["title"], row["counts"]) for row in shown],
            self.months(),
            [row["colour"] for row in shown],
            self._t(title),
            self._t(_("Nothing to show")),
        )
        totals = [
            sum(column)
            for column in zip(*(row["counts"] for row in rows), strict=False)
        ]
        return {
            "id": name,
            "title": self._t(title),
            "heading": self._t(heading),
            "rows": rows,
            "totals": totals,
            "total": sum(totals),
            "svg": svg,
        }

    def years(self):
        """The years offered: the current one and five before it, and the one shown."""
        current = now().date().year
        return sorted({*range(current, current - 6, -1), self.year}, reverse=True)

    def register_url(self):
        return f"{self.context.absolute_url()}/@@appeals-register"
