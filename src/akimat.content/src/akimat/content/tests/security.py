"""Checking permissions in integration tests as requests would."""

from zope.annotation.interfaces import IAnnotations


def forget_local_roles(request):
    """borg.localrole caches a user's local roles on the request; a real request ends after each
    change, the test's request lives on, so the cache is dropped before checking again."""
    annotations = IAnnotations(request)
    for key in [key for key in annotations if str(key).startswith("borg.localrole.")]:
        del annotations[key]
