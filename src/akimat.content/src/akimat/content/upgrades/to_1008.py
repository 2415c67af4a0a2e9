"""1007 → 1008: the domain layout (issue 13). The type definitions name the new classes and
schemas (typeinfo); the catalog's `object_provides` names the interfaces where they live now,
so that queries by interface find the documents of before the move."""

from plone import api


def reindex_interfaces(context):
    types = api.portal.get_tool("portal_types")
    ours = [
        fti.getId()
        for fti in types.listTypeInfo()
        if getattr(fti, "klass", "").startswith("akimat.content.")
    ]
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type=ours):
        brain._unrestrictedGetObject().reindexObject(idxs=["object_provides"])
