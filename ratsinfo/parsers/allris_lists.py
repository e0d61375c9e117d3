"""ALLRIS list pages: the paper list (vo040) and the faction list (fr010)."""

from __future__ import annotations

import re

from ratsinfo.parsers.allris_common import absolute, link_id, page_soup


def paper_links(html: str, url: str) -> list[str]:
    """vo040: the vo020 URL of every paper listed, in page order."""
    soup = page_soup(html, url)
    out: list[str] = []
    for a in soup.find_all("a", href=re.compile(r"vo020(?:\.asp)?\?[^\"']*VOLFDNR=\d+", re.I)):
        vid = link_id(a["href"], "VOLFDNR")
        u = absolute(url, f"vo020.asp?VOLFDNR={vid}" if ".asp" in url else f"vo020?VOLFDNR={vid}")
        if u not in out:
            out.append(u)
    return out


def faction_links(html: str, url: str) -> list[str]:
    """fr010: the fr020 URL of every faction listed."""
    soup = page_soup(html, url)
    out: list[str] = []
    for a in soup.find_all("a", href=re.compile(r"fr020(?:\.asp)?\?[^\"']*FRLFDNR=\d+", re.I)):
        fid = link_id(a["href"], "FRLFDNR")
        u = absolute(url, f"fr020.asp?FRLFDNR={fid}" if ".asp" in url else f"fr020?FRLFDNR={fid}")
        if u not in out:
            out.append(u)
    return out
