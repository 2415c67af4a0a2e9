"""The in-memory count of recent events per key behind the appeal form's limit and the log-in
throttle."""

from akimat.policy.rate_limit import RateLimit
from unittest import mock

import unittest


class TestRateLimit(unittest.TestCase):
    def setUp(self):
        self.now = 1000.0
        patcher = mock.patch("akimat.policy.rate_limit.time", lambda: self.now)
        patcher.start()
        self.addCleanup(patcher.stop)

    def test_limit_within_the_window(self):
        limit = RateLimit(limit=2, window=60)
        limit.record("a")
        self.assertTrue(limit.allowed("a"))
        limit.record("a")
        self.assertFalse(limit.allowed("a"))
        self.assertTrue(limit.allowed("b"))
        self.now += 60
        self.assertTrue(limit.allowed("a"))

    def test_limit_and_window_given_by_the_caller(self):
        limit = RateLimit()
        limit.record("a", window=10)
        self.assertFalse(limit.allowed("a", limit=1, window=10))
        self.assertTrue(limit.allowed("a", limit=2, window=10))
        self.now += 10
        self.assertTrue(limit.allowed("a", limit=1, window=10))

    def test_forget_one_key(self):
        limit = RateLimit(limit=1, window=60)
        limit.record("a")
        limit.record("b")
        limit.forget("a")
        self.assertTrue(limit.allowed("a"))
        self.assertFalse(limit.allowed("b"))

    def test_least_recent_keys_forgotten_beyond_capacity(self):
        limit = RateLimit(limit=1, window=60, capacity=2)
        for key in ("a", "b", "c"):
            limit.record(key)
        self.assertTrue(limit.allowed("a"))
        self.assertFalse(limit.allowed("c"))
