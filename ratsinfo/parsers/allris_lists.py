"""ALLRIS list pages: the paper list (vo040) and the faction list (fr010)."""

from __future__ import annotations

from ratsinfo.parsers.allris_common import absolute, link_id, links, page_tree


def _ids(html: str, url: str, program: str, param: str) -> list[str]:
    tree = page_tree(html, url)
    out: list[str] = []
    for a in links(tree, program + r"(?:\.asp)?\?[^\"']*" + param + r"=\d+"):
        ident = link_id(a.get("href"), param)
        u = absolute(url, f"{program}.asp?{param}={ident}" if ".asp" in url else f"{program}?{param}={ident}")
        if u not in out:
            out.append(u)
    return out


def paper_links(html: str, url: str) -> list[str]:
    """vo040: the vo020 URL of every paper listed, in page order."""
    return _ids(html, url, "vo020", "VOLFDNR")


def faction_links(html: str, url: str) -> list[str]:
    """fr010: the fr020 URL of every faction listed."""
    return _ids(html, url, "fr020", "FRLFDNR")
