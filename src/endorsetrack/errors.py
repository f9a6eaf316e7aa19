"""One exception tree with stable codes and messages written for users.

The CLI maps ``EndorsetrackError.exit_code`` to the process exit status and prints
``str(error)``; the text is part of the contract and is tested.
"""
from __future__ import annotations

import re
from typing import Optional


class EndorsetrackError(Exception):
    code = "error"
    exit_code = 1

    def __init__(self, message: str, *, path: Optional[str] = None, line: Optional[int] = None):
        self.message = message
        self.path = path
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class InputError(EndorsetrackError):
    """An input file or record cannot be read as an article."""

    code = "input"
    exit_code = 2


class EmptyInputError(InputError):
    code = "input.empty"


class BinaryInputError(InputError):
    code = "input.binary"


class DecodeInputError(InputError):
    code = "input.undecodable"


class TruncatedInputError(InputError):
    code = "input.truncated"


class RecordFormatError(InputError):
    code = "input.record"


class TooLargeInputError(InputError):
    """An input (or one record of it) is past a size budget in Settings."""

    code = "input.too_large"


class MissingInputError(InputError):
    code = "input.missing"


class MetadataFileError(InputError):
    """A metadata file given with ``--metadata`` is missing or malformed (nothing is read then)."""

    code = "input.metadata"


class RuleFileError(EndorsetrackError):
    """A rule/pattern data file is malformed (missing keys, bad JSON, duplicate id)."""

    code = "rules"
    exit_code = 3


class ModelNotInstalledError(EndorsetrackError):
    code = "model.missing"
    exit_code = 3


class OptionalDependencyError(EndorsetrackError):
    """An optional extra (pyspark, pyarrow) or a runtime it needs (Java) is not installed."""

    code = "install.optional"
    exit_code = 3


class SparkJobError(EndorsetrackError):
    """The Spark job itself failed (not one bad record: those are rows of the errors table)."""

    code = "spark.failed"
    exit_code = 1


class GoldFileError(EndorsetrackError):
    code = "eval.gold"
    exit_code = 2


class ExtractionError(EndorsetrackError):
    """A bug-shaped failure inside the pipeline for one document."""

    code = "extract.failed"
    exit_code = 1


class StoreError(EndorsetrackError):
    """The database cannot be opened, migrated or written."""

    code = "store"
    exit_code = 2


class DatabaseNotFoundError(StoreError):
    code = "store.missing"


class DatabaseConnectError(StoreError):
    code = "store.connect"


class MigrationNeededError(StoreError):
    code = "store.migration_needed"


class MigrationFailedError(StoreError):
    code = "store.migration_failed"
    exit_code = 3


class QueryError(EndorsetrackError):
    """A query's arguments do not fit the stored record (unknown race, bad date)."""

    code = "query"
    exit_code = 2


class UnknownRaceError(QueryError):
    code = "query.unknown_race"


class AmbiguousRaceError(QueryError):
    """A race query that fits several races where one is needed; ``choices`` are (id, label)."""

    code = "query.ambiguous_race"

    def __init__(self, query: str, choices: list[tuple[int, str]]):
        self.query = query
        self.choices = choices
        listed = "; ".join(f"#{rid} {label}" for rid, label in choices)
        super().__init__(f"'{query}' matches {len(choices)} races: {listed}. Name one by its label or #id")


class UnknownNameError(QueryError):
    code = "query.unknown_name"


class AmbiguousNameError(QueryError):
    """A name that a command must resolve to one entity matches several (the message lists them)."""

    code = "query.ambiguous_name"


class BadDateError(QueryError):
    code = "query.bad_date"


# Characters that must never reach a terminal or a one-line error report from input
# text: C0/C1 controls (newlines forge extra lines, ESC starts terminal sequences) and
# the bidirectional overrides and isolates that reorder what a reader sees.
UNSAFE_FOR_DISPLAY = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Lone surrogates: what a JSON "\ud800" escape or a file name that is not UTF-8 leaves in
# a Python string; they cannot be written as UTF-8.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD, so it can be written as UTF-8."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def printable(text: str) -> str:
    """``text`` safe for one line of a terminal: controls and bidi overrides shown as U+FFFD
    or a space, lone surrogates replaced."""
    return UNSAFE_FOR_DISPLAY.sub(lambda m: " " if m.group() in "\t\n\r" else "\ufffd", without_surrogates(text))


def error_line(doc: str, message: str) -> str:
    """The one-line report of a failed input: ``error: NAME: reason``, both sanitised."""
    return f"error: {printable(doc)}: {printable(message)}"
