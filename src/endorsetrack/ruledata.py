"""Versioned rule files (JSON Lines), loaded with key checks: shared by every stage.

Every rule is one JSON object per line with at least an ``id`` (unique in its file)
and a ``version`` (positive int); blank lines and ``//`` comments are skipped. A
malformed file is an installation problem, reported as RuleFileError naming the
file and line, never a silent skip. Facts record the (id, version) of their rule.
Lives beside types and errors because normalize, nlp, extract and catalog all read
rule files and none may import from a stage to its right.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from .errors import RuleFileError


def load_rules(path: Path, required: Iterable[str] = (), allowed: Iterable[str] | None = None) -> tuple[dict, ...]:
    """Read a JSONL rule file; check ids, versions and keys. Blank lines and // comments are skipped."""
    required = ("id", "version", *required)
    allowed_set = None if allowed is None else set(allowed) | set(required)
    rules, seen = [], {}
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
        if allowed_set is not None:
            unknown = sorted(set(rule) - allowed_set)
            if unknown:
                raise RuleFileError(f"rule has unknown key(s): {', '.join(unknown)}", path=str(path), line=n)
        if not isinstance(rule["version"], int) or isinstance(rule["version"], bool) or rule["version"] < 1:
            raise RuleFileError("rule 'version' must be a positive integer", path=str(path), line=n)
        if rule["id"] in seen:
            raise RuleFileError(f"duplicate rule id '{rule['id']}' (first on line {seen[rule['id']]})",
                                path=str(path), line=n)
        seen[rule["id"]] = n
        rules.append(rule)
    return tuple(rules)
