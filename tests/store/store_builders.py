"""Hand-made pipeline results for the store's tests (no extraction involved).

``article`` dates its result with the resolve stage's ``date_article``, as the pipeline
does before anything reaches the store.
"""
from __future__ import annotations

import threading
from typing import Callable, Optional

from endorsetrack.resolve import DatingDefaults, date_article
from endorsetrack.store import Database
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


def run_at_once(open_db: Callable[[], Database], work: Callable[[Database], None],
                copies: int) -> list[BaseException]:
    """``copies`` threads each open their own connection, one at a time, then run ``work`` on
    it released together (the connection is closed after); the exceptions they raised. The
    concurrency under test is the work's, not the opening's."""
    errors: list[BaseException] = []
    start = threading.Barrier(copies)
    opening = threading.Lock()

    def run() -> None:
        try:
            with opening:
                db = open_db()
        except BaseException as exc:  # collected, so the test names the failure
            errors.append(exc)
            start.abort()
            return
        try:
            start.wait()
            work(db)
        except BaseException as exc:
            errors.append(exc)
        finally:
            db.close()

    threads = [threading.Thread(target=run) for _ in range(copies)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors
