"""The polite HTTP client every fetcher shares.

Timeouts; retries with exponential backoff and jitter on timeouts, connection errors and 5xx;
a requests-per-second limit per host; bounded concurrency (callers use threads, the client is
thread-safe); a User-Agent naming ratsinfo; conditional requests; and an allow-list: only the
hosts it was given are ever contacted. Anything else is refused before a connection is made.

Against hostile servers: every request has a total deadline (headers and body, not per read)
and a minimum transfer rate; the client as a whole may have a time budget (per source or run);
compressed bodies are inflated in bounded steps, so a gzip bomb stops at ``max_bytes``; and
the address a connection actually reached is checked before a byte is sent, so a host name
that resolves to a private, loopback or link-local address is refused unless that host was
allowed such addresses explicitly (``private_hosts``; literal addresses one names are).
"""

from __future__ import annotations

import contextlib
import functools
import ipaddress
import os
import random
import re
import threading
import time
import zlib
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import urlsplit

import httpcore
import httpx

from ratsinfo import __version__
from ratsinfo.errors import printable

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


class HostGate(Protocol):
    """Politeness shared beyond one client: ``hold(host)`` returns once a request to ``host`` may go
    (its rate and concurrency budget allow it) and keeps the slot until the context ends. Several
    sources on one host, crawled by several processes, share one gate (ratsinfo/scale/politeness.py)."""

    def hold(self, host: str) -> contextlib.AbstractContextManager[None]: ...


@dataclass(frozen=True)
class Limits:
    """Deadlines against servers that answer too slowly or never stop answering."""

    total_timeout: float = 300.0  # one request, headers and body together (each try)
    min_rate: float = 1024.0  # bytes per second, averaged, once rate_grace seconds have passed
    rate_grace: float = 20.0
    budget: float | None = None  # seconds for everything one client does: a source's (or what is left of a run's)
    max_bytes: int = 200 * 1024 * 1024  # one body, after inflation


DEFAULT_LIMITS = Limits()


def host_of(url: str) -> str:
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:  # a port out of range or not a number: the host alone, check() refuses the URL
        port = None
    return (parts.hostname or "").lower() + (f":{port}" if port else "")


_URL_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _literal(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def internal_address(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Private, loopback, link-local, multicast, reserved or unspecified: not the open internet."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_unspecified
            or ip.is_reserved)


class _Deadlines(threading.local):
    """The deadline of the request the current thread is making (monotonic seconds), if any."""

    at: float | None = None

    def clamp(self, timeout: float | None) -> float | None:
        if self.at is None:
            return timeout
        left = self.at - time.monotonic()
        if left <= 0:
            raise httpcore.ReadTimeout("the request's total deadline passed")
        return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write waits no longer than the request's deadline."""

    def __init__(self, inner: httpcore.NetworkStream, deadlines: _Deadlines) -> None:
        self.inner, self.deadlines = inner, deadlines

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.inner.read(max_bytes, self.deadlines.clamp(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.inner.write(buffer, self.deadlines.clamp(timeout))

    def close(self) -> None:
        self.inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _DeadlineStream(self.inner.start_tls(ssl_context, server_hostname, self.deadlines.clamp(timeout)),
                               self.deadlines)

    def get_extra_info(self, info: str) -> Any:
        return self.inner.get_extra_info(info)


class _GuardedBackend(httpcore.NetworkBackend):
    """Connects as usual, then checks the address reached (after DNS, so a name cannot smuggle a
    private address past the allow-list) before anything is sent; bounds every wait by the deadline."""

    def __init__(self, client: PoliteClient) -> None:
        self.inner = httpcore.SyncBackend()
        self.client = client

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Any = None) -> httpcore.NetworkStream:
        deadlines = self.client._deadlines
        stream = self.inner.connect_tcp(host, port, deadlines.clamp(timeout), local_address, socket_options)
        try:
            peer = stream.get_extra_info("server_addr")
            ip = ipaddress.ip_address(peer[0].split("%", 1)[0])
            self.client.check_address(host, port, ip)
        except BaseException:
            stream.close()
            raise
        return _DeadlineStream(stream, deadlines)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Any = None) -> httpcore.NetworkStream:  # pragma: no cover
        raise Refused(f"{path}: unix sockets are never connected to")

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


@dataclass
class _Failed:
    """A request that failed in transport; ``trickle``: it used its whole deadline."""

    exc: BaseException
    total: float
    trickle: bool


@functools.cache
def _tls() -> Any:
    """One verifying TLS context per process, as httpx makes it (certifi, or SSL_CERT_FILE/DIR): reading the
    certificate bundle costs about 50 ms, once per client otherwise, and a crawl of many councils makes many
    clients. A context is safe to share between clients and threads."""
    return httpx.create_ssl_context()


@dataclass
class PoliteClient:
    allowed_hosts: set[str]
    max_rps: float = 5.0
    timeout: float = 30.0
    retries: int = 4
    # seconds before the first retry, doubling after; RATSINFO_RETRY_BACKOFF shortens it (tests, local mirrors)
    backoff: float = field(default_factory=lambda: float(os.environ.get("RATSINFO_RETRY_BACKOFF", "0.5")))
    max_bytes: int | None = None  # the limits' max_bytes when not given
    limits: Limits | None = None  # deadlines; DEFAULT_LIMITS when not given
    private_hosts: set[str] | None = None  # hosts that may resolve to internal addresses; None: literal ones given
    requested: list[str] = field(default_factory=list)  # every URL actually sent, for audits and tests
    gate: HostGate | None = None  # a shared budget per host; None: this client's own rate limit per host
    _buckets: dict[str, _Bucket] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.allowed_hosts = {h.lower() for h in self.allowed_hosts}
        if self.private_hosts is None:
            self.private_hosts = {h for h in self.allowed_hosts
                                  if _literal(h) or (":" in h and _literal(h.rsplit(":", 1)[0]))}
        self.private_hosts = {h.lower() for h in self.private_hosts}
        self.limits = self.limits or DEFAULT_LIMITS
        self.max_bytes = self.max_bytes or self.limits.max_bytes
        self.ends_at = time.monotonic() + self.limits.budget if self.limits.budget is not None else None
        self._deadlines = _Deadlines()
        transport = httpx.HTTPTransport(verify=_tls(),
                                        limits=httpx.Limits(max_connections=32, max_keepalive_connections=16))
        transport._pool._network_backend = _GuardedBackend(self)  # httpx has no public hook for the backend
        self._client = httpx.Client(timeout=self.timeout, follow_redirects=False, transport=transport,
                                    headers={"User-Agent": USER_AGENT, "Accept": "application/json, */*",
                                             "Accept-Encoding": "gzip, deflate"})

    def close(self) -> None:
        self._client.close()

    def check(self, url: str) -> None:
        """Refuse anything but http(s) on an allowed host; private and link-local literals never pass."""
        shown = printable(url)[:300]
        if _URL_CONTROL.search(url):
            raise Refused(f"{shown}: a URL with control characters is not fetched")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise Refused(f"{shown}: only http and https are fetched")
        try:
            parts.port  # noqa: B018 - raises on a port that is out of range or no number
        except ValueError as exc:
            raise Refused(f"{shown}: not a valid URL ({exc})") from exc
        url = shown
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

    def check_address(self, host: str, port: int, ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> None:
        """Refuse a connection that reached an internal address, unless its host may (see private_hosts)."""
        if not internal_address(ip):
            return
        assert self.private_hosts is not None
        name = host.lower()
        if name in self.private_hosts or f"{name}:{port}" in self.private_hosts:
            return
        raise Refused(f"{printable(host)}:{port} resolves to the internal address {ip}; refused (allow it "
                      "explicitly as a private host if that is meant)")

    def time_left(self) -> float | None:
        return None if self.ends_at is None else self.ends_at - time.monotonic()

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
            left = self.time_left()
            if left is not None and left <= 0:
                raise FetchFailed(url, "the time budget of this source or run is used up; the rest is read next time")
            slot: contextlib.AbstractContextManager[None] = contextlib.nullcontext()
            if self.gate is None:
                self._bucket(host_of(current)).wait()
            else:
                slot = self.gate.hold(host_of(current))
            with slot:
                response = self._try(url, current, headers, params, left, redirects)
            if isinstance(response, str):  # a redirect within the allow-list
                current, params = response, None
                redirects += 1
                continue
            if isinstance(response, _Failed):
                if response.trickle:  # a trickle, not a hiccup: not retried
                    raise FetchFailed(url, f"no complete answer within {response.total:g} s (a server that "
                                      "sends too slowly); stopped") from response.exc
                if attempt >= self.retries or (self.time_left() or 1) <= 0:
                    raise FetchFailed(url, f"{type(response.exc).__name__} after {attempt + 1} tries") \
                        from response.exc
                self._sleep(attempt)
                attempt += 1
                continue
            if response.status in RETRY_STATUS and attempt < self.retries:
                self._sleep(attempt, response.headers.get("retry-after"))
                attempt += 1
                continue
            return response

    def _try(self, url: str, current: str, headers: dict[str, str], params: dict[str, str] | None,
             left: float | None, redirects: int) -> Response | str | _Failed:
        """One request: the response, the next URL of a redirect, or the transport failure."""
        with self._lock:
            self.requested.append(current)
        started = time.monotonic()
        assert self.limits is not None
        total = self.limits.total_timeout if left is None else min(self.limits.total_timeout, left)
        self._deadlines.at = started + total
        try:
            with self._client.stream("GET", current, headers=headers, params=params) as r:
                if r.status_code in (301, 302, 303, 307, 308) and "location" in r.headers and redirects < 5:
                    return str(httpx.URL(current).join(r.headers["location"]))
                body = self._read_body(url, r, started)
                resp_headers = {k.lower(): v for k, v in r.headers.items()}
                return Response(str(current), r.status_code, body, resp_headers, time.monotonic() - started)
        except (httpx.TimeoutException, httpx.TransportError) as exc:
            return _Failed(exc, total, time.monotonic() - started >= total - 0.01)
        except (httpx.InvalidURL, httpx.UnsupportedProtocol, UnicodeError, ValueError) as exc:
            raise Refused(f"{printable(current)[:300]}: not a valid URL ({type(exc).__name__})") from exc
        finally:
            self._deadlines.at = None

    def _read_body(self, url: str, r: httpx.Response, started: float) -> bytes:
        """The body, inflated in bounded steps; FetchFailed beyond max_bytes or below the minimum rate."""
        encoding = r.headers.get("content-encoding", "").strip().lower()
        if encoding in ("gzip", "x-gzip"):
            inflate: Any = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            inflate = zlib.decompressobj(zlib.MAX_WBITS)
        elif encoding in ("", "identity"):
            inflate = None
        else:
            raise FetchFailed(url, f"content encoding {printable(encoding)[:40]!r} was not asked for; skipped")
        body = bytearray()
        received = 0
        step = 1024 * 1024
        for chunk in r.iter_raw():
            received += len(chunk)
            if inflate is None:
                body.extend(chunk)
            else:
                try:
                    data = chunk
                    while data:
                        body.extend(inflate.decompress(data, step))
                        data = inflate.unconsumed_tail
                        if len(body) > self.max_bytes:
                            break
                except zlib.error as exc:
                    raise FetchFailed(url, f"a {encoding} body that does not inflate ({exc}); skipped") from exc
            if len(body) > self.max_bytes:
                raise FetchFailed(url, f"larger than {self.max_bytes} bytes; skipped")
            elapsed = time.monotonic() - started
            limits = self.limits or DEFAULT_LIMITS
            if elapsed > limits.rate_grace and received / elapsed < limits.min_rate:
                raise FetchFailed(url, f"the server sends {received / elapsed:.0f} bytes per second, less than "
                                  f"{limits.min_rate:g}; stopped")
        if inflate is not None:
            body.extend(inflate.flush())
        return bytes(body)

    def _sleep(self, attempt: int, retry_after: str | None = None) -> None:
        delay = self.backoff * (2 ** attempt) * (0.5 + random.random())
        if retry_after and retry_after.isdigit():
            delay = max(delay, min(float(retry_after), 60.0))
        time.sleep(delay)
