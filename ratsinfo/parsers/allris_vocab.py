"""The field vocabulary every ALLRIS layout shares: label spellings of ALLRIS 3, responsive ALLRIS 3 and
ALLRIS 4 installations mapped to one field name, local author labels, and paper references in titles."""

from __future__ import annotations

import re

from ratsinfo.parsers.allris_common import norm_label

PAPER_LABELS: dict[str, str] = {
    "betreff": "title", "titel": "title", "bezeichnung": "title", "kurzbezeichnung": "title",
    "status": "status", "vorlagenstatus": "status",
    "vorlageart": "paper_type", "vorlage-art": "paper_type", "vorlagen-art": "paper_type", "vorlagenart": "paper_type",
    "drucksache-art": "paper_type", "drucksachenart": "paper_type", "drucksachen-art": "paper_type",
    "drucksachentyp": "paper_type", "vorlagentyp": "paper_type", "art": "paper_type", "dokumentart": "paper_type",
    "typ": "paper_type",
    "datum": "date", "erstellt": "date", "erstellt am": "date", "vorlagedatum": "date", "vorlagendatum": "date",
    "datum der vorlage": "date", "erstellungsdatum": "date", "eingang": "date", "eingangsdatum": "date",
    "vom": "date", "ausgabedatum": "date", "drucksachendatum": "date",
    "federführend": "under_direction_of", "federführung": "under_direction_of",
    "federführendes amt": "under_direction_of", "federführende dienststelle": "under_direction_of",
    "federführender fachbereich": "under_direction_of", "fachbereich": "under_direction_of",
    "amt": "under_direction_of", "organisationseinheit": "under_direction_of", "dienststelle": "under_direction_of",
    "bezüglich": "related_reference", "bezug": "related_reference", "bezugsvorlage": "related_reference",
    "anlass": "occasion",
    "beratungsfolge": "consultations",
    "vorlage": "reference", "drucksache": "reference", "vorlagen-nr": "reference", "vorlagen-nr.": "reference",
    "drucksachen-nr": "reference", "drucksachen-nr.": "reference", "vorlagennummer": "reference",
    "drucksachennummer": "reference", "nummer": "reference", "name": "reference",
}

# "Einreicher", "Verfasser/in", "Berichterstatter/in", "Vorstand", "1. Berichterstattung", "Antragsteller:innen"
_AUTHOR = re.compile(
    r"^(?:\d+\.\s*)?(?:einreicher|initiator|verfasser|berichterstatt|antragstell|vorstand|autor|urheber|"
    r"eingereicht|vorgelegt|bearbeiter|absender|fragesteller|anfragesteller|unterzeichn|einbringer|"
    r"antrag von|anfrage von|vorlage von|dezernent|beigeordnet|bürgermeister|oberbürgermeister|landrat)",
    re.I)


def paper_field(label: str) -> str | None:
    """The field a vo020 label fills, or None when it is not one we know ('submitter' for local author labels)."""
    n = norm_label(label)
    if n in PAPER_LABELS:
        return PAPER_LABELS[n]
    if _AUTHOR.match(n):
        return "submitter"
    if n.startswith("federführ"):
        return "under_direction_of"
    if n.startswith(("vorlageart", "vorlagenart", "drucksachenart", "vorlage-art", "drucksache-art")):
        return "paper_type"
    return None


# A paper reference as councils print it: "22-3995", "2026/245/1", "VO/2024/77", "K 2024/0311", "DS 2024/0815",
# "RS. 16/218-02", "VII-F-00741-AW-01", "A-0412/2023-AW-01", "0815/2024"
_REF = re.compile(r"^(?:[A-Za-zÄÖÜäöü]{1,6}\.?\s+)?[A-Za-zÄÖÜ0-9][\w./\-]*\d[\w./\-]*$")


def looks_like_reference(value: str) -> bool:
    value = value.strip()
    return bool(value) and len(value) <= 40 and bool(_REF.match(value)) and not re.fullmatch(
        r"\d{1,2}\.\d{1,2}\.\d{4}", value)


def split_title(title: str) -> tuple[str | None, str | None]:
    """'Antrag - 2026/245' -> ('Antrag', '2026/245'); 'VO/2024/77 - öffentliche Beschlussvorlage' ->
    ('öffentliche Beschlussvorlage', 'VO/2024/77'); the kind is any words, in either order."""
    title = re.sub(r"\s+", " ", title.replace("\xa0", " ")).strip()
    parts = re.split(r"\s+[-–—]\s+", title, maxsplit=1)
    if len(parts) == 2:
        a, b = (p.strip() for p in parts)
        if looks_like_reference(b) and not (looks_like_reference(a) and re.search(r"\d", a)):
            return a, b
        if looks_like_reference(a):
            return b, a
        # a kind with more than one dash: "Anfrage - mündlich - 22-1234"
        tail = re.split(r"\s+[-–—]\s+", title)
        if looks_like_reference(tail[-1]):
            return " - ".join(tail[:-1]), tail[-1]
        return None, None
    if looks_like_reference(title):
        return None, title
    return None, None
