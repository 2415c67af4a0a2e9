from akimat.content import _
from zope import schema
from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IAkimatPolicyLayer(IDefaultBrowserLayer):
    """Marker for requests on the Akimat intranet site."""


class ILoginThrottleSettings(Interface):
    """How many failed log-ins pause a login or a client address, and for how long
    (login_throttle.py). Registry records under the prefix `akimat.login_throttle`."""

    failures_per_login = schema.Int(
        title=_("Failed log-ins of one login before it is paused"),
        description=_("Counted whether the login exists or not."),
        default=5,
        min=1,
    )
    failures_per_address = schema.Int(
        title=_("Failed log-ins from one address before it is paused"),
        description=_("Every login tried from that address counts."),
        default=20,
        min=1,
    )
    pause_minutes = schema.Int(
        title=_("Minutes of a pause"),
        description=_(
            "Failures older than that are forgotten: a pause lifts by itself."
        ),
        default=15,
        min=1,
    )
