"""The staff front page: where things are. Later issues add their blocks (my assignments …)."""

from akimat.content.browser.traffic_light import brain_light
from akimat.content.calendar import get_calendar
from akimat.content.calendar import now
from akimat.content.my_assignments import assignments_of
from akimat.policy.sections import SECTIONS
from plone import api
from Products.Five.browser import BrowserView


MY_ASSIGNMENTS_SHOWN = 5
ACTS_SHOWN = 5


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

    def my_assignments(self):
        """The user's nearest assignments on control, coloured by traffic light (R12.4b)."""
        brains = assignments_of(api.user.get_current())
        calendar, today = get_calendar(), now().date()
        return {
            "total": len(brains),
            "entries": [
                {"title": brain.Title, "url": brain.getURL(),
                 "deadline": brain.deadline.strftime("%d.%m.%Y"),
                 "light": brain_light(brain, today, calendar)}
                for brain in brains[:MY_ASSIGNMENTS_SHOWN]
            ],
        }

    def _acts(self, **query):
        brains = api.content.find(portal_type="Act", sort_on="modified", sort_order="descending", **query)
        return {
            "total": len(brains),
            "entries": [
                {"title": brain.Title, "url": brain.getURL(),
                 "deadline": brain.deadline.strftime("%d.%m.%Y") if brain.deadline else ""}
                for brain in brains[:ACTS_SHOWN]
            ],
        }

    def awaiting_my_visa(self):
        """The acts the user is expected to visa now, himself or as a substitute (R10.4a, R11.4)."""
        return self._acts(awaiting_visa=api.user.get_current().getId())

    def acts_for_acquaintance(self):
        """The registered acts sent to the user that he has not confirmed yet (R10.18)."""
        return self._acts(acquaintance_pending=api.user.get_current().getId())

    def may_see_control_list(self):
        return api.user.has_permission("akimat.content: View control list", obj=self.context)
