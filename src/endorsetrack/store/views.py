"""SQL views for Datasette or any SQLite/PostgreSQL tool (migration 0008_views).

The tables keep a fact apart from its reports and an entity's id apart from its name; a
reader with only SQL wants one row per thing with names in it. Two views give that:

- ``v_endorsements``: one row per stance fact that a current article reports: endorser (name,
  type, parent organisation), candidate, stance, stage, the fact's race (the race its reports
  state, else its candidate's only known race, as ``store.queries`` reads it) with its label and
  parts, first and last report date, how many current articles report it, and the evidence
  and source (url and file name) of its first report (earliest dated, else first stored).
- ``v_polls``: one row per candidate's result in a poll a current article reports: poll id,
  date, release date, pollster, population, race (stated, else the one race its candidates
  are known in) with label and parts, candidate, share, sample, margin of error, sponsor,
  field dates, evidence and source.

They read the catalog as corrected (merges, renames and retypes rewrite the tables); reviews
of facts (``reviews``) are not applied, as a view cannot replay them: the CLI, API and web
pages show reviewed facts. The SQL is the same on both dialects (window functions: SQLite
3.25+). A later migration that changes a column these views read drops and recreates them.
"""
from __future__ import annotations

from ..resolve import RACE_PARTS

#: The view names, in creation order (``v_polls`` and ``v_endorsements`` share no view).
VIEW_NAMES = ("v_endorsements", "v_polls")

_RACE_COLUMNS = ", ".join(f"r.{p} AS race_{p}" for p in RACE_PARTS)

# A candidate known in exactly one race: its race-less facts and polls belong to that race.
_ONLY_RACE = ("only_race AS (SELECT candidate_id, MIN(race_id) AS race_id FROM candidate_races"
              " GROUP BY candidate_id HAVING COUNT(*) = 1)")

V_ENDORSEMENTS = f"""CREATE VIEW v_endorsements AS
WITH reports AS (
    SELECT ss.stance_id, ss.effective_date, ss.evidence, a.id AS article_id, a.url, a.doc,
           ROW_NUMBER() OVER (PARTITION BY ss.stance_id
                              ORDER BY CASE WHEN ss.effective_date IS NULL THEN 1 ELSE 0 END, ss.effective_date,
                                       a.id, ss.start_offset) AS n
    FROM stance_sources ss JOIN articles a ON a.id = ss.article_id
    WHERE a.is_current = 1),
counts AS (
    SELECT stance_id, MIN(effective_date) AS first_reported, MAX(effective_date) AS last_reported,
           COUNT(DISTINCT article_id) AS report_count
    FROM reports GROUP BY stance_id),
{_ONLY_RACE}
SELECT s.id AS fact_id, e.name AS endorser, e.entity_type AS endorser_type, p.name AS parent_organization,
       c.name AS candidate, s.stance, s.stage,
       r.id AS race_id, COALESCE(r.label, r.name) AS race, {_RACE_COLUMNS},
       k.first_reported, k.last_reported, k.report_count, f.evidence, f.url AS source_url, f.doc AS source_doc
FROM stances s
JOIN counts k ON k.stance_id = s.id
JOIN reports f ON f.stance_id = s.id AND f.n = 1
JOIN entities e ON e.id = s.endorser_id
LEFT JOIN entities p ON p.id = e.parent_id
LEFT JOIN entities c ON c.id = s.candidate_id
LEFT JOIN only_race o ON o.candidate_id = s.candidate_id
LEFT JOIN races r ON r.id = COALESCE(s.race_id, o.race_id)"""

V_POLLS = f"""CREATE VIEW v_polls AS
WITH {_ONLY_RACE},
poll_race AS (
    SELECT pr.poll_id, MIN(o.race_id) AS race_id
    FROM poll_results pr JOIN only_race o ON o.candidate_id = pr.candidate_id
    GROUP BY pr.poll_id HAVING COUNT(DISTINCT o.race_id) = 1)
SELECT pl.id AS poll_id, pl.effective_date AS date, pl.released, g.name AS pollster, pl.population,
       r.id AS race_id, COALESCE(r.label, r.name) AS race, {_RACE_COLUMNS},
       c.name AS candidate, pr.share, pl.sample_size, pl.sample_universe, pl.margin_of_error, pl.sponsor,
       pl.field_dates, pl.evidence, a.url AS source_url, a.doc AS source_doc
FROM polls pl
JOIN articles a ON a.id = pl.article_id AND a.is_current = 1
JOIN poll_results pr ON pr.poll_id = pl.id
JOIN entities g ON g.id = pl.pollster_id
JOIN entities c ON c.id = pr.candidate_id
LEFT JOIN poll_race q ON q.poll_id = pl.id
LEFT JOIN races r ON r.id = COALESCE(pl.race_id, q.race_id)"""

#: DDL of the named migration 0008_views (no ``{pk}``-style placeholders: the dialect leaves it as is).
VIEWS_DDL = [V_ENDORSEMENTS, V_POLLS]
