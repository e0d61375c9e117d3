"""Signs that an inquiry was answered, and of who asked it, as council information systems write them.

Servers file the administration's statement with the inquiry ("Stellungnahme der Verwaltung",
"StN 12/2024"), put it under the inquiry as a paper of its own, or record an oral answer as the
result of the agenda item ("mündlich beantwortet"). The asker is an originator field, or named in
the title ("Anfrage der SPD-Fraktion zu …", "Anfrage FW: …") or at the head of the inquiry's text.
Pure functions of strings, so that the rules are tested on their own.
"""

from __future__ import annotations

import re

# Paper types that answer when merely related: Antwort, Beantwortung, Stellungnahme, Mitteilung.
ANSWER_TYPE = re.compile(r"antwort|beantwortung|stellungnahme|mitteilung", re.I)
# Paper types under an inquiry that are not its answer: a follow-up inquiry, a motion.
NOT_ANSWER_TYPE = re.compile(r"anfrage|antrag|änderung", re.I)

# File names of a statement or answer: "Stellungnahme", "Stellungnahme der Verwaltung", "StN 5/24",
# "Antwort zur Anfrage", "Beantwortung", "S0273/20 Stellungnahme"; not "Anlage zur Anfrage".
STATEMENT_FILE = re.compile(
    r"(?:^|[\s_\-./(])(?:stellungnahmen?|stn|antwort(?:schreiben)?|beantwortung)(?=$|[\s_\-./:)\d])", re.I)

# Results of an agenda item or consultation that say the inquiry was answered.
ANSWERED_RESULT = re.compile(
    r"beantwortet|antwort\s+(?:erteilt|gegeben)|stellungnahme\s+(?:erteilt|abgegeben|gegeben)"
    r"|schriftliche\s+stellungnahme|zur\s+kenntnis\s+genommen\s*\(?\s*(?:beantwortet|antwort)", re.I)
NOT_ANSWERED = re.compile(r"\b(?:nicht|un)\s*beantwortet|\bnoch\s+offen|vertagt|zurückgestellt|zurückgezogen", re.I)

# Offices of the administration: an originator of this kind answers, it does not ask.
ADMINISTRATION = re.compile(r"\b(?:amt|dezernat|fachbereich|fachdienst|referat|verwaltung|oberbürgermeister(?:in)?"
                            r"|bürgermeister(?:in)?|landrat|landrätin|geschäftsbereich|beigeordnete[r]?)\b", re.I)

# Words that make a name in a title an asker: factions, parties, groups, members of a council.
ASKER_WORD = re.compile(
    r"fraktion|gruppe|spd|cdu|csu|fdp|afd|grün|gruene|linke|freie\s+wähler|wählergemeinschaft|wählergruppe"
    r"|piraten|ödp|volt|bsw|partei|\bfw\b|\bfwg\b|\buwg\b|\bwg\b|ratsherr|ratsfrau|ratsmitglied|stadtrat\s+\S"
    r"|stadträtin|stadtverordnete|gemeinderat\s+\S|gemeinderätin|kreistagsabgeordnete|kreistagsmitglied"
    r"|bezirksverordnete|ortsbeirat|einwohner|bürger(?:in)?\b|\bherrn?\b|\bfrau\b", re.I)
ABBREVIATION = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜ0-9/&+]{1,6}$")

_INQUIRY = re.compile(r"\b(?:(?:große|kleine|schriftliche|mündliche)\s+)?(?:einwohner|bürger|ratsmitglieder)?anfrage\b",
                      re.I)
_NUMBER = re.compile(r"^\s*(?:nr\.?|nummer)\s*[\w/.\-]+\s*", re.I)
_RULE = re.compile(r"^\s*(?:gem(?:äß|\.)|nach|lt\.|laut|i\.\s?s\.\s?d\.)\s*§+\s*\d+\w*"
                   r"(?:\s*(?:abs(?:atz|\.)?|satz|s\.|nr\.?)\s*\d+\w*)*"
                   r"(?:\s*(?:der|des)?\s*(?:geschäftsordnung|gesch\.?\s?o\.?|hauptsatzung|(?-i:[A-ZÄÖÜ]{2,}[A-Za-zäöü]*))"
                   r"(?:\s+(?-i:[A-ZÄÖÜ]{2,}\b))?)?"
                   r"(?:\s+(?:des|der)\s+(?:\w*rates|kreistages|\w*vertretung|\w*versammlung))?\s*", re.I)
_LEAD = re.compile(r"^\s*(?:der|des|von\s+der|von\s+dem|vom|von)\s+", re.I)
_END = re.compile(r"\s*(?::|\s[-–—]\s|,|\(|\bzu[mr]?\b|\bbetr(?:\.|effend|ifft)|\bbzgl\.|\bbezüglich\b|\büber\b"
                  r"|\bwegen\b|\bhinsichtlich\b|\bim\s+(?:ausschuss|stadtrat|rat|kreistag|gemeinderat)\b"
                  r"|\bfür\s+die\s+sitzung\b|\bin\s+der\s+sitzung\b|\bvom\s+\d|\bam\s+\d|$)", re.I)
_SHORT = re.compile(r"^\s*(?P<who>[^:;\n]{1,48}?)\s*:")
_BEFORE = re.compile(r"^\s*(?P<who>[^:;\n]{1,48}?)\s*:\s*(?:\S+\s+){0,2}?anfrage\b", re.I)
_LABEL = re.compile(r"^\s*(?:einreicher(?:in)?|fragesteller(?:in)?|anfragesteller(?:in)?|antragsteller(?:in)?"
                    r"|initiator(?:in)?|absender(?:in)?|eingereicht\s+von|von)\s*:\s*(?P<who>\S[^\n]{1,80})$",
                    re.I | re.M)
_FACTION_LINE = re.compile(r"^\s*(?P<who>(?:[\w\-/.&+ ]{0,40}[\s\-])?fraktion(?:\s+[\w\-/.&+ ]{1,50})?)\s*$",
                           re.I | re.M)
_MEMBER_LINE = re.compile(r"^\s*(?P<who>(?i:stadtrat|stadträtin|ratsherr|ratsfrau|ratsmitglied|stadtverordneter?"
                          r"|gemeinderat|gemeinderätin|kreistagsabgeordneter?|kreisrat|kreisrätin)"
                          r"\s+(?i:dr\.\s+)?[A-ZÄÖÜ][\w\-]+(?:\s+[A-ZÄÖÜ][\w\-]+){0,2})\s*(?:,.*)?$", re.M)


def is_answer_paper(paper_type: str | None, evidence: str) -> bool:
    """A lineage answer always answers; a paper under the inquiry unless it is an inquiry or motion
    itself; a merely related paper only when its type says it answers."""
    kind = paper_type or ""
    if evidence == "answer_to":
        return True
    if evidence == "subordinated":
        return not NOT_ANSWER_TYPE.search(kind) or bool(re.search(r"antwort|stellungnahme", kind, re.I))
    return bool(ANSWER_TYPE.search(kind)) and not re.search(r"anfrage$|antrag", kind, re.I)


def is_statement_file(name: str | None) -> bool:
    """A file named as the administration's statement or answer."""
    if not name:
        return False
    return bool(STATEMENT_FILE.search(name)) and not re.search(r"\banlage\b.*\banfrage\b", name, re.I)


def says_answered(result: str | None) -> bool:
    """An agenda item's or consultation's result that records an answer ("mündlich beantwortet")."""
    return bool(result and ANSWERED_RESULT.search(result) and not NOT_ANSWERED.search(result))


def is_administration(name: str | None) -> bool:
    return bool(name and ADMINISTRATION.search(name) and not re.search(r"fraktion|gruppe", name, re.I))


_SEAT = re.compile(r"\s+(?:im|in\s+der|der|des)\s+(?:rat|stadtrat|gemeinderat|kreistag|stadtverordneten\w*"
                   r"|gemeindevertretung|bezirksvertretung|ratsversammlung)\b.*$", re.I)


def _tidy(who: str) -> str | None:
    who = re.sub(r"\s+", " ", who).strip(" .,;:-–\"„“”'")
    who = _SEAT.sub("", who)
    if not who or len(who) > 80 or len(who.split()) > 9:
        return None
    if not (ASKER_WORD.search(who) or ABBREVIATION.match(who)):
        return None
    return who


def asker_in_title(title: str | None) -> str | None:
    """'Anfrage der SPD-Fraktion zur …' -> 'SPD-Fraktion'; 'Anfrage FW: …' -> 'FW';
    'Anfrage von Ratsfrau Beispiel betr. …' -> 'Ratsfrau Beispiel'; 'CDU-Fraktion: Anfrage …' -> 'CDU-Fraktion'."""
    if not title:
        return None
    before = _BEFORE.match(title)
    if before and (who := _tidy(before.group("who"))) and not _INQUIRY.search(before.group("who")):
        return who
    m = _INQUIRY.search(title)
    if not m:
        return None
    rest = title[m.end():]
    rest = _NUMBER.sub("", rest, count=1)
    rest = _RULE.sub("", rest, count=1)
    lead = _LEAD.match(rest)
    if lead:
        rest = rest[lead.end():]
        end = _END.search(rest)
        return _tidy(rest[:end.start()] if end else rest)
    short = _SHORT.match(rest)
    if short:
        return _tidy(short.group("who"))
    return None


def asker_in_head(text: str | None) -> str | None:
    """The asker at the head of an inquiry's own text: a label ('Einreicher: …'), an 'Anfrage der …'
    line, a faction's letterhead line, or a member of the council signing it."""
    if not text:
        return None
    head = text[:1500]
    label = _LABEL.search(head)
    if label and (who := _tidy(label.group("who"))):
        return who
    for line in head.splitlines():
        if _INQUIRY.search(line) and (who := asker_in_title(line.strip())):
            return who
    faction = _FACTION_LINE.search(head)
    if faction and (who := _tidy(faction.group("who"))):
        return who
    member = _MEMBER_LINE.search(head)
    if member and (who := _tidy(member.group("who"))):
        return who
    return None
