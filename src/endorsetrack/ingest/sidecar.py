"""Metadata for plain files that cannot carry it: url, title and published date, by file name.

Two sources give it, read by the same code:

- a folder's sidecar: a folder of .txt files may hold one file named ``_metadata.jsonl`` (or
  ``sources.jsonl``, the name the project's shared corpus folders use), one JSON object per
  line naming a file of that folder (``doc`` or ``file``: its name) with optional ``url``,
  ``title`` and ``published``. Such a file is a sidecar only when every line is an object with
  a ``doc``/``file`` name and none carries ``text`` or ``html``: a feed of articles under the
  same name is read as articles, as before. A directory walk does not read the sidecar as
  articles.
- a metadata file given on the command line (``ingest --metadata FILE``, ``extract --metadata
  FILE``, ``load_metadata``): JSON Lines as above, or CSV (a ``.csv`` name) with a header
  naming a ``doc`` or ``file`` column and any of ``url``, ``title``, ``published``. A name
  matches an input file given by the same path (as given, or the same file from another
  working directory) or, when it is a bare file name, any input file of that name in any
  folder. A missing or malformed file is a MetadataFileError (nothing is read); a line whose
  name matches no input file is reported as a warning (``MetadataFile.unused``), after reading.

What a record or page states about itself wins; then the metadata file; then the folder's sidecar.

In any folder, a directory walk also skips ``gold.jsonl`` when no line of it carries ``text``
or ``html``: that is an evaluation answer key kept beside the articles, not a feed (read as
articles it gave one error per line). A ``gold.jsonl`` that carries article text is read, and
a file named on the command line is always read as given.
"""
from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Mapping, Optional

from ..errors import DecodeInputError, MetadataFileError
from ..types import Record
from .decode import choose_encoding
from .records import CONTENT_FIELDS

SIDECAR_NAMES = ("_metadata.jsonl", "sources.jsonl")
# Beside a sidecar, these are not articles: the sidecar itself and the evaluation answer key.
ANSWER_KEY_NAMES = ("gold.jsonl",)
NAME_FIELDS = ("doc", "file")
META_FIELDS = ("url", "title", "published")
# A sidecar or metadata file is read whole into memory: a larger sidecar is not taken for one (it is read
# as a feed), a larger --metadata file is an error. 20 MB holds ~100,000 lines of url, title and date.
MAX_SIDECAR_BYTES = 20_000_000
CSV_SUFFIX = ".csv"

Metadata = Mapping[str, Mapping[str, Optional[str]]]
Meta = dict[str, Optional[str]]


class _Malformed(ValueError):
    """One line of a metadata file that is not a metadata row: its number (0: the whole file) and why."""

    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line = line
        self.reason = reason


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


def read_sidecar(path: str) -> Optional[dict[str, Meta]]:
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


def _json_objects(lines: list[str]) -> list[tuple[int, dict]]:
    """(line number, object) for every non-blank line; _Malformed names the first line that is no JSON object."""
    rows: list[tuple[int, dict]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError):
            raise _Malformed(number, "not valid JSON") from None
        if not isinstance(obj, dict):
            raise _Malformed(number, "not a JSON object")
        rows.append((number, obj))
    return rows


def _csv_objects(text: str) -> list[tuple[int, dict]]:
    """(line number, row as a dict of lower-cased header names) for every non-blank CSV row."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader, None) or []]
        rows: list[tuple[int, dict]] = []
        line = reader.line_num + 1
        for row in reader:
            start, line = line, reader.line_num + 1
            if any(cell.strip() for cell in row):
                rows.append((start, dict(zip(header, row))))
    except csv.Error as exc:
        raise _Malformed(reader.line_num, f"malformed CSV: {exc}") from None
    if not set(NAME_FIELDS) & set(header):
        raise _Malformed(0, "the CSV header has no 'doc' or 'file' column")
    return rows


def _named(number: int, obj: dict) -> tuple[str, Meta]:
    """A metadata row's file name (as written) and its url/title/published; _Malformed when it names no file."""
    name = next((obj[k] for k in NAME_FIELDS if isinstance(obj.get(k), str) and obj[k].strip()), None)
    if name is None:
        raise _Malformed(number, "names no file (a metadata line needs a 'doc' or 'file' name)")
    return name.strip(), {k: _text(obj.get(k)) for k in META_FIELDS}


@lru_cache(maxsize=64)
def _parse_rows(path: str, mtime_ns: int, size: int) -> Optional[list[dict]]:
    """_rows_without_text's work, once per version of the file (its mtime and size are part of the key)."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            objs = _json_objects(handle.read().splitlines())
    except (OSError, UnicodeDecodeError, _Malformed):
        return None
    if any(obj.get(k) for _, obj in objs for k in CONTENT_FIELDS):
        return None
    return [obj for _, obj in objs] or None


@lru_cache(maxsize=64)
def _parse_sidecar(path: str, mtime_ns: int, size: int) -> Optional[dict[str, Meta]]:
    """read_sidecar's work, once per version of the file (its mtime and size are part of the key)."""
    objs = _parse_rows(path, mtime_ns, size)
    if objs is None:
        return None
    rows: dict[str, Meta] = {}
    for obj in objs:
        try:
            name, meta = _named(0, obj)
        except _Malformed:
            return None
        rows[os.path.basename(name)] = meta
    return rows or None


def _fill(record: Record, meta: Optional[Mapping[str, Optional[str]]]) -> Record:
    """The record with ``meta``'s url, title and date where it states none itself."""
    if not meta:
        return record
    return replace(record, url=record.url or meta["url"], title=record.title or meta["title"],
                   published=record.published or meta["published"])


def with_sidecar_metadata(record: Record, path: str) -> Record:
    """The record of file ``path`` with what its folder's sidecar says about it, where it says nothing itself."""
    sidecar = find_sidecar(os.path.dirname(path) or ".")
    if sidecar is None:
        return record
    return _fill(record, (read_sidecar(sidecar) or {}).get(os.path.basename(path)))


@dataclass
class MetadataFile:
    """A metadata file given on the command line: its rows by the file name they give, and which were used."""

    path: str
    rows: list[tuple[int, str, Meta]]  # (line number, name as written, url/title/published)
    used: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._by_path: dict[str, int] = {}
        self._by_name: dict[str, int] = {}
        for index, (_, name, _meta) in enumerate(self.rows):  # a later line for the same name wins
            self._by_path[os.path.abspath(name)] = index
            if os.path.basename(name) == name:
                self._by_name[name] = index

    def is_itself(self, path: str) -> bool:
        """True when ``path`` is this metadata file (a walk of its folder does not read it as an article)."""
        return os.path.abspath(path) == os.path.abspath(self.path)

    def lookup(self, path: str) -> Optional[Meta]:
        """What the file says about the input file ``path``: by its path, else by its bare name."""
        index = self._by_path.get(os.path.abspath(path))
        if index is None:
            index = self._by_name.get(os.path.basename(path))
        if index is None:
            return None
        self.used.add(index)
        return self.rows[index][2]

    def apply(self, record: Record, path: str) -> Record:
        """The record of file ``path`` with what this file says about it, where it says nothing itself."""
        return _fill(record, self.lookup(path))

    def unused(self) -> list[str]:
        """A warning line for every row that named no file read so far."""
        return [f"warning: {self.path}:{line}: '{name}' names no input file; its metadata was not used"
                for index, (line, name, _meta) in enumerate(self.rows) if index not in self.used]


def load_metadata(path: str) -> MetadataFile:
    """Read a metadata file (JSON Lines, or CSV by a .csv name); MetadataFileError when it is missing or malformed."""
    try:
        size = os.stat(path).st_size
        if not os.path.isfile(path):
            raise MetadataFileError("metadata file is not a regular file", path=path)
        if size > MAX_SIDECAR_BYTES:
            raise MetadataFileError(f"metadata file is larger than {MAX_SIDECAR_BYTES:,} bytes", path=path)
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise MetadataFileError("metadata file not found", path=path) from None
    except OSError as exc:
        raise MetadataFileError(f"cannot read metadata file: {exc.strerror or exc}", path=path) from None
    try:
        text = data.decode(choose_encoding(data[:4096])).lstrip("\ufeff")
    except (UnicodeDecodeError, LookupError, DecodeInputError):
        raise MetadataFileError("metadata file is not text", path=path) from None
    try:
        objs = _csv_objects(text) if path.lower().endswith(CSV_SUFFIX) else _json_objects(text.splitlines())
        rows = [(number, *_named(number, obj)) for number, obj in objs]
    except _Malformed as bad:
        kind = "CSV" if path.lower().endswith(CSV_SUFFIX) else "JSON Lines"
        raise MetadataFileError(f"{bad.reason}; --metadata wants {kind} naming a file (doc or file) with "
                                "url, title, published", path=path, line=bad.line or None) from None
    if not rows:
        raise MetadataFileError("metadata file has no rows", path=path)
    return MetadataFile(path, rows)


def _text(value: object) -> Optional[str]:
    if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
        return str(value).strip()
    return None
