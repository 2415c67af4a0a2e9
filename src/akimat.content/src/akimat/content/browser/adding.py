"""Whether a page offers to add an item: what Plone's ++add++ view demands, asked beforehand."""

from plone import api


def may_add(container, portal_type):
    """What the ++add++ view demands: Add portal content here and the type allowed and addable."""
    return api.user.has_permission(
        "Add portal content", obj=container
    ) and portal_type in {fti.getId() for fti in container.allowedContentTypes()}
