"""Versioned rule files (JSON Lines), loaded with key checks: shared by every stage.

Every rule is one JSON object per line with at least an ``id`` (a non-empty string,
unique in its file) and a ``version`` (positive int); blank lines and ``//`` comments
are skipped. A rule may carry only the keys its loader names (required or allowed)
and the documentation keys ``note`` and ``description``: a misspelt key is an error,
not a silently ignored rule field. A malformed file is an installation problem,
reported as RuleFileError naming the file, the line and the key, never a silent skip.
Facts record the (id, version) of their rule. Lives beside types and errors because
normalize, nlp, extract and resolve all read rule files and none may import from a
stage to its right. ``LazyWords``, ``LazyMap`` and ``LazyPattern`` let a module name
a vocabulary at import time and read its file on first use.
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping as AbstractMapping, Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Optional

from .errors import RuleFileError

# Keys any rule may carry to explain itself; no loader reads them.
DOCUMENTATION_KEYS = ("note", "description")


@dataclass(frozen=True)
class RuleSchema:
    """The keys of one rule file: those every rule needs, those it may carry, and,
    for files whose rules have a ``kind``, the further keys each kind may carry."""

    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    kinds: Optional[Mapping[str, tuple[str, ...]]] = field(default=None, compare=False)


def read_rules(path: Path, required: Iterable[str] = (), allowed: Optional[Iterable[str]] = (),
               kinds: Optional[Mapping[str, Iterable[str]]] = None) -> tuple[tuple[int, dict], ...]:
    """(line number, rule) for every rule of a JSONL rule file, its ids, versions and keys checked.

    ``required``: keys every rule needs besides id and version; ``allowed``: keys a
    rule may carry besides those; ``kinds``: when given, every rule needs a ``kind``
    that is one of its keys, and may carry the keys listed for that kind too.
    """
    required = ("id", "version", *required) + (("kind",) if kinds is not None and "kind" not in required else ())
    common = set(required) | set(allowed or ()) | set(DOCUMENTATION_KEYS)
    per_kind = None if kinds is None else {kind: common | set(keys) for kind, keys in kinds.items()}
    rules: list[tuple[int, dict]] = []
    seen: dict[str, int] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise RuleFileError(f"cannot read rule file: {exc.strerror}", path=str(path)) from exc
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            rule = json.loads(line)
        except json.JSONDecodeError as exc:
            raise RuleFileError(f"not JSON: {exc.msg}", path=str(path), line=n) from exc
        if not isinstance(rule, dict):
            raise RuleFileError("a rule must be a JSON object", path=str(path), line=n)
        missing = [k for k in required if k not in rule]
        if missing:
            raise RuleFileError(f"rule is missing key(s): {', '.join(missing)}", path=str(path), line=n)
        if not isinstance(rule["id"], str) or not rule["id"]:
            raise RuleFileError("rule 'id' must be a non-empty string", path=str(path), line=n)
        allowed_here = common
        if per_kind is not None:
            if rule["kind"] not in per_kind:
                raise RuleFileError(f"rule '{rule['id']}' has an unknown kind {rule['kind']!r} "
                                    f"(expected one of {', '.join(sorted(per_kind))})", path=str(path), line=n)
            allowed_here = per_kind[rule["kind"]]
        unknown = sorted(set(rule) - allowed_here)
        if unknown:
            raise RuleFileError(f"rule '{rule['id']}' has unknown key(s): {', '.join(unknown)}",
                                path=str(path), line=n)
        if not isinstance(rule["version"], int) or isinstance(rule["version"], bool) or rule["version"] < 1:
            raise RuleFileError("rule 'version' must be a positive integer", path=str(path), line=n)
        if rule["id"] in seen:
            raise RuleFileError(f"duplicate rule id '{rule['id']}' (first on line {seen[rule['id']]})",
                                path=str(path), line=n)
        seen[rule["id"]] = n
        rules.append((n, rule))
    return tuple(rules)


def load_rules(path: Path, required: Iterable[str] = (), allowed: Optional[Iterable[str]] = (),
               kinds: Optional[Mapping[str, Iterable[str]]] = None) -> tuple[dict, ...]:
    """The rules of a JSONL rule file, checked as ``read_rules`` checks them."""
    return tuple(rule for _, rule in read_rules(path, required, allowed, kinds))


def load_with_schema(path: Path, schema: RuleSchema, required: Iterable[str] = (),
                     allowed: Iterable[str] = ()) -> tuple[dict, ...]:
    """The rules of a file whose keys a RuleSchema declares (plus a caller's own needs)."""
    return load_rules(path, (*schema.required, *required), (*schema.optional, *allowed), schema.kinds)


class LazyWords(AbstractSet):
    """A set of words read from rule data on first use, not when its module is imported,
    so that a bad rule file is reported where errors are handled (the CLI's exit code 3)."""

    __slots__ = ("_load", "_words")

    def __init__(self, load: Callable[[], frozenset[str]]):
        self._load = load
        self._words: Optional[frozenset[str]] = None

    def _get(self) -> frozenset[str]:
        if self._words is None:
            self._words = self._load()
        return self._words

    def __contains__(self, word: object) -> bool:
        return word in self._get()

    def __iter__(self) -> Iterator[str]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())

    @classmethod
    def _from_iterable(cls, items: Iterable[Any]) -> frozenset[Any]:
        return frozenset(items)  # a union or difference with another set is a plain frozenset

    def __repr__(self) -> str:
        return f"LazyWords({sorted(self._get())!r})"


class LazyMap(AbstractMapping):
    """A mapping read from rule data on first use (see LazyWords)."""

    __slots__ = ("_load", "_map")

    def __init__(self, load: Callable[[], Mapping]):
        self._load = load
        self._map: Optional[Mapping] = None

    def _get(self) -> Mapping:
        if self._map is None:
            self._map = self._load()
        return self._map

    def __getitem__(self, key):
        return self._get()[key]

    def __iter__(self) -> Iterator:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())


class LazyPattern:
    """A regular expression built from rule data on first use (see LazyWords); it answers
    what a compiled pattern answers (search, match, finditer, sub, pattern, ...)."""

    __slots__ = ("_build", "_compiled")

    def __init__(self, build: Callable[[], re.Pattern]):
        self._build = build
        self._compiled: Optional[re.Pattern] = None

    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = self._build()
        return self._compiled

    def __getattr__(self, name: str):
        return getattr(self.compiled(), name)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first ('Prop\\.|Prop')."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
