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
