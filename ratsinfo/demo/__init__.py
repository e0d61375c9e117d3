"""`ratsinfo demo`: ingest the example export of a fictional town and show what was found."""

from __future__ import annotations

import shutil
from pathlib import Path

from ratsinfo import render
from ratsinfo.demo.pdfwriter import text_to_pdf
from ratsinfo.errors import BadInput
from ratsinfo.ingest.rawstore import RawStore
from ratsinfo.pipeline import ingest_files
from ratsinfo.warehouse.db import connect
from ratsinfo.warehouse.report import rows

DEMO_BODY = "Stadtrat Falkenried"


def default_examples() -> Path:
    return Path(__file__).resolve().parents[2] / "examples"


def prepare_export(examples: Path, target: Path) -> Path:
    """Copy the export and render the PDF sources into it, as a real export would hold them."""
    src = examples / "falkenried"
    if not src.is_dir():
        raise BadInput(f"{src}: the example export is missing; pass --examples FOLDER")
    target.mkdir(parents=True, exist_ok=True)
    for f in sorted(src.iterdir()):
        if f.is_file():
            shutil.copyfile(f, target / f.name)
    for txt in sorted((examples / "pdf-sources").glob("*.txt")):
        pdf_path = target / (txt.stem + ".pdf")
        data = text_to_pdf(txt.read_text(encoding="utf-8"), title=txt.stem)
        if not pdf_path.exists() or pdf_path.read_bytes() != data:
            pdf_path.write_bytes(data)
    return target


def run_demo(db: Path, home: Path, examples: Path) -> str:
    export = prepare_export(examples, Path(home) / "demo-export" / "falkenried")
    con = connect(db)
    try:
        run = ingest_files(con, RawStore(home), [str(export)], body=DEMO_BODY)
        out = [f"Ingested {run.inputs} files of the example export ({export}) into {db}:"]
        for table in ("document", "paper", "paper_relation", "consultation", "file", "question", "answer"):
            c = run.counts.get(table)
            if c:
                out.append(f"  {table:<15} " + ", ".join(f"{n} {k}" for k, n in sorted(c.items()) if n))
        for input_, _stage, reason in run.errors:
            out.append(f"  failed: {input_}: {reason}")
        cols, data = rows(con, "demo_papers")
        out += ["", "Papers", render.render(cols, data, "table")]
        cols, data = rows(con, "demo_lineage")
        out += ["", "Lineage (Stammbaum, annexes, references)",
                render.render([c for c in cols if c != "source"], [r[:-1] for r in data], "table")]
        cols, data = rows(con, "demo_questions")
        out += ["", "Questions and answers", render.render(cols, data, "table", max_width=70)]
        cols, data = rows(con, "demo_facts")
        out += ["", "Facts read from the prose (session counts, meetings, rules)",
                render.render(cols, data, "table", max_width=48)]
        out += ["", f"Next: ratsinfo --db {db} facts --format json"]
        return "\n".join(out)
    finally:
        con.close()
