"""ALLRIS paper pages copied or exported as text ("Vorlage - VII-F-00741-AW-01", labels, Stammbaum).

Copying a page flattens its table: labels run into each other on one line
("Status:öffentlich (Vorlage abgeschlossen)Vorlage-Art:schriftliche Antwort zur Anfrage"), so
labels are found wherever they stand, not only at the start of a line.
"""

from __future__ import annotations

import re

from ratsinfo.errors import ParseError
from ratsinfo.model import Records
from ratsinfo.parsers.structure import (
    LABELS,
    SECTION_NAMES,
    RawPaper,
    StammbaumRow,
    build_paper,
    split_consultation,
)
from ratsinfo.parsers.textutil import clean_extracted_text, squash

_HEADER = re.compile(r"^\s*(?:Vorlage|Drucksache|Beschlussvorlage|Antrag|Anfrage)\s+-\s+(\S.*?)\s*$", re.M)
_LABEL_RX = re.compile(
    r"(?P<label>" + "|".join(re.escape(k) for k in sorted(LABELS, key=len, reverse=True) if k != "art")
    + r")\s*:",
    re.I,
)
_SECTION_RX = re.compile(
    r"^[ \t]*(?P<name>" + "|".join(re.escape(s) for s in SECTION_NAMES) + r")[ \t]*:?[ \t]*$", re.M
)
_STAMMBAUM_RX = re.compile(r"^[ \t]*Stammbaum[ \t]*:?[ \t]*$", re.M)
_DAY = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b")
_NOISE = re.compile(r"^.*ALLRIS®? Office Integration.*$|^\s*Ratsinformationssystem\s*$", re.M)


def looks_like_allris_text(text: str) -> bool:
    head = text[:3000]
    return bool(_HEADER.search(head)) and re.search(r"Betreff\s*:", head) is not None


def parse_allris_text(text: str, source_url: str, document_key: str, scope: str) -> Records:
    text = clean_extracted_text(_NOISE.sub("", text))
    m = _HEADER.search(text)
    if not m:
        raise ParseError("no 'Vorlage - REFERENCE' line: not an ALLRIS paper export")
    reference = squash(m.group(1))
    raw = RawPaper(reference=reference)

    first_section = _SECTION_RX.search(text, m.end())
    stamm = _STAMMBAUM_RX.search(text, m.end())
    header_end = min(x.start() for x in (first_section, stamm) if x) if (first_section or stamm) else len(text)
    header = text[m.end():header_end]

    labels = list(_LABEL_RX.finditer(header))
    for i, lm in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(header)
        value = header[lm.end():end].strip()
        field = LABELS[lm.group("label").lower()]
        if field == "consultations" and _DAY.search(value):
            # the days of the bodies' sessions stay readable for the extraction (a table copied as lines)
            raw.sections["Beratungsfolge"] = "\n".join(squash(x) for x in value.splitlines() if x.strip())
        if field == "consultations":
            for line in value.splitlines():
                line = squash(line)
                if not line:
                    continue
                org, role = split_consultation(line)
                raw.consultations.append({"organization": org, "role": role})
        elif value:
            raw.fields.setdefault(field, squash(value))

    body_end = stamm.start() if stamm else len(text)
    if first_section and first_section.start() < body_end:
        heads = [h for h in _SECTION_RX.finditer(text, first_section.start(), body_end)]
        for i, h in enumerate(heads):
            end = heads[i + 1].start() if i + 1 < len(heads) else body_end
            body = text[h.end():end].strip("\n ")
            body = re.sub(r"\n[ \t\xa0]*(?:\n[ \t\xa0]*)+", "\n\n", body).strip()
            name = h.group("name")
            raw.sections[name] = (raw.sections.get(name, "") + "\n\n" + body).strip()

    if stamm:
        for line in text[stamm.end():].splitlines():
            cells = [c.strip() for c in re.split(r"\t+|\s{2,}", line.strip()) if c.strip()]
            if len(cells) >= 2 and re.search(r"\d", cells[0]):
                cells += [None] * (4 - len(cells))
                raw.stammbaum.append(StammbaumRow(cells[0], cells[1], cells[2], cells[3]))
    return build_paper(raw, scope, source_url, document_key)
