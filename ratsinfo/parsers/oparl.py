"""OParl objects (1.0 and 1.1) to records, tolerant of what real servers send.

Known quirks handled here (see ../shared/corpus/PROVENANCE.md): "N/A" and empty dates; an object
where a list is expected and a list where a page is expected; ``auxiliaryFile`` as an object;
``mimeType`` "pdf"; invalid JSON with control characters and CP850 mojibake; deleted objects
without ``type``. One mapping function per object type.
"""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ratsinfo.errors import ParseError, one_line, printable
from ratsinfo.model import (
    AgendaItem,
    Body,
    Consultation,
    File,
    Meeting,
    Membership,
    Organization,
    Paper,
    PaperRelation,
    Person,
    Records,
)
from ratsinfo.parsers.limits import check_json_depth

MIME = {"pdf": "application/pdf", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "doc": "application/msword", "html": "text/html", "txt": "text/plain", "rtf": "application/rtf",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "jpg": "image/jpeg",
        "png": "image/png", "zip": "application/zip"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# cp1252 glyphs that stand where a CP850/CP437 umlaut byte was read as cp1252: "beschr„nkter"
_CP850_AS_1252 = re.compile(
    "(?<=[a-zäöüß])[\u201e\u201d\u0081\u2039\u0160\u2122\u0161]|[\u201e\u201d\u2122\u0160](?=[a-zß])")


@dataclass
class Decoded:
    value: Any
    repaired: list[str] = field(default_factory=list)


def decode(data: bytes) -> Decoded:
    """JSON from bytes; control characters and mojibake are repaired and reported, not fatal."""
    check_json_depth(data)
    text = data.decode("utf-8", errors="replace")
    repaired: list[str] = []
    if "\ufffd" in text:
        repaired.append("bytes that are not UTF-8 replaced by U+FFFD (the raw bytes are kept)")
    try:
        value = json.loads(text, strict=False)
    except RecursionError as exc:
        raise ParseError("JSON nested too deeply to read") from exc
    except ValueError:
        cleaned = _CONTROL.sub(" ", text)
        try:
            value = json.loads(cleaned, strict=False)
            repaired.append("control characters removed")
        except ValueError as exc:
            raise ParseError(f"invalid JSON that could not be repaired ({exc.msg} at {exc.pos})") from exc
    value, n = _repair_strings(value)
    if n:
        repaired.append(f"{n} strings repaired (control characters or CP850 mojibake)")
    return Decoded(value, repaired)


def _repair_strings(value: Any) -> tuple[Any, int]:
    """Repair every string in a decoded JSON value, lists and objects in place; returns it and how many strings
    changed. A string of printable ASCII has nothing to repair and is passed by without a search (nearly every
    string of a page: a page holds thousands of them)."""
    if isinstance(value, str):
        fixed = _repair(value)
        return fixed, int(fixed != value)
    if isinstance(value, list):
        items: Any = enumerate(value)
    elif isinstance(value, dict):
        items = value.items()
    else:
        return value, 0
    n = 0
    fixes = []
    for k, v in items:
        if isinstance(v, str):
            if v.isascii() and v.isprintable():
                continue
            fixed = _repair(v)
            if fixed != v:
                fixes.append((k, fixed))
        elif isinstance(v, list | dict):
            n += _repair_strings(v)[1]
    for k, fixed in fixes:
        value[k] = fixed
    return value, n + len(fixes)


def _repair(s: str) -> str:
    if "Ã" in s:
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            s = s.encode("cp1252").decode("utf-8")
    if _CP850_AS_1252.search(s):
        s = _CP850_AS_1252.sub(lambda m: m.group(0).encode("cp1252", errors="ignore").decode("cp850"), s)
    if _CONTROL.search(s):
        # binary junk after the text: drop the control bytes and the short fragments they leave
        s = _CONTROL.sub(" ", s)
        s = re.sub(r"(?:\s+\S{1,2})+\s*$", "", s)
        s = " ".join(s.split())
    return s


# --- values -------------------------------------------------------------------------------------------


def as_list(value: Any) -> list:
    """An object where a list is expected is a list of one; None is an empty list."""
    if value is None or value == "":
        return []
    return value if isinstance(value, list) else [value]


def text_of(value: Any) -> str | None:
    """A text field as text whatever type the server sent: numbers become text, a list of texts is
    joined, objects and booleans are no text at all."""
    if isinstance(value, str):
        return value or None
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        joined = " ".join(t for t in (text_of(v) for v in value if not isinstance(v, list | dict)) if t)
        return joined or None
    return None


def parse_dt(value: Any) -> datetime | None:
    if not value or not isinstance(value, str) or value.strip().upper() in ("N/A", "NULL", "-"):
        return None
    v = value.strip().replace("Z", "+00:00")
    try:
        d = datetime.fromisoformat(v)
    except ValueError:
        try:
            d = datetime.fromisoformat(v[:19])
        except ValueError:
            return None
    return d.replace(tzinfo=None) if d.tzinfo is None else d.astimezone().replace(tzinfo=None)


def parse_d(value: Any) -> date | None:
    d = parse_dt(value)
    if d is not None:
        return d.date()
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def object_type(obj: dict) -> str:
    """'https://schema.oparl.org/1.1/Paper' -> 'Paper'; deleted objects may lack a type."""
    t = obj.get("type") if isinstance(obj.get("type"), str) else ""
    return t.rstrip("/").rsplit("/", 1)[-1] if t else ""


def ref_id(value: Any) -> str | None:
    """An id from a reference that is a URL or an embedded object."""
    if isinstance(value, dict):
        i = value.get("id")
        return i if isinstance(i, str) and i else None
    if isinstance(value, str) and value:
        return value
    return None


def key(kind: str, oparl_id: str) -> str:
    return f"oparl:{kind}:{oparl_id}"


# --- pages --------------------------------------------------------------------------------------------


@dataclass
class Page:
    objects: list[dict]
    next_url: str | None
    shape: str  # page | list | object | error
    problem: str | None = None  # what was wrong with the page but not fatal (a 'next' that is no URL)
    links: dict[str, str] = field(default_factory=dict)  # first, prev, next, last as the server gives them


def page_of(value: Any) -> Page:
    """A list response in any of the shapes servers send."""
    if isinstance(value, list):
        return Page([o for o in value if isinstance(o, dict)], None, "list")
    if isinstance(value, dict):
        if "data" in value and isinstance(value.get("data"), list | dict):
            links = value.get("links") if isinstance(value.get("links"), dict) else {}
            nxt = links.get("next")
            objects = [o for o in as_list(value["data"]) if isinstance(o, dict)]
            if nxt is not None and not isinstance(nxt, str):
                return Page(objects, None, "page", f"links.next is a {type(nxt).__name__}, not a URL; "
                                                   "the list stops at this page")
            good = {k: v for k, v in links.items() if isinstance(v, str) and v}
            return Page(objects, nxt or None, "page", links=good)
        if "id" in value:
            return Page([value], None, "object")
        if "error" in value or "message" in value or "status" in value:
            return Page([], None, "error")
    raise ParseError("neither a page, a list nor an object")


# --- mapping --------------------------------------------------------------------------------------------


def refer(out: Records, table: str, value: Any) -> str | None:
    """The id an object points to, noted so that unlisted objects can be fetched one by one."""
    i = ref_id(value)
    if i:
        out.references.setdefault(table, set()).add(i)
    return i




TABLE_OF = {"Body": "body", "Organization": "organization", "Person": "person", "Membership": "membership",
            "Meeting": "meeting", "AgendaItem": "agenda_item", "Paper": "paper", "Consultation": "consultation",
            "File": "file"}


def org_kind(obj: dict) -> str | None:
    from ratsinfo.parsers.nlp.org_heads import _match_head

    hint = " ".join(str(obj.get(k) or "") for k in ("organizationType", "classification")).casefold()
    for word, kind in (("fraktion", "faction"), ("ausschuss", "committee"), ("beirat", "advisory_board"),
                       ("arbeitsgruppe", "working_group"), ("arbeitskreis", "working_group"),
                       ("verwaltung", "department"), ("dezernat", "department"), ("amt", "department"),
                       ("rat", "council"), ("kreistag", "council"), ("bezirksvertretung", "council"),
                       ("partei", "faction")):
        if word in hint:
            return kind
    name = text_of(obj.get("name")) or ""
    for w in reversed(name.split()):
        hm = _match_head(w)
        if hm:
            return hm[0].kind
    return None


def map_object(obj: dict, body_key: str | None, out: Records, expect: str | None = None) -> None:
    """Map one OParl object (and what it embeds) into ``out``; all or nothing.

    A field of a type no mapper expects raises ParseError naming the object, so that the caller
    records it and goes on with the next object.
    """
    otype = object_type(obj) or (expect or "")
    oid = obj.get("id")
    if not otype or oid is None or oid == "":
        return
    if not isinstance(oid, str):
        raise ParseError(f"{otype} with an id that is a {type(oid).__name__}, not a URL: skipped")
    modified = parse_dt(obj.get("modified"))
    if modified and (out.modified is None or modified > out.modified):
        out.modified = modified
    table = TABLE_OF.get(otype)
    if obj.get("deleted") is True:
        if table:
            out.deleted.setdefault(table, set()).add(key(table, oid))
        return
    fn = MAPPERS.get(otype)
    if not fn:
        return
    staged = Records()
    try:
        fn(obj, body_key, staged)
    except ParseError:
        raise
    except Exception as exc:  # a field of an unexpected type or shape: this object only
        raise ParseError(f"{otype} {printable(oid)[:200]}: unexpected field type or shape ({one_line(exc)}); "
                         "object skipped") from exc
    out.extend(staged)


def _body(obj: dict, body_key: str | None, out: Records) -> None:
    name = text_of(obj.get("name")) or text_of(obj.get("shortName")) or obj["id"]
    out.bodies.append(Body(key=key("body", obj["id"]), name=name, source_url=obj["id"]))


def _organization(obj: dict, body_key: str | None, out: Records) -> None:
    name = text_of(obj.get("name")) or text_of(obj.get("shortName")) or obj["id"]
    short = text_of(obj.get("shortName"))
    parent = refer(out, "organization", obj.get("subOrganizationOf"))
    out.organizations.append(Organization(
        key=key("organization", obj["id"]), name=name, kind=org_kind(obj),
        parent_key=key("organization", parent) if parent else None,
        aliases=[short] if short and short != name else [],
        body_key=body_key, source_url=obj["id"]))
    for m in as_list(obj.get("membership")):
        if isinstance(m, dict):
            map_object(m, body_key, out, "Membership")


def _person(obj: dict, body_key: str | None, out: Records) -> None:
    name = (text_of(obj.get("name")) or " ".join(x for x in (text_of(obj.get("givenName")),
                                                              text_of(obj.get("familyName"))) if x) or obj["id"])
    out.persons.append(Person(key=key("person", obj["id"]), name=name, role=text_of(obj.get("title")),
                              source_url=obj["id"]))
    for m in as_list(obj.get("membership")):
        if isinstance(m, dict):
            m = dict(m)
            m.setdefault("person", obj["id"])
            map_object(m, body_key, out, "Membership")


def _membership(obj: dict, body_key: str | None, out: Records) -> None:
    person = refer(out, "person", obj.get("person"))
    org = refer(out, "organization", obj.get("organization"))
    if not person or not org:
        return
    out.memberships.append(Membership(
        key=key("membership", obj["id"]), person_key=key("person", person), organization_key=key("organization", org),
        role=text_of(obj.get("role")), start_date=parse_d(obj.get("startDate")), end_date=parse_d(obj.get("endDate")),
        source_url=obj["id"]))


def _file(obj: dict, out: Records, paper_key: str | None = None, meeting_key: str | None = None) -> None:
    if not isinstance(obj, dict) or not obj.get("id"):
        return
    if not isinstance(obj["id"], str):
        raise ParseError(f"a file whose id is a {type(obj['id']).__name__}, not a URL")
    if obj.get("deleted") is True:
        out.deleted.setdefault("file", set()).add(key("file", obj["id"]))
        return
    mime = (text_of(obj.get("mimeType")) or "").strip().lower()
    mime = MIME.get(mime, mime) or None
    url = next((u for u in (obj.get("downloadUrl"), obj.get("accessUrl")) if isinstance(u, str) and u), None)
    out.files.append(File(key=key("file", obj["id"]), name=text_of(obj.get("name")) or text_of(obj.get("fileName"))
                          or obj["id"], sha256=None, mime_type=mime, paper_key=paper_key, meeting_key=meeting_key,
                          text=text_of(obj.get("text")), access_url=url, source_url=obj["id"]))
    size = obj.get("size")
    out.files[-1].size = size if isinstance(size, int) and size > 0 else None
    out.files[-1].date = parse_d(obj.get("date")) or parse_d(obj.get("created"))


def _meeting(obj: dict, body_key: str | None, out: Records) -> None:
    mkey = key("meeting", obj["id"])
    orgs = [refer(out, "organization", o) for o in as_list(obj.get("organization"))]
    loc = obj.get("location")
    location = text_of(loc.get("description")) if isinstance(loc, dict) else None
    m = Meeting(key=mkey, name=text_of(obj.get("name")),
                organization_key=key("organization", orgs[0]) if orgs and orgs[0] else None,
                start=parse_dt(obj.get("start")), end=parse_dt(obj.get("end")), location=location,
                source_url=obj["id"], method="record")
    m.cancelled = bool(obj.get("cancelled"))
    out.meetings.append(m)
    for slot in ("invitation", "resultsProtocol", "verbatimProtocol", "auxiliaryFile"):
        for f in as_list(obj.get(slot)):
            _file(f, out, meeting_key=mkey)
    for pos, item in enumerate(as_list(obj.get("agendaItem"))):
        if isinstance(item, dict):
            item = dict(item)
            item.setdefault("meeting", obj["id"])
            item.setdefault("_position", pos)
            map_object(item, body_key, out, "AgendaItem")


def _agenda_item(obj: dict, body_key: str | None, out: Records) -> None:
    meeting = refer(out, "meeting", obj.get("meeting"))
    if not meeting:
        return
    consultation = obj.get("consultation")
    paper = None
    if isinstance(consultation, dict):
        paper = refer(out, "paper", consultation.get("paper"))
    public = obj.get("public")
    item = AgendaItem(key=key("agenda_item", obj["id"]), meeting_key=key("meeting", meeting),
                      number=text_of(obj.get("number")),
                      name=text_of(obj.get("name")) or "", public=public if isinstance(public, bool) else None,
                      result=text_of(obj.get("result")), paper_key=key("paper", paper) if paper else None,
                      source_url=obj["id"])
    position = obj.get("order", obj.get("_position"))
    item.position = position if isinstance(position, int) else None
    out.agenda_items.append(item)
    for f in as_list(obj.get("resolutionFile")) + as_list(obj.get("auxiliaryFile")):
        _file(f, out, meeting_key=key("meeting", meeting))


def _paper(obj: dict, body_key: str | None, out: Records) -> None:
    pkey = key("paper", obj["id"])
    originators = [ref_id(o) for o in as_list(obj.get("originatorOrganization")) + as_list(obj.get("originatorPerson"))]
    directed = [ref_id(o) for o in as_list(obj.get("underDirectionOf"))]
    out.papers.append(Paper(
        key=pkey, reference=text_of(obj.get("reference")) or text_of(obj.get("name")) or obj["id"],
        name=text_of(obj.get("name")), paper_type=text_of(obj.get("paperType")), date=parse_d(obj.get("date")),
        originator=originators[0] if originators else None,
        under_direction_of=directed[0] if directed else None,
        source_url=web if isinstance(web := obj.get("web"), str) and web else obj["id"]))
    out.papers[-1].body_key = body_key
    for o in as_list(obj.get("originatorOrganization")) + as_list(obj.get("underDirectionOf")):
        refer(out, "organization", o)
    for f in as_list(obj.get("mainFile")) + as_list(obj.get("auxiliaryFile")):
        _file(f, out, paper_key=pkey)
    for rel, field_ in (("related_to", "relatedPaper"), ("derived_from", "superordinatedPaper"),
                        ("has_part", "subordinatedPaper")):
        for target in as_list(obj.get(field_)):
            tid = refer(out, "paper", target)
            if tid:
                out.relations.append(PaperRelation(
                    key=f"{pkey}/{rel}/{tid}", subject_key=pkey, subject_reference=out.papers[-1].reference,
                    relation=rel, target_reference=tid, target_key=key("paper", tid), source_url=obj["id"]))
    for pos, c in enumerate(as_list(obj.get("consultation"))):
        if isinstance(c, dict):
            c = dict(c)
            c.setdefault("paper", obj["id"])
            c.setdefault("_position", pos)
            map_object(c, body_key, out, "Consultation")


def _consultation(obj: dict, body_key: str | None, out: Records) -> None:
    paper = refer(out, "paper", obj.get("paper"))
    if not paper:
        return
    orgs = [refer(out, "organization", o) for o in as_list(obj.get("organization"))]
    meeting = refer(out, "meeting", obj.get("meeting"))
    out.consultations.append(Consultation(
        key=key("consultation", obj["id"]), paper_key=key("paper", paper),
        organization_name=orgs[0] if orgs and orgs[0] else "", organization_key=key("organization", orgs[0])
        if orgs and orgs[0] else None, meeting_key=key("meeting", meeting) if meeting else None,
        role=text_of(obj.get("role")), status="authoritative" if obj.get("authoritative") is True else None,
        # only the embedding paper knows the position: a copy from the consultation list leaves it empty
        position=position if isinstance(position := obj.get("_position"), int) else None, source_url=obj["id"]))


def _file_object(obj: dict, body_key: str | None, out: Records) -> None:
    papers = as_list(obj.get("paper"))
    meetings = as_list(obj.get("meeting"))
    pid = ref_id(papers[0]) if papers else None
    mid = ref_id(meetings[0]) if meetings else None
    _file(obj, out, paper_key=key("paper", pid) if pid else None, meeting_key=key("meeting", mid) if mid else None)


MAPPERS = {"Body": _body, "Organization": _organization, "Person": _person, "Membership": _membership,
           "Meeting": _meeting, "AgendaItem": _agenda_item, "Paper": _paper, "Consultation": _consultation,
           "File": _file_object}
