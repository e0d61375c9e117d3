"""What the OParl and ALLRIS crawlers share: a guarded GET that reports instead of raising, and
the raw-store record of every answer (a `document` row with its validators)."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ratsinfo.errors import printable
from ratsinfo.ingest.http import FetchFailed, PoliteClient, Refused, Response
from ratsinfo.ingest.rawstore import RawStore
from ratsinfo.model import Document
from ratsinfo.parsers import PARSER_VERSION

if TYPE_CHECKING:
    from ratsinfo.warehouse.state import State


@dataclass
class Fetcher:
    state: State  # read-only: what earlier runs stored
    store: RawStore
    client: PoliteClient
    run: Any  # warehouse.runs.Run: errors and notes, written by the loading thread
    source_key: str
    documents: list[Document] = field(default_factory=list, kw_only=True)
    stats: Counter = field(default_factory=Counter, kw_only=True)
    _lock: threading.Lock = field(default_factory=threading.Lock, kw_only=True)

    def get(self, url: str, what: str, **validators: str | None) -> Response | None:
        """The answer, or None with a run_error naming the URL and the reason."""
        left = self.client.time_left()
        if left is not None and left <= 0:
            with self._lock:
                self.stats["skipped_for_time"] += 1
                first = self.stats["skipped_for_time"] == 1
            if first:
                self.run.error(url, "fetch", f"{what}: the time budget is used up; this and further requests "
                               "are left for the next run")
            return None
        try:
            resp = self.client.get(url, **validators)
        except Refused as exc:
            self.run.error(printable(url), "fetch", f"{what}: refused, {exc}")
            return None
        except FetchFailed as exc:
            self.run.error(printable(url), "fetch", f"{what}: {exc.reason}; run again later")
            return None
        with self._lock:
            self.stats["requests"] += 1
        return resp

    def _keep(self, url: str, data: bytes, status: int, headers: dict[str, str], kind: str,
              encoding: str | None = None, parse_status: str | None = None, error: str | None = None) -> str:
        """Store the bytes and record the document; returns their sha256."""
        sha = self.store.put(data)
        doc = Document(key=f"{url}#{sha[:16]}", source_key=self.source_key, url=url, origin=url, sha256=sha,
                       size=len(data), content_type=headers.get("content-type", ""), kind=kind, encoding=encoding,
                       fetched_at=datetime.now().replace(microsecond=0), http_status=status, etag=headers.get("etag"),
                       last_modified=headers.get("last-modified"),
                       parse_status=parse_status or ("ok" if status < 400 else "failed"), parse_error=error,
                       parser_version=PARSER_VERSION)
        with self._lock:
            self.documents.append(doc)
        return sha

    def take_documents(self) -> list[Document]:
        """The documents recorded since the last call: loaded with the records they gave."""
        with self._lock:
            docs, self.documents = self.documents, []
        return docs
