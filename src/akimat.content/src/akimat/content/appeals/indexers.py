"""Catalog indexers of appeals that the appeal services search by (RULES.md R13)."""

from akimat.content.appeals import history as appeal_history
from akimat.content.appeals.appeal import IAppeal
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


@indexer(IAppeal)
def appeal_addressee(obj):
    """The official the appeal is addressed to (R13.8); appeals without one are left out."""
    if not obj.addressee:
        raise AttributeError("appeal_addressee")
    return obj.addressee


@indexer(IAppeal)
def appeal_registration_number(obj):
    return obj.registration_number


@indexer(IAppeal)
def appeal_registration_date(obj):
    return obj.registration_date


@indexer(IAppeal)
def appeal_registration_year(obj):
    return obj.registration_date.year if obj.registration_date else None


@indexer(IAppeal)
def appeal_deadline(obj):
    """The term of the answer (R13), for the appeals register and its late marks."""
    return obj.review_deadline()


@indexer(IAppeal)
def appeal_kind(obj):
    return obj.kind


@indexer(IAppeal)
def appeal_channel(obj):
    return obj.channel
