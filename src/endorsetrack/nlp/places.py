"""The one place lexicon (nlp/patterns/places.jsonl): U.S. states and other places, and countries.

Extraction reads it to name a race's state and to tell an article about another country
(extract/race.py); resolution reads it to tell a state body ("Ohio AFL-CIO") from another
spelling of its national body (resolve/gazetteer.py, resolve/names.py) and a race label's
state and country (resolve/race_record.py). Loaded once, keys checked (nlp/rules.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .rules import load_with_schema_file, pattern_path

__all__ = ["PLACES_FILE", "Country", "countries", "place_rules", "us_cities", "us_hosts", "us_postal_codes", "us_state_names",
           "us_states"]

PLACES_FILE = pattern_path("places")
#: The id prefix of a country's rule; every other rule is a state, a province or a territory.
COUNTRY_ID_PREFIX = "country-"


def place_rules(path: Path = PLACES_FILE) -> tuple[dict, ...]:
    """Every state, province or territory of a place file, countries aside (RuleFileError
    naming file, line and key on a bad rule)."""
    return tuple(rule for rule in load_with_schema_file(path, "places")
                 if not rule["id"].startswith(COUNTRY_ID_PREFIX))


@dataclass(frozen=True)
class Country:
    """A country of the place lexicon: its name, the form a race label writes before its
    national office ("UK", "Canadian"; "" for the United States), the words that name it,
    further words that place an article in it (a capital, a region), its offices, the day of
    the week its elections are held on ("Tuesday"; "" when the lexicon does not say) and the years
    of its general elections (empty when the lexicon does not list them)."""

    name: str
    label: str
    words: tuple[str, ...]
    cues: tuple[str, ...]
    offices: tuple[str, ...]
    election_weekday: str = ""
    elections: tuple[int, ...] = ()  # the years of its general elections, in order


@lru_cache(maxsize=2)
def countries(path: Path = PLACES_FILE) -> tuple[Country, ...]:
    """The countries of a place file, in file order."""
    return tuple(Country(rule["name"], rule.get("label", ""), tuple(rule.get("words", ())),
                         tuple(rule.get("cues", ())), tuple(rule.get("offices", ())), rule.get("election_weekday", ""),
                         tuple(sorted(int(y) for y in rule.get("elections", ()))))
                 for rule in load_with_schema_file(path, "places") if rule["id"].startswith(COUNTRY_ID_PREFIX))


@lru_cache(maxsize=1)
def us_states() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(name, written abbreviations) of every U.S. state. Only the AP-style abbreviations
    with a full stop ("Calif.", "W.Va.") count: a two-letter postal code ("IN", "OR",
    "ME") is too often an ordinary word."""
    return tuple((rule["name"], tuple(a for a in rule.get("abbr", []) if "." in a))
                 for rule in place_rules()
                 if rule["id"].startswith("us-") and rule["id"] != "us-pr")


@lru_cache(maxsize=1)
def us_state_names() -> frozenset[str]:
    """The name of every U.S. state ("Ohio", "New Mexico"), built once for membership tests."""
    return frozenset(name for name, _ in us_states())


@lru_cache(maxsize=1)
def us_postal_codes() -> dict[str, str]:
    """The two-letter postal code of every U.S. state -> its name ("AZ" -> "Arizona"): for places
    where a code cannot be an ordinary word, such as a name's tag ("Ana Ruiz (AZ-Sen)")."""
    return {a: rule["name"] for rule in place_rules() if rule["id"].startswith("us-") and rule["id"] != "us-pr"
            for a in rule.get("abbr", ()) if len(a) == 2 and a.isupper()}


@lru_cache(maxsize=1)
def us_hosts() -> dict[str, str]:
    """The web host of each news site the lexicon places in a U.S. state ("hosts") -> the state."""
    return {host: rule["name"] for rule in place_rules() if rule["id"].startswith("us-")
            for host in rule.get("hosts", ())}


@lru_cache(maxsize=1)
def us_cities() -> tuple[tuple[str, str], ...]:
    """(city, state) of the cities the lexicon names for each U.S. state ("cities")."""
    return tuple((city, rule["name"]) for rule in place_rules() if rule["id"].startswith("us-")
                 for city in rule.get("cities", ()))
