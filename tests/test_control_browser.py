"""In Chromium: an executor reports on an assignment and the controller removes it from control."""

from akimat.policy.testing import AKIMAT_ACCEPTANCE_TESTING
from datetime import date
from plone import api
from tests.browser import chromium_page
from tests.browser import log_in

import transaction
import unittest


class TestControlJourney(unittest.TestCase):
    layer = AKIMAT_ACCEPTANCE_TESTING

    def setUp(self):
        portal = self.layer["portal"]
        self.url = portal.absolute_url()
        with api.env.adopt_roles(["Manager"]):
            assignment = api.content.create(
                container=portal["assignments"],
                type="Assignment",
                title="Подготовить справку о ходе ремонта школ",
                source_kind="apparatus-meeting",
                lead_executor="tursynbayev",
                controller="tulegenova",
                date_given=date(2026, 11, 2),
                deadline=date(2099, 12, 1),
            )
            assignment.consent_to_removal("seitzhanov")
        self.assignment_url = assignment.absolute_url()
        transaction.commit()

    def test_executor_reports_and_controller_removes(self):
        """R9.23/R12.9/R12.14: the report comes first, then removal as executed with consent."""
        with chromium_page() as page:
            log_in(page, self.url, "tursynbayev")
            # The assignment waits for him on his front page, green.
            row = page.locator(
                "#akimat-inbox #inbox-assignment-execution .inbox-row",
                has_text="ремонта школ",
            )
            self.assertEqual(row.get_attribute("data-light"), "green")
            page.goto(self.assignment_url)
            self.assertEqual(page.locator("#remove-from-control").count(), 0)
            page.click("#add-report")
            page.fill(
                "#form-widgets-text", "Справка направлена письмом № 12 от 20.11.2026"
            )
            page.click("#form-buttons-save")
            page.wait_for_selector("#execution-reports .execution-report")
            self.assertIn(
                "Справка направлена", page.locator("#execution-reports").inner_text()
            )

        with chromium_page() as page:
            log_in(page, self.url, "tulegenova")
            page.goto(self.assignment_url)
            page.click("#remove-from-control")
            page.select_option("#form-widgets-basis", "executed")
            page.click("#form-buttons-remove")
            page.wait_for_selector("#assignment-light [data-light=grey]")
            self.assertIn(
                "Исполнено", page.locator("#assignment-removal-basis").inner_text()
            )
