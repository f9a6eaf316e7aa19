"""The titles lexicon (normalize/data/titles.jsonl): one entry per title, and named views.

Every list of personal and office titles the stages use ("Sen.", "Gov.", "Mayor",
"Coun.", "Cllr.", "President", ..., and the words that stand with them before a name:
"former", "U.S.", "candidate", "Republican") is a view of this one lexicon:

- a **title** rule is one title: its ``category`` (CATEGORIES), its written forms
  (``words``, ``abbreviations`` and ``plurals`` as written, with their period, and
  multi-word ``phrases``) and the ``office`` it holds (an nlp/patterns/offices.jsonl id);
- a **view** rule names a word set: the ``forms`` of the titles of some ``categories``
  (plus the ``titles`` it names, minus its ``except_titles``), or of another view
  (``view_of``), in a ``case``, with explicit ``include``/``exclude`` words. Where the
  callers' old lists differed, the title-level and word-level exceptions say how
  (kept for identical output; each is a candidate for cleanup). ``by: office`` gives the forms per office,
  ``by: noun`` the forms of the titles a description noun names ("the senator").

A view's exclusions must be in it and its inclusions must not: a stale exception is a
RuleFileError, like an unknown key. Lives in normalize, the leftmost stage that reads
titles (abbreviations that do not end a sentence); nlp, extract and resolve read it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Optional

from ..errors import RuleFileError
from ..ruledata import LazyWords, read_rules

TITLES_FILE = Path(__file__).parent / "data" / "titles.jsonl"

CATEGORIES = {
    "honorific": "courtesy titles ('Mr.', 'Dr.', 'Hon.')",
    "clergy": "'Rev.', 'Msgr.', 'Fr.'",
    "legislator": "members of a legislature ('Sen.', 'Rep.', 'Assemblywoman', 'MP')",
    "council": "members of a city or county council ('Councilman', 'Coun.', 'Cllr.', 'Ald.')",
    "executive": "heads of a government ('President', 'Gov.', 'Mayor', 'Premier')",
    "officer": "other elected and appointed officers ('Secretary', 'Treasurer', 'Commissioner', 'Trustee')",
    "leadership": "presiding and party offices ('Speaker', 'Chairman', 'Leader')",
    "judicial": "courts, prosecutors and sheriffs ('Judge', 'DA', 'Sheriff')",
    "police": "police ranks ('Chief', 'Lt.', 'Sgt.', 'Det.')",
    "military": "military ranks ('Gen.', 'Col.', 'Adm.')",
    "qualifier": "words that combine with a title ('U.S. Sen.', 'State Sen.', 'Vice President')",
    "modifier": "when or how a title is held ('former', 'then-', 'longtime')",
    "candidacy": "roles in a race ('candidate', 'challenger', 'incumbent')",
    "party": "party affiliations before a name ('Republican Jane Roe', 'NDP')",
    "occupation": "occupations before a name ('businessman Jane Roe')",
    "office_adjective": "adjectives of an office ('mayoral hopeful')",
    "suffix": "after a name ('Jr.', 'Sr.')",
}
FORM_KINDS = ("words", "abbreviations", "bare_abbreviations", "plurals", "bare_plurals", "phrases")
CASES = ("lower", "as_written")
KINDS = {
    "title": ("category", "words", "abbreviations", "plurals", "phrases", "office"),
    "view": ("forms", "case", "categories", "titles", "except_titles", "view_of", "include", "exclude", "by", "nouns"),
}


@dataclass(frozen=True)
class Title:
    id: str
    category: str
    words: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    plurals: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    office: Optional[str] = None

    def forms(self, kind: str) -> tuple[str, ...]:
        """The written forms of one kind ('bare_' kinds: dotted abbreviations without the period)."""
        if kind.startswith("bare_"):
            return tuple(f[:-1] for f in getattr(self, kind[5:]) if f.endswith("."))
        return getattr(self, kind)


@dataclass(frozen=True)
class Lexicon:
    titles: tuple[Title, ...]
    views: dict[str, frozenset[str]]  # plain views
    by_office: dict[str, tuple[str, ...]]  # office id -> written forms
    by_noun: dict[str, frozenset[str]]  # description noun -> written forms


def _strings(rule: dict, key: str, where: dict, allow_empty: bool = False) -> tuple[str, ...]:
    value = rule.get(key, [])
    well_formed = isinstance(value, list) and all(isinstance(w, str) and w for w in value)
    if not well_formed or (not value and not allow_empty):
        raise RuleFileError(f"'{rule['id']}': '{key}' must be a list of non-empty strings", **where)
    return tuple(value)


def _title(rule: dict, where: dict) -> Title:
    if rule["category"] not in CATEGORIES:
        raise RuleFileError(f"title '{rule['id']}' has an unknown category {rule['category']!r} "
                            f"(expected one of {', '.join(CATEGORIES)})", **where)
    forms = {k: _strings(rule, k, where, allow_empty=True) for k in ("words", "abbreviations", "plurals", "phrases")}
    if not any(forms.values()):
        raise RuleFileError(f"title '{rule['id']}' has no written form", **where)
    if any(" " in w for w in forms["words"]):
        phrases = ", ".join(w for w in forms["words"] if " " in w)
        raise RuleFileError(f"title '{rule['id']}': 'words' are single words; put {phrases} "
                            f"in 'phrases'", **where)
    office = rule.get("office")
    if office is not None and not (isinstance(office, str) and office):
        raise RuleFileError(f"title '{rule['id']}': 'office' must be an office id", **where)
    return Title(rule["id"], rule["category"], office=office, **forms)


def _kinds_and_case(rule: dict, where: dict) -> tuple[tuple[str, ...], str]:
    kinds = _strings(rule, "forms", where)
    unknown = sorted(set(kinds) - set(FORM_KINDS))
    if unknown:
        raise RuleFileError(f"view '{rule['id']}' has unknown form kind(s) {', '.join(unknown)} "
                            f"(expected {', '.join(FORM_KINDS)})", **where)
    if rule["case"] not in CASES:
        raise RuleFileError(f"view '{rule['id']}': 'case' must be one of {', '.join(CASES)}", **where)
    return kinds, rule["case"]


def _forms(titles: Iterable[Title], kinds: Iterable[str], case: str) -> list[str]:
    """The titles' written forms of these kinds, in order, lower-cased if asked."""
    cased = str.lower if case == "lower" else str
    return [cased(f) for t in titles for k in kinds for f in t.forms(k)]


def _patched(base: frozenset[str], rule: dict, where: dict) -> frozenset[str]:
    """The base with the view's explicit exceptions; stale or redundant ones are errors."""
    include = set(_strings(rule, "include", where)) if "include" in rule else set()
    exclude = set(_strings(rule, "exclude", where)) if "exclude" in rule else set()
    if include & base:
        raise RuleFileError(f"view '{rule['id']}' includes words it has already: {', '.join(sorted(include & base))}",
                            **where)
    if exclude - base:
        raise RuleFileError(f"view '{rule['id']}' excludes words it does not have: {', '.join(sorted(exclude - base))}",
                            **where)
    return frozenset((base - exclude) | include)


def parse_titles(path: Path = TITLES_FILE) -> Lexicon:
    """The lexicon and its views; RuleFileError naming the file and line on a bad rule."""
    titles: list[Title] = []
    views: dict[str, frozenset[str]] = {}
    by_office: dict[str, tuple[str, ...]] = {}
    by_noun: dict[str, frozenset[str]] = {}
    for line, rule in read_rules(path, kinds=KINDS):
        where: dict[str, Any] = {"path": str(path), "line": line}
        if rule["kind"] == "title":
            if views or by_office or by_noun:
                raise RuleFileError(f"title '{rule['id']}' comes after a view: views follow every title", **where)
            titles.append(_title(rule, where))
            continue
        name = rule["id"].removeprefix("view.")
        if "view_of" in rule:
            base = str(rule["view_of"]).removeprefix("view.")
            if base not in views:
                raise RuleFileError(f"view '{rule['id']}' is a view of '{rule['view_of']}', which is no view above it",
                                    **where)
            views[name] = _patched(views[base], rule, where)
            continue
        categories = (_strings(rule, "categories", where, allow_empty=True) if "categories" in rule
                      else tuple(CATEGORIES))
        unknown = sorted(set(categories) - set(CATEGORIES))
        if unknown:
            raise RuleFileError(f"view '{rule['id']}' names unknown categories: {', '.join(unknown)}", **where)
        known = {t.id for t in titles}
        added = set(_strings(rule, "titles", where)) if "titles" in rule else set()
        dropped = set(_strings(rule, "except_titles", where)) if "except_titles" in rule else set()
        strangers = sorted((added | dropped) - known)
        if strangers:
            raise RuleFileError(f"view '{rule['id']}' names unknown titles: {', '.join(strangers)}", **where)
        pointless = sorted({t.id for t in titles if t.id in added and t.category in categories}
                           | {t.id for t in titles if t.id in dropped and t.category not in categories})
        if pointless:
            raise RuleFileError(f"view '{rule['id']}': {', '.join(pointless)} already in (or out of) its categories",
                                **where)
        chosen = [t for t in titles if (t.category in categories or t.id in added) and t.id not in dropped]
        kinds, case = _kinds_and_case(rule, where)
        by = rule.get("by")
        if by is None:
            views[name] = _patched(frozenset(_forms(chosen, kinds, case)), rule, where)
        elif by == "office":  # every office's forms, in the lexicon's order
            offices = dict.fromkeys(t.office for t in chosen if t.office)
            forms = {o: list(dict.fromkeys(_forms([t for t in chosen if t.office == o], kinds, case))) for o in offices}
            kept = _patched(frozenset(f for fs in forms.values() for f in fs), rule, where)
            by_office.update({o: tuple(f for f in fs if f in kept) for o, fs in forms.items()})
        elif by == "noun":  # the word the noun is, and the other forms of its titles
            for noun in _strings(rule, "nouns", where):
                named = [t for t in chosen if noun in (w.lower() for w in t.words)]
                if not named:
                    raise RuleFileError(f"view '{rule['id']}': no title is written '{noun}'", **where)
                noun_forms = {w for t in named for w in t.words if w.lower() == noun}
                noun_forms.update(_forms(named, [k for k in kinds if k != "words"], case))
                by_noun[noun] = frozenset(noun_forms)
            every = frozenset(f for fs in by_noun.values() for f in fs)
            kept = _patched(every, rule, where)
            by_noun.update({n: fs & kept for n, fs in by_noun.items()})
        else:
            raise RuleFileError(f"view '{rule['id']}': 'by' must be 'office' or 'noun'", **where)
    return Lexicon(tuple(titles), views, by_office, by_noun)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The packaged titles lexicon, parsed once per process."""
    return parse_titles()


def view(name: str) -> frozenset[str]:
    """A named view of the lexicon ('before_names', 'personal', 'poll_titles', ...)."""
    try:
        return lexicon().views[name]
    except KeyError:
        raise RuleFileError(f"the titles lexicon has no view '{name}'", path=str(TITLES_FILE)) from None


def lazy_view(name: str) -> LazyWords:
    """A named view, read on first use (for module-level names)."""
    return LazyWords(lambda: view(name))


def office_titles(office: str) -> tuple[str, ...]:
    """The written titles that say who holds an office now ('Sen.', 'U.S. Senator' for office.us_senate)."""
    return lexicon().by_office.get(office, ())


def description_titles(noun: str) -> frozenset[str]:
    """The titles before a name that a description noun stands for ('senator' -> 'Sen.', 'Senator')."""
    return lexicon().by_noun.get(noun, frozenset())
