"""WARC (plain and gzipped): HTML responses become Records named by their target URI."""
from __future__ import annotations

import gzip

from endorsetrack.ingest import read_records
from endorsetrack.types import DocumentError, Record


def _warc_record(warc_type: str, uri: str, block: bytes) -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: 2016-06-10T12:00:00Z\r\nContent-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def _http(body: bytes, content_type: str = "text/html; charset=utf-8") -> bytes:
    return f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n".encode() + body


def _archive() -> bytes:
    return b"".join([
        _warc_record("warcinfo", "", b"software: test\r\n"),
        _warc_record("request", "http://news.example/a", b"GET /a HTTP/1.1\r\n\r\n"),
        _warc_record("response", "http://news.example/a", _http("<p>Union backs Smith’s bid.</p>".encode())),
        _warc_record("response", "http://news.example/logo.png", _http(b"\x89PNG", "image/png")),
        _warc_record("response", "http://news.example/b", _http("<p>Caf\u00e9</p>".encode("cp1252"),
                                                                  "text/html; charset=windows-1252")),
    ])


def test_warc_html_responses(tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(_archive())
    items = list(read_records([str(path)]))
    assert [(r.doc, r.content, r.url) for r in items] == [
        ("http://news.example/a", "<p>Union backs Smith’s bid.</p>", "http://news.example/a"),
        ("http://news.example/b", "<p>Caf\u00e9</p>", "http://news.example/b")]


def test_warc_gz_and_truncation(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(_archive()))
    assert len([r for r in read_records([str(path)]) if isinstance(r, Record)]) == 2
    cut = tmp_path / "cut.warc"
    data = _archive()
    cut.write_bytes(data[: data.index(b"Caf") + 2])
    items = list(read_records([str(cut)]))
    assert isinstance(items[0], Record)
    assert (items[-1].code, items[-1].message) == ("input.truncated", "WARC record is truncated")
    assert isinstance(items[-1], DocumentError)
