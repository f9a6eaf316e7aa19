"""The rule files packaged in nlp/patterns/, each with the keys its rules may carry.

``SCHEMAS`` names, for every file, the keys its rules need and may carry (and, for
files whose rules have kinds, the keys of each kind); ``packaged_rules`` loads a file
once per process and rejects any other key with the file, line and key named
(ruledata.load_rules). A file without a schema here cannot be loaded.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..errors import RuleFileError
from ..normalize import check_rule_files as check_normalize_rule_files
from ..ruledata import RuleSchema, load_rules, load_with_schema

__all__ = ["PATTERN_DIR", "SCHEMAS", "TRIGGER_KINDS", "check_packaged_rule_files", "load_rules", "packaged_rules",
           "pattern_path", "schema_of", "load_with_schema_file"]

PATTERN_DIR = Path(__file__).parent / "patterns"

# Keys each trigger kind reads beyond the common ones (extract/endorsements/frames.py,
# editorial.py, slates.py); org_only, negated_only and object apply to any kind.
TRIGGER_KINDS: dict[str, tuple[str, ...]] = {
    "verb": (),
    "verb_prep": ("preps", "particles"),
    "noun": (),
    "noun_prep": ("preps", "heads"),
    "receive": ("nouns",),
    "receive_org": ("particles",),
    "give": ("nouns", "preps"),
    "withdraw": ("nouns",),
    "retreat": ("nouns", "particles"),
    "count_among": ("nouns",),
    "includes": ("nouns", "modifiers"),
    "former_supporter": ("modifiers",),
    "state": (),
    "roundup": ("separators", "declines", "undecided"),
    "headline": ("voice",),
    "imperative": (),
    "choice": ("adjectives",),
    "list": (),
    "preference": ("preps",),
}

SCHEMAS: dict[str, RuleSchema] = {
    "coordination": RuleSchema(("kind",)),
    "candidacies": RuleSchema(("office", "year", "candidates")),  # extract/candidacies.py
    "cues": RuleSchema(("group", "words")),
    "entity_types": RuleSchema(("type", "regex", "unless")),
    "offices": RuleSchema(("office", "explicit"), ("mention", "descriptor", "cycle", "local", "national", "nominating",
                                                             "fallback")),
    "places": RuleSchema(("name",), ("abbr", "cities", "hosts", "label", "words", "cues", "offices",
                                                  "election_weekday", "elections")),  # nlp/places.py
    "organizations": RuleSchema(("name", "type"), ("acronyms", "aliases", "parent", "in_text")),  # nlp/organizations.py
    "poll_parties": RuleSchema((), kinds={"gate": ("terms",), "party": ("name", "forms")}),
    "poll_pollsters": RuleSchema(("name",), ("aliases",)),
    "polls": RuleSchema(("kind",), ("terms",)),
    "stage_cues": RuleSchema(("group", "regex")),
    "stance_cues": RuleSchema(("group", "words")),
    "vocabulary": RuleSchema((), ("words", "mapping", "view_of", "plus", "except", "only")),
    "triggers": RuleSchema(("lemmas", "stance", "strong"), ("org_only", "negated_only", "object"),
                           kinds=TRIGGER_KINDS),
}


def pattern_path(name: str) -> Path:
    """nlp/patterns/<name>.jsonl."""
    return PATTERN_DIR / f"{name}.jsonl"


def schema_of(name: str) -> RuleSchema:
    """The keys of nlp/patterns/<name>.jsonl; a file without a schema is an error."""
    try:
        return SCHEMAS[name]
    except KeyError:
        raise RuleFileError("no key schema is declared for this rule file (nlp/rules.py SCHEMAS)",
                            path=str(pattern_path(name))) from None


@lru_cache(maxsize=None)
def packaged_rules(name: str, required: tuple[str, ...] = (), allowed: tuple[str, ...] = ()) -> tuple[dict, ...]:
    """Rules shipped in nlp/patterns/<name>.jsonl, checked against the file's schema
    (and the caller's own required keys), loaded once per process."""
    return load_with_schema(pattern_path(name), schema_of(name), required, allowed)


def load_with_schema_file(path: Path, name: str) -> tuple[dict, ...]:
    """A rule file at any path, checked against the schema of nlp/patterns/<name>.jsonl
    (tests and users point loaders at their own copies)."""
    return load_with_schema(path, schema_of(name), (), ())


def check_packaged_rule_files() -> None:
    """Load every rule file the package ships to the left of extraction (nlp/patterns/,
    normalize/data/), so that a bad one stops a run before its first article
    (RuleFileError, exit code 3) instead of failing every article one by one."""
    from .organizations import known_organizations  # late: these modules read this one's schemas
    from .vocabulary import vocabulary

    check_normalize_rule_files()
    for path in sorted(PATTERN_DIR.glob("*.jsonl")):
        packaged_rules(path.stem)
    vocabulary()
    known_organizations()
