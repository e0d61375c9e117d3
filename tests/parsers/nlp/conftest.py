import pytest

from ratsinfo.parsers.nlp.extract import extract


@pytest.fixture(scope="session")
def facts_of():
    """Extract facts from a text; returns them grouped by kind."""

    def run(text: str, title: str | None = None) -> dict[str, list]:
        result = extract(text, document_key="doc", document="test.txt", title=title)
        out: dict[str, list] = {}
        for f in result.facts:
            out.setdefault(f.kind, []).append(f)
        out["_result"] = result  # type: ignore[assignment]
        return out

    return run
