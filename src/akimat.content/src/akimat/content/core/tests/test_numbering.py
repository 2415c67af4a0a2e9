"""The numbering service: registration numbers per kind and calendar year (RULES.md R10.16)."""

from akimat.content.core import numbering
from akimat.content.core.numbering import ANNOTATION_KEY
from akimat.content.core.numbering import current_number
from akimat.content.core.numbering import next_number
from akimat.content.testing import AKIMAT_CONTENT_INTEGRATION_TESTING
from BTrees.IOBTree import IOBTree
from BTrees.Length import Length
from persistent import Persistent
from plone.testing.zca import popGlobalRegistry
from plone.testing.zca import pushGlobalRegistry
from unittest import mock
from ZODB.FileStorage import FileStorage
from ZODB.POSException import ConflictError
from zope.annotation.attribute import AttributeAnnotations
from zope.annotation.interfaces import IAnnotations
from zope.annotation.interfaces import IAttributeAnnotatable
from zope.component import provideAdapter
from zope.interface import implementer

import os
import shutil
import tempfile
import threading
import transaction
import unittest
import ZODB


RESOLUTION, DECISION = "resolution", "decision"
THREADS, PER_THREAD = (
    8,
    25,
)  # concurrent requests × registrations in the concurrency test
RETRIES = 100  # attempts of one registration; about 15 at most are seen


class TestNumberingOnPloneSite(unittest.TestCase):
    layer = AKIMAT_CONTENT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]

    def test_numbers_start_at_one_and_follow_each_other(self):
        """R10.16: the first resolution of 2025 is № 1, then № 2, № 3; the site is the default."""
        self.assertEqual(current_number(RESOLUTION, 2025), 0)
        self.assertEqual([next_number(RESOLUTION, 2025) for _i in range(3)], [1, 2, 3])
        self.assertEqual(next_number(RESOLUTION, 2025, site=self.portal), 4)
        self.assertEqual(current_number(RESOLUTION, 2025), 4)

    def test_each_kind_and_year_has_its_own_sequence(self):
        """R10.16: numbers run per kind and per calendar year, each from 1."""
        next_number(RESOLUTION, 2025)
        next_number(RESOLUTION, 2025)
        self.assertEqual(next_number(DECISION, 2025), 1)
        self.assertEqual(next_number(RESOLUTION, 2026), 1)
        self.assertEqual(next_number(RESOLUTION, 2025), 3)
        self.assertEqual(current_number(DECISION, 2025), 1)
        self.assertEqual(current_number(DECISION, 2026), 0)

    def test_reading_the_current_number_never_writes(self):
        """R10.16: asking for the last number creates nothing on the site."""
        self.assertEqual(current_number(RESOLUTION, 2025), 0)
        self.assertNotIn(ANNOTATION_KEY, IAnnotations(self.portal))

    def test_rolled_back_number_is_given_again(self):
        """R10.16: a registration rolled back returns its number: the next one gets it, no gap."""
        self.assertEqual(next_number(RESOLUTION, 2025), 1)
        savepoint = transaction.savepoint()
        self.assertEqual(next_number(RESOLUTION, 2025), 2)
        savepoint.rollback()
        self.assertEqual(current_number(RESOLUTION, 2025), 1)
        self.assertEqual(next_number(RESOLUTION, 2025), 2)

    def test_kind_and_year_are_checked(self):
        """R10.16: a sequence is named by a kind (text) and a calendar year (int)."""
        for kind, year in (
            ("", 2025),
            (None, 2025),
            (RESOLUTION, "2025"),
            (RESOLUTION, True),
        ):
            with self.subTest(kind=kind, year=year), self.assertRaises(ValueError):
                next_number(kind, year)


@implementer(IAttributeAnnotatable)
class BareSite(Persistent):
    """Stands for the Plone site in a bare ZODB: any annotatable persistent object will do."""


class TestNumberingUnderConcurrency(unittest.TestCase):
    """Real FileStorage, one connection and transaction manager per concurrent request."""

    def setUp(self):
        pushGlobalRegistry()
        provideAdapter(AttributeAnnotations)
        self.directory = tempfile.mkdtemp()
        storage = FileStorage(os.path.join(self.directory, "Data.fs"))
        self.db = ZODB.DB(
            storage, pool_size=32
        )  # the tests keep a dozen connections open
        with self.db.transaction() as connection:
            connection.root()["site"] = BareSite()
            connection.root()["length"] = Length()
            # One registry per request: the registries never conflict, so only the counter
            # decides whether two registrations may both commit.
            for thread in range(THREADS):
                connection.root()[f"registry-{thread}"] = IOBTree()

    def tearDown(self):
        self.db.close()
        shutil.rmtree(self.directory)
        popGlobalRegistry()

    def open(self):
        """A connection with a transaction manager of its own, as one request of a server."""
        manager = transaction.TransactionManager()
        connection = self.db.open(transaction_manager=manager)
        self.addCleanup(connection.close)
        manager.begin()
        return manager, connection.root()

    def take(self, kind, year):
        manager, root = self.open()
        return manager, next_number(kind, year, root["site"])

    def commit_once(self, kind, year):
        manager, number = self.take(kind, year)
        manager.commit()
        return number

    def current(self, kind, year):
        manager, root = self.open()
        return current_number(kind, year, root["site"])

    def test_a_request_waits_for_the_number_of_another_and_takes_the_next(self):
        """R10.16: two requests of one process want № 2 at once: the second waits until the
        first commits, then takes № 3 and commits too — no conflict, never one number twice."""
        self.commit_once(RESOLUTION, 2025)
        first, number_1 = self.take(RESOLUTION, 2025)
        second_manager, second_root = (
            self.open()
        )  # began before the first commits: a stale view
        taken = []
        waiting = threading.Thread(
            target=lambda: taken.append(
                next_number(RESOLUTION, 2025, second_root["site"])
            )
        )
        waiting.start()
        waiting.join(0.5)
        self.assertTrue(
            waiting.is_alive(), "the second request did not wait for the first"
        )
        first.commit()
        waiting.join()
        second_manager.commit()
        self.assertEqual((number_1, taken), (2, [3]))
        self.assertEqual(self.current(RESOLUTION, 2025), 3)

    def test_requests_of_two_processes_conflict_and_the_retry_takes_the_next(self):
        """R10.16: two Zope processes on one database take № 2 at once: one commits it, the
        other conflicts and, retried, gets № 3."""
        self.commit_once(RESOLUTION, 2025)
        first, number_1 = self.take(RESOLUTION, 2025)
        # The other process
        with mock.patch.object(numbering, "LOCKS", numbering.ProcessLocks()):
            second, number_2 = self.take(RESOLUTION, 2025)
        self.assertEqual((number_1, number_2), (2, 2))
        first.commit()
        with self.assertRaises(ConflictError):
            second.commit()
        second.abort()
        self.assertEqual(self.commit_once(RESOLUTION, 2025), 3)

    def test_first_numbers_of_one_kind_in_two_processes_conflict(self):
        """R10.16: two processes creating the same counter at once conflict as well, whatever
        exists already: the retried one gets № 2."""

        def race(year):
            first, number_1 = self.take(RESOLUTION, year)
            with mock.patch.object(numbering, "LOCKS", numbering.ProcessLocks()):
                second, number_2 = self.take(RESOLUTION, year)
            self.assertEqual((number_1, number_2), (1, 1))
            first.commit()
            with self.assertRaises(ConflictError):
                second.commit()
            second.abort()
            self.assertEqual(self.commit_once(RESOLUTION, year), 2)

        with self.subTest("the site has no annotations yet"):
            race(2024)  # both set the site's __annotations__
        with self.subTest("the site has annotations but no counters"):
            with self.db.transaction() as connection:
                del IAnnotations(connection.root()["site"])[ANNOTATION_KEY]
            race(2025)  # both insert ANNOTATION_KEY into the annotations
        with self.subTest("counters of other kinds exist"):
            self.commit_once(DECISION, 2026)
            race(2026)  # both insert (kind, year) into the counters

    def test_other_kinds_and_years_do_not_conflict(self):
        """R10.16: numbering resolutions never holds up decisions or other years' resolutions,
        whether their counters exist or are created at the same time."""
        self.commit_once(RESOLUTION, 2025)
        self.commit_once(DECISION, 2025)
        concurrent = [
            self.take(RESOLUTION, 2025),
            self.take(DECISION, 2025),
            self.take(RESOLUTION, 2026),  # new counters, inserted side by side
            self.take(DECISION, 2026),
        ]
        for manager, _number in concurrent:
            manager.commit()
        self.assertEqual([number for _manager, number in concurrent], [2, 2, 1, 1])
        self.assertEqual(self.current(RESOLUTION, 2025), 2)
        self.assertEqual(self.current(DECISION, 2025), 2)
        self.assertEqual(self.current(RESOLUTION, 2026), 1)
        self.assertEqual(self.current(DECISION, 2026), 1)

    def test_aborted_registration_gives_its_number_back(self):
        """R10.16: a registration that fails after taking № 1 leaves no gap: the next gets № 1."""
        manager, number = self.take(RESOLUTION, 2025)
        self.assertEqual(number, 1)
        manager.abort()
        self.assertEqual(self.current(RESOLUTION, 2025), 0)
        self.assertEqual(self.commit_once(RESOLUTION, 2025), 1)

    def register_concurrently(self, take_number):
        """THREADS requests at once, each with its connection and transaction manager, make
        PER_THREAD registrations: take a number with `take_number(root)` and record it in the
        request's registry in the same transaction. Every 7th fails after taking its number
        and aborts. A ConflictError retries the whole registration, as the publisher retries
        a request. Returns the numbers of the committed registrations (as their requests saw
        them), the numbers the registries hold, and the number of conflicts."""
        start = threading.Barrier(THREADS)
        committed, conflicts, errors = [], [], []

        def register(manager, root, thread, index):
            for _attempt in range(RETRIES):
                manager.begin()
                try:
                    number = take_number(root)
                    root[f"registry-{thread}"][index] = number
                    if index % 7 == 6:
                        manager.abort()  # e.g. a validation error after numbering
                        return None
                    manager.commit()
                    return number
                except ConflictError:
                    manager.abort()
                    conflicts.append((thread, index))
            raise AssertionError(
                f"{thread}-{index}: still conflicting after {RETRIES} attempts"
            )

        def request(thread):
            manager = transaction.TransactionManager()
            connection = self.db.open(transaction_manager=manager)
            try:
                start.wait()
                for index in range(PER_THREAD):
                    number = register(manager, connection.root(), thread, index)
                    if number is not None:
                        committed.append(number)
            except BaseException as error:  # reported by the main thread
                errors.append(error)
            finally:
                connection.close()

        workers = [
            threading.Thread(target=request, args=(n,), name=f"request-{n}")
            for n in range(THREADS)
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        self.assertEqual(errors, [])
        with self.db.transaction() as connection:
            recorded = [
                number
                for thread in range(THREADS)
                for number in connection.root()[f"registry-{thread}"].values()
            ]
        return committed, recorded, len(conflicts)

    def assert_gapless(self, committed, recorded):
        total = THREADS * (PER_THREAD - len(range(6, PER_THREAD, 7)))
        self.assertEqual(sorted(committed), list(range(1, total + 1)))
        self.assertEqual(sorted(recorded), list(range(1, total + 1)))
        self.assertEqual(self.current(RESOLUTION, 2025), total)

    def test_concurrent_registrations_get_gapless_unique_numbers(self):
        """R10.16: 8 requests of one process at once × 25 registrations, every 7th failing after
        it took its number: the committed registrations hold exactly № 1…M, each once, the
        counter stands at M, and only the creation of the counter ever conflicts — the others
        waited for their turn and their commits were accepted over the stale view they began with."""
        resolved = []
        resolve = numbering.Counter._p_resolveConflict

        def counting_resolve(counter, *states):
            resolved.append(states)
            return resolve(counter, *states)

        with mock.patch.object(
            numbering.Counter, "_p_resolveConflict", counting_resolve
        ):
            committed, recorded, conflicts = self.register_concurrently(
                lambda root: next_number(RESOLUTION, 2025, root["site"])
            )
        self.assert_gapless(committed, recorded)
        self.assertLess(conflicts, THREADS)
        self.assertTrue(resolved, "the requests never overlapped: nothing was proven")

    def test_concurrent_registrations_of_two_processes_get_gapless_unique_numbers(self):
        """R10.16: the same, with the requests in two processes (two Zope instances on one
        database): they do conflict, are retried whole, and the numbers stay gapless and unique."""
        processes = (numbering.ProcessLocks(), numbering.ProcessLocks())

        def take_number(root):
            process = processes[int(threading.current_thread().name[-1]) % 2]
            with mock.patch.object(numbering, "LOCKS", process):
                return next_number(RESOLUTION, 2025, root["site"])

        committed, recorded, conflicts = self.register_concurrently(take_number)
        self.assert_gapless(committed, recorded)
        self.assertGreater(
            conflicts, 0, "the processes never overlapped: nothing was proven"
        )

    def test_a_length_counter_would_hand_out_duplicates(self):
        """R10.16, the trap avoided: BTrees.Length adds concurrent increments up instead of
        conflicting, so two requests that overlap both commit with the same number."""
        with self.subTest("two requests"):
            numbers, managers = [], []
            for _request in range(2):
                manager, root = self.open()
                root["length"].change(1)
                numbers.append(root["length"]())
                managers.append(manager)
            for manager in managers:
                manager.commit()  # no ConflictError
            self.assertEqual(numbers, [1, 1])
            with self.db.transaction() as connection:
                self.assertEqual(connection.root()["length"](), 2)
        with self.subTest("the scenario of the service's concurrency test"):

            def take_number(root):
                root["length"].change(1)
                return root["length"]()

            committed, recorded, conflicts = self.register_concurrently(take_number)
            self.assertEqual(conflicts, 0)
            self.assertLess(
                len(set(committed)), len(committed), "no duplicates this time"
            )
