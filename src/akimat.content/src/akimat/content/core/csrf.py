"""Cross-site requests on the REST API (DESIGN.md «Security»).

plone.restapi leaves out plone.protect's tokens: its clients send JSON and authenticate with a
token or basic auth, which another site cannot make a browser send. A logged-in person's browser
sends the session cookie, though, with any request to the intranet — an HTML form of another
site can post a JSON text as `text/plain` to the REST API, and plone.restapi reads it. So a REST
request that changes something and is authenticated by the cookie alone is taken only when it
is what the intranet's own pages send: JSON (`Content-Type: application/json`, which a form of
another site cannot send without the browser asking the intranet first) from the intranet's own
origin (`Origin`, or `Referer` where a browser sends no Origin) — or with plone.protect's token.
Requests with an `Authorization` header (basic auth, a JWT of @login) are integrators': as before.
"""

from akimat.content import _
from plone.protect.authenticator import check as check_token
from plone.rest.service import Service
from Products.statusmessages.interfaces import IStatusMessage
from urllib.parse import urlsplit
from zExceptions import Forbidden
from zope.component import adapter
from zope.i18n import translate
from ZPublisher.interfaces import IPubAfterTraversal
from ZPublisher.interfaces import IPubBeforeAbort


CHANGING_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
SESSION_COOKIES = (
    "__ac",
    "auth_token",
)  # plone.session's and plone.restapi's JWT cookie


def _origin(url):
    parts = urlsplit(url or "")
    return (parts.scheme, parts.netloc) if parts.scheme and parts.netloc else None


def same_origin(request):
    """Whether the request comes from a page of the intranet itself."""
    own = _origin(request.get("SERVER_URL"))
    sent = request.getHeader("Origin") or request.getHeader("Referer")
    return own is not None and _origin(sent) == own


def sends_json(request):
    return (request.getHeader("Content-Type") or "").split(";")[
        0
    ].strip().lower() == "application/json"


def has_token(request):
    try:
        check_token(request)
    except Forbidden:
        return False
    return True


def by_cookie_alone(request):
    return not request.getHeader("Authorization") and any(
        request.cookies.get(c) for c in SESSION_COOKIES
    )


# What a form sent without plone.protect's token is told (expired, or sent from another site).
NO_TOKEN = _(
    "Nothing was changed: the page you sent this from has expired or was not the "
    "intranet's own. Reload the page and try again."
)


@adapter(IPubAfterTraversal)
def refuse_cross_site_rest(event):
    request = event.request
    if request.get("REQUEST_METHOD", "GET").upper() not in CHANGING_METHODS:
        return
    if not isinstance(request.get("PUBLISHED"), Service) or not by_cookie_alone(
        request
    ):
        return
    if (sends_json(request) and same_origin(request)) or has_token(request):
        return
    raise Forbidden(
        translate(
            _(
                "Refused: a change over the REST API signed in by the browser's session is taken only as "
                "JSON from the intranet's own pages. Integrators authenticate with a token or basic auth."
            ),
            context=request,
        )
    )


@adapter(IPubBeforeAbort)
def forget_messages_of_aborted_request(event):
    """A request that ends in an error changes nothing; the messages it queued for the next page
    («The state is now …») would tell the person otherwise — plone.protect refusing a form sent
    without its token is such an end. They give way to what happened."""
    request = event.request
    if (
        event.retry
        or request.get("REQUEST_METHOD", "GET").upper() not in CHANGING_METHODS
    ):
        return
    messages = IStatusMessage(request)
    messages.show()  # takes the queued messages away
    if isinstance(event.exc_info[1], Forbidden) and not has_token(request):
        messages.add(NO_TOKEN, type="error")
