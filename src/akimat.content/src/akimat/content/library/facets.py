"""The facets of the library's search page (collective.collectionfilter, RULES.md R9.10d): how
the reports' catalog indexes are shown and queried. The page and its portlets are the site's
(akimat.policy's library_search).
"""

from akimat.content.browser.formatting import state_title
from akimat.content.library.vocabularies import REPORT_PERIOD_KINDS
from collective.collectionfilter.interfaces import IGroupByCriteria
from collective.collectionfilter.interfaces import IGroupByModifier
from collective.collectionfilter.vocabularies import make_int
from collective.collectionfilter.vocabularies import sort_key_title
from plone import api
from zope.component import adapter
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.interface import implementer


# What the facets show: titles in the reader's language rather than the indexed values.


def department_title(group_id, *args):
    group = api.group.get(groupname=group_id)
    return (group.getProperty("title") if group is not None else None) or group_id


def period_kind_title(value, *args):
    term = REPORT_PERIOD_KINDS.by_value.get(value)
    return translate(term.title, context=getRequest()) if term is not None else value


def report_state_title(state, *args):
    """Plone shows workflow states in its `plone` domain."""
    return translate(state_title(state, "Report"), domain="plone", context=getRequest())


def file_type_title(value, *args):
    return value.upper()


def by_number(option):
    return int(option["value"])


REPORT_FACETS = {
    "department": {"display_modifier": department_title},
    "period_kind": {"display_modifier": period_kind_title},
    # Request values are text, the indexes hold integers.
    "report_year": {"index_modifier": make_int, "sort_key_function": by_number},
    # A yearly report has period 0: the period kind «year» finds it.
    "report_period": {
        "index_modifier": make_int,
        "sort_key_function": by_number,
        "value_blacklist": [0],
    },
    "file_types": {"display_modifier": file_type_title},
    "review_state": {"display_modifier": report_state_title},
}


@implementer(IGroupByModifier)
@adapter(IGroupByCriteria)
def report_facets(groupby):
    """Show and query the reports' facets; add those collectionfilter did not find (its criteria
    are computed once, perhaps before the reports' indexes existed)."""
    for index, options in REPORT_FACETS.items():
        criteria = groupby._groupby.setdefault(
            index,
            {
                "index": index,
                "metadata": index,
                "display_modifier": None,
                "css_modifier": None,
                "index_modifier": None,
                "value_blacklist": None,
                "sort_key_function": sort_key_title,
            },
        )
        criteria.update(options)
