"""Catalog indexers of appeals that the appeal services search by (RULES.md R13)."""

from akimat.content import appeal_history
from akimat.content.content.appeal import IAppeal
from plone.indexer import indexer


@indexer(IAppeal)
def applicant_key(obj):
    """The normalised keys of the applicant: «id:<IIN/BIN>», «contact:<name>|<phone or e-mail>»."""
    return appeal_history.applicant_keys(obj)
