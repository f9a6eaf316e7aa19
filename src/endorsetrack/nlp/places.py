"""The one place lexicon (nlp/patterns/places.jsonl): U.S. states and other places.

Extraction reads it to name a race's state (extract/race.py); resolution reads it to
tell a state body ("Ohio AFL-CIO") from another spelling of its national body
(resolve/gazetteer.py, resolve/names.py). Loaded once, keys checked (nlp/rules.py).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .rules import load_with_schema_file, pattern_path

__all__ = ["PLACES_FILE", "place_rules", "us_cities", "us_states"]

PLACES_FILE = pattern_path("places")


def place_rules(path: Path = PLACES_FILE) -> tuple[dict, ...]:
    """Every place of a place file (RuleFileError naming file, line and key on a bad rule)."""
    return load_with_schema_file(path, "places")


@lru_cache(maxsize=1)
def us_states() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(name, written abbreviations) of every U.S. state. Only the AP-style abbreviations
    with a full stop ("Calif.", "W.Va.") count: a two-letter postal code ("IN", "OR",
    "ME") is too often an ordinary word."""
    return tuple((rule["name"], tuple(a for a in rule.get("abbr", []) if "." in a))
                 for rule in place_rules()
                 if rule["id"].startswith("us-") and rule["id"] != "us-pr")


@lru_cache(maxsize=1)
def us_cities() -> tuple[tuple[str, str], ...]:
    """(city, state) of the cities the lexicon names for each U.S. state ("cities")."""
    return tuple((city, rule["name"]) for rule in place_rules() if rule["id"].startswith("us-")
                 for city in rule.get("cities", ()))
