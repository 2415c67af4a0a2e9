"""What the inbox tests of every domain ask: the actions a person has about one document."""

from akimat.content.core.inbox import inbox
from plone import api


def actions_of(userid, uid, today=None):
    """[(kind, Action)] the user has about one document on `today` (the frozen day when None)."""
    return [
        (entry.action.kind, entry.action)
        for entry in inbox(api.user.get(userid=userid), today=today).entries
        if entry.action.uid == uid
    ]
