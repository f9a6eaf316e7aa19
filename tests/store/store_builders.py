"""Hand-made pipeline results for the store's tests (no extraction involved).

``article`` dates its result with the resolve stage's ``date_article``, as the pipeline
does before anything reaches the store.
"""
from __future__ import annotations

import threading
from typing import Callable, Optional

from endorsetrack.resolve import DatingDefaults, date_article
from endorsetrack.types import Article, ArticleResult, Endorsement, Evidence, Poll, PollResult, RuleRef

RACE = "2006 U.S. Senate, Connecticut"


def end(endorser: str, candidate: Optional[str], stance: str = "endorses", stage: Optional[str] = "general",
        race: Optional[str] = RACE, *, type_: str = "union", parent: Optional[str] = None,
        aliases: tuple[str, ...] = (), evidence: str = "quote", start: int = 0, date: Optional[str] = None,
        confidence: float = 0.9) -> Endorsement:
    """A hand-made endorsement (evidence offsets only need to differ within one article)."""
    return Endorsement(endorser=endorser, endorser_type=type_, candidate=candidate, stance=stance, stage=stage,
                       evidence=Evidence(evidence, start, start + len(evidence)), confidence=confidence,
                       rule=RuleRef("test.rule", 1), race=race, date=date, endorser_parent=parent,
                       endorser_aliases=aliases)


def poll(pollster: str, results: list[tuple[str, float]], *, population: Optional[str] = None,
         released: Optional[str] = None, race: Optional[str] = None, start: int = 0) -> Poll:
    return Poll(pollster=pollster, results=tuple(PollResult(c, s) for c, s in results),
                evidence=Evidence("poll quote", start, start + 10), rule=RuleRef("test.poll", 1),
                population=population, released=released, race=race)


def article(doc: str, text: str, *ends: Endorsement, url: Optional[str] = None, published: Optional[str] = None,
            polls: tuple[Poll, ...] = (), year: Optional[int] = None) -> ArticleResult:
    """A dated result, as the pipeline hands it to the store (``year`` as ``--year``)."""
    raw = ArticleResult(article=Article(doc=doc, text=text, url=url, published=published),
                        endorsements=tuple(ends), polls=polls)
    return date_article(raw, DatingDefaults(year=year))


def counts(db) -> dict[str, int]:
    tables = ("articles", "entities", "entity_names", "stances", "stance_sources", "races", "polls",
              "poll_results", "candidate_races")
    return {t: db.scalar(f"SELECT count(*) FROM {t}") for t in tables}


def run_at_once(work: Callable[[], None], copies: int) -> list[BaseException]:
    """Run ``copies`` threads of ``work`` released together; the exceptions they raised."""
    errors: list[BaseException] = []
    start = threading.Barrier(copies)

    def run() -> None:
        start.wait()
        try:
            work()
        except BaseException as exc:  # collected, so the test names the failure
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(copies)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors
