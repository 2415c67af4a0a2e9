"""What the pages of agreed documents (acts, protocols) share: the state, the visa sheet with
its rounds (R10.3, R10.4b, R11.4, R8.5d), and batched registers read from the catalog."""

from akimat.content import _
from akimat.content.agreement import visas
from akimat.content.agreement.decisions import decisions
from akimat.content.browser.formatting import format_date
from akimat.content.browser.formatting import state_title
from akimat.content.core import calendar as working_calendar
from akimat.content.core.principals import PrincipalTitles
from plone import api
from plone.batching import Batch
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


ROUND_STATES = {
    visas.OPEN: _("open"),
    visas.AGREED: _("agreed"),
    visas.RETURNED: _("returned"),
}


class AgreedDocumentView(BrowserView):
    """The page of a document agreed by visas: its state and its visa sheet (a macro)."""

    visa_sheet = ViewPageTemplateFile("templates/visa_sheet.pt")
    decisions_sheet = ViewPageTemplateFile("templates/decisions.pt")
    substitutes_list = ViewPageTemplateFile("templates/substitutes.pt")

    def today(self):
        return working_calendar.now().date()

    def userid(self):
        return api.user.get_current().getId()

    def can(self, permission):
        return api.user.has_permission(permission, obj=self.context)

    def state_title(self):
        return state_title(self.context.review_state(), self.context.portal_type)

    def format_date(self, day):
        return format_date(day)

    def decisions(self):
        """Returns, refusals and decisions with their reason, author and date, newest first."""
        titles = PrincipalTitles()
        return [
            {
                "step": decision.step,
                "title": decision.title,
                "actor": titles(decision.actor),
                "when": decision.when.strftime("%d.%m.%Y %H:%M"),
                "reason": decision.reason,
            }
            for decision in reversed(decisions(self.context))
        ]

    def substitutes(self):
        """Who visas for which absent approver, by name (R11.4)."""
        titles = PrincipalTitles()
        return [
            {"approver": titles(approver), "substitute": titles(substitute)}
            for approver, substitute in self.context.substitute_map().items()
        ]

    # The visa sheet (R10.3, R10.4b, R11.4)

    def rounds(self):
        titles = PrincipalTitles()
        return [
            {
                "number": current.number,
                "state": ROUND_STATES[current.state],
                "open": current.state == visas.OPEN,
                "started": format_date(current.started),
                "closed": format_date(current.closed),
                "visas": [
                    {
                        "approver": titles(visa.approver),
                        "last": visa.last,
                        "substitute": titles(visa.substitute)
                        if visa.substitute
                        else "",
                        "signed_by": titles(visa.signed_by)
                        if visa.by_substitute
                        else "",
                        "decision": visas.DECISIONS.get(visa.decision),
                        "code": visa.decision or "pending",
                        "when": visa.when.strftime("%d.%m.%Y %H:%M")
                        if visa.when
                        else "",
                        "reason": visa.reason or "",
                    }
                    for visa in current.visas
                ],
            }
            for current in reversed(visas.rounds(self.context))
        ]


class CatalogListing(BrowserView):
    """A batched register from the catalog: `brains()` and `row(brain)` are the subclass's."""

    def batch(self):
        brains = list(self.brains())
        size, start = (
            int(self.request.get("b_size", 30) or 30),
            int(self.request.get("b_start", 0) or 0),
        )
        return Batch(brains, size=size, start=start)

    def format_date(self, day):
        return format_date(day)
