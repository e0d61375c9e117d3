"""The policy areas of the Kommunaler Produktrahmen that agenda items and papers are sorted into.

"00" is not a policy area: it marks procedural items (opening, minutes, Mitteilungen, Anfragen,
Verschiedenes) so that they can be counted apart and left out of the list of themes.
"""

from __future__ import annotations

from dataclasses import dataclass

PROCEDURAL = "00"

LABELS: dict[str, str] = {
    "00": "Verfahren",
    "11": "Innere Verwaltung",
    "12": "Sicherheit und Ordnung",
    "21": "Schulträgeraufgaben",
    "25": "Kultur und Wissenschaft",
    "31": "Soziale Hilfen",
    "36": "Kinder-, Jugend- und Familienhilfe",
    "41": "Gesundheitsdienste",
    "42": "Sportförderung",
    "51": "Räumliche Planung und Entwicklung",
    "52": "Bauen und Wohnen",
    "53": "Ver- und Entsorgung",
    "54": "Verkehrsflächen und -anlagen, ÖPNV",
    "55": "Natur- und Landschaftspflege",
    "56": "Umweltschutz",
    "57": "Wirtschaft und Tourismus",
    "61": "Allgemeine Finanzwirtschaft",
}

CODES: tuple[str, ...] = tuple(LABELS)


@dataclass(frozen=True)
class Theme:
    """The policy area of one item: its code, an optional runner-up and how sure the classifier is (0..1)."""

    code: str
    second: str | None
    confidence: float

    @property
    def label(self) -> str:
        return LABELS[self.code]

    @property
    def procedural(self) -> bool:
        return self.code == PROCEDURAL


def label(code: str) -> str:
    """The German label of a code ("54" -> "Verkehrsflächen und -anlagen, ÖPNV")."""
    return LABELS[code]
