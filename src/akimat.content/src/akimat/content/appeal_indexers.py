"""Catalog indexers of appeals that the appeal services search by (RULES.md R13)."""

from akimat.content import appeal_history
from akimat.content.content.appeal import IAppeal
from plone.indexer import indexer


@indexer(IAppeal)
def applicant_key(obj):
    """The normalised keys of the applicant: «id:<IIN/BIN>», «contact:<name>|<phone or e-mail>»."""
    return appeal_history.applicant_keys(obj)


@indexer(IAppeal)
def reception_uid(obj):
    """The personal reception the applicant signed up for (R14.2); appeals without one are left out."""
    if not obj.reception:
        raise AttributeError("reception_uid")
    return obj.reception
