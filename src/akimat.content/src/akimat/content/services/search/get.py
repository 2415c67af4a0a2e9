"""plone.restapi's @search, with a query the catalog cannot run answered 400 instead of 500.

A date index given «abc», a boolean index «abc», a path depth or sort_limit that is no number, an
operator without a query, a full-text query of only stop words or a bare «NOT», an index no query
parser knows: plone.restapi's parsing of the query or the catalog raises a QueryParsingError,
ValueError, TypeError, LookupError, a DateTime error or one of ZCTextIndex's errors, each a 500.
A path depth of 10^20 kept a thread of the server busy for ever: ExtendedPathIndex loops over
each level asked for.
"""

from akimat.content import _
from akimat.content.services.base import bad_request
from DateTime.interfaces import DateTimeError
from plone.restapi.exceptions import QueryParsingError
from plone.restapi.services.search.get import SearchGet as PloneSearchGet
from Products.ZCTextIndex.ParseTree import ParseError
from Products.ZCTextIndex.ParseTree import QueryError

import logging


logger = logging.getLogger(__name__)
QUERY_ERRORS = (
    QueryParsingError,
    ValueError,
    TypeError,
    LookupError,
    DateTimeError,
    ParseError,
    QueryError,
)
MAX_PATH_DEPTH = 100  # far below the deepest path of the site


class SearchGet(PloneSearchGet):
    def reply(self):
        if not _path_depth_allowed(self.request.form.get("path.depth", -1)):
            return bad_request(
                self.request,
                _(
                    "«path.depth» is a whole number from -1 to ${max}.",
                    mapping={"max": MAX_PATH_DEPTH},
                ),
            )
        try:
            return super().reply()
        except QUERY_ERRORS as error:
            logger.info(
                "@search refused %s: %r", self.request.get("QUERY_STRING"), error
            )
            return bad_request(
                self.request,
                _(
                    "The catalog cannot run this search: a parameter has a value its index does not take "
                    "(dates as YYYY-MM-DD, numbers and true or false as such)."
                ),
            )


def _path_depth_allowed(depth):
    try:
        return -1 <= int(depth) <= MAX_PATH_DEPTH
    except (TypeError, ValueError):
        return False
