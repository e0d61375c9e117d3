"""The polite HTTP client every fetcher shares.

Timeouts; retries with exponential backoff and jitter on timeouts, connection errors and 5xx;
a requests-per-second limit per host; bounded concurrency (callers use threads, the client is
thread-safe); a User-Agent naming ratsinfo; conditional requests; and an allow-list: only the
hosts it was given are ever contacted. Anything else is refused before a connection is made.
"""

from __future__ import annotations

import ipaddress
import os
import random
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from ratsinfo import __version__

USER_AGENT = f"ratsinfo/{__version__} (council information crawler; +https://example.invalid/ratsinfo)"
RETRY_STATUS = {500, 502, 503, 504, 429}


class Refused(Exception):
    """A URL outside the allow-list (another host, a private or link-local address)."""


class FetchFailed(Exception):
    """Retries exhausted, or an answer that is not worth retrying (4xx)."""

    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        super().__init__(f"{url}: {reason}")
        self.url, self.reason, self.status = url, reason, status


@dataclass
class Response:
    url: str
    status: int
    content: bytes
    headers: dict[str, str]
    elapsed: float

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class _Bucket:
    """Requests-per-second limit for one host."""

    def __init__(self, rps: float) -> None:
        self.interval = 1.0 / rps if rps > 0 else 0.0
        self.next_at = 0.0
        self.lock = threading.Lock()

    def wait(self) -> None:
        if not self.interval:
            return
        with self.lock:
            now = time.monotonic()
            at = max(now, self.next_at)
            self.next_at = at + self.interval
        if at > now:
            time.sleep(at - now)


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return (parts.hostname or "").lower() + (f":{parts.port}" if parts.port else "")


@dataclass
class PoliteClient:
    allowed_hosts: set[str]
    max_rps: float = 5.0
    timeout: float = 30.0
    retries: int = 4
    # seconds before the first retry, doubling after; RATSINFO_RETRY_BACKOFF shortens it (tests, local mirrors)
    backoff: float = field(default_factory=lambda: float(os.environ.get("RATSINFO_RETRY_BACKOFF", "0.5")))
    max_bytes: int = 200 * 1024 * 1024
    requested: list[str] = field(default_factory=list)  # every URL actually sent, for audits and tests
    _buckets: dict[str, _Bucket] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.allowed_hosts = {h.lower() for h in self.allowed_hosts}
        self._client = httpx.Client(timeout=self.timeout, follow_redirects=False,
                                    headers={"User-Agent": USER_AGENT, "Accept": "application/json, */*"},
                                    limits=httpx.Limits(max_connections=32, max_keepalive_connections=16))

    def close(self) -> None:
        self._client.close()

    def check(self, url: str) -> None:
        """Refuse anything but http(s) on an allowed host; private and link-local literals never pass."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise Refused(f"{url}: only http and https are fetched")
        host = host_of(url)
        if host not in self.allowed_hosts and (parts.hostname or "").lower() not in self.allowed_hosts:
            allowed = ", ".join(sorted(self.allowed_hosts))
            raise Refused(f"{url}: host {host or '?'} is not allowed (allowed: {allowed}; "
                          "add --allow-host to trust it)")
        try:
            ip = ipaddress.ip_address(parts.hostname or "")
        except ValueError:
            return
        if (ip.is_link_local or ip.is_multicast or ip.is_unspecified) and host not in self.allowed_hosts:
            raise Refused(f"{url}: link-local or special address refused")

    def _bucket(self, host: str) -> _Bucket:
        with self._lock:
            if host not in self._buckets:
                self._buckets[host] = _Bucket(self.max_rps)
            return self._buckets[host]

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            params: dict[str, str] | None = None) -> Response:
        """GET with retries; follows redirects only within the allow-list."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        current = url
        redirects = 0
        while True:
            self.check(current)
            self._bucket(host_of(current)).wait()
            with self._lock:
                self.requested.append(current)
            started = time.monotonic()
            try:
                with self._client.stream("GET", current, headers=headers, params=params) as r:
                    if r.status_code in (301, 302, 303, 307, 308) and "location" in r.headers and redirects < 5:
                        current = str(httpx.URL(current).join(r.headers["location"]))
                        params = None
                        redirects += 1
                        continue
                    body = bytearray()
                    for chunk in r.iter_bytes():
                        body.extend(chunk)
                        if len(body) > self.max_bytes:
                            raise FetchFailed(url, f"larger than {self.max_bytes} bytes; skipped")
                    status = r.status_code
                    resp_headers = {k.lower(): v for k, v in r.headers.items()}
            except (httpx.TimeoutException, httpx.TransportError) as exc:
                if attempt >= self.retries:
                    raise FetchFailed(url, f"{type(exc).__name__} after {attempt + 1} tries") from exc
                self._sleep(attempt)
                attempt += 1
                continue
            if status in RETRY_STATUS and attempt < self.retries:
                self._sleep(attempt, resp_headers.get("retry-after"))
                attempt += 1
                continue
            return Response(str(current), status, bytes(body), resp_headers, time.monotonic() - started)

    def _sleep(self, attempt: int, retry_after: str | None = None) -> None:
        delay = self.backoff * (2 ** attempt) * (0.5 + random.random())
        if retry_after and retry_after.isdigit():
            delay = max(delay, min(float(retry_after), 60.0))
        time.sleep(delay)
