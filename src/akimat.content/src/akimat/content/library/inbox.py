"""What the document library asks of a department head (core/inbox.py): the reports his
department owes it, due within 3 working days or late, and its draft reports to publish
(R9.10d). Catalog queries only: an obligation's brain carries what its periods are due by.

A department head or deputy head is a member of the department's «-heads» group."""

from akimat.content import _
from akimat.content.core.inbox import Action
from akimat.content.core.inbox import action_of
from akimat.content.core.inbox import find
from akimat.content.core.inbox import IInboxProvider
from akimat.content.core.inbox import Kind
from akimat.content.core.principals import HEADS_SUFFIX
from akimat.content.library import obligations
from plone import api
from zope.interface import implementer


REPORT_DUE, PUBLICATION = "report-due", "report-publication"


def headed_departments(user):
    """The departments whose «-heads» group the user is in."""
    return [
        group.removesuffix(HEADS_SUFFIX)
        for group in user.getGroups()
        if group.endswith(HEADS_SUFFIX)
    ]


def reports_due(departments, today, calendar):
    """R9.10d, R12.4c: a period's report from 3 working days before its due day until it is in."""
    overview = f"{api.portal.get().absolute_url()}/@@library-overview"
    owed = find(
        portal_type="ReportObligation",
        department=departments,
        sort_on="sortable_title",
    )
    for obligation, status in obligations.reminders(today, calendar, owed):
        period = status.period.label()
        yield Action(
            kind=REPORT_DUE,
            uid=f"{obligation.UID}/{period}",  # one action per period owed
            title=f"{obligation.Title} ({period})",
            url=f"{overview}?department={obligation.department}",
            due=status.due,
        )


def drafts_to_publish(departments):
    """R9.10d: a draft is seen by the department only until its head publishes it."""
    for brain in find(
        portal_type="Report",
        review_state="draft",
        department=departments,
        sort_on="created",
    ):
        yield action_of(PUBLICATION, brain)


@implementer(IInboxProvider)
class LibraryInbox:
    kinds = (
        Kind(REPORT_DUE, _("Reports due to the library")),
        Kind(PUBLICATION, _("Draft reports to publish")),
    )
    waits_in = (("akimat_report_workflow", "draft"),)

    def actions(self, user, today, calendar):
        departments = headed_departments(user)
        if not departments:
            return []
        return [
            *reports_due(departments, today, calendar),
            *drafts_to_publish(departments),
        ]


provider = LibraryInbox()
