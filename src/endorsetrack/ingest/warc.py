"""WARC files (web archives, .warc or .warc.gz) -> one Record per archived HTML page.

Standard library only: a WARC file is a sequence of records, each a block of
"Name: value" headers, a blank line and Content-Length bytes. Response records
hold an HTTP response; those with an HTML body become Records named by their
WARC-Target-URI. Other records (requests, metadata, images) are skipped.
"""
from __future__ import annotations

import re
import zlib
from typing import BinaryIO, Iterator, Optional, Union

from ..errors import EndorsetrackError, RecordFormatError, TruncatedInputError
from ..types import DocumentError, Record
from .decode import decode_bytes
from .records import to_document_error

WARC_TRUNCATED = "WARC record is truncated"
_CHARSET = re.compile(rb"charset=[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def read_warc(stream: BinaryIO, display: str) -> Iterator[Union[Record, DocumentError]]:
    """Records of the HTML responses in a WARC stream, in file order."""
    number = 0
    while True:
        headers = _read_headers(stream)
        if headers is None:
            return
        number += 1
        try:
            length = int(headers.get("content-length", ""))
        except ValueError:
            raise RecordFormatError(f"WARC record {number} has no valid Content-Length", path=display) from None
        block = stream.read(length)
        if len(block) < length:
            raise TruncatedInputError(WARC_TRUNCATED, path=display)
        if headers.get("warc-type", "").lower() != "response":
            continue
        uri = headers.get("warc-target-uri", "").strip("<> ") or f"{display}#{number}"
        try:
            html = _html_body(block)
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


def _html_body(block: bytes) -> Optional[str]:
    """The decoded body of an HTTP response block if it is HTML, else None."""
    head, sep, body = block.partition(b"\r\n\r\n")
    if not sep:
        head, sep, body = block.partition(b"\n\n")
    lines = head.split(b"\n")
    if not lines or not lines[0].startswith(b"HTTP/"):
        return None
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
        try:
            body = zlib.decompress(body, 47 if encoding != b"deflate" else zlib.MAX_WBITS)
        except zlib.error:
            return None
    if not body.strip():
        return None
    charset = _CHARSET.search(fields.get(b"content-type", b""))
    if charset:
        try:
            return body.decode(charset.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(body)


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
