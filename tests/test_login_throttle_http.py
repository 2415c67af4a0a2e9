"""Over real HTTP: repeated failed log-ins pause a login, and an address, through every way in
— the login form, basic auth on a page and on a REST call, plone.restapi's @login — and the
pause lifts by itself. The answers never tell a known login from an unknown one."""

from akimat.content import _
from akimat.policy import login_throttle
from akimat.policy.demo import DEMO_PASSWORD
from akimat.policy.interfaces import ILoginThrottleSettings
from akimat.policy.testing import AKIMAT_ACCEPTANCE_TESTING
from tests.status_messages import status_messages
from unittest import mock
from zope.i18n import translate

import requests
import time
import transaction
import unittest


PER_LOGIN = ILoginThrottleSettings["failures_per_login"].default
PER_ADDRESS = ILoginThrottleSettings["failures_per_address"].default
PAUSE = ILoginThrottleSettings["pause_minutes"].default * 60
JSON = {"Accept": "application/json"}
WRONG = "not-the-password"


def paused_message():
    return translate(
        _(
            "Too many failed log-in attempts. Log-in is paused for ${minutes} minutes; "
            "please try again later.",
            mapping={"minutes": PAUSE // 60},
        ),
        target_language="ru",
    )


class Clock:
    """The time of the counts, moved by the test."""

    def __init__(self):
        self.now = time.time()

    def __call__(self):
        return self.now


class TestLoginThrottle(unittest.TestCase):
    layer = AKIMAT_ACCEPTANCE_TESTING

    def setUp(self):
        self.url = self.layer["portal"].absolute_url()
        self.clock = Clock()
        patcher = mock.patch("akimat.policy.rate_limit.time", self.clock)
        patcher.start()
        self.addCleanup(patcher.stop)
        login_throttle.clear()
        self.addCleanup(login_throttle.clear)

    # The ways in

    def form_login(self, login, password):
        """The login form as a person sends it; the session, logged in or not, and the page."""
        session = requests.Session()
        self.addCleanup(session.close)
        page = session.post(
            f"{self.url}/login",
            data={
                "__ac_name": login,
                "__ac_password": password,
                "came_from": "",
                "buttons.login": "Вход",
            },
            timeout=30,
        )
        self.assertEqual(page.status_code, 200)
        return session, page

    def logged_in(self, session):
        return "__ac" in session.cookies

    def basic_auth(self, login, password, path="/meetings"):
        return requests.get(
            self.url + path, auth=(login, password), allow_redirects=False, timeout=30
        )

    def rest_basic_auth(self, login, password):
        return requests.get(
            f"{self.url}/++api++/meetings",
            headers=JSON,
            auth=(login, password),
            timeout=30,
        )

    def rest_login(self, login, password):
        return requests.post(
            f"{self.url}/++api++/@login",
            headers=JSON,
            json={"login": login, "password": password},
            timeout=30,
        )

    def fail_rest_logins(self, login, times=PER_LOGIN):
        for _attempt in range(times):
            self.assertEqual(self.rest_login(login, WRONG).status_code, 401)

    # The tests

    def test_login_form_pauses_a_login_after_repeated_failures(self):
        for _attempt in range(PER_LOGIN):
            session, page = self.form_login("kim", WRONG)
            self.assertFalse(self.logged_in(session))
        self.assertIn(
            paused_message(), status_messages(page)
        )  # the last failure tells the pause has begun
        session, page = self.form_login("kim", DEMO_PASSWORD)
        self.assertFalse(
            self.logged_in(session), "paused: refused even with the right password"
        )
        self.assertIn(paused_message(), status_messages(page))
        session, _page = self.form_login("petrova", DEMO_PASSWORD)
        self.assertTrue(
            self.logged_in(session), "another login from the same address still gets in"
        )

    def test_pause_lifts_by_itself(self):
        self.fail_rest_logins("kim")
        self.assertFalse(self.logged_in(self.form_login("kim", DEMO_PASSWORD)[0]))
        self.clock.now += PAUSE + 1
        self.assertTrue(self.logged_in(self.form_login("kim", DEMO_PASSWORD)[0]))
        self.assertEqual(self.rest_basic_auth("kim", DEMO_PASSWORD).status_code, 200)

    def test_basic_auth_pauses_a_login_on_pages_and_rest_calls(self):
        self.assertEqual(self.basic_auth("kim", DEMO_PASSWORD).status_code, 200)
        for _attempt in range(PER_LOGIN - 1):
            self.assertNotEqual(self.basic_auth("kim", WRONG).status_code, 200)
        self.assertEqual(self.rest_basic_auth("kim", WRONG).status_code, 401)
        self.assertNotEqual(self.basic_auth("kim", DEMO_PASSWORD).status_code, 200)
        self.assertEqual(self.rest_basic_auth("kim", DEMO_PASSWORD).status_code, 401)
        self.assertEqual(
            self.rest_basic_auth("petrova", DEMO_PASSWORD).status_code, 200
        )

    def test_rest_login_pauses_a_login_with_429(self):
        self.fail_rest_logins("kim")
        response = self.rest_login("kim", DEMO_PASSWORD)
        self.assertEqual(response.status_code, 429)
        self.assertEqual(response.headers["Retry-After"], str(PAUSE))
        self.assertEqual(response.json()["error"]["type"], "TooManyRequests")
        self.assertEqual(self.rest_login("petrova", DEMO_PASSWORD).status_code, 200)

    def test_failures_of_every_way_in_add_up(self):
        self.assertFalse(self.logged_in(self.form_login("kim", WRONG)[0]))
        self.assertEqual(self.rest_basic_auth("kim", WRONG).status_code, 401)
        self.fail_rest_logins("kim", PER_LOGIN - 2)
        self.assertEqual(self.rest_login("kim", DEMO_PASSWORD).status_code, 429)

    def test_unknown_login_answered_like_a_known_one(self):
        """Failures and the pause read the same for a login that exists and one that does not,
        on the login form and over @login."""
        logins = ("kim", "nobody-at-all")
        for attempt in range(PER_LOGIN):
            if attempt % 2:
                answers = [self.rest_login(login, WRONG) for login in logins]
                self.assertEqual(
                    *((answer.status_code, answer.json()) for answer in answers)
                )
            else:
                answers = [
                    status_messages(self.form_login(login, WRONG)[1])
                    for login in logins
                ]
                self.assertTrue(answers[0])
                self.assertEqual(*answers)
        answers = [self.rest_login(login, DEMO_PASSWORD) for login in logins]
        self.assertEqual(answers[0].status_code, 429)
        self.assertEqual(*((answer.status_code, answer.json()) for answer in answers))
        answers = [
            status_messages(self.form_login(login, DEMO_PASSWORD)[1])
            for login in logins
        ]
        self.assertIn(paused_message(), answers[0])
        self.assertEqual(*answers)

    def test_an_address_is_paused_after_failures_of_many_logins(self):
        """Trying many logins from one address pauses the address: every login from it is refused,
        a session already open goes on; the pause lifts by itself."""
        session, _page = self.form_login("petrova", DEMO_PASSWORD)
        for attempt in range(PER_ADDRESS):
            self.assertEqual(
                self.rest_login(f"guess-{attempt}", WRONG).status_code, 401
            )
        self.assertEqual(self.rest_login("kim", DEMO_PASSWORD).status_code, 429)
        self.assertFalse(self.logged_in(self.form_login("kim", DEMO_PASSWORD)[0]))
        self.assertEqual(self.rest_basic_auth("kim", DEMO_PASSWORD).status_code, 401)
        self.assertEqual(
            session.get(f"{self.url}/meetings", timeout=30).url, f"{self.url}/meetings"
        )
        self.clock.now += PAUSE + 1
        self.assertEqual(self.rest_login("kim", DEMO_PASSWORD).status_code, 200)

    def test_right_password_forgets_a_logins_failures(self):
        self.fail_rest_logins("kim", PER_LOGIN - 1)
        self.assertEqual(self.rest_login("kim", DEMO_PASSWORD).status_code, 200)
        self.fail_rest_logins("kim", PER_LOGIN - 1)
        self.assertEqual(self.rest_login("kim", DEMO_PASSWORD).status_code, 200)

    def test_limits_come_from_the_registry(self):
        registry = self.layer["portal"].portal_registry
        registry[f"{login_throttle.SETTINGS_PREFIX}.failures_per_login"] = 2
        transaction.commit()  # the layer's storage forgets it after the test
        self.fail_rest_logins("kim", 2)
        self.assertEqual(self.rest_login("kim", DEMO_PASSWORD).status_code, 429)
