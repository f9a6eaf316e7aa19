"""Command-line PATH arguments -> the files to read, in a deterministic order.

A PATH is a file, a directory (walked recursively, hidden entries skipped, names
sorted), a glob pattern (expanded here, since a quoted glob reaches us as is) or
"-" for standard input. Paths stay as given (never made absolute) because they
are the documents' names. The walk is lazy, so a directory of millions streams.
"""
from __future__ import annotations

import glob
import os
import stat
from typing import Iterator, Sequence, Union

from ..errors import InputError, MissingInputError
from .sidecar import not_articles

STDIN = "-"
_GLOB_CHARS = set("*?[")

NO_SUCH_FILE = "no such file or directory"
NO_GLOB_MATCH = "no file matches this pattern"
NOT_REGULAR = "not a regular file (a pipe, socket or device found in a directory); skipped"


def expand_paths(paths: Sequence[str]) -> Iterator[Union[str, InputError]]:
    """Yield file paths (or STDIN) in order, and an InputError for each PATH that fails."""
    for path in paths:
        if path == STDIN:
            yield STDIN
        elif os.path.isdir(path):
            yield from walk_directory(path)
        elif os.path.lexists(path):
            yield path
        elif _GLOB_CHARS & set(path):
            yield from _expand_glob(path)
        else:
            yield MissingInputError(NO_SUCH_FILE, path=path)


def walk_directory(top: str, _seen: set[str] | None = None) -> Iterator[Union[str, InputError]]:
    """Files under ``top`` in name order (a subdirectory is walked where its name sorts);
    hidden files and directories skipped; symlink loops visited once; a folder's metadata
    sidecar and the answer key beside it skipped (sidecar.py)."""
    seen = set() if _seen is None else _seen
    real = os.path.realpath(top)
    if real in seen:
        return
    seen.add(real)
    try:
        with os.scandir(top) as it:
            names = sorted(e.name for e in it if not e.name.startswith("."))
    except OSError as exc:
        yield InputError(f"cannot list directory: {exc.strerror or exc}", path=top)
        return
    skipped = not_articles(top)
    for name in names:
        if name in skipped:
            continue
        path = os.path.join(top, name)
        if os.path.isdir(path):
            yield from walk_directory(path, seen)
        elif _is_special(path):  # reading a FIFO would block forever
            yield InputError(NOT_REGULAR, path=path)
        else:
            yield path


def _is_special(path: str) -> bool:
    """A pipe, socket or device: named on the command line it is read (``<(cmd)``), found
    in a directory it is skipped. A path that cannot be stat'ed is left to the reader."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode)


def _expand_glob(pattern: str) -> Iterator[Union[str, InputError]]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield MissingInputError(NO_GLOB_MATCH, path=pattern)
        return
    for match in matches:
        if os.path.isdir(match):
            yield from walk_directory(match)
        else:
            yield match
