"""The status messages of a page, for the HTTP tests."""

from Products.statusmessages.adapter import _decodeCookieValue
from urllib.parse import unquote


def status_messages(response):
    """The status messages a page leaves for the browser: Plone 6.2 shows them from a cookie.
    Those of the redirects that led to `response` too."""
    messages = []
    for answer in (*response.history, response):
        value = answer.cookies.get("statusmessages")
        if value:
            messages = [
                message.message
                for message in _decodeCookieValue(unquote(value.strip('"')))
            ]
    return messages
