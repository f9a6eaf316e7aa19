"""Read queries for the web UI: pages addressed by row id, every row carrying the ids a page links with.

Built on the store's named queries (``queries.source_rows``, ``queries.poll_rows``)
through ``review.reviewed_source_rows``, so every page shows facts as reviewed:
rejected facts out of counts and charts, corrections in place. Each function
returns plain dicts (JSON-ready) for the HTML pages and the JSON API alike, and
raises UnknownNameError / UnknownRaceError for an id that is not in the database.
"""
from __future__ import annotations

from pathlib import PurePath
from typing import Any, Optional

from ..errors import UnknownNameError, UnknownRaceError
from ..resolve import race_place
from .connection import Database
from .queries import SOURCE_SQL, STANCE_ORDER, SUPPORT, mark_changes, poll_rows, race_record, race_rows
from .review import apply_reviews, latest_reviews, review_history, reviewed_source_rows
from .view import CatalogView

# Rows on the home page's "latest reports" list: a screenful.
RECENT_LIMIT = 15
# Search results per kind; a search box is for finding a page, not for listing the database.
SEARCH_LIMIT = 25
UNSTATED = "unstated"
STAGES = ("primary", "general", UNSTATED)


def keep_row(r: dict, as_of: Optional[str] = None, stage: Optional[str] = None,
             stance: Optional[str] = None) -> bool:
    """A page's filters on one report: known no later than ``as_of`` (ISO date), in ``stage``, of ``stance``.

    With ``as_of``, an undated report is left out (it cannot be placed before the date); pages say how many.
    """
    if as_of and (not r["effective_date"] or r["effective_date"] > as_of):
        return False
    if stage and _stage(r["stage"]) != stage:
        return False
    return not stance or r["stance"] == stance


def article_label(title: Optional[str], url: Optional[str], doc: str) -> str:
    """What a reader calls an article: its title, else its URL, else its file name (never a full local path)."""
    return title or url or PurePath(doc).name or doc


def _report(view: CatalogView, r: dict) -> dict:
    """One report (a source row) with names beside its ids."""
    return {"source_id": r["source_id"], "fact_id": r["fact_id"], "date": r["effective_date"],
            "date_basis": r["date_basis"], "endorser_id": r["endorser_id"], "endorser": view.name(r["endorser_id"]),
            "endorser_type": view.entities[r["endorser_id"]].type, "stance": r["stance"],
            "candidate_id": r["candidate_id"], "candidate": view.name(r["candidate_id"]), "stage": r["stage"],
            "race_id": r["race_id"], "race": view.race_name(r["race_id"]), "evidence": r["evidence"],
            "start": r["start_offset"], "end": r["end_offset"], "confidence": r["confidence"],
            "article_id": r["article_id"], "article": article_label(r["title"], r["url"], r["doc"]),
            "article_url": r["url"], "published": r["published"],
            "current": bool(r["is_current"]), "review": r.get("review"), "review_note": r.get("review_note")}


def _facts(view: CatalogView, rows: list[dict]) -> list[dict]:
    """One entry per fact: first report's evidence and article, first date, count of reporting articles."""
    facts: dict[int, dict] = {}
    for r in rows:
        f = facts.get(r["fact_id"])
        if f is None:
            f = facts[r["fact_id"]] = {**_report(view, r), "first_reported": r["effective_date"], "articles": set()}
        if r["effective_date"] and (f["first_reported"] is None or r["effective_date"] < f["first_reported"]):
            f["first_reported"] = r["effective_date"]
        f["articles"].add(r["article_id"])
    out = []
    for f in facts.values():
        f["reports"] = len(f.pop("articles"))
        out.append(f)
    out.sort(key=lambda f: ((f["candidate"] or "~"), STANCE_ORDER[f["stance"]], f["endorser"] or "",
                            f["stage"] or "~"))
    return out


def _current_article_ids(db: Database) -> dict[str, int]:
    """Current article id by its source (URL, else doc), to link poll_rows' sources."""
    return {r["url"] or r["doc"]: r["id"] for r in db.query("SELECT id, url, doc FROM articles WHERE is_current = 1")}


def _polls(db: Database, keep) -> list[dict]:
    ids = _current_article_ids(db)
    return [{**p, "article_id": ids.get(p["source"])} for p in poll_rows(db) if keep(p)]


def race_list(db: Database) -> list[dict]:
    """Every race (label and parts) with its number of facts, endorsers, candidates and polls,
    newest year first (``queries.race_rows``; "name" is the label, "facts" its endorsements, "place"
    where it is, as ``endorsetrack races`` shows it)."""
    out = [{**r, "name": r["label"], "facts": r["endorsements"], "place": race_place(r)} for r in race_rows(db)]
    out.sort(key=lambda r: (-(r["year"] or 0), -r["facts"], r["name"]))
    return out


def find_race(db: Database, q: str) -> dict:
    """The one race a typed query means, else AmbiguousRaceError with the races it fits
    (the web's /race?q=, as ``status --race``)."""
    return race_record(db, q)


def article_list(db: Database) -> list[dict]:
    """Every current article, newest first (undated last), with how many reports and polls it gave."""
    counts: dict[int, dict[str, int]] = {}
    for r in db.query("SELECT article_id, COUNT(*) AS n FROM stance_sources GROUP BY article_id"):
        counts.setdefault(r["article_id"], {})["reports"] = r["n"]
    for r in db.query("SELECT article_id, COUNT(*) AS n FROM polls GROUP BY article_id"):
        counts.setdefault(r["article_id"], {})["polls"] = r["n"]
    out = [{"id": a["id"], "label": article_label(a["title"], a["url"], a["doc"]), "url": a["url"],
            "published": a["published"], "reports": counts.get(a["id"], {}).get("reports", 0),
            "polls": counts.get(a["id"], {}).get("polls", 0)}
           for a in db.query("SELECT id, doc, url, title, published FROM articles WHERE is_current = 1")]
    out.sort(key=lambda a: (a["published"] or "", a["id"]), reverse=True)
    return out


def poll_list(db: Database) -> list[dict]:
    """Every poll (one row per poll reported, however many articles report it), newest first."""
    polls = _polls(db, lambda p: True)
    polls.sort(key=lambda p: (p["date"] or p["released"] or ""), reverse=True)
    return polls


def recent_reports(db: Database, limit: int = RECENT_LIMIT, dated: bool = True) -> list[dict]:
    """The latest dated reports, newest first (what changed lately); with ``dated=False``, the latest
    stored reports that have no date, newest ingest first (so undated facts are seen too)."""
    view = CatalogView(db)
    rows = [r for r in reviewed_source_rows(db, view) if bool(r["effective_date"]) == dated]
    rows.sort(key=lambda r: (r["effective_date"] or "", r["article_id"], r["source_id"]), reverse=True)
    return [_report(view, r) for r in rows[:limit]]


def by_sentence(reports: list[dict]) -> list[dict]:
    """Reports grouped by the sentence they come from, in first-seen order: one quote, every fact it gave."""
    groups: dict[tuple, dict] = {}
    for r in reports:
        key = (r["article_id"], r["evidence"])
        g = groups.get(key)
        if g is None:
            g = groups[key] = {"date": r["date"], "article_id": r["article_id"], "source_id": r["source_id"],
                               "evidence": r["evidence"], "article": r["article"], "reports": []}
        g["reports"].append(r)
    return list(groups.values())


def _roles(db: Database) -> tuple[set[int], set[int]]:
    endorsers = {r["endorser_id"] for r in db.query("SELECT DISTINCT endorser_id FROM stances")}
    cands = {r["candidate_id"] for r in db.query("SELECT DISTINCT candidate_id FROM stances"
                                                  " WHERE candidate_id IS NOT NULL")}
    cands |= {r["candidate_id"] for r in db.query("SELECT DISTINCT candidate_id FROM poll_results")}
    return endorsers, cands


def search(db: Database, q: str, limit: int = SEARCH_LIMIT) -> dict:
    """Races and entities whose name (any stored spelling) contains the query, case-insensitively."""
    q = " ".join((q or "").split()).casefold()
    if not q:
        return {"query": "", "races": [], "entities": []}
    view = CatalogView(db)
    races = [{"id": rid, "name": name} for rid, (name, key) in view.races.items()
             if q in name.casefold() or q in key]
    endorsers, cands = _roles(db)
    ents: list[dict[str, Any]] = []
    for eid, names in view.names.items():
        hits = [n for n, key in names if q in n.casefold() or q in key]
        if hits and (eid in endorsers or eid in cands):
            ent = view.entities[eid]
            ents.append({"id": eid, "name": ent.name, "type": ent.type, "matched": hits[0],
                         "endorser": eid in endorsers, "candidate": eid in cands})
    races.sort(key=lambda r: r["name"])
    ents.sort(key=lambda e: (not e["name"].casefold().startswith(q), e["name"]))
    return {"query": q, "races": races[:limit], "entities": ents[:limit]}


def _stage(stage: Optional[str]) -> str:
    return stage or UNSTATED


def _support_series(view: CatalogView, rows: list[dict]) -> list[dict]:
    """Per candidate and stage, endorsers backing them over time: +1 on a report of support, -1 on a rescind.

    Stages are apart (a primary backer who never spoke of the general is not a general backer), so a
    chart draws one stage at a time.
    """
    series: dict[tuple[int, str], dict] = {}
    for r in rows:  # date order (source_rows sorts); undated reports cannot be placed
        if r["candidate_id"] is None or not r["effective_date"]:
            continue
        if r["stance"] not in SUPPORT and r["stance"] != "rescinds":
            continue
        stage = _stage(r["stage"])
        s = series.setdefault((r["candidate_id"], stage), {"candidate_id": r["candidate_id"],
                                                           "candidate": view.name(r["candidate_id"]),
                                                           "stage": stage, "backers": set(), "points": []})
        before = len(s["backers"])
        if r["stance"] in SUPPORT:
            s["backers"].add(r["endorser_id"])
        else:
            s["backers"].discard(r["endorser_id"])
        if len(s["backers"]) != before or r["stance"] == "rescinds":
            s["points"].append({"date": r["effective_date"], "count": len(s["backers"]),
                                "endorser": view.name(r["endorser_id"]), "stance": r["stance"],
                                "fact_id": r["fact_id"]})
    out = []
    for s in series.values():
        s.pop("backers")
        out.append(s)
    out.sort(key=lambda s: (STAGES.index(s["stage"]), -(s["points"][-1]["count"] if s["points"] else 0),
                            s["candidate"] or ""))
    return out


def _counts(facts: list[dict]) -> list[dict]:
    """Per candidate: distinct endorsers by stage and stance, and how many back them in all."""
    per: dict[int, dict] = {}
    for f in facts:
        if f["candidate_id"] is None:
            continue
        c = per.setdefault(f["candidate_id"], {"candidate_id": f["candidate_id"], "candidate": f["candidate"],
                                               "by_stage": {}, "backers": set()})
        stage = c["by_stage"].setdefault(_stage(f["stage"]), {})
        stage.setdefault(f["stance"], set()).add(f["endorser_id"])
        if f["stance"] in SUPPORT:
            c["backers"].add(f["endorser_id"])
    out = []
    for c in per.values():
        c["by_stage"] = {st: {k: len(v) for k, v in sorted(stances.items(), key=lambda kv: STANCE_ORDER[kv[0]])}
                         for st, stances in sorted(c["by_stage"].items())}
        c["supporters"] = len(c.pop("backers"))
        out.append(c)
    out.sort(key=lambda c: (-c["supporters"], c["candidate"] or ""))
    return out


def race_detail(db: Database, race_id: int, as_of: Optional[str] = None, stage: Optional[str] = None,
                stance: Optional[str] = None) -> dict:
    """A race: candidates with counts by stance and stage, support over time, polls, every fact.

    ``as_of`` (ISO date), ``stage`` and ``stance`` narrow every part alike (see ``keep_row``); polls
    follow ``as_of`` only. ``undated_reports`` counts the race's undated reports (left out when ``as_of``
    is given, off the charts always).
    """
    view = CatalogView(db)
    if race_id not in view.races:
        raise UnknownRaceError(f"no race with id {race_id} in the database")
    every = reviewed_source_rows(db, view, races={race_id})
    rows = [r for r in every if keep_row(r, as_of, stage, stance)]
    facts = _facts(view, rows)

    def poll_kept(p: dict) -> bool:
        day = p["date"] or p["released"]
        return p["race_id"] == race_id and (not as_of or (bool(day) and day <= as_of))
    return {"race": {"name": view.race_name(race_id), "label": view.race_name(race_id),
                     **view.race_parts(race_id, prefix="")},
            "filters": {"as_of": as_of, "stage": stage, "stance": stance},
            "candidates": _counts(facts),
            "no_candidate": [f for f in facts if f["candidate_id"] is None],
            "facts": facts, "timeline": _support_series(view, rows),
            "polls": _polls(db, poll_kept),
            "undated_reports": sum(1 for r in every if not r["effective_date"] and keep_row(r, None, stage, stance))}


def _entity(view: CatalogView, entity_id: int) -> dict:
    ent = view.entities.get(entity_id)
    if ent is None:
        raise UnknownNameError(f"no endorser or candidate with id {entity_id} in the database")
    return {"id": ent.id, "name": ent.name, "kind": ent.kind, "type": ent.type,
            "names": sorted({n for n, _ in view.names.get(ent.id, ())} - {ent.name})}


def candidate_detail(db: Database, entity_id: int) -> dict:
    """A candidate: who took which stance toward them, per race, and the polls that include them."""
    view = CatalogView(db)
    ent = _entity(view, entity_id)
    rows = reviewed_source_rows(db, view, candidates={entity_id})
    facts = _facts(view, rows)
    races = sorted({(f["race_id"], f["race"]) for f in facts if f["race_id"] is not None}, key=lambda r: r[1])
    name = ent["name"]
    return {"candidate": ent, "facts": facts, "counts": _counts(facts),
            "races": [{"id": rid, "name": rname} for rid, rname in races],
            "timeline": _support_series(view, rows),
            "polls": _polls(db, lambda p: any(x["candidate"] == name for x in p["results"]))}


def _with_changes(view: CatalogView, reports: list[dict]) -> list[dict]:
    """Mark where an endorser's stance differs from its previous report of the same race, stage and
    cycle (``queries.mark_changes``); superseded and rejected reports mark nothing."""
    return mark_changes(view, reports, counts=lambda r: bool(r["current"]) and r["review"] != "reject")


def endorser_detail(db: Database, entity_id: int) -> dict:
    """An endorser's whole history (superseded and rejected reports flagged), parent chain and locals."""
    view = CatalogView(db)
    ent = _entity(view, entity_id)
    rows = reviewed_source_rows(db, view, endorsers={entity_id}, history=True, keep_rejected=True)
    history = _with_changes(view, [_report(view, r) for r in rows])
    chain = [{"id": a, "name": view.name(a)} for a in view.ancestors(entity_id)]
    local_ids = sorted(view.children.get(entity_id, ()), key=lambda c: view.name(c) or "")
    current = [r for r in rows if r["is_current"] and r.get("review") != "reject"]
    return {"endorser": ent, "parents": chain, "locals": [{"id": c, "name": view.name(c)} for c in local_ids],
            "facts": _facts(view, current), "history": history}


def article_detail(db: Database, article_id: int) -> dict:
    """An article's stored text and every report and poll it holds, with character offsets."""
    found = db.query("SELECT id, doc, url, title, published, date_basis, date_window_start, date_window_end,"
                     " text, is_current, superseded_by, ingested_at FROM articles WHERE id = ?", [article_id])
    if not found:
        raise UnknownNameError(f"no article with id {article_id} in the database")
    art = found[0]
    art["is_current"] = bool(art["is_current"])
    view = CatalogView(db)
    rows = db.query(SOURCE_SQL + " WHERE ss.article_id = ? ORDER BY ss.start_offset, ss.id", [article_id])
    for r in rows:
        r["race_id"] = view.race_of(r["race_id"], r["candidate_id"])
    rows = apply_reviews(db, view, rows, latest_reviews(db), keep_rejected=True)
    polls = db.query("SELECT id, pollster_id, population, released, evidence, start_offset, end_offset, race_id"
                     " FROM polls WHERE article_id = ? ORDER BY start_offset, id", [article_id])
    results: dict[int, list[dict]] = {}
    if polls:
        marks = ", ".join("?" for _ in polls)
        for r in db.query(f"SELECT poll_id, candidate_id, share FROM poll_results WHERE poll_id IN ({marks})"
                          " ORDER BY share DESC, id", [p["id"] for p in polls]):
            results.setdefault(r["poll_id"], []).append({"candidate_id": r["candidate_id"],
                                                         "candidate": view.name(r["candidate_id"]),
                                                         "share": r["share"]})
    return {"article": art, "reports": [_report(view, r) for r in rows],
            "polls": [{"poll_id": p["id"], "pollster": view.name(p["pollster_id"]), "population": p["population"],
                       "released": p["released"], "evidence": p["evidence"], "start": p["start_offset"],
                       "end": p["end_offset"], "results": results.get(p["id"], [])} for p in polls]}


def review_choices(db: Database) -> dict:
    """What a correction may pick: every endorser, candidate and race the database knows."""
    view = CatalogView(db)
    endorsers, cands = _roles(db)
    return {"stances": list(STANCE_ORDER), "stages": ["primary", "general", UNSTATED],
            "endorsers": sorted(({"id": e, "name": view.name(e)} for e in endorsers),
                                key=lambda e: e["name"] or ""),
            "candidates": sorted(({"id": c, "name": view.name(c)} for c in cands), key=lambda c: c["name"] or ""),
            "races": sorted(({"id": rid, "name": name} for rid, (name, _) in view.races.items()),
                            key=lambda r: r["name"])}


def fact_detail(db: Database, fact_id: int) -> dict:
    """One fact: its values in force (after review), as extracted, every report, and its review log."""
    found = db.query("SELECT id, endorser_id, candidate_id, stance, stage, race_id FROM stances WHERE id = ?",
                     [fact_id])
    if not found:
        raise UnknownNameError(f"no fact with id {fact_id} in the database")
    view = CatalogView(db)
    raw = found[0]
    rows = db.query(SOURCE_SQL + " WHERE s.id = ? ORDER BY ss.effective_date, ss.id", [fact_id])
    for r in rows:
        r["race_id"] = view.race_of(r["race_id"], r["candidate_id"])
    rows = apply_reviews(db, view, rows, latest_reviews(db), keep_rejected=True)
    reports = [_report(view, r) for r in rows]
    in_force = dict(raw)
    in_force["race_id"] = view.race_of(raw["race_id"], raw["candidate_id"])
    reviews = [rv.as_dict() for rv in review_history(db, fact_id)]
    if rows:
        in_force.update({k: rows[0][k] for k in ("endorser_id", "stance", "stage", "candidate_id", "race_id")})
    extracted = {"endorser_id": raw["endorser_id"], "endorser": view.name(raw["endorser_id"]),
                 "stance": raw["stance"], "stage": raw["stage"], "candidate_id": raw["candidate_id"],
                 "candidate": view.name(raw["candidate_id"]), "race_id": view.race_of(raw["race_id"],
                                                                                    raw["candidate_id"])}
    extracted["race"] = view.race_name(extracted["race_id"])
    return {"fact": {"id": fact_id, "endorser_id": in_force["endorser_id"],
                     "endorser": view.name(in_force["endorser_id"]),
                     "endorser_type": view.entities[in_force["endorser_id"]].type, "stance": in_force["stance"],
                     "candidate_id": in_force["candidate_id"], "candidate": view.name(in_force["candidate_id"]),
                     "stage": in_force["stage"], "race_id": in_force["race_id"],
                     "race": view.race_name(in_force["race_id"]),
                     "review": reviews[-1]["action"] if reviews else None},
            "extracted": extracted, "reports": reports, "reviews": reviews}
