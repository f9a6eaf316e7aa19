"""Web throughput under concurrency: `endorsetrack serve` (a separate process) answering
reads from N keep-alive clients at once, for each N asked (issue 15, item 11).

    .venv/bin/python benchmarks/web_load.py --db endorsetrack.db --concurrency 1 8 32 --seconds 10

The clients are asyncio connections in this process (light next to threads); they ask,
in turn, the home page, the race list (page and API), a race page, recent reports and a
search. Prints requests/s, p50/p95 latency and the count of non-200 answers per level.
Not a test: nothing fails on a slow figure (tests/web keeps the script working).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Level:
    concurrency: int
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000 if ordered else 0.0

    def row(self) -> dict:
        return {"concurrency": self.concurrency, "requests": len(self.latencies), "requests_per_s": round(self.rate, 1),
                "p50_ms": round(self.percentile(0.5), 1), "p95_ms": round(self.percentile(0.95), 1),
                "not_200": sum(n for s, n in self.statuses.items() if s != 200)}


def paths_for(db: str) -> list[str]:
    """Read-only pages and API calls over what the database holds."""
    with sqlite3.connect(db) as conn:
        race = conn.execute("SELECT id FROM races ORDER BY id LIMIT 1").fetchone()
    out = ["/", "/api/races", "/api/recent", "/search?q=union", "/api/search?q=union"]
    if race:
        out += [f"/race/{race[0]}", f"/api/races/{race[0]}"]
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "endorsetrack", "serve", "--db", db, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


async def _client(port: int, paths: list[str], offset: int, stop: float, level: Level) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    k = offset
    try:
        while time.monotonic() < stop:
            path = paths[k % len(paths)]
            k += 1
            started = time.monotonic()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n".encode())
            await writer.drain()
            status, length = await _read_head(reader)
            await reader.readexactly(length)
            level.latencies.append(time.monotonic() - started)
            level.statuses[status] = level.statuses.get(status, 0) + 1
    finally:
        writer.close()


async def _read_head(reader: asyncio.StreamReader) -> tuple[int, int]:
    status_line = await reader.readline()
    status = int(status_line.split()[1])
    length = 0
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            return status, length
        name, _, value = line.decode("latin-1").partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())


async def run_level(port: int, paths: list[str], concurrency: int, seconds: float) -> Level:
    level = Level(concurrency)
    started = time.monotonic()
    await asyncio.gather(*(_client(port, paths, n, started + seconds, level) for n in range(concurrency)))
    level.seconds = time.monotonic() - started
    return level


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="a SQLite database built by `endorsetrack ingest`")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--seconds", type=float, default=10.0, help="per concurrency level")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    paths = paths_for(args.db)
    port = free_port()
    server = start_server(args.db, port)
    try:
        asyncio.run(run_level(port, paths, 1, 1.0))  # warm-up
        levels = [asyncio.run(run_level(port, paths, c, args.seconds)) for c in args.concurrency]
    finally:
        server.terminate()
        server.wait(timeout=30)
    rows = [level.row() for level in levels]
    if args.json:
        print(json.dumps(rows))
    else:
        print("concurrency  requests/s  p50 ms  p95 ms  not 200")
        for r in rows:
            print(f"{r['concurrency']:>11}  {r['requests_per_s']:>10}  {r['p50_ms']:>6}  {r['p95_ms']:>6}  {r['not_200']:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
