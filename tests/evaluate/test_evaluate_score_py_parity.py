"""The port gives exactly score.py's figures and error list (runs the real score.py).

(a) hand-made predictions against the seeds gold, one file per group of rules;
(b) predictions made by perturbing gold itself with a fixed seed. Skips when
shared/eval/score.py is not beside the repo.
"""
import json
import random

import pytest

from endorsetrack.evaluate import load_gold, load_predictions, score

D0, D1, D2 = "000_061375da4913ecc2.txt", "001_fb25f5ab870fcc24.txt", "002_6ad66b406a9a69a2.txt"


def e(endorser, candidate, stance="endorses", stage=None):
    return {"endorser": endorser, "candidate": candidate, "stance": stance, "stage": stage}


def poll(pollster, population, *results):
    return {"pollster": pollster, "population": population,
            "results": [{"candidate": c, "share": s} for c, s in results]}


HAND_MADE = {
    "aliases_the_union_and_subsets": [
        {"doc": D0, "endorsements": [
            e("IAFF", "Lieberman", stage="general"),  # alias
            e("the International Association of Fire Fighters", "Sen. Joe Lieberman", stage="primary"),
            e("United Auto Workers union", "Ned Lamont", stage="general"),  # trailing "union"
            e("UAW", None, "declines", "primary"),
            e("AFL CIO", "", "declines", "general"),  # hyphen, empty candidate
            e("AFL-CIO", None, "declines", "general"),  # duplicate of the previous one
            e("American Federation of State County Municipal Employees", "Joe Lieberman",
              stage="primary"),  # token subset of the gold name
            e("1199 SEIU", "Lamont", stage="primary"),
            e("Machinists", "Lamont", stage=""),  # "" stage against a null gold stage
            e({"name": "American Federation of Teachers"}, {"name": "Ned Lamont"}, stage="general"),
            e("Café Wörkers Union", "Lamont"),  # accents, no such endorser
        ]},
        {"doc": D1, "endorsements": [
            e("Carpenters Local", "Lieberman", stage="primary"),  # number missing
            e("Carpenters Local 43", "Joe Lieberman", stage="primary"),
            e("Local 24 of the Carpenters", "Lieberman", stage="primary"),
            e("Carpenters Local 24 and 43", "Lieberman", stage="primary"),  # extra number
            e("UNITE HERE Local 35", "Lieberman", stage="primary"),
            e("Communications Workers", "Lieberman", stage="primary"),
            e("Chris Dodd's", "Lieberman", stage="primary"),  # optional gold item
            e("Workers & Builders", "Lieberman"),
        ]},
        {"doc": "999_not_in_gold.txt", "endorsements": [e("Somebody Else", "Lamont")]},
    ],
    "stances_stages_and_optional": [
        {"doc": D0, "endorsements": [
            e("Service Employees", "Lamont", "endorses", "general"),  # gold: will_endorse
            e("SEIU", None, "declines", "primary"),  # optional gold item
            e("Democratic establishment", "Lamont", stage="general"),  # optional
            e("AFSCME", None, "undecided", "primary"),  # gold stage: general
            e("AFSCME", None, "undecided", "general"),
            e("AFL-CIO", None, "declines", None),
            e("AFL-CIO", None, "declines", None),
            e("IAFF", "Lieberman", "opposes", "general"),
        ]},
        {"doc": D1, "endorsements": [
            e("Teamsters", "Joe Lieberman", stage="primary"),
            e("Teamsters", "Joe Lieberman", stage=None),  # stage-only duplicate
            e("SEIU", None, "undecided", "primary"),
            e("SEIU", "DeStefano", stage="primary"),
        ]},
        {"doc": D2, "endorsements": [e("teachers", "Lamont", stage="general")]},
    ],
    "polls_and_populations": [
        {"doc": D0, "polls": [
            poll("Quinnipiac", None, ("Lieberman", 49), ("Lamont", 38)),
            poll("Quinnipiac University poll", "among Democrats", ("Lamont", 60), ("Joe Lieberman", "33")),
            poll("American Research Group", "likely voters", ("Lieberman", 44.0), ("Lamont", 42)),
            poll("American Research Group", "Registered Voters", ("Alan Schlesinger", 3)),
            poll("ARG", "All Voters", ("Lamont", 42)),
            poll("ARG", "registered Democrats", ("Lamont", 65), ("Lieberman", 31)),
            poll("ARG", "Republicans", ("Lamont", 65)),
            poll("Quinnipiac", None, ("Lieberman", 49)),  # polls are not de-duplicated
            poll("Quinnipiac", "all", ("Lieberman", None), ("Lamont", "n/a")),
            poll({"name": "Quinnipiac"}, "overall", ({"name": "Lamont"}, 38)),
        ]},
    ],
    "merged_records_paths_and_junk": [
        {"doc": f"/some/where/{D0}", "endorsements": [e("UAW", "Lamont", stage="general")]},
        {"doc": D0, "endorsements": ["junk", None, e("IAFF", "Joe", stage="primary")],
         "polls": ["junk", poll("Quinnipiac", "", ("Lamont", 38))]},
        {"doc": D2, "endorsements": {"not": "a list"}, "polls": "nope"},
    ],
    "nothing_predicted": [{"doc": D0, "endorsements": [], "polls": []}],
}


def assert_same_as_score_py(official, gold_path, pred_path):
    lines = official(gold_path, pred_path, "--json", "--show-errors")
    report = score(load_gold(gold_path), load_predictions(pred_path))
    assert report.to_json() == lines[0]
    ours = [f"  {err.kind:7s} {err.doc}: {json.dumps(err.item)}" for err in report.errors]
    assert ours == lines[1:]
    return report


@pytest.mark.parametrize("name", sorted(HAND_MADE))
def test_hand_made_predictions_score_as_score_py(name, official, seeds_gold, write_jsonl):
    report = assert_same_as_score_py(official, seeds_gold, write_jsonl(f"{name}.jsonl", HAND_MADE[name]))
    assert report.errors  # every hand-made file holds mistakes, so the lists are compared


def test_gold_scored_against_itself_is_perfect(official, seeds_gold):
    report = assert_same_as_score_py(official, seeds_gold, seeds_gold)
    assert report.loose.f1 == report.strict.f1 == report.polls.f1 == 1.0


# --- (b) randomized perturbations of gold -------------------------------------------

STANCES = ["endorses", "will_endorse", "declines", "undecided", "rescinds", "opposes"]


def spell(rng, entity):
    """A name a system might output for a gold entity: name, alias, or a variant."""
    if entity is None:
        return rng.choice([None, None, ""])
    names = [entity["name"], *entity.get("aliases", [])]
    name = rng.choice(names)
    roll = rng.random()
    if roll < 0.1:
        return "the " + name.upper()
    if roll < 0.2:
        return name + " union"
    if roll < 0.3 and " " in name:
        return " ".join(name.split()[:-1])  # a token dropped
    if roll < 0.35:
        return name + " 7"  # a number added
    if roll < 0.4:
        return {"name": name}
    return name


def perturb_endorsements(rng, items):
    out = []
    for g in items:
        if rng.random() < 0.15:
            continue
        p = {"endorser": spell(rng, g["endorser"]), "candidate": spell(rng, g.get("candidate")),
             "stance": g["stance"], "stage": g.get("stage")}
        if rng.random() < 0.1:
            p["stance"] = rng.choice(STANCES)
        if rng.random() < 0.15:
            p["stage"] = rng.choice(["primary", "general", None, ""])
        if rng.random() < 0.1 and items:
            p["endorser"] = spell(rng, rng.choice(items)["endorser"])  # swapped name
        out.append(p)
        if rng.random() < 0.1:
            out.append(dict(p))
    rng.shuffle(out)
    return out


def perturb_polls(rng, polls):
    out = []
    for g in polls:
        if rng.random() < 0.1:
            continue
        population = g.get("population")
        population = (rng.choice([None, "", "likely voters", "registered voters", "overall",
                                 "all voters", "Republicans"])
                      if population is None or rng.random() < 0.2 else spell(rng, population))
        results = [{"candidate": spell(rng, r["candidate"]),
                    "share": r["share"] + rng.choice([0, 0, 0, 1, -1])}
                   for r in g["results"] if rng.random() > 0.1]
        out.append({"pollster": spell(rng, g["pollster"]), "population": population,
                    "results": results})
    return out


def perturbed_predictions(rng, gold):
    return [{"doc": doc, "endorsements": perturb_endorsements(rng, g.get("endorsements") or []),
             "polls": perturb_polls(rng, g.get("polls") or [])}
            for doc, g in gold.items() if rng.random() > 0.05]


@pytest.mark.parametrize("corpus", ["seeds", "dev"])
def test_perturbed_gold_scores_as_score_py(corpus, official, request, write_jsonl):
    gold_path = request.getfixturevalue(f"{corpus}_gold")
    gold = load_gold(gold_path)
    rng = random.Random(20240601)
    seen_f1 = set()
    for case in range(12):
        pred_path = write_jsonl(f"{corpus}_{case}.jsonl", perturbed_predictions(rng, gold))
        seen_f1.add(assert_same_as_score_py(official, gold_path, pred_path).loose.f1)
    assert len(seen_f1) > 3  # the perturbations really vary the figures
