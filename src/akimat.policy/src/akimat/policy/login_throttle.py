"""Throttling of log-ins: after repeated failures a login, and a client address, is paused for a
while, whichever way the password comes in — the login form, basic auth, plone.restapi's @login.

Failures count per login, whether it exists or not (the answer never tells), and per client
address; while paused, a login is refused even with the right password, and so is every login
tried from a paused address. A pause lifts by itself: failures older than the pause are
forgotten. Someone already logged in (a session or a token) is never paused. The limits are
registry settings (ILoginThrottleSettings).

The PAS plugin comes first among the authentication plugins: it asks the others whether the
password is right and counts the outcome; to refuse, it empties the credentials so that no
plugin after it accepts them.
"""

from AccessControl import ClassSecurityInfo
from AccessControl.class_init import InitializeClass
from Acquisition import aq_inner
from Acquisition import aq_parent
from akimat.content import _
from akimat.policy.interfaces import ILoginThrottleSettings
from akimat.policy.rate_limit import RateLimit
from Products.CMFCore.utils import getToolByName
from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin
from Products.PluggableAuthService.PluggableAuthService import (
    _SWALLOWABLE_PLUGIN_EXCEPTIONS,
)
from Products.PluggableAuthService.plugins.BasePlugin import BasePlugin
from Products.PluggableAuthService.utils import classImplements
from Products.statusmessages.interfaces import IStatusMessage

import logging


logger = logging.getLogger("akimat.policy.login_throttle")

PLUGIN_ID = "login_throttle"
SETTINGS_PREFIX = "akimat.login_throttle"
LOGINS = RateLimit()
ADDRESSES = RateLimit()
_COUNTED = (
    "akimat.login_throttle.counted"  # the logins whose failure this request counted
)


class Throttle:
    """The log-in throttle of the site of `context` for one `request`."""

    def __init__(self, context, request):
        self.request = request
        registry = getToolByName(context, "portal_registry")
        self.per_login, self.per_address, self.minutes = (
            registry.get(
                f"{SETTINGS_PREFIX}.{name}", ILoginThrottleSettings[name].default
            )
            for name in ("failures_per_login", "failures_per_address", "pause_minutes")
        )
        self.window = self.minutes * 60
        # One Zope may serve several sites: each counts its own.
        self._site = "/".join(
            getToolByName(context, "portal_url").getPortalObject().getPhysicalPath()
        )
        self._address = request.getClientAddr() or "unknown"

    def _login_key(self, login):
        return (self._site, login.strip().lower())

    def paused(self, login):
        """Whether a log-in as `login` from this request's address is refused now."""
        return not (
            LOGINS.allowed(self._login_key(login), self.per_login, self.window)
            and ADDRESSES.allowed(
                (self._site, self._address), self.per_address, self.window
            )
        )

    def failed_in_this_request(self, login):
        return self._login_key(login) in self.request.other.get(_COUNTED, ())

    def failed(self, login):
        """Count a wrong password for `login`, once a request however often it is checked."""
        if self.failed_in_this_request(login):
            return
        self.request.other.setdefault(_COUNTED, set()).add(self._login_key(login))
        LOGINS.record(self._login_key(login), self.window)
        ADDRESSES.record((self._site, self._address), self.window)
        logger.info("Failed log-in as %r from %s", login, self._address)

    def succeeded(self, login):
        """The right password: the login's earlier failures no longer count; the address's do."""
        LOGINS.forget(self._login_key(login))

    def message(self):
        # The same for a login and an address, a known login and an unknown one.
        return _(
            "Too many failed log-in attempts. Log-in is paused for ${minutes} minutes; "
            "please try again later.",
            mapping={"minutes": self.minutes},
        )


def clear():
    """Forget every failure (tests, or an administrator from a debug shell)."""
    LOGINS.clear()
    ADDRESSES.clear()


class LoginThrottle(BasePlugin):
    """PAS authentication plugin, first of them all: refuses a paused login and counts the
    outcome of every log-in with a password. It never authenticates anyone itself."""

    meta_type = "Akimat Login Throttle"
    security = ClassSecurityInfo()

    def __init__(self, id, title=None):
        self._setId(id)
        self.title = title

    @security.private
    def authenticateCredentials(self, credentials):
        login, password = credentials.get("login"), credentials.get("password")
        if not login or password is None:
            return None  # a session or a token: no password to guess
        request = self.REQUEST
        throttle = Throttle(self, request)
        if throttle.paused(login):
            credentials.clear()
            self._tell(throttle)
            return None
        if self._others_accept(credentials) or self._accepted_above(
            login, password, request
        ):
            throttle.succeeded(login)
        else:
            throttle.failed(login)
            if throttle.paused(login):
                self._tell(throttle)
        return None

    def _others_accept(self, credentials):
        plugins = self._getPAS()._getOb("plugins")
        for plugin_id, plugin in plugins.listPlugins(IAuthenticationPlugin):
            if plugin_id == self.getId():
                continue
            try:
                if (plugin.authenticateCredentials(dict(credentials)) or (None,))[
                    0
                ] is not None:
                    return True
            except _SWALLOWABLE_PLUGIN_EXCEPTIONS:
                logger.debug(
                    "Authentication plugin %s failed", plugin_id, exc_info=True
                )
        return False

    def _accepted_above(self, login, password, request):
        """A user of the user folder above the site (Zope's own admin) is not ours to count."""
        site = aq_parent(aq_inner(self._getPAS()))
        above = getattr(aq_parent(aq_inner(site)), "acl_users", None)
        return (
            above is not None
            and above.authenticate(login, password, request) is not None
        )

    @staticmethod
    def _tell(throttle):
        """The person at the login form reads why; basic auth and REST answer for themselves."""
        if "__ac_password" in throttle.request.form:
            IStatusMessage(throttle.request).add(throttle.message(), type="error")


classImplements(LoginThrottle, IAuthenticationPlugin)
InitializeClass(LoginThrottle)


def ensure_login_throttle(portal):
    """Add the plugin to the site's user folder, first among the authentication plugins; safe
    to run again."""
    pas = portal.acl_users
    if PLUGIN_ID not in pas.objectIds():
        pas._setObject(
            PLUGIN_ID,
            LoginThrottle(PLUGIN_ID, "Pauses log-ins after repeated failures"),
        )
    plugins = pas.plugins
    if PLUGIN_ID not in plugins.listPluginIds(IAuthenticationPlugin):
        plugins.activatePlugin(IAuthenticationPlugin, PLUGIN_ID)
    plugins.movePluginsTop(IAuthenticationPlugin, [PLUGIN_ID])


def remove_login_throttle(portal):
    if PLUGIN_ID in portal.acl_users.objectIds():
        portal.acl_users.manage_delObjects([PLUGIN_ID])
