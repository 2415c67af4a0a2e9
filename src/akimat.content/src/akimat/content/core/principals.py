"""Names of principals (users and groups) as people read them."""

from akimat.content.interfaces import IActSettings
from plone import api


# The organisation (akimat.policy) gives every department a group of its head and deputy head.
HEADS_SUFFIX = "-heads"


def principal_title(principal_id):
    """A group's title or a user's full name; the id itself when neither is known."""
    group = api.group.get(groupname=principal_id)
    if group is not None:
        return group.getProperty("title") or principal_id
    user = api.user.get(userid=principal_id)
    if user is not None:
        return user.getProperty("fullname") or principal_id
    return principal_id


def position(userid):
    """What the visa sheet and the protocol say of a person's post: the titles of his units —
    not the heads' groups or the akimat members, which say what he does, not where he serves."""
    user = api.user.get(userid=userid)
    if user is None:
        return ""
    members = (
        api.portal.get_tool("portal_registry")
        .forInterface(IActSettings, check=False)
        .members_group
    )
    titles = [
        principal_title(group)
        for group in user.getGroups()
        if group not in ("AuthenticatedUsers", members)
        and not group.endswith(HEADS_SUFFIX)
    ]
    return ", ".join(sorted(titles))


def principal_ids(user):
    """The ids an assignment may name for this user: himself and his groups."""
    return [user.getId(), *user.getGroups()]


def departments_of(user):
    """The departments a user serves in: his groups that have a group of their heads."""
    return [
        group
        for group in user.getGroups()
        if not group.endswith(HEADS_SUFFIX)
        and api.group.get(groupname=f"{group}{HEADS_SUFFIX}") is not None
    ]


class PrincipalTitles:
    """principal_title, each principal looked up once: for listings of many rows."""

    def __init__(self):
        self._titles = {}

    def __call__(self, principal_id):
        if principal_id not in self._titles:
            self._titles[principal_id] = principal_title(principal_id)
        return self._titles[principal_id]


def group_members(group_id):
    """The user ids of a group's members; none for an unknown or empty group id."""
    if not group_id or api.group.get(groupname=group_id) is None:
        return []
    return [user.getId() for user in api.user.get_users(groupname=group_id)]
