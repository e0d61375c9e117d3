"""A watch (what someone follows) and an item (one paper or meeting that something happened to)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

KINDS = ("search", "body", "paper")


@dataclass
class Watch:
    id: int
    kind: str  # search | body | paper
    label: str | None = None
    words: str | None = None
    council: str | None = None
    body: str | None = None
    paper_type: str | None = None
    faction: str | None = None
    paper_key: str | None = None
    after_run: int = 0
    created_at: datetime | None = None
    recipients: list[str] = field(default_factory=list)

    @classmethod
    def from_row(cls, row: tuple) -> Watch:
        return cls(*row[:11], recipients=list(row[11] or []))

    @property
    def title(self) -> str:
        """How the digest and `watch list` name it."""
        if self.label:
            return self.label
        what = {"search": self.words, "body": self.body, "paper": self.paper_key}[self.kind] or ""
        filters = [f"{k} {v}" for k, v in (("Rat", self.council), ("Gremium", self.body if self.kind == "search"
                                                                                 else None),
                                            ("Art", self.paper_type), ("Fraktion", self.faction)) if v]
        return what + (f" ({', '.join(filters)})" if filters else "")


@dataclass
class Item:
    """One paper or meeting of a watch and what happened to it in the runs looked at."""

    watch_id: int
    subject: str  # paper or meeting key
    kind: str  # paper | meeting
    title: str
    happened: list[str]
    link: str | None
    ids: list[str]  # change items it stands for: "run/table/key/event"
    run_id: int  # the latest run that contributed
