"""Load the normalizer's word lists and cue patterns from versioned JSONL data.

Same file format as the other rule files of the project: one JSON object per line
with an ``id`` (unique in its file) and a positive int ``version``; blank lines and
``//`` comments are skipped. A rule carries only the keys its kind of file reads
(plus ``note``/``description``). A malformed file raises RuleFileError naming the
file, line and key: a broken installation must fail loudly, not normalize differently.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from ..errors import RuleFileError
from ..ruledata import load_rules
from . import titles
from .dates import MONTH_ABBREVIATIONS

DATA_DIR = Path(__file__).parent / "data"


def load_rule_file(path: Path, required: Iterable[str] = ()) -> tuple[dict, ...]:
    """Read one JSONL rule file: ids, versions, the required keys and no others."""
    return load_rules(path, required)


def load_word_lists(path: Path, allowed: Iterable[str] = ()) -> dict[str, frozenset[str]]:
    """A file of {"id", "version", "words": [...]} rules -> id -> set of words."""
    out: dict[str, frozenset[str]] = {}
    for rule in load_rules(path, ("words",), allowed):
        words = rule["words"]
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise RuleFileError(f"rule '{rule['id']}': 'words' must be a list of non-empty strings",
                                path=str(path))
        out[rule["id"]] = frozenset(words)
    return out


def load_patterns(path: Path) -> tuple[tuple[str, int, re.Pattern], ...]:
    """A file of {"id", "version", "pattern"} rules -> (id, version, compiled regex)."""
    out = []
    for rule in load_rule_file(path, required=("pattern",)):
        try:
            out.append((rule["id"], rule["version"], re.compile(rule["pattern"])))
        except (re.error, TypeError) as exc:
            raise RuleFileError(f"rule '{rule['id']}': bad regular expression: {exc}", path=str(path)) from exc
    return tuple(out)


@lru_cache(maxsize=None)
def abbreviations() -> frozenset[str]:
    """Words that end with a period without ending a sentence ("Sen.", "Lt.", "Nov."), without
    the period: title abbreviations (the titles lexicon), month abbreviations (the month
    table) and the others of data/abbreviations.jsonl."""
    lists = load_word_lists(DATA_DIR / "abbreviations.jsonl", ("expansions",))
    return frozenset(w for words in lists.values() for w in words) | titles.view("period_abbreviations") \
        | {m.capitalize() for m in MONTH_ABBREVIATIONS}


@lru_cache(maxsize=None)
def organization_abbreviations() -> dict[str, str]:
    """Abbreviated words of organisation names and the word each stands for ("Assn" ->
    "Association"), from data/abbreviations.jsonl's ``expansions``."""
    path = DATA_DIR / "abbreviations.jsonl"
    out: dict[str, str] = {}
    for rule in load_rules(path, ("words",), ("expansions",)):
        expansions = rule.get("expansions", {})
        if not isinstance(expansions, dict) or not all(
                isinstance(k, str) and isinstance(v, str) and k and v for k, v in expansions.items()) \
                or set(expansions) - set(rule["words"]):
            raise RuleFileError(f"rule '{rule['id']}': 'expansions' must map words of its list to words",
                                path=str(path))
        out.update(expansions)
    return out


def expand_organization_abbreviations(name: str) -> str:
    """'Lakeshore Nurses Assn.' -> 'Lakeshore Nurses Association'; other names unchanged."""
    table = organization_abbreviations()

    def word(w: str) -> str:
        bare = w[:-1] if w.endswith(".") else w
        return table[bare] if bare in table and (bare != w or "'" in w) else w

    return " ".join(word(w) for w in name.split(" "))


@lru_cache(maxsize=None)
def caption_markers() -> tuple[tuple[str, int, re.Pattern], ...]:
    """Patterns that only photo captions and credits contain ("(l-r)", "Photo by")."""
    return load_patterns(DATA_DIR / "caption_markers.jsonl")


@lru_cache(maxsize=None)
def caption_verbs() -> frozenset[str]:
    """Common finite verbs: a fragment containing one is a sentence, not a caption."""
    return _caption_words("verbs.")


@lru_cache(maxsize=None)
def sentence_starters() -> frozenset[str]:
    """Capitalized function words that start sentences and are never a caption's name."""
    return _caption_words("starters.")


def _caption_words(prefix: str) -> frozenset[str]:
    lists = load_word_lists(DATA_DIR / "caption_words.jsonl")
    return frozenset(w for rid, words in lists.items() if rid.startswith(prefix) for w in words)


def check_rule_files() -> None:
    """Load every rule file in normalize/data/ (each is cached), the titles lexicon with its
    views: a bad one raises RuleFileError."""
    titles.lexicon()
    abbreviations()
    organization_abbreviations()
    caption_markers()
    caption_verbs()
    sentence_starters()
