"""The top-level command: --version, `python -m endorsetrack`, and unexpected errors as one line."""
from __future__ import annotations

import subprocess
import sys

import pytest

from endorsetrack import __version__
from endorsetrack.cli import app as cli_app
from endorsetrack.store import queries


def test_version_option_prints_the_package_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli_app.main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"endorsetrack {__version__}\n"


def test_python_dash_m_runs_the_command_line():
    r = subprocess.run([sys.executable, "-m", "endorsetrack", "--version"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"endorsetrack {__version__}"


def _explode(*args, **kwargs):
    raise RuntimeError("disk went\naway")


def test_an_unexpected_exception_is_one_error_line_and_exit_1(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(queries, "endorsements", _explode)
    monkeypatch.delenv(cli_app.DEBUG_VARIABLE, raising=False)
    with pytest.raises(SystemExit):
        cli_app.main(["migrate", "--db", str(tmp_path / "t.db")])
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_info:
        cli_app.main(["endorsements", "--db", str(tmp_path / "t.db")])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert err.splitlines() == ["error: RuntimeError: disk went away",
                                "run with ENDORSETRACK_DEBUG=1 for the traceback"]
    assert "Traceback" not in err and "raise RuntimeError" not in err


def test_the_debug_variable_lets_the_traceback_through(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(queries, "endorsements", _explode)
    monkeypatch.setenv(cli_app.DEBUG_VARIABLE, "1")
    with pytest.raises(SystemExit):
        cli_app.main(["migrate", "--db", str(tmp_path / "t.db")])
    with pytest.raises(RuntimeError, match="disk went"):
        cli_app.main(["endorsements", "--db", str(tmp_path / "t.db")])
