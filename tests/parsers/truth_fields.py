"""Field-by-field comparison of what the parsers read from a page with the truth written for it
(``tests/parsers/truth/*.json`` and ``../shared/corpus/allris-real/*/truth.json``). Shared by the tests and
by ``bench/allris.py`` (field accuracy per layout)."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
TRUTH = Path(__file__).resolve().parent / "truth"
SCALARS = ("reference", "title", "paper_type", "date_iso", "status", "under_direction_of", "submitter",
           "submitter_label", "body", "meeting_name", "time", "agenda_items", "number", "meeting", "result", "paper",
           "name", "members")
ROW_FIELDS = ("body", "role", "status", "date_iso", "meeting", "result")


def truth_pages() -> list[tuple[str, Path, str | None, dict]]:
    """(id, page file, URL it was served from, truth) for every real page with truth."""
    out = []
    for tf in sorted(TRUTH.glob("*.json")):
        t = json.loads(tf.read_text(encoding="utf-8"))
        folder = CORPUS / t["corpus"]
        for name, page in t["pages"].items():
            out.append((f"{tf.stem}/{name}", folder / name, page.get("url"), page))
    for tf in sorted((CORPUS / "allris-real").glob("*/truth.json")):
        t = json.loads(tf.read_text(encoding="utf-8"))
        for name, page in t["pages"].items():
            out.append((f"{tf.parent.name}/{name}", tf.parent / name, page.get("url"), page))
    return out


def _same(a: object, b: object) -> bool:
    if a in (None, "") and b in (None, ""):
        return True
    if isinstance(a, str) and isinstance(b, str):
        return re.sub(r"\s+", " ", a).strip() == re.sub(r"\s+", " ", b).strip()
    return a == b


def compare(truth: dict, got: dict) -> list[tuple[str, object, object, bool]]:
    """(field, expected, read, equal) for every field the truth names."""
    out: list[tuple[str, object, object, bool]] = []
    for f in SCALARS:
        if f not in truth:
            continue
        value = got.get(f)
        if f == "members" and isinstance(value, list):
            value = len(value)
        out.append((f, truth[f], value, _same(truth[f], value)))
    if "type" in truth:
        out.append(("type", truth["type"], got.get("type"), truth["type"] == got.get("type")))
    for k, v in (truth.get("other_fields") or {}).items():
        g = (got.get("other_fields") or {}).get(k)
        out.append((f"other_fields.{k}", v, g, _same(v, g)))
    if "consultations" in truth:
        rows = got.get("consultations") or []
        out.append(("consultations.count", len(truth["consultations"]), len(rows),
                    len(truth["consultations"]) == len(rows)))
        for i, row in enumerate(truth["consultations"]):
            mine = rows[i] if i < len(rows) else {}
            for f in ROW_FIELDS:
                if f in row:
                    out.append((f"consultations[{i}].{f}", row[f], mine.get(f), _same(row[f], mine.get(f))))
    if "attachments" in truth:
        a, g = truth["attachments"], got.get("attachments") or {}
        for f in ("documents", "annexes", "total"):
            if f in a:
                out.append((f"attachments.{f}", a[f], g.get(f), a[f] == g.get(f)))
    if "items" in truth:
        mine = {i["number"]: i for i in got.get("items") or []}
        for row in truth["items"]:
            m = mine.get(row["number"], {})
            out.append((f"items[{row['number']}]", row["number"], m.get("number"), bool(m)))
            for f in ("title", "paper"):
                if f in row:
                    out.append((f"items[{row['number']}].{f}", row[f], m.get(f), _same(row[f], m.get(f))))
    if "meetings" in truth:
        mine = {m["id"]: m for m in got.get("meetings") or []}
        out.append(("meetings.count", len(truth["meetings"]), len(mine), len(truth["meetings"]) == len(mine)))
        for row in truth["meetings"]:
            m = mine.get(row["id"], {})
            for f in ("name", "date_iso", "time", "room"):
                if f in row:
                    out.append((f"meetings[{row['id']}].{f}", row[f], m.get(f), _same(row[f], m.get(f))))
    if "first_members" in truth:
        mine = got.get("members") or []
        for i, row in enumerate(truth["first_members"]):
            m = mine[i] if i < len(mine) else {}
            for f in ("name", "role"):
                out.append((f"members[{i}].{f}", row[f], m.get(f), _same(row[f], m.get(f))))
    if "links" in truth:
        n = len(got.get("links") or [])
        out.append(("links", truth["links"], n, truth["links"] == n))
    return out
