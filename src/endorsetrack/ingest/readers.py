"""One input file (or standard input) -> Records, lazily, with one error per bad thing.

The kind of a file is told from its content where that matters (gzip and WARC by
their magic bytes, JSON Lines by every line being an object), and from its suffix
for formats that cannot be sniffed reliably (.csv) or should stream (.jsonl).
Every failure becomes a DocumentError and the batch goes on; records read before a
file turned out truncated are kept.

Standard input and pipes (``<(command)``, a FIFO) are read as streams: their kind is
sniffed from the first bytes, kept aside so reading can start over, and JSON Lines
stream record by record; anything else is held whole only up to
Settings.max_input_bytes, past which it is one error, so no input exhausts memory.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import zlib
from typing import Any, BinaryIO, Iterator, Union

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
# Bytes of a pipe or standard input kept so that reading can go back to the start after
# sniffing its kind. The sniffing reads SNIFF_BYTES (8 KB) of content; through gzip that
# takes compressed reads of 8 KB blocks plus the buffered reader's own 8 KB, so 1 MB is a
# wide margin (a gzip header padded past it is reported as unreadable, not held).
REWIND_BYTES = 1 << 20


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
    """Records from bytes already in memory: kind told by content only."""
    yield from read_stream(io.BytesIO(data), display=display, name="")


def read_blob(data: bytes, path: str) -> Iterator[Item]:
    """Records from a whole file's bytes already in memory (a Spark task's input file): the
    same readers as ``read_file``, the kind told by content and by ``path``'s suffix."""
    yield from read_stream(io.BytesIO(data), display=without_surrogates(path), name=path)


def read_standard_input(raw: BinaryIO, display: str) -> Iterator[Item]:
    """Records from standard input, streamed (see ``read_stream``), kind told by content only."""
    yield from read_stream(raw, display=display, name="", streaming=True)


def read_stream(raw: BinaryIO, display: str, name: str, streaming: bool = False) -> Iterator[Item]:
    """Records from a binary stream; ``name`` (maybe empty) gives the suffix hints.

    A stream that cannot seek (a pipe) is read forwards only, and so is any stream when
    ``streaming`` (standard input, even redirected from a file): JSON Lines, told by
    their first lines, go record by record however long the stream runs; other content
    is read whole up to Settings.max_input_bytes.
    """
    try:
        if not raw.seekable():
            raw = io.BufferedReader(Rewindable(raw, REWIND_BYTES))
            streaming = True
        magic = raw.read(2)
        raw.seek(0)
        if magic == GZIP_MAGIC:
            inner = name[:-3] if name.lower().endswith(".gz") else ""
            with gzip.GzipFile(fileobj=raw, mode="rb") as stream:
                yield from _read_kind(stream, display, inner, streaming)  # type: ignore[arg-type]  # GzipFile reads bytes
        else:
            yield from _read_kind(raw, display, name, streaming)
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


def _read_kind(stream: BinaryIO, display: str, name: str, streaming: bool = False) -> Iterator[Item]:
    head = stream.read(SNIFF_BYTES)
    stream.seek(0)
    lower = name.lower()
    if head.startswith(b"WARC/") or lower.endswith(WARC_SUFFIXES):
        yield from read_warc(stream, display)
        return
    if head.strip():
        check_not_binary(head)
    if lower.endswith(JSONL_SUFFIXES) or (streaming and len(head) == SNIFF_BYTES and starts_like_jsonl(head)):
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


def starts_like_jsonl(head: bytes) -> bool:
    """The first bytes of a stream too long to hold whole look like JSON Lines: the first
    non-blank byte is "{" and every complete line among them is a JSON object (a first
    line longer than ``head`` counts, as one long record). The streaming counterpart of
    ``looks_like_jsonl``, which sees every line; a later line that is not an object is
    then an error for that line."""
    if not head.lstrip().startswith(b"{"):
        return False
    for line in head.split(b"\n")[:-1]:  # the last piece may be cut off
        if not line.strip():
            continue
        try:
            if not isinstance(json.loads(decode_bytes(line)), dict):
                return False
        except (ValueError, RecursionError, EndorsetrackError):
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


class Rewindable(io.RawIOBase):
    """A forward-only stream (standard input, a pipe) that can go back to its start while
    at most ``keep`` bytes have been read: enough to sniff its kind (gzip magic, WARC,
    JSON Lines, text) and read it again from the top. Past that the kept bytes are let
    go and seeking back is an error, so memory stays bounded however long it runs."""

    def __init__(self, raw: BinaryIO, keep: int):
        super().__init__()
        self._raw = raw
        self._keep = keep
        self._kept = bytearray()
        self._keeping = True
        self._pos = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        target = self._pos + offset if whence == io.SEEK_CUR else offset if whence == io.SEEK_SET else -1
        if target == self._pos:
            return self._pos
        if not (self._keeping and 0 <= target <= len(self._kept)):
            raise io.UnsupportedOperation(f"cannot go back in a stream once {self._keep:,} bytes are read")
        self._pos = target
        return self._pos

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._pos < len(self._kept):  # replaying after a seek back
            count = min(len(view), len(self._kept) - self._pos)
            view[:count] = self._kept[self._pos:self._pos + count]
        else:
            read1 = getattr(self._raw, "read1", None)  # what a pipe holds now, not a full buffer
            data = read1(len(view)) if read1 is not None else self._raw.read(len(view))
            count = len(data)
            view[:count] = data
            if self._keeping and len(self._kept) + count <= self._keep:
                self._kept += data
            else:
                self._keeping = False
                self._kept = bytearray()
        self._pos += count
        return count


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
