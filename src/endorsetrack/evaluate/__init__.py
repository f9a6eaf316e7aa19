"""Scoring against gold: the project's own copy of shared/eval/score.py.

``load_gold`` / ``load_predictions`` read JSON Lines (typed errors naming file and
line); ``score`` returns a ``Report`` whose figures equal score.py's, whose
``to_json()`` is what ``score.py --json`` prints, and whose ``errors`` list the
misses and false hits. The oddities kept for fidelity are listed in ``scoring``.
"""
from .loading import index_by_doc, load_gold, load_jsonl, load_predictions, predictions_from_outcomes
from .names import name_matches, names_of, normalise, population_matches
from .scoring import PRF, Report, ScoreError, display_name, match, score

__all__ = [
    "PRF", "Report", "ScoreError", "display_name", "index_by_doc", "load_gold", "load_jsonl",
    "load_predictions", "match", "name_matches", "names_of", "normalise",
    "population_matches", "predictions_from_outcomes", "score",
]
