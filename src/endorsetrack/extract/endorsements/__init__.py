"""Endorsements: stance frames over the dependency parse, and what each frame means.

``article`` runs one article; ``frames`` matches triggers (rule data in
nlp/patterns/triggers.jsonl) to endorser and candidate tokens; ``endorser_roles`` and
``candidates`` turn role tokens into names; ``stance`` and ``stage`` decide the stance
(negation, modality, time) and the stage (primary or general); ``editorial`` and
``slates`` read verdict lines, roundups and lists of endorsed candidates.
"""
from . import stage_model
from .article import dedupe_endorsements, find_endorsements
from .stage import RESULTS, article_stage, stage_in_text

# stage_model and the stage cues are public for the stage model's trainer (endorsetrack.train).
__all__ = ["dedupe_endorsements", "find_endorsements", "stage_model", "RESULTS", "article_stage", "stage_in_text"]
