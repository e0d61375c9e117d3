"""What every ALLRIS page parser shares: the lxml tree, label/value pairs of every layout, text with
its line breaks, ids from links, dates in German and English forms, the council scope.

Layouts (see :mod:`ratsinfo.parsers.detect`): ``allris3`` classic ``*.asp`` pages (``td.kb1`` labels,
``table.tl1`` lists), ``allris3r`` responsive ``*_r.asp`` pages and ``allris4`` ALLRIS net 4 pages (both
``dl``/``dt``/``dd`` label blocks and ``table.dataTable`` lists), ``allris3e`` ALLRIS 3 inside a city's
CMS page (``div.allriscontent``). Page parsers use lxml directly: BeautifulSoup cost five times as much.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from functools import lru_cache
from urllib.parse import unquote, urljoin, urlsplit

import lxml.etree
from lxml.etree import _Element as Element

from ratsinfo.errors import ParseError
from ratsinfo.parsers.textutil import ascii_lower


def squash(value: str) -> str:
    """One line, single spaces (str.split: every Unicode space, NBSP included)."""
    return " ".join(value.split())

_SCRIPTS = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_PROLOG = re.compile(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>", re.I)
_DENIED = re.compile(r"Zugriff verweigert|keine Berechtigung|nicht öffentlich zugänglich", re.I)
_LOGIN = re.compile(r"<form[^>]+(?:login|anmeld)[^>]*>|type=[\"']?password", re.I)


def check_complete(html: str, url: str = "") -> None:
    """Refuse 'Zugriff verweigert', login and truncated pages with a reason."""
    low = ascii_lower(html)  # plain substring tests first: case-insensitive regexes over a whole page cost more
    if b"betreff" not in low:
        head = low[:60000]  # bytes: covers the first 20000 characters
        if (b"verweigert" in head or b"berechtigung" in head or b"zug" in head) and _DENIED.search(html[:20000]):
            raise ParseError("ALLRIS answered 'Zugriff verweigert': the page is not public or the program is "
                             "disabled")
        if (b"password" in low or b"login" in low or b"anmeld" in low) and _LOGIN.search(html):
            raise ParseError("redirected to a login page: the paper is not public")
    if not re.search(r"</html\s*>\s*$", html[-400:].strip(), re.I):
        raise ParseError("truncated page (no closing </html>): fetch or save it again")


def page_tree(html: str, url: str = "", check: bool = True) -> Element:
    """Refuse denied, login and truncated pages; parse the rest.

    Classic pages are parsed from their head line (``div#rishead``) on: the menu before it is read
    by no parser. Scripts, styles and the XML prologs ALLRIS embeds mid-page are dropped first.
    """
    if check:
        check_complete(html, url)
    start = html.find('<div id="rishead"')
    if start > 0 and "allriscontent" not in html[:start]:
        html = "<html><body>" + html[start:]
    html = _PROLOG.sub("", _SCRIPTS.sub("", html))
    try:
        root = lxml.etree.fromstring(html, _PARSER) if html.strip() else None
    except (ValueError, lxml.etree.ParserError, lxml.etree.XMLSyntaxError) as exc:
        raise ParseError(f"not readable as HTML ({exc})") from exc
    if root is None:
        raise ParseError("not readable as HTML (the document is empty)")
    return root


# Plain lxml elements: lxml.html's element classes are looked up in Python for every element the parsers touch,
# which cost more than the parse itself on long agendas and rosters.
_PARSER = lxml.etree.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False)
_tostring = lxml.etree.tostring


def content(el: Element) -> str:
    """All text under an element, as lxml.html's ``text_content()`` gives it (serialising the text is several
    times cheaper than an XPath ``string()`` per call)."""
    if not len(el):  # no children: the element's own text is all of it
        return el.text or ""
    return _tostring(el, method="text", encoding="unicode", with_tail=False)


# --- text ------------------------------------------------------------------------------------------------

_BLOCKS = frozenset({"p", "div", "br", "li", "tr", "dd", "dt", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "ul",
                     "ol", "table", "section", "article", "blockquote", "pre", "hr", "form"})
_SKIP = frozenset({"script", "style", "noscript", "head", "title", "input", "button", "select", "option"})
_BLOCKS_OR_SKIP = _BLOCKS | _SKIP


def text(el: Element | None) -> str:
    """One line, single spaces."""
    return " ".join(content(el).split()) if el is not None else ""


def one_line(el: Element | None) -> str:
    """:func:`lines` joined by spaces: what a table cell shows, on one line."""
    if el is None:
        return ""
    return " ".join(_raw_lines(el).split())


def lines(el: Element | None) -> str:
    """The text as the page shows it: line breaks (``<br>``, blocks, breaks in the source) kept as
    ``\\n``, each line squashed, empty lines dropped; inline runs glued (RTF-split words join)."""
    if el is None:
        return ""
    raw = _raw_lines(el)
    if "\n" not in raw:
        return " ".join(raw.split())
    return "\n".join(filter(None, [" ".join(x.split()) for x in raw.split("\n")]))


def _raw_lines(el: Element) -> str:
    """The element's text with a line break at every block boundary, unsquashed."""
    if not any(d.tag in _BLOCKS_OR_SKIP for d in el.iterdescendants()):  # no markup that breaks or hides lines
        return "" if el.tag in _SKIP else content(el)
    parts: list[str] = []
    _walk(el, parts)
    return "".join(parts)


def _walk(e: Element, parts: list[str]) -> None:
    tag = e.tag
    if tag in _SKIP:
        return
    block = tag in _BLOCKS
    if block:
        parts.append("\n")
    if e.text and isinstance(tag, str):
        parts.append(e.text)
    for c in e:
        if len(c) or c.tag in _BLOCKS_OR_SKIP or not isinstance(c.tag, str):
            _walk(c, parts)
        elif c.text:  # an inline element without children: its text, no descent
            parts.append(c.text)
        if c.tail:
            parts.append(c.tail)
    if block:
        parts.append("\n")


def one_line_title(value: str) -> str:
    """A multi-line Betreff as one line: lines joined by ' – ', or by a space where the next line
    already starts with a dash ("- Antrag der ...")."""
    out = ""
    for ln in value.split("\n"):
        if not out:
            out = ln
        elif re.match(r"^[-–—]", ln):
            out += " " + ln
        else:
            out += " – " + ln
    return out


def with_class(root: Element, tag: str, name: str) -> list[Element]:
    """Every ``tag`` element under ``root`` having the class ``name``, in page order (cheaper than XPath)."""
    out = []
    for el in root.iter(tag):
        cls = el.get("class")
        if cls and name in cls and name in cls.split():
            out.append(el)
    return out


def has_class(name: str) -> str:
    """An XPath test for one class among several; the plain ``contains`` first rules out most elements cheaply."""
    return f'contains(@class, "{name}") and contains(concat(" ", normalize-space(@class), " "), " {name} ")'


@lru_cache(maxsize=256)
def xpath(expr: str) -> lxml.etree.XPath:
    """A compiled XPath, compiled once per expression (``tree.xpath(str)`` compiles on every call)."""
    return lxml.etree.XPath(expr)


def classes(el: Element) -> set[str]:
    return set((el.get("class") or "").split())


# --- labels ------------------------------------------------------------------------------------------------


def norm_label(raw: str) -> str:
    return squash(raw).rstrip(":").strip().casefold()


_LABEL_CLASSES = {"td": frozenset({"kb1"}), "div": frozenset({"key", "label"}), "span": frozenset({"key"})}


def _label_elements(root: Element) -> Iterator[Element]:
    """``td.kb1``, ``dt``, ``div.key``, ``div.label`` and ``span.key`` in page order (one pass over the tree in
    Python costs less than an XPath testing the class of every cell)."""
    for el in root.iter("td", "dt", "div", "span"):
        tag = el.tag
        if tag == "dt":
            yield el
            continue
        cls = el.get("class")
        if cls and not _LABEL_CLASSES[tag].isdisjoint(cls.split()):
            yield el


def label_pairs(root: Element) -> list[tuple[str, Element]]:
    """(label as shown without its colon, value element) for every label of every layout, page order:
    ``td.kb1`` + the next cell (ALLRIS 3), ``dt`` + its ``dd`` (ALLRIS 4, responsive ALLRIS 3),
    ``.key``/``div.label`` blocks + their next sibling (key/value cards)."""
    out: list[tuple[str, Element]] = []
    for el in _label_elements(root):
        if el.tag == "td":
            value = el.getnext()
            while value is not None and value.tag != "td":
                value = value.getnext()
        elif el.tag == "dt":
            value = el.getnext()
            if value is None or value.tag != "dd":
                continue
        else:
            value = el.getnext()
        if value is None:
            continue
        label = squash(content(el)).rstrip(":").strip()
        if label:
            out.append((label, value))
    return out


def labels(tree: Element) -> dict[str, Element]:
    """'Gremium' -> its value element (first of each label)."""
    out: dict[str, Element] = {}
    for label, value in label_pairs(tree):
        out.setdefault(label, value)
    return out


def find_label(pairs: list[tuple[str, Element]], *names: str) -> Element | None:
    wanted = {n.casefold() for n in names}
    for label, value in pairs:
        if norm_label(label) in wanted:
            return value
    return None


# --- links and ids ----------------------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def link_id(href: str | None, param: str) -> str | None:
    """The value of query parameter ``param`` (any case) in a link, decoded as ``parse_qs`` decodes it; else
    the digits after ``param=`` anywhere in the link. The query is split by hand: ``urlsplit`` and
    ``parse_qs`` cost several times more, and every agenda row and list entry asks."""
    if not href:
        return None
    query = href.split("#", 1)[0].partition("?")[2]
    wanted = param.upper()
    for pair in query.split("&"):
        name, eq, value = pair.partition("=")
        if not eq or not value:
            continue  # parse_qs drops pairs without a value
        if "%" in name or "+" in name:
            name = unquote(name.replace("+", " "))
        if name.upper() == wanted:
            return unquote(value.replace("+", " ")) if "%" in value or "+" in value else value
    m = re.search(param + r"=(\d+)", href, re.I)
    return m.group(1) if m else None


_SIMPLE_HREF = re.compile(r"(?:\./)?\w[\w.-]*(?:\?[^#\s]+)?")
_HTTP_BASE = re.compile(r"https?://[^/?#]+(/[^?#]*)?")


def absolute(base_url: str, href: str) -> str:
    """``urljoin(base_url, href)``; the common case (``to020.asp?TOLFDNR=1``, ``./vo020?VOLFDNR=2`` against an
    http(s) page address) is joined by hand: urljoin costs more than reading the agenda row it serves."""
    if _SIMPLE_HREF.fullmatch(href):
        m = _HTTP_BASE.match(base_url)
        if m and "/." not in (m.group(1) or "") and ";" not in (m.group(1) or ""):
            path = m.group(1) or "/"
            directory = base_url[: m.start(1)] + path[: path.rindex("/") + 1] if m.group(1) else m.group(0) + "/"
            return directory + (href[2:] if href.startswith("./") else href)
    return urljoin(base_url, href)


_PROGRAM = re.compile(r"(?:^|/)(\w\w\d{3})(?:_\w)?(?:\.asp)?(?:\?|$)", re.I)


@lru_cache(maxsize=4096)
def program_of(href: str | None) -> str | None:
    """'./vo020?VOLFDNR=1', 'vo020_r.asp?...', '/bi/to010.asp?...' -> 'vo020' / 'to010'."""
    if not href:
        return None
    m = _PROGRAM.search(href.split("#", 1)[0])
    return m.group(1).lower() if m else None


def links(tree: Element, pattern: str) -> list[Element]:
    rx = re.compile(pattern, re.I)
    return [a for a in tree.iter("a") if rx.search(a.get("href") or "")]


def program_links(root: Element, program: str) -> list[Element]:
    return [a for a in root.iter("a") if program_of(a.get("href")) == program]


ID_PARAM = {"vo020": "VOLFDNR", "to010": "SILFDNR", "to020": "TOLFDNR", "au020": "AULFDNR", "gr020": "GRLFDNR",
            "fr020": "FRLFDNR", "kp020": "KPLFDNR", "kp041": "KPLFDNR", "pa020": "PALFDNR", "at020": "ATLFDNR"}


@lru_cache(maxsize=8192)
def canonical(url: str, href: str | None = None) -> str:
    """One address per record: the program and its id only ('vo020?VOLFDNR=1&refresh=false&TOLFDNR=2'
    -> 'vo020?VOLFDNR=1'), resolved against the page's URL."""
    full = absolute(url, href) if href is not None else url
    m = _HTTP_URL.fullmatch(full)
    if m:  # what urlsplit gives for a plain http(s) address, without its cost
        scheme, netloc, path = m.groups()
    else:
        scheme, netloc, path = urlsplit(full)[:3]
    param = ID_PARAM.get(program_of(path + "?") or "")
    if not param:
        return full
    ident = link_id(full, param)
    if not ident:
        return full
    return f"{scheme}://{netloc}{path}?{param}={ident}" if scheme else f"{path}?{param}={ident}"


_HTTP_URL = re.compile(r"(https?)://([^/?#\[\]\s]*)([^?#\s]*)(?:[?#][^\s]*)?")


# --- page head ----------------------------------------------------------------------------------------------


def scope_of(tree: Element, default: str = "local") -> str:
    name = council_of(tree)
    return re.sub(r"[^a-z0-9äöüß]+", "-", name.casefold()).strip("-") if name else default


def council_of(tree: Element) -> str | None:
    """The council the page names in its head line (ALLRIS 3: p.topHeadline)."""
    head = with_class(tree, "p", "topHeadline")
    name = text(head[0]) if head else ""
    return name or None


def title_of(tree: Element) -> str:
    """The page's heading: the h1 in ``div#risname`` (ALLRIS 3), else ``h1.title``, else the first h1 in
    ``main``, else the first h1."""
    h1s = list(tree.iter("h1"))
    if not h1s:
        return ""
    for wanted in (lambda h: any(d.get("id") == "risname" for d in h.iterancestors("div")),
                   lambda h: "title" in classes(h),
                   lambda h: next(h.iterancestors("main"), None) is not None):
        h1 = next((h for h in h1s if wanted(h)), None)
        if h1 is not None:
            return text(h1)
    return text(h1s[0])


# --- dates ---------------------------------------------------------------------------------------------------

_MONTHS = {
    "jan": 1, "januar": 1, "january": 1, "jän": 1, "jänner": 1,
    "feb": 2, "februar": 2, "february": 2,
    "mär": 3, "mrz": 3, "märz": 3, "mar": 3, "march": 3, "maerz": 3,
    "apr": 4, "april": 4,
    "mai": 5, "may": 5,
    "jun": 6, "juni": 6, "june": 6,
    "jul": 7, "juli": 7, "july": 7,
    "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9,
    "okt": 10, "oktober": 10, "oct": 10, "october": 10,
    "nov": 11, "november": 11,
    "dez": 12, "dezember": 12, "dec": 12, "december": 12,
}
_MON = r"(?P<mon>[A-Za-zÄÖÜäöü]{3,9})\.?"
_DATE_FORMS = (
    re.compile(r"\b(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4})\b"),
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    re.compile(r"\b(?P<y>\d{4})\s+" + _MON + r"\s+(?P<d>\d{1,2})\b"),           # 2024 Oct 3
    re.compile(r"\b" + _MON + r"\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})\b"),          # Jan 9, 2024
    re.compile(r"\b(?P<d>\d{1,2})\.?\s+" + _MON + r",?\s+(?P<y>\d{4})\b"),       # 3. Oktober 2024, 3 Oct 2024
    re.compile(r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})\b"),               # 1/9/2024 (US)
)


_YEAR = re.compile(r"\d{4}")


def parse_date(value: str | None) -> date | None:
    """A date in the German or English forms ALLRIS installations print: '01.09.2026', 'Di., 01.09.2026',
    '2024-10-03', '2024 Oct 3', 'Jan 9, 2024', '3. Oktober 2024', '3 Oct 2024'."""
    if not value or len(value) > 200 or not _YEAR.search(value):  # every form has a four-digit year
        return None
    for rx in _DATE_FORMS:
        for m in rx.finditer(value):
            g = m.groupdict()
            if g.get("mon"):
                month = _MONTHS.get(g["mon"].casefold().rstrip("."))
                if month is None:
                    continue
            else:
                month = int(g["m"])
            try:
                return date(int(g["y"]), month, int(g["d"]))
            except ValueError:
                continue
    return None


_TIME = re.compile(r"\b(\d{1,2})[:.](\d{2})\b(?!\.\d)")


def parse_time(value: str | None) -> tuple[int, int] | None:
    m = _TIME.search(value or "")
    if not m:
        return None
    h, mi = int(m.group(1)), int(m.group(2))
    return (h, mi) if h < 24 and mi < 60 else None


def time_range(value: str | None) -> tuple[str | None, str | None]:
    """'17:30 - 20:00 Uhr' -> ('17:30', '20:00')."""
    found = [f"{int(h):02d}:{mi}" for h, mi in re.findall(r"\b(\d{1,2})[:.](\d{2})\b(?!\.\d)", value or "")
             if int(h) < 24 and int(mi) < 60]
    return (found[0] if found else None, found[1] if len(found) > 1 else None)


def start_of(day: date | None, time: str | None) -> datetime | None:
    if day is None:
        return None
    t = parse_time(time)
    return datetime(day.year, day.month, day.day, *(t or (0, 0)))
