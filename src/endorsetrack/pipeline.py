"""The one place where the stages are composed for one article.

ingest -> normalize -> (cue scan) -> annotate (spaCy) -> extract -> resolve (names, then dating).
Stage functions are pure; this module only wires them and routes per-document
failures to DocumentError values so a batch keeps going and reports the bad one.

``process_records`` runs it all; a caller that needs the normalized article first (the
batch checks whether it is stored already) calls ``normalize_record`` once per record
and hands the articles to ``process_articles``.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterable, Iterator, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc

from .errors import EndorsetrackError, TooLargeInputError
from .scan import has_cues, text_for_parse
from .extract.endorsements import find_endorsements
from .extract.polls import find_polls
from .normalize import normalize
from .nlp.build import build_nlp, doc_text
from .resolve import NO_DEFAULTS, DatingDefaults, date_article, resolve_article
from .settings import DEFAULT, Settings
from .types import Article, ArticleResult, DocumentError, Record

Outcome = Union[ArticleResult, DocumentError]

__all__ = ["Outcome", "DatingDefaults", "annotate_and_extract", "process_records", "normalize_record",
           "process_articles", "extract_text", "load_model"]


def load_model(model: str = DEFAULT.model) -> Language:
    """The spaCy pipeline the stages use (loaded once per process): for a caller that wants
    the load done before the first article, e.g. a Spark worker daemon before it forks."""
    return build_nlp(model)


def annotate_and_extract(article: Article, doc: Doc, settings: Settings = DEFAULT,
                         dating: DatingDefaults = NO_DEFAULTS) -> ArticleResult:
    """Pure: a normalized article and its parsed Doc -> resolved, dated facts."""
    endorsements = find_endorsements(doc, article, settings)
    polls = find_polls(doc, article)
    raw = ArticleResult(article=article, endorsements=tuple(endorsements),
                        polls=tuple(polls),
                        parsed_chars=len("".join(doc_text(doc).split())))  # non-space characters
    return date_article(resolve_article(raw, doc), dating)


def process_records(records: Iterable[Union[Record, DocumentError]], settings: Settings = DEFAULT,
                    nlp: Optional[Language] = None, dating: DatingDefaults = NO_DEFAULTS) -> Iterator[Outcome]:
    """Normalize, parse (only articles with cues), extract and resolve, in input order."""
    yield from process_articles((normalize_record(r, settings) for r in records), settings, nlp, dating)


def normalize_record(record: Union[Record, DocumentError],
                     settings: Settings = DEFAULT) -> Union[Article, DocumentError]:
    """The normalize stage for one record; a record that cannot be read becomes its DocumentError."""
    if isinstance(record, DocumentError):
        return record
    if len(record.content) > settings.max_content_chars:
        return DocumentError(record.doc, TooLargeInputError.code,
                             f"{len(record.content):,} characters, more than {settings.max_content_chars:,} "
                             "(Settings.max_content_chars); not processed")
    try:
        return normalize(record)
    except EndorsetrackError as exc:
        return DocumentError(record.doc, exc.code, exc.message)
    except Exception as exc:  # a parser library failing on hostile markup must not sink the batch
        return DocumentError(record.doc, "normalize.failed", f"cannot normalize: {type(exc).__name__}: {exc}")


def process_articles(articles: Iterable[Union[Article, DocumentError]], settings: Settings = DEFAULT,
                     nlp: Optional[Language] = None, dating: DatingDefaults = NO_DEFAULTS) -> Iterator[Outcome]:
    """Parse (only articles with cues), extract and resolve already-normalized articles, in input order.

    Articles without any endorsement or poll cue skip the parser entirely: most
    news holds none, and the parse is where the time goes. They are still dated.
    """
    nlp = nlp or build_nlp(settings.model)
    batch: list[Union[Article, DocumentError]] = []

    def flush() -> Iterator[Outcome]:
        to_parse = [a for a in batch if isinstance(a, Article) and has_cues(a.text)]
        docs = nlp.pipe((text_for_parse(a, settings)[: settings.max_article_chars] for a in to_parse),
                        batch_size=settings.batch_size)
        parsed = {id(a): d for a, d in zip(to_parse, docs)}
        for item in batch:
            if isinstance(item, DocumentError):
                yield item
            elif id(item) not in parsed:
                yield _safe_date(item, dating)
            else:
                yield _safe_extract(item, parsed[id(item)], settings, dating)
        batch.clear()

    for article in articles:
        batch.append(article)
        if len(batch) >= settings.batch_size:
            yield from flush()
    yield from flush()


def extract_text(text: str, doc_id: str = "<text>", nlp: Optional[Language] = None,
                 settings: Settings = DEFAULT) -> ArticleResult:
    """Convenience for library users and tests: one string in, one result out."""
    outcome = next(process_records([Record(doc=doc_id, content=text)], settings, nlp))
    if isinstance(outcome, DocumentError):
        raise EndorsetrackError(outcome.message, path=outcome.doc)
    return outcome


def _safe_extract(article: Article, doc: Doc, settings: Settings, dating: DatingDefaults) -> Outcome:
    try:
        with _time_budget(settings.max_article_seconds):
            return annotate_and_extract(article, doc, settings, dating)
    except _OverBudget:
        return DocumentError(article.doc, "extract.timeout",
                             f"extraction took longer than {settings.max_article_seconds:g} s "
                             "(Settings.max_article_seconds); skipped")
    except Exception as exc:  # a bug must not sink the batch: report the document
        return DocumentError(article.doc, "extract.failed",
                             f"extraction failed: {type(exc).__name__}: {exc}")


def _safe_date(article: Article, dating: DatingDefaults) -> Outcome:
    """An article without cues has no facts, but its date window is still stored."""
    try:
        return date_article(ArticleResult(article=article), dating)
    except Exception as exc:
        return DocumentError(article.doc, "extract.failed", f"dating failed: {type(exc).__name__}: {exc}")


class _OverBudget(Exception):
    """Raised inside an article's extraction when its time budget runs out."""


@contextmanager
def _time_budget(seconds: float) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (a SIGALRM timer; only where one can be set:
    POSIX, main thread). One pathological article then costs at most this, not the batch."""
    if seconds <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum: int, frame: object) -> None:
        raise _OverBudget()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
