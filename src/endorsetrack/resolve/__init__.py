"""Resolve: names, types, parents, races and dates, within one article and across articles.

Pure, no database. ``article`` resolves one article's facts (``names``: every name to the
fullest form the article gives); ``keys`` makes the comparable keys of names; ``entities``
matches a name against known entities across articles; ``gazetteer`` and ``hierarchy``
hold well-known organisations and which body a local belongs to; ``races`` and ``dates``
make race keys and an article's date window; ``race_record`` reads a race label into its
parts (year, office, place, district, party, stage) and builds the label back; ``dating``
decides, per article, its date window and each fact's date and filed race. The store persists what these decide.
"""
from typing import TYPE_CHECKING, Any

from .dating import NO_DEFAULTS, DatingDefaults, date_article, races_by_candidate, with_election_year
from .dates import DatedReference, DateWindow, article_year_hint, effective_date, infer_date_window, parse_date
from .entities import SCORE_ARTICLE_ALIAS, EntityIndex, Match, Resolution, useful_aliases
from .gazetteer import Gazetteer, KnownOrg, default_gazetteer, load_gazetteer
from .hierarchy import ParentGuess, infer_parent
from .keys import acronym, entity_kind, key_for, looks_like_acronym, name_key, person_key
from .race_record import RACE_PARTS, RACE_STAGES, RaceRecord, build_label, parse_race, race_place
from .races import race_key, race_matches, race_year

if TYPE_CHECKING:
    from .article import resolve_article
    from .names import NameIndex

__all__ = ["resolve_article", "NO_DEFAULTS", "DatingDefaults", "date_article", "races_by_candidate",
           "with_election_year", "DatedReference", "DateWindow", "article_year_hint", "effective_date",
           "infer_date_window", "parse_date", "SCORE_ARTICLE_ALIAS", "EntityIndex", "Match", "Resolution",
           "useful_aliases", "Gazetteer", "KnownOrg", "default_gazetteer", "load_gazetteer", "ParentGuess",
           "infer_parent", "acronym", "entity_kind", "key_for", "looks_like_acronym", "name_key", "person_key",
           "NameIndex", "race_key", "race_matches", "race_year", "RACE_PARTS", "RACE_STAGES", "RaceRecord", "race_place",
           "build_label", "parse_race"]


# The two names that need spaCy (a parsed Doc) load on first use, so that the store and
# the query commands, which use only keys, races and dates, never import it.
_NEEDS_SPACY = {"resolve_article": ".article", "NameIndex": ".names"}


def __getattr__(name: str) -> Any:
    if name in _NEEDS_SPACY:
        import importlib
        return getattr(importlib.import_module(_NEEDS_SPACY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
