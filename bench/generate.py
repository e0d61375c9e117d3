"""Synthetic council material at a given scale: German paper titles, inquiry and answer texts in the
manner of real ones, rules of procedure, and PDFs with real text layers of 1 to 20 pages."""

from __future__ import annotations

import random

TOPICS = ["Radverkehr", "Schulsanierung", "Spielplätze", "Haushalt", "Lärmschutz", "Kita-Ausbau", "Stadtgrün",
          "Sauberkeit", "Videoüberwachung", "Wohnungsbau", "Sportstätten", "Bürgerbeteiligung", "Kriminalprävention",
          "Straßenbeleuchtung", "Obdachlosigkeit", "Jugendarbeit", "Seniorenbegegnung", "Klimaanpassung"]
BODIES = ["Seniorenbeirat", "Präventionsrat", "Jugendhilfeausschuss", "Ausschuss für Umwelt und Ordnung",
          "Lenkungsgruppe Sicherheit", "Arbeitskreis Schulweg", "Fachbeirat Inklusion", "Integrationsbeirat"]
NUMBERS = ["zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"]


def answer_text(rnd: random.Random, year: int) -> str:
    body = rnd.choice(BODIES)
    topics = rnd.sample(TOPICS, 4)
    n = rnd.choice(NUMBERS)
    return "\n".join([
        f"1. Wie oft tagte der {body} im Jahr {year}?", "",
        f"Im Jahr {year} fanden {n} Sitzungen des {body}s statt. Der {body} tagt in der Regel viermal im Jahr.", "",
        "2. Welche Themen wurden behandelt?", "",
        f"{body}:", *[f"• {t} im Quartier" for t in topics], "",
        f"3. Wie bewertet die Verwaltung die Zusammenarbeit im Jahr {year}?", "",
        f"Die Verwaltung bewertet die Zusammenarbeit mit dem {body} als konstruktiv. "
        f"Die Vorlage V-{rnd.randint(100, 999)}/{year % 100:02d} vom 12.03.{year} bildet die Grundlage.",
    ])


def rules_text(rnd: random.Random) -> str:
    body = rnd.choice(BODIES)
    return "\n".join([
        f"Geschäftsordnung des {body}s", "§ 1 Aufgaben", f"Der {body} berät den Stadtrat in Fragen der "
        f"{rnd.choice(TOPICS)}.", "§ 2 Sitzungen",
        f"Der {body} tagt in der Regel {rnd.choice(NUMBERS[1:4])}mal im Jahr. "
        "Anträge zur Tagesordnung sind bis zehn Tage vor der Sitzung einzureichen.",
        "Die Einladung erfolgt schriftlich mit einer Frist von zwei Wochen.", "Die Sitzungen sind öffentlich.",
        "§ 3 Niederschrift", "Die Niederschrift geht den Mitgliedern spätestens vier Wochen nach der Sitzung zu."])


def pdf_pool(n: int = 40, seed: int = 5, max_pages: int = 20) -> list[bytes]:
    """n PDFs of 1 to max_pages pages with a German text layer."""
    from ratsinfo.demo.pdfwriter import text_to_pdf

    rnd = random.Random(seed)
    out = []
    for i in range(n):
        pages = 1 + (i * 7) % max_pages
        paragraphs = []
        while len(paragraphs) < pages * 9:
            paragraphs.append(answer_text(rnd, 2015 + i % 10) if len(paragraphs) % 18 == 0 else rules_text(rnd))
        lines = "\n".join(paragraphs).splitlines()[: pages * 46]
        out.append(text_to_pdf("\n".join(lines)))
    return out
