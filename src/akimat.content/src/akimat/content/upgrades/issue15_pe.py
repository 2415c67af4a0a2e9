"""Issue 15 (forms and what a page says): brings an existing site to the profile.

The lead registers one upgrade step of akimat.content calling `upgrade` with the others."""

from akimat.content.library.report import report_title
from plone import api


PROFILE = "profile-akimat.content:default"


def upgrade(setup_tool):
    # The workflows' descriptions no longer cite rule IDs.
    setup_tool.runImportStepFromProfile(PROFILE, "workflow")
    # A report's title is made of its kind and period (the forms no longer ask for it).
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Report"):
        report = brain._unrestrictedGetObject()
        title = report_title(report)
        if report.title != title:
            report.title = title
            report.reindexObject(idxs=["Title", "sortable_title", "SearchableText"])
