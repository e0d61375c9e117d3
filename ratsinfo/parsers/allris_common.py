"""What every ALLRIS page parser shares: the lxml tree, ids from links, the council scope,
label cells. Page parsers use lxml directly: BeautifulSoup cost five times as much per page."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urljoin, urlsplit

import lxml.html
from lxml.html import HtmlElement

from ratsinfo.parsers.allris_html import check_complete
from ratsinfo.parsers.textutil import squash

_SCRIPTS = re.compile(r"<script\b[^>]*>.*?</script>", re.I | re.S)
_PROLOG = re.compile(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>", re.I)


def page_tree(html: str, url: str) -> HtmlElement:
    """Refuse denied, login and truncated pages; parse the rest (from the page head line on)."""
    check_complete(html, url)
    start = html.find('<div id="rishead"')
    if start > 0:
        html = "<html><body>" + html[start:]
    html = _PROLOG.sub("", _SCRIPTS.sub("", html))
    return lxml.html.document_fromstring(html)


def text(el: HtmlElement | None) -> str:
    return squash(el.text_content()) if el is not None else ""


def has_class(name: str) -> str:
    return f'contains(concat(" ", normalize-space(@class), " "), " {name} ")'


def scope_of(tree: HtmlElement, default: str = "local") -> str:
    head = tree.xpath(f"//p[{has_class('topHeadline')}]")
    name = text(head[0]) if head else ""
    return re.sub(r"[^a-z0-9äöüß]+", "-", name.casefold()).strip("-") if name else default


def link_id(href: str, param: str) -> str | None:
    q = parse_qs(urlsplit(href).query)
    for k, v in q.items():
        if k.upper() == param and v:
            return v[0]
    m = re.search(param + r"=(\d+)", href, re.I)
    return m.group(1) if m else None


def labels(tree: HtmlElement) -> dict[str, HtmlElement]:
    """'Gremium:' -> the value cell next to it (td.kb1 label cells of ALLRIS 3)."""
    out: dict[str, HtmlElement] = {}
    for td in tree.xpath(f"//td[{has_class('kb1')}]"):
        label = text(td).rstrip(":").strip()
        value = td.getnext()
        while value is not None and value.tag != "td":
            value = value.getnext()
        if label and value is not None and label not in out:
            out[label] = value
    return out


def absolute(base_url: str, href: str) -> str:
    return urljoin(base_url, href)


def title_of(tree: HtmlElement) -> str:
    h1 = tree.xpath('//div[@id="risname"]//h1') or tree.xpath("//h1")
    return text(h1[0]) if h1 else ""


def links(tree: HtmlElement, pattern: str) -> list[HtmlElement]:
    rx = re.compile(pattern, re.I)
    return [a for a in tree.iter("a") if rx.search(a.get("href") or "")]
