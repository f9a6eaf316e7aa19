"""Shapes of the JSON API, for validation and the OpenAPI schema (/api/openapi.json).

They mirror the flat dicts of ``store.web_queries`` field for field; ids sit
beside names so a client can follow links the way the pages do.
"""
from __future__ import annotations

from typing import Annotated, Literal, Optional

from fastapi import Path
from pydantic import BaseModel, Field

from ..store import entity_corrections, queries, review
from ..store import web_queries as wq


# The largest id a database row can have (SQLite and PostgreSQL bigint): an id beyond
# it is a 422 before any query, not a 500 from the driver.
MAX_ROW_ID = 2**63 - 1

# An id in a URL path.
RowId = Annotated[int, Path(ge=0, le=MAX_ROW_ID, description="A row id")]


def race_filters(as_of: Optional[str], stage: Optional[str], stance: Optional[str]) -> dict[str, Optional[str]]:
    """A race view's filters from query parameters; empty means no filter, anything else must be valid
    (the store's own checks, as the CLI's --as-of, --stage and --stance have them)."""
    as_of, stage, stance = (v.strip() or None if v else None for v in (as_of, stage, stance))
    return {"as_of": queries.check_date(as_of, "as_of"), "stage": queries.check_choice(stage, wq.STAGES, "stage"),
            "stance": queries.check_choice(stance, tuple(queries.STANCE_ORDER), "stance")}


# Text a reviewer types: no NUL (PostgreSQL cannot store it in text).
NO_NUL = r"^[^\x00]*$"


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable code: not_found, validation_error, unauthorized, forbidden, "
                                  "bad_request, unsupported_media_type, store_unavailable, internal_error")
    message: str = Field(description="What went wrong, written for a person")


class ErrorBody(BaseModel):
    error: ErrorDetail


class Ref(BaseModel):
    id: int
    name: Optional[str]


class Report(BaseModel):
    """One article's report of a stance fact (values as reviewed)."""
    source_id: int
    fact_id: int
    date: Optional[str]
    date_basis: str
    endorser_id: int
    endorser: str
    endorser_type: Optional[str]
    stance: str
    candidate_id: Optional[int]
    candidate: Optional[str]
    stage: Optional[str]
    race_id: Optional[int]
    race: Optional[str]
    evidence: str
    start: int
    end: int
    confidence: float
    article_id: int
    article: str = Field(description="The article's title, else its URL, else its file name")
    article_url: Optional[str] = None
    published: Optional[str] = Field(None, description="The article's publication date as given, if any")
    current: bool
    review: Optional[str] = Field(None, description="The review in force: confirm, reject, correct or null")
    review_note: Optional[str] = None


class Fact(Report):
    """A stance fact with its first report's evidence, its first date and how many articles report it."""
    first_reported: Optional[str]
    reports: int


class Previous(BaseModel):
    stance: str
    candidate: Optional[str]


class HistoryItem(Report):
    change: Optional[Literal["change", "rescind"]] = None
    previous: Optional[Previous] = None


class RaceParts(BaseModel):
    """A race as a record: each part its own field, and the label built from them."""
    id: int
    name: str = Field(description="The race's label (kept as 'name' for older clients)")
    label: str = Field(description="Built from the parts, e.g. '2018 U.S. House, Florida 6th District'")
    year: Optional[int]
    office: Optional[str]
    country: Optional[str]
    state: Optional[str] = Field(description="State or province")
    county: Optional[str]
    city: Optional[str]
    district: Optional[str] = Field(description="District or seat; a ballot measure's name")
    party: Optional[str]
    stage: Optional[str] = Field(description="primary, general, runoff, leadership contest or measure, when the "
                                             "race itself is one (a fact's own stage is on the fact)")


class RaceSummary(RaceParts):
    facts: int
    endorsements: int = Field(description="Stance facts filed under the race (the same as facts)")
    endorsers: int
    candidates: int = Field(description="Distinct candidates of its facts and polls")
    polls: int
    last_report: Optional[str]


class RaceInfo(RaceParts):
    pass


class CandidateCount(BaseModel):
    candidate_id: int
    candidate: Optional[str]
    by_stage: dict[str, dict[str, int]] = Field(description="stage (primary, general, unstated) -> stance -> "
                                                            "number of endorsers")
    supporters: int = Field(description="Endorsers who endorse or will endorse the candidate")


class TimelinePoint(BaseModel):
    date: str
    count: int
    endorser: Optional[str]
    stance: str
    fact_id: int


class TimelineSeries(BaseModel):
    candidate_id: int
    candidate: Optional[str]
    stage: str = Field(description="primary, general or unstated: each stage counts its own backers")
    points: list[TimelinePoint]


class PollShare(BaseModel):
    candidate: Optional[str]
    share: float


class Poll(BaseModel):
    date: Optional[str]
    released: Optional[str]
    pollster: Optional[str]
    population: Optional[str]
    race: Optional[str]
    race_id: Optional[int] = None
    results: list[PollShare]
    candidate_ids: list[int] = Field(default_factory=list, description="Ids of the candidates of results, in order")
    sample_size: Optional[int]
    sample_universe: Optional[str]
    margin_of_error: Optional[float]
    sponsor: Optional[str]
    field_dates: Optional[str]
    evidence: str
    source: str
    reports: int
    article_id: Optional[int]


class RaceFilters(BaseModel):
    as_of: Optional[str] = Field(None, description="Only what was reported by this date (ISO); undated left out")
    stage: Optional[str] = None
    stance: Optional[str] = None


class RaceDetail(BaseModel):
    race: RaceInfo
    filters: RaceFilters
    candidates: list[CandidateCount]
    no_candidate: list[Fact]
    facts: list[Fact]
    timeline: list[TimelineSeries]
    polls: list[Poll]
    undated_reports: int


class EntityInfo(BaseModel):
    id: int
    name: str
    kind: str
    type: Optional[str]
    names: list[str]


class CandidateDetail(BaseModel):
    candidate: EntityInfo
    facts: list[Fact]
    counts: list[CandidateCount]
    races: list[Ref]
    timeline: list[TimelineSeries]
    polls: list[Poll]


class EndorserDetail(BaseModel):
    endorser: EntityInfo
    parents: list[Ref]
    locals: list[Ref]
    facts: list[Fact]
    history: list[HistoryItem]


class ArticleInfo(BaseModel):
    id: int
    doc: str
    url: Optional[str]
    title: Optional[str]
    published: Optional[str]
    date_basis: str
    date_window_start: Optional[str]
    date_window_end: Optional[str]
    text: str = Field(description="The normalized text; evidence offsets index into it")
    is_current: bool
    superseded_by: Optional[int]
    ingested_at: str


class ArticleShare(BaseModel):
    candidate_id: int
    candidate: Optional[str]
    share: float


class ArticlePoll(BaseModel):
    poll_id: int
    pollster: Optional[str]
    population: Optional[str]
    released: Optional[str]
    evidence: str
    start: int
    end: int
    results: list[ArticleShare]


class ArticleDetail(BaseModel):
    article: ArticleInfo
    reports: list[Report]
    polls: list[ArticlePoll]


class ReviewOut(BaseModel):
    id: int
    fact_ref: str = Field(description="The fact's natural key (survives re-extraction)")
    action: str
    stance: Optional[str]
    stage: Optional[str]
    candidate_ref: Optional[str]
    race_key: Optional[str]
    note: Optional[str]
    reviewer: Optional[str]
    created_at: str
    endorser_ref: Optional[str] = Field(None, description="A corrected endorser's natural key")


class ReviewLogItem(ReviewOut):
    fact_id: Optional[int]


class EntityCorrectionItem(BaseModel):
    """One merge, rename, retype (or entity a review named) of the catalog (store/entity_corrections.py)."""
    id: int
    created_at: str
    action: str = Field(description="create, merge, rename or retype")
    entity_ref: str = Field(description="The entity acted on (merge: the one kept), as kind:name key")
    other_ref: Optional[str] = Field(description="merge: the entity folded in")
    old_value: Optional[str]
    new_value: Optional[str]
    reviewer: Optional[str]
    note: Optional[str]
    entity_id: Optional[int] = Field(description="The entity that holds the result now")


class FactInfo(BaseModel):
    id: int
    endorser_id: int
    endorser: Optional[str]
    endorser_type: Optional[str]
    stance: str
    candidate_id: Optional[int]
    candidate: Optional[str]
    stage: Optional[str]
    race_id: Optional[int]
    race: Optional[str]
    review: Optional[str]


class Extracted(BaseModel):
    endorser_id: Optional[int] = None
    endorser: Optional[str] = None
    stance: str
    stage: Optional[str]
    candidate_id: Optional[int]
    candidate: Optional[str]
    race_id: Optional[int]
    race: Optional[str]


class FactDetail(BaseModel):
    fact: FactInfo
    extracted: Extracted
    reports: list[Report]
    reviews: list[ReviewOut]


class ReviewIn(BaseModel):
    """confirm or reject take a note only; correct names the fields that change."""
    action: Literal[review.ACTIONS]  # type: ignore[valid-type]
    stance: Optional[str] = None
    stage: Optional[str] = Field(None, description="primary, general or unstated")
    candidate_id: Optional[int] = Field(None, ge=0, le=MAX_ROW_ID)
    race_id: Optional[int] = Field(None, ge=0, le=MAX_ROW_ID)
    endorser_id: Optional[int] = Field(None, ge=0, le=MAX_ROW_ID)
    endorser_name: Optional[str] = Field(None, max_length=entity_corrections.MAX_NAME_CHARS, pattern=NO_NUL,
                                         description="A corrected endorser by name: that entity, else a new one")
    candidate_name: Optional[str] = Field(None, max_length=entity_corrections.MAX_NAME_CHARS, pattern=NO_NUL,
                                          description="A corrected candidate by name: that entity, else a new one")
    note: Optional[str] = Field(None, max_length=review.MAX_NOTE_CHARS, pattern=NO_NUL)
    reviewer: Optional[str] = Field(None, max_length=200, pattern=NO_NUL)


class ReviewCreated(BaseModel):
    review: ReviewOut
    fact: FactInfo


class SearchEntity(BaseModel):
    id: int
    name: str
    type: Optional[str]
    matched: str
    endorser: bool
    candidate: bool


class SearchResult(BaseModel):
    query: str
    races: list[Ref]
    entities: list[SearchEntity]


class Choices(BaseModel):
    stances: list[str]
    stages: list[str]
    endorsers: list[Ref]
    candidates: list[Ref]
    races: list[Ref]
