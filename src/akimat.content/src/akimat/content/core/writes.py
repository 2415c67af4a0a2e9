"""One writing request at a time in a Zope process, each on the database as its turn comes.

ZODB gives a transaction the database as it was when the transaction began. Two requests that
change the same thing at once — the postings of a word in the catalog, the index of a state, a
register's counter — conflict when the second commits; Zope then retries it from the start, three
times, and after that the person sees an error. The intranet's writes are short and few beside
its reads, so a process lets one writing request (POST, PUT, PATCH, DELETE) run at a time and
begins its transaction anew when its turn comes: the threads of one process never conflict with
each other. Only several processes on one database (RelStorage) still can; their conflicts are
rare and retried. Reading requests are never held up.
"""

from zope.component import adapter
from ZPublisher.interfaces import IPubStart

import logging
import threading
import transaction


logger = logging.getLogger(__name__)

WRITING_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
WAIT = 60  # seconds; a request that waited longer goes on and may conflict (and be retried)

_turn = threading.Lock()
_holder = threading.local()


@adapter(IPubStart)
def wait_for_turn(event):
    """Before a writing request is traversed: wait for the process's other writing request to
    end, then see the database as it is now."""
    if event.request.get("REQUEST_METHOD", "GET").upper() not in WRITING_METHODS:
        return
    if getattr(_holder, "holds", False):  # a request published inside another one
        return
    if not _turn.acquire(timeout=WAIT):
        logger.warning("A writing request waited %s s for its turn and goes on", WAIT)
        return
    _holder.holds = True
    txn = transaction.begin()  # nothing is done yet: a fresh view of the database

    # After the commit (whether it succeeded or not) or the abort: once
    def end_turn(
        *_args,
    ):
        if getattr(_holder, "holds", False):
            _holder.holds = False
            _turn.release()

    txn.addAfterCommitHook(end_turn)
    txn.addAfterAbortHook(end_turn)
