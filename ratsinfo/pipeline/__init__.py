"""One path per source kind: fetch → raw store → detect → parse → extract → load, in batches, each
batch one transaction; ``reparse`` runs the same parsers over what the raw store already holds."""

from ratsinfo.pipeline.allris import ingest_allris
from ratsinfo.pipeline.common import add_extraction, scope_name
from ratsinfo.pipeline.files import ingest_files
from ratsinfo.pipeline.oparl import ingest_oparl
from ratsinfo.pipeline.reparse import reparse
from ratsinfo.warehouse.runs import Run

__all__ = ["Run", "add_extraction", "ingest_allris", "ingest_files", "ingest_oparl", "reparse", "scope_name"]
