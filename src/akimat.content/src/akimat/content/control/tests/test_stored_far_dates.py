"""A deadline stored before dates were bounded (9999-12-31) costs nothing: its page, the control
list, the dashboard and its JSON ask the calendar about the known years only, once each, and
show the right values (issue 12; calendar.py)."""

from akimat.content.control.tests.test_assignment import AssignmentTestCase
from akimat.content.core import calendar
from akimat.content.tests.views import ViewTests
from datetime import date
from freezegun import freeze_time
from plone.restapi.interfaces import ISerializeToJson
from unittest import mock
from zope.component import getMultiAdapter


FAR = date(9999, 12, 31)  # a Friday


@freeze_time("2026-12-14 06:00:00")
class TestStoredFarDeadline(ViewTests, AssignmentTestCase):
    def setUp(self):
        super().setUp()
        self.far = self.assignment(title="Поручение с дальним сроком")
        self.far.deadline = (
            FAR  # as an old database holds it: set past the schema's bounds
        )
        self.far.reindexObject()
        calendar._package_corrections.cache_clear()
        calendar._package_year.cache_clear()
        self.addCleanup(calendar._package_corrections.cache_clear)
        self.addCleanup(calendar._package_year.cache_clear)
        self.computed = mock.patch.object(
            calendar.holidays, "KZ", wraps=calendar.holidays.KZ
        ).start()
        self.addCleanup(mock.patch.stopall)

    def assertKnownYearsAskedOnce(self):
        """The package computed the holidays of known years only, each once."""
        years = [call.kwargs["years"] for call in self.computed.call_args_list]
        self.assertEqual(len(years), len(set(years)))
        self.assertLessEqual(set(years), set(calendar.KNOWN_YEARS))

    def test_its_json_has_exact_control_data(self):
        """R12.2a, R12.4c, R12.13: long-term, green, its report dates 5 and 7 working days before
        (weekends only, past the known years), and the working days left counted in full."""
        control = getMultiAdapter((self.far, self.request), ISerializeToJson)()[
            "control"
        ]
        work = calendar.get_calendar()
        self.assertEqual(control["deadline"], "9999-12-31")
        self.assertEqual(
            (control["control_category"], control["traffic_light"]),
            ("long-term", "green"),
        )
        self.assertEqual(
            control["report_due"],
            {"lead_executor": "9999-12-24", "co_executors": "9999-12-22"},
        )
        self.assertEqual(
            control["working_days_left"],
            work.working_days_between(date(2026, 12, 14), date(2100, 12, 31))
            + work.working_days_between(date(2100, 12, 31), FAR),
        )
        self.assertKnownYearsAskedOnce()

    def test_its_page_the_control_list_and_the_dashboard_render(self):
        """R12.4a, R12.4b: the pages that list it show it green with its deadline."""
        page = self.render(self.far, "@@view", "controller")
        self.assertIn("31.12.9999", page)
        self.assertIn('data-light="green"', page)
        control_list = self.render(self.portal, "@@control-list", "akim")
        self.assertIn("Поручение с дальним сроком", control_list)
        self.assertIn("31.12.9999", control_list)
        self.assertTrue(self.render(self.portal, "@@control-dashboard", "akim"))
        self.assertKnownYearsAskedOnce()
