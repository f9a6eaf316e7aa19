"""Options that several commands share, so `extract` and `ingest` date articles the same way."""
from __future__ import annotations

from typing import Optional

import typer

from ..resolve import DatingDefaults
from ..store import queries

published_option = typer.Option(None, "--published", help="Date (YYYY-MM-DD) for articles without one.")
year_option = typer.Option(None, "--year", min=1800, max=2200,
                           help="Year of dates the text gives without one ('the Aug. 8 primary'), "
                                "for articles with no published date.")


def dating_defaults(published: Optional[str], year: Optional[int]) -> DatingDefaults:
    """The checked --published and --year (BadDateError for a malformed date)."""
    return DatingDefaults(published=queries.check_date(published, "--published"), year=year)
