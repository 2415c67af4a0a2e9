"""The add and edit forms of a report: the period asked for, not assumed; an invariant's refusal
shown at the field it concerns, not only above the form."""

from akimat.content import _
from akimat.content.library.report import FieldInvalid
from akimat.content.library.report import report_title
from plone.dexterity.browser.add import DefaultAddForm
from plone.dexterity.browser.add import DefaultAddView
from plone.dexterity.browser.edit import DefaultEditForm


class ReportFormMixin:
    def updateWidgets(self, prefix=None):
        super().updateWidgets(prefix)
        # A required choice would silently offer its first term, «Месяц».
        self.widgets["period_kind"].prompt = True
        self.widgets["period_kind"].promptMessage = _("Choose the period")

    def extractData(self, setErrors=True):
        data, errors = super().extractData(setErrors=setErrors)
        for error in errors:
            field = getattr(error.error, "field", None)
            widget = (
                self.widgets.get(field)
                if isinstance(error.error, FieldInvalid)
                else None
            )
            if widget is not None and error.widget is None and widget.error is None:
                error.widget = widget
                widget.error = error
        return data, errors


class ReportAddForm(ReportFormMixin, DefaultAddForm):
    def create(self, data):
        report = super().create(data)
        # Before the report is added, so that its id is made of its title.
        report.title = report_title(report)
        return report


class ReportAddView(DefaultAddView):
    form = ReportAddForm


class ReportEditForm(ReportFormMixin, DefaultEditForm):
    pass
