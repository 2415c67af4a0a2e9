"""The document library's search page (R9.10d): collectionfilter's facets over the reports.

The reports are the tests' own, of the years 2098 and 2099, so that no demo report counts.
"""

from akimat.content import _
from akimat.content.library.facets import REPORT_FACETS
from akimat.content.library.facets import report_facets
from akimat.policy.interfaces import IAkimatPolicyLayer
from akimat.policy.library_search import ensure_library_search
from akimat.policy.library_search import in_russian
from akimat.policy.testing import AKIMAT_POLICY_INTEGRATION_TESTING
from collective.collectionfilter.interfaces import IGroupByCriteria
from collective.collectionfilter.portlets import collectionfilter
from collective.collectionfilter.vocabularies import GroupByCriteria
from collective.collectionfilter.vocabularies import make_int
from DateTime import DateTime
from plone import api
from plone.app.testing import login
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from plone.namedfile.file import NamedBlobFile
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletManager
from types import SimpleNamespace
from zope.component import getMultiAdapter
from zope.component import getUtility
from zope.event import notify
from zope.i18n import translate
from zope.interface import alsoProvides
from zope.traversing.interfaces import BeforeTraverseEvent

import re
import unittest


ECONOMY = "Отдел экономики и бюджетного планирования"
FINANCE = "Отдел финансов"


class LibrarySearchTestCase(unittest.TestCase):
    layer = AKIMAT_POLICY_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.request = self.layer["request"]
        alsoProvides(self.request, IAkimatPolicyLayer)
        self.library = self.portal["library"]
        self.search = self.library["search"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        folders = self.library["akimat-to"]
        self.report(
            folders["economy"], "Исполнение бюджета", "quarter", 2, 2099, "budget.pdf"
        )
        self.report(
            folders["economy"], "План развития", "year", None, 2098, "plan.docx"
        )
        self.report(
            folders["finance"], "Фонд оплаты труда", "month", 3, 2099, "payroll.xlsx"
        )
        self.report(
            folders["economy"],
            "Прогноз",
            "quarter",
            3,
            2099,
            "forecast.pdf",
            publish=False,
        )
        login(self.portal, "tursynbayev")  # economy staff: sees the economy's draft too

    def report(self, folder, title, period_kind, period, year, filename, publish=True):
        report = api.content.create(
            container=folder,
            type="Report",
            report_kind=title,
            title=title,
            department=folder.getId(),
            period_kind=period_kind,
            period=period,
            report_year=year,
            file=NamedBlobFile(b"%PDF-1.4", filename=filename),
        )
        if publish:
            api.content.transition(obj=report, transition="publish")
        return report

    def filter_by(self, **form):
        """A request of the search page with `form`, read by collectionfilter as on traversal."""
        self.request.form.update(form, collectionfilter="1")
        self.request.other.pop(
            "contentFilter", None
        )  # it reads the form once a request
        notify(BeforeTraverseEvent(self.portal, self.request))

    def listing(self):
        return getMultiAdapter((self.search, self.request), name="report-listing")

    def found(self):
        """The kinds of the reports found (their titles add the period)."""
        return [brain.report_kind for brain in self.listing().batch()]

    def portlets(self):
        manager = getUtility(IPortletManager, name="plone.rightcolumn")
        return getMultiAdapter((self.search, manager), IPortletAssignmentMapping)

    def options(self, index):
        """{title: count} of a facet's values as its portlet shows them, «All» left out."""
        manager = getUtility(IPortletManager, name="plone.rightcolumn")
        renderer = collectionfilter.Renderer(
            self.search, self.request, self.listing(), manager, self.portlets()[index]
        )
        return {
            option["title"]: option["count"]
            for option in renderer.results()
            if option["value"] != "all"
        }


class TestSearchPage(LibrarySearchTestCase):
    def test_the_library_opens_on_its_search(self):
        self.assertEqual(self.library.getDefaultPage(), "search")
        self.assertEqual(self.search.portal_type, "Collection")
        self.assertEqual(self.search.getLayout(), "report-listing")
        self.assertEqual(self.search.title, in_russian(_("Search in the library")))
        self.assertEqual(self.search.query[0]["v"], ["Report"])
        self.assertEqual(
            (self.search.sort_on, self.search.sort_reversed), ("effective", True)
        )

    def test_its_portlets_top_to_bottom(self):
        portlets = self.portlets()
        self.assertEqual(
            list(portlets),
            [
                "search",
                "department",
                "period_kind",
                "report_year",
                "report_period",
                "file_types",
                "review_state",
                "sort",
                "reset",
            ],
        )
        for index in (
            "department",
            "period_kind",
            "report_year",
            "report_period",
            "file_types",
            "review_state",
        ):
            with self.subTest(index=index):
                self.assertEqual(portlets[index].group_by, index)
                self.assertTrue(portlets[index].show_count)
        self.assertEqual(portlets["report_year"].header, "Год")
        self.assertEqual(portlets["review_state"].header, "Состояние")
        self.assertEqual(portlets["sort"].sort_on, ("effective", "sortable_title"))
        self.assertEqual(
            {portlet.target_collection for portlet in portlets.values()},
            {self.search.UID()},
        )

    def test_safe_to_run_again(self):
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        login(self.portal, TEST_USER_NAME)
        self.portlets()["report_year"].header = "Годы"  # an administrator's edit stays
        self.assertEqual(ensure_library_search(), self.search)
        self.assertEqual(len(self.portlets()), 9)
        self.assertEqual(self.portlets()["report_year"].header, "Годы")
        self.assertEqual(self.library.getDefaultPage(), "search")

    def test_the_page_shows_the_portlets_and_the_reports(self):
        self.filter_by(report_year="2099")
        html = self.search.restrictedTraverse("@@report-listing")()
        content = html[
            html.index('id="content-core"') : html.index(
                'id="viewlet-below-content-body"'
            )
        ]
        self.assertIn("Исполнение бюджета", content)
        self.assertIn("2 квартал 2099", content)
        self.assertIn(ECONOMY, content)
        self.assertRegex(html, r'portletHeader"\s*>Год<')
        self.assertIn("&quot;contentSelector&quot;: &quot;#content-core&quot;", html)


class TestFilters(LibrarySearchTestCase):
    def test_by_year_an_integer(self):
        self.filter_by(report_year="2099")
        self.assertEqual(self.request["contentFilter"]["report_year"], {"query": 2099})
        self.assertEqual(
            set(self.found()), {"Исполнение бюджета", "Фонд оплаты труда", "Прогноз"}
        )

    def test_by_department(self):
        self.filter_by(department="economy", report_year="2099")
        self.assertEqual(set(self.found()), {"Исполнение бюджета", "Прогноз"})

    def test_by_any_of_several_departments(self):
        self.filter_by(
            department=["economy", "finance"], department_op="or", report_year="2099"
        )
        self.assertEqual(
            set(self.found()), {"Исполнение бюджета", "Прогноз", "Фонд оплаты труда"}
        )

    def test_by_period_kind_and_period(self):
        self.filter_by(period_kind="quarter", report_year="2099")
        self.assertEqual(set(self.found()), {"Исполнение бюджета", "Прогноз"})
        self.filter_by(period_kind="quarter", report_period="2", report_year="2099")
        self.assertEqual(self.found(), ["Исполнение бюджета"])

    def test_by_file_type_and_state(self):
        self.filter_by(file_types="pdf", review_state="published", report_year="2099")
        self.assertEqual(self.found(), ["Исполнение бюджета"])

    def test_by_text(self):
        self.filter_by(SearchableText="оплаты", report_year="2099")
        self.assertEqual(self.found(), ["Фонд оплаты труда"])

    def test_sorted_by_title(self):
        """Plone sorts titles transliterated: «Прогноз» is «prognoz»."""
        self.filter_by(
            report_year="2099", sort_on="sortable_title", sort_order="descending"
        )
        self.assertEqual(
            self.found(), ["Прогноз", "Исполнение бюджета", "Фонд оплаты труда"]
        )


class TestFacets(LibrarySearchTestCase):
    def test_counts_per_value(self):
        self.filter_by(report_year="2099")
        self.assertEqual(self.options("department"), {ECONOMY: 2, FINANCE: 1})
        self.assertEqual(self.options("period_kind"), {"Квартал": 2, "Месяц": 1})
        self.assertEqual(self.options("file_types"), {"PDF": 2, "XLSX": 1})
        draft = translate("Draft", domain="plone", target_language="ru")
        published = translate("Published", domain="plone", target_language="ru")
        self.assertEqual(self.options("review_state"), {published: 2, draft: 1})

    def test_a_chosen_value_narrows_the_others(self):
        self.filter_by(department="economy", report_year="2099")
        self.assertEqual(self.options("period_kind"), {"Квартал": 2})
        self.assertEqual(self.options("report_period"), {"2": 1, "3": 1})
        years = self.options("report_year")  # a facet ignores its own choice
        self.assertEqual((years["2099"], years["2098"]), (2, 1))

    def test_a_yearly_report_has_no_period(self):
        self.filter_by(report_year="2098")
        self.assertEqual(self.options("period_kind"), {"Год": 1})
        self.assertEqual(self.options("report_period"), {})

    def test_years_newest_first(self):
        self.assertEqual(list(self.options("report_year"))[:2], ["2099", "2098"])

    def test_titles_in_the_readers_language(self):
        self.request.cookies["I18N_LANGUAGE"] = "kk"
        self.filter_by(report_year="2099")
        self.assertEqual(self.options("period_kind"), {"Тоқсан": 2, "Ай": 1})

    def test_facets_collectionfilter_did_not_find(self):
        """Its criteria are computed once per process, perhaps before the indexes existed."""
        criteria = GroupByCriteria()
        criteria._groupby = {}
        report_facets(criteria)
        self.assertEqual(set(criteria._groupby), set(REPORT_FACETS))
        self.assertEqual(criteria._groupby["file_types"]["metadata"], "file_types")
        self.assertIs(
            getUtility(IGroupByCriteria).groupby["report_year"]["index_modifier"],
            make_int,
        )


class TestListing(LibrarySearchTestCase):
    def test_a_row_from_the_brain_alone(self):
        """The library holds tens of thousands of reports: a row never wakes its report up."""
        brain = SimpleNamespace(
            Title="Отчёт",
            getURL=lambda: "http://nohost/plone/report",
            department="finance",
            period_kind="half-year",
            report_period=1,
            report_year=2099,
            file_types=["pdf", "odt"],
            review_state="published",
            effective=DateTime(2099, 7, 10, 12, 0),
        )
        row = self.listing().row(brain)
        self.assertEqual(row["department"], FINANCE)
        self.assertEqual(
            row["period"],
            translate(
                _("Half-year ${half} of ${year}", mapping={"half": 1, "year": 2099}),
                context=self.request,
            ),
        )
        self.assertEqual(row["file_types"], "PDF, ODT")
        self.assertEqual(row["date"], "10.07.2099")

    def test_periods(self):
        self.filter_by(
            report_year=["2098", "2099"], report_year_op="or", sort_on="sortable_title"
        )
        periods = {
            brain.report_kind: self.listing().row(brain)["period"]
            for brain in self.listing().batch()
        }
        self.assertEqual(
            periods["Исполнение бюджета"],
            translate(
                _(
                    "Quarter ${quarter} of ${year}",
                    mapping={"quarter": 2, "year": 2099},
                ),
                context=self.request,
            ),
        )
        self.assertEqual(
            periods["Фонд оплаты труда"],
            translate(
                _("${month} ${year}", mapping={"month": "Март", "year": 2099}),
                context=self.request,
            ),
        )
        self.assertEqual(
            periods["План развития"],
            translate(_("Year ${year}", mapping={"year": 2098}), context=self.request),
        )

    def test_a_draft_has_no_date_yet(self):
        self.filter_by(review_state="draft", report_year="2099")
        (brain,) = self.listing().batch()
        self.assertEqual(self.listing().row(brain)["date"], "")
        self.filter_by(review_state="published")
        self.assertTrue(
            all(
                re.fullmatch(r"\d\d\.\d\d\.\d{4}", self.listing().row(brain)["date"])
                for brain in self.listing().batch()
            )
        )


class TestPrivacyOfDrafts(LibrarySearchTestCase):
    def test_another_department_neither_lists_nor_counts_a_draft(self):
        login(self.portal, "kozlov")  # the head of finance
        self.filter_by(report_year="2099")
        self.assertEqual(set(self.found()), {"Исполнение бюджета", "Фонд оплаты труда"})
        self.assertEqual(self.options("department"), {ECONOMY: 1, FINANCE: 1})
        self.assertEqual(len(self.options("review_state")), 1)

    def test_the_department_lists_its_draft(self):
        self.filter_by(review_state="draft", report_year="2099")
        self.assertEqual(self.found(), ["Прогноз"])
