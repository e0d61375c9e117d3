"""The command line: a thin typer layer over the library.

Errors are one line on stderr naming the input and what to do; exit 1 for bad input or
arguments, 2 for a failing source; tracebacks only with --verbose.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from ratsinfo import config, render
from ratsinfo.errors import RatsinfoError, printable
from ratsinfo.isolation import StatementTimeout, statement_deadline
from ratsinfo.warehouse import reads

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Council papers, inquiries, meetings and bodies into a DuckDB warehouse.")
ingest_app = typer.Typer(no_args_is_help=True, help="Bring documents into the warehouse.")
app.add_typer(ingest_app, name="ingest")
sources_app = typer.Typer(no_args_is_help=True, help="The sources a refresh reads (sources.toml).")
app.add_typer(sources_app, name="sources")
watch_app = typer.Typer(no_args_is_help=True, help="Watches: an e-mail digest of what is new after each refresh.")
app.add_typer(watch_app, name="watch")
ConfigOpt = Annotated[str, typer.Option("--config", help="The sources file.")]

STATE: dict[str, config.Settings] = {}

FormatOpt = Annotated[str, typer.Option("--format", "-f", help="table, json, csv or markdown")]
CouncilOpt = Annotated[str | None, typer.Option(
    help="Answer only from this council (town, district); with --lake, its name in the lake.")]


def settings() -> config.Settings:
    return STATE.get("s") or config.settings(None, None)


def say(msg: str) -> None:
    if not settings().quiet:
        typer.echo(msg)


def fail(msg: str, code: int = 1) -> None:
    typer.echo(f"Error: {msg}", err=True)
    raise typer.Exit(code)


def check_format(fmt: str) -> None:
    if fmt not in render.FORMATS:
        fail(f"--format {fmt!r} is not known; choose one of {', '.join(render.FORMATS)}")


@app.callback()
def main_options(
    db: Annotated[str | None, typer.Option(help="Warehouse file (env RATSINFO_DB).")] = None,
    home: Annotated[str | None, typer.Option(help="Raw store folder (env RATSINFO_HOME).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only results and errors.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show tracebacks.")] = False,
    lake: Annotated[str | None, typer.Option(help="Read a lake of councils written by 'crawl' (env RATSINFO_LAKE).")
                    ] = None,
) -> None:
    STATE["s"] = config.settings(db, home, quiet, verbose, lake)


@ingest_app.command("files")
def ingest_files_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files or folders (read recursively).")],
    body: Annotated[str | None, typer.Option(help="Name of the council the files belong to "
                                             "(keeps references of different towns apart).")] = None,
    pdf_engine: Annotated[str, typer.Option(help="pdfium (fast) or plumber (layout).")] = "pdfium",
    pdf_timeout: Annotated[float, typer.Option(help="Seconds one PDF may take.")] = 60.0,
) -> None:
    """Read exported ALLRIS pages (HTML or text), PDFs, text and OParl JSON files.

    Example: ratsinfo ingest files ../exports/leipzig
    """
    from ratsinfo import pipeline
    from ratsinfo.ingest.rawstore import RawStore
    from ratsinfo.warehouse.db import connect

    if pdf_engine not in ("pdfium", "plumber"):
        fail(f"--pdf-engine {pdf_engine!r} is not known; choose pdfium or plumber")
    s = settings()
    con = connect(s.db)
    try:
        run = pipeline.ingest_files(con, RawStore(s.home), paths, body=body, pdf_engine=pdf_engine,
                                    pdf_timeout=pdf_timeout)
    finally:
        con.close()
    _report(run, f"{len(run.errors)} of {run.inputs} inputs failed (see 'ratsinfo status'); everything else was "
                 "stored.", 1, limit=None)


@ingest_app.command("oparl")
def ingest_oparl_cmd(
    url: Annotated[str, typer.Argument(help="An OParl System or Body URL.")],
    since: Annotated[str | None, typer.Option(help="Only objects modified since (ISO date or time).")] = None,
    body: Annotated[str | None, typer.Option(help="Only this body (id, name or short name).")] = None,
    no_files: Annotated[bool, typer.Option("--no-files", help="Do not download files.")] = False,
    max_rps: Annotated[float, typer.Option(help="Requests per second per host (polite default 5).")] = 5.0,
    concurrency: Annotated[int, typer.Option(help="Requests under way at once.")] = 4,
    allow_host: Annotated[list[str] | None, typer.Option(help="Another host that may be requested.")] = None,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for one answer.")] = 30.0,
) -> None:
    """Read an OParl system or body: every list, incrementally, politely.

    Example: ratsinfo ingest oparl https://oparl.example.org/system --no-files
    """
    from datetime import datetime

    from ratsinfo import pipeline
    from ratsinfo.ingest.rawstore import RawStore
    from ratsinfo.warehouse.db import connect

    if not url.startswith(("http://", "https://")):
        fail(f"{url}: not an http(s) URL; pass the OParl System or Body URL")
    since_dt = None
    if since:
        try:
            since_dt = datetime.fromisoformat(since)
        except ValueError:
            fail(f"--since {since!r} is not an ISO date or time (e.g. 2024-01-31 or 2024-01-31T12:00:00)")
    if max_rps <= 0 or concurrency < 1:
        fail("--max-rps must be above 0 and --concurrency at least 1")
    s = settings()
    con = connect(s.db)
    try:
        run = pipeline.ingest_oparl(con, RawStore(s.home), url, since=since_dt, body=body, files=not no_files,
                                    max_rps=max_rps, concurrency=concurrency, allow_hosts=tuple(allow_host or ()),
                                    timeout=timeout)
    finally:
        con.close()
    _report(run, f"{len(run.errors)} objects or pages could not be read (see 'ratsinfo status'); everything the "
                 "server served was stored.", 2)


@ingest_app.command("allris")
def ingest_allris_cmd(
    url: Annotated[str, typer.Argument(help="The site root: .../bi/ (ALLRIS 3) or .../public/ (ALLRIS 4).")],
    from_: Annotated[str | None, typer.Option("--from", help="First month, YYYY-MM (default: a year ago).")] = None,
    to: Annotated[str | None, typer.Option(help="Last month, YYYY-MM (default: three months ahead).")] = None,
    no_files: Annotated[bool, typer.Option("--no-files", help="Do not download attachments.")] = False,
    max_rps: Annotated[float, typer.Option(help="Requests per second (polite default 5).")] = 5.0,
    allow_host: Annotated[list[str] | None, typer.Option(help="Another host that may be requested.")] = None,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for one answer.")] = 30.0,
) -> None:
    """Crawl a public ALLRIS site: calendar, meetings, agenda items, papers, committees, factions.

    Example: ratsinfo ingest allris https://ratsinfo.example.org/bi/ --from 2024-01 --to 2024-12
    """
    from datetime import date

    from ratsinfo import pipeline
    from ratsinfo.ingest.rawstore import RawStore
    from ratsinfo.warehouse.db import connect

    def month(value: str | None, flag: str) -> date | None:
        if value is None:
            return None
        try:
            y, m = value.split("-")
            return date(int(y), int(m), 1)
        except ValueError:
            fail(f"{flag} {value!r} is not a month; write YYYY-MM, e.g. 2024-03")
        return None

    if not url.startswith(("http://", "https://")):
        fail(f"{url}: not an http(s) URL; pass the site root, e.g. https://ratsinfo.example.org/bi/")
    start, end = month(from_, "--from"), month(to, "--to")
    if start and end and start > end:
        fail("--from is after --to")
    s = settings()
    con = connect(s.db)
    try:
        run = pipeline.ingest_allris(con, RawStore(s.home), url, start=start, end=end, files=not no_files,
                                     max_rps=max_rps, allow_hosts=tuple(allow_host or ()), timeout=timeout)
    finally:
        con.close()
    _report(run, f"{len(run.errors)} pages could not be read (see 'ratsinfo status'); everything the site served "
                 "was stored.", 2)


@app.command()
def reparse(
    source: Annotated[str | None, typer.Option(help="Only this source (its name or key).")] = None,
    kind: Annotated[str | None, typer.Option(help="Only documents of this kind (e.g. pdf, allris_page, "
                                             "oparl_json, allris3_vo020).")] = None,
    since: Annotated[str | None, typer.Option(help="Only documents read on or after this date (YYYY-MM-DD).")] = None,
) -> None:
    """Rebuild records and facts from the raw store with the current parsers; fetches nothing.

    Example: ratsinfo reparse --source leipzig
    """
    from datetime import datetime

    from ratsinfo import pipeline
    from ratsinfo.ingest.rawstore import RawStore
    from ratsinfo.warehouse.db import connect

    try:
        start = datetime.fromisoformat(since) if since else None
    except ValueError:
        fail(f"--since {since!r} is not a date; write it as YYYY-MM-DD")
    s = settings()
    con = connect(s.db)
    try:
        run = pipeline.reparse(con, RawStore(s.home), source=source, kind=kind, since=start)
    finally:
        con.close()
    _report(run, f"{len(run.errors)} of {run.inputs} documents could not be parsed again (see 'ratsinfo status').",
            1, limit=None)


def _report(run, closing: str, code: int, limit: int | None = 50) -> None:  # type: ignore[no-untyped-def]
    """The counts on stdout; one line per failure on stderr, a closing line, and the exit code."""
    say(_run_summary(run))
    for reason in run.said:
        typer.echo(f"Note: {printable(reason)}", err=True)
    for input_, _stage, reason in run.errors[:limit]:
        typer.echo(f"Error: {printable(input_)}: {printable(reason)}", err=True)
    if run.errors:
        typer.echo(closing, err=True)
        raise typer.Exit(code)


def _run_summary(run) -> str:  # type: ignore[no-untyped-def]
    parts = []
    for table in ("document", "body", "organization", "person", "membership", "meeting", "agenda_item", "paper",
                  "paper_relation", "consultation", "file", "question", "answer", "fact"):
        c = run.counts.get(table)
        if c:
            bits = ", ".join(f"{n} {k}" for k, n in sorted(c.items()) if n)
            parts.append(f"  {table:<15} {bits}")
    head = f"run {run.id}: {run.inputs} inputs, {len(run.errors)} failed"
    return "\n".join([head, *parts])


@app.command()
def sql(
    statement: Annotated[str, typer.Argument(help="A SELECT (the warehouse is opened read-only).")],
    fmt: FormatOpt = "table",
) -> None:
    """Run read-only SQL against the warehouse.

    Example: ratsinfo sql "SELECT reference, name FROM paper"
    """
    import duckdb

    from ratsinfo.warehouse.db import connect_readonly

    check_format(fmt)
    con = connect_readonly(settings().db)
    try:
        with statement_deadline(con, float(os.environ.get("RATSINFO_STATEMENT_SECONDS", "120"))):
            cols, data = reads.select(con, statement)
        if not cols:
            fail("the statement returned no rows; 'ratsinfo sql' is for SELECT queries")
        typer.echo(render.render(cols, data, fmt, max_width=80))
    except StatementTimeout as exc:
        fail(str(exc))
    except duckdb.Error as exc:
        msg = str(exc).splitlines()[0]
        if "read-only" in msg.lower() or "read only" in msg.lower():
            fail(f"the warehouse is opened read-only for 'ratsinfo sql': {msg}")
        fail(f"SQL error: {msg}")
    finally:
        con.close()


@app.command()
def status(
    runs: Annotated[int, typer.Option(help="How many recent runs to show.")] = 10,
    config: ConfigOpt = "sources.toml",
    fmt: FormatOpt = "table",
) -> None:
    """Show the sources' health (stale ones flagged), the last runs, rows per table and failures."""
    import json

    from ratsinfo.ops.health import source_health
    from ratsinfo.ops.sources import load
    from ratsinfo.warehouse.db import connect_readonly
    from ratsinfo.warehouse.report import rows

    check_format(fmt)
    configs = load(Path(config)) if Path(config).exists() else None
    con = connect_readonly(settings().db)
    try:
        r_cols, r_rows = rows(con, "status_runs", [runs])
        t_cols, t_rows = rows(con, "status_tables")
        e_cols, e_rows = rows(con, "status_errors", [50])
        health = source_health(con, configs)
    finally:
        con.close()
    h_cols = ["source", "last_success", "last_failure", "last_new", "runs", "stale", "reason"]
    h_rows = [[h.source, h.last_success, h.last_failure, h.last_new, h.runs, h.stale, h.reason] for h in health]
    if fmt == "json":
        out = {"sources": [dict(zip(h_cols, r, strict=False)) for r in h_rows],
               "runs": [dict(zip(r_cols, r, strict=False)) for r in r_rows],
               "tables": [dict(zip(t_cols, r, strict=False)) for r in t_rows],
               "errors": [dict(zip(e_cols, r, strict=False)) for r in e_rows]}
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2, default=str))
        return
    typer.echo("Sources\n" + render.render(h_cols, h_rows, fmt))
    typer.echo("\nRuns\n" + render.render(r_cols, r_rows, fmt))
    typer.echo("\nTables\n" + render.render(t_cols, t_rows, fmt))
    if e_rows:
        typer.echo("\nFailures of the latest run with failures\n" + render.render(e_cols, e_rows, fmt, 90))


@sources_app.command("list")
def sources_list(config: ConfigOpt = "sources.toml", fmt: FormatOpt = "table") -> None:
    """List the configured sources."""
    from ratsinfo.ops.sources import load

    check_format(fmt)
    cols = ["name", "kind", "location", "max_rps", "enabled", "stale_after_days"]
    data = [[s.name, s.kind, s.location, s.max_rps, s.enabled, s.stale_after_days] for s in load(Path(config))]
    typer.echo(render.render(cols, data, fmt, max_width=70))


@sources_app.command("add")
def sources_add(
    name: Annotated[str, typer.Argument(help="A short name, e.g. leipzig.")],
    kind: Annotated[str, typer.Argument(help="oparl, allris or files.")],
    location: Annotated[str, typer.Argument(help="The URL (oparl, allris) or folder (files).")],
    max_rps: Annotated[float, typer.Option(help="Requests per second per host.")] = 5.0,
    allow_host: Annotated[list[str] | None, typer.Option(help="Another host the source may link to.")] = None,
    stale_after_days: Annotated[int, typer.Option(help="Flag the source when nothing new for so long.")] = 7,
    body: Annotated[str | None, typer.Option(help="Council name (files only).")] = None,
    disabled: Annotated[bool, typer.Option("--disabled", help="Add it switched off.")] = False,
    config: ConfigOpt = "sources.toml",
) -> None:
    """Add a source to sources.toml.

    Example: ratsinfo sources add leipzig oparl https://ratsinfo.example.org/oparl/system
    """
    from ratsinfo.ops.sources import KINDS, SourceConfig, add

    if kind not in KINDS:
        fail(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    cfg = SourceConfig(name=name, kind=kind, url=location if kind != "files" else None,
                       path=location if kind == "files" else None, max_rps=max_rps, allow_hosts=list(allow_host or []),
                       enabled=not disabled, stale_after_days=stale_after_days, body=body)
    add(Path(config), cfg)
    say(f"added {name} ({kind}, {location}) to {config}")


@app.command()
def crawl(
    workers: Annotated[int, typer.Option(help="Worker processes of the local cluster (one thread each).")] = 2,
    scheduler: Annotated[str | None, typer.Option(help="A Dask scheduler address instead of a local cluster.")
                         ] = None,
    only: Annotated[list[str] | None, typer.Option(help="Only this source (by name), repeatable.")] = None,
    documents_per_task: Annotated[int, typer.Option(help="Documents (files to read, papers' texts to extract "
                                                         "from) per task of their own.")] = 50,
    config: ConfigOpt = "sources.toml",
    fmt: FormatOpt = "table",
) -> None:
    """Crawl every enabled source in parallel on a Dask cluster into the lake given by --lake.

    Each host's rate and concurrency ([host] tables, else its sources' strictest) hold across all
    workers. Each council's crawl writes its own partition; raw bytes go to <lake>/raw. The documents
    a crawl downloads are read in tasks of their own, --documents-per-task at a time.

    Example: ratsinfo --lake lake/ crawl --workers 2
    """
    import time

    from ratsinfo.ops.sources import host_limits, load
    from ratsinfo.scale.crawl import crawl as run_crawl

    check_format(fmt)
    lake = settings().lake
    if lake is None:
        fail("crawl writes a lake of councils: pass --lake DIR (or set RATSINFO_LAKE)")
    if workers < 1 or workers > 64:
        fail("--workers must be between 1 and 64")
    if documents_per_task < 1:
        fail("--documents-per-task must be 1 or more")
    sources = load(Path(config))
    chosen = [s for s in sources if s.enabled and (not only or s.name in only)]
    if not chosen:
        fail(f"no enabled source{' named ' + ', '.join(only) if only else ''} in {config}")
    started = time.perf_counter()

    def progress(r: Any) -> None:
        say(f"{r.council}: {r.status}, {r.documents} documents, {r.requests} requests, {r.wall_seconds:.1f} s")

    reports = run_crawl(chosen, host_limits(Path(config), sources), lake, lake / "raw", workers=workers,
                        scheduler=scheduler, on_report=progress, batch=documents_per_task)
    wall = time.perf_counter() - started
    cols = ["council", "status", "documents", "requests", "errors", "document_tasks", "cpu_seconds", "wall_seconds"]
    typer.echo(render.render(cols, [[r.council, r.status, r.documents, r.requests, len(r.errors), r.document_tasks,
                                     r.cpu_seconds, r.wall_seconds] for r in reports], fmt, max_width=60))
    docs = sum(r.documents for r in reports)
    states = {s: sum(r.status == s for r in reports) for s in ("ok", "partial", "failed")}
    say(f"{len(reports)} councils ({states['ok']} ok, {states['partial']} partial, {states['failed']} failed), "
        f"{docs} documents in {wall:.1f} s ({docs / wall:.1f} documents/s) with {workers} workers")
    if states["ok"] != len(reports):
        raise typer.Exit(2)


@sources_app.command("import")
def sources_import(
    endpoints: Annotated[Path, typer.Argument(help="A YAML or JSON list of OParl endpoints (title, url).")],
    max_rps: Annotated[float, typer.Option(help="Requests per second for each new host.")] = 2.0,
    concurrency: Annotated[int, typer.Option(help="Requests in flight for each new host.")] = 2,
    config: ConfigOpt = "sources.toml",
) -> None:
    """Add a list of OParl endpoints to sources.toml, grouped by host; known URLs are skipped.

    Example: ratsinfo sources import endpoints.yml --max-rps 2
    """
    from ratsinfo.ingest.http import host_of
    from ratsinfo.ops.sources import import_endpoints, read_endpoints

    done = import_endpoints(Path(config), read_endpoints(endpoints), origin=str(endpoints), max_rps=max_rps,
                            concurrency=concurrency)
    for line in done.skipped:
        typer.echo(line, err=True)
    hosts = {host_of(c.url or "") for c in done.added}
    say(f"imported {len(done.added)} sources on {len(hosts)} hosts into {config}; "
        f"{len(done.skipped)} skipped")
    if done.bad:
        raise typer.Exit(1)


@sources_app.command("check")
def sources_check(config: ConfigOpt = "sources.toml", fmt: FormatOpt = "table") -> None:
    """Check each source: reachable, kind detected, and what a refresh would do."""
    from ratsinfo.ops.check import check
    from ratsinfo.ops.sources import load

    check_format(fmt)
    cols = ["name", "reachable", "detected", "would_do"]
    results = [check(s, settings().db) for s in load(Path(config))]
    typer.echo(render.render(cols, [[r[c] for c in cols] for r in results], fmt, max_width=80))
    if not all(r["reachable"] for r in results):
        raise typer.Exit(2)


@app.command()
def refresh(
    config: ConfigOpt = "sources.toml",
    source: Annotated[str | None, typer.Option(help="Only this source.")] = None,
    json_logs: Annotated[bool, typer.Option("--json-logs", help="Structured log lines on stderr.")] = False,
) -> None:
    """The nightly run: every enabled source incrementally; exit 0 ok, 2 partial, 3 locked, 4 all failed.

    Example (cron): 15 3 * * * cd /srv/ratsinfo && .venv/bin/ratsinfo refresh --json-logs
    """
    import sys

    from ratsinfo.ops.refresh import json_logger
    from ratsinfo.ops.refresh import refresh as run_refresh
    from ratsinfo.ops.sources import load

    s = settings()
    configs = load(Path(config))
    if json_logs:
        log = json_logger()
    elif sys.stderr.isatty() and not s.quiet:
        from rich.console import Console

        console = Console(stderr=True)

        def log(event: dict) -> None:
            if event["event"] == "source_started":
                console.print(f"[bold]{event['source']}[/bold] ({event['kind']}) …")
            elif event["event"] == "source_finished":
                console.print(f"  {event['status']} in {event['seconds']} s, {event['errors']} errors")
    else:
        def log(event: dict) -> None:
            return None
    from ratsinfo.watches.settings import load as load_mail

    mail = load_mail(Path(config), s.home)
    code, outcomes, summary_path = run_refresh(s.db, s.home, configs, only=source, log=log, mail=mail)
    for o in outcomes:
        changed = sum(c.get("inserted", 0) + c.get("updated", 0) + c.get("deleted", 0)
                      for t, c in o.counts.items() if t not in ("document", "source", "search_doc"))
        say(f"{o.name}: {o.status} in {o.seconds:.1f} s, {changed} records changed, {len(o.errors)} errors "
            f"(run {o.run_id})")
    import json

    watches = json.loads(summary_path.read_text(encoding="utf-8")).get("watches") or {}
    if watches.get("sent") or watches.get("failed") or watches.get("unsure"):
        say(f"watches: {watches['sent']} digests sent" + "".join(f"; not sent (retried next time): {f}"
                                                             for f in watches["failed"])
            + (f"; {watches['unsure']} unsure (see ratsinfo watch run)" if watches["unsure"] else ""))
    say(f"summary: {summary_path}")
    raise typer.Exit(code)


@app.command()
def changes(
    since: Annotated[str | None, typer.Option(help="Only runs since this day (YYYY-MM-DD).")] = None,
    organization: Annotated[str | None, typer.Option(help="Only what concerns this body.")] = None,
    fmt: FormatOpt = "table",
) -> None:
    """What the runs changed: a summary line, then one row per change.

    Example: ratsinfo changes --since 2024-05-01
    """
    from datetime import date

    from ratsinfo.queries import changes as ch
    from ratsinfo.queries.names import resolve
    from ratsinfo.warehouse.db import connect_readonly

    check_format(fmt)
    day = None
    if since:
        try:
            day = date.fromisoformat(since)
        except ValueError:
            fail(f"--since {since!r} is not a day; write YYYY-MM-DD")
    con = connect_readonly(settings().db)
    try:
        keys = None
        if organization:
            keys = [k for k, _n in resolve(con, organization)]
            if not keys:
                fail(f"no organization matches {organization!r}")
        cols, data = ch.rows(con, day, keys)
        text = ch.summary(con, data)
    finally:
        con.close()
    if fmt == "json":
        import json

        typer.echo(json.dumps({"summary": text, "changes": ch.as_dicts(cols, data)}, ensure_ascii=False, indent=2,
                              default=str))
        return
    typer.echo(text)
    if data:
        typer.echo(render.render(cols, data[:500], fmt, max_width=50))


@app.command()
def query(
    name: Annotated[str, typer.Argument(help="'list', or the name of a canned query.")],
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="key=value, repeatable.")] = None,
    council: CouncilOpt = None,
    fmt: FormatOpt = "table",
) -> None:
    """Run a canned query, or list them with 'ratsinfo query list'. With --lake: in every council (or one).

    Example: ratsinfo query sessions-per-year --param year=2019 --param organization=Führungsstab
    """
    from ratsinfo import queries

    check_format(fmt)
    if name == "list":
        rows_ = [[q.name, q.answers, ", ".join(f"{p.name} {p.type.lower()}{' (optional)' if p.optional else ''}"
                                               for p in q.params)] for q in queries.registry().values()]
        typer.echo(render.render(["name", "answers", "params"], rows_, fmt, max_width=70))
        return
    if settings().lake:
        _lake_query(name, param or [], council, fmt)
        return
    run_query(name, [*(param or []), *([f"council={council}"] if council else [])], fmt)


def _lake_query(name: str, params: list[str], council: str | None, fmt: str) -> None:
    from ratsinfo import queries
    from ratsinfo.queries.across import query_each
    from ratsinfo.warehouse.lake import connect_lake

    queries.get(name)
    lake = connect_lake(settings().lake)  # type: ignore[arg-type]
    try:
        cols, data = query_each(lake, name, _parse_params(params), council)
    finally:
        lake.close()
    typer.echo(render.render(cols, data, fmt, max_width=60))


def _parse_params(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        if "=" not in pair:
            fail(f"--param {pair!r} needs the form key=value, e.g. --param year=2019")
        k, v = pair.split("=", 1)
        out[k.strip()] = v.strip()
    return out


def run_query(name: str, params: list[str], fmt: str) -> None:
    from ratsinfo import queries
    from ratsinfo.warehouse.db import connect_readonly

    check_format(fmt)
    queries.get(name)  # unknown names fail before the warehouse is opened
    con = connect_readonly(settings().db)
    try:
        cols, data = queries.run(con, name, _parse_params(params))
    finally:
        con.close()
    typer.echo(render.render(cols, data, fmt, max_width=60))


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="A question in German, as an inquiry would ask it.")],
    council: CouncilOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json")] = "text",
) -> None:
    """Answer a German inquiry question with a canned query, citing the sources.

    Example: ratsinfo ask "Wie viele Sitzungen des Führungsstabes fanden 2019 statt?" --council Leipzig
    """
    import json

    from ratsinfo.queries.ask import ask as ask_question
    from ratsinfo.warehouse.db import connect_readonly

    if fmt not in ("text", "json"):
        fail(f"--format {fmt!r} is not known for ask; choose text or json")
    if settings().lake:
        _lake_ask(question, council, fmt)
        return
    con = connect_readonly(settings().db)
    try:
        answer = ask_question(con, question, council)
    finally:
        con.close()
    if fmt == "json":
        typer.echo(json.dumps(answer.as_json(), ensure_ascii=False, indent=2, default=str))
    else:
        typer.echo(answer.text)


def _lake_ask(question: str, council: str | None, fmt: str) -> None:
    """One answer per council that has one (or for the council asked about)."""
    import json

    from ratsinfo.queries.across import ask_each
    from ratsinfo.warehouse.lake import connect_lake

    lake = connect_lake(settings().lake)  # type: ignore[arg-type]
    try:
        answers = ask_each(lake, question, council)
        titles = lake.titles
    finally:
        lake.close()
    if fmt == "json":
        typer.echo(json.dumps([{"council": slug, "title": titles.get(slug), **a.as_json()} for slug, a in answers],
                              ensure_ascii=False, indent=2, default=str))
        return
    if not answers:
        typer.echo(f"No council of the lake has an answer to: {question}")
    for slug, answer in answers:
        typer.echo(f"## {titles.get(slug, slug)} ({slug})\n{answer.text}\n")


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="Words to find (German stemming: Sitzung finds Sitzungen).")],
    type_: Annotated[str | None, typer.Option("--type", help="paper, answer, file or agenda_item")] = None,
    organization: Annotated[str | None, typer.Option(help="Only hits that name this body.")] = None,
    year: Annotated[int | None, typer.Option(help="Only hits of (or naming) this year.")] = None,
    limit: Annotated[int, typer.Option(help="How many hits.")] = 10,
    fmt: FormatOpt = "table",
) -> None:
    """Full-text search over papers, answers, files and agenda items, ranked by BM25.

    Example: ratsinfo search "Videoüberwachung" --limit 5
    """
    from ratsinfo.queries.names import resolve
    from ratsinfo.warehouse.db import connect_readonly
    from ratsinfo.warehouse.search import search as run_search

    check_format(fmt)
    if type_ is not None and type_ not in ("paper", "answer", "file", "agenda_item"):
        fail(f"--type {type_!r} is not known; choose paper, answer, file or agenda_item")
    if limit < 1 or limit > 1000:
        fail("--limit must be between 1 and 1000")
    con = connect_readonly(settings().db)
    try:
        names = None
        if organization:
            found = resolve(con, organization)
            if not found:
                fail(f"no organization matches {organization!r}; see ratsinfo facts --kind organization")
            rows = reads.organization_names(con, [k for k, _ in found])
            names = sorted({n for name, aliases, abbr in rows for n in [name, *(aliases or []), abbr] if n})
        hits = run_search(con, text, type_=type_, org_names=names, year=year, limit=limit)
    finally:
        con.close()
    cols = ["type", "reference", "title", "snippet", "year", "source", "score"]
    data = [[h.type, h.reference, h.title, h.snippet, h.year, h.source, round(h.score, 3)] for h in hits]
    if not data and fmt == "table":
        typer.echo(f"No hits for {text!r}.")
        return
    typer.echo(render.render(cols, data, fmt, max_width=70))


def _require_warehouse() -> None:
    """Commands that only read or change watches do not create an empty warehouse by mistake."""
    from ratsinfo.errors import NoWarehouse

    if not settings().db.exists():
        raise NoWarehouse(f"{settings().db}: no warehouse here yet; run 'ratsinfo refresh' first or pass --db")


@watch_app.command("add")
def watch_add(
    kind: Annotated[str, typer.Argument(help="search, body or paper.")],
    target: Annotated[str, typer.Argument(help="The words (search), the body's name (body) or the paper's "
                                               "reference (paper).")],
    to: Annotated[list[str], typer.Option("--to", help="A recipient's address (repeatable).")],
    council: Annotated[str | None, typer.Option(help="Only papers of this council (search, paper).")] = None,
    body: Annotated[str | None, typer.Option(help="Only papers this body handles (search).")] = None,
    paper_type: Annotated[str | None, typer.Option(help="Only papers of this type, e.g. Anfrage (search).")] = None,
    faction: Annotated[str | None, typer.Option(help="Only papers this faction filed (search).")] = None,
    label: Annotated[str | None, typer.Option(help="How the digest names the watch.")] = None,
) -> None:
    """Watch a search, a body or a paper; after each refresh the recipients get what is new.

    Example: ratsinfo watch add search "Radweg Schule" --paper-type Antrag --to fraktion@example.org
    """
    from ratsinfo.warehouse.db import connect
    from ratsinfo.watches import manage

    con = connect(settings().db)
    try:
        w = manage.add(con, kind, target, to, council=council, body=body, paper_type=paper_type, faction=faction,
                       label=label)
    finally:
        con.close()
    say(f"watch {w.id}: {w.kind} {w.title!r} for {', '.join(w.recipients)} (reports runs after run {w.after_run})")


@watch_app.command("list")
def watch_list(fmt: FormatOpt = "table") -> None:
    """List the watches and their recipients."""
    from ratsinfo.warehouse.db import connect
    from ratsinfo.watches import manage

    check_format(fmt)
    _require_warehouse()
    con = connect(settings().db)
    try:
        cols, data = manage.listed(con)
    finally:
        con.close()
    typer.echo(render.render(cols, data, fmt, max_width=60))


@watch_app.command("remove")
def watch_remove(watch_id: Annotated[int, typer.Argument(help="The watch's number (see watch list).")]) -> None:
    """Remove a watch; its recipients get nothing more from it."""
    from ratsinfo.warehouse.db import connect
    from ratsinfo.watches import manage

    _require_warehouse()
    con = connect(settings().db)
    try:
        manage.remove(con, watch_id)
    finally:
        con.close()
    say(f"watch {watch_id} removed")


@watch_app.command("run")
def watch_run(
    since: Annotated[str | None, typer.Option(help="Look at runs since this day (YYYY-MM-DD; default: the last "
                                                   "30 days).")] = None,
    resend_unsure: Annotated[bool, typer.Option("--resend-unsure", help="Send again what a crash left unsure.")
                             ] = False,
    config: ConfigOpt = "sources.toml",
) -> None:
    """Send every recipient the digest of what is new (a refresh does this by itself); exit 2 if a send failed.

    Example: RATSINFO_SMTP_HOST=smtp.example.org ratsinfo watch run
    """
    from datetime import date, datetime

    from ratsinfo.watches import manage

    start = None
    if since:
        try:
            start = datetime.combine(date.fromisoformat(since), datetime.min.time())
        except ValueError:
            fail(f"--since {since!r} is not a day; write YYYY-MM-DD")
    s = settings()
    _require_warehouse()
    report = manage.run(s.db, s.home, Path(config), since=start, resend_unsure=resend_unsure)
    for line in report.lines():
        say(line)
    if not report.lines():
        say("nothing new for any watch")
    if report.failed:
        raise typer.Exit(2)


FACT_KINDS = ("organization", "working_group", "session_count", "meeting", "topic", "person", "paper_reference",
              "rule", "question")


@app.command()
def facts(
    kind: Annotated[str | None, typer.Option(help="Only facts of this kind: " + ", ".join(FACT_KINDS))] = None,
    fmt: FormatOpt = "table",
) -> None:
    """List every extracted fact with the document and character span it came from.

    Example: ratsinfo facts --kind session_count --format json
    """
    import json

    from ratsinfo.warehouse.db import connect_readonly
    from ratsinfo.warehouse.report import rows

    check_format(fmt)
    if kind is not None and kind not in FACT_KINDS:
        fail(f"--kind {kind!r} is not known; choose one of {', '.join(FACT_KINDS)}")
    con = connect_readonly(settings().db)
    try:
        cols, data = rows(con, "facts", [kind, kind])
    finally:
        con.close()
    out = []
    for r in data:
        row = dict(zip(cols, r, strict=False))
        row["detail"] = json.loads(row["detail"]) if row.get("detail") else {}
        if row["kind"] in ("session_count",) and row["number"] is not None:
            row["value"] = int(row["number"]) if float(row["number"]).is_integer() else row["number"]
        elif row["number"] is not None and float(row["number"]).is_integer():
            row["number"] = int(row["number"])
        out.append(row)
    if fmt == "json":
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2, default=str))
        return
    cols = ["kind", "subject", "value", "year", "date", "qualifier", "document", "start", "end"]
    typer.echo(render.render(cols, [[r.get(c) for c in cols] for r in out], fmt, max_width=50))


@app.command("eval")
def eval_cmd(
    gold: Annotated[str, typer.Argument(help="Folder of gold JSON files (see gold/README.md).")],
    corpus: Annotated[str | None, typer.Option(help="The real corpus, for gold files that name one.")] = None,
    show: Annotated[bool, typer.Option(help="List every miss and every extra fact.")] = False,
    against: Annotated[str | None, typer.Option(
        help="A second reader's annotation of the same documents (same file names), scored in place of the "
             "extraction: how far two readers agree.")] = None,
    fmt: FormatOpt = "table",
) -> None:
    """Print precision and recall of the extraction per fact kind against a gold set; for
    ``gold/themes``, the accuracy of the policy areas per council and per theme.

    A folder whose gold sits in sub-folders (``gold/real-docs/dev``, ``.../heldout``) gets one
    table per sub-folder, so a development set and its held-out part are never mixed.

    Example: ratsinfo eval gold/documents
    """
    from ratsinfo.evaluate import KINDS, agreement, evaluate, gold_sets

    check_format(fmt)
    folder = Path(gold)
    if not folder.is_dir():
        fail(f"{gold}: no such folder; pass the folder of gold JSON files")
    if (folder / "labels.tsv").is_file():  # gold/themes: the policy areas of agenda items
        from ratsinfo.evaluate import default_corpus
        from ratsinfo.themes.evaluate import full_report

        real = Path(corpus) if corpus else default_corpus(folder)
        if real is None or not (real / "agenda-items").is_dir():
            fail(f"{gold}: the labelled titles live in the real corpus; pass --corpus ../shared/corpus")
        typer.echo(full_report(real, errors=show))
        return
    sets = gold_sets(folder)
    cols = ["kind", "gold", "found", "correct", "precision", "recall"]
    as_json: dict[str, list] = {}
    other = Path(against) if against else None
    if other is not None and not other.is_dir():
        fail(f"{against}: no such folder; pass the folder of the second reader's JSON files")
    for name, sub in sets:
        if other is not None:
            if len(sets) > 1 and not (other / name).is_dir():
                continue  # the second reader read only some of the sets
            scores, n_docs = agreement(sub, other / name if (other / name).is_dir() else other)
        else:
            scores, n_docs = evaluate(sub, Path(corpus) if corpus else None)
        rows_ = []
        for kind in KINDS:
            sc = scores.get(kind)
            if sc is None or sc.tp + sc.fn + sc.fp == 0:
                continue
            rows_.append([kind, sc.tp + sc.fn, sc.tp + sc.fp, sc.tp, round(sc.precision, 3), round(sc.recall, 3)])
        if fmt == "json":
            as_json[name] = [dict(zip(cols, r, strict=True)) for r in rows_]
            continue
        if len(sets) > 1:
            typer.echo(f"{name}:")
        typer.echo(f"{n_docs} document{'' if n_docs == 1 else 's'}")
        typer.echo(render.render(cols, rows_, fmt))
        if show:
            for kind, sc in scores.items():
                for miss in sc.misses:
                    typer.echo(f"missed {kind}: {miss}")
                for extra in sc.extras:
                    typer.echo(f"extra  {kind}: {extra}")
    if fmt == "json":
        if len(sets) == 1:
            typer.echo(render.render(cols, [list(r.values()) for r in as_json[sets[0][0]]], fmt))
        else:
            import json

            typer.echo(json.dumps(as_json, ensure_ascii=False, indent=2))


@app.command("parse")
def parse_cmd(
    file: Annotated[str, typer.Argument(help="A saved ALLRIS page (any program, any layout).")],
    type_: Annotated[str | None, typer.Option("--type", help="Force the page type: vo020, to010, to020, si010, "
                                              "au020, gr020, fr020, kp020, kp041, vo040, fr010.")] = None,
    url: Annotated[str | None, typer.Option(help="The address the page was saved from (resolves its links).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json")] = "text",
) -> None:
    """Print what the parsers read from one saved ALLRIS page.

    Example: ratsinfo parse vo020-1000238.html --format json
    """
    import json

    from ratsinfo.errors import ParseError
    from ratsinfo.parsers.inspect import parse_file

    if fmt not in ("text", "json"):
        fail(f"--format {fmt!r} is not known; choose text or json")
    if not Path(file).is_file():
        fail(f"{file}: no such file; give the path of a saved page")
    try:
        reading = parse_file(file, type_, url)
    except ParseError as exc:
        fail(f"{file}: {exc}")
    if fmt == "json":
        typer.echo(json.dumps(reading, ensure_ascii=False, indent=2, default=str))
        return
    for k, v in reading.items():
        if isinstance(v, list) and v and isinstance(v[0], dict):
            typer.echo(f"{k}:")
            for row in v:
                typer.echo("  - " + "; ".join(f"{a}={b}" for a, b in row.items() if b not in (None, "")).replace(
                    "\n", " / "))
        elif v not in (None, "", [], {}):
            typer.echo(f"{k}: {json.dumps(v, ensure_ascii=False, default=str) if isinstance(v, list | dict) else v}"
                       .replace("\n", " / "))


@app.command()
def demo(
    examples: Annotated[str | None, typer.Option(help="Folder of the example export.")] = None,
) -> None:
    """Ingest the bundled example export of a fictional town and print what was found."""
    from ratsinfo import demo as demo_mod

    s = settings()
    folder = Path(examples) if examples else demo_mod.default_examples()
    typer.echo(demo_mod.run_demo(s.db, s.home, folder))


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on; anything but 127.0.0.1 opens it to the network.")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the web app (search, papers, meetings, bodies, ask, canned queries, feeds) read-only.

    Example: ratsinfo --db demo.duckdb serve --port 8000
    """
    import uvicorn

    from ratsinfo.web.app import create_app

    web = create_app(settings().db)
    say(f"Serving {settings().db} read-only on http://{host}:{port}/ (Ctrl+C stops)")
    uvicorn.run(web, host=host, port=port, log_level="warning" if settings().quiet else "info")


def run(argv: list[str]) -> int:
    """Run the CLI on ``argv``; library errors become one line on stderr and an exit code."""
    verbose = "--verbose" in argv or "-v" in argv
    STATE.clear()
    try:
        rv = app(args=argv, prog_name="ratsinfo", standalone_mode=False)
        return rv if isinstance(rv, int) else 0
    except typer.Exit as exc:
        return exc.exit_code
    except RatsinfoError as exc:
        if verbose:
            raise
        typer.echo(f"Error: {printable(exc)}", err=True)
        return exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        typer.echo("Aborted.", err=True)
        return 130
    except Exception as exc:
        if hasattr(exc, "show") and hasattr(exc, "exit_code"):  # click's usage errors (typer vendors click)
            exc.show()
            return 0 if type(exc).__name__ == "NoArgsIsHelpError" else 1
        if verbose:
            raise
        # anything unforeseen: still one line unless --verbose
        typer.echo(f"Error: {type(exc).__name__}: {exc} (run with --verbose for details)", err=True)
        return 1


def main() -> None:
    sys.exit(run(sys.argv[1:]))


if __name__ == "__main__":
    main()
