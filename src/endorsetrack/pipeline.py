"""The one place where the stages are composed for one article.

ingest -> normalize -> (cue scan) -> annotate (spaCy) -> extract -> resolve.
Stage functions are pure; this module only wires them and routes per-document
failures to DocumentError values so a batch keeps going and reports the bad one.
"""
from __future__ import annotations

from typing import Iterable, Iterator, Union

from .errors import EndorsetrackError
from .scan import has_cues, text_for_parse
from .extract.endorsements import find_endorsements
from .extract.polls import find_polls
from .normalize import normalize
from .nlp.build import build_nlp
from .resolve import resolve_article
from .settings import DEFAULT, Settings
from .types import Article, ArticleResult, DocumentError, Record

Outcome = Union[ArticleResult, DocumentError]


def annotate_and_extract(article: Article, doc, settings: Settings = DEFAULT) -> ArticleResult:
    """Pure: a normalized article and its parsed Doc -> resolved facts."""
    endorsements = find_endorsements(doc, article, settings)
    polls = find_polls(doc, article)
    raw = ArticleResult(article=article, endorsements=tuple(endorsements),
                        polls=tuple(polls),
                        parsed_chars=sum(1 for c in doc.text if not c.isspace()))
    return resolve_article(raw, doc)


def process_records(records: Iterable[Union[Record, DocumentError]],
                    settings: Settings = DEFAULT, nlp=None) -> Iterator[Outcome]:
    """Normalize, parse (only articles with cues) and extract, in input order.

    Articles without any endorsement or poll cue skip the parser entirely: most
    news holds none, and the parse is where the time goes.
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
                yield ArticleResult(article=item)
            else:
                yield _safe_extract(item, parsed[id(item)], settings)
        batch.clear()

    for record in records:
        batch.append(_safe_normalize(record))
        if len(batch) >= settings.batch_size:
            yield from flush()
    yield from flush()


def extract_text(text: str, doc_id: str = "<text>", nlp=None,
                 settings: Settings = DEFAULT) -> ArticleResult:
    """Convenience for library users and tests: one string in, one result out."""
    outcome = next(process_records([Record(doc=doc_id, content=text)], settings, nlp))
    if isinstance(outcome, DocumentError):
        raise EndorsetrackError(outcome.message, path=outcome.doc)
    return outcome


def _safe_normalize(record: Union[Record, DocumentError]) -> Union[Article, DocumentError]:
    if isinstance(record, DocumentError):
        return record
    try:
        return normalize(record)
    except EndorsetrackError as exc:
        return DocumentError(record.doc, exc.code, exc.message)


def _safe_extract(article: Article, doc, settings: Settings) -> Outcome:
    try:
        return annotate_and_extract(article, doc, settings)
    except Exception as exc:  # a bug must not sink the batch: report the document
        return DocumentError(article.doc, "extract.failed",
                             f"extraction failed: {type(exc).__name__}: {exc}")
