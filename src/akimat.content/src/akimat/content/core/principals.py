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


def is_department(group_id):
    """A department is a group with a group of its heads beside it (the organisation's rule)."""
    return (
        not group_id.endswith(HEADS_SUFFIX)
        and api.group.get(groupname=group_id + HEADS_SUFFIX) is not None
    )


def departments(principal_id):
    """The departments a principal answers for: a department itself, its heads' group's
    department, or the departments a person serves in. A person outside every department, or a
    unit that is no department (the akim, the legal consultant), stands for himself."""
    if principal_id.endswith(HEADS_SUFFIX) and is_department(
        principal_id[: -len(HEADS_SUFFIX)]
    ):
        return (principal_id[: -len(HEADS_SUFFIX)],)
    if api.group.get(groupname=principal_id) is not None:
        return (principal_id,)
    user = api.user.get(userid=principal_id)
    units = (
        sorted(group for group in user.getGroups() if is_department(group))
        if user is not None
        else ()
    )
    return tuple(units) or (principal_id,)


def executor_departments(executors):
    """The departments of an assignment's executors, each once: an assignment to a person counts
    under his department everywhere a department is meant (lists, dashboard, reports)."""
    found = {}  # ordered, each once
    for executor in executors:
        found.update(dict.fromkeys(departments(executor)))
    return list(found)


def departments_of(user):
    """The departments a user serves in."""
    return [group for group in user.getGroups() if is_department(group)]


class _Remembered:
    """A lookup by principal id, each principal looked up once: for listings of many rows."""

    def __init__(self):
        self._values = {}

    def __call__(self, principal_id):
        if principal_id not in self._values:
            self._values[principal_id] = self.lookup(principal_id)
        return self._values[principal_id]


class Departments(_Remembered):
    lookup = staticmethod(departments)


class PrincipalTitles(_Remembered):
    lookup = staticmethod(principal_title)


def group_members(group_id):
    """The user ids of a group's members; none for an unknown or empty group id."""
    if not group_id or api.group.get(groupname=group_id) is None:
        return []
    return [user.getId() for user in api.user.get_users(groupname=group_id)]
