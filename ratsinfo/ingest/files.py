"""Walk folders of exported files: every regular file, recursively, in a stable order.

Symbolic links to folders are not followed (no loops, nothing outside what was named);
hidden files and folders (".git", ".DS_Store") are passed over.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

MAX_FILE_BYTES = 512 * 1024 * 1024


@dataclass(slots=True)
class Found:
    path: Path
    origin: str  # the path as the user would write it: the given root joined with the rest
    error: str | None = None


def walk(paths: list[str]) -> Iterator[Found]:
    for given in paths:
        root = Path(given)
        if not root.exists():
            yield Found(root, given, "no such file or folder: check the path")
            continue
        if root.is_file():
            yield Found(root, given)
            continue
        for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.startswith("."):
                    continue
                p = Path(dirpath) / name
                yield Found(p, str(p))


def read(path: Path) -> bytes:
    """Read a file whole; OSError (vanished, unreadable) and oversize are the caller's to report."""
    with open(path, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > MAX_FILE_BYTES:
            raise OSError(f"file of {size} bytes is larger than {MAX_FILE_BYTES} bytes")
        return fh.read()
