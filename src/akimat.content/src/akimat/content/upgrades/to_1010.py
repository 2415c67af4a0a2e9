"""1009 → 1010: the screens staff work in (issue 15).

- the Section type offers the sections' registers as views (their layouts, set by akimat.policy);
- the heads of a department read the assignments given to its people (control.local_roles), so
  every assignment's security is recomputed; the new index `executor_departments` and column
  `deadline_as_set` are filled by the catalog step (to_1009.catalog_with_new_indexes);
- the workflows' descriptions no longer cite rule IDs; a report's title is made of its kind and
  period (the forms no longer ask for it);
- the substitutes of acts and protocols are a table of people chosen by name: the table's add-on
  (collective.z3cform.datagridfield) is installed and the lines «approver substitute» become rows.
"""

from akimat.content.agreement.agreed_document import rows_from_lines
from akimat.content.library.report import report_title
from plone import api


PROFILE = "profile-akimat.content:default"
DATAGRID = "profile-collective.z3cform.datagridfield:default"
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


def datagrid_installed(setup_tool):
    if setup_tool.getLastVersionForProfile(DATAGRID) == "unknown":
        setup_tool.runAllImportStepsFromProfile(DATAGRID)


def substitutes_as_rows(setup_tool):
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type=("Act", "Protocol")):
        document = brain._unrestrictedGetObject()
        lines = [line for line in document.substitutes or () if isinstance(line, str)]
        if lines:
            document.substitutes = rows_from_lines(lines)
