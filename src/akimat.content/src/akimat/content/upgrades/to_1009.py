"""1008 → 1009: «Ждёт моего действия» (issue 14). The inbox providers read indexes that did not
exist before; the catalog step adds them empty, so each new index and column is filled here."""

from plone import api


def catalog_with_new_indexes(context):
    catalog = api.portal.get_tool("portal_catalog")
    indexes, columns = set(catalog.indexes()), set(catalog.schema())
    context.runImportStepFromProfile("profile-akimat.content:default", "catalog")
    added = sorted(set(catalog.indexes()) - indexes)
    if set(catalog.schema()) - columns:
        # Metadata is only rewritten by a full reindex of the objects of our types.
        types = api.portal.get_tool("portal_types")
        ours = [
            fti.getId()
            for fti in types.listTypeInfo()
            if getattr(fti, "klass", "").startswith("akimat.content.")
        ]
        for brain in catalog.unrestrictedSearchResults(portal_type=ours):
            brain._unrestrictedGetObject().reindexObject()
    elif added:
        catalog.manage_reindexIndex(ids=added)
