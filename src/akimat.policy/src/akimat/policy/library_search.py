"""The search page of the document library (R9.10d): a collection of the reports, filtered by
collective.collectionfilter's portlets.

`library/search` is the library's default page; it lists the reports with @@report-listing, and
its portlets filter them by the reports' catalog indexes (akimat.content's catalog.xml), each
value counted. `report_facets` tells collectionfilter how to show and query those values. The
collection's title and the portlets' headers are stored in Russian, like the sections' titles.
"""

from akimat.content import _
from akimat.content.browser.formatting import state_title
from akimat.content.vocabularies import REPORT_PERIOD_KINDS
from collective.collectionfilter.interfaces import IGroupByCriteria
from collective.collectionfilter.interfaces import IGroupByModifier
from collective.collectionfilter.portlets import collectionfilter
from collective.collectionfilter.portlets import collectionsearch
from collective.collectionfilter.portlets import reset
from collective.collectionfilter.portlets import sorting
from collective.collectionfilter.vocabularies import make_int
from collective.collectionfilter.vocabularies import sort_key_title
from dataclasses import dataclass
from plone import api
from plone.base.utils import get_installer
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletManager
from zope.component import adapter
from zope.component import getMultiAdapter
from zope.component import getUtility
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.interface import implementer


COLLECTIONFILTER = "collective.collectionfilter.portlets"  # its portlets, and its base profile
SEARCH_ID = "search"
LISTING_VIEW = "report-listing"
PORTLET_MANAGER = "plone.rightcolumn"
REPORTS_PER_PAGE = 30
# The facets count the collection's first `limit` results: the limit must exceed the library.
NO_LIMIT = 1_000_000
REPORT_QUERY = [
    {"i": "portal_type", "o": "plone.app.querystring.operation.selection.any", "v": ["Report"]},
]


@dataclass(frozen=True)
class Facet:
    index: str
    header: str  # a message of `akimat`
    filter_type: str = "single"  # "or": several values may be chosen, a report matches any
    input_type: str = "links"
    newest_first: bool = False


FACETS = (
    Facet("department", _("Department"), filter_type="or", input_type="checkboxes_radiobuttons"),
    Facet("period_kind", _("Period")),
    Facet("report_year", _("Year"), newest_first=True),
    Facet("report_period", _("Month, quarter or half-year")),
    Facet("file_types", _("File type"), filter_type="or", input_type="checkboxes_radiobuttons"),
    Facet("review_state", _("State")),
)
SORT_INDEXES = ("effective", "sortable_title")


def in_russian(message):
    return translate(message, target_language="ru")


def install_collectionfilter():
    """Install collectionfilter's portlets (its base profile with them) on a site made before
    akimat.policy depended on it."""
    installer = get_installer(api.portal.get())
    if not installer.is_product_installed(COLLECTIONFILTER):
        installer.install_product(COLLECTIONFILTER)


def ensure_library_search(portal=None):
    """Create the library's search page if it is missing, make it the library's default page and
    give it the portlets it lacks; safe to run again (portlets an administrator edited stay)."""
    portal = portal if portal is not None else api.portal.get()
    library = portal["library"]
    search = library.get(SEARCH_ID)
    if search is None:
        search = api.content.create(
            container=library,
            type="Collection",
            id=SEARCH_ID,
            title=in_russian(_("Search in the library")),
            query=REPORT_QUERY,
            sort_on="effective",
            sort_reversed=True,
            limit=NO_LIMIT,
            item_count=REPORTS_PER_PAGE,
        )
        api.content.transition(obj=search, transition="publish_internally")
    search.setLayout(LISTING_VIEW)
    library.setDefaultPage(SEARCH_ID)
    _assign_portlets(search)
    return search


def _assign_portlets(search):
    manager = getUtility(IPortletManager, name=PORTLET_MANAGER, context=search)
    mapping = getMultiAdapter((search, manager), IPortletAssignmentMapping)
    for name, assignment in _portlets(search.UID()):
        if name not in mapping:
            mapping[name] = assignment


def _portlets(collection_uid):
    """(name, assignment) of the search page's portlets, top to bottom."""
    yield "search", collectionsearch.Assignment(
        header=in_russian(_("Search in the texts")), target_collection=collection_uid
    )
    for facet in FACETS:
        yield facet.index, collectionfilter.Assignment(
            header=in_russian(facet.header),
            target_collection=collection_uid,
            group_by=facet.index,
            show_count=True,
            # Its cache tells users apart by their roles only: the counts would show one
            # department the drafts of another.
            cache_enabled=False,
            filter_type=facet.filter_type,
            input_type=facet.input_type,
            reverse=facet.newest_first,
        )
    yield "sort", sorting.Assignment(
        header=in_russian(_("Sort by")), target_collection=collection_uid, sort_on=SORT_INDEXES
    )
    reset_all = reset.Assignment(target_collection=collection_uid)
    reset_all.css_class = ""  # its renderer reads it, its __init__ forgets it
    yield "reset", reset_all


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
    "report_period": {"index_modifier": make_int, "sort_key_function": by_number, "value_blacklist": [0]},
    "file_types": {"display_modifier": file_type_title},
    "review_state": {"display_modifier": report_state_title},
}


@implementer(IGroupByModifier)
@adapter(IGroupByCriteria)
def report_facets(groupby):
    """Show and query the reports' facets; add those collectionfilter did not find (its criteria
    are computed once, perhaps before the reports' indexes existed)."""
    for index, options in REPORT_FACETS.items():
        criteria = groupby._groupby.setdefault(index, {
            "index": index,
            "metadata": index,
            "display_modifier": None,
            "css_modifier": None,
            "index_modifier": None,
            "value_blacklist": None,
            "sort_key_function": sort_key_title,
        })
        criteria.update(options)
