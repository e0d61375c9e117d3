"""Walk folders of exported files: every regular file, recursively, in a stable order.

Only what was named is read: symbolic links are followed only to files inside the named
folders (a link to /etc/passwd is reported, not read; links to folders are never followed, so
no loops); FIFOs, sockets and devices are reported, never opened for reading (a FIFO would
block, /dev/zero never ends); folders that cannot be listed are reported, not skipped silently;
the warehouse's own files are passed over when it lies inside a named folder. Hidden files
and folders (".git", ".DS_Store") are passed over. Names that are not UTF-8 are kept as
bytes in the path and shown escaped in ``origin``.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ratsinfo import config
from ratsinfo.config import size_bytes
from ratsinfo.errors import printable

MAX_FILE_BYTES = 512 * 1024 * 1024


@dataclass(slots=True)
class Found:
    path: Path
    origin: str  # the path as the user would write it: the given root joined with the rest, control characters escaped
    error: str | None = None


def max_file_bytes(memory_limit: str | None = None) -> int:
    """The largest file read: a quarter of the warehouse's memory limit (RATSINFO_MEMORY_LIMIT), so that
    what is read can also be stored, and never more than MAX_FILE_BYTES."""
    size = size_bytes(memory_limit if memory_limit is not None else config.memory_limit())
    return MAX_FILE_BYTES if size is None else min(MAX_FILE_BYTES, size // 4)


def _inside(target: str, roots: list[str]) -> bool:
    return any(target == r or target.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def walk(paths: list[str], skip: Iterable[str | os.PathLike] = ()) -> Iterator[Found]:
    """Every regular file under ``paths``; what cannot or must not be read comes with an ``error``.

    ``skip``: files and folders never to yield (the warehouse, its write-ahead log, the raw store).
    """
    skipped = {os.path.realpath(s) for s in skip}
    for given in paths:
        root = Path(given)
        shown = printable(given)
        try:
            st = os.stat(root)
        except FileNotFoundError:
            yield Found(root, shown, "no such file or folder: check the path")
            continue
        except OSError as exc:
            yield Found(root, shown, f"cannot look at it ({exc.strerror or exc}): check permissions")
            continue
        if stat.S_ISREG(st.st_mode):
            if os.path.realpath(root) not in skipped:
                yield Found(root, shown)
            continue
        if not stat.S_ISDIR(st.st_mode):
            yield Found(root, shown, "not a regular file (a FIFO, socket or device): not read")
            continue
        yield from _walk_folder(root, [os.path.realpath(root)], skipped)


def _walk_folder(root: Path, roots: list[str], skipped: set[str]) -> Iterator[Found]:
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield Found(folder, printable(folder), f"cannot list the folder ({exc.strerror or exc}): its files "
                        "were not read; check permissions")
            continue
        subfolders = []
        for e in entries:
            if e.name.startswith("."):
                continue
            p = Path(e.path)
            real = os.path.realpath(p)
            if real in skipped:
                continue
            found = _check_entry(e, p, real, roots)
            if found == "folder":
                subfolders.append(p)
            elif found is not None:
                yield found
        stack.extend(reversed(subfolders))


def _check_entry(e: os.DirEntry, p: Path, real: str, roots: list[str]) -> Found | str | None:
    shown = printable(p)
    try:
        if e.is_symlink():
            if not _inside(real, roots):
                return Found(p, shown, f"a symbolic link to {printable(real)}, outside the folder: not followed")
            st = os.stat(p)
            if stat.S_ISDIR(st.st_mode):
                return None  # links to folders are not followed: no loops, nothing read twice
        elif e.is_dir(follow_symlinks=False):
            return "folder"
        else:
            st = e.stat(follow_symlinks=False)
    except FileNotFoundError:
        return Found(p, shown, "a broken symbolic link, or the file vanished while the run was going")
    except OSError as exc:
        return Found(p, shown, f"cannot look at it ({exc.strerror or exc}): check permissions")
    if not stat.S_ISREG(st.st_mode):
        return Found(p, shown, "not a regular file (a FIFO, socket or device): not read")
    return Found(p, shown)


def read(path: Path, limit: int | None = None) -> bytes:
    """Read a regular file whole; OSError (vanished, unreadable, not regular, oversize) is the caller's to report.

    Opened without blocking and checked again once open, so that a file swapped for a FIFO or a
    device after the walk is refused rather than waited on or read forever.
    """
    limit = limit if limit is not None else max_file_bytes()
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OSError("not a regular file (a FIFO, socket or device): not read")
        if st.st_size > limit:
            raise OSError(f"file of {st.st_size} bytes is larger than {limit} bytes (a quarter of the warehouse's "
                          "memory limit, RATSINFO_MEMORY_LIMIT)")
        data = fh.read(limit + 1)
        if len(data) > limit:
            raise OSError(f"file grew beyond {limit} bytes while it was read")
        return data
