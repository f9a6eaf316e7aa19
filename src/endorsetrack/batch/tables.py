"""Pipeline outcomes as table rows (the Spark job's Parquet tables) and back.

Pure: no Spark, no Parquet here. Four tables:

- ``articles``: one row per processed article, with readable columns and ``result``, the
  whole ArticleResult as JSON (lossless: ``decode_result`` gives back the value the
  pipeline made, so ``load`` stores exactly what ``ingest`` would);
- ``endorsements``: one row per stance report, flat, for queries over the archive;
- ``polls``: one row per poll, its results a list of (candidate, share);
- ``errors``: one row per input or article that failed (code, message, path, line).

Every row has ``month``, the publication month ``YYYY-MM`` (the tables are partitioned
by it); an article with no known publication date, and every error, gets ``unknown``.
"""
from __future__ import annotations

import dataclasses
import json
import re
import types
import typing
from dataclasses import asdict
from typing import Any, Iterator, Union

from ..types import ArticleResult, DocumentError

__all__ = ["TABLES", "UNKNOWN_MONTH", "publication_month", "encode_result", "decode_result", "outcome_rows",
           "COLUMNS", "row_values"]

ARTICLES, ENDORSEMENTS, POLLS, ERRORS = "articles", "endorsements", "polls", "errors"
TABLES = (ARTICLES, ENDORSEMENTS, POLLS, ERRORS)
UNKNOWN_MONTH = "unknown"
# Date bases that say when the article was published (resolve/dating.py); an inferred
# window is a guess from the text and does not file an article under a month.
_PUBLISHED_BASES = ("published", "url", "url-month")
_MONTH = re.compile(r"^(\d{4}-\d{2})")

# Column order and Spark SQL types of each table (the Spark job builds its schemas from
# these; ``month`` comes last, as the partition column).
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    ARTICLES: (("doc", "string"), ("url", "string"), ("title", "string"), ("published", "string"),
               ("published_date", "string"), ("date_window_start", "string"), ("date_window_end", "string"),
               ("date_basis", "string"), ("endorsements", "int"), ("polls", "int"), ("parsed_chars", "int"),
               ("text", "string"), ("result", "string"), ("month", "string")),
    ENDORSEMENTS: (("doc", "string"), ("url", "string"), ("endorser", "string"), ("endorser_type", "string"),
                   ("candidate", "string"), ("stance", "string"), ("stage", "string"), ("race", "string"),
                   ("date", "string"), ("evidence_text", "string"), ("evidence_start", "int"),
                   ("evidence_end", "int"), ("confidence", "double"), ("rule_id", "string"), ("rule_version", "int"),
                   ("endorser_parent", "string"), ("endorser_aliases", "array<string>"),
                   ("candidate_aliases", "array<string>"), ("effective_date", "string"), ("date_basis", "string"),
                   ("resolved_race", "string"), ("race_basis", "string"), ("month", "string")),
    POLLS: (("doc", "string"), ("url", "string"), ("pollster", "string"), ("population", "string"),
            ("released", "string"), ("results", "array<struct<candidate:string,share:double>>"),
            ("evidence_text", "string"), ("evidence_start", "int"), ("evidence_end", "int"), ("rule_id", "string"),
            ("rule_version", "int"), ("field_dates", "string"), ("sponsor", "string"), ("sample_size", "bigint"),
            ("sample_universe", "string"), ("margin_of_error", "double"), ("race", "string"),
            ("pollster_aliases", "array<string>"), ("resolved_released", "string"), ("effective_date", "string"),
            ("date_basis", "string"), ("resolved_race", "string"), ("month", "string")),
    ERRORS: (("doc", "string"), ("code", "string"), ("message", "string"), ("path", "string"), ("line", "bigint"),
             ("month", "string")),
}


def publication_month(result: ArticleResult) -> str:
    """``YYYY-MM`` of the article's publication (its published date, else the date in its url),
    or ``unknown``."""
    candidates = [result.published_date]
    window = result.date_window
    if window is not None and window.basis in _PUBLISHED_BASES:
        candidates.append(window.start)
    for value in candidates:
        match = _MONTH.match(value or "")
        if match:
            return match.group(1)
    return UNKNOWN_MONTH


def outcome_rows(outcome: Union[ArticleResult, DocumentError]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(table, row) for every row one pipeline outcome makes."""
    if isinstance(outcome, DocumentError):
        line = outcome.details.get("line")
        yield ERRORS, {"doc": outcome.doc, "code": outcome.code, "message": outcome.message,
                       "path": outcome.details.get("path"), "line": int(line) if isinstance(line, int) else None,
                       "month": UNKNOWN_MONTH}
        return
    month = publication_month(outcome)
    art, window = outcome.article, outcome.date_window
    yield ARTICLES, {"doc": art.doc, "url": art.url, "title": art.title, "published": art.published,
                     "published_date": outcome.published_date,
                     "date_window_start": window.start if window else None,
                     "date_window_end": window.end if window else None,
                     "date_basis": window.basis if window else None,
                     "endorsements": len(outcome.endorsements), "polls": len(outcome.polls),
                     "parsed_chars": outcome.parsed_chars, "text": art.text, "result": encode_result(outcome),
                     "month": month}
    for e in outcome.endorsements:
        row = _flat(asdict(e))
        row.update(doc=art.doc, url=art.url, month=month)
        yield ENDORSEMENTS, row
    for p in outcome.polls:
        row = _flat(asdict(p))
        row.update(doc=art.doc, url=art.url, month=month,
                   results=[{"candidate": r.candidate, "share": float(r.share)} for r in p.results])
        yield POLLS, row


def row_values(table: str, row: dict[str, Any]) -> tuple:
    """A row in its table's column order, doubles as floats (Spark checks the types)."""
    return tuple(float(row[name]) if kind == "double" and row.get(name) is not None else row.get(name)
                 for name, kind in COLUMNS[table])


def _flat(fields: dict[str, Any]) -> dict[str, Any]:
    """Evidence and rule as columns of their own; tuples as lists."""
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key in ("evidence", "rule"):
            out.update({f"{key}_{k}": v for k, v in value.items()})
        else:
            out[key] = list(value) if isinstance(value, tuple) else value
    return out


def encode_result(result: ArticleResult) -> str:
    """The whole result as JSON (every field, text included)."""
    return json.dumps(asdict(result), ensure_ascii=False, separators=(",", ":"))


def decode_result(data: str) -> ArticleResult:
    """The inverse of ``encode_result``."""
    return typing.cast(ArticleResult, _decode(ArticleResult, json.loads(data)))


def _decode(kind: Any, value: Any) -> Any:
    """A JSON value back to ``kind``: frozen dataclasses, tuples, Optional, plain values."""
    if value is None:
        return None
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        hints = typing.get_type_hints(kind)
        return kind(**{f.name: _decode(hints[f.name], value[f.name])
                       for f in dataclasses.fields(kind) if f.name in value})
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is Union or isinstance(kind, types.UnionType):  # Optional[X] and X | None
        inner = [a for a in args if a is not type(None)]
        return _decode(inner[0], value) if len(inner) == 1 else value
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in value)
        return tuple(_decode(a, v) for a, v in zip(args, value))
    if origin is dict or kind is dict:
        return dict(value)
    return value  # a plain value: JSON keeps int and float apart, so a share of 60 stays 60
