"""ALLRIS list pages: the paper list (vo040), the faction list (fr010), body lists (au010, gr010, pa010)."""

from __future__ import annotations

from lxml.etree import _Element as Element

from ratsinfo.parsers.allris_common import ID_PARAM, canonical, link_id, page_tree, program_of, text


def list_links(html: str, url: str, program: str, tree: Element | None = None) -> list[tuple[str, str]]:
    """(URL, link text) of every ``program`` record the page lists, once each, in page order."""
    tree = tree if tree is not None else page_tree(html, url)
    return records_listed(tree, url, (program,))[program]


def records_listed(tree: Element, url: str, programs: tuple[str, ...]) -> dict[str, list[tuple[str, str]]]:
    """:func:`list_links` for several programs in one pass over the page's links."""
    found: dict[str, dict[str, str]] = {p: {} for p in programs}
    for a in tree.iter("a"):
        href = a.get("href")
        prog = program_of(href)
        out = found.get(prog or "")
        if out is None or not link_id(href, ID_PARAM[prog or ""]):
            continue
        u = canonical(url, href)
        if u not in out or not out[u]:
            out[u] = text(a)
    return {p: list(v.items()) for p, v in found.items()}


def paper_links(html: str, url: str) -> list[str]:
    """vo040: the vo020 URL of every paper listed, in page order."""
    return [u for u, _ in list_links(html, url, "vo020")]


def faction_links(html: str, url: str) -> list[str]:
    """fr010: the fr020 URL of every faction listed."""
    return [u for u, _ in list_links(html, url, "fr020")]
