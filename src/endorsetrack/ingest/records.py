"""Structured input rows (JSON Lines objects, CSV rows) -> Records, and errors -> DocumentErrors."""
from __future__ import annotations

from typing import Any, Mapping, Optional, Union

from ..errors import EndorsetrackError, RecordFormatError, without_surrogates
from ..types import DocumentError, Record

CONTENT_FIELDS = ("text", "html")
META_FIELDS = ("id", "url", "title", "published")

NO_CONTENT = 'record has neither a "text" nor an "html" field with article text'


def record_from_fields(row: Mapping[str, Any], path: str, line: int) -> Record:
    """A row with ``text`` or ``html`` (text preferred: it is already what we want) plus
    optional id/url/title/published. ``doc`` is the row's id, else ``path:line``."""
    content = None
    for key in CONTENT_FIELDS:
        value = row.get(key)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            raise RecordFormatError(f'"{key}" must be a string, not {_json_type(value)}', path=path, line=line)
        if value.strip():
            content = without_surrogates(value)
            break
    if content is None:
        raise RecordFormatError(NO_CONTENT, path=path, line=line)
    meta = {key: _optional_str(row.get(key), key, path, line) for key in META_FIELDS}
    where = f"{path}:{line}"
    return Record(doc=meta["id"] or where, content=content, url=meta["url"], title=meta["title"],
                  published=meta["published"], source=where)


def record_or_error(row: Mapping[str, Any], path: str, line: int) -> Union[Record, DocumentError]:
    """``record_from_fields`` for a table row (a Parquet row): a bad row becomes its DocumentError."""
    try:
        return record_from_fields(row, path, line)
    except EndorsetrackError as exc:
        return to_document_error(exc, path=path, line=line)


def to_document_error(exc: EndorsetrackError, path: Optional[str] = None,
                      line: Optional[int] = None) -> DocumentError:
    """A typed error -> the DocumentError a batch reports: doc is "path" or "path:line"."""
    path = exc.path or path or "<input>"
    line = exc.line or line
    doc = f"{path}:{line}" if line else path
    details: dict = {"path": path}
    if line:
        details["line"] = line
    return DocumentError(doc=doc, code=exc.code, message=exc.message, details=details)


def _optional_str(value: Any, key: str, path: str, line: int) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise RecordFormatError(f'"{key}" must be a string, not {_json_type(value)}', path=path, line=line)
    text = without_surrogates(str(value)).strip()
    return text or None


def _json_type(value: Any) -> str:
    return {dict: "an object", list: "a list", bool: "true/false", int: "a number",
            float: "a number"}.get(type(value), type(value).__name__)
