"""Calibration of the cross-article matcher on the gold names of the seeds and the dev set.

Each gold entity is stored under its canonical name; each of its gold aliases
that is a proper name (useful_aliases) must resolve to it, and no gold entity's
name may resolve to another gold entity. Skips when shared/ is absent.
"""
import json
from pathlib import Path

import pytest

from endorsetrack.resolve.entities import EntityIndex, useful_aliases
from endorsetrack.resolve.gazetteer import default_gazetteer
from endorsetrack.resolve.hierarchy import infer_parent
from endorsetrack.resolve.keys import entity_kind, key_for
from endorsetrack.settings import DEFAULT

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


def gold_entities():
    files = [SHARED / "seeds" / "gold.jsonl", SHARED / "dev" / "gold.jsonl"]
    if not all(f.exists() for f in files):
        pytest.skip("shared corpus not found next to the repository")
    out = {}
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            for e in doc["endorsements"]:
                ent = e["endorser"]
                out.setdefault((entity_kind(ent.get("type"), ent["name"]), ent["name"]), set()).update(
                    ent.get("aliases", []))
                if e.get("candidate"):
                    c = e["candidate"]
                    out.setdefault((entity_kind(None, c["name"]), c["name"]), set()).update(c.get("aliases", []))
    return out


def build_index(entities):
    idx = EntityIndex(default_gazetteer(), DEFAULT.entity_match_threshold)
    ids = {}
    for n, (kind, name) in enumerate(sorted(entities), 1):
        res = idx.resolve(name, kind)
        if res.entity_id is not None:  # two gold spellings of one gazetteer body
            ids[(kind, name)] = res.entity_id
            continue
        idx.add_entity(n, kind, res.gazetteer_id)
        idx.add_name(n, key_for(name, kind), name)
        idx.add_name(n, res.new_key, res.new_name)
        ids[(kind, name)] = n
    return idx, ids


def test_gold_aliases_resolve_to_their_entity_and_entities_stay_apart():
    entities = gold_entities()
    idx, ids = build_index(entities)
    names_by_id = {eid: name for (_, name), eid in ids.items()}
    misses, wrong, total = [], [], 0
    for (kind, name), aliases in entities.items():
        for alias in useful_aliases(aliases, kind):
            total += 1
            res = idx.resolve(alias, kind)
            if res.entity_id == ids[(kind, name)]:
                continue
            misses.append((name, alias))
            if res.entity_id is not None:
                wrong.append((name, alias, names_by_id[res.entity_id]))
    # Measured: 168 proper-name aliases, 139 join their entity. The rest are descriptions
    # ("Charlotte branch of the Teamsters union"), nicknames (Dick/Richard) or surnames.
    assert total >= 160 and total - len(misses) >= 0.82 * total, misses
    # An alias that joins another gold entity may only join the body above it: gold lists
    # "AFT" among the aliases of AFT Connecticut; the catalog keeps the local apart.
    for name, alias, other in wrong:
        guess = infer_parent(name, default_gazetteer())
        assert (guess and guess.name == other) or (name, other) in ALLOWED_WRONG, (name, alias, other)
    merged = {}
    for key, eid in ids.items():
        merged.setdefault(eid, []).append(key[1])
    assert sorted(sorted(v) for v in merged.values() if len(v) > 1) == [
        ["Hillary Clinton", "Hillary Rodham Clinton"], ["International Brotherhood of Teamsters", "Teamsters"]]


# Gold keeps "the Connecticut Democratic Party establishment" apart from "the Democratic
# establishment" of another article; by name alone both are the same vague group.
ALLOWED_WRONG = {("Connecticut Democratic Party establishment", "Democratic establishment")}
