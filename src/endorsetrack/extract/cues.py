"""The cheap scan: does a text hold any endorsement or poll cue worth a full parse?

Most news holds neither; a regex over the raw text decides before spaCy runs.
The cue words are a superset of the trigger lemmas in nlp/patterns/, so a text
the scan rejects cannot yield a fact.
"""
from __future__ import annotations

import re

CUE_RE = re.compile(
    r"endors|back(?:s|ed|ing|er)\b|support|nod\b|blessing|rescind|withdr[ae]w|"
    r"oppos|against|neutral|abstain|sit(?:s|ting)? out|stay(?:s|ed|ing)? out|"
    r"undecided|\bpoll|survey|percent|per cent|%|\bpct\b|\byes\b|\bno\b on|vote (?:for|against)|"
    r"throw\w* (?:\w+ )?(?:weight|support)|recommend|urge|stand(?:s|ing)? with|stood with|"
    r"sided with|rally|rallied|lined? up behind|weigh(?:ed|s)? in|campaign(?:ed|s|ing)? for",
    re.I,
)


def has_cues(text: str) -> bool:
    return CUE_RE.search(text) is not None
