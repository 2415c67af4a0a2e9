"""Section (раздел): a top folder of the intranet — «Акты», «Поручения», «Обращения» … — that
many people add documents to at the same time.

Plone records every change of a container's items in the container itself: it keeps their order
in a list and, on the container's modification event (an item added, renamed or removed),
re-dates and reindexes the container. Two documents added at once therefore both write the
section and its catalog record, and the second conflicts (ZODB). A section's documents are found
through the catalog, never by their position in it, and its own fields do not change when its
items do: so a section keeps no order and is indexed only when it was written itself, and
concurrent additions never meet on it.
"""

from plone.app.contenttypes.content import Folder
from plone.app.contenttypes.utils import migrate_base_class_to_new_class
from zope.annotation.interfaces import IAnnotations


class Section(Folder):
    _ordering = "unordered"  # plone.folder: no order list to update on every addition

    def reindexObject(self, idxs=[], *args, **kwargs):  # noqa: B006 - CMF's signature: [] means all
        """Reindexed (and re-dated) when the section itself changed, not when its items did."""
        if self._p_jar is not None and not self._p_changed:
            return
        super().reindexObject(idxs, *args, **kwargs)


# Where plone.folder's default ordering keeps the order of a folder's items.
ORDER_ANNOTATIONS = ("plone.folder.ordered.order", "plone.folder.ordered.pos")


def as_section(folder):
    """A Folder of an existing site becomes a Section in place — its content, local roles and
    workflow state stay — the way plone.app.contenttypes migrates the class of content."""
    folder.portal_type = "Section"
    migrate_base_class_to_new_class(folder)
    section = folder.__parent__[folder.getId()]
    annotations = IAnnotations(section)
    for key in ORDER_ANNOTATIONS:
        annotations.pop(key, None)
    section.reindexObject()
    return section
