"""German words of the digest: counted nouns in singular or plural, field names of the change log."""

from __future__ import annotations

FIELDS = {"name": "Titel", "status": "Status", "paper_type": "Art", "date": "Datum", "start": "Beginn",
          "end": "Ende", "cancelled": "abgesagt", "location": "Ort"}


def count(n: int, singular: str, plural: str) -> str:
    """"1 Neuigkeit", "2 Neuigkeiten", "0 Neuigkeiten"."""
    return f"{n} {singular if n == 1 else plural}"


def field_name(detail: str) -> str:
    """"start: 2025-03-05 18:00:00 → …" with the field named in German."""
    field, sep, rest = detail.partition(": ")
    return f"{FIELDS.get(field, field)}: {rest}" if sep else detail
