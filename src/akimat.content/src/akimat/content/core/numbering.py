"""Registration numbers per document kind and calendar year (RULES.md R10.16).

№ 259 of the akimat's resolutions of 2025 is the 259th: numbers are sequential, gapless and
unique, also under concurrent requests, and concurrent registrations succeed. How:

- The number is taken inside the caller's transaction. If that transaction aborts (a failed
  validation, an error, a conflict), the number goes back with it: no gap. A counter committed
  in a transaction of its own would lose its number when the registration aborts.
- Each (kind, year) has a persistent `Counter` of its own, so other kinds and years never meet.
  They live in an OOBTree in an annotation of the site; a counter is created on first use.
- Within one process, taking a number of a (kind, year) holds that counter's lock until the
  transaction ends (commit or abort): registrations of one process queue up for the short
  moment between their number and their commit instead of colliding.
- A transaction sees the database as it was when it began, so a registration that waited for
  the lock would read a stale value. Holding the lock, it reads the counter's latest committed
  value instead (`ZODB.utils.load_current`), and the counter's conflict resolution accepts its
  write at commit exactly when nobody committed the counter since that read: nothing of this
  process can have, having waited for the lock. Only another process (several Zope instances on
  one database) can still conflict; that transaction is then retried whole, as the publisher
  retries requests on a ConflictError, and takes the next number. `BTrees.Length` would instead
  add concurrent increments up and hand out the same number twice.
- Two transactions creating the same counter insert the same key into the OOBTree: BTrees
  refuses to merge that (ConflictError, retried); inserts of different keys merge.

`site` is any annotatable persistent object; the Plone site by default.
"""

from BTrees.OOBTree import OOBTree
from persistent import Persistent
from plone import api
from ZODB.POSException import ConflictError
from ZODB.serialize import ObjectReader
from ZODB.utils import load_current
from ZODB.utils import z64
from zope.annotation.interfaces import IAnnotations

import threading
import transaction


ANNOTATION_KEY = "akimat.content.numbering"  # stored in every site: never renamed
LOCK_TIMEOUT = (
    30  # seconds a registration waits for another of its process before it retries
)


class Counter(Persistent):
    """The last number given for one (kind, year), and the committed value it was taken from."""

    value = 0
    base = (
        None  # the latest committed value when this transaction took its first number
    )

    def _p_resolveConflict(self, old_state, committed_state, new_state):
        """Our numbers follow the latest committed one: they stand if it is still the latest."""
        if new_state.get("base") is not None and new_state[
            "base"
        ] == committed_state.get("value", 0):
            return new_state
        raise ConflictError


class ProcessLocks:
    """One lock per (kind, year) in this process, held by a transaction from its first number of
    that kind and year until it ends."""

    def __init__(self):
        self._locks = {}
        self._guard = threading.Lock()

    def hold(self, key, txn):
        """Take the lock of `key` for `txn`, unless it holds it already."""
        try:
            held = txn.data(self)
        except KeyError:
            held = set()
            txn.set_data(self, held)
        if key in held:
            return
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        if not lock.acquire(timeout=LOCK_TIMEOUT):
            raise ConflictError(f"Waited {LOCK_TIMEOUT} s for a number of {key}")
        held.add(key)

        def release(*_args):  # after a commit (failed or not) and after an abort: once
            if key in held:
                held.discard(key)
                lock.release()

        txn.addAfterCommitHook(release)
        txn.addAfterAbortHook(release)


LOCKS = ProcessLocks()


def _key(kind, year):
    if not isinstance(kind, str) or not kind:
        raise ValueError(f"A document kind is a non-empty string, not {kind!r}")
    if not isinstance(year, int) or isinstance(year, bool):
        raise ValueError(f"A year is an int, not {year!r}")
    return (kind, year)


def _site(site):
    return site if site is not None else api.portal.get()


def _transaction(site):
    """The transaction of the site's connection (a script or a test may run several managers)."""
    connection = getattr(site, "_p_jar", None)
    return (
        connection.transaction_manager.get()
        if connection is not None
        else transaction.get()
    )


def _committed(counter):
    counter._p_activate()  # a ghost knows no serial yet
    return counter._p_serial != z64


def _latest_committed_value(counter):
    """The counter's value as last committed, past this transaction's view of the database."""
    connection = counter._p_jar
    data, _serial = load_current(connection.db().storage, counter._p_oid)
    state = ObjectReader(connection, None, connection.db().classFactory).getState(data)
    return state.get("value", 0)


def next_number(kind, year, site=None):
    """Take the next registration number of `kind` in `year` (1 for the first) in the current
    transaction; it is the caller's for good only once that transaction commits."""
    key = _key(kind, year)
    site = _site(site)
    LOCKS.hold(key, _transaction(site))
    annotations = IAnnotations(site)
    counters = annotations.get(ANNOTATION_KEY)
    if counters is None:
        counters = annotations[ANNOTATION_KEY] = OOBTree()
    counter = counters.get(key)
    if counter is None:
        counter = counters[key] = Counter()
    elif not counter._p_changed and _committed(counter):
        # Committed before, untouched by this transaction: its first number of the kind and year
        # (or the first again after a savepoint's rollback).
        counter.base = counter.value = _latest_committed_value(counter)
    counter.value += 1
    return counter.value


def current_number(kind, year, site=None):
    """The last number taken of `kind` in `year`, 0 when none; never writes."""
    key = _key(kind, year)
    counters = IAnnotations(_site(site)).get(ANNOTATION_KEY)
    counter = counters.get(key) if counters is not None else None
    return counter.value if counter is not None else 0
