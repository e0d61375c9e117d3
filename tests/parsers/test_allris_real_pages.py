"""Every real ALLRIS page of ../shared/corpus (Hamburg classic, Laatzen ALLRIS 4, Giesen responsive) read field
by field against its truth file."""

from __future__ import annotations

import pytest

from ratsinfo.parsers.inspect import parse_file
from tests.parsers.truth_fields import CORPUS, compare, truth_pages

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the project")
PAGES = truth_pages() if CORPUS.is_dir() else []


@pytest.mark.parametrize(("page_id", "path", "url", "truth"), PAGES, ids=[p[0] for p in PAGES])
def test_every_field_of_a_real_page_is_read(page_id, path, url, truth):
    if not path.is_file():
        pytest.skip(f"{page_id}: the page is not in ../shared/corpus yet ({path}); its truth waits for it")
    got = parse_file(path, url=url)
    wrong = [(f, exp, read) for f, exp, read, ok in compare(truth, got) if not ok]
    assert not wrong, f"{page_id}: " + "; ".join(f"{f}: expected {e!r}, read {r!r}" for f, e, r in wrong)


def test_the_truth_covers_all_three_layouts():
    layouts = {parse_file(path, url=url)["layout"] for _i, path, url, _t in PAGES if path.is_file()}
    assert {"allris3", "allris3r", "allris4"} <= layouts
