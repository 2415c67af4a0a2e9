"""A registered act or protocol is never edited, moved or deleted — by a Zope administrator
either (RULES.md R10.17, A6; DESIGN.md «Registered documents»).

Permissions alone do not hold it: a Manager can grant himself «Modify portal content» again in the
ZMI's Security tab. So the change itself is refused, however it is asked for — an edit form, a
REST PATCH, DELETE or @move, the ZMI's Properties tab, a rename, something added to the document
— with Forbidden (a 403) and a line in the log. What the rules do on a registered document goes on:
its workflow (sending the protocol), acquaintance, and the control of its assignments, which live
on inside it as documents of their own.
"""

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from plone.base.interfaces import IPloneSiteRoot
from Products.CMFCore.utils import getToolByName
from zExceptions import Forbidden
from zope.container.interfaces import IContainerModifiedEvent

import logging


logger = logging.getLogger(__name__)

# The states in which a document of each type is frozen.
FROZEN_STATES = {"Act": ("registered",), "Protocol": ("registered", "sent")}
# Documents of their own inside a frozen one, which their own rules govern.
LIVING_ITEMS = ("Assignment",)


def _is_frozen_document(obj):
    states = FROZEN_STATES.get(getattr(aq_base(obj), "portal_type", None))
    if not states:
        return False
    workflow = getToolByName(obj, "portal_workflow", None)
    return (
        workflow is not None
        and workflow.getInfoFor(obj, "review_state", None) in states
    )


def frozen_document(obj):
    """The registered document `obj` is or is part of (a protocol's section, an act's
    attachment), or None."""
    if _is_frozen_document(obj):
        return obj
    container = aq_parent(aq_inner(obj))
    if (
        getattr(aq_base(obj), "portal_type", None) not in LIVING_ITEMS
        and container is not None
        and _is_frozen_document(container)
    ):
        return container
    return None


def refuse(document, action):
    user = getattr(
        getToolByName(document, "portal_membership").getAuthenticatedMember(),
        "getId",
        lambda: None,
    )()
    logger.warning(
        "Refused to %s %s, registered (user %s)",
        action,
        "/".join(document.getPhysicalPath()),
        user,
    )
    raise Forbidden(
        f"{document.portal_type} {document.getId()} is registered: it is never changed."
    )


def check_change(obj, action):
    document = frozen_document(obj)
    if document is not None:
        refuse(document, action)


def modified(obj, event):
    """An edit of the document or of a part of it."""
    if not IContainerModifiedEvent.providedBy(event):  # its items: moved() decides
        check_change(obj, "edit")


def moved(obj, event):
    """About to be removed, moved, renamed — or added to a registered document."""
    # The whole site is deleted with its database
    if IPloneSiteRoot.providedBy(event.object):
        return
    if event.oldParent is not None:
        check_change(obj, "move or delete")
    if (
        event.newParent is not None
        and getattr(aq_base(obj), "portal_type", None) not in LIVING_ITEMS
        and _is_frozen_document(event.newParent)
    ):
        refuse(event.newParent, "add to")
