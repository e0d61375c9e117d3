"""ALLRIS paper pages (vo020) as HTML: ALLRIS 3 (``vo020.asp``, ``td.kb1`` labels) and
ALLRIS 4 (``/public/vo020``, a "Grunddaten" block of label/value pairs).

Pages are ISO-8859-1 with the charset only in ``<meta>``; callers decode them with
:func:`ratsinfo.parsers.textutil.decode_html`.
"""

from __future__ import annotations

import copy
import re
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Tag

from ratsinfo.errors import ParseError
from ratsinfo.model import ParseResult
from ratsinfo.parsers.htmltext import drop_noise, node_text, soup_of
from ratsinfo.parsers.structure import (
    LABELS,
    RawPaper,
    StammbaumRow,
    build_paper,
    parse_date_de,
    split_consultation,
)
from ratsinfo.parsers.textutil import squash

_DENIED = re.compile(r"Zugriff verweigert|keine Berechtigung|nicht öffentlich zugänglich", re.I)
_LOGIN = re.compile(r"<form[^>]+(?:login|anmeld)[^>]*>|type=[\"']?password", re.I)
_SECTION_ANCHORS = {
    "allrisSV": "Sachverhalt", "allrisBV": "Beschlussvorschlag", "allrisBE": "Begründung",
    "allrisAN": "Anlagen", "allrisBS": "Beschluss", "allrisAT": "Antragstext",
    "allrisFI": "Finanzielle Auswirkungen", "allrisST": "Stellungnahme",
}


_TITLE_REF = re.compile(r"(?:Vorlage|Drucksache|Beschlussvorlage|Anfrage|Antrag)\w*\s+-\s+(\S.*)")
_SECTION_HEADINGS = re.compile(
    r"Sachverhalt|Begründung|Beschlussvorschlag|Beschluss|Antragstext|Anfrage|Antwort|Stellungnahme")


def page_type(html: str) -> str | None:
    """The ALLRIS page program (vo020, to010, ...) or None if this is not an ALLRIS page."""
    m = re.search(r'id="allriscontainer"\s+class="(\w+)"', html)
    if m:
        return m.group(1)
    if re.search(r"ALLRIS", html[:6000]) or "/public/" in html[:20000]:
        m = re.search(r"/(?:public|infosystem)/(\w\w\d{3}(?:_\w)?)\b", html)
        m2 = re.search(r'<body[^>]*class="[^"]*\b(\w\w\d{3})\b', html)
        if m2:
            return m2.group(1)
        if m and re.search(r"Grunddaten", html):
            return "vo020"
    return None


def allris_version(html: str) -> int:
    m = re.search(r"ALLRIS net Version (\d)", html)
    if m:
        return int(m.group(1))
    return 4 if re.search(r"Grunddaten", html) and "td class=\"kb1\"" not in html else 3


def check_complete(html: str, url: str) -> None:
    if _DENIED.search(html[:20000]) and not re.search(r"Betreff", html):
        raise ParseError("ALLRIS answered 'Zugriff verweigert': the page is not public or the program is disabled")
    if _LOGIN.search(html) and not re.search(r"Betreff", html):
        raise ParseError("redirected to a login page: the paper is not public")
    if not re.search(r"</html\s*>\s*$", html.strip()[-400:], re.I):
        raise ParseError("truncated page (no closing </html>): fetch or save it again")


def _scope(soup: BeautifulSoup, default: str) -> tuple[str, str | None]:
    head = soup.select_one("p.topHeadline") or soup.select_one("#rishead")
    body = squash(head.get_text(" ")) if head else None
    if body:
        return re.sub(r"[^a-z0-9äöüß]+", "-", body.casefold()).strip("-"), body
    return default, None


def parse_vo020(html: str, source_url: str, document_key: str, scope: str) -> tuple[ParseResult, str | None]:
    """Parse a vo020 page; returns the records and the body name shown on the page."""
    check_complete(html, source_url)
    soup = soup_of(html)
    page_scope, body_name = _scope(soup, scope)
    if scope == "local":
        scope = page_scope  # the page names its council; an explicit --body wins
    if allris_version(html) >= 4 or soup.find("td", class_="kb1") is None:
        raw = _parse_allris4(soup, source_url)
    else:
        raw = _parse_allris3(soup, source_url)
    if not raw.reference:
        raise ParseError("no paper reference on the page: not a vo020 paper page or cut off")
    if not raw.fields.get("name"):
        raise ParseError("no Betreff on the page: truncated or not a paper page")
    return build_paper(raw, scope, source_url, document_key), body_name


def _reference_from_title(soup: BeautifulSoup) -> str | None:
    for sel in ("#risname h1", "h1", "title"):
        node = soup.select_one(sel)
        if node:
            m = _TITLE_REF.search(squash(node.get_text(" ")))
            if m:
                return m.group(1).strip()
    return None


def _label_key(text: str) -> str | None:
    label = squash(text).rstrip(":").strip().lower()
    return LABELS.get(label)


def _value_text(td: Tag) -> str:
    for br in td.find_all("br"):
        br.replace_with("\n")
    return "\n".join(squash(x) for x in td.get_text("").split("\n") if squash(x))


def _parse_allris3(soup: BeautifulSoup, source_url: str) -> RawPaper:
    raw = RawPaper(reference=_reference_from_title(soup) or "")
    for td in soup.find_all("td", class_="kb1"):
        field = _label_key(td.get_text(""))
        if not field:
            continue
        if field == "consultations":
            raw.consultations = _consultations3(td, source_url)
            continue
        value_td = td.find_next_sibling("td")
        if value_td is None:
            continue
        for s in value_td.find_all(["script", "style"]):
            s.decompose()
        value = _value_text(value_td)
        if field == "name":
            value = " – ".join(value.split("\n"))
        elif field == "originator":
            value = ", ".join(value.split("\n"))
        if value:
            raw.fields.setdefault(field, value)
    raw.attachments = _attachments(soup, source_url)
    raw.sections = _sections3(soup)
    return raw


def _consultations3(label_td: Tag, source_url: str) -> list[dict]:
    """Rows of the nested Beratungsfolge table: a body row, then its meeting rows."""
    row = label_td.find_parent("tr")
    nxt = row.find_next_sibling("tr") if row else None
    table = nxt.find("table") if nxt else None
    out: list[dict] = []
    if table is None:
        return out
    current: dict | None = None
    for tr in table.find_all("tr"):
        cells = tr.find_all("td", recursive=False)
        status_td = cells[0] if cells else None
        status = status_td.get("title") if status_td else None
        text1 = [c for c in cells if "text1" in (c.get("class") or [])]
        text2 = [c for c in cells if "text2" in (c.get("class") or [])]
        if text1:
            name = squash(text1[0].get_text(" "))
            role = squash(text1[1].get_text(" ")) if len(text1) > 1 else ""
            if not name:
                continue
            org, role2 = split_consultation(name)
            current = {"organization": org, "role": role or role2, "status": status}
            out.append(current)
        elif text2 and current is not None:
            link = tr.find("a", href=re.compile(r"to010", re.I))
            result_td = tr.find("td", class_="text3")
            entry = current if "date" not in current else dict(current)
            entry["date"] = parse_date_de(text2[0].get_text(" "))
            entry["status"] = status or entry.get("status")
            if link:
                entry["meeting"] = squash(link.get_text(" "))
                m = re.search(r"SILFDNR=(\d+)", link["href"])
                entry["meeting_url"] = urljoin(source_url, link["href"])
                if m:
                    entry["meeting_id"] = m.group(1)
            result = squash(result_td.get_text(" ")) if result_td else ""
            entry["result"] = result or None
            if entry is not current:
                out.append(entry)
    return out


def _attachments(soup: BeautifulSoup, source_url: str) -> list[tuple[str, str]]:
    out = []
    for form in soup.find_all("form", action=re.compile(r"do027", re.I)):
        dol = form.find("input", attrs={"name": "DOLFDNR"})
        sub = form.find("input", attrs={"type": "submit"})
        if dol is None:
            continue
        name = (sub.get("title") or sub.get("value") or "Dokument") if sub else "Dokument"
        name = re.sub(r"\s*\(Öffnet PDF-Datei in neuem Fenster\)", "", name)
        out.append((name, urljoin(source_url, f"do027.asp?DOLFDNR={dol['value']}")))
    for a in soup.find_all("a", href=re.compile(r"(?:do027|/doc\?|DOLFDNR=)", re.I)):
        out.append((squash(a.get_text(" ")) or "Dokument", urljoin(source_url, a["href"])))
    seen, uniq = set(), []
    for name, url in out:
        if url not in seen:
            seen.add(url)
            uniq.append((name, url))
    return uniq


def _sections3(soup: BeautifulSoup) -> dict[str, str]:
    """Text between the ``<a name="allrisXX">`` anchors, one section each."""
    anchors = soup.find_all("a", attrs={"name": re.compile(r"^allris[A-Z]{2}$")})
    sections: dict[str, str] = {}
    for i, a in enumerate(anchors):
        stop = anchors[i + 1] if i + 1 < len(anchors) else None
        name = _SECTION_ANCHORS.get(a["name"], a["name"][6:])
        wrapper = BeautifulSoup("<div></div>", "lxml").div
        for el in list(a.next_siblings):
            if el is stop or (isinstance(el, Tag) and stop is not None and stop in el.descendants):
                break
            if isinstance(el, Tag) and el.name == "td":
                break
            wrapper.append(copy.copy(el))
        drop_noise(wrapper)
        text = node_text(wrapper)
        text = re.sub(r"^" + re.escape(name.split("/")[0]) + r"\w*\s*:?\s*\n?", "", text, flags=re.I)
        text = re.sub(r"^Anlage/n\s*:\s*", "", text).strip()
        if text:
            sections[name] = text
    return sections


# --- ALLRIS 4 -------------------------------------------------------------------------------


def _parse_allris4(soup: BeautifulSoup, source_url: str) -> RawPaper:
    raw = RawPaper(reference=_reference_from_title(soup) or "")
    block = _block_after_heading(soup, r"Grunddaten")
    if block is not None:
        for label_el, value_el in _label_pairs(block):
            field = _label_key(label_el.get_text(" "))
            if field and field != "consultations":
                value = _value_text(value_el)
                if field == "name":
                    value = " – ".join(value.split("\n"))
                elif field == "originator":
                    value = ", ".join(value.split("\n"))
                if value:
                    raw.fields.setdefault(field, value)
                if not raw.reference and squash(label_el.get_text(" ")).rstrip(":").lower() in (
                        "name", "vorlage", "drucksache", "nummer"):
                    raw.reference = squash(value)
    bf = _block_after_heading(soup, r"Beratungsfolge")
    if bf is not None:
        for tr in bf.find_all("tr"):
            tds = [squash(td.get_text(" ")) for td in tr.find_all("td")]
            if not tds or not any(tds):
                continue
            date_cell = next((t for t in tds if parse_date_de(t)), None)
            org = next((t for t in tds if t and not parse_date_de(t)), None)
            if not org:
                continue
            link = tr.find("a", href=re.compile(r"to010|si\d{3}", re.I))
            rest = [t for t in tds if t and t != org and t != date_cell]
            raw.consultations.append({
                "organization": split_consultation(org)[0],
                "role": rest[0] if rest else split_consultation(org)[1],
                "result": rest[1] if len(rest) > 1 else None,
                "date": parse_date_de(date_cell) if date_cell else None,
                "meeting": squash(link.get_text(" ")) if link else None,
            })
    sb = _block_after_heading(soup, r"Stammbaum")
    if sb is not None:
        for tr in sb.find_all("tr"):
            tds = [squash(td.get_text(" ")) for td in tr.find_all("td")]
            if len(tds) >= 2 and re.search(r"\d", tds[0]):
                tds += [None] * (4 - len(tds))
                raw.stammbaum.append(StammbaumRow(tds[0], tds[1], tds[2], tds[3]))
    raw.attachments = _attachments(soup, source_url)
    for heading in soup.find_all(["h2", "h3", "h4"]):
        title = squash(heading.get_text(" ")).rstrip(":")
        if _SECTION_HEADINGS.fullmatch(title):
            container = _block_after_heading(soup, re.escape(title), heading=heading)
            if container is not None:
                drop_noise(container)
                text = node_text(container)
                if text:
                    raw.sections[title] = text
    return raw


def _block_after_heading(soup: BeautifulSoup, pattern: str, heading: Tag | None = None) -> Tag | None:
    """The content element that belongs to a heading (its card body or next sibling)."""
    if heading is None:
        heading = soup.find(lambda t: t.name in ("h1", "h2", "h3", "h4", "legend", "caption", "div", "span")
                            and re.fullmatch(r"\s*" + pattern + r"\s*:?\s*", t.get_text(" ") or "") is not None
                            and len(t.find_all(True)) <= 2)
    if heading is None:
        return None
    sib = heading.find_next_sibling()
    if sib is not None:
        return sib
    parent = heading.parent
    return parent.find_next_sibling() if parent is not None else None


def _label_pairs(block: Tag) -> list[tuple[Tag, Tag]]:
    pairs: list[tuple[Tag, Tag]] = []
    for dt in block.find_all("dt"):
        dd = dt.find_next_sibling("dd")
        if dd is not None:
            pairs.append((dt, dd))
    if pairs:
        return pairs
    for el in block.find_all(class_=re.compile(r"\b(?:key|label)\b")):
        val = el.find_next_sibling()
        if val is not None:
            pairs.append((el, val))
    if pairs:
        return pairs
    for tr in block.find_all("tr"):
        tds = tr.find_all(["th", "td"])
        for i in range(0, len(tds) - 1, 2):
            pairs.append((tds[i], tds[i + 1]))
    return pairs
