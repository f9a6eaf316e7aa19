"""A folder's metadata sidecar: url, title and published date for plain files that cannot carry them.

A folder of .txt files may hold one file named ``_metadata.jsonl`` (or ``sources.jsonl``,
the name the project's shared corpus folders use), one JSON object per line naming a file
of that folder (``doc`` or ``file``: its name) with optional ``url``, ``title`` and
``published``. Such a file is a sidecar only when every line is an object with a
``doc``/``file`` name and none carries ``text`` or ``html``: a feed of articles under the
same name is read as articles, as before. In a folder with a sidecar:

- the sidecar gives its rows' url, title and published date to the files it names (what a
  record or page states about itself wins);
- a directory walk does not read the sidecar as articles.

In any folder, a directory walk also skips ``gold.jsonl`` when no line of it carries ``text``
or ``html``: that is an evaluation answer key kept beside the articles, not a feed (read as
articles it gave one error per line). A ``gold.jsonl`` that carries article text is read, and
a file named on the command line is always read as given.
"""
from __future__ import annotations

import json
import os
from dataclasses import replace
from functools import lru_cache
from typing import Mapping, Optional

from ..types import Record
from .records import CONTENT_FIELDS

SIDECAR_NAMES = ("_metadata.jsonl", "sources.jsonl")
# Beside a sidecar, these are not articles: the sidecar itself and the evaluation answer key.
ANSWER_KEY_NAMES = ("gold.jsonl",)
NAME_FIELDS = ("doc", "file")
META_FIELDS = ("url", "title", "published")
# A sidecar is read whole into memory: larger files are not taken for one (they are read as feeds).
MAX_SIDECAR_BYTES = 20_000_000

Metadata = Mapping[str, Mapping[str, Optional[str]]]


def find_sidecar(folder: str) -> Optional[str]:
    """The path of the folder's metadata sidecar, else None."""
    for name in SIDECAR_NAMES:
        path = os.path.join(folder, name)
        if os.path.isfile(path) and read_sidecar(path) is not None:
            return path
    return None


def not_articles(folder: str) -> frozenset[str]:
    """File names a directory walk of ``folder`` skips: its sidecar, and an answer key without article text."""
    sidecar = find_sidecar(folder)
    skipped = {os.path.basename(sidecar)} if sidecar else set()
    skipped.update(name for name in ANSWER_KEY_NAMES if _rows_without_text(os.path.join(folder, name)) is not None)
    return frozenset(skipped)


def read_sidecar(path: str) -> Optional[dict[str, dict[str, Optional[str]]]]:
    """File name -> its url/title/published, or None when the file is not a sidecar (see the module note)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    if st.st_size > MAX_SIDECAR_BYTES:
        return None
    return _parse_sidecar(path, st.st_mtime_ns, st.st_size)


def _rows_without_text(path: str) -> Optional[list[dict]]:
    """The JSON objects of a JSON Lines file none of whose lines carries article text, else None."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    if not os.path.isfile(path) or st.st_size > MAX_SIDECAR_BYTES:
        return None
    return _parse_rows(path, st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=64)
def _parse_rows(path: str, mtime_ns: int, size: int) -> Optional[list[dict]]:
    """_rows_without_text's work, once per version of the file (its mtime and size are part of the key)."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            lines = handle.read().splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    rows: list[dict] = []
    for line in lines:
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError):
            return None
        if not isinstance(obj, dict) or any(obj.get(k) for k in CONTENT_FIELDS):
            return None
        rows.append(obj)
    return rows or None


@lru_cache(maxsize=64)
def _parse_sidecar(path: str, mtime_ns: int, size: int) -> Optional[dict[str, dict[str, Optional[str]]]]:
    """read_sidecar's work, once per version of the file (its mtime and size are part of the key)."""
    objs = _parse_rows(path, mtime_ns, size)
    if objs is None:
        return None
    rows: dict[str, dict[str, Optional[str]]] = {}
    for obj in objs:
        name = next((obj[k] for k in NAME_FIELDS if isinstance(obj.get(k), str) and obj[k].strip()), None)
        if name is None:
            return None
        rows[os.path.basename(name.strip())] = {k: _text(obj.get(k)) for k in META_FIELDS}
    return rows or None


def with_sidecar_metadata(record: Record, path: str) -> Record:
    """The record of file ``path`` with what its folder's sidecar says about it, where it says nothing itself."""
    sidecar = find_sidecar(os.path.dirname(path) or ".")
    if sidecar is None:
        return record
    meta = (read_sidecar(sidecar) or {}).get(os.path.basename(path))
    if not meta:
        return record
    return replace(record, url=record.url or meta["url"], title=record.title or meta["title"],
                   published=record.published or meta["published"])


def _text(value: object) -> Optional[str]:
    if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
        return str(value).strip()
    return None
