"""Options that several commands share, so `extract` and `ingest` date articles the same way."""
from __future__ import annotations

from enum import Enum
from typing import Optional

import typer

from ..resolve import DatingDefaults
from ..store import queries

published_option = typer.Option(None, "--published", help="Date (YYYY-MM-DD) for articles without one.")
year_option = typer.Option(None, "--year", min=1800, max=2200,
                           help="Year of dates the text gives without one ('the Aug. 8 primary'), "
                                "for articles with no published date.")
metadata_option = typer.Option(None, "--metadata", metavar="FILE",
                               help="JSON Lines or CSV naming input files (doc or file) with their url, title and "
                                    "published date, for plain files that carry none.")


def dating_defaults(published: Optional[str], year: Optional[int]) -> DatingDefaults:
    """The checked --published and --year (BadDateError for a malformed date)."""
    return DatingDefaults(published=queries.check_date(published, "--published"), year=year)


# Choices as enums, so --help lists them, the shell can complete them and a wrong value is
# a usage error naming the choices. Their values are the store's: tests/cli/test_options.py
# checks them against FORMATS, EXPORT_FORMATS, STANCES, STAGES and ENTITY_TYPES.
class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class ExportPreset(str, Enum):
    fivethirtyeight = "538"


class ExportWhat(str, Enum):
    """What ``export`` writes: stance reports (the default) or poll shares."""
    stances = "stances"
    polls = "polls"


class ExportFormat(str, Enum):
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


class StanceChoice(str, Enum):
    endorses = "endorses"
    will_endorse = "will_endorse"
    declines = "declines"
    undecided = "undecided"
    rescinds = "rescinds"
    opposes = "opposes"


class StageChoice(str, Enum):
    primary = "primary"
    general = "general"


class EntityTypeChoice(str, Enum):
    union = "union"
    organization = "organization"
    person = "person"
    newspaper = "newspaper"
    party = "party"
    other = "other"


def choice_value(choice: Optional[Enum]) -> Optional[str]:
    """The plain string of a choice (None stays None), for queries and SQL parameters."""
    return None if choice is None else str(choice.value)


class InputFormat(str, Enum):
    """How the Spark job reads INPUT (batch.INPUT_FORMATS): auto is Parquet for a name ending
    in .parquet, else files."""
    auto = "auto"
    files = "files"
    parquet = "parquet"
