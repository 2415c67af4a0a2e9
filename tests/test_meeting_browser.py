"""In Chromium: an apparatus meeting is prepared and held, its protocol written with two
assignments, agreed, signed and registered, and the assignments are found in the control list —
with the demo users of the README (RULES.md R5.23–R5.34, R8, A6, R12.4a)."""

from akimat.content.agreement import visas
from akimat.content.agreement.agreement import give_visa
from akimat.content.core import numbering
from akimat.content.core.calendar import now
from akimat.policy.testing import AKIMAT_ACCEPTANCE_TESTING
from datetime import datetime
from datetime import time
from datetime import timedelta
from plone import api
from tests.browser import chromium_page
from tests.browser import log_in

import transaction
import unittest


HEAD_OF_APPARATUS, SUMMARY_OFFICER, ODK, LAWYER, AKIM = (
    "omarova",
    "nurzhanova",
    "tulegenova",
    "zhumabekova",
    "seitzhanov",
)
FIRST_TASK = "Обеспечить бесперебойное теплоснабжение социальных объектов"
SUB_TASK = "Провести проверку готовности котельных сельских округов"


class TestMeetingJourney(unittest.TestCase):
    layer = AKIMAT_ACCEPTANCE_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.url = self.portal.absolute_url()
        start = datetime.combine(now().date() + timedelta(days=1), time(16, 0))
        with api.env.adopt_roles(["Manager"]):
            meeting = api.content.create(
                container=self.portal["meetings"],
                type="Meeting",
                id="journey",
                kind="apparatus-meeting",
                title="Аппаратное совещание (проверка)",
                start=start,
                end=start + timedelta(hours=1),
                chair=AKIM,
                secretary=SUMMARY_OFFICER,
                meeting_format="in-person",
            )
            api.content.create(
                container=meeting,
                type="AgendaItem",
                id="heating",
                title="О ходе отопительного сезона",
                responsible_department="economy",
                supervising_deputy="abdrakhmanov",
            )
        transaction.commit()
        self.meeting_url = meeting.absolute_url()

    def fresh(self, obj):
        transaction.begin()  # see what the server committed
        return self.portal.unrestrictedTraverse("/".join(obj.getPhysicalPath()))

    def test_apparatus_meeting_to_registered_protocol(self):
        """R5.24–R5.34, R8.5b, R8.5d, A6.3, A6.4, R12.4a: the whole way in the browser."""
        with chromium_page() as page:
            log_in(page, self.url, HEAD_OF_APPARATUS)
            page.goto(self.meeting_url)
            page.click("#meeting-approve_agenda")
            page.wait_for_load_state()
        with chromium_page() as page:
            log_in(page, self.url, SUMMARY_OFFICER)
            page.goto(self.meeting_url)
            page.click("#meeting-hold")
            page.wait_for_load_state()
            self.assertIn("meeting-checklist", page.content())
        meeting = self.fresh(self.portal["meetings"]["journey"])
        self.assertEqual(meeting.review_state(), "held")

        with chromium_page() as page:
            log_in(page, self.url, ODK)
            page.goto(self.meeting_url)
            page.click("#meeting-create-protocol")
            page.wait_for_selector("#protocol-sections")
            protocol_url = page.url.split("?")[0].rstrip("/")
            page.click("#protocol-section-1 >> text=Редактировать")
            page.fill("#form-widgets-decided", "Информацию принять к сведению.")
            page.click("#form-buttons-save")
            page.wait_for_selector("#protocol-sections")
            self.add_assignment(page, protocol_url, FIRST_TASK)
            self.add_assignment(page, protocol_url, SUB_TASK, number="1.1")
            self.assertEqual(
                page.locator("#protocol-assignments tr[data-number]").count(), 2
            )
            page.click("#protocol-submit")
            page.wait_for_selector("#protocol-state")
        protocol = self.fresh(self.portal["protocols"])[protocol_url.rsplit("/", 1)[1]]
        self.assertEqual(protocol.review_state(), "agreement")
        self.assertEqual([a.number for a in protocol.assignments()], ["1", "1.1"])

        first = visas.pending(protocol)[0].approver
        self.visa_in_browser(protocol_url, first)
        protocol = self.fresh(protocol)
        with api.env.adopt_roles(["Manager"]):
            for visa in visas.pending(protocol):  # the other deputies, by the service
                if visa.approver != LAWYER:
                    give_visa(protocol, visa.approver, agree=True)
        transaction.commit()
        self.visa_in_browser(
            protocol_url, LAWYER
        )  # the legal consultant visas last (R5.34)
        self.assertEqual(self.fresh(protocol).review_state(), "signing")

        # A6.4: the next number of the apparatus meetings' register in the protocol's year
        expected_number = (
            numbering.current_number(
                "protocol-apparatus-meeting", protocol.meeting_date.year
            )
            + 1
        )
        for signatory in (AKIM, SUMMARY_OFFICER):  # A6.3
            with chromium_page() as page:
                log_in(page, self.url, signatory)
                page.goto(protocol_url)
                page.click("#protocol-sign")
                page.wait_for_selector(f"#signature-{signatory}[data-signed=yes]")
        with chromium_page() as page:
            log_in(page, self.url, ODK)
            page.goto(protocol_url)
            page.click("#protocol-register")
            page.click("#confirm-step-submit")  # registering is confirmed first
            page.wait_for_selector("#protocol-number")
            self.assertEqual(
                page.locator("#protocol-number").inner_text().strip(),
                str(expected_number),
            )
            page.goto(f"{self.url}/@@control-list?source_kind=apparatus-meeting")
            listing = page.content()
            self.assertIn(FIRST_TASK, listing)
            self.assertIn(SUB_TASK, listing)
        self.assertEqual(self.fresh(protocol).review_state(), "registered")

    def add_assignment(self, page, protocol_url, text, number=None):
        """The add form is pre-filled from the protocol: controller, date, number (R8.5a, R8.5b)."""
        page.click("#protocol-add-assignment")
        page.wait_for_selector("#form-widgets-title")
        page.fill("#form-widgets-title", text)
        if number:
            page.fill("#form-widgets-number", number)
        # the executors' widget is a select2 over a hidden input of ids
        page.eval_on_selector(
            "#form-widgets-lead_executor", "input => input.value = 'economy'"
        )
        page.fill(
            "#form-widgets-deadline", (now().date() + timedelta(days=30)).isoformat()
        )
        page.click("#form-buttons-save")
        page.wait_for_selector("#assignment-light")  # the new assignment's page
        page.goto(protocol_url)

    def visa_in_browser(self, protocol_url, userid):
        with chromium_page() as page:
            log_in(page, self.url, userid)
            page.goto(protocol_url)
            page.click("#protocol-visa")
            page.click("#form-buttons-agree")
            page.wait_for_load_state()
