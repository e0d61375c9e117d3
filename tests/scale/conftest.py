"""The simulation's smaller form, crawled once for every test of the package: 20 councils on 4 hosts (a
fifth of them ALLRIS sites), 2 workers, documents read in tasks of two documents each."""

from __future__ import annotations

import pytest

from ratsinfo.ops.sources import host_limits, load
from ratsinfo.scale.crawl import crawl
from tests.simulation import Simulation

MAX_RPS, CONCURRENCY = 8, 2
FAULTS = ("spurious_500", "timeout_once", "broken_json", "object_for_list", "list_for_page", "looping_next",
          "truncated", "missing_orgs", "foreign_links")
TINY = {"orgs": 3, "persons": 4, "meetings": 6, "items_per_meeting": 2, "papers": 8, "files_every": 2}
BATCH = 2  # documents per task: several tasks per council, ending in whatever order the workers finish them


@pytest.fixture(scope="package")
def crawled(tmp_path_factory):
    """Crawl the simulation once through sources import (the ALLRIS sites added by hand), as a user would;
    yield it with the lake (its sources.toml beside it)."""
    tmp = tmp_path_factory.mktemp("scale")
    with Simulation(councils=20, hosts=4, faults=FAULTS, town=TINY, allris_share=0.2) as sim:
        config = sim.write_sources(tmp / "sources.toml", MAX_RPS, CONCURRENCY)
        sources = load(config)
        reports = crawl(sources, host_limits(config, sources), tmp / "lake", tmp / "raw", workers=2, batch=BATCH)
        yield sim, reports, tmp / "lake"
