"""Fixtures for the web tests: a built store (SQLite, and PostgreSQL when configured), a test client,
a live server on 127.0.0.1 and a headless Chromium (selenium, Debian's chromium + chromedriver).

PostgreSQL runs when ENDORSETRACK_TEST_PG_URL is set (each test in its own schema);
in CI (CI=true) a missing URL fails, as in tests/store. Browser tests skip with a
reason when chromium or chromedriver is missing, except in CI, where they fail.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from helpers.postgres import fresh_schema_url
import web_builders  # tests/web is on sys.path (pytest's default rootdir-relative import)
from web_builders import make_client, serving  # noqa: F401  (fixtures below use them)

IN_CI = os.environ.get("CI", "").lower() == "true"
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--window-size=1280,1000")


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db_url(request, tmp_path):
    """A fresh, empty database of each kind."""
    if request.param == "sqlite":
        yield str(tmp_path / "web.db")
        return
    with fresh_schema_url("w_") as url:
        yield url


def _built(url: str) -> str:
    """Create the database at ``url``, store the hand-made articles in it, return the URL."""
    from endorsetrack.store import open_store

    db = open_store(url, create=True, migrate_to_head=True)
    try:
        web_builders.build(db)
    finally:
        db.close()
    return url


@pytest.fixture
def built_url(any_db_url):
    """A database of each kind holding the hand-made articles (web_builders)."""
    return _built(any_db_url)


@pytest.fixture
def db(built_url):
    from endorsetrack.store import open_store

    handle = open_store(built_url)
    yield handle
    handle.close()


@pytest.fixture
def sqlite_url(tmp_path):
    """A built SQLite database (for tests that need one kind only)."""
    return _built(str(tmp_path / "web.db"))


@pytest.fixture
def ids(sqlite_url):
    from endorsetrack.store import open_store

    db = open_store(sqlite_url)
    try:
        return web_builders.ids(db)
    finally:
        db.close()


@pytest.fixture
def client(sqlite_url):
    return make_client(sqlite_url)


# --- live server and browser (one each per session: Chromium starts in ~1 s) -----------------

@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """A live server over a built SQLite database; yields (base URL, ids)."""
    from endorsetrack.store import open_store

    url = str(tmp_path_factory.mktemp("live") / "live.db")
    db = open_store(url, create=True, migrate_to_head=True)
    try:
        web_builders.build(db)
        known = web_builders.ids(db)
    finally:
        db.close()
    with serving(url) as base:
        yield base, known


def _browser_missing() -> str:
    missing = [name for name, path in (("chromium", _chromium()), ("chromedriver", _chromedriver())) if not path]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("selenium (pip install -e '.[test]')")
    return ", ".join(missing)


def _chromium() -> str:
    return shutil.which("chromium") or shutil.which("chromium-browser") or ""


def _chromedriver() -> str:
    return shutil.which("chromedriver") or ""


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium through its chromedriver; a fresh profile; no downloads, no network."""
    missing = _browser_missing()
    if missing:
        message = f"browser tests need {missing}: apt-get install -y chromium chromium-driver"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="endorsetrack-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = _chromium()
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(options=options, service=Service(executable_path=_chromedriver()))
    driver.set_page_load_timeout(20)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


def pytest_configure(config):
    # starlette's TestClient prefers the httpx2 fork; httpx (pinned, a spaCy dependency already) works the same.
    config.addinivalue_line("filterwarnings", "ignore:Using `httpx` with `starlette.testclient`")
