"""The command line as users meet it: help, exit codes, one-line errors, formats."""

from __future__ import annotations

import json

import pytest

from ratsinfo.cli import app
from ratsinfo.demo.pdfwriter import text_to_pdf
from tests.conftest import EXAMPLES


def all_commands() -> list[str]:
    import typer

    out = []

    def walk(group, prefix: list[str]) -> None:  # noqa: ANN001
        for name, cmd in group.commands.items():
            if hasattr(cmd, "commands"):
                walk(cmd, prefix + [name])
            else:
                out.append(" ".join(prefix + [name]))

    walk(typer.main.get_command(app), [])
    return out


def test_every_command_has_help(cli):
    commands = all_commands()
    assert {"demo", "ingest files", "sql", "status"} <= set(commands)
    for command in commands:
        res = cli(*command.split(), "--help")
        assert res.code == 0, command
        assert "Usage" in res.out and len(res.out.splitlines()) > 3


def test_ingest_then_sql_shows_questions_and_relations(cli, corpus):
    res = cli("ingest", "files", str(corpus / "seeds"), str(corpus / "allris-html"))
    assert res.code == 0, res.err
    assert "run 1: 22 inputs, 0 failed" in res.out
    res = cli("sql", "SELECT number, text FROM question ORDER BY number", "--format", "json")
    rows = json.loads(res.out)
    assert [r["number"] for r in rows] == [1, 2, 3, 4, 5, 6]
    res = cli("sql", "SELECT relation, target_reference FROM paper_relation ORDER BY 1", "--format", "csv")
    assert res.out.splitlines()[0] == "relation,target_reference"
    assert "annex_of,V0220/25" in res.out and "answer_to,VII-F-00741" in res.out


def test_sql_is_read_only(cli, corpus):
    cli("ingest", "files", str(corpus / "seeds"))
    res = cli("sql", "DELETE FROM paper")
    assert res.code == 1
    assert res.err.startswith("Error: ") and len(res.err.strip().splitlines()) == 1
    assert "read-only" in res.err
    assert "Traceback" not in res.err
    assert cli("sql", "SELECT count(*) AS n FROM paper", "-f", "json").out.strip() != '[{"n": 0}]'


def test_sql_before_any_ingest_says_what_to_do(cli):
    res = cli("sql", "SELECT 1")
    assert res.code == 1
    assert "no warehouse here yet" in res.err and "ratsinfo ingest files" in res.err


def test_bad_inputs_give_one_line_each_and_exit_code_one(cli, tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "gut.txt").write_text("Niederschrift der Sitzung")
    (folder / "kaputt.pdf").write_bytes(b"%PDF-1.4 kaputt" + bytes(200))
    (folder / "leer.html").write_bytes(b"")
    res = cli("ingest", "files", str(folder))
    assert res.code == 1
    lines = res.err.strip().splitlines()
    assert any("kaputt.pdf" in ln and ln.startswith("Error: ") for ln in lines)
    assert any("leer.html" in ln and "empty" in ln for ln in lines)
    assert "2 of 3 inputs failed" in lines[-1]
    status = cli("status", "--format", "json")
    data = json.loads(status.out)
    assert data["runs"][0]["status"] == "partial" and data["runs"][0]["failed"] == 2
    assert {e["input"].rsplit("/", 1)[-1] for e in data["errors"]} == {"kaputt.pdf", "leer.html"}


def test_unknown_format_and_pdf_engine_are_refused_with_the_choices(cli, corpus):
    cli("ingest", "files", str(corpus / "seeds"))
    res = cli("sql", "SELECT 1", "--format", "yaml")
    assert res.code == 1 and "table, json, csv, markdown" in res.err
    res = cli("ingest", "files", str(corpus / "seeds"), "--pdf-engine", "ocr")
    assert res.code == 1 and "pdfium or plumber" in res.err


def test_status_lists_runs_and_tables(cli, corpus):
    cli("ingest", "files", str(corpus / "seeds"))
    res = cli("status")
    assert res.code == 0
    assert "ingest files" in res.out and "question" in res.out and "ok" in res.out


def test_markdown_output_is_a_table(cli, corpus):
    cli("ingest", "files", str(corpus / "seeds"))
    res = cli("sql", "SELECT reference FROM paper WHERE NOT stub", "--format", "markdown")
    assert res.out.splitlines()[:3] == ["| reference |", "|---|", "| VII-F-00741-AW-01 |"]


def test_demo_prints_papers_lineage_and_questions(cli):
    res = cli("demo", "--examples", str(EXAMPLES))
    assert res.code == 0, res.err
    assert "Ingested 4 files" in res.out
    assert "answer_to" in res.out and "annex_of" in res.out
    assert "Wie oft ist der Runde Tisch Sicherheit im Jahr 2023 zusammengekommen?" in res.out
    again = cli("demo", "--examples", str(EXAMPLES))
    assert "4 unchanged" in again.out


@pytest.mark.parametrize("engine", ["pdfium", "plumber"])
def test_both_pdf_engines_are_selectable(cli, tmp_path, engine):
    folder = tmp_path / "pdf"
    folder.mkdir()
    (folder / "go.pdf").write_bytes(text_to_pdf("Anlage 3 zu DS 2020/0042\nGeschäftsordnung"))
    res = cli("ingest", "files", str(folder), "--pdf-engine", engine)
    assert res.code == 0, res.err
    res = cli("sql", "SELECT target_reference FROM paper_relation", "-f", "csv")
    assert res.out.splitlines()[1] == "2020/0042"


def test_usage_errors_name_the_problem_without_a_traceback(cli):
    res = cli("sql")
    assert res.code == 1 and "Missing argument" in res.err and "Traceback" not in res.err
    res = cli("nonsense")
    assert res.code == 1 and "No such command 'nonsense'" in res.err


def test_facts_as_json_carry_their_provenance(cli, corpus):
    cli("ingest", "files", str(corpus / "seeds"))
    res = cli("facts", "--kind", "session_count", "--format", "json")
    assert res.code == 0
    rows = json.loads(res.out)
    fuehrungsstab = next(r for r in rows if r["subject"] == "Führungsstab")
    assert fuehrungsstab["value"] == 2 and fuehrungsstab["year"] == 2019 and fuehrungsstab["qualifier"] == "exact"
    assert fuehrungsstab["document"].endswith("leipzig-VII-F-00741-AW-01-antwort.txt")
    assert fuehrungsstab["start"] < fuehrungsstab["end"] and "zwei" in fuehrungsstab["text"]
    meetings = json.loads(cli("facts", "--kind", "meeting", "-f", "json").out)
    assert sorted(m["date"] for m in meetings) == ["2019-10-07", "2019-11-25"]
    assert cli("facts", "--kind", "gossip").code == 1
