"""Where the record disagrees with itself, for a reader to check against the evidence.

Three kinds, over current facts only:
- two_candidates: one endorser backs two candidates in one race and stage (a stage
  left unknown is compatible with either), with no withdrawal of either;
- stance_clash: one endorser both backs a candidate and declines to endorse (or
  opposes that candidate) in one race and stage;
- local_vs_national: a local backs one candidate while a body above it backs
  another, or opposes the local's candidate.
Both sides come with their date and source; a change over time shows as two dates.
"""
from __future__ import annotations

from itertools import combinations
from typing import Optional

from .connection import Database
from .queries import SUPPORT
from .review import reviewed_source_rows
from .view import CatalogView


def _facts(db: Database, view: CatalogView) -> list[dict]:
    """Current facts, one per fact id, with its first report's date and source."""
    facts: dict[int, dict] = {}
    for r in reviewed_source_rows(db, view):
        facts.setdefault(r["fact_id"], r)
    return list(facts.values())


def _stage_ok(a: Optional[str], b: Optional[str]) -> bool:
    return a is None or b is None or a == b


def _side(view: CatalogView, r: dict, suffix: str) -> dict:
    return {f"endorser_{suffix}": view.name(r["endorser_id"]), f"stance_{suffix}": r["stance"],
            f"candidate_{suffix}": view.name(r["candidate_id"]), f"stage_{suffix}": r["stage"],
            f"date_{suffix}": r["effective_date"], f"source_{suffix}": r["url"] or r["doc"],
            f"evidence_{suffix}": r["evidence"]}


def conflicts(db: Database) -> list[dict]:
    view = CatalogView(db)
    facts = [f for f in _facts(db, view) if f["race_id"] is not None]
    by_endorser_race: dict[tuple[int, int], list[dict]] = {}
    for f in facts:
        by_endorser_race.setdefault((f["endorser_id"], f["race_id"]), []).append(f)
    out = []
    for (_endorser, race_id), group in by_endorser_race.items():
        rescinded = {f["candidate_id"] for f in group if f["stance"] == "rescinds"}
        for a, b in combinations(group, 2):
            if not _stage_ok(a["stage"], b["stage"]):
                continue
            kind = _pair_kind(a, b, rescinded)
            if kind:
                out.append({"kind": kind, "race": view.race_name(race_id),
                            **_side(view, a, "a"), **_side(view, b, "b")})
    out.extend(_local_vs_national(view, by_endorser_race))
    out.sort(key=lambda c: (c["kind"], c["race"] or "", c["endorser_a"] or "", c["candidate_a"] or ""))
    return out


def _pair_kind(a: dict, b: dict, rescinded: set) -> Optional[str]:
    if (a["stance"] in SUPPORT and b["stance"] in SUPPORT and a["candidate_id"] and b["candidate_id"]
            and a["candidate_id"] != b["candidate_id"]
            and not ({a["candidate_id"], b["candidate_id"]} & rescinded)):
        return "two_candidates"
    for x, y in ((a, b), (b, a)):
        if x["stance"] == "endorses" and x["stage"] == y["stage"] and x["candidate_id"] not in rescinded:
            if y["stance"] == "declines" and y["candidate_id"] in (None, x["candidate_id"]):
                return "stance_clash"
            if y["stance"] == "opposes" and y["candidate_id"] == x["candidate_id"]:
                return "stance_clash"
    return None


def _local_vs_national(view: CatalogView, groups: dict[tuple[int, int], list[dict]]) -> list[dict]:
    out = []
    for (eid, race_id), local_facts in groups.items():
        for anc in view.ancestors(eid):
            for lf in local_facts:
                if lf["stance"] != "endorses" or not lf["candidate_id"]:
                    continue
                for nf in groups.get((anc, race_id), ()):
                    if not _stage_ok(lf["stage"], nf["stage"]):
                        continue
                    backs_other = nf["stance"] in SUPPORT and nf["candidate_id"] not in (None, lf["candidate_id"])
                    opposes = nf["stance"] == "opposes" and nf["candidate_id"] == lf["candidate_id"]
                    if backs_other or opposes:
                        out.append({"kind": "local_vs_national", "race": view.race_name(race_id),
                                    **_side(view, lf, "a"), **_side(view, nf, "b")})
    return out
