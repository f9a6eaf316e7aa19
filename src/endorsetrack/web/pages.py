"""Server-rendered pages: home, search, race, candidate, endorser, article, fact (with its review form).

Every value reaches the page through Jinja's autoescape (or ``highlight.render``,
which escapes each text piece), chart data through ``tojson`` inside a
``<script type="application/json">`` block; the JS in /static draws the charts,
and every chart's data is also a table for readers without JS.
"""
from __future__ import annotations

import io
import re
from typing import Any, Optional
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from .. import store
from ..errors import AmbiguousRaceError, QueryError
from ..resolve import RACE_PARTS
from ..store import open_store, queries
from ..store import review as reviews
from ..store import web_queries as wq
from . import highlight, models, security
from .app import config, read, render

router = APIRouter(include_in_schema=False)

# Largest review form body accepted (a note of 2,000 characters is ~6 KB encoded).
MAX_FORM_BYTES = 32_768
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")


def fact_label(r: dict) -> str:
    who = f"{r['endorser']} {(r['stance'] or '').replace('_', ' ')}"
    if r.get("candidate"):
        who += f" {r['candidate']}"
    return who + (f" ({r['stage']})" if r.get("stage") else "")


def poll_series(polls: list[dict]) -> list[dict]:
    """Chart data: per candidate, (date, share) points; subgroup polls are marked by population."""
    series: dict[str, dict] = {}
    for p in polls:
        day = p["date"] or p["released"]
        if not day or not ISO_DATE.match(day):
            continue
        for r in p["results"]:
            s = series.setdefault(r["candidate"] or "?", {"name": r["candidate"] or "?", "points": []})
            s["points"].append({"date": day, "value": r["share"], "group": p["population"] or "",
                                "label": f"{p['pollster']}{', ' + p['population'] if p['population'] else ''}"})
    return sorted(series.values(), key=lambda s: s["name"])


def timeline_series(timeline: list[dict]) -> dict[str, list[dict]]:
    """Chart data per stage (each stage counts its own backers): stage -> per candidate, (date, count) points."""
    by_stage: dict[str, list[dict]] = {}
    for s in timeline:
        by_stage.setdefault(s["stage"], []).append(
            {"name": s["candidate"] or "?",
             "points": [{"date": p["date"], "value": p["count"], "group": "",
                         "label": f"{p['endorser']} {p['stance'].replace('_', ' ')}"} for p in s["points"]]})
    return by_stage


# Columns of a page's facts download, in order (the same names as the page's table).
FACT_COLUMNS = ("fact_id", "endorser", "endorser_type", "stance", "candidate", "stage", "race", "first_reported",
                "reports", "evidence", "article", "article_url", "published", "review")
POLL_COLUMNS = ("date", "released", "pollster", "sponsor", "population", "race", "results", "sample_size",
                "sample_universe", "margin_of_error", "field_dates", "evidence", "source", "reports")
DOWNLOAD_FORMATS = ("csv", "json")


def download(rows: list[dict], fmt: str, columns: tuple[str, ...], name: str) -> Response:
    """What a page shows, as a file: CSV (columns in the page's order) or JSON."""
    if fmt not in DOWNLOAD_FORMATS:
        raise HTTPException(404, f"downloads come as {' or '.join(DOWNLOAD_FORMATS)}, not '{fmt[:20]}'")
    out = io.StringIO()
    store.write_rows([{c: r.get(c) for c in columns} for r in rows], fmt, out, columns)
    media = "text/csv" if fmt == "csv" else "application/json"
    return Response(out.getvalue(), media_type=f"{media}; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'})


@router.get("/")
async def home(request: Request):
    def load(db):
        return {"races": wq.race_list(db), "recent": wq.by_sentence(wq.recent_reports(db)),
                "undated": wq.by_sentence(wq.recent_reports(db, dated=False))}
    return render(request, "home.html", await read(request, load))


@router.get("/search")
async def search_page(request: Request, q: str = Query("", max_length=200)):
    return render(request, "search.html", {"result": await read(request, wq.search, q), "q": q})


@router.get("/race")
async def race_query(request: Request, q: str = Query(..., min_length=1, max_length=200)):
    """One race by what a reader types ("Chicago mayor 2023", "#12"): its page when the words
    fit one race; a page listing the races they fit when several do (status 300)."""
    def find(db) -> dict:
        try:
            return {"race": wq.find_race(db, q)}
        except AmbiguousRaceError as exc:
            return {"choices": [{"id": rid, "name": label} for rid, label in exc.choices]}
    found = await read(request, find)
    if "race" in found:
        return RedirectResponse(f"/race/{found['race']['id']}", status_code=303)
    return render(request, "race_choices.html", {"q": q, "choices": found["choices"]}, 300)


def _filter_param() -> Any:
    """A race filter's query parameter (a fresh object per parameter: FastAPI keeps per-parameter state in it)."""
    return Query(None, max_length=40)


@router.get("/race/{race_id}")
async def race_page(request: Request, race_id: models.RowId, as_of: Optional[str] = _filter_param(),
                    stage: Optional[str] = _filter_param(), stance: Optional[str] = _filter_param()):
    filters = models.race_filters(as_of, stage, stance)
    d = await read(request, wq.race_detail, race_id, **filters)
    charts = {"timeline": timeline_series(d["timeline"]), "polls": poll_series(d["polls"])}
    query = urlencode({k: v for k, v in filters.items() if v})
    return render(request, "race.html", {"d": d, "charts": charts, "query": query, "race_parts": RACE_PARTS,
                                         "stages": wq.STAGES, "stances": list(queries.STANCE_ORDER)})


@router.get("/race/{race_id}/facts.{fmt}")
async def race_facts_download(request: Request, race_id: models.RowId, fmt: str, as_of: Optional[str] = _filter_param(),
                              stage: Optional[str] = _filter_param(), stance: Optional[str] = _filter_param()):
    d = await read(request, wq.race_detail, race_id, **models.race_filters(as_of, stage, stance))
    return download(d["facts"], fmt, FACT_COLUMNS, f"race-{race_id}-facts")


@router.get("/race/{race_id}/polls.{fmt}")
async def race_polls_download(request: Request, race_id: models.RowId, fmt: str, as_of: Optional[str] = _filter_param()):
    d = await read(request, wq.race_detail, race_id, **models.race_filters(as_of, None, None))
    return download(d["polls"], fmt, POLL_COLUMNS, f"race-{race_id}-polls")


@router.get("/candidate/{entity_id}")
async def candidate_page(request: Request, entity_id: models.RowId):
    d = await read(request, wq.candidate_detail, entity_id)
    charts = {"timeline": timeline_series(d["timeline"]), "polls": poll_series(d["polls"])}
    return render(request, "candidate.html", {"d": d, "charts": charts})


@router.get("/candidate/{entity_id}/facts.{fmt}")
async def candidate_facts_download(request: Request, entity_id: models.RowId, fmt: str):
    d = await read(request, wq.candidate_detail, entity_id)
    return download(d["facts"], fmt, FACT_COLUMNS, f"candidate-{entity_id}-facts")


@router.get("/endorser/{entity_id}")
async def endorser_page(request: Request, entity_id: models.RowId):
    return render(request, "endorser.html", {"d": await read(request, wq.endorser_detail, entity_id)})


@router.get("/endorser/{entity_id}/facts.{fmt}")
async def endorser_facts_download(request: Request, entity_id: models.RowId, fmt: str):
    d = await read(request, wq.endorser_detail, entity_id)
    return download(d["facts"], fmt, FACT_COLUMNS, f"endorser-{entity_id}-facts")


@router.get("/articles")
async def articles_page(request: Request):
    return render(request, "articles.html", {"articles": await read(request, wq.article_list)})


@router.get("/polls")
async def polls_page(request: Request):
    return render(request, "polls.html", {"polls": await read(request, wq.poll_list)})


@router.get("/polls.{fmt}")
async def polls_download(request: Request, fmt: str):
    return download(await read(request, wq.poll_list), fmt, POLL_COLUMNS, "polls")


@router.get("/conflicts")
async def conflicts_page(request: Request):
    return render(request, "conflicts.html", {"conflicts": await read(request, store.find_conflicts)})


@router.get("/article/{article_id}")
async def article_page(request: Request, article_id: models.RowId):
    d = await read(request, wq.article_detail, article_id)
    spans = [highlight.Span(r["start"], r["end"], f"src-{r['source_id']}", f"/fact/{r['fact_id']}",
                            fact_label(r), "rejected" if r["review"] == "reject" else "fact")
             for r in d["reports"]]
    spans += [highlight.Span(p["start"], p["end"], f"poll-{p['poll_id']}", None,
                             f"{p['pollster']}: " + ", ".join(f"{x['candidate']} {x['share']:g}%"
                                                             for x in p["results"]), "poll")
              for p in d["polls"]]
    a = d["article"]
    return render(request, "article.html", {"d": d, "body": highlight.render(a["text"], spans),
                                            "label": wq.article_label(a["title"], a["url"], a["doc"]),
                                            "fact_label": fact_label})


def _fact_context(db, fact_id: int) -> dict:
    return {"d": wq.fact_detail(db, fact_id), "choices": wq.review_choices(db)}


@router.get("/fact/{fact_id}")
async def fact_page(request: Request, fact_id: models.RowId, saved: Optional[str] = None):
    ctx = await read(request, _fact_context, fact_id)
    return render(request, "fact.html", {**ctx, "saved": saved, "form_error": None,
                                         "fact_label": fact_label})


def _int_or_none(value: Optional[str], field: str) -> Optional[int]:
    if value is None or value.strip() == "":
        return None
    if not value.strip().isdigit() or len(value.strip()) > 19 or int(value) > models.MAX_ROW_ID:
        raise QueryError(f"{field} must be a row number, got '{value[:40]}'")
    return int(value)


@router.post("/fact/{fact_id}/review")
async def review_form(request: Request, fact_id: models.RowId):
    """The review form: same-site check, CSRF token, server token when required, then store."""
    security.check_same_origin(request)
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/x-www-form-urlencoded":
        raise HTTPException(415, "the review form must be sent as application/x-www-form-urlencoded")
    raw = await request.body()
    if len(raw) > MAX_FORM_BYTES:
        raise HTTPException(422, "the review form is too large")
    form = {k: v[-1] for k, v in parse_qs(raw.decode("utf-8", "replace"), keep_blank_values=True).items()}
    security.check_csrf(request, form.get(security.CSRF_FIELD))
    security.check_token(request, config(request).token, form.get(security.TOKEN_FIELD))
    action = form.get("action", "")
    url = config(request).db_url

    def save() -> Optional[dict]:
        db = open_store(url)
        try:
            ctx = _fact_context(db, fact_id)  # an unknown fact is a 404, not a form error
            fields: dict[str, Any] = {}
            try:
                if action == "correct":
                    fields = {"stance": form.get("stance") or None, "stage": form.get("stage") or None,
                              "candidate_id": _int_or_none(form.get("candidate_id"), "candidate"),
                              "race_id": _int_or_none(form.get("race_id"), "race"),
                              "endorser_id": _int_or_none(form.get("endorser_id"), "endorser")}
                    for role in ("endorser", "candidate"):  # a name typed in wins over the list's choice
                        typed = (form.get(f"{role}_name") or "").strip()
                        if typed:
                            fields[f"{role}_name"], fields[f"{role}_id"] = typed, None
                reviews.record_review(db, fact_id, action, note=form.get("note"), reviewer=form.get("reviewer"),
                                      **fields)
            except QueryError as exc:
                return {**ctx, "form_error": exc.message}
            return None
        finally:
            db.close()

    problem = await run_in_threadpool(save)
    if problem is not None:
        return render(request, "fact.html", {**problem, "saved": None, "fact_label": fact_label}, 422)
    return RedirectResponse(f"/fact/{fact_id}?saved={action}#review", status_code=303)
