"""Standard input and pipes stream: JSON Lines record by record, anything else held only up
to the byte budget, so a stream of any length never exhausts memory (issue 15)."""
from __future__ import annotations

import dataclasses
import gzip
import io
import json
import os
import sys
import threading
import tracemalloc
from typing import Iterator

import pytest

from endorsetrack.ingest import read_records, readers
from endorsetrack.settings import DEFAULT
from endorsetrack.types import DocumentError, Record

# The byte budget in these tests, and the size of the generated streams: 30 times the budget.
BUDGET = 1_000_000
STREAM_BYTES = 30 * BUDGET
# Python memory the reading may allocate at its peak, whatever the stream's length: the
# budget's worth of one input, a copy of it and the reader's buffers.
PEAK_LIMIT = 4 * BUDGET


class _Pipe(io.RawIOBase):
    """A forward-only stream made on demand from chunks (never held whole), counting what it served."""

    def __init__(self, chunks: Iterator[bytes]):
        super().__init__()
        self._chunks = chunks
        self._pending = b""
        self.served = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._pending:
            self._pending = next(self._chunks, b"")
            if not self._pending:
                return 0
        count = min(len(buffer), len(self._pending))
        buffer[:count] = self._pending[:count]
        self._pending = self._pending[count:]
        self.served += count
        return count


class _Stdin:
    def __init__(self, raw: io.RawIOBase):
        self.buffer = io.BufferedReader(raw)


@pytest.fixture
def small_budget(monkeypatch):
    monkeypatch.setattr(readers, "DEFAULT", dataclasses.replace(DEFAULT, max_input_bytes=BUDGET))


def _records(count: int) -> Iterator[bytes]:
    for number in range(count):
        yield (json.dumps({"id": f"r{number}", "text": f"Article {number} of a long feed. " * 20}) + "\n").encode()


def _pipe_stdin(monkeypatch, chunks: Iterator[bytes]) -> _Pipe:
    pipe = _Pipe(chunks)
    monkeypatch.setattr(sys, "stdin", _Stdin(pipe))
    return pipe


def test_json_lines_on_a_pipe_are_read_record_by_record_not_whole(monkeypatch, small_budget):
    count = STREAM_BYTES // 700
    pipe = _pipe_stdin(monkeypatch, _records(count))
    items = read_records(["-"])
    first = next(items)
    assert isinstance(first, Record) and first.doc == "r0"
    assert pipe.served < BUDGET  # the first record came before the stream was read on
    tracemalloc.start()
    try:
        rest = sum(1 for item in items if isinstance(item, Record))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert rest == count - 1 and pipe.served > STREAM_BYTES // 2
    assert peak < PEAK_LIMIT


def test_text_on_a_pipe_past_the_byte_budget_is_one_error_and_memory_stays_bounded(monkeypatch, small_budget):
    line = b"Plain words that run on in a stream without any end in sight.\n"
    _pipe_stdin(monkeypatch, (line for _ in range(STREAM_BYTES // len(line))))
    tracemalloc.start()
    try:
        items = list(read_records(["-"]))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [(e.doc, e.code) for e in items if isinstance(e, DocumentError)] == [("<stdin>", "input.too_large")]
    assert len(items) == 1 and "larger than 1,000,000 bytes" in items[0].message
    assert peak < PEAK_LIMIT


def test_an_over_long_line_in_streamed_json_lines_costs_only_that_line(monkeypatch, small_budget):
    huge = b'{"id": "huge", "text": "' + b"word " * (2 * BUDGET // 5) + b'"}\n'
    good = [(json.dumps({"id": f"g{n}", "text": "A short article."}) + "\n").encode() for n in range(2)]
    _pipe_stdin(monkeypatch, iter([good[0] * 20, huge, good[1]]))
    items = list(read_records(["-"]))
    assert [i.doc for i in items if isinstance(i, Record)] == ["g0"] * 20 + ["g1"]
    assert [(e.doc, e.code) for e in items if isinstance(e, DocumentError)] == [("<stdin>:21", "input.too_large")]


def test_a_later_line_that_is_not_json_is_an_error_for_that_line_when_streamed(monkeypatch):
    lines = b"".join(_records(30)) + b"a plain sentence, not a record\n" + next(_records(1))
    _pipe_stdin(monkeypatch, iter([lines]))
    items = list(read_records(["-"]))
    assert sum(isinstance(i, Record) for i in items) == 31
    assert [(e.doc, e.code) for e in items if isinstance(e, DocumentError)] == [("<stdin>:31", "input.record")]


def test_short_input_on_a_pipe_is_told_by_all_its_lines_as_before(monkeypatch):
    _pipe_stdin(monkeypatch, iter([b'{"id": "a", "text": "A."}\n', b"then plain text\n"]))
    assert [(r.doc, r.content) for r in read_records(["-"])] == [
        ("<stdin>", '{"id": "a", "text": "A."}\nthen plain text\n')]


def test_gzipped_json_lines_on_a_pipe_stream(monkeypatch):
    data = gzip.compress(b"".join(_records(200)))
    _pipe_stdin(monkeypatch, (data[i:i + 4096] for i in range(0, len(data), 4096)))
    assert [r.doc for r in read_records(["-"])] == [f"r{n}" for n in range(200)]


def test_a_named_pipe_given_on_the_command_line_is_read(tmp_path):
    """`extract <(command)` hands over a pipe that cannot seek; it is read like standard input."""
    fifo = tmp_path / "feed"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "wb") as handle:
            handle.write(b"".join(_records(40)))

    writer = threading.Thread(target=write)
    writer.start()
    try:
        items = list(read_records([str(fifo)]))
    finally:
        writer.join()
    assert [r.doc for r in items] == [f"r{n}" for n in range(40)]
