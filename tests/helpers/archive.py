"""A small invented news archive for the Spark job's tests: a JSON Lines feed (with a bad
line and a bad record), a gzipped WARC crawl of one page, and a plain-text letter.

Every name and place is invented (the city of Ashford Vale, its mayoral race).
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path

FEED = [
    {"id": "vale-nurses", "url": "https://vale-ledger.example/2024/03/12/nurses-back-quint",
     "title": "Nurses back Quint", "published": "2024-03-12",
     "text": "The Ashford Vale Nurses Union endorsed Dolores Quint for mayor on Monday, citing her plan for the "
             "county clinic.\n\nThe union's president, Kelvin Marsh, said members would knock on doors for Quint "
             "before the May 14 primary."},
    {"id": "vale-poll", "url": "https://vale-ledger.example/2024/04/02/quint-leads", "published": "2024-04-02",
     "text": "A Brightwater Polling survey of 500 likely voters released Tuesday found Dolores Quint leading Hollis "
             "Brandt 48 percent to 37 percent in the race for mayor of Ashford Vale.\n\nAmong Democrats, Quint "
             "led 61 percent to 25 percent."},
    {"id": "vale-library", "published": "2024-05-01",
     "text": "The Ashford Vale library will open on Sundays from June, the library board said. Volunteers will "
             "run a book sale on the first weekend."},
    {"id": "vale-teachers",
     "text": "The Ashford Vale Federation of Teachers declined to endorse a candidate in the mayoral primary, "
             "its board said Thursday. Dolores Quint and Hollis Brandt both asked for the teachers' support."},
]
BAD_LINES = ['{"id": "vale-broken", "text": 42}', "this line is not JSON"]

PAGE_URL = "https://vale-ledger.example/2024/06/03/firefighters-endorse-brandt"
PAGE = ("<html><head><title>Firefighters endorse Brandt</title></head><body><nav>Home | Politics</nav><article>"
        "<p>Ashford Vale Firefighters Local 912 endorsed Hollis Brandt for mayor on Saturday.</p>"
        "<p>The local had backed Dolores Quint in the primary.</p></article><footer>Contact</footer></body></html>")

LETTER = ("Letter to the editor: the Ashford Vale Chamber of Commerce has endorsed Hollis Brandt for mayor, and "
          "I think the chamber is wrong.")


def _warc_record(warc_type: str, uri: str, block: bytes) -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: 2024-06-03T12:00:00Z\r\nContent-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def write_archive(folder: Path) -> Path:
    """The archive's three files under ``folder`` (created); returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(r) for r in FEED[:2]] + BAD_LINES + [json.dumps(r) for r in FEED[2:]]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + PAGE.encode()
    crawl = _warc_record("request", PAGE_URL, b"GET / HTTP/1.1\r\n\r\n") + _warc_record("response", PAGE_URL, http)
    (folder / "crawl.warc.gz").write_bytes(gzip.compress(crawl))
    (folder / "letter.txt").write_text(LETTER, encoding="utf-8")
    return folder
