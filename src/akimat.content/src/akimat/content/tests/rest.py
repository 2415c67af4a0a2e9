"""A REST client per test user against the functional layer's real server."""

from akimat.content.core import calendar
from plone.restapi.testing import RelativeSession
from unittest import mock


PASSWORD = "secret-123"  # of the users the test fixtures create


class RestClient:
    """Mixin: `session(user)` is a JSON session of `user`, closed when the test ends."""

    def session(self, user):
        sessions = self.__dict__.setdefault("_sessions", {})
        if user not in sessions:
            session = RelativeSession(self.portal.absolute_url(), test=self)
            session.headers.update({"Accept": "application/json"})
            session.auth = (user, PASSWORD)
            sessions[user] = session
            self.addCleanup(session.close)
        return sessions[user]

    def post(self, user, url, body=None, **kwargs):
        return self.session(user).post(url, json=body, **kwargs)


def freeze_now(test, moment):
    """Our clock, calendar.now(), stands at `moment` (Almaty time) until `test` ends. Not
    freezegun: a frozen clock earlier than the layer's transactions stops the test server's
    ZODB from loading them."""
    patcher = mock.patch.object(
        calendar, "now", return_value=moment.replace(tzinfo=calendar.ALMATY)
    )
    patcher.start()
    test.addCleanup(patcher.stop)
