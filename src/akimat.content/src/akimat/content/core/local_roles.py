"""Local roles computed from a document's fields, and the catalog's security that follows them."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from borg.localrole.interfaces import ILocalRoleProvider
from zope.component import getAdapters
from zope.container.interfaces import IContainerModifiedEvent


class ComputedRoles:
    """A local role provider whose roles `_roles()` computes from the content's fields, and
    from the fields of the items inside it that provide one of `items_read`."""

    items_read = ()

    def __init__(self, context):
        self.context = context

    def _roles(self):
        raise NotImplementedError

    def getRoles(self, principal_id):
        return tuple(self._roles().get(principal_id, ()))

    def getAllRoles(self):
        for principal, roles in self._roles().items():
            yield principal, tuple(roles)


def grant(roles, principal, role):
    if principal:
        roles.setdefault(principal, set()).add(role)


# Who may see what is in the catalog too (allowedRolesAndUsers): whatever changes the fields the
# roles are computed from reindexes the security of the objects those roles are on, in the same
# transaction — otherwise the catalog would go on showing a document to the people it no longer
# concerns (in search, listings, vocabularies) or hide it from the new ones.


def _computed_roles(obj):
    return [
        provider
        for _name, provider in getAdapters((obj,), ILocalRoleProvider)
        if isinstance(provider, ComputedRoles)
    ]


def _reads(container, item):
    return any(
        interface.providedBy(item)
        for provider in _computed_roles(container)
        for interface in provider.items_read
    )


def fields_modified(obj, event):
    """An edit (form, REST PATCH) may change whom the object and the container reading it concern."""
    if IContainerModifiedEvent.providedBy(event):  # its items changed: item_moved
        return
    if _computed_roles(obj):
        obj.reindexObjectSecurity()
    container = aq_parent(aq_inner(obj))
    if container is not None and _reads(container, obj):
        container.reindexObjectSecurity()


def item_moved(obj, event):
    """An item added, moved or removed: the containers that read it concern other people now."""
    for container in {
        id(c): c for c in (event.oldParent, event.newParent) if c is not None
    }.values():
        if _reads(container, obj):
            container.reindexObjectSecurity()
