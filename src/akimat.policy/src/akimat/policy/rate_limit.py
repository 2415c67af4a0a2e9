"""Counting recent events per key in memory: submissions of the public appeal form per address,
failed log-ins per login and per address.

In memory on purpose: a count must survive the request that aborts its transaction (a refused
log-in over basic auth ends in Unauthorized), and it costs no ZODB write per attempt. Each Zope
process counts on its own and forgets on restart.
"""

from collections import OrderedDict
from threading import Lock
from time import time


class RateLimit:
    """At most `limit` events of one key within `window` seconds: the moments of at most
    `capacity` keys, the least recently seen forgotten first. A caller whose limit and window
    are settings passes them to each call."""

    def __init__(self, limit=None, window=None, capacity=10000):
        self.limit, self.window, self.capacity = limit, window, capacity
        self._moments = OrderedDict()
        self._lock = Lock()

    def _recent(self, key, now, window):
        return [
            moment for moment in self._moments.get(key, ()) if now - moment < window
        ]

    def allowed(self, key, limit=None, window=None):
        with self._lock:
            return len(self._recent(key, time(), window or self.window)) < (
                limit or self.limit
            )

    def record(self, key, window=None):
        now = time()
        with self._lock:
            self._moments[key] = self._recent(key, now, window or self.window) + [now]
            self._moments.move_to_end(key)
            while len(self._moments) > self.capacity:
                self._moments.popitem(last=False)

    def forget(self, key):
        with self._lock:
            self._moments.pop(key, None)

    def clear(self):
        with self._lock:
            self._moments.clear()
