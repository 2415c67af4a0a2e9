"""plone.restapi's @login, paused like every other way in (login_throttle.py): while a login or
the client's address is paused it answers 429 without looking at the password, and a failure
counts even for a login that does not exist (plone.restapi answers that one without asking PAS).

PAS has already seen the password while the request was traversed (plone.restapi's JWT plugin
takes the login and password of any JSON body): a failure counted then is this request's own,
answered 401 like any wrong password, the pause it may begin applies from the next request."""

from akimat.policy.login_throttle import Throttle
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.services.auth import login
from zope.i18n import translate


class Login(login.Login):
    def reply(self):
        name = self._login_name()
        if name is None:
            return super().reply()
        throttle = Throttle(self.context, self.request)
        if throttle.paused(name) and not throttle.failed_in_this_request(name):
            self.request.response.setStatus(429)
            self.request.response.setHeader("Retry-After", str(throttle.window))
            return {
                "error": {
                    "type": "TooManyRequests",
                    "message": translate(throttle.message(), context=self.request),
                }
            }
        result = super().reply()
        if self.request.response.getStatus() == 401:
            throttle.failed(name)
        return result

    def _login_name(self):
        """The login of the body, or None when the body has none: plone.restapi answers that."""
        try:
            data = json_body(self.request)
        except DeserializationError:
            return None
        name = data.get("login") if isinstance(data, dict) else None
        return name if isinstance(name, str) and name else None
