"""Catalog indexers of acts: their register's filters and «awaiting my visa»."""

from akimat.content.acts import life_cycle as acts
from akimat.content.acts.act import IAct
from akimat.content.agreement import visas
from plone.indexer import indexer


@indexer(IAct)
def act_kind(obj):
    return obj.kind


@indexer(IAct)
def normative(obj):
    return bool(obj.normative)


@indexer(IAct)
def registration_number(obj):
    return obj.registration_number


@indexer(IAct)
def registration_date(obj):
    return obj.registration_date


@indexer(IAct)
def registration_year(obj):
    return obj.registration_date.year if obj.registration_date else None


@indexer(IAct)
def developer_department(obj):
    return obj.developer_department


@indexer(IAct)
def act_deadline(obj):
    """The deadline of the open round of agreement (R10.14)."""
    return obj.round_deadline()


@indexer(IAct)
def awaiting_visa(obj):
    """Who is expected to visa now: approvers and their substitutes («awaiting my visa»)."""
    return visas.expected_approvers(obj)


@indexer(IAct)
def acquaintance_pending(obj):
    return acts.acquaintance_pending(obj)


@indexer(IAct)
def rework_due(obj):
    """R10.13: by when a draft returned for rework goes on; None for any other act."""
    return obj.rework_deadline()
