"""benchmarks/web_load.py keeps working: its clients against a live server, briefly."""
from __future__ import annotations

import asyncio
from urllib.parse import urlparse

import pytest

from helpers.scripts import loaded_benchmark

from web_builders import serving


@pytest.fixture(scope="module")
def web_load():
    with loaded_benchmark("web_load") as module:
        yield module


def test_the_load_clients_count_answers_and_their_rate(web_load, sqlite_url):
    paths = web_load.paths_for(sqlite_url)
    assert "/api/races" in paths and any(p.startswith("/race/") for p in paths)
    with serving(sqlite_url) as base:
        level = asyncio.run(web_load.run_level(urlparse(base).port, paths, 2, 0.5))
    row = level.row()
    assert row["requests"] > 0 and row["not_200"] == 0 and row["requests_per_s"] > 0
    assert set(level.statuses) == {200}
