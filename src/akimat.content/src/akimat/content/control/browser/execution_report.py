"""The add form of an execution report: titled and named by its day, back to the assignment."""

from akimat.content import _
from akimat.content.control.execution_report import report_id
from akimat.content.control.execution_report import report_title
from akimat.content.core import calendar as working_calendar
from plone.dexterity.browser.add import DefaultAddForm
from plone.dexterity.browser.add import DefaultAddView
from zope.i18n import translate


class ExecutionReportAddForm(DefaultAddForm):
    label = _("Execution report")

    @property
    def success_message(self):
        return translate(
            _("Your execution information is added to the assignment."),
            context=self.request,
        )

    def create(self, data):
        report = super().create(data)
        today = working_calendar.now().date()
        report.id = report_id(today)
        report.title = report_title(today, self.request)
        return report

    def nextURL(self):
        # Back to the assignment, where the report is listed with what is still to do
        return self.context.absolute_url()


class ExecutionReportAddView(DefaultAddView):
    form = ExecutionReportAddForm
