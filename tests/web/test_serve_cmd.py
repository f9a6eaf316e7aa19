"""`endorsetrack serve`: loopback by default, a token required off loopback, clear errors before starting."""
from __future__ import annotations

import pytest

import web_builders

web_builders.require_web()

import typer  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from endorsetrack.cli import serve_cmd  # noqa: E402  (registers `serve` until cli/app.py imports it)
from endorsetrack.cli.app import _register_commands, app  # noqa: E402

_register_commands()  # the other commands too, so `serve` is a subcommand as in the real CLI


@pytest.fixture
def captured(monkeypatch):
    """uvicorn.run replaced: records what would have been served instead of blocking."""
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda application, **kw: calls.append((application, kw)))
    monkeypatch.delenv(serve_cmd.TOKEN_ENV, raising=False)
    return calls


def invoke(*args, env=None):
    return CliRunner().invoke(app, ["serve", *args], env=env)


def test_serves_on_loopback_without_a_token_and_checks_host_names(captured, sqlite_url):
    result = invoke("--db", sqlite_url, "--port", "8123")
    assert result.exit_code == 0, result.output
    application, kw = captured[0]
    assert kw["host"] == "127.0.0.1" and kw["port"] == 8123
    cfg = application.state.config
    assert cfg.token is None and "localhost" in cfg.allowed_hosts and cfg.db_url == sqlite_url


def test_another_address_needs_a_token(captured, sqlite_url):
    result = invoke("--db", sqlite_url, "--host", "0.0.0.0")
    assert result.exit_code == 2 and "--token" in result.output and captured == []
    ok = invoke("--db", sqlite_url, "--host", "0.0.0.0", env={serve_cmd.TOKEN_ENV: "t0k"})
    assert ok.exit_code == 0, ok.output
    cfg = captured[0][0].state.config
    assert cfg.token == "t0k" and cfg.allowed_hosts is None


def test_a_token_given_on_loopback_is_required_too(captured, sqlite_url):
    assert invoke("--db", sqlite_url, "--token", "abc").exit_code == 0
    assert captured[0][0].state.config.token == "abc"


def test_missing_database_is_one_line_and_exit_2(captured, tmp_path):
    result = invoke("--db", str(tmp_path / "none.db"))
    assert result.exit_code == 2 and "no such database" in result.output and captured == []


def test_serve_options_loopback_detection():
    assert serve_cmd.serve_options("127.0.0.2", None) == (None, serve_cmd.LOOPBACK_NAMES + ("127.0.0.2",))
    assert serve_cmd.serve_options("::1", "x")[0] == "x"
    with pytest.raises(typer.BadParameter):
        serve_cmd.serve_options("192.0.2.10", "  ")
