"""Precision and recall of the extraction per fact kind against a gold set.

A gold set is a folder with ``*.json`` files, each naming a document and the facts a careful
reader takes from it. A document is named either by ``file`` (beside the JSON) or by
``corpus`` (a path inside the real corpus). Documents go through the same detection,
parsing and extraction as ``ratsinfo ingest files``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ratsinfo.errors import BadInput
from ratsinfo.model import Fact
from ratsinfo.parsers.detect import detect
from ratsinfo.parsers.document import parse_document
from ratsinfo.parsers.nlp.org_heads import canonical_key, data

KINDS = ("organization", "working_group", "session_count", "meeting", "topic", "person", "paper_reference", "rule",
         "question")


def canon(name: str | None) -> str:
    if not name:
        return ""
    key = canonical_key(name)
    adjectives = data()["adjectives"]
    words = []
    for w in key.split(" "):
        stem = re.sub(r"(?:e|er|en|em|es)$", "", w)
        words.append(stem if stem in adjectives else w)
    return " ".join(words)


def norm_text(text: str | None) -> str:
    t = (text or "").casefold()
    t = re.sub(r"[„“”\"'‚‘’]", "", t)
    return re.sub(r"\s+", " ", t).strip(" .;,")


def signature(kind: str, f: dict) -> tuple:
    """What must agree for a predicted fact to count as the gold fact (subject compared apart)."""
    num = f.get("number")
    num = int(num) if isinstance(num, float | int) and float(num).is_integer() else num
    if kind == "organization":
        return (f.get("value"),)
    if kind == "working_group":
        return (canon(f.get("value")), num)
    if kind == "session_count":
        return (int(f["value"]) if f.get("value") is not None else num, f.get("year"), f.get("qualifier"))
    if kind == "meeting":
        return (num, str(f.get("date")) if f.get("date") else None)
    if kind == "topic":
        return (norm_text(f.get("value")), f.get("year"))
    if kind == "person":
        return (norm_text(f.get("value")),)
    if kind == "paper_reference":
        return (str(f.get("date")) if f.get("date") else None,)
    if kind == "rule":
        return (f.get("qualifier"), num)
    if kind == "question":
        return (num, norm_text(f.get("value")) if f.get("value") else None)
    raise ValueError(kind)


def subject_names(f: dict, aliases: dict[str, set[str]]) -> set[str]:
    subject = f.get("subject")
    if f["kind"] in ("person",):
        return {norm_text(subject)}
    if f["kind"] in ("paper_reference",):
        return {re.sub(r"\s+", "", subject or "").upper()}
    if f["kind"] == "question":
        return {""}
    c = canon(subject)
    own = {canon(a) for a in f.get("aliases") or ()} | ({canon(f["abbreviation"])} if f.get("abbreviation") else set())
    return {c} | own | aliases.get(c, set())


def _name_tokens(name: str | None) -> list[str]:
    return [t for t in norm_text(name).replace("-", " - ").split() if not t.endswith(".") and t != "-"]


def same_person(g: dict, p: dict, _aliases: dict[str, set[str]]) -> bool:
    """A person matches by surname (first names, where both give one, must agree) and by role where the
    annotation gives one: 'Ratsherr' and 'Ratsherrn', 'Mitglied' and 'Mitglied des Gremiums' agree."""
    gt, pt = _name_tokens(g.get("subject")), _name_tokens(p.get("subject"))
    if not gt or not pt or gt[-1] != pt[-1]:
        return False
    if len(gt) > 1 and len(pt) > 1 and gt[0][0] != pt[0][0]:
        return False
    return same_role(g.get("value"), p.get("value"))


_UMLAUTS = str.maketrans("äöü", "aou")


def same_role(gold: str | None, pred: str | None) -> bool:
    if not gold:
        return True
    if not pred:
        return False
    a, b = norm_text(gold), norm_text(pred)

    def stem(r: str) -> str:  # "Gemeinderätin" is "Gemeinderat" of a woman: the umlaut of the feminine goes too
        return " ".join(re.sub(r"(?:innen|in|n|en|e|er)$", "", w) for w in r.translate(_UMLAUTS).split())
    return a == b or stem(a) == stem(b) or re.search(r"\b" + re.escape(b) + r"\b", a) is not None \
        or re.search(r"\b" + re.escape(a) + r"\b", b) is not None


def same_topic(g: dict, p: dict, aliases: dict[str, set[str]]) -> bool:
    """A topic matches when the year agrees, the body matches and one wording holds the other's words:
    annotators shorten agenda items ("Genehmigung des Protokolls" for the item with its date)."""
    if g.get("year") != p.get("year") or not subject_names(g, {}) & subject_names(p, aliases):
        return False
    a, b = norm_text(g.get("value")), norm_text(p.get("value"))
    if not a or not b:
        return False
    if a == b or a in b or b in a:
        return True
    wa = {re.sub(r"(?:es|en|s|n|e)$", "", w) for w in re.findall(r"[\wäöüß]{4,}", a)}
    wb = {re.sub(r"(?:es|en|s|n|e)$", "", w) for w in re.findall(r"[\wäöüß]{4,}", b)}
    shared = len(wa & wb)
    return bool(wa) and shared >= 0.75 * len(wa) and shared >= len(wb) / 3


def same_working_group(g: dict, p: dict, aliases: dict[str, set[str]]) -> bool:
    """Parent and number of topics count where the annotation states them (None: not stated)."""
    if not subject_names(g, {}) & subject_names(p, aliases):
        return False
    gv, gn = signature("working_group", g)
    pv, pn = signature("working_group", p)
    return (g.get("value") is None or gv == pv) and (g.get("number") is None or gn == pn)


LENIENT = {"person": same_person, "topic": same_topic, "working_group": same_working_group}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def _score_counts(score: Score, expected: dict[str, int], pred: list[dict], aliases: dict[str, set[str]],
                  where: str) -> None:
    """Topics of a real document are scored by their number per body (the text is not copied)."""
    got: dict[str, int] = defaultdict(int)
    for p in pred:
        got[canon(p["subject"])] += 1
    seen: set[str] = set()
    for subject, n in expected.items():
        names = {canon(subject)} | aliases.get(canon(subject), set())
        have = sum(v for k, v in got.items() if k in names)
        seen |= names
        score.tp += min(have, n)
        score.fn += max(0, n - have)
        score.fp += max(0, have - n)
        if have != n:
            score.misses.append(f"{where}: {subject} has {have} topics, expected {n}")
    score.fp += sum(v for k, v in got.items() if k not in seen)


def predict(path: Path, scope: str = "local") -> list[Fact]:
    from ratsinfo.pipeline import add_extraction

    data_ = path.read_bytes()
    sha = hashlib.sha256(data_).hexdigest()
    kind, _ = detect(data_, path.name)
    parsed = parse_document(kind, data_, path.resolve().as_uri(), "gold", sha, scope)
    add_extraction(parsed.result, "gold", str(path), scope)
    return parsed.result.facts


def as_dict(f: Fact) -> dict:
    return {"kind": f.kind, "subject": f.subject, "value": f.value, "number": f.number, "year": f.year,
            "date": f.date.isoformat() if f.date else f.detail.get("month"), "qualifier": f.qualifier,
            "detail": f.detail}


def gold_sets(folder: Path) -> list[tuple[str, Path]]:
    """The gold sets in ``folder``: itself if it holds ``*.json``, else each sub-folder that does
    (``real-docs/dev`` and ``real-docs/heldout`` are scored apart, never pooled)."""
    if any(folder.glob("*.json")):
        return [(folder.name, folder)]
    subs = [(p.name, p) for p in sorted(folder.iterdir()) if p.is_dir() and any(p.glob("*.json"))]
    return subs or [(folder.name, folder)]


def default_corpus(gold_dir: Path) -> Path | None:
    """The real corpus beside the project (``../shared/corpus`` from the repository root), if there."""
    for parent in gold_dir.resolve().parents:
        if (parent / "pyproject.toml").exists():
            c = parent.parent / "shared" / "corpus"
            return c if c.is_dir() else None
    return None


def _aliases(predicted: list[dict]) -> dict[str, set[str]]:
    """The names each predicted organization goes by (its own name, aliases, abbreviation), all mapped to each other."""
    aliases: dict[str, set[str]] = {}
    for f in predicted:
        if f["kind"] == "organization":
            detail = f.get("detail") or {}
            names = {canon(f["subject"])} | {canon(a) for a in detail.get("aliases", []) or f.get("aliases") or []}
            abbreviation = detail.get("abbreviation") or f.get("abbreviation")
            if abbreviation:
                names.add(canon(abbreviation))
            for n in names:
                aliases.setdefault(n, set()).update(names)
    return aliases


def score_document(scores: dict[str, Score], spec: dict, predicted: list[dict], where: str) -> None:
    """Add one document's matches to ``scores``: each gold fact takes the first unused predicted fact that agrees."""
    aliases = _aliases(predicted)
    wanted = set(spec.get("kinds", KINDS))
    for kind in (k for k in KINDS if k in wanted):  # in a fixed order: the listed misses read alike on every run
        gold = [dict(g, kind=kind) for g in spec["facts"].get(kind, [])]
        pred = [p for p in predicted if p["kind"] == kind]
        if kind == "question" and gold and all("value" not in g for g in gold):
            pred = [dict(p, value=None) for p in pred]
        if kind == "topic" and "topic_counts" in spec:
            _score_counts(scores[kind], spec["topic_counts"], pred, aliases, where)
            continue
        used: set[int] = set()
        for g in gold:
            gsig = signature(kind, g)
            gnames = subject_names(g, {})
            hit = None
            for i, p in enumerate(pred):
                if i in used:
                    continue
                if kind in LENIENT:
                    if LENIENT[kind](g, p, aliases):
                        hit = i
                        break
                    continue
                if signature(kind, p) != gsig:
                    continue
                if gnames & subject_names(p, aliases):
                    hit = i
                    break
            if hit is None:
                scores[kind].fn += 1
                scores[kind].misses.append(f"{where}: {g.get('subject')} {gsig}")
            else:
                used.add(hit)
                scores[kind].tp += 1
        for i, p in enumerate(pred):
            if i not in used:
                scores[kind].fp += 1
                scores[kind].extras.append(f"{where}: {p.get('subject')} {signature(kind, p)}")


def _document(gf: Path, spec: dict, corpus: Path | None) -> Path | None:
    if "file" in spec:
        return gf.parent / spec["file"]
    if corpus is None or not (corpus / spec["corpus"]).exists():
        return None  # the real corpus is not here: its gold cannot be scored
    return corpus / spec["corpus"]


def evaluate(gold_dir: Path, corpus: Path | None = None) -> tuple[dict[str, Score], int]:
    scores: dict[str, Score] = defaultdict(Score)
    corpus = corpus or default_corpus(gold_dir)
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise BadInput(f"{gold_dir}: no *.json gold files here; see gold/README.md for the format")
    n_docs = 0
    for gf in files:
        spec = json.loads(gf.read_text(encoding="utf-8"))
        doc = _document(gf, spec, corpus)
        if doc is None:
            continue
        n_docs += 1
        score_document(scores, spec, [as_dict(f) for f in predict(doc, spec.get("scope", "local"))], gf.name)
    return dict(scores), n_docs


def agreement(gold_dir: Path, other_dir: Path) -> tuple[dict[str, Score], int]:
    """Score a second annotation of the same documents as if it were the extraction: how far two careful readers
    agree under the very rules that score ratsinfo, the ceiling any extraction can be measured against."""
    scores: dict[str, Score] = defaultdict(Score)
    n_docs = 0
    for gf in sorted(gold_dir.glob("*.json")):
        of = other_dir / gf.name
        if not of.is_file():
            continue
        spec = json.loads(gf.read_text(encoding="utf-8"))
        other = json.loads(of.read_text(encoding="utf-8"))
        if spec.get("corpus", spec.get("file")) != other.get("corpus", other.get("file")):
            raise BadInput(f"{of}: annotates another document than {gf}; both must name the same corpus text")
        n_docs += 1
        predicted = [dict(f, kind=kind) for kind, facts in other["facts"].items() if isinstance(facts, list)
                     for f in facts]
        score_document(scores, spec, predicted, gf.name)
    if not n_docs:
        raise BadInput(f"{other_dir}: no annotation shares a file name with {gold_dir}; name them alike")
    return dict(scores), n_docs
