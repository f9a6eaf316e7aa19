"""A learned stage for stances the stage cues leave open.

Logistic regression over hashed features of the article and the stance: the
article's words, its title's words, the evidence sentence's words, the stance,
the published month against the election-year parity. Trained on the train corpus
gold by ``python -m endorsetrack.train.stage`` (weights in data/stage_model.npz);
inference is numpy only. Pure: article text/title/published and the fact in,
a stage out.
"""
from __future__ import annotations

import re
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Optional

import numpy as np

from .stage import article_stage, municipal, nonpartisan_runoff, partisan, presidential_story

#: Size of the hashed feature space. 2**13 buckets: doc-grouped 5-fold CV on train
#: scored the same at 2**13 and 2**15 and lower at 2**11 (docs/stage-model.md).
FEATURE_BUCKETS = 2 ** 13
#: Classes in weight-row order; "none" is the null stage.
STAGE_CLASSES = ("primary", "general", "none")
#: A stage only when the model is this sure, else the election calendar (season_stage).
#: Doc-grouped 5-fold CV on train (docs/stage-model.md): at 0.7 the stages given are right
#: 0.89 of the time (0.85 at 0.6). With the calendar behind it, 0.7 scored best of 0.4-0.9
#: in the extractor: cross-fitted train strict 0.618/0.624/0.636/0.635/0.633/0.619 for
#: 0.4/0.5/0.6/0.7/0.8/0.9, dev 0.866 below 0.7 and 0.882 from it, val best at 0.7.
MIN_PROBABILITY = 0.7
MODEL_PATH = Path(__file__).parent / "data" / "stage_model.npz"
WORD_RE = re.compile(r"[a-z][a-z'-]+")
YEAR_RE = re.compile(r"^(\d{4})-(\d{2})")


def stage_features(text: str, title: Optional[str], published: Optional[str],
                   evidence: str, stance: str) -> dict[str, float]:
    """Named features of one stance; every name is hashed into FEATURE_BUCKETS."""
    return {**_article_features(text, title, published), **_stance_features(evidence, stance)}


def _article_features(text: str, title: Optional[str], published: Optional[str]) -> dict[str, float]:
    """The features every stance of one article shares: its words, its title's, its date."""
    feats: dict[str, float] = {"bias": 1.0}
    for w in set(WORD_RE.findall(text.lower())):
        feats[f"a:{w}"] = 1.0
    for w in set(WORD_RE.findall((title or "").lower())):
        feats[f"t:{w}"] = 1.0
    m = YEAR_RE.match(published or "")
    if m:
        year, month = int(m.group(1)), int(m.group(2))
        parity = "even" if year % 2 == 0 else "odd"
        feats[f"month:{month}"] = 1.0
        feats[f"parity:{parity}"] = 1.0
        feats[f"parity_half:{parity}:{'late' if month >= 7 else 'early'}"] = 1.0
        feats[f"cycle4:{year % 4}"] = 1.0
    else:
        feats["month:none"] = 1.0
    return feats


def _stance_features(evidence: str, stance: str) -> dict[str, float]:
    """The features of one stance: its evidence's words and its stance. What the stage cues
    say is no feature: the model only speaks where they are silent, and a cue feature would
    change meaning with every cue edit, so that retraining would no longer give the shipped
    weights (docs/stage-model.md)."""
    feats: dict[str, float] = {f"stance:{stance}": 1.0}
    for w in set(WORD_RE.findall(evidence.lower())):
        feats[f"e:{w}"] = 1.0
    return feats


def hashed(feats: dict[str, float], buckets: int = FEATURE_BUCKETS) -> dict[int, float]:
    """Named features folded into ``buckets`` columns by a stable hash (crc32), values summed."""
    out: dict[int, float] = {}
    for name, value in feats.items():
        bucket = zlib.crc32(name.encode("utf-8")) % buckets
        out[bucket] = out.get(bucket, 0.0) + value
    return out


@lru_cache(maxsize=1)
def _weights() -> tuple[np.ndarray, np.ndarray]:
    data = np.load(MODEL_PATH)
    return data["coef"].astype(np.float64), data["intercept"].astype(np.float64)


def stage_probabilities(text: str, title: Optional[str], published: Optional[str],
                        evidence: str, stance: str) -> dict[str, float]:
    coef, intercept = _weights()
    scores = intercept + _article_scores(text, title, published)
    for bucket, value in hashed(_stance_features(evidence, stance)).items():
        scores += coef[:, bucket] * value
    scores -= scores.max()
    probs = np.exp(scores) / np.exp(scores).sum()
    return dict(zip(STAGE_CLASSES, (float(p) for p in probs)))


@lru_cache(maxsize=8)
def _article_scores(text: str, title: Optional[str], published: Optional[str]) -> np.ndarray:
    """The article's share of every stance's scores, summed once per article (the model is
    linear, so the article's features add the same to each of its stances)."""
    coef, _ = _weights()
    scores = np.zeros(coef.shape[0])
    for bucket, value in hashed(_article_features(text, title, published)).items():
        scores += coef[:, bucket] * value
    return scores


#: Months of an even (federal) election year whose stances, when nothing else says, are for
#: the nomination (most state primaries and the presidential caucuses still ahead) or for
#: November (every nomination decided). Calibrated on train gold stances that no cue and no
#: article default stage: January-February 50 primary / 5 null / 0 general; September-November
#: 84 general / 2 null / 0 primary once party-leadership stories take their own cue.
NOMINATING_MONTHS = (1, 2)
GENERAL_MONTHS = (9, 10, 11)


def season_stage(published: Optional[str]) -> Optional[str]:
    """The stage the published date alone implies in an even year, else None."""
    m = YEAR_RE.match(published or "")
    if not m or int(m.group(1)) % 2:
        return None
    month = int(m.group(2))
    return "primary" if month in NOMINATING_MONTHS else "general" if month in GENERAL_MONTHS else None


def year_before_presidential(text: str, published: Optional[str], presidential: Optional[bool] = None) -> bool:
    """Whether a presidential story (``presidential``: the article's dominant office is the
    presidency; worked out from the text when not given) is published in the year before a
    presidential election, when only the nomination race is run (the conventions and November
    are a year off). Train gold stances of such stories: 30 primary, 3 null, 0 general."""
    m = YEAR_RE.match(published or "")
    if not (m and int(m.group(1)) % 4 == 3):
        return False
    return presidential_story(text) if presidential is None else presidential


def story_stage(text: str, published: Optional[str], presidential: Optional[bool] = None) -> Optional[str]:
    """The article's default stage (stage.article_stage) read against the calendar: a
    presidential story published in September-November of a presidential election year comes
    after the party conventions, so a nomination contest it names ("ahead of the caucuses in
    January", "brushing aside his primary challenger") is over and its stances are general.
    Train: the two such stories that article_stage read as primary have 2 general stances that
    took primary; no train story of that season and kind has a primary stance without a cue.
    ``presidential``: the article's dominant office is the presidency (worked out from the text
    when not given); a presidential word alone ("the presidential library") does not make a
    state race's story presidential."""
    if presidential is None:
        presidential = presidential_story(text)
    default = article_stage(text, presidential)
    m = YEAR_RE.match(published or "")
    if default == "primary" and presidential and m and int(m.group(1)) % 4 == 0 and int(m.group(2)) in GENERAL_MONTHS:
        return "general"
    return default


def measure_stage(stage: Optional[str], published: Optional[str]) -> Optional[str]:
    """Stage of a stance on a ballot measure. A measure is put to voters, never to a nominating
    contest, so a story's primary context does not reach it; one voted on in November is
    general (GUIDELINES). Published in GENERAL_MONTHS (September-November) of any year, or
    undated, it is general; published in any other month (December through August) the vote is
    a spring or primary ballot's, one already held, or too far off to tell, and the stage stays
    open. Calibrated on train gold measure stances: published February, March, May 10 null /
    0 general, April 0 null / 1 general; October-November 0 null / 28 general; undated 5 null /
    0 general on train but 4 general on dev, so an undated measure keeps general. Train and dev
    have no measure stance published in December, January or June-August: those months stay
    open by the rule, untested by the gold."""
    if stage == "general":
        return stage
    m = YEAR_RE.match(published or "")
    if m and int(m.group(2)) not in GENERAL_MONTHS:
        return None
    return "general"


def predicted_stage(text: str, title: Optional[str], published: Optional[str],
                    evidence: str, stance: str, presidential: Optional[bool] = None) -> Optional[str]:
    probs = stage_probabilities(text, title, published, evidence, stance)
    best = max(probs, key=lambda k: probs[k])
    if best == "none" or probs[best] < MIN_PROBABILITY or best == "primary" and nonpartisan_runoff(text):
        # unsure, or a nomination contest in a city runoff: the election calendar. Its primary
        # season is that of party races only; its fall is general in any story but a city or
        # school race's (whose vote need not fall in November: probe2 p15 null). Cross-fitted
        # train strict 0.698 -> 0.702 with the fall for stories without a party word.
        if year_before_presidential(text, published, presidential):
            return "primary"
        season = season_stage(published)
        return season if partisan(text) or season == "general" and not municipal(text) else None
    return best
