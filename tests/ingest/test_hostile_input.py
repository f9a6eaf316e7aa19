"""Hostile input costs one error line, never the other inputs of the run (issue 15).

Each test puts one malformed input beside a good one and checks that the bad one
becomes a DocumentError naming it and the good one is still read.
"""
from __future__ import annotations

import dataclasses
import gzip
import json
import os

import pytest

from endorsetrack.errors import error_line, printable, without_surrogates
from endorsetrack.ingest import read_records, readers, warc
from endorsetrack.pipeline import normalize_record
from endorsetrack.settings import DEFAULT
from endorsetrack.types import Article, DocumentError, Record

GOOD = {"id": "good", "text": "The Harbor Nurses Union endorsed Lena Park for mayor."}


def _read(tmp_path, name: str, data: bytes) -> list:
    path = tmp_path / name
    path.write_bytes(data)
    return list(read_records([str(path)]))


def _jsonl(first_line: str) -> bytes:
    return (first_line + "\n" + json.dumps(GOOD) + "\n").encode()


def _kinds(items: list) -> list[str]:
    return ["error" if isinstance(i, DocumentError) else i.doc for i in items]


def test_json_nested_thousands_deep_is_one_error_and_the_next_line_is_read(tmp_path):
    items = _read(tmp_path, "deep.jsonl", _jsonl('{"text": ' + "[" * 50_000 + "]" * 50_000 + "}"))
    assert _kinds(items) == ["error", "good"]
    assert "nested too deeply" in items[0].message


def test_an_integer_of_thousands_of_digits_is_one_error(tmp_path):
    items = _read(tmp_path, "digits.jsonl", _jsonl('{"text": "x", "id": ' + "7" * 6000 + "}"))
    assert _kinds(items) == ["error", "good"]
    assert items[0].message.startswith("not JSON")


def test_lone_surrogate_escapes_become_replacement_characters(tmp_path):
    line = '{"id": "a\\ud800b", "title": "T\\udfff", "text": "Union backs Kim.\\udc00"}'
    [record] = _read(tmp_path, "lone.jsonl", (line + "\n").encode())
    assert (record.doc, record.title, record.content) == ("a\ufffdb", "T\ufffd", "Union backs Kim.\ufffd")
    json.dumps(dataclasses.asdict(record), ensure_ascii=False).encode("utf-8")  # writable as UTF-8


def test_a_file_name_that_is_not_utf8_names_its_records_writably(tmp_path):
    raw = os.fsencode(str(tmp_path)) + b"/report\xff.txt"
    with open(raw, "wb") as handle:
        handle.write(GOOD["text"].encode())
    [record] = list(read_records([str(tmp_path)]))
    assert record.doc.endswith("report\ufffd.txt")
    record.doc.encode("utf-8")


def test_a_jsonl_line_over_the_byte_budget_is_skipped_with_an_error(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "DEFAULT", dataclasses.replace(DEFAULT, max_input_bytes=200))
    items = _read(tmp_path, "big.jsonl", _jsonl(json.dumps({"text": "word " * 400})))
    assert _kinds(items) == ["error", "good"]
    assert "larger than 200 bytes" in items[0].message


def test_a_gzip_that_inflates_past_the_budget_is_refused_before_it_is_held(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "DEFAULT", dataclasses.replace(DEFAULT, max_input_bytes=10_000))
    [item] = _read(tmp_path, "bomb.txt.gz", gzip.compress(b"a" * 1_000_000))
    assert isinstance(item, DocumentError) and item.code == "input.too_large"


def test_a_csv_with_a_header_and_no_rows_is_reported(tmp_path):
    [item] = _read(tmp_path, "empty.csv", b"id,text\n")
    assert isinstance(item, DocumentError) and "no rows" in item.message


def test_a_fifo_in_a_directory_is_reported_not_read(tmp_path):
    (tmp_path / "article.txt").write_text(GOOD["text"])
    os.mkfifo(tmp_path / "pipe")
    items = list(read_records([str(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["Record", "DocumentError"]
    assert "not a regular file" in items[1].message


def _warc(length: str, block: bytes, uri: str = "http://news.example/x") -> bytes:
    head = f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nContent-Length: {length}\r\n\r\n"
    return head.encode() + block + b"\r\n\r\n"


def _page(headers: str, body: bytes) -> bytes:
    return f"HTTP/1.1 200 OK\r\n{headers}\r\n\r\n".encode() + body


GOOD_PAGE = _page("Content-Type: text/html", b"<p>The Harbor Nurses Union endorsed Lena Park.</p>")


def test_warc_negative_content_length_is_an_error_not_a_crash(tmp_path):
    items = _read(tmp_path, "neg.warc", _warc("-5", b"abc"))
    assert _kinds(items) == ["error"]
    assert "Content-Length" in items[0].message


def test_warc_record_over_the_budget_is_skipped_and_the_next_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(warc, "DEFAULT", dataclasses.replace(DEFAULT, max_input_bytes=1_000))
    big = _page("Content-Type: text/html", b"<p>" + b"x" * 5_000 + b"</p>")
    data = _warc(str(len(big)), big, "http://news.example/big") + _warc(str(len(GOOD_PAGE)), GOOD_PAGE)
    items = _read(tmp_path, "two.warc", data)
    assert _kinds(items) == ["error", "http://news.example/x"]
    assert items[0].code == "input.too_large"


def test_warc_exotic_charset_falls_back_to_sniffing(tmp_path):
    page = _page("Content-Type: text/html; charset=punycode", b"<p>Union backs Park.</p>")
    [record] = _read(tmp_path, "puny.warc", _warc(str(len(page)), page))
    assert isinstance(record, Record) and "Union backs Park." in record.content


@pytest.mark.parametrize("block, reason", [
    (_page("Content-Type: text/html\r\nContent-Encoding: gzip", b"\x1f\x8b not gzip at all"), "corrupt"),
    (b"<html><p>a page without its HTTP head</p></html>", "no HTTP status line"),
])
def test_warc_unreadable_response_is_reported_not_dropped(tmp_path, block, reason):
    data = _warc(str(len(block)), block, "http://news.example/bad") + _warc(str(len(GOOD_PAGE)), GOOD_PAGE)
    items = _read(tmp_path, "bad.warc", data)
    assert _kinds(items) == ["error", "http://news.example/x"]
    assert reason in items[0].message


def test_an_empty_warc_file_is_reported(tmp_path):
    [item] = _read(tmp_path, "empty.warc", b"")
    assert isinstance(item, DocumentError) and item.message == "file is empty"


def test_html_that_opens_a_comment_it_never_closes_is_one_error():
    item = normalize_record(Record(doc="c.html", content="<!-- never closed <html><body><p>Text</p></body></html>"))
    assert isinstance(item, DocumentError) and item.doc == "c.html"


def test_content_over_the_character_budget_is_reported_not_normalized():
    settings = dataclasses.replace(DEFAULT, max_content_chars=100)
    item = normalize_record(Record(doc="dump.txt", content="word " * 100), settings)
    assert isinstance(item, DocumentError) and item.code == "input.too_large"
    assert isinstance(normalize_record(Record(doc="ok.txt", content="word " * 10), settings), Article)


def test_error_lines_cannot_forge_lines_or_reach_the_terminal():
    line = error_line("id\nerror: forged\x1b[31m", "bad \u202etxt.exe\x07")
    assert "\n" not in line and "\x1b" not in line and "\u202e" not in line and "\x07" not in line
    assert line.startswith("error: id error: forged")


def test_printable_keeps_ordinary_text_and_replaces_surrogates():
    assert printable("Café — “quoted” 50%") == "Café — “quoted” 50%"
    assert without_surrogates("a\udcffb") == "a\ufffdb"
