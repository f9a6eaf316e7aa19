"""When a predicted name counts as a gold name: the matching rules of eval/score.py.

These are a line-for-line port of ``norm``, ``names_of``, ``name_matches`` and
``population_matches`` in ``shared/eval/score.py`` (GUIDELINES.md, "Scoring"). The
figures the project reports must equal the official scorer's, so the rules keep
its behaviour exactly, including the odd corners listed in ``evaluate.scoring``.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any, Optional

#: Predicted populations that count as "the whole sample" when gold says ``null``.
WHOLE_SAMPLE_POPULATIONS = (None, "", "all", "all voters", "overall", "registered voters",
                            "likely voters")

#: Shortest name (in tokens) that may match by the token-subset rule; one shared
#: token ("Local") is too weak to call two names the same. Fixed by score.py.
MIN_SUBSET_TOKENS = 2


def normalise(name: Any) -> Optional[str]:
    """Case, accents and punctuation folded; a leading "the" and trailing "union" dropped.

    A dict stands for an entity and contributes its "name"; any other non-None value is
    turned into text with ``str()`` (score.py does the same, so a number is a name).
    """
    if name is None:
        return None
    if isinstance(name, dict):
        name = name.get("name")
        if name is None:
            return None
    s = unicodedata.normalize("NFKD", str(name))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("&", " and ").replace("\u2019", "'")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^a-z0-9]+", " ", s).strip()
    s = re.sub(r"^the ", "", s)
    s = re.sub(r" union$", "", s)
    return s


def names_of(entity: Any) -> Optional[set]:
    """All normalised names of a gold entity ({"name", "aliases"}), or None for no entity.

    A plain string gives a one-element set, even when it normalises to "" (score.py
    discards empty names only for dict entities).
    """
    if entity is None:
        return None
    if isinstance(entity, str):
        return {normalise(entity)}
    out = {normalise(entity.get("name"))}
    out.update(normalise(a) for a in entity.get("aliases", []))
    out.discard(None)
    out.discard("")
    return out


def _numbers(tokens: list[str]) -> set[str]:
    return {t for t in tokens if t.isdigit()}


def name_matches(pred: Any, gold_names: Optional[set]) -> bool:
    """True when a predicted name is the gold name, one of its aliases, or a token subset.

    The subset rule: every token of the shorter name (at least two tokens) appears in
    the longer one, and both carry the same numbers ("Carpenters Local" is not
    "Carpenters Local 43"). No gold entity (None or no names) matches only an empty
    prediction.
    """
    p = normalise(pred)
    if not gold_names:
        return p in (None, "")
    if not p:
        return False
    if p in gold_names:
        return True
    pt = p.split()
    for g in gold_names:
        gt = g.split()
        if _numbers(pt) != _numbers(gt):
            continue
        short, long_ = (pt, gt) if len(pt) <= len(gt) else (gt, pt)
        if len(short) >= MIN_SUBSET_TOKENS and all(t in long_ for t in short):
            return True
    return False


def population_matches(pred: Any, gold: Any) -> bool:
    """A poll population: gold ``null`` accepts the whole-sample words; a named gold
    subgroup accepts a matching name or any prediction that contains one of its names
    as a substring ("registered Democrats" contains "democrats")."""
    if gold is None:
        return normalise(pred) in WHOLE_SAMPLE_POPULATIONS
    return name_matches(pred, names_of(gold)) or any(
        g in (normalise(pred) or "") for g in names_of(gold) or ())
