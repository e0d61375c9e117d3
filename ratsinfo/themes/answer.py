"""Turn the rows of the ``themes`` query into the grouped German answer a journalist can quote.

"11 Sitzungen; Schwerpunkte: Verkehrsflächen und -anlagen, ÖPNV 31 Tagesordnungspunkte in 9 Sitzungen
(z. B. „Radweg Hauptstraße“), Räumliche Planung und Entwicklung 24 in 8 (z. B. …); dazu 40 Verfahrenspunkte"
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Example:
    title: str
    source: str | None


@dataclass(frozen=True)
class ThemeCount:
    code: str
    label: str
    items: int
    sessions: int
    examples: tuple[Example, ...]


@dataclass
class OrganizationThemes:
    """The themes of one organization in one year, the largest first."""

    organization: str
    year: int | None
    sessions: int
    procedural_items: int = 0
    unclassified_items: int = 0
    themes: list[ThemeCount] = field(default_factory=list)

    def sources(self) -> list[str]:
        """Every source behind the examples, in order of appearance, once each."""
        seen = dict.fromkeys(e.source for t in self.themes for e in t.examples if e.source)
        return list(seen)


def group(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[OrganizationThemes]:
    """Rows of the ``themes`` query, grouped per organization, in the query's order."""
    out: dict[str, OrganizationThemes] = {}
    for raw in rows:
        r = dict(zip(columns, raw, strict=True))
        org = out.setdefault(
            r["organization"],
            OrganizationThemes(r["organization"], r.get("year"), int(r["sessions_total"] or 0),
                               int(r.get("procedural_items") or 0), int(r.get("unclassified_items") or 0)),
        )
        examples = tuple(Example(e["title"], e.get("source")) for e in (r.get("examples") or []))
        org.themes.append(ThemeCount(r["theme"], r["label"], int(r["items"]), int(r["sessions"]), examples))
    return list(out.values())


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _example(theme: ThemeCount) -> str:
    return f" (z. B. „{theme.examples[0].title}“)" if theme.examples else ""


def sentence(org: OrganizationThemes, top: int = 5, sessions: int | None = None) -> str:
    """One line: the number of sessions, then the ``top`` themes with items, sessions and an example.

    ``sessions`` replaces the count of meetings on record when the caller knows better (a count stated
    in a report). Procedural items are named at the end, apart from the themes.
    """
    n = org.sessions if sessions is None else sessions
    head = _n(n, "Sitzung", "Sitzungen")
    parts = []
    for i, t in enumerate(org.themes[:top]):
        if i == 0:
            items = _n(t.items, "Tagesordnungspunkt", "Tagesordnungspunkte")
            counts = f"{items} in {_n(t.sessions, 'Sitzung', 'Sitzungen')}"
        else:
            counts = f"{t.items} in {t.sessions}"
        parts.append(f"{t.label} {counts}{_example(t)}")
    text = f"{head}; Schwerpunkte: {', '.join(parts)}" if parts else f"{head}; keine Themen erkannt"
    rest = len(org.themes) - top
    if rest > 0:
        text += f", {_n(rest, 'weiteres Thema', 'weitere Themen')}"
    if org.procedural_items:
        text += f"; dazu {_n(org.procedural_items, 'Verfahrenspunkt', 'Verfahrenspunkte')}"
    return text


def answer(columns: Sequence[str], rows: Sequence[Sequence[Any]], top: int = 5) -> str:
    """The grouped answer for every organization in the rows, one paragraph each, sources listed below."""
    paragraphs = []
    for org in group(columns, rows):
        year = f" {org.year}" if org.year else ""
        lines = [f"{org.organization}{year}: {sentence(org, top)}"]
        lines.extend(f"  Quelle: {s}" for s in org.sources())
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs) if paragraphs else "Keine Tagesordnungspunkte mit Thema gefunden."
