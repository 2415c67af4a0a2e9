"""Issue 15, assignments: the heads of a department now read the assignments given to its people
(control.local_roles.AssignmentRoles), so the catalog's security of every assignment is
recomputed. The new index `executor_departments` and column `deadline_as_set` are filled by the
release's catalog step (see to_1009.catalog_with_new_indexes)."""

from plone import api


def upgrade(setup_tool):
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Assignment"):
        brain._unrestrictedGetObject().reindexObjectSecurity()
