"""Deliver the digests: SMTP when a host is configured, else one ``.eml`` file per message in a folder.

What is guaranteed (each item of the change log, per recipient and watch):
- A send that fails visibly (refused connection, SMTP error, full disk) is recorded as failed and
  its items go out again with the next run: nothing is lost.
- Before a message leaves, its items are recorded (committed) as ``sending`` under its Message-ID;
  after it left, as ``sent``. A process killed in between leaves ``sending`` rows: for the ``.eml``
  folder the next run looks whether the file is there and settles them (exactly once); for SMTP it
  cannot know whether the server took the message, so it does NOT send again (at most once) and
  reports the message as unsure. ``ratsinfo watch run --resend-unsure`` sends such items again; the
  new message has the same Message-ID when it carries the same items, so mail clients and archives
  recognise the duplicate.
"""

from __future__ import annotations

import contextlib
import os
import smtplib
import ssl
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol

import duckdb

from ratsinfo.warehouse import watches as wh
from ratsinfo.watches.digest import Digest, render
from ratsinfo.watches.matching import Context, items_for
from ratsinfo.watches.model import Item, Watch
from ratsinfo.watches.settings import MailSettings
from ratsinfo.watches.words import count

WINDOW_DAYS = 30  # runs older than this are not looked at without --since: old news, and a bounded cost


class Transport(Protocol):
    def send(self, msg: EmailMessage, address: str) -> None: ...

    def arrived(self, message_id: str) -> bool | None:
        """Whether a message left earlier arrived: True, False, or None when it cannot tell."""


class SmtpTransport:
    def __init__(self, s: MailSettings, timeout: float = 30.0) -> None:
        self.s = s
        self.timeout = timeout

    def send(self, msg: EmailMessage, address: str) -> None:
        with smtplib.SMTP(self.s.host or "", self.s.smtp_port, timeout=self.timeout) as smtp:
            if self.s.starttls:
                smtp.starttls(context=ssl.create_default_context())
            if self.s.user:
                smtp.login(self.s.user, self.s.password or "")
            smtp.send_message(msg, from_addr=self.s.sender, to_addrs=[address])

    def arrived(self, message_id: str) -> bool | None:
        return None


class EmlTransport:
    """One file per message, named after its Message-ID, written whole or not at all."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def path(self, message_id: str) -> Path:
        return self.folder / (message_id.strip("<>").replace("/", "_") + ".eml")

    def send(self, msg: EmailMessage, address: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.path(msg["Message-ID"])
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(bytes(msg))
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)

    def arrived(self, message_id: str) -> bool | None:
        return self.path(message_id).exists()


def transport_for(s: MailSettings) -> Transport:
    return SmtpTransport(s) if s.host else EmlTransport(s.outbox or Path("outbox"))


@dataclass
class Report:
    sent: list[Digest] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (address, reason)
    unsure: list[tuple[str, str, int]] = field(default_factory=list)  # (address, message_id, items)
    settled: int = 0

    def lines(self) -> list[str]:
        out = [f"{d.address}: {count(d.count, 'Neuigkeit', 'Neuigkeiten')} gesendet ({d.message_id})"
               for d in self.sent]
        out += [f"{a}: nicht gesendet, wird beim nächsten Lauf wiederholt: {r}" for a, r in self.failed]
        out += [f"{a}: unsicher, ob die Nachricht {m} ({n} Änderungen) ankam; "
                "'ratsinfo watch run --resend-unsure' sendet sie noch einmal" for a, m, n in self.unsure]
        return out


def _settle_unsure(con: duckdb.DuckDBPyConnection, transport: Transport, resend: bool, report: Report) -> None:
    for address, mid, n in wh.unsure(con):
        arrived = transport.arrived(mid)
        if arrived is None and not resend:
            report.unsure.append((address, mid, n))
            continue
        wh.settle(con, address, mid, "sent" if arrived else "failed")
        report.settled += n


def pending(con: duckdb.DuckDBPyConnection, since: datetime | None, web_base: str | None
            ) -> dict[str, list[tuple[Watch, list[Item]]]]:
    """Per address, the items of its watches that were neither sent nor possibly sent to it."""
    all_watches = [Watch.from_row(r) for r in wh.watches(con)]
    if not all_watches:
        return {}
    runs = wh.runs_after(con, min(w.after_run for w in all_watches), since)
    ctx = Context(con, runs, web_base)
    out: dict[str, list[tuple[Watch, list[Item]]]] = {}
    done_by: dict[str, dict] = {}
    for w in all_watches:
        for address in w.recipients:
            done = done_by.setdefault(address, wh.deliveries(con, address))

            def skip(item_id: str, w: Watch = w, done: dict = done) -> bool:
                return done.get((w.id, item_id), ("failed",))[0] != "failed"

            fresh = items_for(ctx, w, skip)
            if fresh:
                out.setdefault(address, []).append((w, fresh))
    return out


def deliver(con: duckdb.DuckDBPyConnection, s: MailSettings, *, since: datetime | None = None,
            resend_unsure: bool = False, transport: Transport | None = None) -> Report:
    """Send every recipient one digest of what is new for it; never raises for a failed send."""
    transport = transport or transport_for(s)
    report = Report()
    _settle_unsure(con, transport, resend_unsure, report)
    since = since or datetime.now() - timedelta(days=WINDOW_DAYS)
    for address, groups in sorted(pending(con, since, s.web_base).items()):
        digest = render(address, groups, s.sender)
        wh.record(con, address, digest.items, digest.message_id, "sending")
        try:
            transport.send(digest.message(s.sender), address)
        except (OSError, smtplib.SMTPException) as exc:
            reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
            with contextlib.suppress(duckdb.Error):
                wh.record(con, address, digest.items, digest.message_id, "failed", reason)
            report.failed.append((address, reason))
            continue
        wh.record(con, address, digest.items, digest.message_id, "sent")
        report.sent.append(digest)
    return report
