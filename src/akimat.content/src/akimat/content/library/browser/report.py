"""The page of a report of the document library (RULES.md R9.10d)."""

from akimat.content.browser.formatting import format_date
from akimat.content.browser.formatting import state_title
from akimat.content.browser.relations import visible_link
from akimat.content.browser.relations import visible_target
from akimat.content.browser.steps import button_transitions
from akimat.content.core.principals import principal_title
from akimat.content.library.report import period_title
from plone import api
from Products.Five.browser import BrowserView


class ReportView(BrowserView):
    """Requisites, files with their download links, the version chain, the steps."""

    def state_title(self):
        return state_title(self.context.review_state(), self.context.portal_type)

    def department(self):
        return principal_title(self.context.department)

    def period(self):
        report = self.context
        return period_title(report.period_kind, report.period, report.report_year)

    def executor(self):
        return principal_title(self.context.executor) if self.context.executor else ""

    def files(self):
        report = self.context
        files = (
            [
                {
                    "filename": report.file.filename,
                    "url": f"{report.absolute_url()}/@@download/file",
                    "size": report.file.getSize(),
                }
            ]
            if report.file
            else []
        )
        for item in report.objectValues():
            if getattr(item, "portal_type", None) == "File" and item.file:
                files.append(
                    {
                        "filename": item.file.filename,
                        "url": f"{item.absolute_url()}/@@download/file",
                        "size": item.file.getSize(),
                    }
                )
        return files

    def answers(self):
        return visible_target(self.context.answers)

    def replaces(self):
        return visible_link(self.context.replaces)

    def replaced_by(self):
        return visible_link(self.context.replaced_by)

    def may_add_files(self):
        return api.user.has_permission("Add portal content", obj=self.context)

    def transitions(self):
        return button_transitions(self.context)

    def modified(self):
        return format_date(self.context.modified().asdatetime().date())
