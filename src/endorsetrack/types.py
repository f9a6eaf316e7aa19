"""Frozen values passed between pipeline stages.

Every stage takes and returns these; nothing here does I/O. Offsets are always
character offsets into ``Article.text`` (the normalized text), so evidence can be
shown and checked against the text that ``extract --with-text`` emits.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Optional

STANCES = ("endorses", "will_endorse", "declines", "undecided", "rescinds", "opposes")
STAGES = ("primary", "general")
ENTITY_TYPES = ("union", "organization", "person", "newspaper", "party", "other")


@dataclass(frozen=True)
class Record:
    """One raw input item, as read by ingest: text or HTML, never both decoded."""

    doc: str  # file path as given, or the JSONL record's id
    content: str  # decoded text or HTML
    url: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    source: Optional[str] = None  # where it came from: "path" or "path:line"


@dataclass(frozen=True)
class Link:
    """An HTML link kept through normalization: the anchor text span and its target."""

    start: int
    end: int
    href: str


@dataclass(frozen=True)
class Article:
    """A normalized article: repaired plain text with paragraph spans and links."""

    doc: str
    text: str
    paragraphs: tuple[tuple[int, int], ...] = ()
    links: tuple[Link, ...] = ()
    url: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    was_html: bool = False


@dataclass(frozen=True)
class Evidence:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class RuleRef:
    """The rule (id and version, from the pattern data files) that produced a fact."""

    id: str
    version: int


@dataclass(frozen=True)
class DatedReference:
    """A month-day date in an article's text, with the tense of the cue nearest to it."""

    text: str
    start: int
    end: int
    date: str  # ISO date, or "--MM-DD" when the year is unknown
    tense: str  # past | future | unknown
    cue: Optional[str]


@dataclass(frozen=True)
class DateWindow:
    """When an article was written: its published date, or bounds from its dated references."""

    start: Optional[str]  # the article was written on or after this (ISO or --MM-DD)
    end: Optional[str]  # ... and on or before this
    basis: str  # published | url | url-month | inferred | unknown
    evidence: tuple[DatedReference, ...] = ()


@dataclass(frozen=True)
class Endorsement:
    endorser: str
    endorser_type: str
    candidate: Optional[str]
    stance: str
    stage: Optional[str]
    evidence: Evidence
    confidence: float
    rule: RuleRef
    race: Optional[str] = None
    date: Optional[str] = None
    endorser_parent: Optional[str] = None
    endorser_aliases: tuple[str, ...] = ()
    candidate_aliases: tuple[str, ...] = ()
    # Set by the resolve stage's dating (resolve/dating.py); None until then.
    effective_date: Optional[str] = None  # the full ISO date the stance counts from, if any
    date_basis: Optional[str] = None  # stated | published | inferred | unknown
    resolved_race: Optional[str] = None  # the race as filed: the article's race for the candidate, year added
    race_basis: Optional[str] = None  # how resolved_race was found ("stated", "article-candidate+year-of-date", ...)


@dataclass(frozen=True)
class PollResult:
    candidate: str
    share: float


@dataclass(frozen=True)
class Poll:
    pollster: str
    results: tuple[PollResult, ...]
    evidence: Evidence
    rule: RuleRef
    population: Optional[str] = None  # a subgroup ("Democrats"); None = whole sample
    released: Optional[str] = None  # ISO 8601, partial ("--08-17") when no year
    field_dates: Optional[str] = None
    sponsor: Optional[str] = None
    sample_size: Optional[int] = None
    sample_universe: Optional[str] = None  # "likely voters", "registered voters", ...
    margin_of_error: Optional[float] = None
    race: Optional[str] = None
    pollster_aliases: tuple[str, ...] = ()
    # Set by the resolve stage's dating (resolve/dating.py); None until then.
    resolved_released: Optional[str] = None  # ``released`` with the article's year when it gave none
    effective_date: Optional[str] = None
    date_basis: Optional[str] = None
    resolved_race: Optional[str] = None  # the race as filed, the year of the date added when it names none


@dataclass(frozen=True)
class ArticleResult:
    """What the pipeline produces for one article."""

    article: Article
    endorsements: tuple[Endorsement, ...] = ()
    polls: tuple[Poll, ...] = ()
    parsed_chars: int = 0  # how much text went through the full parse (cue scan)
    # Set by the resolve stage's dating (resolve/dating.py); None until then.
    published_date: Optional[str] = None  # the article's published date as a full ISO date, if it has one
    date_window: Optional[DateWindow] = None

    def to_json(self, with_text: bool = False) -> dict[str, Any]:
        """The output contract of ``endorsetrack extract`` (see DESIGN.md)."""
        out: dict[str, Any] = {
            "doc": self.article.doc,
            "published": self.article.published,
            "url": self.article.url,
            "title": self.article.title,
            "endorsements": [_clean(asdict(e)) for e in self.endorsements],
            "polls": [_clean(asdict(p)) for p in self.polls],
            "published_date": self.published_date,
            "date_window": _clean(asdict(self.date_window)) if self.date_window else None,
        }
        if with_text:
            out["text"] = self.article.text
        return out


@dataclass(frozen=True)
class DocumentError:
    """A per-document failure: the batch goes on and reports it."""

    doc: str
    code: str
    message: str
    details: dict = field(default_factory=dict)


def _clean(d: dict) -> dict:
    """asdict() keeps tuples; JSON wants lists. Drop empty alias lists for brevity."""
    out = {}
    for k, v in d.items():
        if isinstance(v, tuple):
            v = [_clean(x) if isinstance(x, dict) else x for x in v]
        elif isinstance(v, dict):
            v = _clean(v)
        out[k] = v
    return out
