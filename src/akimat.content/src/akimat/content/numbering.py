"""Registration numbers per document kind and calendar year (RULES.md R10.16).

№ 259 of the akimat's resolutions of 2025 is the 259th: numbers are sequential, gapless and
unique, also under concurrent requests. How:

- The number is taken inside the caller's transaction. If that transaction aborts (a failed
  validation, an error, a conflict), the number goes back with it: no gap. A counter committed
  in a transaction of its own would lose its number when the registration aborts.
- Two transactions that take a number of the same kind and year both change the same
  persistent `Counter`, which has no conflict resolution: the second to commit gets a ZODB
  ConflictError and the whole transaction is retried (Zope's publisher does this for requests;
  scripts must do it themselves), so it takes the next number. `BTrees.Length` would instead
  add the two increments up and hand out the same number twice.
- Each (kind, year) has a `Counter` of its own, so other kinds and years never conflict. They
  live in an OOBTree in an annotation of the site; a counter is created on first use. Two
  transactions creating the same counter insert the same key: BTrees refuses to merge that
  (ConflictError); inserts of different keys merge.

`site` is any annotatable persistent object; the Plone site by default.
"""

from BTrees.OOBTree import OOBTree
from persistent import Persistent
from plone import api
from zope.annotation.interfaces import IAnnotations


ANNOTATION_KEY = "akimat.content.numbering"


class Counter(Persistent):
    """The last number given for one (kind, year).

    Deliberately without `_p_resolveConflict`: concurrent increments must conflict.
    """

    value = 0


def _key(kind, year):
    if not isinstance(kind, str) or not kind:
        raise ValueError(f"A document kind is a non-empty string, not {kind!r}")
    if not isinstance(year, int) or isinstance(year, bool):
        raise ValueError(f"A year is an int, not {year!r}")
    return (kind, year)


def _counters(site, create):
    annotations = IAnnotations(site if site is not None else api.portal.get())
    counters = annotations.get(ANNOTATION_KEY)
    if counters is None and create:
        counters = annotations[ANNOTATION_KEY] = OOBTree()
    return counters


def next_number(kind, year, site=None):
    """Take the next registration number of `kind` in `year` (1 for the first) in the current
    transaction; it is the caller's for good only once that transaction commits."""
    key = _key(kind, year)
    counters = _counters(site, create=True)
    counter = counters.get(key)
    if counter is None:
        counter = counters[key] = Counter()
    counter.value += 1
    return counter.value


def current_number(kind, year, site=None):
    """The last number taken of `kind` in `year`, 0 when none; never writes."""
    key = _key(kind, year)
    counters = _counters(site, create=False)
    counter = counters.get(key) if counters is not None else None
    return counter.value if counter is not None else 0
