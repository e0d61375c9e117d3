"""The table of hostile cases: each case is run for real and passes when the input is refused or
reported with a reason, the run goes on, and time and memory stay within their budgets.

    .venv/bin/python bench/hostile.py

Prints one line per case and a table (kind, count, passed), plus the peak memory of the PDF
workers that met the bombs.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ratsinfo.errors import BadInput, ParseError, printable  # noqa: E402
from ratsinfo.ingest import files, http  # noqa: E402
from ratsinfo.ops.sources import SourceConfig, add  # noqa: E402
from ratsinfo.parsers.detect import detect  # noqa: E402
from ratsinfo.parsers.document import parse_document  # noqa: E402
from ratsinfo.parsers.limits import check_nesting  # noqa: E402
from ratsinfo.parsers.oparl import Records, decode, map_object, page_of  # noqa: E402
from ratsinfo.parsers.timeout import PdfWorkers  # noqa: E402
from tests.hostile_inputs import deep_html, deep_json, text_bomb, zeros_bomb  # noqa: E402

CASES: list[tuple[str, str, Callable[[], bool]]] = []


def case(kind: str, name: str) -> Callable[[Callable[[], bool]], Callable[[], bool]]:
    def register(fn: Callable[[], bool]) -> Callable[[], bool]:
        CASES.append((kind, name, fn))
        return fn
    return register


def refused(fn: Callable[[], object], *errors: type[BaseException], seconds: float = 5.0) -> bool:
    started = time.monotonic()
    expected = errors or (ParseError,)
    try:
        fn()
    except expected:
        return time.monotonic() - started < seconds
    return False


def read_any(data: bytes) -> None:
    check_nesting(data)
    kind, _ = detect(data, "x")
    parse_document(kind, data, "file:///x", "k", "0" * 64, "local")


for levels in (1_000, 10_000, 100_000):
    case("nested input", f"JSON {levels} levels")(lambda n=levels: refused(lambda: read_any(deep_json(n))))
    case("nested input", f"HTML {levels} levels")(lambda n=levels: refused(lambda: read_any(deep_html(n))))
    case("nested input", f"OParl page {levels} levels")(lambda n=levels: refused(lambda: decode(deep_json(n))))

WORKERS = PdfWorkers(processes=1, seconds=120)
for label, make in (("30 million characters, one page", lambda: text_bomb(30_000_000)),
                    ("3 million characters on each of 10 pages", lambda: text_bomb(3_000_000, 10)),
                    ("1 GB of compressed zeros", lambda: zeros_bomb(1000))):
    case("PDF bomb", label)(lambda m=make: refused(lambda: WORKERS.result(WORKERS.submit(m()), "PDF"), seconds=120))


def folder_case(name: str, make: Callable[[Path], Path], expect: str) -> None:
    def run() -> bool:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "export"
            folder.mkdir()
            (folder / "gut.txt").write_text("Ein guter Text.")
            target = make(folder)
            found = {f.path.name: f for f in files.walk([str(folder)])}
            good = "gut.txt" in found and found["gut.txt"].error is None
            bad = found.get(target.name)
            said = bad.error if bad and bad.error else ""
            if not said and bad is not None:
                try:
                    files.read(bad.path)
                except OSError as exc:
                    said = str(exc)
            return good and expect in (said or printable(bad.origin if bad else ""))
    case("folder entry", name)(run)


def _link(folder: Path, target: str, name: str) -> Path:
    os.symlink(target, folder / name)
    return folder / name


folder_case("symlink to /etc/passwd", lambda f: _link(f, "/etc/passwd", "passwd.txt"), "outside the folder")
folder_case("symlink to /dev/zero", lambda f: _link(f, "/dev/zero", "zero.txt"), "outside the folder")
folder_case("broken symlink", lambda f: _link(f, str(f / "none"), "weg.txt"), "broken symbolic link")
folder_case("FIFO", lambda f: (os.mkfifo(f / "rohr.txt"), f / "rohr.txt")[1], "FIFO")
def _named(folder: Path, name: str) -> Path:
    (folder / name).write_text("Ein Text.")
    return folder / name


folder_case("name with a newline", lambda f: _named(f, "a\nError: b.txt"), "a\\nError: b.txt")
folder_case("name that is not UTF-8", lambda f: (open(os.fsencode(f) + b"/\xfc.txt", "wb").close(),
                                                 Path(os.fsdecode(os.fsencode(f) + b"/\xfc.txt")))[1], "\\xfc.txt")


def _oversize(folder: Path) -> Path:
    os.environ["RATSINFO_MEMORY_LIMIT"] = "1MB"
    (folder / "gross.txt").write_bytes(b"a" * 300_000)
    return folder / "gross.txt"


folder_case("file above a quarter of the memory limit", _oversize, "larger than 250000 bytes")

for url, what in (("http://127.0.0.1:99999/x", "port out of range"), ("http://127.0.0.1/a\nb", "control character"),
                  ("http://127.0.0.1:x/", "port not a number"), ("file:///etc/passwd", "file scheme"),
                  ("http://169.254.169.254/latest/meta-data", "link-local literal")):
    case("malformed or forbidden URL", what)(
        lambda u=url: refused(lambda: http.PoliteClient({"127.0.0.1", "127.0.0.1:80"}).get(u), http.Refused))

for field, value in (("reference", ["A", "B"]), ("title", [1, 2]), ("name", {"de": "x"}), ("id", 12345),
                     ("mainFile", [1, 2]), ("consultation", 5), ("start", 1700000000), ("location", ["a"])):
    def typed(f: str = field, v: object = value) -> bool:
        obj = {"id": "https://x.example/oparl/paper/1", "type": "https://schema.oparl.org/1.1/Paper", f: v}
        out = Records()
        try:
            map_object(obj, None, out)
        except ParseError:
            return f == "id"
        return all(isinstance(p.reference, str) for p in out.papers)
    case("wrong OParl field type", f"{field} as {type(value).__name__}")(typed)

case("wrong OParl field type", "links.next as an object")(
    lambda: page_of({"data": [], "links": {"next": {"href": "x"}}}).problem is not None)

for bad in (dict(max_rps=-5), dict(max_rps=0), dict(url="https://x.example:99999/"), dict(name="a\nb"),
            dict(concurrency=0), dict(allow_hosts=["a b"])):
    def invalid(b: dict = bad) -> bool:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "sources.toml"
            ok = refused(lambda: add(path, SourceConfig(**{"name": "s", "kind": "oparl",
                                                            "url": "https://s.example/oparl", **b})), BadInput)
            return ok and not path.exists()
    case("invalid source", ", ".join(f"{k}={v!r}" for k, v in bad.items()))(invalid)


def hostile_server() -> None:
    """One run against the hostile loopback server; each expectation is a case."""
    import tempfile

    from ratsinfo.ingest import oparl as oparl_ingest
    from ratsinfo.ingest.rawstore import RawStore
    from ratsinfo.pipeline import ingest_oparl
    from ratsinfo.warehouse.db import connect
    from tests.oparl_server import Faults, OParlServer

    http.DEFAULT_LIMITS = http.Limits(total_timeout=4.0, min_rate=200.0, rate_grace=1.0, budget=90.0,
                                      max_bytes=20 << 20)
    oparl_ingest.MAX_PAGES = 20
    faults = Faults(wrong_types=True, bad_next={"paper"}, endless_next={"organization"}, slow_body={"person"},
                    slow_headers={"meeting"}, deep_json={"membership"}, gzip_bomb=True, private_name=True,
                    bad_urls=True, trickle_interval=0.1)
    tmp = Path(tempfile.mkdtemp())
    con = connect(tmp / "w.duckdb")
    with OParlServer(page_size=25, faults=faults) as srv:
        started = time.monotonic()
        run = ingest_oparl(con, RawStore(tmp / "home"), srv.system_url, max_rps=1000, timeout=2.0, retries=1,
                           allow_hosts=(f"localhost:{srv.httpd.server_address[1]}",))
        took = time.monotonic() - started
        said = "\n".join(r for _, _, r in run.errors)
        n = con.execute("SELECT count(*) FROM paper").fetchone()[0]
        files_ok = con.execute("SELECT count(*) FROM file WHERE download_status IN ('ok', 'stored')").fetchone()[0]
        localhost = any(h.startswith("localhost") for h in srv.hosts)
    con.close()
    checks = {"slow body (minimum rate)": "bytes per second" in said,
              "slow headers (total deadline)": "within 4 s" in said,
              "endless next (page cap)": "more than 20 pages" in said,
              "page nested 100,000 deep": "levels deep" in said,
              "links.next as an object": "links.next is a dict" in said,
              "gzip bomb": "larger than" in said,
              "host name resolving to loopback": "internal address" in said and not localhost,
              "file URLs malformed": "not a valid URL" in said and "control characters" in said,
              "object id of the wrong type": "id that is a int" in said,
              "everything valid stored": n == 120 and files_ok == 36,
              "whole run within 60 s": took < 60}
    for name, ok in checks.items():
        case("hostile OParl server", name)(lambda ok=ok: ok)


def main() -> None:
    if "--no-server" not in sys.argv:
        hostile_server()
    results: Counter = Counter()
    passed: Counter = Counter()
    for kind, name, fn in CASES:
        try:
            ok = bool(fn())
        except Exception as exc:  # a case that crashes is a failed case
            ok = False
            name = f"{name} ({type(exc).__name__}: {exc})"
        results[kind] += 1
        passed[kind] += ok
        print(f"{'pass' if ok else 'FAIL'}  {kind:28} {printable(name)}")
    WORKERS.close()
    print()
    print(f"{'kind':28} {'count':>5} {'passed':>6}")
    for kind in results:
        print(f"{kind:28} {results[kind]:5} {passed[kind]:6}")
    print(f"{'total':28} {sum(results.values()):5} {sum(passed.values()):6}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"\npeak resident memory of any child process (PDF workers meeting the bombs): {peak:.0f} MB")


if __name__ == "__main__":
    main()
