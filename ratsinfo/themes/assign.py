"""Themes for the loader: one call per batch of papers or agenda items, keyed by record key.

An agenda item borrows its paper's title, type, lead office and text; the body's name (the
organization of the meeting) tips terse titles. Works on ``ratsinfo.model`` records or anything with
the same attribute names.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ratsinfo.themes.classify import classify_many
from ratsinfo.themes.codes import Theme


def paper_themes(papers: Iterable[Any]) -> dict[str, Theme]:
    """Theme of each paper from its title (or reference), type, lead office ("Federführend") and text."""
    papers = list(papers)
    themes = classify_many(
        [(p.name or p.reference, None, p.paper_type, p.under_direction_of, p.text) for p in papers])
    return {p.key: t for p, t in zip(papers, themes, strict=True)}


def item_themes(items: Iterable[Any], papers: Mapping[str, Any] | None = None,
                bodies: Mapping[str, str] | None = None) -> dict[str, Theme]:
    """Theme of each agenda item; ``papers`` by key (for the item's paper), ``bodies`` maps a meeting key to
    the name of the organization that met."""
    items = list(items)
    papers = papers or {}
    bodies = bodies or {}
    rows = []
    for i in items:
        p = papers.get(i.paper_key) if i.paper_key else None
        rows.append((i.name, p.name if p else None, p.paper_type if p else None,
                     p.under_direction_of if p else None, p.text if p else None, bodies.get(i.meeting_key)))
    return {i.key: t for i, t in zip(items, classify_many(rows), strict=True)}
