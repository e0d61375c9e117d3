"""A real council year, end to end: Magdeburg's council agenda of 2023 (real titles from the corpus) saved
as OParl objects, read by `ingest files`, themed while loading, and answered by `query themes` and `ask`."""

from __future__ import annotations

import csv
import json
from collections import defaultdict

import pytest

YEAR = "2023"


@pytest.fixture
def magdeburg(corpus, tmp_path):
    rows = [r for r in csv.DictReader((corpus / "agenda-items" / "magdeburg.tsv").open(encoding="utf-8"),
                                      delimiter="\t") if r["body"] == "Stadtrat" and r["date"].startswith(YEAR)]
    assert len(rows) >= 50
    base = "https://oparl.example.invalid/magdeburg"
    folder = tmp_path / "oparl"
    folder.mkdir()
    body = {"id": f"{base}/body/1", "type": "https://schema.oparl.org/1.1/Body", "name": "Landeshauptstadt Magdeburg"}
    council = {"id": f"{base}/organization/1", "type": "https://schema.oparl.org/1.1/Organization",
               "body": body["id"], "name": "Stadtrat", "classification": "Rat"}
    by_day = defaultdict(list)
    for r in rows:
        by_day[r["date"]].append(r)
    objects = [body, council]
    for n, (day, items) in enumerate(sorted(by_day.items())):
        objects.append({"id": f"{base}/meeting/{n}", "type": "https://schema.oparl.org/1.1/Meeting",
                        "name": f"Sitzung des Stadtrates am {day}", "start": f"{day}T15:00:00+01:00",
                        "organization": [council["id"]],
                        "agendaItem": [{"id": f"{base}/agendaItem/{n}-{i}",
                                        "type": "https://schema.oparl.org/1.1/AgendaItem",
                                        "meeting": f"{base}/meeting/{n}", "number": r["number"], "order": i,
                                        "name": r["title"]} for i, r in enumerate(items)]})
    for i, obj in enumerate(objects):
        (folder / f"{i:03d}.json").write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    return folder, rows, len(by_day)


def test_query_themes_groups_a_real_council_year_with_examples_and_sources(cli, magdeburg):
    folder, rows, days = magdeburg
    assert cli("ingest", "files", str(folder), "--body", "Magdeburg").code == 0
    res = cli("query", "themes", "--param", "organization=Stadtrat", "--param", f"year={YEAR}", "--format", "json")
    assert res.code == 0, res.err
    themes = json.loads(res.out)
    assert themes and all(t["sessions_total"] == days for t in themes)
    counted = sum(t["items"] for t in themes) + themes[0]["procedural_items"] + themes[0]["unclassified_items"]
    assert counted == len(rows)
    assert [t["items"] for t in themes] == sorted((t["items"] for t in themes), reverse=True)
    titles = {r["title"] for r in rows}
    for t in themes:
        assert t["theme"] != "00" and 1 <= len(t["examples"]) <= 3
        assert all(e["title"] in titles and e["source"] for e in t["examples"])
        assert t["sessions"] <= days


def test_ask_answers_how_often_and_on_which_themes(cli, magdeburg):
    folder, _rows, days = magdeburg
    assert cli("ingest", "files", str(folder), "--body", "Magdeburg").code == 0
    res = cli("ask", f"Wie oft tagte der Stadtrat {YEAR} und welche Themen wurden behandelt?")
    assert res.code == 0, res.err
    assert f"fanden {days} Sitzungen statt" in res.out
    assert "Schwerpunkte:" in res.out and "Tagesordnungspunkte in" in res.out and "Quelle:" in res.out
