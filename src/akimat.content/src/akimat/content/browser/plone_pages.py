"""Two of Plone's own pages that answered 500 on an ordinary request, answering as they should.

- `@@site-logo` with no logo set (the header then shows Plone's default logo): 404.
- `@@history` (CMFEditions' comparison of versions) of an item without saved versions — every item
  of a type that is not versioned, all of ours — failed on the empty history: it now renders the
  page's own «no revision information»; a version that is not one of the item's is a 400.
"""

from Products.CMFEditions import browser as editions_browser
from Products.CMFEditions.browser.diff import DiffView
from Products.CMFPlone.browser.sitelogo import SiteLogo as PloneSiteLogo
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import BadRequest
from zExceptions import NotFound

import os


class SiteLogo(PloneSiteLogo):
    def _getFile(self):
        if self.data is None:
            raise NotFound(self, "site-logo", self.request)
        return self.data


class History(DiffView):
    index = ViewPageTemplateFile(
        "templates/diff.pt", _prefix=os.path.dirname(editions_browser.__file__)
    )

    def __call__(self):
        history = self.repo_tool.getHistoryMetadata(self.context)
        if not history:  # an empty list, where DiffView expects the history's metadata
            self.history = self.changes = []
            return self.index()
        count = history.getLength(countPurged=False)
        versions = {
            str(history.getVersionId(i, countPurged=False)) for i in range(count)
        }
        for name in ("one", "two"):
            version = self.request.get(name, "current")
            if version != "current" and str(version) not in versions:
                raise BadRequest(f"{name}: no such version")
        return super().__call__()
