"""Writing requests of one process take turns, each on the database as its turn comes."""

from akimat.content.core import writes
from types import SimpleNamespace

import threading
import transaction
import unittest


def start(method):
    """What the publisher does for a request: begin its transaction, then announce it."""
    transaction.begin()
    writes.wait_for_turn(SimpleNamespace(request={"REQUEST_METHOD": method}))
    return transaction.get()


class TestWritingRequestsTakeTurns(unittest.TestCase):
    def tearDown(self):
        transaction.abort()

    def run_in_thread(self, method, then):
        """Start a request of `method` in another thread; `then(txn)` runs when it has started."""
        started = threading.Event()
        done = []

        def request():
            txn = start(method)
            started.set()
            done.append(then(txn))

        thread = threading.Thread(target=request)
        thread.start()
        return thread, started, done

    def test_a_writing_request_waits_for_the_other_and_begins_anew(self):
        """A second POST of the process starts only once the first has committed, in a
        transaction begun after that commit (so it sees what the first wrote)."""
        first = start("POST")
        thread, started, done = self.run_in_thread(
            "PATCH", lambda txn: (txn, transaction.abort())
        )
        self.assertFalse(started.wait(0.3), "the second writing request did not wait")
        first.commit()
        self.assertTrue(started.wait(5))
        thread.join(5)
        second = done[0][0]
        self.assertIsNot(second, first)

    def test_an_aborted_request_ends_its_turn(self):
        start("DELETE")
        transaction.abort()
        thread, started, done = self.run_in_thread(
            "POST", lambda txn: transaction.abort()
        )
        self.assertTrue(started.wait(5))
        thread.join(5)

    def test_reading_requests_never_wait(self):
        """GET and HEAD requests run beside a writing one."""
        start("POST")
        for method in ("GET", "HEAD"):
            thread, started, done = self.run_in_thread(
                method, lambda txn: transaction.abort()
            )
            self.assertTrue(started.wait(5), method)
            thread.join(5)
