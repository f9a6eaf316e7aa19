"""The port gives exactly score.py's figures and error list (runs the real score.py).

(a) hand-made predictions against the seeds gold (../shared/corpus/seeds), one file per group of rules, and
hand-made gold and predictions for the race rules;
(b) predictions made by perturbing gold itself (names, stances, stages, races, polls)
with a fixed seed. Skips when shared/eval/score.py is not beside the repo.
"""
import json
import random
import re

import pytest

from endorsetrack.evaluate import load_gold, load_predictions, race_agrees, race_parts, score

D0, D1, D2 = "000_061375da4913ecc2.txt", "001_fb25f5ab870fcc24.txt", "002_6ad66b406a9a69a2.txt"


def e(endorser, candidate, stance="endorses", stage=None, **race):
    """A predicted endorsement; ``race=...`` adds a "race" key (absent otherwise)."""
    return {"endorser": endorser, "candidate": candidate, "stance": stance, "stage": stage, **race}


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
    # seeds gold races: "2006 U.S. Senate, Connecticut" (SEIU locals: "2006 Governor, Connecticut")
    "races": [
        {"doc": D0, "endorsements": [
            e("IAFF", "Lieberman", stage="general", race="2006 U.S. Senate, Connecticut"),
            e("UAW", "Lamont", race="U.S. Senate, Connecticut"),  # year missing
            e("UAW", None, "declines", race="2008 U.S. Senate, Connecticut"),  # year wrong
            e("SEIU", "Lamont", "will_endorse", race="2006 Governor, Connecticut"),  # office wrong
            e("1199SEIU", "Lamont", race="Connecticut's 2006 Senate race"),
            e("AFT", "Lamont", race={"label": "2006 U.S. Senate, Connecticut"}),  # dict with label
            e("IAM", "Lamont", race={"year": 2006, "office": "Senate", "place": "Connecticut"}),
            e("AFSCME", "Lieberman", race=None),  # null race
            e("AFSCME", None, "undecided"),  # no race key at all
            e("AFL-CIO", None, "declines", race="2006 u.s. senate, connecticut"),  # lower-case place
            e("SEIU", None, "declines", race="2010 Governor"),  # optional gold: never checked
            e("Democratic establishment", "Lamont", race="2006 Prop. 1, Connecticut"),  # optional
        ]},
        {"doc": D1, "endorsements": [
            e("UNITE HERE", "Lieberman", race="2006 Senate, Conn."),  # no gold place word
            e("CWA", "Lieberman", race="2006 Senate (Connecticut)"),  # place in parentheses
            e("Teamsters", "Lieberman", race="2006 Senate, New Haven, Connecticut"),
            e("Teamsters", "Lieberman", race="2006 Governor"),  # duplicate: its race never counts
            e("Carpenters Local 43", "Lieberman", race="2006 Lt. Gov., Connecticut"),
            e("Carpenters Local 24", "Lieberman", race="2006 Connecticut House District 3"),
            e("SEIU", None, "undecided", race={"label": "", "year": 2006, "seat": "Senate"}),
            e("SEIU locals", "DeStefano", race="2006 Lieutenant Governor, Connecticut"),
            e("Somebody Else", "Lieberman", race="2006 U.S. Senate, Connecticut"),  # false hit
        ]},
        {"doc": D2, "endorsements": [
            e("Machinists", "Lamont", race=["2006", "Senate", "Connecticut"]),  # a list, as text
            e("AFT Connecticut", "Lamont", race=2006),  # a number: the year only
            e("UAW", "Lamont", race="2006 CONNECTICUT SENATE"),
            e("SEIU", "Lamont", race="2006 Senate, West Connecticut"),
            e("Teamsters local", "Lamont", race="Senate 2006, Connecticut (U.S.)"),
        ]},
    ],
}

#: Gold races of every office class the scorer knows, and labels that name them or not.
RACE_GOLD = [
    {"doc": "r1.txt", "endorsements": [
        {"endorser": {"name": f"Union {n}"}, "candidate": {"name": "Pat Doe"}, "stance": "endorses",
         "stage": None, "race": race}
        for n, race in enumerate([
            "2012 California Proposition 30", "2008 Lieutenant Governor of Texas",
            "2020 Texas 23rd District", "2022 House District 12, Ohio",
            "2023 Chicago mayoral election (runoff)", "2019 San Francisco district attorney election",
            "2016 U.S. presidential election", "2019 Ontario general election",
            {"label": "2018 Maryland gubernatorial election"},
            {"year": 2014, "office": "Attorney General", "state": "Nevada"},
            None, "", "senate race", "2006 u.s. senate, connecticut", "Measure B (Los Angeles)",
            "2021 Montréal mayor", "Cook County Sheriff 2018", "2020 Fairfax School Board",
        ], 1)]},
]
RACE_PREDICTIONS = [
    {"doc": "r1.txt", "endorsements": [
        e(f"Union {n}", "Pat Doe", race=race) for n, race in enumerate([
            "Prop. 30, California, 2012", "2008 Texas Governor",
            "2020 Texas's 23rd congressional district", "2022 Ohio U.S. House race",
            "2023 Chicago mayor", "2019 San Diego DA",
            "2016 White House", "2019 Canadian federal election",
            "2018 Governor of Maryland",
            {"label": "2014 Nevada attorney general"},
            "2010 Boston mayoral election", None, "2006 Senate", "2006 U.S. Senate, Connecticut",
            "Los Angeles Measure B", "2021 Montreal mayor", {"year": 2018, "office": "sheriff"},
            "2020 Fairfax County Board of Education",
        ], 1)]},
]


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
    assert report.loose.f1 == report.strict.f1 == report.polls.f1 == report.race.agreement == 1.0


def test_race_rules_score_as_score_py(official, write_jsonl):
    gold_path = write_jsonl("race_gold.jsonl", RACE_GOLD)
    report = assert_same_as_score_py(official, gold_path,
                                     write_jsonl("race_pred.jsonl", RACE_PREDICTIONS))
    assert report.loose.f1 == 1.0 and 0 < report.race.agree < report.race.matched == 18


def test_race_parts_and_agreement_equal_score_py_label_by_label(official_module):
    labels = [race for doc in RACE_GOLD + RACE_PREDICTIONS + HAND_MADE["races"]
              for end in doc["endorsements"] for race in [end.get("race")]]
    labels += ["Lt Gov 2010", "2011 Toronto ward 20 council", "State's Attorney, Cook County 2020",
               "Question 1 (2016), Maine", "1999 Supreme Court", "Riding of Ottawa Centre 2021"]
    for race in labels:
        assert race_parts(race) == official_module.race_parts(race), race
    for pred in labels:
        for gold in labels:
            assert race_agrees(pred, gold) == official_module.race_agrees(pred, gold), (pred, gold)


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


YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def perturb_race(rng, race, items):
    """A race a system might output for a gold race: as given, or a part lost or changed."""
    if race is None or isinstance(race, dict):
        return race if rng.random() < 0.7 else rng.choice([None, "2006 U.S. Senate, Connecticut"])
    text, roll = str(race), rng.random()
    year = next(iter(YEAR.findall(text)), None)
    if roll < 0.4:
        return text
    if roll < 0.48:
        return rng.choice([None, ""])
    if roll < 0.56:
        return YEAR.sub("", text).strip()  # year missing
    if roll < 0.62:
        return YEAR.sub(lambda m: str(int(m.group()) + rng.choice([-2, 2, 4])), text)  # year wrong
    if roll < 0.68:
        return text.lower()  # place words no longer capitalised
    if roll < 0.74:
        return {"label": text}
    if roll < 0.8:
        return {"year": int(year) if year else None, "name": YEAR.sub("", text).strip()}
    if roll < 0.86:  # another office class wins
        return rng.choice(["Proposition 8, ", "Lt. Gov. race, ", "House District 3, ",
                           "Mayor of ", "Governor, "]) + text
    if roll < 0.92:  # another place
        return re.sub(r"[A-Z][a-z]{3,}(?: [A-Z][a-z]+)*$", rng.choice(["Nevada", "Ohio (Columbus)"]), text)
    return rng.choice(items).get("race")  # the race of another item


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
        if rng.random() < 0.95:  # else no "race" key at all
            p["race"] = perturb_race(rng, g.get("race"), items)
        out.append(p)
        if rng.random() < 0.1:
            out.append(dict(p, race=perturb_race(rng, g.get("race"), items)))
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


@pytest.mark.parametrize("corpus", ["samples", "seeds", "dev"])
def test_perturbed_gold_scores_as_score_py(corpus, official, request, write_jsonl):
    gold_path = request.getfixturevalue(f"{corpus}_gold")
    gold = load_gold(gold_path)
    rng = random.Random(20240601)
    seen_f1, seen_race, race_errors = set(), set(), 0
    for case in range(12):
        pred_path = write_jsonl(f"{corpus}_{case}.jsonl", perturbed_predictions(rng, gold))
        report = assert_same_as_score_py(official, gold_path, pred_path)
        seen_f1.add(report.loose.f1)
        seen_race.add(report.race.agreement)
        race_errors += sum(err.kind == "race" for err in report.errors)
    assert len(seen_f1) > 3  # the perturbations really vary the figures
    assert len(seen_race) > 3 and race_errors
