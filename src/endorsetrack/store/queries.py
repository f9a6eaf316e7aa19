"""Named read queries, shared by the CLI and a future web UI: each returns a list of flat dicts.

Current queries read only current article versions (a superseded text's reports
stay in the log, shown with ``history=True``). A fact's race is the race its
reports state, else its candidate's only known race. ``as_of`` keeps reports
dated on or before that day; undated reports cannot be placed and are left out
(``endorsements(include_undated=True)`` keeps them; ``undated_reports`` counts them
under the same filters, so that every caller can say how many it left out). ``rollup`` shows locals under the
top body of their hierarchy.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Callable, Optional

from ..errors import BadDateError, QueryError
from ..resolve import RACE_PARTS, name_key
from ..types import STAGES, STANCES
from .connection import Database
from .review import reviewed_source_rows
from .view import CatalogView

SOURCE_SQL = """SELECT ss.id AS source_id, s.id AS fact_id, s.endorser_id, s.candidate_id, s.stance, s.stage,
 s.race_id, ss.effective_date, ss.date_basis, ss.date_window_start, ss.date_window_end, ss.evidence,
 ss.start_offset, ss.end_offset, ss.confidence, ss.rule_id, ss.rule_version, ss.run_id, ss.endorser_text,
 ss.candidate_text, ss.race_text, a.id AS article_id, a.url, a.doc, a.title, a.published, a.is_current
 FROM stance_sources ss JOIN stances s ON s.id = ss.stance_id JOIN articles a ON a.id = ss.article_id"""

# Within one day, a later step of the same endorser's process wins: undecided ->
# will endorse -> a decision -> a withdrawal.
STANCE_STEP = {"undecided": 0, "will_endorse": 1, "endorses": 2, "declines": 2, "opposes": 2, "rescinds": 3}
STANCE_ORDER = {s: i for i, s in enumerate(("endorses", "will_endorse", "opposes", "rescinds", "undecided",
                                            "declines"))}
SUPPORT = ("endorses", "will_endorse")
#: A race's parts as columns of fact rows (the stance's own stage is "stage").
RACE_PART_COLUMNS = ("race_id", *(f"race_{p}" for p in RACE_PARTS))
EXPORT_COLUMNS = ("date", "date_basis", "date_window_start", "date_window_end", "endorser", "endorser_type",
                  "parent_organization", "top_organization", "candidate", "stance", "stage", "race",
                  *RACE_PART_COLUMNS, "source_url",
                  "source_doc", "source_title", "published", "evidence", "evidence_start", "evidence_end",
                  "confidence", "endorser_as_written", "candidate_as_written", "fact_id", "first_reported",
                  "report_count", "rule_id", "rule_version", "run_id", "current", "review")


def check_date(value: Optional[str], option: str = "--as-of") -> Optional[str]:
    """A YYYY-MM-DD date, or BadDateError naming the option."""
    if value is None:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    raise BadDateError(f"{option} wants a date as YYYY-MM-DD, got '{value}'")


def check_choice(value: Optional[str], choices: tuple[str, ...], option: str) -> Optional[str]:
    if value is not None and value not in choices:
        raise QueryError(f"{option} must be one of {', '.join(choices)}, got '{value}'")
    return value


def source_rows(db: Database, view: CatalogView, *, history: bool = False, endorsers: Optional[set[int]] = None,
                candidates: Optional[set[int]] = None, races: Optional[set[int]] = None,
                stance: Optional[str] = None, stage: Optional[str] = None,
                as_of: Optional[str] = None) -> list[dict]:
    """Every report (log entry) that fits the filters, with the fact's effective race."""
    where: list[str] = []
    params: list[object] = []
    if not history:
        where.append("a.is_current = 1")
    for col, ids in (("s.endorser_id", endorsers), ("s.candidate_id", candidates)):
        if ids is not None:
            where.append(f"{col} IN ({', '.join('?' for _ in ids) or 'NULL'})")
            params.extend(sorted(ids))
    if stance:
        where.append("s.stance = ?")
        params.append(stance)
    if stage:
        where.append("s.stage = ?")
        params.append(stage)
    if as_of:
        where.append("ss.effective_date IS NOT NULL AND ss.effective_date <= ?")
        params.append(as_of)
    sql = SOURCE_SQL + (" WHERE " + " AND ".join(where) if where else "")
    rows = []
    for r in db.query(sql, params):
        r["race_id"] = view.race_of(r["race_id"], r["candidate_id"])
        if races is not None and r["race_id"] not in races:
            continue
        rows.append(r)
    rows.sort(key=_date_order)
    return rows


def _date_order(r: dict) -> tuple:
    return (r["effective_date"] is None, r["effective_date"] or "", r["article_id"], r["start_offset"])


def undated_reports(db: Database, *, candidate: Optional[str] = None, endorser: Optional[str] = None,
                    race: Optional[str] = None, stance: Optional[str] = None, stage: Optional[str] = None,
                    rollup: bool = False) -> int:
    """How many current reports fitting these filters have no known date: what ``as_of`` leaves out."""
    check_choice(stance, STANCES, "--stance")
    check_choice(stage, STAGES, "--stage")
    view = CatalogView(db)
    ends, cands, races = _find_filters(view, candidate, endorser, race, rollup)
    return sum(1 for r in reviewed_source_rows(db, view, endorsers=ends, candidates=cands, races=races,
                                               stance=stance, stage=stage) if r["effective_date"] is None)


def _find_filters(view: CatalogView, candidate: Optional[str], endorser: Optional[str], race: Optional[str],
                  rollup: bool) -> tuple[Optional[set[int]], Optional[set[int]], Optional[set[int]]]:
    """The endorser, candidate and race ids the name filters match (None: no filter)."""
    ends = view.find(endorser, "endorser") if endorser else None
    if ends is not None and rollup:
        ends = view.with_descendants(ends)
    cands = view.find(candidate, "candidate") if candidate else None
    races = view.find_races(race) if race else None
    return ends, cands, races


def _reported_by(rows: list[dict], as_of: Optional[str], include_undated: bool) -> list[dict]:
    """The reports dated on or before ``as_of`` (all without it), and undated ones when asked."""
    if not as_of:
        return rows
    return [r for r in rows if (r["effective_date"] is not None and r["effective_date"] <= as_of)
            or (include_undated and r["effective_date"] is None)]


def undated_count(db: Database) -> int:
    """Every current report without a known date, whatever the filters (see ``undated_reports``)."""
    return db.scalar("SELECT count(*) FROM stance_sources ss JOIN articles a ON a.id = ss.article_id"
                     " WHERE a.is_current = 1 AND ss.effective_date IS NULL") or 0


def _source(r: dict) -> str:
    return r["url"] or r["doc"]


def _entity_cols(view: CatalogView, eid: int, rollup: bool) -> dict:
    shown = view.root(eid) if rollup else eid
    parent = view.parent(eid)
    return {"endorser": view.name(shown), "endorser_type": view.entities[shown].type,
            "parent": view.name(parent) if parent is not None else None,
            "via_local": view.name(eid) if shown != eid else None}


def endorsements(db: Database, *, candidate: Optional[str] = None, endorser: Optional[str] = None,
                 race: Optional[str] = None, stance: Optional[str] = None, stage: Optional[str] = None,
                 as_of: Optional[str] = None, rollup: bool = False, history: bool = False,
                 include_undated: bool = False) -> list[dict]:
    """One row per fact: who took which stance toward whom, first report, report count, sources.

    With ``as_of``, only reports dated by then count; ``include_undated`` keeps the reports
    with no known date too (a fact known only from those has ``first_reported`` None).
    """
    check_choice(stance, STANCES, "--stance")
    check_choice(stage, STAGES, "--stage")
    as_of = check_date(as_of)
    view = CatalogView(db)
    ends, cands, races = _find_filters(view, candidate, endorser, race, rollup)
    facts: dict[int, dict] = {}
    rows = reviewed_source_rows(db, view, history=history, endorsers=ends, candidates=cands, races=races,
                                stance=stance, stage=stage, as_of=None if include_undated else as_of)
    for r in _reported_by(rows, as_of, include_undated):
        f = facts.get(r["fact_id"])
        if f is None:
            f = facts[r["fact_id"]] = {
                "fact_id": r["fact_id"], **_entity_cols(view, r["endorser_id"], rollup),
                "stance": r["stance"], "candidate": view.name(r["candidate_id"]), "stage": r["stage"],
                "race": view.race_name(r["race_id"]), **view.race_parts(r["race_id"]),
                "first_reported": r["effective_date"],
                "last_reported": r["effective_date"], "reports": 0, "confidence": 0.0,
                "evidence": r["evidence"], "source": _source(r), "sources": []}
        f["reports"] += 1
        f["confidence"] = round(max(f["confidence"], r["confidence"]), 3)
        if r["effective_date"]:
            f["last_reported"] = max(f["last_reported"] or "", r["effective_date"])
        if _source(r) not in f["sources"]:
            f["sources"].append(_source(r))
    out = list(facts.values())
    for f in out:
        f["reports"] = len(f["sources"])
    out.sort(key=lambda f: (f["race"] or "~", f["candidate"] or "~", STANCE_ORDER[f["stance"]],
                            f["endorser"] or "", f["stage"] or "~"))
    return out


def race_status(db: Database, race: str, *, as_of: Optional[str] = None, rollup: bool = False) -> list[dict]:
    """Who backs whom in one race at a date, per stage: each endorser's latest stance(s).

    ``race`` must mean one race (``race_record``): AmbiguousRaceError lists the races it fits.

    Undecided and declined endorsers are rows too. An endorser whose latest reports
    back two candidates at once gets both rows (see ``conflicts``).
    """
    as_of = check_date(as_of)
    view = CatalogView(db)
    races = {view.find_race(race)}
    groups: dict[tuple, list[dict]] = {}
    for r in reviewed_source_rows(db, view, races=races, as_of=as_of):
        who = view.root(r["endorser_id"]) if rollup else r["endorser_id"]
        groups.setdefault((r["race_id"], r["stage"], who), []).append(r)
    out = []
    for (race_id, stage, who), rows in groups.items():
        latest_day = max((r["effective_date"] or "") for r in rows)
        today = [r for r in rows if (r["effective_date"] or "") == latest_day]
        top = max(STANCE_STEP[r["stance"]] for r in today)
        seen = set()
        for r in today:
            if STANCE_STEP[r["stance"]] != top or (r["stance"], r["candidate_id"]) in seen:
                continue
            seen.add((r["stance"], r["candidate_id"]))
            reports = {x["article_id"] for x in rows if x["fact_id"] == r["fact_id"]}
            out.append({"race": view.race_name(race_id), "stage": stage, "stance": r["stance"],
                        "candidate": view.name(r["candidate_id"]), **_entity_cols(view, r["endorser_id"], rollup),
                        "endorser": view.name(who), "date": r["effective_date"], "date_basis": r["date_basis"],
                        "reports": len(reports), "evidence": r["evidence"], "source": _source(r)})
    out.sort(key=lambda x: (x["race"] or "", (STAGES + (None,)).index(x["stage"]), STANCE_ORDER[x["stance"]],
                            x["candidate"] or "~", x["endorser"] or ""))
    return out


def report_cycle(view: CatalogView, race_id: Optional[int], day: Optional[str]) -> Optional[int]:
    """The election cycle a report belongs to: its race's year, else the year of its date (a race
    stored without a year, "mayor, Eastvale", holds every cycle's contest); None when neither is
    known (an undated report of a yearless race, or a report with no race)."""
    if race_id is None:
        return None
    year = (view.race_records.get(race_id) or {}).get("year")
    if year is not None:
        return int(year)
    return int(day[:4]) if day else None


def mark_changes(view: CatalogView, reports: list[dict], *, date_field: str = "date",
                 counts: Callable[[dict], bool] = lambda r: True) -> list[dict]:
    """Set each report's "change" ("change" where the endorser's stance or candidate differs from
    its previous report of the same race, stage and cycle; "rescind" for a withdrawal) and
    "previous" (that previous report's stance and candidate). ``reports`` are in date order and
    carry endorser_id, race_id, stage, stance, candidate_id, article_id and ``date_field``.

    Reports of different races, stages or cycles are separate histories: a 2014 opposition and
    a 2018 endorsement are no change of mind, and neither is an undated report of a yearless
    race next to a dated one (its cycle is unknown), nor a report with no race. Reports for
    which ``counts`` is False (superseded, rejected) are marked with nothing and skipped. One
    article's reports of the same date are simultaneous ("declined to back Ames or Bell"): one is
    no change from another; the article's earlier-dated reports ("backed Ames in March") are."""
    last: dict[tuple, tuple] = {}
    for r in reports:
        r["change"] = r["previous"] = None
        if not counts(r):
            continue
        if r["stance"] == "rescinds":
            r["change"] = "rescind"
        cycle = report_cycle(view, r["race_id"], r[date_field])
        if cycle is None:
            continue
        key = (r["endorser_id"], r["race_id"], r["stage"], cycle)
        moment = (r["article_id"], r[date_field])
        now = (r["stance"], r["candidate_id"])
        # per history: (the last report's moment, the stance before that moment, the last stance)
        state = last.get(key)
        before = None if state is None else state[1] if state[0] == moment else state[2]
        if before is not None:
            if before != now and r["change"] is None:
                r["change"] = "change"
            r["previous"] = {"stance": before[0], "candidate": view.name(before[1])}
        last[key] = (moment, before, now)
    return reports


def timeline(db: Database, name: str, *, rollup: bool = False, history: bool = False) -> list[dict]:
    """Every report about an endorser (as endorser) or a candidate, in date order, with evidence,
    and where an endorser's stance changed within one race, stage and cycle (``mark_changes``)."""
    view = CatalogView(db)
    ids = view.find(name, "endorser or candidate")
    ends = view.with_descendants(ids) if rollup else ids
    rows = reviewed_source_rows(db, view, history=history, endorsers=ends)
    rows += [r for r in reviewed_source_rows(db, view, history=history, candidates=ids)
             if r["endorser_id"] not in ends]
    rows.sort(key=_date_order)
    mark_changes(view, rows, date_field="effective_date", counts=lambda r: bool(r["is_current"]))
    return [{"date": r["effective_date"], "date_basis": r["date_basis"],
             "window": _window(r), **_entity_cols(view, r["endorser_id"], False),
             "stance": r["stance"], "candidate": view.name(r["candidate_id"]), "stage": r["stage"],
             "race": view.race_name(r["race_id"]), "change": r["change"], "was": _was(r["previous"], r["change"]),
             "evidence": r["evidence"], "source": _source(r),
             "title": r["title"], "current": bool(r["is_current"]), "confidence": r["confidence"]}
            for r in rows]


def _was(previous: Optional[dict], change: Optional[str]) -> Optional[str]:
    """The previous stance in words ("endorses Ned Lamont") where the report changes it."""
    if change != "change" or not previous:
        return None
    return f"{previous['stance']} {previous['candidate']}" if previous["candidate"] else previous["stance"]


def _window(r: dict) -> Optional[str]:
    if r["date_basis"] not in ("inferred", "url-month", "unknown"):
        return None
    lo, hi = r["date_window_start"], r["date_window_end"]
    if not lo and not hi:
        return None
    return f"{lo or '?'}..{hi or '?'}"


def export_rows(db: Database, *, history: bool = False) -> list[dict]:
    """The full record: one row per report of a stance, with the fact's first report and count."""
    view = CatalogView(db)
    rows = reviewed_source_rows(db, view, history=history)
    per_fact: dict[int, tuple[Optional[str], set[int]]] = {}
    for r in rows:
        first, arts = per_fact.get(r["fact_id"], (None, set()))
        if r["is_current"]:
            arts.add(r["article_id"])
            if r["effective_date"] and (first is None or r["effective_date"] < first):
                first = r["effective_date"]
        per_fact[r["fact_id"]] = (first, arts)
    out = []
    for r in rows:
        ent = view.entities[r["endorser_id"]]
        first, arts = per_fact[r["fact_id"]]
        out.append({
            "date": r["effective_date"], "date_basis": r["date_basis"],
            "date_window_start": r["date_window_start"], "date_window_end": r["date_window_end"],
            "endorser": ent.name, "endorser_type": ent.type, "parent_organization": view.name(ent.parent_id),
            "top_organization": view.name(view.root(ent.id)) if ent.parent_id is not None else None,
            "candidate": view.name(r["candidate_id"]), "stance": r["stance"], "stage": r["stage"],
            "race": view.race_name(r["race_id"]), **view.race_parts(r["race_id"]),
            "source_url": r["url"], "source_doc": r["doc"],
            "source_title": r["title"], "published": r["published"], "evidence": r["evidence"],
            "evidence_start": r["start_offset"], "evidence_end": r["end_offset"], "confidence": r["confidence"],
            "endorser_as_written": r["endorser_text"], "candidate_as_written": r["candidate_text"],
            "fact_id": r["fact_id"], "first_reported": first, "report_count": len(arts),
            "rule_id": r["rule_id"], "rule_version": r["rule_version"], "run_id": r["run_id"],
            "current": bool(r["is_current"]), "review": r.get("review")})
    return out


#: ``export --preset 538``: FiveThirtyEight's endorsement-table shape (date, endorser, endorsee,
#: the endorser's category, the position the endorsee seeks and where, stage, source, evidence),
#: plus the race label and year and whether the report is a decision or an announced intention.
PRESET_538_COLUMNS = ("date", "endorser", "endorsee", "category", "position_sought", "year", "state", "district",
                      "city", "stage", "race", "stance", "source", "evidence")
#: The stances the 538 preset keeps: support decided or announced (oppositions, declines,
#: undecided and rescinded are not endorsements in that table's sense).
PRESET_538_STANCES = SUPPORT


def export_538_rows(db: Database, *, history: bool = False) -> list[dict]:
    """One row per report of an endorsement (endorses or will_endorse) in PRESET_538_COLUMNS: the
    report's date, the race's office, year, state, district and city; the stance's stage, else the
    race's; the article's url (its file name without one)."""
    return [{"date": r["date"], "endorser": r["endorser"], "endorsee": r["candidate"],
             "category": r["endorser_type"], "position_sought": r["race_office"], "year": r["race_year"],
             "state": r["race_state"], "district": r["race_district"], "city": r["race_city"],
             "stage": r["stage"] or r["race_stage"], "race": r["race"], "stance": r["stance"],
             "source": r["source_url"] or r["source_doc"], "evidence": r["evidence"]}
            for r in export_rows(db, history=history) if r["stance"] in PRESET_538_STANCES]


PRESETS = {"538": (export_538_rows, PRESET_538_COLUMNS)}


def poll_rows(db: Database, *, race: Optional[str] = None, history: bool = False) -> list[dict]:
    """One row per matchup (a poll result set for one population); the same matchup reported by several
    articles is one row with its count. The matchups one article reports from one pollster, with the same
    release date and sample universe, are the questions of one poll: they share ``poll_id`` (the lowest
    store id of its rows) and are numbered 1, 2, ... by ``question`` (see ``_number_questions``)."""
    view = CatalogView(db)
    races = view.find_races(race) if race else None
    sql = ("SELECT p.*, a.url, a.doc, a.is_current FROM polls p JOIN articles a ON a.id = p.article_id"
           + ("" if history else " WHERE a.is_current = 1") + " ORDER BY p.id")
    polls = db.query(sql)
    results: dict[int, list[dict]] = {}
    for r in db.query("SELECT poll_id, candidate_id, share FROM poll_results ORDER BY share DESC, id"):
        results.setdefault(r["poll_id"], []).append(r)
    grouped: dict[tuple, dict] = {}
    for p in polls:
        res = results.get(p["id"], [])
        race_id = p["race_id"]
        if race_id is None:  # a poll's race: stated, else the race its candidates are known in
            known = {view.only_race.get(r["candidate_id"]) for r in res} - {None}
            race_id = next(iter(known)) if len(known) == 1 else None
        if races is not None and race_id not in races:
            continue
        key = (p["pollster_id"], p["population"], p["released"],
               tuple((r["candidate_id"], r["share"]) for r in res))
        row = grouped.get(key)
        if row is None:
            row = grouped[key] = {
                "date": p["effective_date"], "released": p["released"], "pollster": view.name(p["pollster_id"]),
                "population": p["population"], "race": view.race_name(race_id), "race_id": race_id,
                "race_state": view.race_parts(race_id)["race_state"],
                "results": [{"candidate": view.name(r["candidate_id"]), "share": r["share"]} for r in res],
                "candidate_ids": [r["candidate_id"] for r in res],
                "sample_size": p["sample_size"], "sample_universe": p["sample_universe"],
                "margin_of_error": p["margin_of_error"], "sponsor": p["sponsor"], "field_dates": p["field_dates"],
                "evidence": p["evidence"], "source": p["url"] or p["doc"], "source_url": p["url"],
                "source_doc": p["doc"], "pollster_id": p["pollster_id"], "store_id": p["id"], "reports": 0}
        row["reports"] += 1
        if p["effective_date"] and (row["date"] is None or p["effective_date"] < row["date"]):
            row["date"] = p["effective_date"]
    out = list(grouped.values())
    _number_questions(out)
    out.sort(key=lambda r: (r["date"] is None, r["date"] or "", r["pollster"] or "", r["poll_id"], r["question"],
                            r["population"] or ""))
    return out


def _number_questions(rows: list[dict]) -> None:
    """Set ``poll_id`` and ``question`` on matchup rows.

    One poll per (article, pollster, release date, sample universe, state of the race): a pollster's
    surveys of two states are two polls. Articles often state the universe once, for the first matchup,
    and a race is not always known: a matchup that lacks one of these belongs to the poll of the value
    stated last before it (else the first one stated), so that it does not become a poll of its own.
    Within a poll, one question per distinct set of candidates, in store (text) order; a subgroup's
    figures are the question of the latest whole-sample matchup that holds all their candidates, when
    there is one."""
    by_release: dict[tuple, list[dict]] = {}
    for r in rows:
        by_release.setdefault((r["source"], r["pollster_id"], r["released"]), []).append(r)
    for members in by_release.values():
        members.sort(key=lambda r: r["store_id"])
        last = [next((r[k] for r in members if r[k] is not None), None) for k in POLL_SPLIT_FACTS]
        polls: dict[tuple, list[dict]] = {}
        for r in members:
            last = [r[k] if r[k] is not None else was for k, was in zip(POLL_SPLIT_FACTS, last)]
            polls.setdefault(tuple(last), []).append(r)
        for poll in polls.values():
            _number_poll(poll)


#: Facts that tell two polls of one pollster, article and release date apart.
POLL_SPLIT_FACTS = ("sample_universe", "race_state")
#: The facts of a whole poll (not of one question or subgroup, as sample size and margin of error can
#: be): a question that states none takes the poll's, first stated wins.
POLL_WIDE_FACTS = ("sample_universe", "sponsor", "field_dates")


def _number_poll(members: list[dict]) -> None:
    poll_id = min(r["store_id"] for r in members)
    wide = {k: next((r[k] for r in members if r[k] is not None), None) for k in POLL_WIDE_FACTS}
    questions: dict[frozenset, int] = {}
    for r in members:
        r["poll_id"] = poll_id
        r["poll_facts"] = {k: r[k] if r[k] is not None else v for k, v in wide.items()}
        cands = frozenset(r["candidate_ids"])
        if r["population"] is not None and cands not in questions:
            holds = [n for c, n in questions.items() if cands <= c]
            if holds:
                r["question"] = holds[-1]
                continue
        r["question"] = questions.setdefault(cands, len(questions) + 1)


#: ``polls --format csv|json`` and ``export --what polls``: one row per (poll, question, population,
#: candidate, share). ``released`` is a full ISO date or empty; ``released_partial`` holds the partial
#: form ("--08-17", "2016-08") when the full date is unknown.
POLL_SHARE_COLUMNS = ("poll_id", "question", "pollster", "sponsor", "field_start", "field_end", "released",
                      "released_partial", "sample_size", "universe", "margin_of_error", "population", "candidate",
                      "share", "race", "source_url", "source_doc")
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def release_forms(released: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """(the full ISO date, None) when ``released`` is one, else (None, the partial form or None)."""
    if released and _FULL_DATE.fullmatch(released):
        return released, None
    return None, released or None


def field_span(field_dates: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """A poll's field period as (start, end): "2006-08-10/2006-08-14" is two days, one day is both."""
    if not field_dates:
        return None, None
    start, _, end = field_dates.partition("/")
    return start or None, (end or start) or None


def poll_share_rows(db: Database, *, race: Optional[str] = None, history: bool = False) -> list[dict]:
    """The polls in long form (POLL_SHARE_COLUMNS): one row per candidate's share in each question and
    population of each poll, in poll_rows' order, with the poll's universe, sponsor and field dates
    (POLL_WIDE_FACTS) where a question states none; a matchup with no shares is one row with no candidate."""
    out = []
    for p in poll_rows(db, race=race, history=history):
        released, partial = release_forms(p["released"])
        wide = p["poll_facts"]
        start, end = field_span(wide["field_dates"])
        base = {"poll_id": p["poll_id"], "question": p["question"], "pollster": p["pollster"],
                "sponsor": wide["sponsor"], "field_start": start, "field_end": end, "released": released,
                "released_partial": partial, "sample_size": p["sample_size"], "universe": wide["sample_universe"],
                "margin_of_error": p["margin_of_error"], "population": p["population"]}
        tail = {"race": p["race"], "source_url": p["source_url"], "source_doc": p["source_doc"]}
        for res in p["results"] or [{"candidate": None, "share": None}]:
            out.append({**base, "candidate": res["candidate"], "share": res["share"], **tail})
    return out


RACE_COLUMNS = ("id", "label", *RACE_PARTS, "endorsements", "polls", "endorsers", "candidates", "last_report")


def race_record(db: Database, race: str) -> dict:
    """The one race a query means (its #id, its label, or words only it holds): id, label and parts.

    AmbiguousRaceError names every race the query fits when it fits several."""
    view = CatalogView(db)
    rid = view.find_race(race)
    return {"id": rid, "label": view.race_name(rid), **view.race_parts(rid, prefix="")}


def _place_fits(query_key: str, rec: dict) -> bool:
    """True when the query's words are a run of words of the race's city, county, state or country."""
    return any(f" {query_key} " in f" {name_key(rec[p])} " for p in ("city", "county", "state", "country") if rec[p])


def race_rows(db: Database, *, year: Optional[int] = None, office: Optional[str] = None,
              place: Optional[str] = None) -> list[dict]:
    """Every race as a record (id, label, parts) with its counts: stance facts ("endorsements"),
    polls, distinct endorsers and candidates (of facts and polls), last report date; newest
    year first. ``office`` keeps races whose office holds all its words, ``place`` those whose
    city, county, state or country does."""
    view = CatalogView(db)
    office_words = set(name_key(office).split()) if office else None
    place_key = name_key(place) if place else None
    if (office is not None and not office_words) or (place is not None and not place_key):
        raise QueryError("--office and --place need a word")
    keep = {rid for rid, rec in view.race_records.items()
            if (year is None or rec["year"] == year)
            and (office_words is None or office_words <= set(name_key(rec["office"]).split()))
            and (place_key is None or _place_fits(place_key, rec))}
    stats: dict[int, dict] = {rid: {"facts": set(), "endorsers": set(), "candidates": set(), "polls": set(),
                                    "last_report": None} for rid in keep}
    for r in reviewed_source_rows(db, view):
        s = stats.get(r["race_id"])
        if s is None:
            continue
        s["facts"].add(r["fact_id"])
        s["endorsers"].add(r["endorser_id"])
        if r["candidate_id"] is not None:
            s["candidates"].add(r["candidate_id"])
        if r["effective_date"] and (s["last_report"] or "") < r["effective_date"]:
            s["last_report"] = r["effective_date"]
    for p in poll_rows(db):
        s = stats.get(p["race_id"])
        if s is None:
            continue
        s["polls"].add(p["poll_id"])  # a poll's several questions (matchups) count once
        s["candidates"].update(p["candidate_ids"])
        if p["date"] and (s["last_report"] or "") < p["date"]:
            s["last_report"] = p["date"]
    out = [{"id": rid, "label": view.race_name(rid), **view.race_parts(rid, prefix=""),
            "endorsements": len(s["facts"]), "polls": len(s["polls"]), "endorsers": len(s["endorsers"]),
            "candidates": len(s["candidates"]), "last_report": s["last_report"]}
           for rid, s in stats.items()]
    out.sort(key=lambda r: (r["year"] is None, -(r["year"] or 0), r["label"] or ""))
    return out


def entity_rows(db: Database, name: Optional[str] = None) -> list[dict]:
    """Canonical entities with every stored name, its match score and method, and the parent."""
    view = CatalogView(db)
    ids = view.find(name, "entity") if name else set(view.entities)
    names: dict[int, list[dict]] = {}
    for r in db.query("SELECT entity_id, name, score, method FROM entity_names ORDER BY entity_id, score DESC, id"):
        if r["entity_id"] in ids:
            names.setdefault(r["entity_id"], []).append(
                {"name": r["name"], "score": round(r["score"], 3), "method": r["method"]})
    out = []
    for eid in sorted(ids):
        e = view.entities[eid]
        out.append({"id": eid, "name": e.name, "kind": e.kind, "type": e.type, "parent": view.name(e.parent_id),
                    "top": view.name(view.root(eid)) if e.parent_id is not None else None,
                    "locals": sorted(view.name(c) or "" for c in view.children.get(eid, ())),
                    "names": names.get(eid, [])})
    return out
