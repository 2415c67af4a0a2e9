"""Reports of the document library: who drafts, publishes and sees them; one per period; no
restricted file (RULES.md R9.10d, R9.3, R12.13)."""

from akimat.content.library.report import IReport
from akimat.content.tests.library import LibraryTestCase
from akimat.content.tests.library import OUTSIDER
from akimat.content.tests.library import report_file
from akimat.content.tests.libreoffice import needs_libreoffice
from akimat.content.tests.samples import docx_bytes
from akimat.content.tests.samples import KAZAKH
from akimat.content.tests.samples import odt_bytes
from akimat.content.tests.samples import RUSSIAN
from akimat.content.tests.samples import sample_pdf
from akimat.content.tests.samples import xlsx_bytes
from akimat.content.tests.security import forget_local_roles
from akimat.content.tests.views import ViewTests
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from z3c.form.validator import Data
from zExceptions import Unauthorized
from zope.interface import Invalid
from zope.schema import ValidationError


class TestPublishing(LibraryTestCase):
    def sees(self, userid, obj):
        forget_local_roles(self.layer["request"])
        return api.user.has_permission("View", username=userid, obj=obj)

    def test_draft_seen_by_the_department_only(self):
        """R9.10d: a draft is the department's; once its head publishes it, all staff see it."""
        report = self.report()
        self.assertEqual(report.review_state(), "draft")
        for userid, sees in (
            ("economist", True),
            ("economy-head", True),
            ("finance-head", False),
            (OUTSIDER, False),
        ):
            self.assertEqual(self.sees(userid, report), sees, userid)
        self.do(report, "publish", "economy-head")
        for userid in ("finance-head", OUTSIDER):
            self.assertTrue(self.sees(userid, report), userid)

    def test_only_the_head_publishes_and_archives(self):
        """R9.10d: the department's staff draft; its head (or deputy head) publishes and archives."""
        report = self.report()
        for userid in ("economist", "finance-head", OUTSIDER):
            with self.assertRaises(WorkflowException):
                self.do(report, "publish", userid)
        self.do(report, "publish", "economy-head")
        with self.assertRaises(WorkflowException):
            self.do(report, "archive", "economist")
        self.do(report, "archive", "economy-head")
        self.assertEqual(report.review_state(), "archived")

    def test_heads_publish_in_their_own_folder_only(self):
        """R9.10d: a department head adds nothing to another department's folder."""
        with self.assertRaises(Unauthorized):
            self.report(department="economy", userid="finance-head")
        with self.assertRaises(Unauthorized):
            self.report(department="economy", userid=OUTSIDER)
        self.assertEqual(
            self.report(department="finance", userid="finance-head").department,
            "finance",
        )

    def test_department_is_its_folder(self):
        """R9.10d: the report belongs to the department whose folder holds it."""
        self.assertEqual(
            self.report(department="economy", userid="economist").department, "economy"
        )
        # Nobody adds a report outside the department folders.
        with (
            self.assertRaises(Unauthorized),
            api.env.adopt_user(username="economy-head"),
        ):
            api.content.create(
                container=self.akimat_to,
                type="Report",
                title="x",
                report_kind="x",
                period_kind="year",
                report_year=2026,
                file=report_file(),
            )

    def test_published_report_is_not_edited(self):
        """R9.10d: a published report changes only by a corrected version."""
        report = self.report()
        self.do(report, "publish", "economy-head")
        forget_local_roles(self.layer["request"])
        for userid in ("economist", "economy-head"):
            self.assertFalse(
                api.user.has_permission(
                    "Modify portal content", username=userid, obj=report
                )
            )


class TestOnePerPeriod(LibraryTestCase):
    def data(self, **fields):
        values = {
            "report_kind": "Отчёт об исполнении бюджета",
            "department": "economy",
            "period_kind": "quarter",
            "period": 2,
            "report_year": 2026,
            "restriction": "none",
            "file": report_file(),
            "corrected_version": False,
        }
        values.update(fields)
        return Data(IReport, values, self.folders["economy"])

    def test_second_report_of_the_period_refused_with_a_link(self):
        """R9.10d: one report of a kind per department and period; the refusal links the first."""
        first = self.report()
        with self.assertRaises(Invalid) as refusal:
            IReport.validateInvariants(self.data())
        self.assertEqual(refusal.exception.args[0].mapping["url"], first.absolute_url())
        for other in (
            {"period": 3},
            {"report_year": 2025},
            {"department": "finance"},
            {"report_kind": "Отчёт о занятости"},
        ):
            IReport.validateInvariants(self.data(**other))

    def test_corrected_version_replaces_and_keeps_the_first(self):
        """R9.10d: a corrected version archives the first report and both keep the link."""
        first = self.report()
        self.do(first, "publish", "economy-head")
        IReport.validateInvariants(self.data(corrected_version=True))
        corrected = self.report(
            userid="economy-head", corrected_version=True, file=report_file("v2.pdf")
        )
        self.assertEqual(first.review_state(), "archived")
        self.assertEqual(
            (corrected.replaces, first.replaced_by), (first.UID(), corrected.UID())
        )
        html = first.restrictedTraverse("@@view")()
        self.assertIn(corrected.absolute_url(), html)

    def test_period_fits_its_kind(self):
        for bad in (
            {"period_kind": "quarter", "period": 5},
            {"period_kind": "month", "period": None},
            {"period_kind": "year", "period": 1},
        ):
            with self.assertRaises(Invalid, msg=bad):
                IReport.validateInvariants(self.data(**bad))
        IReport.validateInvariants(
            self.data(period_kind="year", period=None, report_kind="Годовой отчёт")
        )


class TestFiles(LibraryTestCase):
    def test_restricted_files_refused(self):
        """R9.3, R9.4: a file marked ДСП or secret, or named so, is refused and points to the
        secret records office."""
        data = TestOnePerPeriod.data
        for fields in (
            {"restriction": "dsp"},
            {"restriction": "secret"},
            {"file": report_file("Отчёт ДСП.pdf")},
        ):
            with self.assertRaises(Invalid, msg=fields) as refusal:
                IReport.validateInvariants(data(self, report_kind="Другой", **fields))
            self.assertIn("secret records office", refusal.exception.args[0])

    def test_only_documents(self):
        """PDF, DOCX, XLSX and ODT only."""
        field = IReport["file"]
        for name in ("report.pdf", "report.DOCX", "table.xlsx", "text.odt"):
            field.validate(report_file(name))
        for name in ("script.exe", "photo.jpg", "noextension"):
            with self.assertRaises(ValidationError, msg=name):
                field.validate(report_file(name))

    def test_file_types_indexed(self):
        report = self.report(file=report_file("budget.xlsx", b"PK"))
        api.content.create(
            container=report,
            type="File",
            title="Приложение",
            file=report_file("annex.pdf"),
        )
        brain = api.content.find(UID=report.UID())[0]
        self.assertEqual(brain.file_types, ["pdf", "xlsx"])


class TestAnswersAnAssignment(LibraryTestCase):
    def test_published_report_is_the_execution_report(self):
        """R12.13: publishing a report that answers an assignment gives the assignment its
        execution report, once."""
        from z3c.relationfield import RelationValue
        from zope.component import getUtility
        from zope.intid.interfaces import IIntIds

        assignment = api.content.create(
            container=self.portal,
            type="Assignment",
            id="task",
            title="Представить отчёт об исполнении бюджета",
            lead_executor="economy",
            controller="odk",
        )
        report = self.report(
            answers=RelationValue(getUtility(IIntIds).getId(assignment))
        )
        self.assertEqual(assignment.execution_reports(), [])
        self.do(report, "publish", "economy-head")
        (execution,) = assignment.execution_reports()
        self.assertEqual(execution.library_report, report.UID())
        self.assertIn(report.title, execution.title)


class TestReportPage(ViewTests, LibraryTestCase):
    def test_the_assignment_it_answers_is_linked_for_those_who_see_it(self):
        """R9.10d, R12.13: every member of staff reads a published report; its link to the assignment
        it answers is shown only to those who may see the assignment, and never breaks the page."""
        from z3c.relationfield import RelationValue
        from zope.component import getUtility
        from zope.intid.interfaces import IIntIds

        assignment = api.content.create(
            container=self.portal,
            type="Assignment",
            id="task",
            title="Представить отчёт об исполнении бюджета",
            lead_executor="economy",
            controller="odk",
        )
        report = self.report(
            answers=RelationValue(getUtility(IIntIds).getId(assignment))
        )
        self.do(report, "publish", "economy-head")
        self.assertIn(
            'id="report-answers"', self.render(report, "@@view", "economy-head")
        )
        html = self.render(report, "@@view", OUTSIDER)
        self.assertIn(report.title, html)
        self.assertNotIn('id="report-answers"', html)


class TestFullText(LibraryTestCase):
    """A report is found by the words inside its files, in Kazakh and Russian."""

    def found(self, text):
        with api.env.adopt_user(username=OUTSIDER):
            return [
                brain.getId
                for brain in api.content.find(portal_type="Report", SearchableText=text)
            ]

    def test_words_inside_its_files(self):
        """Russian words in any form, «ё» or «е», Kazakh letters in any case, in the DOCX, XLSX
        and ODT files of a published report; a draft is found by nobody outside the department."""
        report = self.report(
            id="budget", file=report_file("budget.docx", docx_bytes(KAZAKH, RUSSIAN))
        )
        api.content.create(
            container=report,
            type="File",
            id="table",
            title="Таблица",
            file=report_file(
                "table.xlsx", xlsx_bytes([["Показатель", "Исполнение субсидий"]])
            ),
        )
        api.content.create(
            container=report,
            type="File",
            id="note",
            title="Записка",
            file=report_file("note.odt", odt_bytes("Пояснительная записка к отчёту")),
        )
        self.assertEqual(self.found("бюджетов"), [])  # a draft
        self.do(report, "publish", "economy-head")
        for query in (
            "отчеты",
            "отчетов",
            "ОТЧЁТ",
            "бюджетом",
            "ҚАРЖЫ",
            "Әкімдіктің",
            "есебі",
            "субсидии",
            "пояснительной",
            "отчет*",
        ):
            self.assertEqual(self.found(query), ["budget"], query)
        self.assertEqual(
            self.found("каржы"), []
        )  # Kazakh letters are letters of their own

    @needs_libreoffice
    def test_words_inside_its_pdf(self):
        """A PDF printed from Word: its Kazakh and Russian words are found."""
        report = self.report(id="pdf", file=report_file("report.pdf", sample_pdf()))
        self.do(report, "publish", "economy-head")
        for query in ("годового", "бюджетах", "ғимаратында", "ЖИҺАЗ"):
            self.assertEqual(self.found(query), ["pdf"], query)


class Upload:
    """A file as the request's form holds an uploaded one."""

    def __init__(self, filename, data=b"%PDF-1.4 a report"):
        self.filename, self.data = filename, data

    def read(self):
        return self.data


class TestUploadOfAPeriod(ViewTests, LibraryTestCase):
    def upload(self, userid, *files, **form):
        values = {
            "period_kind": "quarter",
            "period": "2",
            "report_year": "2026",
            "files": list(files),
        }
        values.update(form)
        return self.render(
            self.folders["economy"], "@@upload-reports", userid, method="POST", **values
        )

    def test_one_report_per_file_refusals_named(self):
        """R9.10d, R9.3: each file becomes a report of the period; a restricted file, another
        type or a report already in are refused by name, the others are kept."""
        self.report(report_kind="Отчёт о занятости")
        html = self.upload(
            "economy-head",
            Upload("Отчёт об исполнении бюджета.pdf"),
            Upload("Отчёт ДСП о кадрах.pdf"),
            Upload("Отчёт о занятости.pdf"),
            Upload("Сводка.exe"),
            publish="1",
        )
        reports = {
            report.report_kind: report
            for report in self.folders["economy"].objectValues()
        }
        budget = reports["Отчёт об исполнении бюджета"]
        self.assertEqual(
            (budget.report_kind, budget.period, budget.review_state()),
            ("Отчёт об исполнении бюджета", 2, "published"),
        )
        self.assertEqual(len(reports), 2)
        self.assertIn('id="upload-refused"', html)
        for name in ("Отчёт ДСП о кадрах.pdf", "Отчёт о занятости.pdf", "Сводка.exe"):
            self.assertIn(name, html)
        self.assertIn("секретное делопроизводство", html)

    def test_staff_upload_drafts(self):
        """R9.10d: staff upload drafts even when they ask to publish; the head publishes."""
        self.upload("economist", Upload("Отчёт об исполнении бюджета.pdf"), publish="1")
        (report,) = self.folders["economy"].objectValues()
        self.assertEqual(report.review_state(), "draft")

    def test_an_upload_without_the_pages_token_adds_nothing_and_says_so(self):
        """A form sent without plone.protect's token (expired, or from another site) is refused
        before any report is added, with the reason on the page."""
        html = self.upload(
            "economy-head",
            Upload("Отчёт об исполнении бюджета.pdf"),
            _authenticator="expired",
        )
        self.assertEqual(list(self.folders["economy"].objectIds()), [])
        self.assertIn("Ничего не изменено", html)

    def test_period_checked(self):
        html = self.upload("economy-head", Upload("Отчёт.pdf"), period="5")
        self.assertEqual(self.folders["economy"].objectIds(), [])
        self.assertIn("Отчёт.pdf", html)

    def test_year_and_period_out_of_range_refused_naming_the_range(self):
        """R9.10d: a report of a year from 2000 to 2100, of a period counted from 1."""
        for form, named in (
            ({"report_year": "1999"}, "2100"),
            ({"period": "-1"}, "12"),
        ):
            with self.subTest(**form):
                html = self.upload("economy-head", Upload("Отчёт.pdf"), **form)
                self.assertIn(f"до {named}", html)
                self.assertEqual(self.folders["economy"].objectIds(), [])

    def test_other_departments_may_not(self):
        with self.assertRaises(Unauthorized):
            self.upload("finance-head", Upload("Отчёт.pdf"))


class TestSiteSearch(ViewTests, LibraryTestCase):
    def test_results_name_type_period_and_department(self):
        """The site search shows a report with its type, period and department."""
        report = self.report(file=report_file("budget.docx", docx_bytes(RUSSIAN)))
        self.do(report, "publish", "economy-head")
        html = self.render(self.portal, "@@search", OUTSIDER, SearchableText="бюджетах")
        self.assertIn(report.absolute_url(), html)
        self.assertIn("2 квартал 2026 · economy", html)
