"""The staff front page: where things are, and the first rows of the lists that wait for the user.

Each block of documents or meetings shows the beginning of a listing page of akimat.content and
links to it: the page's own query and rows, so the block and the page never disagree.
"""

from akimat.content.acts.browser.act import ActsForAcquaintance
from akimat.content.acts.browser.act import AwaitingMyVisa
from akimat.content.control.browser.traffic_light import brain_light
from akimat.content.control.my_assignments import assignments_of
from akimat.content.core.calendar import get_calendar
from akimat.content.core.calendar import now
from akimat.content.core.principals import PrincipalTitles
from akimat.content.meetings.browser.meeting_calendar import entry
from akimat.content.meetings.browser.meeting_calendar import UpcomingMeetings
from akimat.content.meetings.browser.protocol import ProtocolsAwaitingMySignature
from akimat.content.meetings.browser.protocol import ProtocolsAwaitingMyVisa
from akimat.policy.sections import SECTIONS
from plone import api
from Products.Five.browser import BrowserView


MY_ASSIGNMENTS_SHOWN = 5
DOCUMENTS_SHOWN = 5
MEETINGS_SHOWN = 10
NEW_REPORTS_SHOWN = 5
APPROVE_SCHEDULE = "akimat.content: Approve reception schedule"


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
            {
                "id": s.id,
                "title": s.title,
                "description": s.description,
                "url": visible[s.id],
            }
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
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "deadline": brain.deadline.strftime("%d.%m.%Y"),
                    "light": brain_light(brain, today, calendar),
                }
                for brain in brains[:MY_ASSIGNMENTS_SHOWN]
            ],
        }

    def upcoming_meetings(self):
        """The meetings of today and the next 14 days, cancelled ones left out: when, what, which hall."""
        brains = UpcomingMeetings(self.context, self.request).brains()
        return {
            "total": len(brains),
            "entries": [entry(brain) for brain in brains[:MEETINGS_SHOWN]],
        }

    def _first_rows(self, listing_class):
        """The total and the first rows of one of the listing pages of acts or protocols."""
        listing = listing_class(self.context, self.request)
        brains = listing.brains()
        return {
            "total": len(brains),
            "entries": [listing.row(brain) for brain in brains[:DOCUMENTS_SHOWN]],
        }

    def awaiting_my_visa(self):
        """The acts the user is expected to visa now, himself or as a substitute (R10.4a, R11.4)."""
        return self._first_rows(AwaitingMyVisa)

    def acts_for_acquaintance(self):
        """The registered acts sent to the user that he has not confirmed yet (R10.18)."""
        return self._first_rows(ActsForAcquaintance)

    def protocols_awaiting_my_visa(self):
        """The protocols the user is expected to visa now (R8.5d, R5.11, R5.34)."""
        return self._first_rows(ProtocolsAwaitingMyVisa)

    def protocols_awaiting_my_signature(self):
        """The agreed protocols the user signs as their chair or secretary (A6.3)."""
        return self._first_rows(ProtocolsAwaitingMySignature)

    def may_see_control_list(self):
        return api.user.has_permission(
            "akimat.content: View control list", obj=self.context
        )

    def new_reports(self):
        """What's new in the document library: the reports published last (R9.10d)."""
        brains = api.content.find(
            portal_type="Report",
            review_state="published",
            sort_on="effective",
            sort_order="descending",
            sort_limit=NEW_REPORTS_SHOWN,
        )[:NEW_REPORTS_SHOWN]
        titles = PrincipalTitles()
        return [
            {
                "title": brain.Title,
                "url": brain.getURL(),
                "department": titles(brain.department),
                "date": brain.effective.strftime("%d.%m.%Y"),
            }
            for brain in brains
        ]

    def schedules_to_approve(self):
        """R14.1: the reception schedules the akim is asked to approve (only he may)."""
        return [
            {"title": brain.Title, "url": brain.getURL()}
            for brain in api.content.find(
                portal_type="ReceptionSchedule", review_state="draft"
            )
            if api.user.has_permission(APPROVE_SCHEDULE, obj=brain.getObject())
        ]
