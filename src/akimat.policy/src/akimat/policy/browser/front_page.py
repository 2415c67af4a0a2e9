"""The staff front page: where things are. Later issues add their blocks (my assignments …)."""

from akimat.policy.sections import SECTIONS
from plone import api
from Products.Five.browser import BrowserView


class FrontPage(BrowserView):
    def sections(self):
        """The sections this user may see, in the order of SECTIONS, described in his language."""
        portal = api.portal.get()
        visible = {
            brain.getId: brain.getURL()
            for brain in api.content.find(
                context=portal, depth=1, id=[section.id for section in SECTIONS]
            )
        }
        return [
            {"id": s.id, "title": s.title, "description": s.description, "url": visible[s.id]}
            for s in SECTIONS
            if s.id in visible
        ]
