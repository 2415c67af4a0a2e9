"""The search page of the document library (R9.10d): a collection of the reports, filtered by
collective.collectionfilter's portlets.

`library/search` is the library's default page; it lists the reports with @@report-listing, and
its portlets filter them by the reports' catalog indexes (akimat.content's catalog.xml), each
value counted. `report_facets` tells collectionfilter how to show and query those values. The
collection's title and the portlets' headers are stored in Russian, like the sections' titles.
"""

from akimat.content import _
from collective.collectionfilter.portlets import collectionfilter
from collective.collectionfilter.portlets import collectionsearch
from collective.collectionfilter.portlets import reset
from collective.collectionfilter.portlets import sorting
from dataclasses import dataclass
from plone import api
from plone.base.utils import get_installer
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletManager
from zope.component import getMultiAdapter
from zope.component import getUtility
from zope.i18n import translate


COLLECTIONFILTER = (
    "collective.collectionfilter.portlets"  # its portlets, and its base profile
)
SEARCH_ID = "search"
LISTING_VIEW = "report-listing"
PORTLET_MANAGER = "plone.rightcolumn"
REPORTS_PER_PAGE = 30
# The facets count the collection's first `limit` results: the limit must exceed the library.
NO_LIMIT = 1_000_000
REPORT_QUERY = [
    {
        "i": "portal_type",
        "o": "plone.app.querystring.operation.selection.any",
        "v": ["Report"],
    },
]


@dataclass(frozen=True)
class Facet:
    index: str
    header: str  # a message of `akimat`
    filter_type: str = (
        "single"  # "or": several values may be chosen, a report matches any
    )
    input_type: str = "links"
    newest_first: bool = False


FACETS = (
    Facet(
        "department",
        _("Department"),
        filter_type="or",
        input_type="checkboxes_radiobuttons",
    ),
    Facet("period_kind", _("Period")),
    Facet("report_year", _("Year"), newest_first=True),
    Facet("report_period", _("Month, quarter or half-year")),
    Facet(
        "file_types",
        _("File type"),
        filter_type="or",
        input_type="checkboxes_radiobuttons",
    ),
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
    yield (
        "search",
        collectionsearch.Assignment(
            header=in_russian(_("Search in the texts")),
            target_collection=collection_uid,
        ),
    )
    for facet in FACETS:
        yield (
            facet.index,
            collectionfilter.Assignment(
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
            ),
        )
    yield (
        "sort",
        sorting.Assignment(
            header=in_russian(_("Sort by")),
            target_collection=collection_uid,
            sort_on=SORT_INDEXES,
        ),
    )
    reset_all = reset.Assignment(target_collection=collection_uid)
    reset_all.css_class = ""  # its renderer reads it, its __init__ forgets it
    yield "reset", reset_all
