"""Scoring against gold: the project's own copy of shared/eval/score.py.

``load_gold`` / ``load_predictions`` read JSON Lines (typed errors naming file and
line); ``score`` returns a ``Report`` whose figures (race agreement included) equal
score.py's, whose ``to_json()`` is what ``score.py --json`` prints, and whose ``errors``
list the misses, false hits and race disagreements. The oddities kept for fidelity are
listed in ``scoring``.
"""
from .loading import index_by_doc, load_gold, load_jsonl, load_predictions, predictions_from_outcomes
from .names import name_matches, names_of, normalise, population_matches
from .races import race_agrees, race_parts, race_text
from .scoring import PRF, RaceAgreement, Report, ScoreError, display_name, match, score

__all__ = [
    "PRF", "RaceAgreement", "Report", "ScoreError", "display_name", "index_by_doc", "load_gold",
    "load_jsonl", "load_predictions", "match", "name_matches", "names_of", "normalise",
    "population_matches", "predictions_from_outcomes", "race_agrees", "race_parts",
    "race_text", "score",
]
