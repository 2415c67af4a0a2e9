"""A REST client per test user against the functional layer's real server."""

from plone.restapi.testing import RelativeSession


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
