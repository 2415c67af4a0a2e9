"""Several reports of a period at once (the document library, RULES.md R9.10d, R9.3).

A department head (or its staff) chooses the period once and several files: each file becomes a
report whose kind is the file's name. Each file is checked as the add form checks a
report (its type, restriction, one per kind and period); the page says which were refused and
why, and keeps the others.
"""

from akimat.content import _
from akimat.content.core.csrf import has_token
from akimat.content.core.csrf import NO_TOKEN
from akimat.content.library.report import IReport
from akimat.content.library.report import report_title
from akimat.content.library.vocabularies import REPORT_PERIOD_KINDS
from plone import api
from plone.namedfile.file import NamedBlobFile
from Products.Five.browser import BrowserView
from types import SimpleNamespace
from z3c.form.validator import Data
from zope.i18n import translate
from zope.interface import Invalid
from zope.schema import ValidationError


class UploadRefused(Exception):
    """The whole upload is refused (the period): its message says why."""


def _int(value, message):
    try:
        return int(value) if str(value or "").strip() else None
    except ValueError:
        raise UploadRefused(message) from None


def kind_of(filename):
    """«Отчёт об исполнении бюджета.pdf» → «Отчёт об исполнении бюджета»."""
    return filename.rsplit("/", 1)[-1].rsplit("\\", 1)[-1].rsplit(".", 1)[0].strip()


class UploadReports(BrowserView):
    """GET: the form; POST: one report per file, the refusals listed."""

    def __call__(self):
        self.created, self.refused, self.error = [], [], None
        if self.request.get("REQUEST_METHOD", "GET").upper() == "POST":
            try:
                if not has_token(self.request):
                    raise UploadRefused(NO_TOKEN)
                self.upload()
            except UploadRefused as error:
                self.error = translate(error.args[0], context=self.request)
        return self.index()

    def kinds(self):
        return [
            {"value": term.value, "title": term.title} for term in REPORT_PERIOD_KINDS
        ]

    def may_publish(self):
        """The department's head and deputy head publish (its folder makes them Reviewers)."""
        return bool(
            {"Reviewer", "Manager", "Site Administrator"}
            & set(api.user.get_roles(obj=self.context))
        )

    def upload(self):
        form = self.request.form
        period_kind = form.get("period_kind")
        if period_kind not in REPORT_PERIOD_KINDS:
            raise UploadRefused(_("Choose how often these reports are made."))
        period = {
            "period_kind": period_kind,
            "period": _int(
                form.get("period"), _("The number of the period is not a number.")
            ),
            "report_year": _int(
                form.get("report_year"), _("The year is not a number.")
            ),
        }
        uploads = [
            upload
            for upload in form.get("files") or ()
            if getattr(upload, "filename", "")
        ]
        if not uploads:
            raise UploadRefused(_("Choose the files of the reports."))
        publish = bool(form.get("publish")) and self.may_publish()
        for upload in uploads:
            self._add(upload, period, publish)

    def _add(self, upload, period, publish):
        file = NamedBlobFile(data=upload.read(), filename=upload.filename)
        kind = kind_of(upload.filename)
        values = dict(
            period,
            report_kind=kind,
            file=file,
            restriction="none",
            department=self.context.getId(),
            corrected_version=False,
        )
        try:
            IReport["file"].validate(file)
            for name in ("period", "report_year"):
                IReport[name].validate(values[name])
            IReport.validateInvariants(Data(IReport, values, self.context))
        except (Invalid, ValidationError) as error:
            self.refused.append(
                {"filename": upload.filename, "reason": _reason(error, self.request)}
            )
            return
        # Titled as it will be, so that its id is made of its kind and period.
        title = report_title(SimpleNamespace(**values))
        report = api.content.create(
            container=self.context, type="Report", title=title, **values
        )
        if publish:
            api.content.transition(obj=report, transition="publish")
        self.created.append({"title": report.title, "url": report.absolute_url()})


def _reason(error, request):
    if isinstance(error, ValidationError):
        return translate(error.doc(), context=request)
    return translate(error.args[0], context=request)
