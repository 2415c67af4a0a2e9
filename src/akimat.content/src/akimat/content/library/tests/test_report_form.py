"""The report's forms and steps as people meet them (issue 15): the year without a separator, the
period asked for, the title made of kind and period, a refusal at its field, and archiving only
after a confirmation (RULES.md R9.10d)."""

from akimat.content.core.year import IYear
from akimat.content.core.year import YearDataConverter
from akimat.content.library.report import IReport
from akimat.content.library.report import report_title
from akimat.content.tests.library import LibraryTestCase
from akimat.content.tests.views import ViewTests
from plone import api
from z3c.form.interfaces import IWidget
from zope.interface import implementer


@implementer(IWidget)
class _Widget:
    def __init__(self, request):
        self.request = request


def _field(html, name):
    """The HTML of the form's field `name`, up to the next field."""
    start = html.index(f'id="formfield-form-widgets-{name}"')
    end = html.find('id="formfield-form-widgets-', start + 1)
    return html[start : end if end != -1 else None]


class TestReportForm(ViewTests, LibraryTestCase):
    def test_year_written_without_a_thousands_separator(self):
        """A year reads «2026» in every language, never «2,026» or «2 026»."""
        self.assertTrue(IYear.providedBy(IReport["report_year"]))
        converter = YearDataConverter(IReport["report_year"], _Widget(self.request))
        self.assertEqual(converter.toWidgetValue(2026), "2026")
        self.assertEqual(converter.toFieldValue(" 2027 "), 2027)
        self.assertIs(converter.toFieldValue(""), None)
        html = self.render(self.folders["economy"], "++add++Report", "economist")
        year = _field(html, "report_year")
        self.assertIn('value="2026"', year)
        self.assertNotIn("2,026", html)

    def test_period_asked_for_and_title_not(self):
        """The add form asks for the kind and the period, not for a title repeating them, and
        assumes no period («Месяц» was preselected)."""
        html = self.render(self.folders["economy"], "++add++Report", "economist")
        self.assertNotIn("form-widgets-title", html)
        period = _field(html, "period_kind")
        self.assertIn(
            'id="form-widgets-period_kind-novalue" selected="selected"', period
        )
        self.assertNotIn('id="form-widgets-period_kind-0" selected', period)

    def test_title_made_of_kind_and_period(self):
        """R9.10d: a report's title says its kind and its period, in the site's language."""
        report = self.report(title="ignored")
        self.assertEqual(report.title, report_title(report))
        self.assertTrue(report.title.startswith("Отчёт об исполнении бюджета, 2 "))
        self.assertTrue(report.title.endswith(" 2026"))
        report.period = 3
        self.render(
            report,
            "@@edit",
            "economist",
            method="POST",
            **self.edit_form(period="3"),
        )
        self.assertTrue(report.title.startswith("Отчёт об исполнении бюджета, 3 "))

    def test_upgrade_titles_existing_reports(self):
        """An existing site's reports get the title of their kind and period."""
        from akimat.content.upgrades.to_1010 import (
            workflows_and_report_titles as upgrade,
        )

        report = self.report()
        report.title = "Отчёт (2/2026)"
        upgrade(api.portal.get_tool("portal_setup"))
        self.assertEqual(report.title, report_title(report))

    def edit_form(self, **values):
        form = {
            "form.widgets.report_kind": "Отчёт об исполнении бюджета",
            "form.widgets.department": ["economy"],
            "form.widgets.period_kind": ["quarter"],
            "form.widgets.period": "2",
            "form.widgets.report_year": "2026",
            "form.widgets.restriction": ["none"],
            "form.widgets.file.action": "nochange",
            "form.buttons.save": "Save",
        }
        form.update({f"form.widgets.{name}": value for name, value in values.items()})
        return form

    def test_refusal_shown_at_its_field(self):
        """R9.10d: «a yearly report has no quarter» stands at the period's field, not only
        above the form."""
        report = self.report()
        html = self.render(
            report,
            "@@edit",
            "economist",
            method="POST",
            **self.edit_form(period_kind=["year"], period="3"),
        )
        self.assertIn('class="invalid-feedback"', _field(html, "period"))
        self.assertNotIn('class="invalid-feedback"', _field(html, "period_kind"))
        self.assertEqual(report.period_kind, "quarter")  # nothing saved


class TestArchiveConfirmed(ViewTests, LibraryTestCase):
    def published(self):
        report = self.report()
        self.do(report, "publish", "economy-head")
        return report

    def test_archive_button_opens_a_confirmation_apart_from_publish(self):
        """R9.10d: «В архив» is a link to its confirmation page, set apart (never a POST button
        where «Опубликовать» stood)."""
        report = self.published()
        html = self.render(report, "@@view", "economy-head")
        self.assertIn(
            f'href="{report.absolute_url()}/@@transition?workflow_action=archive"', html
        )
        self.assertIn("step-to-confirm", html)
        self.assertNotIn('name="workflow_action" value="archive"', html)

    def test_archive_taken_only_once_confirmed(self):
        """R9.10d: the head archives a report only from the confirmation page; a bare POST (a
        double click on the old button) shows that page and changes nothing."""
        report = self.published()
        page = self.render(
            report, "@@transition", "economy-head", workflow_action="archive"
        )
        self.assertIn('id="confirm-step"', page)
        self.step(
            report,
            "archive",
            "economy-head",
        )
        self.assertEqual(report.review_state(), "published")
        self.step(
            report,
            "archive",
            "economy-head",
            confirmed="1",
            comment="Заменён уточнённым отчётом",
        )
        self.assertEqual(report.review_state(), "archived")
        history = report.workflow_history["akimat_report_workflow"]
        self.assertEqual(history[-1]["comments"], "Заменён уточнённым отчётом")

    def test_publish_needs_no_confirmation(self):
        report = self.report()
        self.step(
            report,
            "publish",
            "economy-head",
        )
        self.assertEqual(report.review_state(), "published")
        self.assertEqual(api.content.get_state(report), "published")
