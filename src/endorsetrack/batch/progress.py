"""The progress line that long commands (ingest, extract) show on a terminal."""
from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, Literal, Optional

if TYPE_CHECKING:
    from rich.console import Console


class Progress:
    """A Rich progress line on stderr, only on a terminal: with a known ``total`` (a list
    of one-article files), a bar, done/total and the time remaining; else a counter
    (articles, articles/s, failures). A total the input outgrows is dropped. ``verb`` names
    the work ("ingesting", "extracting")."""

    def __init__(self, quiet: bool, total: Optional[int] = None, console: Optional["Console"] = None,
                 verb: str = "ingesting"):
        self.verb = verb
        from rich.console import Console
        self.console = console or Console(stderr=True)
        self.enabled = not quiet and self.console.is_terminal
        self.total = total
        self.done = 0
        self.failed = 0
        self.started = time.monotonic()

    def __enter__(self) -> "Progress":
        if self.enabled:
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)
            counted = ((BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()) if self.total is not None
                       else (TextColumn("{task.completed} articles"),))
            self._p = Progress(SpinnerColumn(), TextColumn(self.verb), *counted,
                               TextColumn("{task.fields[rate]:.1f} articles/s"),
                               TextColumn("[red]{task.fields[failed]} failed"), TimeElapsedColumn(),
                               console=self.console, transient=True)
            self._p.__enter__()
            self._task = self._p.add_task("ingest", total=self.total, rate=0.0, failed=0)
        return self

    def advance(self, failed: bool = False) -> None:
        self.done += 1
        self.failed += int(failed)
        if self.enabled:
            rate = self.done / max(time.monotonic() - self.started, 1e-6)
            if self.total is not None and self.done > self.total:  # a file held several articles
                self.total = None
                for task in self._p.tasks:  # update() cannot set a total back to None
                    if task.id == self._task:
                        task.total = None
            self._p.update(self._task, advance=1, rate=rate, failed=self.failed)

    def __exit__(self, *exc: Any) -> Literal[False]:
        if self.enabled:
            self._p.__exit__(*exc)
        return False
