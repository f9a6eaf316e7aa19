"""Cross-article resolution, pure: names, gazetteer, organisation hierarchy, races, article dates.

The store persists what these functions decide; nothing here touches a database.
"""
from __future__ import annotations

from .dates import DateWindow, DatedReference, effective_date, infer_date_window, parse_date
from .entities import EntityIndex, Match, Resolution, useful_aliases
from .gazetteer import Gazetteer, KnownOrg, default_gazetteer, load_gazetteer
from .hierarchy import ParentGuess, infer_parent
from .names import entity_kind, key_for, name_key, person_key
from .races import race_key, race_matches, race_year

__all__ = ["DateWindow", "DatedReference", "effective_date", "infer_date_window", "parse_date", "EntityIndex",
           "Match", "Resolution", "useful_aliases", "Gazetteer", "KnownOrg", "default_gazetteer",
           "load_gazetteer", "ParentGuess", "infer_parent", "entity_kind", "key_for", "name_key", "person_key",
           "race_key", "race_matches", "race_year"]
