"""The watch commands: add, list, remove, run; mistakes named with what to do."""

from __future__ import annotations

import json


def test_add_list_and_remove_a_watch(cli, news):
    res = cli("watch", "add", "search", "Haushalt Schule", "--to", "c@example.org", "--to", "d@example.org",
              "--paper-type", "Antrag", db_path=news.db)
    new_id = max(news.watch_ids.values()) + 1
    assert res.code == 0 and res.out.startswith(f"watch {new_id}: search 'Haushalt Schule (Art Antrag)'")
    rows = json.loads(cli("watch", "list", "--format", "json", db_path=news.db).out)
    assert [r["kind"] for r in rows] == ["search", "body", "paper", "search"]
    assert rows[3]["id"] == new_id and rows[3]["recipients"] == "c@example.org, d@example.org"
    assert rows[2]["watches"] == "VO/2020/0004"
    assert cli("watch", "remove", str(new_id), db_path=news.db).code == 0
    assert len(json.loads(cli("watch", "list", "--format", "json", db_path=news.db).out)) == 3
    again = cli("watch", "remove", str(new_id), db_path=news.db)
    assert again.code == 1 and f"there is no watch {new_id}" in again.err


def test_mistakes_are_named_with_what_to_do(cli, news):
    body = cli("watch", "add", "body", "Ausschuss für Radverkehrr", "--to", "c@example.org", db_path=news.db)
    assert body.code == 1 and "no body is called" in body.err and "Ausschuss für Radverkehr" in body.err
    paper = cli("watch", "add", "paper", "VO/1999/9999", "--to", "c@example.org", db_path=news.db)
    assert paper.code == 1 and "no paper has the reference" in paper.err
    address = cli("watch", "add", "search", "Radweg", "--to", "nobody", db_path=news.db)
    assert address.code == 1 and "not an e-mail address: nobody" in address.err
    kind = cli("watch", "add", "person", "X", "--to", "c@example.org", db_path=news.db)
    assert kind.code == 1 and "not one of search, body, paper" in kind.err
    words = cli("watch", "add", "search", " – ", "--to", "c@example.org", db_path=news.db)
    assert words.code == 1 and "at least one word" in words.err


def test_watch_run_writes_eml_files_without_smtp_and_then_has_nothing_new(cli, news, tmp_path, monkeypatch):
    for var in ("RATSINFO_SMTP_HOST", "RATSINFO_MAIL_OUTBOX"):
        monkeypatch.delenv(var, raising=False)
    cfg = tmp_path / "sources.toml"
    cfg.write_text(f'[mail]\noutbox = "{tmp_path / "out"}"\nfrom = "rat@example.org"\n', encoding="utf-8")
    res = cli("watch", "run", "--config", str(cfg), db_path=news.db)
    assert res.code == 0, res.err
    assert res.out.count("3 Neuigkeiten gesendet") == 2
    assert len(list((tmp_path / "out").glob("*.eml"))) == 2
    assert "nothing new" in cli("watch", "run", "--config", str(cfg), db_path=news.db).out
    assert cli("watch", "run", "--since", "gestern", db_path=news.db).code == 1


def test_commands_on_a_missing_warehouse_say_so_and_create_none(cli, tmp_path):
    res = cli("watch", "list", db_path=tmp_path / "none.duckdb")
    assert res.code == 1 and "no warehouse here yet" in res.err
    assert not (tmp_path / "none.duckdb").exists()
