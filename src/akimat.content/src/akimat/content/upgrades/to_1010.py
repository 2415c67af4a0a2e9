"""1009 → 1010: the screens staff work in (issue 15).

- the Section type offers the sections' registers as views (their layouts, set by akimat.policy);
- the heads of a department read the assignments given to its people (control.local_roles), so
  every assignment's security is recomputed; the new index `executor_departments` and column
  `deadline_as_set` are filled by the catalog step (to_1009.catalog_with_new_indexes);
- the workflows' descriptions no longer cite rule IDs; a report's title is made of its kind and
  period (the forms no longer ask for it).
"""

from akimat.content.library.report import report_title
from plone import api


PROFILE = "profile-akimat.content:default"
REGISTERS = ("assignments-register", "acts", "protocols", "appeals-section")


def section_registers(setup_tool):
    fti = api.portal.get_tool("portal_types")["Section"]
    missing = [name for name in REGISTERS if name not in fti.view_methods]
    if missing:
        fti.view_methods = (*fti.view_methods, *missing)


def assignments_security(setup_tool):
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Assignment"):
        brain._unrestrictedGetObject().reindexObjectSecurity()


def workflows_and_report_titles(setup_tool):
    setup_tool.runImportStepFromProfile(PROFILE, "workflow")
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Report"):
        report = brain._unrestrictedGetObject()
        title = report_title(report)
        if report.title != title:
            report.title = title
            report.reindexObject(idxs=["Title", "sortable_title", "SearchableText"])
