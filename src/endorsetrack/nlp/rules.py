"""The rule files packaged in nlp/patterns/, loaded once per process (ruledata.load_rules)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..ruledata import load_rules

PATTERN_DIR = Path(__file__).parent / "patterns"


@lru_cache(maxsize=None)
def packaged_rules(name: str, required: tuple[str, ...] = (), allowed: "tuple[str, ...] | None" = None) -> tuple[dict, ...]:
    """Rules shipped in nlp/patterns/<name>.jsonl, loaded once per process."""
    return load_rules(PATTERN_DIR / f"{name}.jsonl", required, allowed)
