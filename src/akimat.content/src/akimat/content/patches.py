"""Two checks of input that Zope and plone.restapi leave to a 500, made 400s for every page and
endpoint at once (patches.zcml applies them with collective.monkeypatcher).

- ZPublisher's typed form fields (`?x:int=abc`, `:float`, `:long`, `:date`, `:required`, `:json`)
  meet a value they cannot convert with a ValueError or a DateTime error, before any view runs: any
  URL with such a field answered 500. The converters handed to the publisher raise BadRequest.
- plone.restapi's batching passes a negative b_size to plone.batching, which asserts against it,
  and a negative b_start on, which gives wrong batches: every batched answer (@search, listings of
  folders, our @control-list) answered 500 or nonsense. Both are BadRequest.
"""

from DateTime.interfaces import DateTimeError
from functools import cache
from functools import wraps
from plone.restapi.batching import HypermediaBatch
from zExceptions import BadRequest
from ZPublisher.Converters import type_converters


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
            raise BadRequest(f"A form field is not a valid {converter.__name__.removeprefix('field2')}.")

    return convert


_batch_init = HypermediaBatch.__init__


def checked_batch_init(self, request, results):
    """HypermediaBatch.__init__, refusing a negative b_size or b_start."""
    try:
        _batch_init(self, request, results)
    except AssertionError:  # plone.batching: «an orphan size higher than batch size»
        raise BadRequest("Invalid b_size: a whole number from 0 is expected.")
    if self.b_start < 0:
        raise BadRequest("Invalid b_start: a whole number from 0 is expected.")
