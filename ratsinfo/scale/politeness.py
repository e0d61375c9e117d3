"""A host's request budget, held across every worker of a Dask cluster.

Several councils share one host (26 on one SD.NET host), and their crawls run in different worker
processes, so a per-process rate limit would multiply the load by the number of workers. The engine's
own primitives hold the budget instead, all kept by the scheduler: a ``distributed.Semaphore`` per
host bounds the requests in flight, and ``SchedulerRates`` hands out send times per host, ``1 /
max_rps`` apart (a token bucket without burst): a ``distributed.Variable`` per host holds its next free
send time, read and moved on under the host's ``distributed.Lock``. (An actor would do the same in
one place, but it dies with the worker it lives on, and every crawl waiting on it waits for ever.)
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

DEFAULT_RPS = 2.0
DEFAULT_CONCURRENCY = 2


class HostRates:
    """The next free send time of every host, in one process (what SchedulerRates keeps on the scheduler)."""

    def __init__(self, rates: dict[str, float], default: float = DEFAULT_RPS) -> None:
        self.rates, self.default = rates, default
        self.next_at: dict[str, float] = {}
        self.granted: dict[str, int] = {}

    def reserve(self, host: str) -> float:
        """The wall-clock time at which one more request to ``host`` may be sent."""
        interval = 1.0 / self.rates.get(host, self.default)
        now = time.time()
        at = max(now, self.next_at.get(host, 0.0))
        self.next_at[host] = at + interval
        self.granted[host] = self.granted.get(host, 0) + 1
        return at

    def counts(self) -> dict[str, int]:
        return dict(self.granted)


class SchedulerRates:
    """The next free send time of every host, kept on the scheduler; pickled into each crawl task.

    Send times come from the clock of the worker that asks: on a cluster the machines' clocks must agree
    (NTP) to well under ``1 / max_rps``."""

    def __init__(self, rates: dict[str, float], default: float = DEFAULT_RPS) -> None:
        self.rates, self.default = rates, default
        self._held: dict[str, tuple[Any, Any]] = {}
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        return {"rates": self.rates, "default": self.default}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(**state)  # type: ignore[misc]

    def _of(self, host: str) -> tuple[Any, Any]:
        from distributed import Lock, Variable

        with self._lock:
            if host not in self._held:
                self._held[host] = (Lock(f"ratsinfo-rate-{host}"), Variable(f"ratsinfo-next-{host}"))
            return self._held[host]

    def reserve(self, host: str) -> float:
        """The wall-clock time at which one more request to ``host`` may be sent."""
        interval = 1.0 / self.rates.get(host, self.default)
        lock, variable = self._of(host)
        with lock:
            try:
                next_at = float(variable.get(timeout=0.05))
            except TimeoutError:  # the host's first request
                next_at = 0.0
            at = max(time.time(), next_at)
            variable.set(at + interval)
        return at


@dataclass
class ClusterGate:
    """The ``HostGate`` a worker's polite clients share; pickled into each crawl task."""

    rates: Any  # SchedulerRates (or anything with reserve(host) -> send time, e.g. a HostRates)
    concurrency: dict[str, int]
    default_concurrency: int = DEFAULT_CONCURRENCY
    _semaphores: dict[str, Any] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __getstate__(self) -> dict[str, Any]:
        return {"rates": self.rates, "concurrency": self.concurrency, "default_concurrency": self.default_concurrency}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(**state)  # type: ignore[misc]

    def open(self) -> None:
        """Make the hosts' semaphores in the task's own thread, where the worker's client is found."""
        for host in self.concurrency:
            self._semaphore(host)

    def _semaphore(self, host: str) -> Any:
        from distributed import Semaphore

        with self._lock:
            if host not in self._semaphores:
                leases = self.concurrency.get(host, self.default_concurrency)
                self._semaphores[host] = Semaphore(max_leases=leases, name=f"ratsinfo-host-{host}")
            return self._semaphores[host]

    @contextmanager
    def hold(self, host: str) -> Iterator[None]:
        with self._semaphore(host):
            at = self.rates.reserve(host)
            delay = at - time.time()
            if delay > 0:
                time.sleep(delay)
            yield
