"""Dating in the resolve stage: the article's window, each fact's date and the race it is filed under.

Pure (no model, no database): hand-made results through ``resolve.date_article``, as the
pipeline runs it after name resolution.
"""
from __future__ import annotations

import json
from typing import Optional

from endorsetrack.resolve import DatingDefaults, date_article
from endorsetrack.types import Article, ArticleResult, Endorsement, Evidence, Poll, PollResult, RuleRef

RACE = "2006 U.S. Senate, Connecticut"
RALLY_AND_VOTE = "The Sept. 3 rally was held in the hall. Members are pledging to vote on Nov. 7."


def stance(endorser: str, candidate: Optional[str], race: Optional[str] = RACE, date: Optional[str] = None,
           start: int = 0) -> Endorsement:
    return Endorsement(endorser, "union", candidate, "endorses", "general", Evidence("q", start, start + 1), 0.9,
                       RuleRef("test.rule", 1), race=race, date=date)


def poll(released: Optional[str], race: Optional[str] = None) -> Poll:
    return Poll("Quinnipiac University", (PollResult("Ned Lamont", 60),), Evidence("p", 5, 6),
                RuleRef("test.poll", 1), released=released, race=race)


def dated(text: str, *ends: Endorsement, published: Optional[str] = None, polls: tuple[Poll, ...] = (),
          defaults: DatingDefaults = DatingDefaults()) -> ArticleResult:
    raw = ArticleResult(article=Article(doc="a.txt", text=text, published=published), endorsements=ends,
                        polls=polls)
    return date_article(raw, defaults)


def test_a_published_article_is_dated_by_its_published_date():
    result = dated("x", stance("IAFF", "Joe Lieberman"), published="2006-08-29T10:00:00Z")
    assert result.published_date == "2006-08-29"
    assert (result.date_window.start, result.date_window.basis) == ("2006-08-29", "published")
    [e] = result.endorsements
    assert (e.effective_date, e.date_basis) == ("2006-08-29", "published")


def test_an_undated_article_is_dated_from_its_references_in_the_year_of_its_race():
    result = dated(RALLY_AND_VOTE, stance("UAW", "Ned Lamont"))
    assert (result.date_window.start, result.date_window.end) == ("2006-09-03", "2006-11-07")
    assert [r.tense for r in result.date_window.evidence] == ["past", "future"]
    [e] = result.endorsements
    assert (e.effective_date, e.date_basis) == ("2006-09-03", "inferred")


def test_a_date_stated_for_the_stance_wins_over_the_window():
    [e] = dated("y", stance("AFT", "Ned Lamont", date="2006-07-01"), published="2006-08-29").endorsements
    assert (e.effective_date, e.date_basis) == ("2006-07-01", "stated")


def test_without_any_date_the_stance_date_is_unknown():
    result = dated("no dates at all", stance("CWA", "Joe Lieberman", race=None))
    assert result.date_window.basis == "unknown" and result.published_date is None
    [e] = result.endorsements
    assert (e.effective_date, e.date_basis, e.resolved_race, e.race_basis) == (None, "unknown", None, None)


def test_the_year_option_dates_yearless_references_when_nothing_else_gives_a_year():
    text = "The Aug. 8 primary was won by the challenger."
    assert dated(text, stance("UAW", "Ned Lamont", race=None)).endorsements[0].effective_date is None
    [e] = dated(text, stance("UAW", "Ned Lamont", race=None), defaults=DatingDefaults(year=2006)).endorsements
    assert (e.effective_date, e.date_basis) == ("2006-08-08", "inferred")


def test_the_published_option_dates_only_articles_without_a_date():
    defaults = DatingDefaults(published="2006-10-01")
    assert dated("x", stance("UAW", "Ned Lamont"), defaults=defaults).published_date == "2006-10-01"
    own = dated("x", stance("UAW", "Ned Lamont"), published="2006-08-29", defaults=defaults)
    assert (own.article.published, own.published_date) == ("2006-08-29", "2006-08-29")


def test_a_raceless_stance_takes_the_race_the_article_states_for_its_candidate():
    result = dated("x", stance("IAFF", "Joe Lieberman", start=0), stance("CWA", "Joe Lieberman", race=None, start=1),
                   stance("UAW", "Ned Lamont", race=None, start=2), published="2006-08-29")
    by_endorser = {e.endorser: (e.resolved_race, e.race_basis) for e in result.endorsements}
    assert by_endorser["IAFF"] == (RACE, "stated")
    assert by_endorser["CWA"] == (RACE, "article-candidate")
    assert by_endorser["UAW"] == (None, None)  # nothing stated for this candidate: no article-wide default


def test_a_candidate_stated_in_two_races_lends_neither():
    result = dated("x", stance("IAFF", "Joe Lieberman", start=0),
                   stance("AFT", "Joe Lieberman", race="2012 U.S. Senate, Connecticut", start=1),
                   stance("CWA", "Joe Lieberman", race=None, start=2))
    assert {e.endorser: e.resolved_race for e in result.endorsements}["CWA"] is None


def test_a_yearless_race_takes_the_year_of_the_stance_date_else_the_year_option():
    [e] = dated("x", stance("SEIU", "Howard Dean", race="president"), published="2004-02-07").endorsements
    assert (e.resolved_race, e.race_basis, e.race) == ("2004 president", "stated+year-of-date", "president")
    [e] = dated("x", stance("SEIU", "Howard Dean", race="president"), defaults=DatingDefaults(year=2008)).endorsements
    assert (e.resolved_race, e.race_basis) == ("2008 president", "stated+year-option")


def test_a_poll_released_without_a_year_takes_the_year_of_the_article():
    [p] = dated("x", published="2006-08-20", polls=(poll("--08-17", race="governor"),)).polls
    assert (p.released, p.resolved_released) == ("--08-17", "2006-08-17")
    assert (p.effective_date, p.date_basis, p.resolved_race) == ("2006-08-17", "stated", "2006 governor")
    [undated] = dated("x", polls=(poll("--08-17"),)).polls
    assert (undated.resolved_released, undated.effective_date, undated.date_basis) == ("--08-17", None, "unknown")


def test_extract_output_shows_the_dating_decisions():
    out = json.loads(json.dumps(dated(RALLY_AND_VOTE, stance("UAW", "Ned Lamont")).to_json()))
    assert out["date_window"]["start"] == "2006-09-03" and out["date_window"]["basis"] == "inferred"
    assert out["date_window"]["evidence"][0]["tense"] == "past"
    [e] = out["endorsements"]
    assert (e["effective_date"], e["date_basis"], e["resolved_race"]) == ("2006-09-03", "inferred", RACE)
