"""WARC files (web archives, .warc or .warc.gz) -> one Record per archived HTML page.

Standard library only: a WARC file is a sequence of records, each a block of
"Name: value" headers, a blank line and Content-Length bytes. Response records
hold an HTTP response; those with an HTML body become Records named by their
WARC-Target-URI. Other records (requests, metadata, images) are skipped.
"""
from __future__ import annotations

import codecs
import re
import zlib
from typing import BinaryIO, Iterator, Optional, Union

from ..errors import (DecodeInputError, EmptyInputError, EndorsetrackError, RecordFormatError, TooLargeInputError,
                      TruncatedInputError)
from ..settings import DEFAULT
from ..types import DocumentError, Record
from .decode import FILE_IS_EMPTY, decode_bytes
from .records import to_document_error

WARC_TRUNCATED = "WARC record is truncated"
BODY_CORRUPT = "the HTTP body's gzip/deflate data is corrupt"
NO_STATUS_LINE = "WARC response holds no HTTP status line"
# Bytes read at a time while skipping an over-long record.
_SKIP_CHUNK_BYTES = 1 << 20
_CHARSET = re.compile(rb"charset=[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def read_warc(stream: BinaryIO, display: str) -> Iterator[Union[Record, DocumentError]]:
    """Records of the HTML responses in a WARC stream, in file order."""
    number = 0
    limit = DEFAULT.max_input_bytes
    while True:
        headers = _read_headers(stream)
        if headers is None:
            if not number:
                raise EmptyInputError(FILE_IS_EMPTY, path=display)
            return
        number += 1
        try:
            length = int(headers.get("content-length", ""))
        except ValueError:
            length = -1
        if length < 0:
            raise RecordFormatError(f"WARC record {number} has no valid Content-Length", path=display)
        uri = headers.get("warc-target-uri", "").strip("<> ") or f"{display}#{number}"
        if length > limit:
            _skip(stream, length)
            yield to_document_error(TooLargeInputError(f"WARC record {number} is larger than {limit:,} bytes "
                                                       "(Settings.max_input_bytes); not read"), path=uri)
            continue
        block = stream.read(length)
        if len(block) < length:
            raise TruncatedInputError(WARC_TRUNCATED, path=display)
        if headers.get("warc-type", "").lower() != "response":
            continue
        if "http" not in headers.get("content-type", "application/http").lower():
            continue  # a response of another protocol (dns:, whois:), not a web page
        try:
            html = _html_body(block, limit)
        except EndorsetrackError as exc:
            yield to_document_error(exc, path=uri)
            continue
        if html is not None:
            yield Record(doc=uri, content=html, url=uri if "://" in uri else None, source=f"{display}#{number}")


def _read_headers(stream: BinaryIO) -> Optional[dict[str, str]]:
    """The next record's headers (names lowercased), or None at the end of the file."""
    line = stream.readline()
    while line and not line.strip():  # the blank lines that end the previous record
        line = stream.readline()
    if not line:
        return None
    if not line.startswith(b"WARC/"):
        raise RecordFormatError("not a WARC record (expected a 'WARC/1.x' line)")
    headers: dict[str, str] = {}
    while True:
        line = stream.readline()
        if not line:
            raise TruncatedInputError(WARC_TRUNCATED)
        if not line.strip():
            return headers
        name, _, value = line.decode("utf-8", errors="replace").partition(":")
        headers[name.strip().lower()] = value.strip()


def _skip(stream: BinaryIO, length: int) -> None:
    """Read past ``length`` bytes without holding them; a short file is truncated."""
    while length > 0:
        chunk = stream.read(min(length, _SKIP_CHUNK_BYTES))
        if not chunk:
            raise TruncatedInputError(WARC_TRUNCATED)
        length -= len(chunk)


def _html_body(block: bytes, limit: int) -> Optional[str]:
    """The decoded body of an HTTP response block if it is HTML, else None (not a page);
    a typed error when it should be a page and cannot be read."""
    head, sep, body = block.partition(b"\r\n\r\n")
    if not sep:
        head, sep, body = block.partition(b"\n\n")
    lines = head.split(b"\n")
    if not lines or not lines[0].startswith(b"HTTP/"):
        raise RecordFormatError(NO_STATUS_LINE)
    fields: dict[bytes, bytes] = {}
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        fields[name.strip().lower()] = value.strip()
    if b"html" not in fields.get(b"content-type", b"text/html").lower():
        return None
    if b"chunked" in fields.get(b"transfer-encoding", b"").lower():
        body = _unchunk(body)
    encoding = fields.get(b"content-encoding", b"").lower()
    if encoding in (b"gzip", b"x-gzip", b"deflate"):
        body = _inflate(body, 47 if encoding != b"deflate" else zlib.MAX_WBITS, limit)
    if not body.strip():
        return None
    charset = _CHARSET.search(fields.get(b"content-type", b""))
    if charset and _is_text_codec(charset.group(1).decode("ascii")):
        try:
            return body.decode(charset.group(1).decode("ascii"))
        except (UnicodeError, ValueError):  # a wrong charset: fall back to sniffing
            pass
    return decode_bytes(body)


def _inflate(body: bytes, wbits: int, limit: int) -> bytes:
    """Decompress an HTTP body, never past ``limit`` bytes."""
    inflater = zlib.decompressobj(wbits)
    try:
        out = inflater.decompress(body, limit + 1)
    except zlib.error as exc:
        raise DecodeInputError(BODY_CORRUPT) from exc
    if not inflater.eof and len(out) <= limit:
        raise DecodeInputError(BODY_CORRUPT)  # cut off before the end of its stream
    if len(out) > limit:
        raise TooLargeInputError(f"the HTTP body inflates past {limit:,} bytes (Settings.max_input_bytes); not read")
    return out


def _is_text_codec(name: str) -> bool:
    """A charset Python knows as a text encoding (not punycode-like or binary transforms)."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        return False
    return bool(getattr(info, "_is_text_encoding", True)) and info.name not in _NOT_PAGE_CHARSETS


# Codecs Python counts as text encodings that no web page is written in; decoding a page
# with them raises errors other than UnicodeDecodeError.
_NOT_PAGE_CHARSETS = frozenset({"punycode", "idna", "raw-unicode-escape", "unicode-escape"})


def _unchunk(body: bytes) -> bytes:
    """Undo HTTP chunked transfer encoding (as archived verbatim by some crawlers)."""
    out, pos = [], 0
    while pos < len(body):
        end = body.find(b"\r\n", pos)
        if end < 0:
            break
        try:
            size = int(body[pos:end].split(b";")[0], 16)
        except ValueError:
            return body  # not chunked after all
        if size == 0:
            break
        out.append(body[end + 2:end + 2 + size])
        pos = end + 2 + size + 2
    return b"".join(out)
