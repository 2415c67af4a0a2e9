"""«Ждёт моего действия» on the web (browser/inbox.py): the page @@inbox, its filters, its empty
state and the count in the navigation bar, with control's provider (control/inbox.py)."""

from AccessControl import Unauthorized
from akimat.content.browser import inbox as inbox_view
from akimat.content.control import inbox as control_inbox
from akimat.content.control.tests.test_assignment import AssignmentTestCase
from akimat.content.core import inbox as core_inbox
from akimat.content.tests.views import ViewTests
from datetime import date
from freezegun import freeze_time
from plone import api
from plone.app.testing import logout
from unittest import mock
from zope.annotation.interfaces import IAnnotations


@freeze_time("2026-12-14 06:00:00")  # a Monday; 18 December is 3 working days ahead
class TestInboxPage(ViewTests, AssignmentTestCase):
    def setUp(self):
        super().setUp()
        self.overdue = self.assignment(
            title="Просроченное", deadline=date(2026, 12, 10)
        )
        self.soon = self.assignment(title="Скорое")
        self.later = self.assignment(title="Позднее", deadline=date(2027, 2, 26))

    def page(self, userid="executor", **form):
        IAnnotations(self.request).pop(inbox_view.REQUEST_KEY, None)
        return self.render(self.portal, "@@inbox", userid, **form)

    def test_rows_most_urgent_first_with_light_due_date_and_working_days(self):
        """R12.4b: each row carries its traffic light, its due date and the working days to it."""
        html = self.page()
        self.assertIn('id="inbox-assignment-execution"', html)
        positions = [
            html.index(title) for title in ("Просроченное", "Скорое", "Позднее")
        ]
        self.assertEqual(positions, sorted(positions))
        self.assertIn("text-bg-danger", html)
        self.assertIn("10.12.2026", html)
        self.assertIn('data-days-left="-2">Просрочено на 2 раб. дн.', html)
        self.assertIn('data-days-left="3"', html)
        self.assertIn(self.soon.absolute_url(), html)

    def test_filters_by_kind_and_by_urgency(self):
        html = self.page(urgency="overdue")
        self.assertIn("Просроченное", html)
        self.assertNotIn("Скорое", html)
        html = self.page(kind=control_inbox.EXECUTE, urgency="later")
        self.assertIn("Позднее", html)
        self.assertNotIn("Просроченное", html)
        self.assertNotIn('id="inbox-empty"', html)

    def test_unknown_filters_are_ignored(self):
        html = self.page(kind="no-such-kind", urgency="<script>")
        for title in ("Просроченное", "Скорое", "Позднее"):
            self.assertIn(title, html)
        self.assertNotIn("<script>", html)

    def test_empty_state(self):
        self.assertIn(
            'id="inbox-empty" class="alert alert-success"', self.page("stranger")
        )
        html = self.page(urgency="today")
        self.assertIn('id="inbox-empty" class="alert alert-info"', html)

    def test_each_group_is_capped_with_a_link_to_all_of_its_kind(self):
        for number in range(inbox_view.SHOWN_PER_GROUP):
            self.assignment(title=f"Ещё одно {number}", deadline=date(2027, 3, 1))
        html = self.page()
        self.assertEqual(html.count('class="inbox-row'), inbox_view.SHOWN_PER_GROUP)
        self.assertIn("@@inbox?kind=assignment-execution", html)
        self.assertIn('class="inbox-more"', html)
        html = self.page(kind=control_inbox.EXECUTE)
        self.assertEqual(html.count('class="inbox-row'), inbox_view.SHOWN_PER_GROUP + 3)
        self.assertNotIn('class="inbox-more"', html)

    def test_only_for_staff_who_are_logged_in(self):
        logout()
        with self.assertRaises(Unauthorized):
            self.portal.restrictedTraverse("@@inbox")

    def test_the_navigation_bar_carries_the_count(self):
        html = self.page()
        self.assertIn('id="akimat-inbox-tab"', html)
        self.assertIn(
            '<span class="badge text-bg-danger" id="akimat-inbox-count">3</span>', html
        )
        self.assertIn(
            '<span class="badge text-bg-light" id="akimat-inbox-count">0</span>',
            self.page("stranger"),
        )

    def test_the_providers_are_asked_once_per_request(self):
        """The page and the navigation bar's count share one inbox."""
        with mock.patch.object(inbox_view, "inbox", wraps=core_inbox.inbox) as computed:
            self.page()
        self.assertEqual(computed.call_count, 1)

    def test_rows_of_another_user_are_not_shown(self):
        """An executor's assignments are not in a stranger's inbox."""
        self.assertNotIn("Просроченное", self.page("stranger"))
        self.assertEqual(len(api.content.find(portal_type="Assignment")), 3)
