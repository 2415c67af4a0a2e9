"""The feed of a department's library folder (`RSS`, `atom.xml`): its published reports, the
newest first, for the people who follow the department (the document library, R9.10d)."""

from akimat.content.interfaces import IDepartmentLibrary
from plone.base.interfaces.syndication import IFeed
from Products.CMFPlone.browser.syndication.adapters import FolderFeed
from zope.component import adapter
from zope.interface import implementer


@implementer(IFeed)
@adapter(IDepartmentLibrary)
class DepartmentFeed(FolderFeed):
    def _brains(self):
        return self.context.portal_catalog(
            path={"query": "/".join(self.context.getPhysicalPath()), "depth": 1},
            portal_type="Report",
            review_state="published",
            sort_on="effective",
            sort_order="descending",
            sort_limit=self.limit,
        )[: self.limit]
