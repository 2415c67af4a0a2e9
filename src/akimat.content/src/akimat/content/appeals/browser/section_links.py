"""On the page of the appeals section, the department's way to its register and its form (R13.2):
the section's listing shows the appeals, not the register they are kept in."""

from akimat.content.appeals.submissions import APPEALS
from plone import api
from plone.app.layout.viewlets import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


HANDLE = "akimat.content: Handle appeal"


class AppealsSectionLinks(ViewletBase):
    index = ViewPageTemplateFile("templates/section_links.pt")

    def available(self):
        portal = api.portal.get()
        return (
            self.context.getId() == APPEALS
            and self.context.aq_parent is portal
            and api.user.has_permission(HANDLE, obj=portal)
        )

    def portal_url(self):
        return api.portal.get().absolute_url()

    def render(self):
        return self.index() if self.available() else ""
