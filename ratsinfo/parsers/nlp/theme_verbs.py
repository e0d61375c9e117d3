"""The family of German verbs and phrases that say a body dealt with a theme, each with the place the theme
stands: after the verb ("Der Kulturausschuss sprach über die Zukunft der Bücherei", "In der Sitzung ging es um
die Sanierung der Halle", "Der Beirat thematisierte die Barrierefreiheit") or before it ("Im Sozialausschuss
stand die Wohnraumförderung auf der Agenda").

Council prose of many towns words the same act with many verbs; a list of one or two verbs ("befasste sich
mit") finds the themes of the few towns whose texts it was written from. The verbs are kept as whole families
(finite forms, participles) so that a new town's wording is met by its verb, not by its sentence."""

from __future__ import annotations

import re

_ART = r"(?=(?:den|die|das|dem|der|eine[nmrs]?|ein|seine[nmr]?|ihre[nmr]?)\s)"
# words that may stand between the verb and its theme (a closed list: a preposition there, "diskutiert mit der
# Schule zusammenhängende Fragen", begins no theme)
_ADVERBS = (r"(?:(?:ausführlich|intensiv|eingehend|erneut|nochmals|auch|ebenfalls|zudem|außerdem|dann|danach|"
            r"anschließend|kontrovers|lebhaft|lange|zunächst|bereits|schon|noch|einmal|gemeinsam|insbesondere|"
            r"u\.\s?a\.|unter\s+anderem|vor\s+allem|darüber\s+hinaus)\s+){0,3}?")

# the words of the clause between a verb and its "über" (its subject, whom it informs, adverbs): "sprach der
# Sozialausschuss ausführlich über", "informierte den Hauptausschuss über"
_CLAUSE_WORDS = r"(?:[^\s.,;:!?]+\s+){0,6}?"

# the theme follows the cue; a group named pl... marks a cue after which an enumeration may follow
DEALT_WITH = re.compile(
    # "ging es in der Sitzung vor allem um ..." (a report of a session; "geht es um" states a motion's aims)
    r"\b(?:ging|gingen)\s+es\s+(?:[^.;:]{0,40}?\s+)?um\s+(?P<plA>)"
    # "informierte sich über ...", "informierte über ..."
    r"|\binformier\w*\s+" + _CLAUSE_WORDS + r"über\s+(?P<plB>)"
    # "sprach über ...", "tauschte sich über ... aus", "diskutierte über ...", "berieten über ..."
    r"|\b(?:sprach|sprachen|spricht|sprechen|tauscht\w*\s+sich|diskutier\w*|debattier\w*|beriet|berieten|"
    r"berät|beraten)\s+" + _CLAUSE_WORDS + r"über\s+(?P<plC>)"
    # a verb with the theme as its object: "diskutierte den Entwurf", "thematisierte die Barrierefreiheit"
    # ("berät die Organe der Stadt" is advice, not a theme: "beraten" counts with "über" only)
    r"|\b(?:diskutierte|diskutierten|diskutiert|erörterte|erörterten|erörtert|besprach|besprachen|bespricht|"
    r"thematisierte|thematisierten|thematisiert|behandelte|behandelten|behandelt)\s+" + _ADVERBS + _ART +
    # "auf der Agenda (der Sitzung) standen ...", like "auf der Tagesordnung"
    r"|\b[Aa]uf\s+(?:der\s+Agenda|dem\s+Programm)\s+(?:(?:der|des)\s+[^.;:]{3,60}?\s+)?"
    r"(?P<plD>stehen|stand|standen|steht)\s+(?:u\.\s?a\.\s+|unter\s+anderem\s+|auch\s+)?"
    # "Ein weiteres Thema im Ortsbeirat war ...", "Weiterer Punkt auf der Tagesordnung des Bauausschusses war ..."
    r"|\b(?:Thema|Punkt\s+auf\s+der\s+Tagesordnung|Tagesordnungspunkt)\s+(?:(?:im|in\s+der|des|der)\s+[^.;:]{3,60}?\s+)"
    r"(?:war|ist|sei)\s+"
    # "die Debatte über ...", "eine lange Debatte zum ..."
    r"|\b(?:die|eine)\s+(?:(?:lange|lebhafte|kontroverse|ausführliche)\s+)?Debatte\s+(?:über|zu[mr]?)\s+"
    r"(?:(?:den|die|das)\s+)?"
    # the passive with its theme after the clause: "Ebenfalls beraten wurde im Finanzausschuss die Reform"
    r"|\b(?:[Bb]eraten|[Dd]iskutiert|[Ee]rörtert|[Bb]esprochen|[Bb]ehandelt)\s+wurden?\s+" + _CLAUSE_WORDS
    + r"(?:über\s+)?" + _ART +
    # "Themen der Sitzung waren ...", "Weitere Themen im Stadtrat waren ..."
    r"|\b[Tt]hemen\s+(?:(?:der|des|im|in\s+der|des\s+Abends)\s+[^.;:]{3,60}?\s+)(?P<plE>sind|waren)\s*:?\s*")
# the theme stands before the cue: the cue only opens the place where the theme begins
DEALT_WITH_BEFORE = re.compile(
    # "stand die Wohnraumförderung auf der Agenda", "steht X auf der Tagesordnung"
    r"\b(?:stand|standen|steht|stehen)\s+(?:(?:auch|u\.\s?a\.|unter\s+anderem|erneut|wieder)\s+)?"
    r"(?=(?:der|die|das|den)\s[^.;:]{3,100}?\s+auf\s+der\s+(?:Agenda|Tagesordnung)\b)")
# a word each cue holds: a sentence without one is not searched
DEALT_WITH_WORDS = ("ging es", "gingen es", "informier", "sprach", "sprich", "sprech",
                    "tausch", "iskutier", "debattier", "beriet", "berät", "eraten", "rörter", "besprach",
                    "bespricht", "thematisier", "ehandel", "Agenda", "Programm", "hemen", "Tagesordnung", "Thema",
                    "Debatte", "esprochen")  # a verb's stem without its first letter: "Beraten wurde" and "beraten"
