"""The ``endorsetrack`` command line: thin, typed errors -> messages and exit codes.

Exit codes: 0 success; 1 some documents failed (the rest were processed);
2 bad usage or unreadable input; 3 installation problem (model, rule files).
An unexpected exception is one ``error:`` line and exit 1; ENDORSETRACK_DEBUG=1 shows
its traceback.
"""
from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Optional

import typer

from .. import __version__
from ..errors import EndorsetrackError, printable

if TYPE_CHECKING:
    from rich.text import Text

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Extract political endorsements and polls from news articles.",
                  context_settings={"help_option_names": ["-h", "--help"]})



def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"endorsetrack {__version__}")
        raise typer.Exit()


@app.callback()
def _top_level(
    version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Extract political endorsements and polls from news articles."""


EXIT_PARTIAL = 1
EXIT_UNEXPECTED = 1
DEBUG_VARIABLE = "ENDORSETRACK_DEBUG"
NOTHING_READABLE = "no articles found in the given paths"


def fail(error: EndorsetrackError) -> "typer.Exit":
    """Print a typed error as one line on stderr and return the Exit to raise."""
    typer.echo(f"error: {printable(str(error))}", err=True)
    return typer.Exit(error.exit_code)


def plain(value: str) -> "Text":
    """A table cell shown as written: article text is never read as Rich markup, and
    controls or bidi overrides from input cannot reach the terminal."""
    from rich.text import Text
    return Text(printable(value))


def _register_commands() -> None:
    from . import extract_cmd  # noqa: F401  (registers extract, show)
    from . import eval_cmd  # noqa: F401  (registers eval)
    from . import serve_cmd  # noqa: F401  (registers serve)
    from . import store_cmds  # noqa: F401  (registers ingest, migrate, endorsements, races, status, timeline, conflicts, export, polls, entities)
    from . import spark_cmds  # noqa: F401  (registers spark, load)


def main(argv: Optional[list[str]] = None) -> None:
    _register_commands()
    try:
        app(args=argv, prog_name="endorsetrack")
    except EndorsetrackError as exc:  # anything a command did not map itself
        typer.echo(f"error: {printable(str(exc))}", err=True)
        sys.exit(exc.exit_code)
    except Exception as exc:  # a bug or an environment failure: one line, not source code
        if os.environ.get(DEBUG_VARIABLE):
            raise
        typer.echo(f"error: {printable(unexpected_message(exc))}", err=True)
        typer.echo(f"run with {DEBUG_VARIABLE}=1 for the traceback", err=True)
        sys.exit(EXIT_UNEXPECTED)


def unexpected_message(exc: BaseException) -> str:
    """An unexpected exception as one line: its type, then its message when it has one."""
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


if __name__ == "__main__":
    main()
