"""Links from one document to another (a source, a basis, an adopted act), shown only to those
who may see the other document.

A relation hands out its target whatever the reader may see; its title alone can tell what is
private (an assignment of an appeal is titled with the appeal's subject, R13.2). The catalog
answers only what the user may view: the link comes from it.
"""

from plone import api


def visible_link(uid):
    """{"title", "url"} of the document of `uid` when the current user may view it, else None."""
    brains = api.content.find(UID=uid) if uid else ()
    return {"url": brains[0].getURL(), "title": brains[0].Title} if brains else None


def visible_target(relation):
    """The target of a relation as a visible_link, or None."""
    if relation is None or relation.isBroken():
        return None
    return visible_link(relation.to_object.UID())
