"""@@protocol-timeliness: the ОДК's Monday report to the head of apparatus on the protocols of the
past week — which were drawn up late, and by how many working days (RULES.md R8.6, R8.5d). The
rows come from catalog metadata through akimat.content.meetings.protocol_reports, as over REST."""

from akimat.content import _
from akimat.content.browser.formatting import format_date
from akimat.content.browser.formatting import state_titles
from akimat.content.core.calendar import get_calendar
from akimat.content.core.calendar import now
from akimat.content.core.parameters import BadParameter
from akimat.content.core.parameters import parse_date
from akimat.content.core.vocabularies import title_of
from akimat.content.meetings import protocol_reports
from akimat.content.meetings.vocabularies import MEETING_KINDS
from datetime import timedelta
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate


class ProtocolTimeliness(BrowserView):
    """?week=YYYY-MM-DD: the Monday–Sunday week before that day's week; by default the last full
    week before today. The most working days late first."""

    template = ViewPageTemplateFile("templates/protocol_timeliness.pt")

    def __call__(self):
        self.today = now().date()
        self.error = None
        day = self.today
        if self.request.form.get("week"):
            try:
                day = parse_date("week", self.request.form["week"])
            except BadParameter as error:
                self.error = translate(error.args[0], context=self.request)
        self.first, self.last = protocol_reports.week_before(day)
        self.rows = protocol_reports.week_rows(
            self.first, self.last, self.today, get_calendar()
        )
        return self.template()

    def kind(self, row):
        return title_of(MEETING_KINDS, row.meeting_kind)

    def state(self, row):
        if row.review_state is None:
            return _("no protocol yet")
        if not hasattr(self, "_state_titles"):
            self._state_titles = state_titles("Protocol")
        return self._state_titles.get(row.review_state, row.review_state)

    def summary(self):
        late = sum(1 for row in self.rows if row.late)
        return _(
            "${count} protocols, ${late} drawn up late.",
            mapping={"count": len(self.rows), "late": late},
        )

    def week_parameter(self):
        """The day after the week shown: what ?week= is to show it again."""
        return (self.last + timedelta(days=1)).isoformat()

    def format_date(self, day):
        return format_date(day)
