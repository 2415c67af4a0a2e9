"""The staff front page: what waits for the user first, then where things are.

It leads with «Ждёт моего действия» (akimat.content browser/inbox.py): the groups of the user's
inbox, the most urgent first, each with its first rows and a link to @@inbox of that kind; the
same inbox the navigation bar counts, computed once per request. The leadership see execution
discipline by department below it. The blocks that are not actions follow: the coming meetings
and what's new in the library.
"""

from akimat.content.browser import inbox
from akimat.content.control.overview import discipline
from akimat.content.core.calendar import get_calendar
from akimat.content.core.calendar import now
from akimat.content.core.principals import PrincipalTitles
from akimat.content.meetings.browser.meeting_calendar import entry
from akimat.content.meetings.browser.meeting_calendar import UpcomingMeetings
from akimat.policy.sections import SECTIONS
from plone import api
from Products.Five.browser import BrowserView


INBOX_SHOWN = 5  # rows per kind
MEETINGS_SHOWN = 10
NEW_REPORTS_SHOWN = 5
LEADERSHIP = "Leadership"  # the akim and the head of apparatus (organisation.py)


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

    def inbox_groups(self):
        """The kinds of action waiting for the user, the most urgent first, each with its count
        and first rows; kinds without any do not show."""
        return inbox.groups(
            inbox.request_inbox(self.request),
            self.request,
            f"{self.context.absolute_url()}/@@inbox",
            shown=INBOX_SHOWN,
        )

    def is_leadership(self):
        return LEADERSHIP in api.user.get_roles(obj=self.context)

    def discipline(self):
        """R12.4a: per department, overdue assignments and those due within the week."""
        lines, total = discipline(now().date(), get_calendar())
        return {"lines": lines, "total": total}

    def upcoming_meetings(self):
        """The meetings of today and the next 14 days, cancelled ones left out: when, what, which hall."""
        brains = UpcomingMeetings(self.context, self.request).brains()
        return {
            "total": len(brains),
            "entries": [entry(brain) for brain in brains[:MEETINGS_SHOWN]],
        }

    def may_see_control_list(self):
        return api.user.has_permission(
            "akimat.content: View control list", obj=self.context
        )

    def handles_appeals(self):
        """The appeals department reaches its register from here (R13.2)."""
        return api.user.has_permission(
            "akimat.content: Handle appeal", obj=self.context
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
