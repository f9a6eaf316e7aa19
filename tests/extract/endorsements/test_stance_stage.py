"""Stance modifiers (extract/stance.py) and primary/general stage (extract/stage.py).

decide_stance is tested on the trigger token of a parsed sentence; the stage regexes
are pure text functions and need no model; the last section checks stage through
the whole pipeline, including the article-level default.
"""
from __future__ import annotations

from typing import Optional

import pytest
from helpers.extraction import facts_of

from endorsetrack.extract.endorsements.stage import article_stage, stage_in_text
from endorsetrack.extract.endorsements.stance import cues, decide_stance

VEGA, REYES, HWU = "Maria Vega", "Tom Reyes", "Harbor Workers Union"


def gap(reason: str):
    return pytest.mark.xfail(reason=reason, strict=True)


def stance_of(nlp, text: str, trigger: str, base: str = "endorses", generic: bool = False) -> Optional[str]:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == trigger)
    return decide_stance(tok, base, generic)


# ---- decide_stance --------------------------------------------------------------------

@pytest.mark.parametrize("text,trigger,base,generic,expected", [
    ("The union endorsed Maria Vega.", "endorsed", "endorses", False, "endorses"),
    ("The union did not endorse Maria Vega.", "endorse", "endorses", False, "declines"),
    ("The union did not endorse a candidate.", "endorse", "endorses", True, "declines"),
    ("The union declined to endorse a candidate.", "endorse", "endorses", True, "declines"),
    ("The union refused to endorse Maria Vega.", "endorse", "endorses", False, "declines"),
    ("The union has not yet endorsed a candidate.", "endorsed", "endorses", True, "undecided"),
    ("The union is considering endorsing Maria Vega.", "endorsing", "endorses", False, "undecided"),
    ("The union is expected to endorse Maria Vega next week.", "endorse", "endorses", False, "will_endorse"),
    ("The union plans to endorse Maria Vega.", "endorse", "endorses", False, "will_endorse"),
    ("The union will endorse Maria Vega.", "endorse", "endorses", False, "will_endorse"),
    ("The union will continue to support Maria Vega.", "support", "endorses", False, "endorses"),
    ("If the union endorses Maria Vega, others will follow.", "endorses", "endorses", False, None),
    ("The union remains undecided.", "undecided", "undecided", False, "undecided"),
    ("The union did not remain neutral.", "neutral", "declines", False, None),
    ("The union does not oppose Maria Vega.", "oppose", "opposes", False, None),
    pytest.param("The union has yet to endorse a candidate.", "endorse", "endorses", True, "undecided"),
    pytest.param("The union has not decided whether to endorse Maria Vega.", "endorse", "endorses", False,
                 "undecided"),
    pytest.param("The union is weighing whether to endorse Maria Vega.", "endorse", "endorses", False,
                 "undecided"),
])
def test_decide_stance(nlp, text, trigger, base, generic, expected):
    assert stance_of(nlp, text, trigger, base, generic) == expected


def test_stance_cue_groups_are_loaded_from_data():
    groups = cues()
    for name in ("negation", "not_yet", "yet_to", "decision", "future", "expect", "continuing",
                 "condition", "consider", "refuse"):
        assert groups[name], name
    assert "not" in groups["negation"] and "expect" in groups["expect"]


# ---- stage cues in text (no model) ----------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("backed Vega in the primary", "primary"),
    ("ahead of the Democratic primaries", "primary"),
    ("won the most delegates in the Iowa caucuses", "primary"),
    ("for the Democratic nomination", "primary"),
    ("at its state convention", "primary"),
    ("endorsed Vega for the general election", "general"),
    ("is running as an independent", "general"),
    ("in the November election", "general"),
    ("the presumptive nominee", "general"),
    ("the Democratic nominee", "general"),
    ("a primary care clinic", None),
    ("endorsed Vega on Tuesday", None),
])
def test_stage_in_text(text, expected):
    assert stage_in_text(text) == expected


def test_stage_nearest_the_anchor_wins_when_both_are_named():
    text = "in the primary it backed Reyes; for the general election it endorsed Vega"
    assert stage_in_text(text, anchor=text.index("backed")) == "primary"
    assert stage_in_text(text, anchor=text.index("endorsed")) == "general"


@pytest.mark.parametrize("text,expected", [
    ("Maria Vega faces Tom Reyes in the Sept. 12 Democratic primary.", "primary"),
    ("Tom Reyes, a primary challenger to the mayor, opened an office.", "primary"),
    ("Maria Vega won the Democratic primary in August.", "general"),
    ("Tom Reyes lost the primary and is now running as an independent.", "general"),
    ("Maria Vega, the presumptive Democratic nominee, toured the harbor.", "general"),
    ("Maria Vega won the primary. Ahead of the primary, she had raised $2 million.", "general"),
    ("The city council approved the harbor budget.", None),
])
def test_article_stage_default(text, expected):
    assert article_stage(text) == expected


# ---- stage through the pipeline -------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    pytest.param("The Harbor Workers Union endorsed Maria Vega in the Democratic primary.",
                 {(HWU, VEGA, "endorses", "primary")}, id="in-the-primary"),
    pytest.param("The Harbor Workers Union endorsed Maria Vega in the general election.",
                 {(HWU, VEGA, "endorses", "general")}, id="general-election"),
    pytest.param("The Harbor Workers Union endorsed Maria Vega, who is running as an independent.",
                 {(HWU, VEGA, "endorses", "general")}, id="as-an-independent"),
    pytest.param("The Harbor Workers Union endorsed Maria Vega for the November election.",
                 {(HWU, VEGA, "endorses", "general")}, id="november"),
    pytest.param("The Harbor Workers Union endorsed Maria Vega for mayor in the caucuses.",
                 {(HWU, VEGA, "endorses", "primary")}, id="caucuses"),
    pytest.param("The Harbor Workers Union backed Tom Reyes in the primary but endorsed Maria Vega for the "
                 "general election.",
                 {(HWU, REYES, "endorses", "primary"), (HWU, VEGA, "endorses", "general")}, id="both-stages"),
    pytest.param("The Harbor Workers Union endorsed Maria Vega for mayor on Tuesday.",
                 {(HWU, VEGA, "endorses", None)}, id="no-stage-cue"),
    pytest.param("Maria Vega faces Tom Reyes in the Sept. 12 Democratic primary.\n\n"
                 "The Harbor Workers Union endorsed Vega on Tuesday, and the Riverside Gazette endorsed Reyes.",
                 {(HWU, VEGA, "endorses", "primary"), ("Riverside Gazette", REYES, "endorses", "primary")},
                 id="default-primary-upcoming"),
    pytest.param("Maria Vega won the Democratic primary in August and now faces Republican Tom Reyes.\n\n"
                 "The Harbor Workers Union endorsed Vega on Tuesday.",
                 {(HWU, VEGA, "endorses", "general")}, id="default-primary-won"),
    pytest.param("Tom Reyes lost the primary to Maria Vega and is now running as an independent.\n\n"
                 "The Harbor Workers Union endorsed Reyes on Tuesday.",
                 {(HWU, REYES, "endorses", "general")}, id="default-independent-after-primary"),
])
def test_stage_of_facts(nlp, text, expected):
    assert facts_of(nlp, text) == expected


def test_stage_of_a_relative_clause_is_not_the_main_clause_stage(nlp):
    found = facts_of(nlp, "The Harbor Workers Union, which backed Tom Reyes in the primary, endorsed "
                          "Maria Vega on Tuesday.")
    assert (HWU, REYES, "endorses", "primary") in found
    vega = [f for f in found if f[1] == VEGA]
    assert vega and all(stage != "primary" for *_, stage in vega), found
