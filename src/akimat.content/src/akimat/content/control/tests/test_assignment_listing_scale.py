"""Control listings come from the catalog, also with a few thousand assignments (R12.4a/R12.4b)."""

from akimat.content.control.lists import find
from akimat.content.control.lists import parse_filters
from akimat.content.control.my_assignments import assignments_of
from akimat.content.control.tests.test_assignment import AssignmentTestCase
from akimat.content.core import calendar
from datetime import date
from datetime import timedelta
from freezegun import freeze_time
from plone import api
from unittest import mock


ASSIGNMENTS = 2000


class TestListingAtScale(AssignmentTestCase):
    def setUp(self):
        super().setUp()
        folder = api.content.create(
            container=self.portal, type="Folder", id="many", title="many"
        )
        for number in range(ASSIGNMENTS):
            api.content.create(
                container=folder,
                type="Assignment",
                id=f"a{number}",
                title=f"Поручение {number}",
                source_kind="akimat-session",
                lead_executor="executor" if number % 4 == 0 else "helper",
                controller="controller",
                date_given=date(2026, 10, 1),
                deadline=date(2026, 11, 2) + timedelta(days=number % 90),
            )

    @freeze_time("2026-12-01 06:00:00")
    def test_my_assignments_and_control_list_wake_no_object_up(self):
        """R12.4b: "my assignments" and the control list of thousands read only the catalog."""
        executor = api.user.get(username="executor")
        with mock.patch(
            "Products.ZCatalog.CatalogBrains.AbstractCatalogBrain.getObject"
        ) as get_object:
            mine = assignments_of(executor)
            overdue = find(
                parse_filters({"state": "overdue"}),
                date(2026, 12, 1),
                calendar.get_calendar(),
            )
            rows = [(brain.deadline, brain.Title, brain.executors) for brain in overdue]
        get_object.assert_not_called()
        self.assertEqual(len(mine), ASSIGNMENTS // 4)
        self.assertEqual([b.deadline for b in mine], sorted(b.deadline for b in mine))
        self.assertTrue(rows)
        self.assertTrue(all(deadline < date(2026, 12, 1) for deadline, _t, _e in rows))
