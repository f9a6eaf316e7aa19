"""benchmarks/web_load.py keeps working: its clients against a live server, briefly."""
from __future__ import annotations

import asyncio
import importlib.util
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

from web_builders import serving


@pytest.fixture(scope="module")
def web_load():
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "web_load.py"
    spec = importlib.util.spec_from_file_location("web_load", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["web_load"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    yield module
    del sys.modules["web_load"]


def test_the_load_clients_count_answers_and_their_rate(web_load, sqlite_url):
    paths = web_load.paths_for(sqlite_url)
    assert "/api/races" in paths and any(p.startswith("/race/") for p in paths)
    with serving(sqlite_url) as base:
        level = asyncio.run(web_load.run_level(urlparse(base).port, paths, 2, 0.5))
    row = level.row()
    assert row["requests"] > 0 and row["not_200"] == 0 and row["requests_per_s"] > 0
    assert set(level.statuses) == {200}
