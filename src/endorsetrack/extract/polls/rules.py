"""Load the poll extractor's rule data (nlp/patterns/polls.jsonl, poll_pollsters.jsonl).

Cue words and the pollster gazetteer are data, not code, so they can be tuned and
versioned without touching the extractor. Every line is checked for its keys (the
schemas of nlp/rules.py); a bad line raises ``RuleFileError`` naming the file and line,
never a KeyError deep inside.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Optional, Union

from ...errors import RuleFileError
from ...nlp.rules import SCHEMAS
from ...normalize import titles
from ...ruledata import RuleSchema, read_rules
from ...types import RuleRef

PATTERNS_DIR = Path(__file__).resolve().parents[2] / "nlp" / "patterns"
POLL_RULES_FILE = PATTERNS_DIR / "polls.jsonl"
POLLSTERS_FILE = PATTERNS_DIR / "poll_pollsters.jsonl"

# Kinds of cue lists the extractor reads; each needs a non-empty "terms" list.
TERM_KINDS = frozenset({
    "poll_word", "mention_noun", "anaphor_det", "mention_modifier", "conducted_by",
    "sponsored_by", "finding_verb", "release_verb", "field_verb", "lead_cue", "trail_cue",
    "tie_cue", "distributive_cue", "partner_prep", "support_cue", "non_candidate_role",
    "attitude_cue", "exclude_after", "exclude_before", "election_cue", "election_weak_cue",
    "margin_prep", "margin_noun", "modal",
    "reporting_verb", "whole_sample", "subgroup_marker",
    "org_suffix", "age_word", "not_person_word",
    "absent_prep", "area_subgroup", "generic_pollster_noun", "earlier_modifier",
    "pollster_descriptor", "ranking_cue", "place_cue", "season_word", "group_back_ref", "compass_word", "fieldwork_verb",
    "scope_word", "group_noun", "group_verb", "other_poll_modifier",
    "pollster_role_noun", "consideration_cue", "view_question", "firm_tail",
})
# Kinds whose words are views of the titles lexicon (normalize/data/titles.jsonl).
TITLE_KINDS = {"title": "poll_titles", "person_title": "poll_person_titles"}
FRAME_KIND = "frame"
# A pollster whose one-word name ends in "poll" ("Acmepoll", "MetroPoll"): a capitalised stem
# of three letters or more glued to "poll"; a bare "Poll" or "Polls" is no name.
POLL_COMPOUND_WORD = re.compile(r"(?<![\w])[A-Z][A-Za-z]{2,}[Pp]oll(?![\w])")
FRAMES = ("pair", "single", "share_first", "distributive", "series")


class MergedPattern:
    """Word-bounded name alternations read as one: the leftmost match, and at one position the
    longest, as a single longest-first alternation of all their names would give. The article's
    own pollster names (polls/learned.py) join the gazetteer's this way, so the gazetteer's long
    alternation is compiled once per process, not once per article (~35 ms each)."""

    def __init__(self, *patterns: re.Pattern) -> None:
        self.patterns = patterns

    def finditer(self, text: str) -> Iterator[re.Match]:
        found = sorted((m for p in self.patterns for m in p.finditer(text)), key=lambda m: (m.start(), m.start() - m.end()))
        end = -1
        for m in found:
            if m.start() >= end:
                end = m.end()
                yield m

    def search(self, text: str) -> Optional[re.Match]:
        return next(self.finditer(text), None)

    def match(self, text: str) -> Optional[re.Match]:
        found = [m for p in self.patterns if (m := p.match(text))]
        return max(found, key=lambda m: m.end()) if found else None

    def fullmatch(self, text: str) -> Optional[re.Match]:
        return next((m for p in self.patterns if (m := p.fullmatch(text))), None)


PollsterPattern = Union[re.Pattern, MergedPattern]


def name_alternation(forms: set[str]) -> re.Pattern:
    """Every form, longest first, case-sensitive and word-bounded."""
    body = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) or r"(?!x)x"
    return re.compile(r"(?<![\w])(?:" + body + r")(?![\w])")


@dataclass(frozen=True)
class Pollster:
    """A well-known pollster from the gazetteer: canonical name and the forms it goes by."""

    id: str
    version: int
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class PollRules:
    terms: dict[str, frozenset[str]]
    frames: dict[str, RuleRef]
    pollsters: tuple[Pollster, ...] = ()
    #: names the article itself establishes as pollsters (polls/learned.py), also in ``pollsters``
    article_pollsters: tuple[Pollster, ...] = ()
    _regex_cache: dict = field(default_factory=dict, compare=False, repr=False)

    def has(self, kind: str, word: str) -> bool:
        return word.lower() in self.terms[kind]

    def regex(self, kind: str) -> re.Pattern:
        """A word-bounded, case-insensitive alternation over one kind's terms."""
        if kind not in self._regex_cache:
            alts = sorted((re.escape(t) for t in self.terms[kind]), key=len, reverse=True)
            self._regex_cache[kind] = re.compile(r"(?<![\w])(?:" + "|".join(alts) + r")(?![\w])", re.I)
        return self._regex_cache[kind]

    def pollster_regex(self) -> PollsterPattern:
        """Every gazetteer name and alias (and the article's own pollster names), longest first,
        case-sensitive and word-bounded."""
        if "<pollsters>" not in self._regex_cache:
            own = set(self.article_pollsters)
            base = name_alternation({f for p in self.pollsters if p not in own for f in (p.name,) + p.aliases})
            self._regex_cache["<pollsters>"] = base
        if not self.article_pollsters:
            return self._regex_cache["<pollsters>"]
        if "<article pollsters>" not in self._regex_cache:
            extra = name_alternation({f for p in self.article_pollsters for f in (p.name,) + p.aliases})
            self._regex_cache["<article pollsters>"] = MergedPattern(extra, self._regex_cache["<pollsters>"])
        return self._regex_cache["<article pollsters>"]

    def speaks_of_poll(self, text: str) -> bool:
        """Does the text speak of a poll: a poll word, a gazetteer pollster ("Nanos has the
        Liberals at 35%") or a one-word name built on "poll" ("the latest Acmepoll")?"""
        return bool(self.regex("poll_word").search(text) or (self.pollsters and self.pollster_regex().search(text))
                    or POLL_COMPOUND_WORD.search(text))

    def canonical_pollster(self, form: str) -> Optional[str]:
        """The gazetteer's canonical name for a form the text used, if it knows it."""
        low = form.lower()
        for p in self.pollsters:
            if low == p.name.lower() or low in (a.lower() for a in p.aliases):
                return p.name
        return None

    def frame(self, name: str) -> RuleRef:
        return self.frames[name]


def _bad(path: Path, line: int, message: str) -> RuleFileError:
    return RuleFileError(f"bad poll rule: {message}", path=str(path), line=line)


def _read_jsonl(path: Path, schema: RuleSchema) -> tuple[tuple[int, dict], ...]:
    """(line, rule) pairs, ids, versions and keys checked (ruledata.read_rules)."""
    return read_rules(path, schema.required, schema.optional, schema.kinds)


def _string_list(path: Path, n: int, obj: dict, key: str, allow_empty: bool = False) -> list[str]:
    val = obj.get(key)
    if not isinstance(val, list) or (not val and not allow_empty) or \
            not all(isinstance(t, str) and t.strip() for t in val):
        raise _bad(path, n, f"rule {obj['id']!r} needs \"{key}\": a list of non-empty strings")
    return val


def parse_rules(path: Path, pollsters_path: Optional[Path] = None) -> PollRules:
    """Parse and check the rule files; raise RuleFileError on the first bad line."""
    terms: dict[str, set[str]] = {k: set() for k in TERM_KINDS}
    frames: dict[str, RuleRef] = {}
    for n, obj in _read_jsonl(path, SCHEMAS["polls"]):
        kind = obj.get("kind")
        if kind == FRAME_KIND:
            name = obj["id"].rsplit(".", 1)[-1]
            if name not in FRAMES:
                raise _bad(path, n, f"unknown frame {name!r} (expected one of {', '.join(FRAMES)})")
            if not isinstance(obj.get("description"), str):
                raise _bad(path, n, f"frame {obj['id']!r} needs a \"description\"")
            frames[name] = RuleRef(obj["id"], obj["version"])
        elif kind in TERM_KINDS:
            terms[kind].update(t.lower() for t in _string_list(path, n, obj, "terms"))
        else:
            raise _bad(path, n, f"rule {obj['id']!r} has an unknown \"kind\" {kind!r}")
    missing = [k for k in TERM_KINDS if not terms[k]] + [f for f in FRAMES if f not in frames]
    if missing:
        raise RuleFileError(f"the poll rules lack these kinds or frames: {', '.join(sorted(missing))}",
                            path=str(path))
    pollsters: list[Pollster] = []
    if pollsters_path is not None:
        for n, obj in _read_jsonl(pollsters_path, SCHEMAS["poll_pollsters"]):
            name = obj.get("name")
            if not isinstance(name, str) or not name.strip():
                raise _bad(pollsters_path, n, f"pollster {obj['id']!r} needs a \"name\"")
            aliases = _string_list(pollsters_path, n, obj, "aliases", allow_empty=True) \
                if "aliases" in obj else []
            pollsters.append(Pollster(obj["id"], obj["version"], name, tuple(aliases)))
    terms.update({kind: set(titles.view(name)) for kind, name in TITLE_KINDS.items()})
    return PollRules(terms={k: frozenset(v) for k, v in terms.items()}, frames=frames,
                     pollsters=tuple(pollsters))


@lru_cache(maxsize=1)
def get_poll_rules() -> PollRules:
    """The packaged rules, parsed once per process."""
    return parse_rules(POLL_RULES_FILE, POLLSTERS_FILE)
