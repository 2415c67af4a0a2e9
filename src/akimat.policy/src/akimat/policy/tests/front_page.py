"""The staff front page as a demo user sees it, on a fresh request as a real one would be."""

from akimat.policy.tests.render_matrix import fresh_request
from plone import api


def front_page(layer, username):
    """The front page's HTML for `username` (its own request: roles and the inbox are
    remembered per request)."""
    portal, _request = fresh_request(layer)
    with api.env.adopt_user(username=username):
        return portal.restrictedTraverse("@@akimat-home")()


def inbox_part(html):
    """The front page's «Ждёт моего действия», up to the blocks that follow it."""
    start = html.index('id="akimat-inbox"')
    return html[start : html.index('id="upcoming-meetings"', start)]
