"""Attachments of OParl and ALLRIS sources: download what is new (conditionally where the server
gave validators), parse PDFs in a pool of worker processes, and load the files in batches so that
a city's PDFs never sit in memory at once."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from ratsinfo.errors import ParseError
from ratsinfo.ingest.fetch import Fetcher
from ratsinfo.isolation import guarded
from ratsinfo.model import File, Records
from ratsinfo.parsers.detect import detect
from ratsinfo.parsers.limits import check_nesting
from ratsinfo.parsers.timeout import PdfWorkers
from ratsinfo.pipeline.common import report_ocr
from ratsinfo.warehouse.load import Loader

FILE_BATCH = 500
SLICE = 100  # downloads in flight at most: their bodies wait in memory
PDF_QUEUE = 8


def needs_download(fetcher: Fetcher, files: list[File]) -> list[File]:
    """Files whose URL is new or whose last download failed; the others keep what is stored."""
    stored = fetcher.state.files([f.key for f in files if f.access_url])
    todo = []
    for f in files:
        if not f.access_url:
            continue
        old = stored.get(f.key)
        if old and old[0] == f.access_url and old[4] == "ok":
            continue
        todo.append(f)
    return sorted(todo, key=lambda f: f.key)


def download_files(fetcher: Fetcher, loader: Loader, files: list[File], pdf_workers: PdfWorkers | None = None,
                   documents: Any = None) -> None:
    """Download, parse and load ``files``; a failure is recorded on the file and in run_error.

    ``pdf_workers``: a pool that outlives this call (a cluster worker's, kept across its crawls).
    ``documents``: in a cluster, the crawl's DocumentTasks (ratsinfo/scale/documents.py): each file is
    read by a task of its own batch, and its result taken here in the order the files were handed on."""
    run = fetcher.run
    todo = needs_download(fetcher, files)
    if not todo:
        return
    validators = fetcher.state.validators([f.access_url or "" for f in todo])
    done: list[File] = []

    def get(f: File) -> tuple[File, Any]:
        etag, last_modified = validators.get(f.access_url or "", (None, None))
        return f, fetcher.get(f.access_url or "", "file download", etag=etag, last_modified=last_modified)

    def store() -> None:
        loader.add(Records(files=list(done)), fetcher.take_documents())
        loader.flush()
        done.clear()

    def settle(f: File, sha: str, job: Any) -> None:
        try:
            out = workers.result(job, "PDF text extraction")
        except ParseError as exc:
            f.download_status, f.sha256 = "unreadable", sha
            run.error(f.access_url or f.key, "file", str(exc))
            done.append(f)
            return
        f.sha256, f.text, f.pages, f.download_status, f.mime_type = sha, out.text, out.pages, "ok", "application/pdf"
        f.text_method = out.method
        report_ocr(run, f.access_url or f.key, out.ocr_problems, out.ocr_missing)
        done.append(f)
        if len(done) >= FILE_BATCH:
            store()

    def settle_task(f: File, sha: str, ticket: int) -> None:
        out = documents.result(ticket)
        for error in out.errors:
            run.error(*error)
        if out.failed:
            f.download_status, f.sha256 = "unreadable", sha
        else:
            f.sha256, f.text, f.pages, f.download_status = sha, out.text, out.pages, "ok"
            if out.pdf:
                f.mime_type, f.text_method = "application/pdf", out.method
                report_ocr(run, f.access_url or f.key, out.ocr_problems, out.ocr_missing)
        done.append(f)
        if len(done) >= FILE_BATCH:
            store()

    workers = None if documents is not None else (pdf_workers or PdfWorkers(processes=2))
    pending: list[tuple[File, str, Any]] = []
    handed: list[tuple[File, str, int]] = []
    try:
        with ThreadPoolExecutor(max_workers=max(1, getattr(fetcher, "concurrency", 4))) as pool:
            results = (r for i in range(0, len(todo), SLICE) for r in pool.map(get, todo[i:i + SLICE]))
            for f, resp in results:
                if resp is None:  # the reason is in run_error already
                    f.download_status = "failed"
                    done.append(f)
                    continue
                if resp.not_modified:
                    old = fetcher.state.stored(f.access_url or "")
                    if old is None:
                        f.download_status = "failed"
                        run.error(f.access_url or f.key, "file", "304 Not Modified for a file never stored")
                        done.append(f)
                        continue
                    resp = type(resp)(resp.url, 200, fetcher.store.get(old[0]), resp.headers, resp.elapsed)
                if resp.status >= 400:
                    f.download_status = "failed"
                    run.error(f.access_url or f.key, "file", f"download failed: HTTP {resp.status}")
                    done.append(f)
                    continue
                sha = fetcher._keep(resp.url, resp.content, resp.status, resp.headers, "file")
                with guarded(run, f.access_url or f.key, "file") as outcome:
                    check_nesting(resp.content)
                    kind, _ctype = detect(resp.content, f.name)
                if outcome.failed:
                    f.download_status, f.sha256 = "unreadable", sha
                    done.append(f)
                    continue
                if documents is not None:
                    from ratsinfo.scale.documents import FileJob

                    handed.append((f, sha, documents.submit(FileJob(sha, kind, resp.url, f.name,
                                                                    f.access_url or f.key))))
                    continue
                if kind == "pdf":
                    pending.append((f, sha, workers.submit(resp.content)))
                    if len(pending) >= PDF_QUEUE:
                        settle(*pending.pop(0))
                    continue
                parsed = None
                with guarded(run, f.access_url or f.key, "file") as outcome:
                    from ratsinfo.parsers.document import parse_document  # HTML and PDF parsers: only with files

                    parsed = parse_document(kind, resp.content, resp.url, f"{resp.url}#{sha[:16]}", sha, "local")
                if outcome.failed or parsed is None:
                    f.download_status, f.sha256 = "unreadable", sha
                    done.append(f)
                    continue
                f.sha256, f.text, f.download_status = sha, parsed.text, "ok"
                f.pages = parsed.result.files[0].pages if parsed.result.files else None
                done.append(f)
                if len(done) >= FILE_BATCH:
                    store()
        for item in pending:
            settle(*item)
        for task in handed:
            settle_task(*task)
        store()
    finally:
        if pdf_workers is None and workers is not None:
            workers.close()
