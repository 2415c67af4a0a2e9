"""Registration under load over real HTTP: concurrent clients never see a 5xx, and the numbers
stay gapless and unique (RULES.md R10.16, R13.6)."""

from akimat.content.appeals.tests.test_appeals import AppealTestCase
from akimat.content.testing import AKIMAT_CONTENT_FUNCTIONAL_TESTING
from akimat.content.tests.rest import PASSWORD
from akimat.content.tests.rest import RestClient
from concurrent.futures import ThreadPoolExecutor
from plone import api
from plone.restapi.testing import RelativeSession

import transaction


CLIENTS, PER_CLIENT = 8, 5  # `make bench-registration` runs 8 × 50


class TestConcurrentRegistration(RestClient, AppealTestCase):
    layer = AKIMAT_CONTENT_FUNCTIONAL_TESTING

    def setUp(self):
        super().setUp()
        transaction.commit()

    def client_session(self):
        session = RelativeSession(self.portal.absolute_url(), test=self)
        session.headers.update({"Accept": "application/json"})
        session.auth = ("appeals-officer", PASSWORD)
        self.addCleanup(session.close)
        return session

    def register(self, session, client, index):
        """Create an appeal and register it, as the e-appeals integration does: the statuses."""
        body = {
            "@type": "Appeal",
            "kind": "appeal",
            "title": f"Обращение {client}-{index}",
            "substance": "Прошу рассмотреть.",
            "channel": "e-appeals",
            "received_at": "2026-12-01T11:00:00+05:00",
            "applicant_name": f"Заявитель {client}-{index}",
        }
        created = session.post("/appeals", json=body)
        if created.status_code != 201:
            return [created.status_code]
        registered = session.post(f"{created.json()['@id']}/@workflow/register")
        return [created.status_code, registered.status_code]

    def test_concurrent_clients_register_without_errors_and_gaps(self):
        """R10.16, R13.6: 8 clients at once, 5 registrations each: every request succeeds (no 5xx
        for a database conflict) and the appeals hold № 1…N of the year, each once."""

        def client(number):
            session = self.client_session()
            return [
                status
                for index in range(PER_CLIENT)
                for status in self.register(session, number, index)
            ]

        with ThreadPoolExecutor(CLIENTS) as pool:
            statuses = [
                status
                for result in pool.map(client, range(CLIENTS))
                for status in result
            ]
        self.assertEqual([s for s in statuses if s >= 500], [])
        self.assertEqual(set(statuses), {200, 201})
        transaction.begin()  # see what the server committed
        numbers = sorted(
            brain.getObject().registration_number
            for brain in api.content.find(
                portal_type="Appeal", review_state="registered"
            )
        )
        self.assertEqual(numbers, list(range(1, CLIENTS * PER_CLIENT + 1)))
