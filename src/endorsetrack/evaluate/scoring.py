"""Precision, recall and F1 of predictions against gold: a faithful port of eval/score.py.

The figures must equal the official scorer's on any input it accepts (a test runs
both), so its semantics are kept even where they look odd:

- Articles that are in the predictions but not in gold are ignored: their facts
  count neither as hits nor as false hits.
- Matching is greedy in file order, not an optimal assignment: each gold item takes
  the first unmatched prediction that fits, so an earlier gold item can take the
  prediction a later one needed. Optional gold items are matched only after all
  required ones; a prediction they take is neither a hit nor a false hit.
- Loose scoring de-duplicates gold on (endorser "name", candidate "name", stance),
  ignoring aliases and the optional flag (the first item wins, so a required item
  after an optional duplicate is dropped). Strict scoring does not de-duplicate
  gold at all: a gold item written twice is two items to find.
- Predictions are de-duplicated on normalised names only, never aliases: "UAW" and
  "United Auto Workers" for the same candidate are two predictions, and the second
  is a false hit. The strict key takes the stage as written, while matching treats
  "" like null, so stage "" and null predictions both survive and one is a false hit.
- Poll shares are compared with ``float()``: "49" matches 49, and a NaN share
  matches every gold share (``abs(nan - x) > eps`` is false).
- With no predictions precision is 1.0 when there was nothing to find, else 0.0;
  with nothing to find recall is 1.0.
- The error list holds loose endorsement errors (not strict ones) and poll errors;
  endorsement false hits show the predicted values as given, poll false hits their
  normalised names.
- Race agreement (rules in ``evaluate.races``) is counted over the loose matches of
  required gold items only: optional gold and strict matches are never looked at, and
  with no match at all the agreement is 1.0. A match pairs the first prediction and
  the first gold item of their de-duplication groups, so the race of a later duplicate
  never counts. A gold item with no race (or one naming no year, office or place)
  agrees with any prediction, even one with no race.
- "race" errors, one per loose match whose race does not agree, come first among the
  errors of their article (before its false hits and misses, in gold order); they show
  the gold endorser's name and both races as given (text, dict or null).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import partial
from typing import Any, Callable, Optional, Sequence

from .names import name_matches, names_of, normalise, population_matches
from .races import race_agrees

#: Two shares closer than this are the same number (score.py's tolerance).
SHARE_TOLERANCE = 1e-6
#: Decimal places kept in precision, recall and F1 (score.py's rounding).
FIGURE_DIGITS = 4
ENDORSEMENT_FIELDS = ("endorser", "candidate", "stance", "stage")
POLL_FIELDS = ("pollster", "population", "candidate", "share")


@dataclass(frozen=True)
class PRF:
    """Counts and figures of one scoring mode, rounded like score.py."""

    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float

    @classmethod
    def from_counts(cls, tp: int, fp: int, fn: int) -> "PRF":
        p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return cls(tp, fp, fn, round(p, FIGURE_DIGITS), round(r, FIGURE_DIGITS),
                   round(f, FIGURE_DIGITS))

    def to_dict(self) -> dict[str, Any]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "tp": self.tp, "fp": self.fp, "fn": self.fn}

    def line(self, label: str) -> str:
        """One figure line exactly as score.py prints it."""
        return (f"{label:7s} P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
                f"(tp={self.tp} fp={self.fp} fn={self.fn})")


@dataclass(frozen=True)
class RaceAgreement:
    """Of the loose matches, how many name the gold race's year, office and place."""

    agree: int
    matched: int
    agreement: float

    @classmethod
    def from_counts(cls, agree: int, matched: int) -> "RaceAgreement":
        """Agreement rounded like score.py's figures; 1.0 when nothing matched."""
        agreement = round(agree / matched, FIGURE_DIGITS) if matched else 1.0
        return cls(agree, matched, agreement)

    def to_dict(self) -> dict[str, Any]:
        return {"agreement": self.agreement, "agree": self.agree, "matched": self.matched}

    def line(self, label: str = "race") -> str:
        """The race line exactly as score.py prints it."""
        return (f"{label:7s} agreement={self.agreement:.3f} ({self.agree} of {self.matched} "
                "loose matches name the gold race's year, office and place)")


@dataclass(frozen=True)
class ScoreError:
    """One miss, false hit or race disagreement: kind is "FP", "FN", "race", "poll FP"
    or "poll FN". A "race" item is {"endorser": gold name, "gold": race, "predicted": race}."""

    doc: str
    kind: str
    item: dict[str, Any]


@dataclass(frozen=True)
class Report:
    loose: PRF
    strict: PRF
    polls: PRF
    race: RaceAgreement
    docs: int
    missing_docs: tuple[str, ...]
    errors: tuple[ScoreError, ...]

    @property
    def docs_missing(self) -> int:
        return len(self.missing_docs)

    def to_dict(self) -> dict[str, Any]:
        return {"loose": self.loose.to_dict(), "strict": self.strict.to_dict(),
                "polls": self.polls.to_dict(), "race": self.race.to_dict(), "docs": self.docs,
                "docs_missing_from_predictions": self.docs_missing}

    def to_json(self) -> str:
        """Exactly the line ``score.py --json`` prints."""
        return json.dumps(self.to_dict())

    def summary_lines(self) -> list[str]:
        """The figure lines, the race line and the docs line of score.py's plain output."""
        return [self.loose.line("loose"), self.strict.line("strict"), self.polls.line("polls"),
                self.race.line("race"),
                f"docs={self.docs} missing_from_predictions={self.docs_missing}"]


def score(gold: dict[str, dict], pred: dict[str, dict]) -> Report:
    """Score predictions against gold, both as returned by ``load_jsonl``."""
    totals = {"loose": [0, 0, 0], "strict": [0, 0, 0], "polls": [0, 0, 0]}
    race_agree = race_matched = 0
    errors: list[ScoreError] = []
    for doc, g in gold.items():
        p = pred.get(doc, {})
        p_end = [e for e in _listed(p.get("endorsements")) if isinstance(e, dict)]
        g_end = g.get("endorsements") or []
        for mode, strict in (("loose", False), ("strict", True)):
            pe = _dedup(p_end, partial(_endorsement_key, strict=strict, is_gold=False))
            ge = g_end if strict else _dedup(g_end, lambda e: _endorsement_key(e, False, True))
            pairs: Optional[list[tuple[dict, dict]]] = [] if mode == "loose" else None
            fps, fns = _count(totals[mode], pe, ge, _same_endorsement(strict), pairs)
            for pred_e, gold_e in pairs or ():
                race_matched += 1
                if race_agrees(pred_e.get("race"), gold_e.get("race")):
                    race_agree += 1
                else:
                    errors.append(ScoreError(doc, "race", _race_item(pred_e, gold_e)))
            if mode == "loose":
                errors += [ScoreError(doc, "FP", {k: e.get(k) for k in ENDORSEMENT_FIELDS})
                           for e in fps]
                errors += [ScoreError(doc, "FN", _gold_endorsement_item(e)) for e in fns]
        pp = [t for poll in _listed(p.get("polls")) if isinstance(poll, dict)
              for t in _poll_tuples(poll, False)]
        gp = [t for poll in (g.get("polls") or []) for t in _poll_tuples(poll, True)]
        fps, fns = _count(totals["polls"], pp, gp, _same_poll)
        errors += [ScoreError(doc, "poll FP", {k: (normalise(e[k]) if k != "share" else e[k])
                                               for k in POLL_FIELDS}) for e in fps]
        errors += [ScoreError(doc, "poll FN", _gold_poll_item(e)) for e in fns]
    return Report(loose=PRF.from_counts(*totals["loose"]),
                  strict=PRF.from_counts(*totals["strict"]),
                  polls=PRF.from_counts(*totals["polls"]),
                  race=RaceAgreement.from_counts(race_agree, race_matched),
                  docs=len(gold), missing_docs=tuple(d for d in gold if d not in pred),
                  errors=tuple(errors))


def match(preds: Sequence[dict], golds: Sequence[dict], same: Callable[[dict, dict], bool],
          pairs: Optional[list[tuple[dict, dict]]] = None) -> tuple[int, list[dict], list[dict]]:
    """Greedy one-to-one matching -> (true positives, unmatched predictions, missed gold).

    Required gold items pick first; optional ones then match leftovers, uncounted.
    When ``pairs`` is a list, (prediction, gold) of every matched required item is
    appended to it, in gold order (as score.py's ``match``).
    """
    used: set[int] = set()
    matched_pred: set[int] = set()
    required = [i for i, g in enumerate(golds) if not g.get("optional")]
    optional = [i for i, g in enumerate(golds) if g.get("optional")]
    for order in (required, optional):
        for gi in order:
            for pi, p in enumerate(preds):
                if pi not in matched_pred and same(p, golds[gi]):
                    matched_pred.add(pi)
                    used.add(gi)
                    if pairs is not None and not golds[gi].get("optional"):
                        pairs.append((p, golds[gi]))
                    break
    tp = sum(1 for gi in used if not golds[gi].get("optional"))
    missed = [golds[gi] for gi in required if gi not in used]
    unmatched = [p for pi, p in enumerate(preds) if pi not in matched_pred]
    return tp, unmatched, missed


def _count(total: list[int], preds, golds, same, pairs=None) -> tuple[list[dict], list[dict]]:
    tp, fps, fns = match(preds, golds, same, pairs)
    total[0] += tp
    total[1] += len(fps)
    total[2] += len(fns)
    return fps, fns


def _listed(value: Any) -> list:
    """A prediction's fact list; score.py iterates anything, which yields no facts
    from a dict or a string (their elements are not objects)."""
    return value if isinstance(value, list) else []


def _dedup(items: Sequence[dict], key: Callable[[dict], Any]) -> list[dict]:
    seen, out = set(), []
    for it in items:
        k = key(it)
        if k not in seen:
            seen.add(k)
            out.append(it)
    return out


def _endorsement_key(e: dict, strict: bool, is_gold: bool) -> tuple:
    if is_gold:
        c = e.get("candidate")
        cand = normalise(c) if c else None
        endorser = normalise(e["endorser"])
    else:
        cand = normalise(e.get("candidate"))
        endorser = normalise(e.get("endorser"))
    k = (endorser, cand or None, e.get("stance"))
    return k + ((e.get("stage"),) if strict else ())


def _same_endorsement(strict: bool) -> Callable[[dict, dict], bool]:
    def same(p: dict, g: dict) -> bool:
        if p.get("stance") != g["stance"]:
            return False
        if strict and (p.get("stage") or None) != (g.get("stage") or None):
            return False
        if not name_matches(p.get("endorser"), names_of(g["endorser"])):
            return False
        return name_matches(p.get("candidate"), names_of(g.get("candidate")))
    return same


def _poll_tuples(poll: dict, is_gold: bool) -> list[dict]:
    """One scoring unit per result: (pollster, population, candidate, share)."""
    pop = poll.get("population")
    return [{"pollster": poll.get("pollster"), "population": pop,
             "candidate": r.get("candidate"), "share": r.get("share"),
             "optional": poll.get("optional", False) if is_gold else False}
            for r in (poll.get("results") or [])]


def _same_poll(p: dict, g: dict) -> bool:
    try:
        if abs(float(p.get("share")) - float(g["share"])) > SHARE_TOLERANCE:  # type: ignore[arg-type]  # None: TypeError
            return False
    except (TypeError, ValueError):
        return False
    return (name_matches(p.get("pollster"), names_of(g["pollster"]))
            and population_matches(p.get("population"), g.get("population"))
            and name_matches(p.get("candidate"), names_of(g["candidate"])))


def display_name(entity: Any) -> Optional[Any]:
    """The "name" of an entity object, or the value itself (a plain string name)."""
    return entity.get("name") if isinstance(entity, dict) else entity


def _gold_endorsement_item(e: dict) -> dict[str, Any]:
    return {"endorser": display_name(e["endorser"]),
            "candidate": display_name(e.get("candidate") or {}),
            "stance": e["stance"], "stage": e.get("stage")}


def _race_item(pred: dict, gold: dict) -> dict[str, Any]:
    return {"endorser": display_name(gold["endorser"]), "gold": gold.get("race"),
            "predicted": pred.get("race")}


def _gold_poll_item(e: dict) -> dict[str, Any]:
    return {"pollster": display_name(e["pollster"]),
            "population": display_name(e["population"]) if e["population"] else None,
            "candidate": display_name(e["candidate"]), "share": e["share"]}
