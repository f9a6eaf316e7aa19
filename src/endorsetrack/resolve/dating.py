"""Dating: when an article was written, when each of its facts counts from, and which race it files under.

The last step of the resolve stage, one article at a time, pure. It decides what the
store used to decide while writing, so that ``endorsetrack extract`` shows exactly what
``endorsetrack ingest`` stores:

- the article's published date (``--published`` for articles that give none) and its
  date window (published, else inferred from its dated references, whose yearless
  dates take the year of the article's races, else ``--year``);
- each stance's effective date (stated, else the window's) and the race it is filed
  under: a stance without a race takes the one race the article states for the same
  candidate; a race that names no year takes the year of the date, else ``--year``
  (the same office in different elections must not merge);
- each poll's release date with the article's year when it gave only month and day.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional

from ..types import ArticleResult, DateWindow, Endorsement, Poll
from .dates import article_year_hint, effective_date, infer_date_window, parse_date
from .races import race_key, race_year

__all__ = ["NO_DEFAULTS", "DatingDefaults", "date_article", "races_by_candidate", "with_election_year"]


@dataclass(frozen=True)
class DatingDefaults:
    """What the user says about articles that do not say it themselves (``--published``, ``--year``)."""

    published: Optional[str] = None  # the published date of every article that gives none
    year: Optional[int] = None  # the election year when neither the article's races nor its dates give one


NO_DEFAULTS = DatingDefaults()


def date_article(result: ArticleResult, defaults: DatingDefaults = NO_DEFAULTS) -> ArticleResult:
    """The result with its published date, date window, and every fact's date and filed race."""
    article = result.article
    if defaults.published and not article.published:
        article = replace(article, published=defaults.published)
    races = [e.race for e in result.endorsements] + [p.race for p in result.polls]
    window = infer_date_window(article, article_year_hint(races) or defaults.year)
    article_races = races_by_candidate(result.endorsements)
    endorsements = tuple(_date_endorsement(e, window, article_races, defaults.year) for e in result.endorsements)
    polls = tuple(_date_poll(p, window, defaults.year) for p in result.polls)
    return replace(result, article=article, endorsements=endorsements, polls=polls,
                   published_date=parse_date(article.published), date_window=window)


def races_by_candidate(endorsements: tuple[Endorsement, ...]) -> dict[Optional[str], Optional[str]]:
    """The one race the article states for each candidate (a candidate stated in two races has none).

    No article-wide default: an extractor that states only the race it is sure of
    ("for governor") would otherwise pass that race to every other stance.
    """
    per_candidate: dict[Optional[str], set[str]] = {}
    for e in endorsements:
        if e.race and race_key(e.race):
            per_candidate.setdefault(e.candidate, set()).add(e.race)
    return {c: next(iter(r)) for c, r in per_candidate.items()
            if c is not None and len({race_key(x) for x in r}) == 1}


def with_election_year(race_text: Optional[str], date: Optional[str],
                       default_year: Optional[int]) -> tuple[Optional[str], str]:
    """A race that names no year takes the year of the fact's date, else ``default_year`` (--year).

    Returns the race text and the suffix its basis gains ("+year-of-date", "+year-option", "").
    """
    if race_text is None or not race_key(race_text) or race_year(race_text) is not None:
        return race_text, ""
    if date and not date.startswith("--"):
        return f"{date[:4]} {race_text.strip()}", "+year-of-date"
    if default_year:  # no date at all, but the user said which election year
        return f"{default_year} {race_text.strip()}", "+year-option"
    return race_text, ""


def _date_endorsement(e: Endorsement, window: DateWindow, article_races: dict[Optional[str], Optional[str]],
                      default_year: Optional[int]) -> Endorsement:
    race_text = e.race
    basis: Optional[str] = "stated"
    if not race_key(race_text):  # the race this article states for the same candidate, if one
        race_text = article_races.get(e.candidate) if e.candidate else None
        basis = "article-candidate" if race_text else None
    date, date_basis = effective_date(e.date, window)
    race_text, year_basis = with_election_year(race_text, date, default_year)
    return replace(e, effective_date=date, date_basis=date_basis, resolved_race=race_text,
                   race_basis=f"{basis}{year_basis}" if basis else None)


def _date_poll(p: Poll, window: DateWindow, default_year: Optional[int]) -> Poll:
    released = p.released
    if released and released.startswith("--") and window.start and not window.start.startswith("--"):
        released = window.start[:4] + released[1:]  # "--08-17" in an article of 2006 -> 2006-08-17
    date, date_basis = effective_date(released, window)
    race_text, _ = with_election_year(p.race, date, default_year)
    return replace(p, resolved_released=released, effective_date=date, date_basis=date_basis,
                   resolved_race=race_text)
