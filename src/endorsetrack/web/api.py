"""The JSON API under /api: the pages' data, and review actions, with one error shape.

Reads are open; ``POST /api/facts/{id}/reviews`` takes JSON only (a cross-site
form cannot send it without a preflight) and, when the server has a token,
``Authorization: Bearer TOKEN``.
"""
from __future__ import annotations

from typing import Any, Optional

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from ..store import entity_corrections
from ..store import review as reviews
from ..store import web_queries as wq
from . import models, security
from .app import config, read, write

ERRORS: dict[int | str, dict[str, Any]] = {status: {"model": models.ErrorBody, "description": desc} for status, desc in
          ((404, "No such race, entity, article or fact"), (422, "Invalid parameters"),
           (503, "The database cannot be opened"), (500, "Internal error"))}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    **ERRORS, 401: {"model": models.ErrorBody, "description": "Review token missing or wrong"},
    403: {"model": models.ErrorBody, "description": "Request from another site"},
    415: {"model": models.ErrorBody, "description": "Body is not JSON"}}

router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)


@router.get("/races", response_model=list[models.RaceSummary], summary="Every race, newest first")
async def races(request: Request):
    return await read(request, wq.race_list)


@router.get("/races/{race_id}", response_model=models.RaceDetail,
            summary="A race: candidates with counts by stance and stage, support over time, polls, facts")
async def race(request: Request, race_id: models.RowId,
               as_of: Optional[str] = Query(None, max_length=40, description="Only what was reported by this "
                                                                             "date, YYYY-MM-DD"),
               stage: Optional[str] = Query(None, max_length=40, description="primary, general or unstated"),
               stance: Optional[str] = Query(None, max_length=40, description="endorses, opposes, ...")):
    return await read(request, wq.race_detail, race_id, **models.race_filters(as_of, stage, stance))


@router.get("/candidates/{entity_id}", response_model=models.CandidateDetail, summary="A candidate's record")
async def candidate(request: Request, entity_id: models.RowId):
    return await read(request, wq.candidate_detail, entity_id)


@router.get("/endorsers/{entity_id}", response_model=models.EndorserDetail,
            summary="An endorser's history (changes, rescinds), parent bodies and locals")
async def endorser(request: Request, entity_id: models.RowId):
    return await read(request, wq.endorser_detail, entity_id)


@router.get("/articles/{article_id}", response_model=models.ArticleDetail,
            summary="An article's text with the offsets of every report and poll")
async def article(request: Request, article_id: models.RowId):
    return await read(request, wq.article_detail, article_id)


@router.get("/facts/{fact_id}", response_model=models.FactDetail,
            summary="A fact as reviewed, as extracted, its reports and its review log")
async def fact(request: Request, fact_id: models.RowId):
    return await read(request, wq.fact_detail, fact_id)


@router.get("/search", response_model=models.SearchResult, summary="Races and entities whose name holds q")
async def search(request: Request, q: str = Query("", max_length=200)):
    return await read(request, wq.search, q)


@router.get("/recent", response_model=list[models.Report], summary="The latest dated reports")
async def recent(request: Request, limit: int = Query(wq.RECENT_LIMIT, ge=1, le=200)):
    return await read(request, wq.recent_reports, limit)


@router.get("/reviews", response_model=list[models.ReviewLogItem], summary="Every review ever made (export)")
async def review_log(request: Request):
    return await read(request, reviews.review_rows)


@router.get("/entity-corrections", response_model=list[models.EntityCorrectionItem],
            summary="Every merge, rename and retype of an entity (the log; see `endorsetrack entities log`)")
async def entity_correction_log(request: Request):
    return await read(request, entity_corrections.correction_rows)


@router.get("/review-choices", response_model=models.Choices,
            summary="Stances, stages, endorsers, candidates and races a correction may choose")
async def review_choices(request: Request):
    return await read(request, wq.review_choices)


def writer_checks(request: Request) -> None:
    """Token (when the server has one), then same-site, then JSON: before the body is even parsed."""
    security.check_token(request, config(request).token)
    security.check_same_origin(request)
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/json":
        raise HTTPException(415, "send the review as JSON (Content-Type: application/json)")


def _create(db, fact_id: int, body: models.ReviewIn) -> dict:
    rv = reviews.record_review(db, fact_id, body.action, stance=body.stance, stage=body.stage,
                               candidate_id=body.candidate_id, race_id=body.race_id, note=body.note,
                               reviewer=body.reviewer, endorser_id=body.endorser_id,
                               endorser_name=body.endorser_name, candidate_name=body.candidate_name)
    return {"review": rv.as_dict(), "fact": wq.fact_detail(db, fact_id)["fact"]}


@router.post("/facts/{fact_id}/reviews", response_model=models.ReviewCreated, status_code=201,
             responses=WRITE_ERRORS, dependencies=[Depends(writer_checks)],
             summary="Confirm, reject or correct a fact (stored apart from extraction)")
async def create_review(request: Request, fact_id: models.RowId, body: models.ReviewIn):
    return await write(request, _create, fact_id, body)
