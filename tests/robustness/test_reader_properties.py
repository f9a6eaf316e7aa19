"""Property: any bytes, under any file name the readers tell kinds by, become Records or
DocumentErrors -- reading never raises (ingest/readers.py, ingest/warc.py)."""
from __future__ import annotations

import io
import json
import os
import tempfile

from hypothesis import given, strategies as st

from endorsetrack.ingest import read_records
from endorsetrack.ingest.readers import read_bytes, read_stream
from endorsetrack.types import DocumentError, Record

SUFFIXES = (".txt", ".html", ".jsonl", ".csv", ".warc", ".txt.gz", ".jsonl.gz", ".csv.gz", "")
# Starts that steer random bytes into each reader's deeper paths.
PREFIXES = (b"", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", b"WARC/1.0\r\n", b'{"text": "',
            b"id,text\n", b"<html><body><p>", b"\xff\xfe", b"\xef\xbb\xbf")


def _all_items_typed(items: list) -> bool:
    return all(isinstance(i, (Record, DocumentError)) for i in items)


@given(prefix=st.sampled_from(PREFIXES), data=st.binary(max_size=2_000))
def test_any_bytes_on_standard_input_become_records_or_errors(prefix, data):
    items = list(read_bytes(prefix + data, "<stdin>"))
    assert items and _all_items_typed(items)


class _Pipe(io.RawIOBase):
    """Bytes that can only be read forwards, as standard input from a pipe."""

    def __init__(self, data: bytes):
        super().__init__()
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        return self._data.readinto(buffer)


# Records enough to fill the sniffed head, so a pipe is read as streamed JSON Lines.
STREAM_HEAD = b"".join(b'{"id": "r%d", "text": "A streamed record."}\n' % n for n in range(300))


@given(lead=st.sampled_from([b"", STREAM_HEAD]), prefix=st.sampled_from(PREFIXES), data=st.binary(max_size=2_000))
def test_any_bytes_through_a_pipe_become_records_or_errors(lead, prefix, data):
    items = list(read_stream(io.BufferedReader(_Pipe(lead + prefix + data)), "<stdin>", "", streaming=True))
    assert items and _all_items_typed(items)
    if lead:
        assert [i.doc for i in items[:300]] == [f"r{n}" for n in range(300)]


@given(suffix=st.sampled_from(SUFFIXES), prefix=st.sampled_from(PREFIXES), data=st.binary(max_size=2_000))
def test_any_bytes_in_a_file_of_any_kind_become_records_or_errors(suffix, prefix, data):
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "input" + suffix)
        with open(path, "wb") as handle:
            handle.write(prefix + data)
        items = list(read_records([path]))
    assert items and _all_items_typed(items)
    for item in items:
        if isinstance(item, Record):
            (item.doc + item.content + (item.title or "") + (item.url or "")).encode("utf-8")  # writable


@given(lines=st.lists(st.one_of(
    st.dictionaries(st.sampled_from(["id", "url", "title", "published", "text", "html"]),
                    st.one_of(st.text(max_size=40), st.integers(), st.none(), st.booleans(), st.floats(),
                              st.lists(st.integers(), max_size=3)), max_size=6).map(json.dumps),
    st.text(max_size=60)), min_size=1, max_size=6))
def test_any_json_lines_become_one_item_per_non_blank_line(lines):
    data = "\n".join(line.replace("\n", " ").replace("\r", " ") for line in lines).encode("utf-8", "surrogatepass")
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "input.jsonl")
        with open(path, "wb") as handle:
            handle.write(data)
        items = list(read_records([path]))
    assert items and _all_items_typed(items)
