"""The second figure of an election-return pair.

"finished first with 38 percent of the vote to Malloy's 31 percent": the first figure
has its election cue, the second sits past the cue window, but the "of the vote" between
them says it is the same return. In a sentence that also names a poll ("The survey found
the race has tightened since the first round, when ..."), the figures after it are still
read, so the pair's second figure needs this link.
"""
from __future__ import annotations

import re

from ...nlp.build import doc_text

_OF_THE_VOTE_TO = re.compile(r"^[^;:]*?\bof the (?:popular |total )?vote\b[^;:]*?\bto\b", re.I)


def returns_partner(doc, prev_end: int, a: int) -> bool:
    """Is the figure at token ``a`` the other side of the return whose figure ended at
    token ``prev_end`` ("... of the vote to Malloy's 31 percent")?"""
    if prev_end >= a:
        return False
    return bool(_OF_THE_VOTE_TO.match(doc_text(doc)[doc[prev_end].idx:doc[a].idx]))
