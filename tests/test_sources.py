"""sources.toml: nothing invalid is ever written, and what is invalid is named on reading."""

from __future__ import annotations

import pytest

from ratsinfo.errors import BadInput
from ratsinfo.ops.sources import SourceConfig, add, load


@pytest.mark.parametrize("bad, said", [
    (dict(max_rps=-5), "max_rps must be a number above 0"),
    (dict(max_rps=0), "max_rps must be a number above 0"),
    (dict(max_rps=float("nan")), "max_rps must be a number above 0"),
    (dict(url="ftp://x.example/oparl"), "needs url"),
    (dict(url="https://x.example:99999/oparl"), "is not valid"),
    (dict(url="https://x.example/a\nb"), "needs url"),
    (dict(name="zwei\nZeilen"), "non-empty line"),
    (dict(concurrency=0), "concurrency must be between 1 and 64"),
    (dict(stale_after_days=-1), "stale_after_days"),
    (dict(allow_hosts=["a b"]), "allow_hosts"),
    (dict(enabled="ja"), "enabled must be bool"),
    (dict(private_hosts=[3]), "private_hosts must be a list of host names"),
    (dict(time_budget=-1), "time_budget must be a number of seconds above 0"),
])
def test_an_invalid_source_is_refused_before_anything_is_written(tmp_path, bad, said):
    path = tmp_path / "sources.toml"
    add(path, SourceConfig(name="gut", kind="oparl", url="https://gut.example/oparl/system"))
    before = path.read_text(encoding="utf-8")
    cfg = SourceConfig(**{**dict(name="neu", kind="oparl", url="https://neu.example/oparl/system"), **bad})
    with pytest.raises(BadInput, match=said):
        add(path, cfg)
    assert path.read_text(encoding="utf-8") == before
    assert [s.name for s in load(path)] == ["gut"]


def test_wrong_types_in_a_hand_edited_file_are_named(tmp_path):
    path = tmp_path / "sources.toml"
    path.write_text('[[source]]\nname = "a"\nkind = "oparl"\nurl = "https://a.example/system"\nmax_rps = "schnell"\n',
                    encoding="utf-8")
    with pytest.raises(BadInput, match="number 1: max_rps must be int or float"):
        load(path)


def test_a_file_without_a_final_newline_still_takes_a_new_source(tmp_path):
    path = tmp_path / "sources.toml"
    path.write_text('[[source]]\nname = "a"\nkind = "files"\npath = "export"', encoding="utf-8")
    add(path, SourceConfig(name="b", kind="files", path="andere"))
    assert [s.name for s in load(path)] == ["a", "b"]


def test_the_cli_refuses_a_negative_rate_and_keeps_the_file(cli, tmp_path):
    config = tmp_path / "sources.toml"
    r = cli("sources", "add", "stadt", "oparl", "https://stadt.example/oparl/system", "--max-rps", "-5",
            "--config", str(config))
    assert r.code != 0 and "max_rps" in (r.out + r.err)
    assert not config.exists()


def test_a_public_endpoint_list_is_imported_grouped_by_host(tmp_path, cli):
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(
        '- title: "Verbund: Gemeinde Aue"\n  url: https://ris.verbund.example/rim1/oparl/v1/system\n'
        '- title: Stadt Berg\n  url: https://rat.berg.example/oparl/system\n  description: |\n    frei\n'
        '- title: "Verbund: Gemeinde Bach"\n  url: https://ris.verbund.example/rim2/oparl/v1/system\n'
        '- title: kaputt\n  url: ftp://x.example/oparl\n'
        '- title: ohne Adresse\n', encoding="utf-8")
    config = tmp_path / "sources.toml"
    r = cli("sources", "import", str(endpoints), "--max-rps", "2", "--config", str(config))
    assert r.code == 1  # two entries are no endpoints; the rest is imported
    assert f"{endpoints}: entry 4: kind oparl needs url" in r.err and f"{endpoints}: entry 5: no url" in r.err
    assert "imported 3 sources on 2 hosts" in r.out
    sources = load(config)
    assert [s.name for s in sources] == ["Stadt Berg", "Verbund: Gemeinde Aue", "Verbund: Gemeinde Bach"]
    from ratsinfo.ops.sources import host_limits

    limits = host_limits(config)
    assert limits["ris.verbund.example"].max_rps == 2.0 and set(limits) == {"ris.verbund.example", "rat.berg.example"}
    again = cli("sources", "import", str(endpoints), "--config", str(config))
    assert "imported 0 sources" in again.out and again.err.count("configured already") == 3
    assert len(load(config)) == 3


def test_a_host_table_overrides_the_budget_of_its_sources(tmp_path):
    from ratsinfo.ops.sources import host_limits

    path = tmp_path / "sources.toml"
    add(path, SourceConfig(name="a", kind="oparl", url="https://h.example/a/system", max_rps=5.0, concurrency=4))
    add(path, SourceConfig(name="b", kind="oparl", url="https://h.example/b/system", max_rps=3.0, concurrency=4))
    assert host_limits(path)["h.example"].max_rps == 3.0  # the strictest source's
    path.write_text(path.read_text(encoding="utf-8") + '\n[host."h.example"]\nmax_rps = 1\nconcurrency = 1\n',
                    encoding="utf-8")
    assert host_limits(path)["h.example"].max_rps == 1.0 and host_limits(path)["h.example"].concurrency == 1
    path.write_text(path.read_text(encoding="utf-8").replace("max_rps = 1\n", "max_rps = -1\n"), encoding="utf-8")
    with pytest.raises(BadInput, match=r'\[host."h.example"\]: max_rps must be a number above 0'):
        load(path)
