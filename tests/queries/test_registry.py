import pytest

from ratsinfo import queries
from ratsinfo.errors import BadInput


def test_every_canned_query_has_a_header_and_uses_its_params():
    reg = queries.registry()
    assert set(reg) == {"sessions-per-year", "working-groups", "inquiries", "paper-lineage", "rules", "topics",
                        "themes", "answers", "body-facts"}
    for q in reg.values():
        assert q.answers and q.sql.startswith("-- name:")
        for p in q.params:
            assert f"${p.name}" in q.sql


def test_a_header_without_name_is_refused():
    with pytest.raises(ValueError, match="name"):
        queries.parse("-- answers: x\nSELECT 1", "x.sql")
    with pytest.raises(ValueError, match="declared but not used"):
        queries.parse("-- name: x\n-- answers: y\n-- param: year INTEGER\nSELECT 1", "x.sql")


def test_unknown_query_names_the_valid_choices():
    with pytest.raises(BadInput, match="choose one of answers, body-facts, inquiries, paper-lineage"):
        queries.get("sitzungen")


def test_missing_unknown_and_mistyped_parameters(ro):
    with pytest.raises(BadInput, match="needs --param reference"):
        queries.run(ro, "paper-lineage", {})
    with pytest.raises(BadInput, match="its parameters: year, organization"):
        queries.run(ro, "sessions-per-year", {"jahr": "2019"})
    with pytest.raises(BadInput, match="not a valid integer"):
        queries.run(ro, "sessions-per-year", {"year": "zweitausendneunzehn"})
    with pytest.raises(BadInput, match="not a valid date"):
        queries.run(ro, "inquiries", {"since": "gestern"})


@pytest.mark.parametrize("evil", ["x' OR '1'='1", "'; DROP TABLE paper; --", "\\\" OR 1=1 --"])
def test_parameters_cannot_inject_sql(ro, evil):
    cols, rows = queries.run(ro, "paper-lineage", {"reference": evil})
    assert rows == []
    cols, rows = queries.run(ro, "sessions-per-year", {"organization": evil})
    assert rows == []
    assert ro.execute("SELECT count(*) FROM paper").fetchone()[0] > 0
