"""Plone's comparison of an item's versions (CMFEditions' @@history), for items that keep none.

CMFEditions' view reads the repository's version history as an object; for an item that never had
a version saved — none of our types is in the repository's versionable types — the repository
answers an empty list and the view fails (HTTP 500). Its template already says «no revision
information» when there is no history: this view lets it.
"""

from importlib.resources import files
from Products.CMFEditions.browser.diff import DiffView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class VersionHistory(DiffView):
    index = ViewPageTemplateFile(str(files("Products.CMFEditions.browser").joinpath("templates", "diff.pt")))

    def __call__(self):
        if not self.repo_tool.getHistoryMetadata(self.context):
            self.history, self.changes = [], []
            return self.index()
        return super().__call__()
