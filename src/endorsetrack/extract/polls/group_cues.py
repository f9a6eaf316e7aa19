"""A subgroup's preference as the cue of a matchup.

"Democrats back Jones 88-6", "men go for Smith 54 percent to 35 percent": a plural group
noun as the subject of a preference verb (the support_cue rule) says that a subgroup's
figures follow, as "leads" or "trails" does for the whole sample. It lets a sentence with
no poll word carry the last poll's matchup, and lets a unit-less pair ("88-6") be read.
Also here: quoted speech, whose unnamed poll words do not start a poll.
"""
from __future__ import annotations

from .rules import PollRules


def group_prefers(tokens, rules: PollRules) -> bool:
    """Does a preference verb in ``tokens`` have a plural common-noun or group subject?"""
    return any(rules.has("support_cue", t.lemma_) and any(
        c.dep_ == "nsubj" and c.tag_ in ("NNS", "NNPS") for c in t.children) for t in tokens)


_QUOTES = ('"', "“", "”")


def in_quote(unit, char_pos: int) -> bool:
    """Is ``char_pos`` inside quoted speech in this sentence? An unnamed poll in a quote
    ("There is only one poll that matters," said ...) is a saying, not a new poll, so it
    does not take over from the poll being reported."""
    before = unit.text[:max(0, char_pos - unit.start_char)]
    return sum(before.count(q) for q in _QUOTES) % 2 == 1
