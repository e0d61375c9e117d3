"""Routes of the web app: one GET handler per page type, each a stable, citable URL.

Every value reaches the pages through Jinja's autoescaping and every parameter reaches DuckDB bound;
there is no free SQL and no method but GET (and HEAD).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import re
import threading
import time
from collections.abc import AsyncIterator, Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from markupsafe import Markup
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ratsinfo.errors import BadInput
from ratsinfo.web import data, feeds, svg
from ratsinfo.web.export import FORMATS, export
from ratsinfo.web.templating import ENV, HERE, passage, qs

PER_PAGE = 20
ROWS_PER_PAGE = 100  # rows of a canned query's table per page
SHOWN_CHANGES = 300


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = ENV.get_template(template).render(request=request, path=request.url.path, **context)
    return HTMLResponse(html, status_code=status)


def warehouse(request: Request) -> data.Warehouse:
    return request.app.state.warehouse


def _int(value: str | None, name: str) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(value)
    except ValueError as exc:
        raise HTTPException(400, f"{name} muss eine Zahl sein") from exc


def start(request: Request) -> HTMLResponse:
    store = warehouse(request)
    yesterday = datetime.combine(date.today() - timedelta(days=1), datetime.min.time())
    summary = data.changes_summary(store.listing("changes_counts", since=yesterday))
    councils, orgs = store.listing("councils"), store.listing("organizations")
    return page(request, "start.html", councils=councils, orgs=orgs, summary=summary)


def search(request: Request) -> Response:
    p = request.query_params
    q = p.get("q", "").strip()
    if q.endswith("?"):
        return Response(status_code=303, headers={"Location": "/frage?" + qs(q=q)})
    filters = {"council": p.get("rat") or None, "organization": p.get("gremium") or None,
               "year": _int(p.get("jahr"), "jahr"), "paper_type": p.get("art") or None,
               "author": p.get("urheber") or None}
    page_no = max(1, _int(p.get("seite"), "seite") or 1)
    store = warehouse(request)
    stored = store.has_pages()
    with store.cursor() as con:
        hits = data.search(con, q, page=page_no, per_page=PER_PAGE, stored=stored, **filters)
    pages = max(1, -(-hits.total // PER_PAGE))
    args = {"q": q, "rat": p.get("rat"), "gremium": p.get("gremium"), "jahr": p.get("jahr"), "art": p.get("art"),
            "urheber": p.get("urheber")}
    return page(request, "search.html", q=q, hits=hits, page_no=page_no, pages=pages, args=args,
                council_options=store.options("councils", "key", "name", args["rat"]),
                org_options=store.options("organizations", "key", "name", args["gremium"]),
                type_options=store.options("paper_types", "paper_type", "paper_type", args["art"]))


def paper(request: Request) -> HTMLResponse:
    key = request.path_params["key"]
    store = warehouse(request)
    stored = store.has_pages()
    with store.cursor() as con:
        ctx = data.paper_page(con, key, stored)
    return page(request, "paper.html", **ctx)


def meeting(request: Request) -> HTMLResponse:
    key = request.path_params["key"]
    store = warehouse(request)
    stored = store.has_pages()
    with store.cursor() as con:
        ctx = data.meeting_page(con, key, stored)
    return page(request, "meeting.html", **ctx)


def organization(request: Request) -> HTMLResponse:
    key = request.path_params["key"]
    store = warehouse(request)
    stored = store.has_pages()
    with store.cursor() as con:
        ctx = data.body_page(con, key, stored)
    by_year: dict[Any, list[dict]] = {}
    for t in ctx["topics"]:
        by_year.setdefault(t["year"], []).append(t)
    sessions = ctx["sessions"]
    chart = svg.bar_chart([(str(s["year"]), s["sessions"]) for s in sessions],
                          title=f"Sitzungen je Jahr: {ctx['org']['name']}")
    return page(request, "organization.html", chart=Markup(chart), **{**ctx, "topics": by_year})


def document(request: Request) -> HTMLResponse:
    p = request.query_params
    with warehouse(request).cursor() as con:
        found = data.one(con, "document", key=p.get("key", ""))
    if not found or found["text"] is None:
        raise HTTPException(404, "Zu diesem Dokument ist kein Text gespeichert.")
    start, end = _int(p.get("von"), "von"), _int(p.get("bis"), "bis")
    return page(request, "document.html", doc=found, body=passage(found["text"], start, end),
                marked=start is not None and end is not None)


PREFERRED = {"sessions-per-year": ("session_count", "meeting"), "topics": ("topic",),
             "working-groups": ("working_group", "topic"), "rules": ("rule",)}


def _best_span(spans: list[dict[str, Any]], body: Callable[[], str], text: str, ans: data.Answer,
               names: list[str]) -> tuple[int, int] | None:
    """The span a sentence rests on: a fact of the kind the query reads, naming what the sentence names;
    else the first longer value of the answer found verbatim in the document (its text read only then)."""
    kinds = PREFERRED.get(ans.query or "", ())

    def score(s: dict[str, Any]) -> int:
        return (4 * (s["kind"] in kinds) + 2 * bool(s["value"] and str(s["value"]) in text)
                + bool(s["subject"] and s["subject"] in text))

    if spans:
        best = max(spans, key=score)
        return best["start"], best["end"]
    for name in sorted((n for n in names if len(n) > 15 and n in text), key=len, reverse=True):
        at = body().find(name)
        if at != -1:
            return at, at + len(name)
    return None


def _citations(con: Any, ans: data.Answer) -> list[dict[str, Any]]:
    """Each sentence of the answer with its sources, each source linked to the passage it rests on.
    Documents and spans of all sources are read at once (two statements however many sources)."""
    names = sorted({str(v) for r in ans.rows for v in _flat(r.values()) if isinstance(v, str) and len(v) > 2})
    keys = [k for k in (ans.params.get("organization") or []) if isinstance(k, str)]
    parsed = []
    for sentence in ans.sentences:
        m = re.search(r"\s*\(Quelle: (.+)\)\s*$", sentence)
        parsed.append((sentence[: m.start()], [s.strip() for s in m.group(1).split(", ")]) if m else (sentence, []))
    wanted = sorted({s for _text, sources in parsed for s in sources})
    doc_of: dict[str, str] = {}
    for r in data.rows(con, "documents_by_source", sources=wanted) if wanted else []:
        doc_of.setdefault(r["source"], r["key"])  # the newest document of each source
    spans: dict[str, list[dict[str, Any]]] = {}
    docs = sorted(set(doc_of.values()))
    for r in data.rows(con, "passage_facts", documents=docs, names=names, keys=keys) if docs else []:
        spans.setdefault(r["document_key"], []).append(r)
    texts: dict[str, str] = {}

    def body_of(doc: str) -> Callable[[], str]:
        def read() -> str:
            if doc not in texts:
                texts[doc] = (data.one(con, "document", key=doc) or {}).get("text") or ""
            return texts[doc]
        return read

    out = []
    for text, sources in parsed:
        cites = []
        for source in sources:
            doc = doc_of.get(source)
            if doc is None:
                cites.append({"source": source, "href": None})
                continue
            span = _best_span(spans.get(doc, []), body_of(doc), text, ans, names)
            href = "/dokument?" + qs(key=doc, von=span and span[0], bis=span and span[1])
            cites.append({"source": source, "href": href + ("#stelle" if span else "")})
        out.append({"text": text, "cites": cites})
    return out


def _flat(values: Any) -> list[Any]:
    out = []
    for v in values:
        out.extend(v if isinstance(v, list | tuple) else [v])
    return out


def ask(request: Request) -> HTMLResponse:
    q = request.query_params.get("q", "").strip()
    answer, sentences = None, []
    if q:
        with warehouse(request).cursor() as con:
            answer = data.ask_question(con, q)
            sentences = _citations(con, answer)
    return page(request, "ask.html", q=q, answer=answer, sentences=sentences)


def query_list(request: Request) -> HTMLResponse:
    return page(request, "queries.html", queries=list(data.queries.registry().values()))


def _run_query(request: Request) -> tuple[Any, list[str], list[tuple], str | None, bool]:
    name = request.path_params["name"]
    query = data.queries.registry().get(name)
    if query is None:
        raise HTTPException(404, "Diese Abfrage gibt es nicht.")
    raw = {p.name: request.query_params.get(p.name, "") for p in query.params}
    given = any(request.query_params.get(p.name) for p in query.params) or "los" in request.query_params
    cols: list[str] = []
    found: list[tuple] = []
    error = None
    if given or not any(not p.optional for p in query.params):
        with warehouse(request).cursor() as con:
            try:
                cols, found = data.queries.run(con, name, raw)
            except BadInput as exc:
                error = str(exc).replace("--param ", "")
    return query, cols, found, error, given


def query_page(request: Request) -> HTMLResponse:
    """The form and one page of the result table; the downloads carry every row."""
    query, cols, found, error, _given = _run_query(request)
    params = {p.name: request.query_params.get(p.name, "") for p in query.params}
    pages = max(1, -(-len(found) // ROWS_PER_PAGE))
    page_no = min(pages, max(1, _int(request.query_params.get("seite"), "seite") or 1))
    shown = found[(page_no - 1) * ROWS_PER_PAGE: page_no * ROWS_PER_PAGE]
    return page(request, "query.html", query=query, cols=cols, rows=shown, total=len(found), page_no=page_no,
                pages=pages, error=error, params=params, args=qs(**params), formats=list(FORMATS),
                status=400 if error else 200)


def query_download(request: Request) -> Response:
    fmt = request.path_params["fmt"]
    if fmt not in FORMATS:
        raise HTTPException(404, f"Format {fmt} gibt es nicht; möglich: {', '.join(FORMATS)}")
    query, cols, found, error, _given = _run_query(request)
    if error:
        raise HTTPException(400, error)
    body = export(fmt, cols, found)
    return Response(body, media_type=FORMATS[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{query.name}.{fmt}"'})


def changes(request: Request) -> HTMLResponse:
    raw = request.query_params.get("seit")
    try:
        since = date.fromisoformat(raw) if raw else date.today() - timedelta(days=7)
    except ValueError as exc:
        raise HTTPException(400, "seit muss ein Datum sein (JJJJ-MM-TT)") from exc
    store = warehouse(request)
    runs = store.listing("health_runs")
    with store.cursor() as con:
        moment = datetime.combine(since, datetime.min.time())
        summary = data.changes_summary(data.rows(con, "changes_counts", since=moment))
        changed = data.rows(con, "changes_list", since=moment, limit=SHOWN_CHANGES)
        health = store.health(con)
    return page(request, "changes.html", since=since, rows=changed, shown=SHOWN_CHANGES, summary=summary,
                health=health, runs=runs)


def not_found(request: Request, exc: Exception) -> HTMLResponse:
    status = getattr(exc, "status_code", 500)
    detail = getattr(exc, "detail", "Fehler")
    return page(request, "error.html", status=status, code=status, detail=detail)


SECURITY_HEADERS = {"Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self' data:; "
                    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
                    "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin"}


class Headers:
    """Security headers on every answer (no scripts at all, nothing framed, no sniffing) and what the server
    spent on it (Server-Timing, which bench/web.py reads): ``app`` the time from request to answer,
    ``cpu`` the CPU time of the page's own thread (DuckDB runs its statements there, see data.THREADS),
    ``cache`` whether the answer was kept from an earlier request."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        started = time.perf_counter()

        async def wrapped(message: dict) -> None:
            if message["type"] == "http.response.start":
                timing = [f"app;dur={(time.perf_counter() - started) * 1000:.1f}"]
                if CPU_KEY in scope:
                    timing.append(f"cpu;dur={scope[CPU_KEY] * 1000:.1f}")
                if scope.get(CACHE_KEY):
                    timing.append("cache;desc=hit")
                message["headers"] = [*message.get("headers", []), (b"server-timing", ", ".join(timing).encode()),
                                      *[(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]]
            await send(message)

        await self.app(scope, receive, wrapped)


CPU_KEY, CACHE_KEY = "ratsinfo.cpu", "ratsinfo.cache"


def timed(endpoint: Callable[[Request], Response]) -> Callable[[Request], Response]:
    """The endpoint, noting the CPU time its thread spends (Starlette runs it in a worker thread)."""

    @functools.wraps(endpoint)
    def run(request: Request) -> Response:
        started = time.thread_time()
        try:
            return endpoint(request)
        finally:
            request.scope[CPU_KEY] = time.thread_time() - started

    return run


class Answers:
    """Whole answers to GET requests kept with the snapshot they were read from: a snapshot never changes, so
    the same URL gives the same page until the next refresh is published. Feed readers poll the same feeds,
    and many people open the same search or paper; those answers cost nothing after the first.
    Only complete answers with status 200 are kept (see data.Snapshot.keep for the budget)."""

    def __init__(self, app: Any, store: data.Warehouse) -> None:
        self.app = app
        self.store = store

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        if self.store.due():  # may copy the warehouse file: not on the event loop
            await run_in_threadpool(self.store.current)
        snap = self.store.newest()
        if not snap.cache_bytes:
            await self.app(scope, receive, send)
            return
        host = dict(scope.get("headers") or []).get(b"host", b"")
        key = (scope["path"], scope.get("query_string", b""), host, date.today())  # pages say "since yesterday"
        kept = snap.answer(key)
        if kept is not None:
            (status, headers, body), _size = kept
            scope[CACHE_KEY] = True
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        start: dict = {}
        chunks: list[bytes] = []

        async def keeping(message: dict) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body" and start.get("status") == 200:
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    body = b"".join(chunks)
                    snap.keep(key, (200, list(start.get("headers", [])), body), len(body))
            await send(message)

        await self.app(scope, receive, keeping)


class Admission:
    """At most ``limit`` requests compute at once (one per core by default); the others wait in the order they
    came. Twenty pages computed at once on two cores finish no sooner than one after another, but each of
    them later, and threads taking turns at the interpreter lock serve the unluckiest last: waiting in line
    keeps the slowest answers close to the typical ones. The wait counts in the ``app`` time of
    Server-Timing (Headers starts the clock before it); kept answers (Answers) never wait."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app = app
        self.limit = max(1, limit)
        self._gate: asyncio.Semaphore | None = None

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/static/"):
            await self.app(scope, receive, send)
            return
        if self._gate is None:  # made in the server's event loop
            self._gate = asyncio.Semaphore(self.limit)
        async with self._gate:
            await self.app(scope, receive, send)


def create_app(db: str | Path, check_every: float = 2.0, warm: bool = True) -> Starlette:
    """The app over the warehouse at ``db`` (opened read-only, through snapshots)."""
    get = ["GET"]
    routes = [
        Route("/", timed(start), methods=get),
        Route("/suche", timed(search), methods=get),
        Route("/frage", timed(ask), methods=get),
        Route("/vorlage/{key:path}", timed(paper), methods=get),
        Route("/sitzung/{key:path}", timed(meeting), methods=get),
        Route("/gremium/{key:path}", timed(organization), methods=get),
        Route("/dokument", timed(document), methods=get),
        Route("/abfragen", timed(query_list), methods=get),
        Route("/abfragen/{name}.{fmt}", timed(query_download), methods=get),
        Route("/abfragen/{name}", timed(query_page), methods=get),
        Route("/aenderungen", timed(changes), methods=get),
        Route("/atom/suche", timed(feeds.search_feed), methods=get),
        Route("/atom/vorlage/{key:path}", timed(feeds.paper_feed), methods=get),
        Route("/atom/gremium/{key:path}", timed(feeds.organization_feed), methods=get),
        Route("/ical/gremium/{key:path}", timed(feeds.organization_calendar), methods=get),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    store = data.Warehouse(db, check_every=check_every)

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        yield
        store.close()  # the snapshots go with the server

    app = Starlette(routes=routes, exception_handlers={HTTPException: not_found, 404: not_found}, lifespan=lifespan)
    app.state.warehouse = store
    app.add_middleware(Admission, limit=data.WORKERS)
    app.add_middleware(Answers, store=store)
    app.add_middleware(Headers)
    if warm:
        threading.Thread(target=data.warm_up, name="warm-up", daemon=True).start()
    return app
