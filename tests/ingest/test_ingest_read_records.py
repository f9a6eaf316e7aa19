"""read_records: every file kind, and one DocumentError per bad input with its message."""
from __future__ import annotations

import gzip
import io
import json
import sys

from endorsetrack.ingest import read_records
from endorsetrack.types import DocumentError, Record


def _read(*paths):
    return list(read_records([str(p) for p in paths]))


def _errors(items):
    return [(e.doc, e.code, e.message) for e in items if isinstance(e, DocumentError)]


def test_text_and_html_files_are_one_record_each_named_as_given(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Plain article.\n", encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>Hi</p>", encoding="utf-8")
    (tmp_path / "c").write_text("No suffix at all.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    items = list(read_records(["a.txt", "b.html", "c"]))
    assert [(r.doc, r.content, r.source) for r in items] == [
        ("a.txt", "Plain article.\n", "a.txt"), ("b.html", "<p>Hi</p>", "b.html"), ("c", "No suffix at all.", "c")]


def test_jsonl_records_with_metadata_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "n1", "text": "One.", "url": "http://a/1", "title": "T", "published": "2016-06-10"}),
        "",
        "{not json",
        json.dumps({"title": "no body"}),
        json.dumps({"html": "<p>Two</p>"}),
        json.dumps(["a list"]),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _read(path)
    first = items[0]
    assert (first.doc, first.content, first.url, first.title, first.published, first.source) == (
        "n1", "One.", "http://a/1", "T", "2016-06-10", f"{path}:1")
    assert _errors(items) == [
        (f"{path}:3", "input.record", "not JSON: Expecting property name enclosed in double quotes (column 2)"),
        (f"{path}:4", "input.record", 'record has neither a "text" nor an "html" field with article text'),
        (f"{path}:6", "input.record", 'not a JSON object (expected {"text": ...} or {"html": ...})'),
    ]
    html = [r for r in items if isinstance(r, Record) and r.content == "<p>Two</p>"][0]
    assert html.doc == f"{path}:5"  # no id: path:line


def test_jsonl_detected_by_content_in_a_txt_file(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_text('{"id": "x", "text": "A."}\n{"id": "y", "text": "B."}\n', encoding="utf-8")
    assert [r.doc for r in _read(path)] == ["x", "y"]


def test_text_starting_with_brace_but_not_jsonl_stays_one_article(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_text('{"a": 1}\nand then prose follows here.\n', encoding="utf-8")
    items = _read(path)
    assert len(items) == 1 and items[0].content.startswith('{"a": 1}')


def test_jsonl_cut_off_mid_object_is_that_lines_error(tmp_path):
    path = tmp_path / "cut.jsonl"
    path.write_text('{"id": "a", "text": "Fine."}\n{"id": "b", "text": "Cut off he', encoding="utf-8")
    items = _read(path)
    assert items[0].doc == "a"
    assert _errors(items) == [(f"{path}:2", "input.truncated", "not JSON: the line is cut off (the file looks truncated)")]


def test_csv_rows(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text('ID,Title,Text,Published\nr1,T1,"Row one, with a comma\nand a newline.",2016-06-10\n'
                    ',T2,"Row two."\nr3,T3,,\n', encoding="utf-8")
    items = _read(path)
    assert [(r.doc, r.title, r.content, r.published) for r in items if isinstance(r, Record)] == [
        ("r1", "T1", "Row one, with a comma\nand a newline.", "2016-06-10"),
        (f"{path}:4", "T2", "Row two.", None)]
    assert _errors(items) == [(f"{path}:5", "input.record",
                               'record has neither a "text" nor an "html" field with article text')]


def test_csv_without_text_column(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    assert _errors(_read(path)) == [(str(path), "input.record", 'CSV file has no "text" or "html" column')]


def test_gzip_text_and_jsonl(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress("Zipped article.".encode("utf-8")))
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(b'{"id": "g1", "text": "One."}\n{"id": "g2", "text": "Two."}\n'))
    items = _read(tmp_path / "a.txt.gz", tmp_path / "b.jsonl.gz")
    assert [(r.doc, r.content) for r in items] == [
        (str(tmp_path / "a.txt.gz"), "Zipped article."), ("g1", "One."), ("g2", "Two.")]


def test_truncated_gzip_keeps_what_was_read_then_one_error(tmp_path):
    lines = b"".join(json.dumps({"id": f"r{i}", "text": f"Article {i} " + "word " * 40}).encode() + b"\n"
                     for i in range(400))
    data = gzip.compress(lines)
    path = tmp_path / "big.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = _read(path)
    records = [r for r in items if isinstance(r, Record)]
    assert records and records[0].doc == "r0"
    assert _errors(items)[-1] == (str(path), "input.truncated", "gzip data is truncated")
    assert isinstance(items[-1], DocumentError)


def test_bad_inputs_each_yield_one_error_and_reading_goes_on(tmp_path):
    (tmp_path / "1-empty.txt").write_bytes(b"")
    (tmp_path / "2-blank.txt").write_bytes(b"  \n\n ")
    (tmp_path / "3-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "4-undecodable.txt").write_bytes(bytes(range(0x80, 0x100)) * 3)
    (tmp_path / "5-good.txt").write_text("Still read.", encoding="utf-8")
    items = _read(tmp_path, tmp_path / "missing.txt")
    assert [(e.code, e.message) for e in items if isinstance(e, DocumentError)] == [
        ("input.empty", "file is empty"),
        ("input.empty", "file is empty"),
        ("input.binary", "looks like a binary file, not text or HTML"),
        ("input.undecodable", "cannot decode as UTF-8 or Windows-1252 text"),
        ("input.missing", "no such file or directory"),
    ]
    assert [r.content for r in items if isinstance(r, Record)] == ["Still read."]


def test_windows_1252_file(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("Caf\u00e9 owners\u2019 union backs Smith.".encode("cp1252"))
    assert _read(path)[0].content == "Caf\u00e9 owners\u2019 union backs Smith."


class _FakeStdin:
    def __init__(self, data: bytes):
        self.buffer = io.BytesIO(data)


def test_stdin_is_one_article(monkeypatch):
    monkeypatch.setattr(sys, "stdin", _FakeStdin("An article\n\nwith two paragraphs.".encode("utf-8")))
    items = list(read_records(["-"]))
    assert [(r.doc, r.content) for r in items] == [("<stdin>", "An article\n\nwith two paragraphs.")]


def test_stdin_jsonl(monkeypatch):
    monkeypatch.setattr(sys, "stdin", _FakeStdin(b'{"id": "s1", "text": "A."}\n{"text": "B."}\n'))
    assert [r.doc for r in read_records(["-"])] == ["s1", "<stdin>:2"]


def test_reading_is_lazy_per_file(tmp_path):
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("B.", encoding="utf-8")
    records = read_records([str(tmp_path)])
    assert next(records).content == "A."
    (tmp_path / "b.txt").write_text("B changed before it was read.", encoding="utf-8")
    assert next(records).content == "B changed before it was read."
