"""The tables, as the DDL of each named migration (both dialects: {pk}, {bigint}, {real}).

Identity rules that the schema enforces:
- an article is (identity, content_hash): identity is its URL, else its doc id;
  a changed text at the same identity is a new row, the old one kept, not current;
- an entity is (kind, name_key); every other spelling is a row of entity_names;
- a stance fact is its fact_key (endorser, candidate, stance, stage, race); each
  report of it is an append-only row of stance_sources.
Dates are ISO text (YYYY-MM-DD), times ISO text (UTC), booleans 0/1: the same
queries then run on both databases.
"""
from __future__ import annotations

from typing import Optional


def fact_key(endorser_id: int, candidate_id: Optional[int], stance: str, stage: Optional[str],
             race_id: Optional[int]) -> str:
    """A stance fact's identity (``stances.fact_key``): the writer files reports under it and a
    merge of two entities re-keys the facts it moves."""
    return f"{endorser_id}|{candidate_id or '-'}|{stance}|{stage or '-'}|{race_id or '-'}"

CORE = [
    """CREATE TABLE runs (
        id {pk},
        started_at TEXT NOT NULL,
        finished_at TEXT,
        tool_version TEXT,
        command TEXT,
        articles_stored {bigint} NOT NULL DEFAULT 0,
        articles_unchanged {bigint} NOT NULL DEFAULT 0,
        failures {bigint} NOT NULL DEFAULT 0)""",
    """CREATE TABLE articles (
        id {pk},
        identity TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        doc TEXT NOT NULL,
        url TEXT,
        title TEXT,
        published TEXT,
        date_window_start TEXT,
        date_window_end TEXT,
        date_basis TEXT NOT NULL,
        date_evidence TEXT,
        text TEXT NOT NULL,
        run_id {bigint} REFERENCES runs(id),
        ingested_at TEXT NOT NULL,
        is_current INTEGER NOT NULL DEFAULT 1,
        superseded_by {bigint},
        superseded_at TEXT,
        UNIQUE (identity, content_hash))""",
    "CREATE INDEX articles_identity ON articles (identity, is_current)",
    """CREATE TABLE entities (
        id {pk},
        kind TEXT NOT NULL,
        name_key TEXT NOT NULL,
        name TEXT NOT NULL,
        entity_type TEXT,
        gazetteer_id TEXT,
        parent_id {bigint} REFERENCES entities(id),
        parent_rule TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (kind, name_key))""",
    """CREATE TABLE entity_names (
        id {pk},
        entity_id {bigint} NOT NULL REFERENCES entities(id),
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        score {real} NOT NULL,
        method TEXT NOT NULL,
        article_id {bigint},
        UNIQUE (entity_id, name_key))""",
    "CREATE INDEX entity_names_key ON entity_names (name_key)",
    """CREATE TABLE entity_match_candidates (
        id {pk},
        kind TEXT NOT NULL,
        mention_key TEXT NOT NULL,
        entity_id {bigint} NOT NULL REFERENCES entities(id),
        score {real} NOT NULL,
        method TEXT NOT NULL,
        chosen INTEGER NOT NULL,
        UNIQUE (kind, mention_key, entity_id))""",
    """CREATE TABLE races (
        id {pk},
        race_key TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        year INTEGER)""",
    """CREATE TABLE candidate_races (
        id {pk},
        candidate_id {bigint} NOT NULL REFERENCES entities(id),
        race_id {bigint} NOT NULL REFERENCES races(id),
        UNIQUE (candidate_id, race_id))""",
    """CREATE TABLE stances (
        id {pk},
        fact_key TEXT NOT NULL UNIQUE,
        endorser_id {bigint} NOT NULL REFERENCES entities(id),
        candidate_id {bigint} REFERENCES entities(id),
        stance TEXT NOT NULL,
        stage TEXT,
        race_id {bigint} REFERENCES races(id))""",
    """CREATE TABLE stance_sources (
        id {pk},
        stance_id {bigint} NOT NULL REFERENCES stances(id),
        article_id {bigint} NOT NULL REFERENCES articles(id),
        endorser_text TEXT NOT NULL,
        candidate_text TEXT,
        race_text TEXT,
        race_basis TEXT,
        evidence TEXT NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        rule_id TEXT NOT NULL,
        rule_version INTEGER NOT NULL,
        run_id {bigint} REFERENCES runs(id),
        confidence {real} NOT NULL,
        effective_date TEXT,
        date_basis TEXT NOT NULL,
        date_window_start TEXT,
        date_window_end TEXT,
        UNIQUE (stance_id, article_id, start_offset, end_offset))""",
]

POLLS = [
    """CREATE TABLE polls (
        id {pk},
        article_id {bigint} NOT NULL REFERENCES articles(id),
        pollster_id {bigint} NOT NULL REFERENCES entities(id),
        pollster_text TEXT NOT NULL,
        population TEXT,
        released TEXT,
        field_dates TEXT,
        sponsor TEXT,
        sample_size INTEGER,
        sample_universe TEXT,
        margin_of_error {real},
        race_id {bigint} REFERENCES races(id),
        race_text TEXT,
        evidence TEXT NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        rule_id TEXT NOT NULL,
        rule_version INTEGER NOT NULL,
        run_id {bigint} REFERENCES runs(id),
        effective_date TEXT,
        date_basis TEXT NOT NULL,
        UNIQUE (article_id, start_offset, end_offset, population))""",
    """CREATE TABLE poll_results (
        id {pk},
        poll_id {bigint} NOT NULL REFERENCES polls(id),
        candidate_id {bigint} NOT NULL REFERENCES entities(id),
        candidate_text TEXT NOT NULL,
        share {real} NOT NULL,
        UNIQUE (poll_id, candidate_id))""",
]

QUERY_INDEXES = [
    "CREATE INDEX stance_sources_stance ON stance_sources (stance_id)",
    "CREATE INDEX stance_sources_article ON stance_sources (article_id)",
    "CREATE INDEX stance_sources_date ON stance_sources (effective_date)",
    "CREATE INDEX stances_endorser ON stances (endorser_id)",
    "CREATE INDEX stances_candidate ON stances (candidate_id)",
    "CREATE INDEX stances_race ON stances (race_id)",
    "CREATE INDEX entities_parent ON entities (parent_id)",
    "CREATE INDEX polls_article ON polls (article_id)",
    "CREATE INDEX polls_race ON polls (race_id)",
    "CREATE INDEX poll_results_poll ON poll_results (poll_id)",
]
