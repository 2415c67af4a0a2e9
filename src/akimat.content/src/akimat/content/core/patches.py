"""Patches for every page and endpoint at once (patches.zcml applies them with
collective.monkeypatcher): two checks of input that Zope and plone.restapi leave to a 500, made
400s, and error answers without the exception's details outside Zope's debug mode.

- ZPublisher's typed form fields (`?x:int=abc`, `:float`, `:long`, `:date`, `:required`, `:json`)
  meet a value they cannot convert with a ValueError or a DateTime error, before any view runs: any
  URL with such a field answered 500. The converters handed to the publisher raise BadRequest.
- plone.restapi's batching passes a negative b_size to plone.batching, which asserts against it,
  and a negative b_start on, which gives wrong batches: every batched answer (@search, listings of
  folders, our @control-list) answered 500 or nonsense. Both are BadRequest.
- plone.rest answers an unexpected error (5xx) over REST with the exception's text, to everyone,
  and its traceback to a Manager; Plone's error page shows a Manager the traceback. Whatever Zope's
  debug mode, which `make start` no longer turns on. Without debug mode (`make debug` has it) the
  answer keeps the type of the error, a 4xx its message, and tells of a 5xx only that it is logged;
  the details stay in the error log.
"""

from akimat.content import _
from App.config import getConfiguration
from DateTime.interfaces import DateTimeError
from functools import cache
from functools import wraps
from plone.rest.errors import ErrorHandling
from plone.restapi.batching import HypermediaBatch
from Products.CMFPlone.browser.exceptions import ExceptionView
from zExceptions import BadRequest
from zope.i18n import translate
from ZPublisher.Converters import type_converters
from ZPublisher.HTTPResponse import status_codes


def get_converter(name, default=None):
    """ZPublisher.HTTPRequest.get_converter, whose converters refuse bad input with BadRequest."""
    converter = type_converters.get(name)
    return default if converter is None else _refusing_bad_input(converter)


@cache
def _refusing_bad_input(converter):
    @wraps(converter)  # keeps its `binary` mark, which the publisher reads
    def convert(value):
        try:
            return converter(value)
        except (ValueError, OverflowError, DateTimeError):
            raise BadRequest(
                f"A form field is not a valid {converter.__name__.removeprefix('field2')}."
            ) from None

    return convert


_batch_init = HypermediaBatch.__init__


def checked_batch_init(self, request, results):
    """HypermediaBatch.__init__, refusing a negative b_size or b_start."""
    try:
        _batch_init(self, request, results)
    except AssertionError:  # plone.batching: «an orphan size higher than batch size»
        raise BadRequest("Invalid b_size: a whole number from 0 is expected.") from None
    if self.b_start < 0:
        raise BadRequest("Invalid b_start: a whole number from 0 is expected.")


_render_exception = ErrorHandling.render_exception


def render_exception_without_details(self, exception):
    """plone.rest's JSON of an error, without a traceback and, for a 5xx, without the exception's
    text, unless Zope runs in debug mode."""
    result = _render_exception(self, exception)
    if result is None or getConfiguration().debug_mode:
        return result
    result.pop("traceback", None)
    # the status plone.rest gives the answer: HTTPResponse.setStatus(type(exception))
    if status_codes.get(type(exception).__name__.lower(), 500) >= 500:
        result["message"] = translate(
            _("The server could not answer this request; the error is logged."),
            context=self.request,
        )
    return result


_is_manager = ExceptionView.is_manager


def shows_traceback(self):
    """Plone's error page shows a Manager the traceback: only in Zope's debug mode."""
    return bool(getConfiguration().debug_mode) and _is_manager(self)
