"""What every ALLRIS page parser shares: ids from links, the council scope, label cells."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from ratsinfo.parsers.allris_html import check_complete
from ratsinfo.parsers.htmltext import soup_of
from ratsinfo.parsers.textutil import squash

ID_PARAMS = {"si": "SILFDNR", "to": "TOLFDNR", "vo": "VOLFDNR", "au": "AULFDNR", "fr": "FRLFDNR", "kp": "KPLFDNR",
             "gr": "GRLFDNR", "do": "DOLFDNR"}


def page_soup(html: str, url: str) -> BeautifulSoup:
    """Refuse denied, login and truncated pages; parse the rest."""
    check_complete(html, url)
    return soup_of(html)


def scope_of(soup: BeautifulSoup, default: str = "local") -> str:
    head = soup.select_one("p.topHeadline")
    name = squash(head.get_text(" ")) if head else ""
    return re.sub(r"[^a-z0-9äöüß]+", "-", name.casefold()).strip("-") if name else default


def link_id(href: str, param: str) -> str | None:
    q = parse_qs(urlsplit(href).query)
    for k, v in q.items():
        if k.upper() == param and v:
            return v[0]
    m = re.search(param + r"=(\d+)", href, re.I)
    return m.group(1) if m else None


def labels(soup: BeautifulSoup) -> dict[str, Tag]:
    """'Gremium:' -> the value cell next to it (td.kb1 label cells of ALLRIS 3)."""
    out: dict[str, Tag] = {}
    for td in soup.find_all("td", class_="kb1"):
        label = squash(td.get_text(" ")).rstrip(":").strip()
        value = td.find_next_sibling("td")
        if label and value is not None and label not in out:
            out[label] = value
    return out


def absolute(base_url: str, href: str) -> str:
    return urljoin(base_url, href)


def title_of(soup: BeautifulSoup) -> str:
    h1 = soup.select_one("#risname h1") or soup.find("h1")
    return squash(h1.get_text(" ")) if h1 else ""
