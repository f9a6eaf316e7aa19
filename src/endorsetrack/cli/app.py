"""The ``endorsetrack`` command line: thin, typed errors -> messages and exit codes.

Exit codes: 0 success; 1 some documents failed (the rest were processed);
2 bad usage or unreadable input; 3 installation problem (model, rule files).
"""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Optional

import typer

from ..errors import EndorsetrackError, printable

if TYPE_CHECKING:
    from rich.text import Text

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Extract political endorsements and polls from news articles.",
                  context_settings={"help_option_names": ["-h", "--help"]})

EXIT_PARTIAL = 1
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
    from . import store_cmds  # noqa: F401  (registers ingest, migrate, endorsements, status, timeline, conflicts, export, polls, entities)


def main(argv: Optional[list[str]] = None) -> None:
    _register_commands()
    try:
        app(args=argv, prog_name="endorsetrack")
    except EndorsetrackError as exc:  # anything a command did not map itself
        typer.echo(f"error: {printable(str(exc))}", err=True)
        sys.exit(exc.exit_code)


if __name__ == "__main__":
    main()
