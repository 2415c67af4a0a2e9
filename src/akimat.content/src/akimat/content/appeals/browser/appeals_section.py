"""The «Обращения» section's view (its layout): the register for the appeals department, and
for anyone else who sees the section — an addressee, an executor — the appeals the catalog
shows him, never an Unauthorized (R13.2)."""

from akimat.content.appeals.browser.appeal import HANDLE
from akimat.content.appeals.browser.appeals_register import AppealsRegister
from akimat.content.appeals.browser.appeals_register import rows
from akimat.content.core.calendar import get_calendar
from akimat.content.core.calendar import now
from plone import api
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class AppealsSection(AppealsRegister):
    visible_appeals = ViewPageTemplateFile("templates/appeals_section.pt")

    def __call__(self):
        # A site permission: the section itself is kept private by its workflow.
        if api.user.has_permission(HANDLE, obj=api.portal.get()):
            return super().__call__()
        brains = api.content.find(
            portal_type="Appeal", sort_on="created", sort_order="descending"
        )
        self.rows = rows(brains, now().date(), get_calendar())
        return self.visible_appeals()
