"""ALLRIS paper pages (vo020) on every layout: classic ALLRIS 3 (``vo020.asp``, ``td.kb1`` labels, a nested
Beratungsfolge table), responsive ALLRIS 3 (``vo020_r.asp``) and ALLRIS 4 (``/public/vo020``: a "Grunddaten"
block of ``dt``/``dd`` pairs, a Beratungsfolge table whose status and body rows alternate with meeting rows,
Wicket document links), and ALLRIS 3 inside a city's CMS page. lxml throughout.

:func:`read_vo020` returns what a reader sees on the page (:class:`PaperReading`); :func:`parse_vo020`
turns it into records. Callers decode pages with :func:`ratsinfo.parsers.textutil.decode_html`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml.etree import _Element as Element

from ratsinfo.errors import ParseError
from ratsinfo.model import Records
from ratsinfo.parsers.allris_common import absolute as _abs
from ratsinfo.parsers.allris_common import (
    check_complete,
    classes,
    content,
    council_of,
    label_pairs,
    lines,
    link_id,
    one_line,
    one_line_title,
    page_tree,
    parse_date,
    program_of,
    squash,
    text,
    title_of,
)
from ratsinfo.parsers.allris_vocab import looks_like_reference, paper_field, split_title
from ratsinfo.parsers.htmltext import block_text
from ratsinfo.parsers.structure import RawPaper, StammbaumRow, build_paper, split_consultation

__all__ = ["PaperReading", "allris_version", "check_complete", "page_type", "parse_vo020", "read_vo020"]

_SECTION_ANCHORS = {
    "allrisSV": "Sachverhalt", "allrisBV": "Beschlussvorschlag", "allrisBE": "Begründung",
    "allrisAN": "Anlagen", "allrisBS": "Beschluss", "allrisAT": "Antragstext",
    "allrisFI": "Finanzielle Auswirkungen", "allrisST": "Stellungnahme",
}
_SECTION_HEADINGS = re.compile(
    r"Sachverhalt|Begründung|Beschlussvorschlag|Beschluss|Antragstext|Anfrage|Antwort|Stellungnahme|"
    r"Finanzielle Auswirkungen|Problembeschreibung|Beschlussempfehlung")
_FILE_HREF = re.compile(r"do027|/doc\?|DOLFDNR=|wicket/resource/.*\.\w{2,4}$|___tmp/|\.(?:pdf|docx?|xlsx?|odt|rtf)$",
                        re.I)


def page_type(html: str, url: str = "") -> str | None:
    """The ALLRIS page program (vo020, to010, ...) or None if this is not an ALLRIS page."""
    from ratsinfo.parsers.detect import allris_page_info

    info = allris_page_info(html, url)
    return info.program if info else None


def allris_version(html: str) -> int:
    from ratsinfo.parsers.detect import allris_page_info

    info = allris_page_info(html)
    if info:
        return 4 if info.layout == "allris4" else 3
    m = re.search(r"ALLRIS net Version (\d)", html)
    return int(m.group(1)) if m else 3


@dataclass
class PaperReading:
    """A vo020 page as a careful reader takes it off the page."""

    layout: str
    reference: str | None = None
    title: str | None = None  # line breaks as "\n"
    paper_type: str | None = None
    date: str | None = None  # as shown
    status: str | None = None
    under_direction_of: str | None = None
    submitter: str | None = None
    submitter_label: str | None = None
    related_reference: str | None = None
    occasion: str | None = None
    council: str | None = None
    other_fields: dict[str, str] = field(default_factory=dict)
    consultations: list[dict] = field(default_factory=list)
    documents: list[tuple[str, str]] = field(default_factory=list)  # (name, url)
    annexes: list[tuple[str, str]] = field(default_factory=list)
    stammbaum: list[StammbaumRow] = field(default_factory=list)
    sections: dict[str, str] = field(default_factory=dict)

    @property
    def date_iso(self) -> str | None:
        d = parse_date(self.date)
        return d.isoformat() if d else None


def read_vo020(html: str, url: str, layout: str | None = None, tree: Element | None = None) -> PaperReading:
    """Read a vo020 page of any layout; raises ParseError for denied, login, truncated and foreign pages."""
    if layout is None:
        from ratsinfo.parsers.detect import allris_page_info

        info = allris_page_info(html, url)
        layout = info.layout if info else ("allris4" if "<dt" in html else "allris3")
    if tree is None:
        tree = page_tree(html, url)
    r = PaperReading(layout=layout, council=council_of(tree))
    kind, ref = split_title(title_of(tree))
    r.reference = ref
    pairs = label_pairs(tree)
    for label, value in pairs:
        fld = paper_field(label)
        if fld == "consultations":
            continue
        val = lines(value) if fld in ("title", "submitter") else one_line(value)
        if not val:
            continue
        if fld is None:
            r.other_fields.setdefault(label, val)
        elif fld == "reference":
            if not r.reference and looks_like_reference(val.split(" ")[0] if " - " in val else val):
                r.reference = val.split(" - ")[0].strip()
        elif fld == "submitter":
            if r.submitter is None:
                r.submitter, r.submitter_label = val, label
        elif fld == "status":
            if r.status is None:
                r.status = val
                r.other_fields.setdefault(label, val)
        elif getattr(r, fld) is None:
            setattr(r, fld, val)
    if not r.paper_type and kind:
        r.paper_type = kind
    table = _table_after(tree, "Beratungsfolge")
    if table is not None:
        r.consultations = _consultations(table, url)
    r.documents, r.annexes = _files(tree, url)
    sb = _table_after(tree, "Stammbaum")
    if sb is not None:
        for tr in sb.iter("tr"):
            tds = [text(td) for td in tr if td.tag == "td"]
            if len(tds) >= 2 and re.search(r"\d", tds[0]):
                tds += [None] * (4 - len(tds))
                r.stammbaum.append(StammbaumRow(tds[0], tds[1], tds[2], tds[3]))
    r.sections = _sections(tree)
    return r


def parse_vo020(html: str, source_url: str, document_key: str, scope: str,
                layout: str | None = None) -> tuple[Records, str | None]:
    """Parse a vo020 page into records; returns them and the council named on the page."""
    tree = page_tree(html, source_url)
    r = read_vo020(html, source_url, layout, tree)
    return paper_records(r, source_url, document_key, scope), r.council


def paper_records(r: PaperReading, source_url: str, document_key: str, scope: str) -> Records:
    if not r.reference:
        raise ParseError("no paper reference on the page: not a vo020 paper page or cut off")
    if not r.title:
        raise ParseError("no Betreff on the page: truncated or not a paper page")
    if scope == "local" and r.council:
        scope = re.sub(r"[^a-z0-9äöüß]+", "-", r.council.casefold()).strip("-")  # an explicit --body wins
    raw = RawPaper(reference=r.reference)
    f = raw.fields
    f["name"] = one_line_title(r.title)
    for attr, key in (("paper_type", "paper_type"), ("status", "status"), ("under_direction_of", "under_direction_of"),
                      ("related_reference", "related_reference"), ("occasion", "occasion")):
        if getattr(r, attr):
            f[key] = getattr(r, attr)
    if r.submitter:
        f["originator"] = ", ".join(r.submitter.split("\n"))
    if r.date_iso:
        f["date"] = r.date_iso
    raw.consultations = [{"organization": c["body"], "role": c.get("role"), "status": c.get("status"),
                          "date": parse_date(c.get("date")), "meeting": c.get("meeting"),
                          "result": c.get("result") or None} for c in r.consultations]
    raw.attachments = list(r.documents) + list(r.annexes)
    raw.stammbaum = list(r.stammbaum)
    raw.sections = dict(r.sections)
    return build_paper(raw, scope, source_url, document_key)


# --- Beratungsfolge ---------------------------------------------------------------------------------------------


_HEADING_TAGS = frozenset({"caption", "td", "th", "h1", "h2", "h3", "h4", "legend", "div", "span"})


def _table_after(tree: Element, heading: str) -> Element | None:
    """The table a heading introduces: its caption, a td.kb1 label row, an h2/h3, a card header."""
    if heading not in content(tree):  # one serialisation of the page's text costs less than a search for nothing
        return None
    rx = re.compile(r"\s*" + heading + r"\s*:?\s*", re.I)
    for el in tree.iter(*_HEADING_TAGS):
        if not (heading in (el.text or "") or any(heading in (c.tail or "") for c in el)):
            continue  # no text of its own holds the heading
        if el.tag == "caption":
            if rx.fullmatch(content(el) or ""):
                return el.getparent()
            continue
        if el.tag in ("div", "span", "td", "th") and len(el) > 2:
            continue
        if not rx.fullmatch(content(el) or ""):
            continue
        if el.tag == "td" and "kb1" not in classes(el):
            continue
        found = _next_table(el)
        if found is not None:
            return found
    return None


def _next_table(el: Element) -> Element | None:
    """The first table after ``el`` in document order (the XPath following axis costs far more)."""
    current = el
    while current is not None:
        for sib in current.itersiblings():
            if sib.tag == "table":
                return sib
            inner = next(sib.iter("table"), None)
            if inner is not None:
                return inner
        current = current.getparent()
    return None


_HEADERS = {"status": "status", "datum": "date", "sitzungsdatum": "date", "gremium": "body", "beratung": "body",
            "beschluss": "role_or_result", "rolle": "role", "zuständigkeit": "role", "beratungsart": "role",
            "art": "role", "ergebnis": "result", "beschlussart": "result", "sitzung": "meeting", "top": "item",
            "na": "item"}


_CLASSIC_CELLS = frozenset({"text1", "text2"})


def _consultations(table: Element, url: str) -> list[dict]:
    rows = [tr for tr in table.iter("tr") if next(tr.iterancestors("table"), None) is table]
    if any(td.tag == "td" and not _CLASSIC_CELLS.isdisjoint((td.get("class") or "").split())
           for tr in rows for td in tr):
        return _consultations3(rows, url)
    header: list[str] = []
    out: list[dict] = []
    current: dict | None = None
    current_used = False
    for tr in rows:
        ths = [th for th in tr if th.tag == "th"]
        if ths and not [td for td in tr if td.tag == "td"]:
            header = [_HEADERS.get(text(th).casefold().rstrip(":"), "") for th in ths]
            continue
        cells = [td for td in tr if td.tag == "td"]
        if not cells or not any(content(c).strip() for c in cells):
            continue
        row = _row_fields(cells, header)
        meeting_link = next((a for a in tr.iter("a") if program_of(a.get("href")) == "to010"), None)
        if meeting_link is not None:
            row["meeting"] = one_line(meeting_link) or row.get("meeting")
            row["meeting_url"] = _abs(url, meeting_link.get("href"))
            row["meeting_id"] = link_id(meeting_link.get("href"), "SILFDNR")
            if row.get("body") == row["meeting"]:
                row.pop("body")
        is_meeting_row = meeting_link is not None and not row.get("body") or (
            not row.get("body") and row.get("date"))
        if is_meeting_row and current is not None:
            entry = current if not current_used else dict(current)
            for k in ("date", "meeting", "meeting_url", "meeting_id"):
                if row.get(k):
                    entry[k] = row[k]
            entry["result"] = row.get("result") or row.get("role_or_result") or ""
            if row.get("status"):
                entry["status"] = row["status"]
            if entry is not current:
                out.append(entry)
            current_used = True
            continue
        body = row.get("body")
        if not body:
            continue
        org, role2 = split_consultation(body)
        current = {"body": org, "role": row.get("role") or (row.get("role_or_result") if not row.get("date") else
                                                            None) or role2,
                   "status": row.get("status"), "date": row.get("date"), "meeting": row.get("meeting"),
                   "result": row.get("result") or (row.get("role_or_result") if row.get("date") else "") or ""}
        for k in ("meeting_url", "meeting_id"):
            if row.get(k):
                current[k] = row[k]
        current_used = bool(row.get("date"))
        out.append(current)
    for c in out:
        c.setdefault("date", None)
        c.setdefault("meeting", None)
        c.setdefault("result", "")
    return out


def _row_fields(cells: list[Element], header: list[str]) -> dict:
    row: dict = {}
    status_el = next((s for c in cells for s in c.iter("span") if "wfcolorDesc" in (s.get("class") or "").split()),
                     None)
    if status_el is not None and text(status_el):
        row["status"] = text(status_el)
    if header and len(header) >= len(cells) - 1:
        for name, cell in zip(header, cells, strict=False):
            if not name or name == "item" or (name != "date" and name in row):
                continue  # a column nobody reads, or a field already read
            value = one_line(cell)
            if not value:
                continue
            if name == "status":
                row.setdefault("status", value.lstrip("●• ").strip())
            elif name == "date":
                if parse_date(value):
                    row["date"] = value
            else:
                row.setdefault(name, value)
        return row
    texts = [one_line(c) for c in cells]
    rest = []
    for t in texts:
        if not t:
            continue
        if "date" not in row and parse_date(t) and len(t) <= 30:
            row["date"] = t
        elif t != row.get("status"):
            rest.append(t)
    if rest:
        row["body"] = rest[0]
    if len(rest) > 1:
        row["role"] = rest[1]
    if len(rest) > 2:
        row["result"] = rest[2]
    return row


def _consultations3(rows: list[Element], url: str) -> list[dict]:
    """Classic ALLRIS 3: a body row (td.text1: body, role), then its meeting rows (td.text2: date, a link to the
    meeting, td.text3: result); the status is the title of the first, coloured cell."""
    out: list[dict] = []
    current: dict | None = None
    for tr in rows:
        cells = [td for td in tr if td.tag == "td"]
        if not cells:
            continue
        status = cells[0].get("title") or None
        text1 = [c for c in cells if "text1" in classes(c)]
        text2 = [c for c in cells if "text2" in classes(c)]
        if text1:
            name = text(text1[0])
            role = text(text1[1]) if len(text1) > 1 else ""
            if not name:
                continue
            org, role2 = split_consultation(name)
            current = {"body": org, "role": role or role2, "status": status, "date": None, "meeting": None,
                       "result": ""}
            out.append(current)
        elif text2 and current is not None:
            entry = current if current["date"] is None and current["meeting"] is None else dict(current)
            entry["date"] = text(text2[0]) or None
            entry["status"] = status or entry.get("status")
            link = next((a for a in tr.iter("a") if program_of(a.get("href")) == "to010"), None)
            if link is not None:
                entry["meeting"] = text(link)
                entry["meeting_url"] = _abs(url, link.get("href"))
                entry["meeting_id"] = link_id(link.get("href"), "SILFDNR")
            result_td = next((c for c in cells if "text3" in classes(c)), None)
            entry["result"] = text(result_td)
            if entry is not current:
                out.append(entry)
    return out


# --- files -------------------------------------------------------------------------------------------------------


_ANNEX_BLOCKS = frozenset({"attachments", "attachmentTable"})


def _files(tree: Element, url: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Documents of the paper (the paper PDF, the Sammeldokument) and its annexes (Anlagen), each once."""
    documents: list[tuple[str, str]] = []
    annexes: list[tuple[str, str]] = []
    seen_urls: set[str] = set()
    seen_annex_names: set[str] = set()
    for form in tree.iter("form"):
        if "do027" not in (form.get("action") or "").lower():
            continue
        inputs = list(form.iter("input"))
        dol = next((i for i in inputs if (i.get("name") or "").upper() == "DOLFDNR"), None)
        sub = next((i for i in inputs if i.get("type") == "submit"), None)
        if dol is None:
            continue
        name = (sub.get("title") or sub.get("value") or "Dokument") if sub is not None else "Dokument"
        name = squash(re.sub(r"\s*\(Öffnet (?:PDF-Datei|Dokument) in neuem Fenster\)", "", name))
        u = _abs(url, f"do027.asp?DOLFDNR={dol.get('value')}")
        if u not in seen_urls:
            seen_urls.add(u)
            documents.append((name, u))
    for a in tree.iter("a"):
        href = (a.get("href") or "").strip()
        cls = classes(a)
        if not href or href.startswith(("#", "mailto:", "javascript:")) or not (
                _FILE_HREF.search(href) or cls & {"attlink", "doclink"}):
            continue
        u = _abs(url, href)
        name = text(a) or squash(a.get("title") or "") or "Dokument"
        annex = ("attlink" in cls or "___tmp" in href or any(
            not _ANNEX_BLOCKS.isdisjoint(classes(anc)) for anc in a.iterancestors())) and "doclink" not in cls
        if annex:
            if name in seen_annex_names or u in seen_urls:
                continue
            seen_annex_names.add(name)
            seen_urls.add(u)
            annexes.append((name, u))
        else:
            if u in seen_urls:
                continue
            seen_urls.add(u)
            documents.append((name, u))
    return documents, annexes


# --- sections ------------------------------------------------------------------------------------------------------


_ANCHOR = re.compile(r"allris[A-Z]{2}")


def _doc_parts(tree: Element) -> list[tuple[Element, Element | None]]:
    """Every ``div.docPart`` (ALLRIS 4 text blocks) with the last h2 or h3 before it (not one around it), in one
    pass over the page: the XPath ``preceding`` axis walks the whole page back for every block."""
    out = []
    headings: list[Element] = []
    for el in tree.iter("h2", "h3", "div"):
        if el.tag != "div":
            headings.append(el)
        elif "docPart" in classes(el):
            around = set(el.iterancestors("h2", "h3"))
            out.append((el, next((h for h in reversed(headings) if h not in around), None)))
    return out


def _sections(tree: Element) -> dict[str, str]:
    sections: dict[str, str] = {}
    anchors = [a for a in tree.iter("a") if _ANCHOR.fullmatch(a.get("name") or "")]
    for i, a in enumerate(anchors):
        stop = anchors[i + 1] if i + 1 < len(anchors) else None
        name = _SECTION_ANCHORS.get(a.get("name"), a.get("name")[6:])
        chunks = []
        for el in a.itersiblings():
            if el is stop or (stop is not None and any(x is stop for x in el.iter("a"))) or el.tag == "td":
                break
            chunks.append(block_text(el))
        body = "\n".join(c for c in chunks if c).strip()
        body = re.sub(r"^" + re.escape(name.split("/")[0]) + r"\w*\s*:?\s*\n?", "", body, flags=re.I)
        body = re.sub(r"^Anlage/n\s*:\s*", "", body).strip()
        if body:
            sections[name] = body
    if anchors:
        return sections
    for part, heading in _doc_parts(tree):
        name = text(heading) if heading is not None else ""
        body = block_text(part)
        if not name:
            first, _, rest = body.partition("\n")
            name = first.rstrip(": ") if len(first) < 40 and first.endswith(":") else "Text"
            body = rest.strip() if name != "Text" else body
        if body:
            sections[name] = (sections.get(name, "") + "\n\n" + body).strip()
    if sections:
        return sections
    for heading in tree.iter("h2", "h3", "h4"):
        title = text(heading).rstrip(":")
        if _SECTION_HEADINGS.fullmatch(title):
            container = heading.getnext()
            if container is not None:
                body = block_text(container)
                if body:
                    sections[title] = body
    return sections
