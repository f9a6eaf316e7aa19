"""Generated hostile inputs for the robustness suite (issue 15): one named generator per kind.

Every generator takes a ``random.Random`` (so a seed fixes the output) and returns a
``Malformed``: the bytes of one input, the file name to write them under (bytes when the
name itself is the hostile part), and what the run must do with it -- ``ERROR``: exactly
one ``error:`` line; ``EITHER``: an error line or an article, never a crash. The good
articles beside them are invented here too (an invented city, invented people and
groups), each with the endorsement it states, so a run can check that none was lost.

Used by tests/robustness (the fast subset in ``make test``) and benchmarks/fuzz.py
(``make fuzz``, the full run).
"""
from __future__ import annotations

import gzip
import json
import os
import random
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional, Union

ERROR = "error"
EITHER = "either"

# Sizes of the budget-testing inputs. Tests pass a reduced Settings budget (in-process)
# so these stay small; benchmarks/fuzz.py passes sizes just past the default budget.
SMALL_BUDGET_BYTES = 20_000


@dataclass(frozen=True)
class Malformed:
    kind: str
    name: Union[str, bytes]  # file name inside the run's directory
    data: bytes
    expect: str  # ERROR or EITHER
    marker: str = ""  # text the error line must hold (default: the kind, in every file name and URL)
    fifo: bool = False

    def write(self, directory: Path) -> Path:
        """Create the input in ``directory``; returns its path (bytes names stay bytes on disk)."""
        raw = os.path.join(os.fsencode(directory), os.fsencode(self.name) if isinstance(self.name, str) else self.name)
        if self.fifo:
            os.mkfifo(raw)
        else:
            with open(raw, "wb") as handle:
                handle.write(self.data)
        return Path(os.fsdecode(raw))

    @property
    def expected_marker(self) -> str:
        return self.marker or self.kind


# ---------------------------------------------------------------------------- good articles

TOWN = "Quillan Bay"
GROUPS = ("Quillan Bay Carpenters Union", "Harbor Nurses Association", "Quillan Bay Teachers Federation",
          "Eastside Firefighters Union", "Quillan Bay Chamber of Commerce", "Tidewater Transit Workers Union")
CANDIDATES = ("Marisol Okafor", "Dmitri Halvorsen", "Priya Castellanos", "Theo Brannigan", "Ingrid Mwangi",
              "Rafael Lindqvist")
OFFICES = ("mayor", "city council")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


@dataclass(frozen=True)
class GoodArticle:
    name: str
    text: str
    endorser: str
    candidate: str


def good_article(rng: random.Random, number: int) -> GoodArticle:
    """A short invented news story stating one endorsement."""
    group, candidate = rng.choice(GROUPS), rng.choice(CANDIDATES)
    office, day = rng.choice(OFFICES), rng.choice(DAYS)
    text = (f"{group} Backs {candidate.split()[-1]}\n\n"
            f"The {group} endorsed {candidate} for {office} on {day}.\n\n"
            f"Members voted at a meeting in {TOWN}, the group said.\n")
    return GoodArticle(f"good-{number:04d}.txt", text, group, candidate)


def _good_text(rng: random.Random) -> str:
    return good_article(rng, 0).text


# ---------------------------------------------------------------------------- helpers

def _jsonl(kind: str, obj_text: str, expect: str, marker: str = "") -> Malformed:
    return Malformed(kind, f"{kind}.jsonl", (obj_text + "\n").encode("utf-8"), expect, marker)


def _warc_record(uri: str, block: bytes, length: Optional[str] = None) -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Length: {len(block) if length is None else length}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


def _http(headers: str, body: bytes) -> bytes:
    return f"HTTP/1.1 200 OK\r\n{headers}\r\n\r\n".encode() + body


def _html(rng: random.Random) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in _good_text(rng).split("\n\n"))
    return f"<html><body>{paragraphs}</body></html>".encode()


# ---------------------------------------------------------------------------- the kinds

def json_nested_deep(rng: random.Random) -> Malformed:
    depth = rng.randint(3_000, 20_000)
    return _jsonl("json_nested_deep", '{"text": ' + "[" * depth + "]" * depth + "}", ERROR)


def json_huge_integer(rng: random.Random) -> Malformed:
    digits = "".join(rng.choice("123456789") for _ in range(rng.randint(4_500, 9_000)))
    return _jsonl("json_huge_integer", '{"id": ' + digits + ', "text": "Some words."}', ERROR)


def _lone_surrogate(kind: str, field: str, rng: random.Random) -> Malformed:
    obj = {"text": _good_text(rng), "id": f"{kind}-id"}
    escape = rng.choice(["\\ud800", "\\udfff", "\\udc00", "\\ud83d"])
    line = json.dumps(obj)
    line = line[:-1] + f', "{field}": "x{escape}y"}}' if field not in obj else line.replace(
        f'"{field}": "', f'"{field}": "{escape}', 1)
    return _jsonl(kind, line, EITHER)


def json_lone_surrogate_text(rng: random.Random) -> Malformed:
    return _lone_surrogate("json_lone_surrogate_text", "text", rng)


def json_lone_surrogate_title(rng: random.Random) -> Malformed:
    return _lone_surrogate("json_lone_surrogate_title", "title", rng)


def json_lone_surrogate_id(rng: random.Random) -> Malformed:
    return _lone_surrogate("json_lone_surrogate_id", "id", rng)


def json_lone_surrogate_url(rng: random.Random) -> Malformed:
    return _lone_surrogate("json_lone_surrogate_url", "url", rng)


def html_unclosed_comment(rng: random.Random) -> Malformed:
    return Malformed("html_unclosed_comment", "html_unclosed_comment.html", b"<!-- " + _html(rng), EITHER)


def html_nested_deep(rng: random.Random) -> Malformed:
    depth = rng.randint(300, 1_000)
    body = b"<div>" * depth + _html(rng) + b"</div>" * depth
    return Malformed("html_nested_deep", "html_nested_deep.html", b"<html><body>" + body + b"</body></html>", EITHER)


def warc_negative_length(rng: random.Random) -> Malformed:
    data = _warc_record("http://news.example/warc_negative_length", b"abc", str(-rng.randint(1, 10**6)))
    return Malformed("warc_negative_length", "warc_negative_length.warc", data, ERROR)


def warc_enormous_length(rng: random.Random) -> Malformed:
    page = _http("Content-Type: text/html", _html(rng))
    data = _warc_record("http://news.example/warc_enormous_length", page, str(10 ** rng.randint(12, 40)))
    return Malformed("warc_enormous_length", "warc_enormous_length.warc", data, ERROR)


def warc_exotic_charset(rng: random.Random) -> Malformed:
    charset = rng.choice(["punycode", "idna", "rot13", "uu_codec", "bogus-8", "utf-32-be", "zlib"])
    page = _http(f"Content-Type: text/html; charset={charset}", _html(rng))
    return Malformed("warc_exotic_charset", "warc_exotic_charset.warc",
                     _warc_record("http://news.example/warc_exotic_charset", page), EITHER)


def warc_corrupt_gzip_body(rng: random.Random) -> Malformed:
    body = b"\x1f\x8b" + rng.randbytes(rng.randint(10, 400))
    page = _http("Content-Type: text/html\r\nContent-Encoding: gzip", body)
    return Malformed("warc_corrupt_gzip_body", "warc_corrupt_gzip_body.warc",
                     _warc_record("http://news.example/warc_corrupt_gzip_body", page), ERROR)


def warc_no_status_line(rng: random.Random) -> Malformed:
    return Malformed("warc_no_status_line", "warc_no_status_line.warc",
                     _warc_record("http://news.example/warc_no_status_line", _html(rng)), ERROR)


def warc_empty(rng: random.Random) -> Malformed:
    return Malformed("warc_empty", "warc_empty.warc", b"", ERROR)


def warc_gzip_body_bomb(rng: random.Random, inflated_bytes: int = SMALL_BUDGET_BYTES * 3) -> Malformed:
    """A gzip-encoded HTTP body, small on disk, inflating past the byte budget."""
    body = gzip.compress(b"<p>" + b"a" * inflated_bytes + b"</p>", compresslevel=9)
    page = _http("Content-Type: text/html\r\nContent-Encoding: gzip", body)
    return Malformed("warc_gzip_body_bomb", "warc_gzip_body_bomb.warc",
                     _warc_record("http://news.example/warc_gzip_body_bomb", page), ERROR)


def csv_header_only(rng: random.Random) -> Malformed:
    header = rng.choice([b"id,text\n", b"text\n", b"id,url,title,html\r\n"])
    return Malformed("csv_header_only", "csv_header_only.csv", header, ERROR)


def gzip_bomb(rng: random.Random, inflated_bytes: int = SMALL_BUDGET_BYTES * 3) -> Malformed:
    """A .txt.gz of a few KB that inflates past the byte budget (text, so it is not refused as binary)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip container
    chunk = b"word " * 200_000
    parts, left = [], inflated_bytes
    while left > 0:
        piece = chunk[:left]
        parts.append(compressor.compress(piece))
        left -= len(piece)
    parts.append(compressor.flush())
    return Malformed("gzip_bomb", "gzip_bomb.txt.gz", b"".join(parts), ERROR)


def jsonl_line_over_budget(rng: random.Random, line_bytes: int = SMALL_BUDGET_BYTES * 2) -> Malformed:
    text = (rng.choice(["alpha ", "beta ", "gamma ", "delta "]) * (line_bytes // 5))[:line_bytes]
    return _jsonl("jsonl_line_over_budget", json.dumps({"text": text}), ERROR)


def random_bytes(rng: random.Random) -> Malformed:
    return Malformed("random_bytes", "random_bytes.txt", rng.randbytes(rng.randint(1, 4_000)), EITHER)


def utf16_text(rng: random.Random) -> Malformed:
    codec = rng.choice(["utf-16", "utf-16-le", "utf-16-be"])
    return Malformed("utf16_text", "utf16_text.txt", _good_text(rng).encode(codec), EITHER)


def latin1_text(rng: random.Random) -> Malformed:
    text = _good_text(rng).replace("Members", "Membres \u00e9lus et d\u00e9l\u00e9gu\u00e9s")
    return Malformed("latin1_text", "latin1_text.txt", text.encode("latin-1"), EITHER)


def broken_utf8(rng: random.Random) -> Malformed:
    data = bytearray(_good_text(rng).encode("utf-8"))
    for _ in range(rng.randint(1, 8)):
        data.insert(rng.randrange(len(data)), rng.choice([0x80, 0xC3, 0xE2, 0xF0, 0xFF, 0xFE]))
    return Malformed("broken_utf8", "broken_utf8.txt", bytes(data), EITHER)


def non_utf8_file_name(rng: random.Random) -> Malformed:
    """An empty file whose name is not UTF-8: its error line must still be one printable line."""
    raw = b"non_utf8_file_name-" + bytes([rng.choice([0xFF, 0xFE, 0xC3, 0x80])]) + b".txt"
    return Malformed("non_utf8_file_name", raw, b"", ERROR)


def control_chars_in_file_name(rng: random.Random) -> Malformed:
    """An empty file named with a newline, an escape sequence and a bidi override."""
    name = "control_chars_in_file_name-" + rng.choice(["\nerror: forged", "\x1b[2J", "\u202etxt.exe", "\r\x07"]) + ".txt"
    return Malformed("control_chars_in_file_name", name, b"", ERROR)


def fifo(rng: random.Random) -> Malformed:
    return Malformed("fifo", "fifo.txt", b"", ERROR, fifo=True)


def long_unpunctuated_paragraph(rng: random.Random, chars: int = 4_000) -> Malformed:
    words = ["union", "endorsed", "council", "mayor", "backs", "the", "city", "members", "vote", "support"]
    text = " ".join(rng.choice(words) for _ in range(chars // 6))
    return Malformed("long_unpunctuated_paragraph", "long_unpunctuated_paragraph.txt", text.encode(), EITHER)


def control_chars_in_id(rng: random.Random) -> Malformed:
    """A record whose id holds a newline, an escape sequence and a bidi override, and whose
    HTML is empty: the error line names the id and must stay one printable line."""
    marker = f"hostile-id-{rng.randint(0, 10**6)}"
    obj = {"id": marker + rng.choice(["\nerror: forged: x", "\x1b]0;title\x07", "\u202eevil", "\x00\x7f\x9b"]),
           "html": "<div></div>"}
    return _jsonl("control_chars_in_id", json.dumps(obj), ERROR, marker=marker)


def control_chars_in_url(rng: random.Random) -> Malformed:
    obj = {"id": "control_chars_in_url", "text": _good_text(rng),
           "url": "http://news.example/" + rng.choice(["\x1b[31mred", "a\nb", "\u202ecod.exe", "\u2066x\u2069"])}
    return _jsonl("control_chars_in_url", json.dumps(obj), EITHER)


def mutated_truncated(rng: random.Random) -> Malformed:
    data = _html(rng)
    return Malformed("mutated_truncated", "mutated_truncated.html", data[: rng.randint(0, len(data) - 1)], EITHER)


def mutated_byte_flips(rng: random.Random) -> Malformed:
    data = bytearray(_html(rng) if rng.random() < 0.5 else _good_text(rng).encode())
    for _ in range(rng.randint(1, 20)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return Malformed("mutated_byte_flips", "mutated_byte_flips.txt", bytes(data), EITHER)


GENERATORS: dict[str, Callable[[random.Random], Malformed]] = {
    g.__name__: g for g in (
        json_nested_deep, json_huge_integer, json_lone_surrogate_text, json_lone_surrogate_title,
        json_lone_surrogate_id, json_lone_surrogate_url, html_unclosed_comment, html_nested_deep,
        warc_negative_length, warc_enormous_length, warc_exotic_charset, warc_corrupt_gzip_body,
        warc_no_status_line, warc_empty, warc_gzip_body_bomb, csv_header_only, gzip_bomb,
        jsonl_line_over_budget, random_bytes, utf16_text, latin1_text, broken_utf8, non_utf8_file_name,
        control_chars_in_file_name, fifo, long_unpunctuated_paragraph, control_chars_in_id,
        control_chars_in_url, mutated_truncated, mutated_byte_flips)
}


def generate(kind: str, seed: int, index: int = 0) -> Malformed:
    """Input number ``index`` of ``kind`` for ``seed``; a non-zero index prefixes the file name."""
    case = GENERATORS[kind](random.Random(f"{seed}:{kind}:{index}"))
    if not index:
        return case
    prefix = f"{index:05d}-"
    name: Union[str, bytes] = prefix + case.name if isinstance(case.name, str) else prefix.encode() + case.name
    return Malformed(case.kind, name, case.data, case.expect, case.marker, case.fifo)
