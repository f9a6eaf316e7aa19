"""One input file (or standard input) -> Records, lazily, with one error per bad thing.

The kind of a file is told from its content where that matters (gzip and WARC by
their magic bytes, JSON Lines by every line being an object), and from its suffix
for formats that cannot be sniffed reliably (.csv) or should stream (.jsonl).
Every failure becomes a DocumentError and the batch goes on; records read before a
file turned out truncated are kept.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import zlib
from typing import BinaryIO, Iterator, Union

from ..errors import (DecodeInputError, EmptyInputError, EndorsetrackError, InputError,
                      RecordFormatError, TooLargeInputError, TruncatedInputError, without_surrogates)
from ..settings import DEFAULT
from ..types import DocumentError, Record
from .decode import (CANNOT_DECODE, FILE_IS_EMPTY, SNIFF_BYTES, check_not_binary, choose_encoding,
                     decode_bytes, decode_text)
from .records import record_from_fields, to_document_error
from .warc import read_warc

Item = Union[Record, DocumentError]

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")
CSV_SUFFIXES = (".csv",)
WARC_SUFFIXES = (".warc",)
GZIP_MAGIC = b"\x1f\x8b"
# Largest CSV cell we accept (characters): Python's default of 128 KB is below some
# long-form articles; 50 MB still stops a runaway unquoted field from eating memory.
CSV_MAX_FIELD_CHARS = 50_000_000

GZIP_TRUNCATED = "gzip data is truncated"
GZIP_CORRUPT = "gzip data is corrupt"
LINE_CUT_OFF = "not JSON: the line is cut off (the file looks truncated)"
NESTED_TOO_DEEP = "not JSON: nested too deeply"
# Bytes read at a time while skipping the rest of an over-long line.
_SKIP_CHUNK_BYTES = 1 << 20


def too_large(limit: int) -> str:
    return f"larger than {limit:,} bytes (Settings.max_input_bytes); not read"


def read_file(path: str) -> Iterator[Item]:
    """All records of one file, in order; errors as DocumentErrors naming the file (and line)."""
    try:
        handle = open(path, "rb")
    except OSError as exc:
        yield to_document_error(InputError(f"cannot read file: {exc.strerror or exc}", path=path))
        return
    with handle:
        yield from read_stream(handle, display=without_surrogates(path), name=path)


def read_bytes(data: bytes, display: str) -> Iterator[Item]:
    """Records from bytes already in memory (standard input): kind told by content only."""
    yield from read_stream(io.BytesIO(data), display=display, name="")


def read_blob(data: bytes, path: str) -> Iterator[Item]:
    """Records from a whole file's bytes already in memory (a Spark task's input file): the
    same readers as ``read_file``, the kind told by content and by ``path``'s suffix."""
    yield from read_stream(io.BytesIO(data), display=without_surrogates(path), name=path)


def read_stream(raw: BinaryIO, display: str, name: str) -> Iterator[Item]:
    """Records from a seekable binary stream; ``name`` (maybe empty) gives the suffix hints."""
    try:
        magic = raw.read(2)
        raw.seek(0)
        if magic == GZIP_MAGIC:
            inner = name[:-3] if name.lower().endswith(".gz") else ""
            with gzip.GzipFile(fileobj=raw, mode="rb") as stream:
                yield from _read_kind(stream, display, inner)  # type: ignore[arg-type]  # GzipFile reads bytes
        else:
            yield from _read_kind(raw, display, name)
    except EOFError:
        yield to_document_error(TruncatedInputError(GZIP_TRUNCATED, path=display))
    except (gzip.BadGzipFile, zlib.error):
        yield to_document_error(DecodeInputError(GZIP_CORRUPT, path=display))
    except UnicodeDecodeError:
        yield to_document_error(DecodeInputError(CANNOT_DECODE, path=display))
    except csv.Error as exc:
        yield to_document_error(RecordFormatError(f"malformed CSV: {exc}", path=display))
    except EndorsetrackError as exc:
        yield to_document_error(exc, path=display)
    except OSError as exc:
        yield to_document_error(InputError(f"cannot read file: {exc.strerror or exc}", path=display))
    except (RecursionError, MemoryError, ValueError, LookupError) as exc:  # what a hostile file can still raise
        yield to_document_error(InputError(f"cannot read file: {type(exc).__name__}: {exc}", path=display))


def _read_kind(stream: BinaryIO, display: str, name: str) -> Iterator[Item]:
    head = stream.read(SNIFF_BYTES)
    stream.seek(0)
    lower = name.lower()
    if head.startswith(b"WARC/") or lower.endswith(WARC_SUFFIXES):
        yield from read_warc(stream, display)
        return
    if head.strip():
        check_not_binary(head)
    if lower.endswith(JSONL_SUFFIXES):
        yield from read_jsonl(stream, display)
    elif lower.endswith(CSV_SUFFIXES):
        yield from read_csv(stream, display, head)
    else:
        text = decode_text(read_at_most(stream, DEFAULT.max_input_bytes, display))
        if looks_like_jsonl(text):
            yield from read_jsonl(io.BytesIO(text.encode("utf-8")), display)
        else:
            yield Record(doc=display, content=text, source=display)


def looks_like_jsonl(text: str) -> bool:
    """First non-blank character "{" and every non-blank line a JSON object."""
    if not text.lstrip().startswith("{"):
        return False
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            if not isinstance(json.loads(line), dict):
                return False
        except (ValueError, RecursionError):
            return False
    return True


def read_jsonl(stream: BinaryIO, display: str) -> Iterator[Item]:
    """One Record per non-blank line; a bad line is an error for that line only."""
    seen_any = False
    limit = DEFAULT.max_input_bytes
    for number, raw in enumerate(iter(lambda: stream.readline(limit + 1), b""), 1):
        if not raw.strip():
            continue
        seen_any = True
        if len(raw) > limit:
            if not raw.endswith(b"\n"):
                _skip_rest_of_line(stream)
            yield to_document_error(TooLargeInputError(too_large(limit)), path=display, line=number)
            continue
        try:
            yield parse_jsonl_line(decode_bytes(raw), display, number, complete=raw.endswith(b"\n"))
        except EndorsetrackError as exc:
            yield to_document_error(exc, path=display, line=number)
    if not seen_any:
        raise EmptyInputError(FILE_IS_EMPTY, path=display)


def parse_jsonl_line(line: str, path: str, number: int, complete: bool = True) -> Record:
    """One JSON Lines line -> Record. ``complete`` is False for a last line without newline."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        stripped = line.strip()
        if not complete and stripped.startswith("{") and not stripped.endswith("}"):
            raise TruncatedInputError(LINE_CUT_OFF, path=path, line=number) from exc
        raise RecordFormatError(f"not JSON: {exc.msg} (column {exc.colno})", path=path, line=number) from exc
    except RecursionError as exc:
        raise RecordFormatError(NESTED_TOO_DEEP, path=path, line=number) from exc
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise RecordFormatError(f"not JSON: {str(exc).split(';')[0]}", path=path, line=number) from exc
    if not isinstance(obj, dict):
        raise RecordFormatError("not a JSON object (expected {\"text\": ...} or {\"html\": ...})",
                                path=path, line=number)
    return record_from_fields(obj, path, number)


def read_at_most(stream: BinaryIO, limit: int, display: str) -> bytes:
    """The whole stream, or TooLargeInputError once it passes ``limit`` bytes (decompressed)."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLargeInputError(too_large(limit), path=display)
    return data


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(_SKIP_CHUNK_BYTES)
        if not chunk or chunk.endswith(b"\n"):
            return


def read_csv(stream: BinaryIO, display: str, head: bytes) -> Iterator[Item]:
    """One Record per row of a CSV file with a header naming a text or html column."""
    if not head.strip():
        raise EmptyInputError(FILE_IS_EMPTY, path=display)
    if csv.field_size_limit() < CSV_MAX_FIELD_CHARS:
        csv.field_size_limit(CSV_MAX_FIELD_CHARS)
    text = io.TextIOWrapper(stream, encoding=choose_encoding(head), newline="")
    try:
        reader = csv.reader(text)
        header = next(reader, None)
        columns = [h.strip().lower() for h in header or []]
        if not ({"text", "html"} & set(columns)):
            raise RecordFormatError('CSV file has no "text" or "html" column', path=display)
        line = reader.line_num + 1
        rows = 0
        for row in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            rows += 1
            try:
                yield record_from_fields(dict(zip(columns, row)), display, start)
            except EndorsetrackError as exc:
                yield to_document_error(exc, path=display, line=start)
        if not rows:
            raise EmptyInputError("CSV file has a header but no rows", path=display)
    finally:
        text.detach()  # leave the binary stream to its owner
