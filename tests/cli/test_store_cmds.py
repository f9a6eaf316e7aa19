"""The store commands end to end with a stand-in pipeline (hand-made facts, no model)."""
from __future__ import annotations

import csv
import io
import json
import os
import re

import pytest
from typer.testing import CliRunner

from endorsetrack.cli import store_cmds  # noqa: F401  (registers the commands until app.py does)
from endorsetrack.cli.app import app
from endorsetrack.batch import ingest as loader
from endorsetrack.resolve import NO_DEFAULTS, date_article
from endorsetrack.types import Article, ArticleResult, DocumentError, Endorsement, Evidence, Poll, PollResult, RuleRef

RACE = "2006 U.S. Senate, Connecticut"


def _e(endorser, candidate, stance="endorses", stage="general", start=0):
    return Endorsement(endorser, "union", candidate, stance, stage, Evidence(f"{endorser} quote", start, start + 5),
                       0.9, RuleRef("t", 1), race=RACE)


FACTS = {  # by the first word of the file's text
    "august": dict(published="2006-08-29", ends=(_e("IAFF", "Joe Lieberman"), _e("UAW", "Ned Lamont", start=1),
                                                 _e("AFL-CIO", None, "declines", "general", start=2)),
                   polls=(Poll("Quinnipiac University", (PollResult("Joe Lieberman", 49), PollResult("Ned Lamont", 38)),
                               Evidence("poll", 9, 13), RuleRef("p", 1), released="--08-17"),)),
    "september": dict(published="2006-09-04", ends=(_e("International Association of Fire Fighters", "Ned Lamont"),
                                                    _e("Carpenters Local 43", "Joe Lieberman", start=1)), polls=()),
    "undated": dict(published=None, ends=(_e("Glaziers Local 12", "Ned Lamont"),), polls=()),
}


def fake_normalize_record(record, settings=None):
    if isinstance(record, DocumentError):
        return record
    return Article(doc=record.doc, text=record.content.strip(), url=record.url, published=record.published)


def fake_process_articles(articles, settings=None, nlp=None, dating=NO_DEFAULTS):
    """The stand-in for extraction; the real resolve stage still dates what it finds."""
    for art in articles:
        if isinstance(art, DocumentError):
            yield art
            continue
        word = art.text.split()[0]
        if word == "broken":
            yield DocumentError(art.doc, "extract.failed", "extraction failed: boom")
            continue
        spec = FACTS.get(word, dict(published=None, ends=(), polls=()))
        yield date_article(ArticleResult(article=Article(doc=art.doc, text=art.text, published=spec["published"]),
                                         endorsements=spec["ends"], polls=spec["polls"]), dating)


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setattr(loader, "process_articles", fake_process_articles)
    monkeypatch.setattr(loader, "normalize_record", fake_normalize_record)
    monkeypatch.delenv("ENDORSETRACK_DB", raising=False)
    (tmp_path / "a.txt").write_text("august story")
    (tmp_path / "b.txt").write_text("september story")
    db = str(tmp_path / "t.db")
    runner = CliRunner()

    def run(*args):
        return runner.invoke(app, [a.replace("DB", db) for a in args])
    run.tmp = tmp_path
    run.db = db
    return run


def test_ingest_is_idempotent_and_reports(env):
    r = env("ingest", str(env.tmp / "a.txt"), str(env.tmp / "b.txt"), "--db", "DB")
    assert r.exit_code == 0, r.output
    assert "stored 2 article(s) (5 stance reports, 1 polls" in r.stderr
    again = env("ingest", str(env.tmp / "a.txt"), str(env.tmp / "b.txt"), "--db", "DB", "--workers", "2")
    assert again.exit_code == 0 and "stored 0 article(s)" in again.stderr and "2 unchanged" in again.stderr


def test_failed_document_exits_1_and_keeps_the_rest(env):
    (env.tmp / "c.txt").write_text("broken story")
    r = env("ingest", str(env.tmp / "a.txt"), str(env.tmp / "c.txt"), "--db", "DB", "--workers", "2")
    assert r.exit_code == 1
    assert "c.txt: extraction failed: boom" in r.stderr and "1 failed" in r.stderr
    out = env("endorsements", "--db", "DB", "--format", "json")
    assert len(json.loads(out.stdout)) == 3


@pytest.fixture
def loaded(env):
    assert env("ingest", str(env.tmp / "a.txt"), str(env.tmp / "b.txt"), "--db", "DB").exit_code == 0
    return env


def test_endorsements_json_with_as_of(loaded):
    rows = json.loads(loaded("endorsements", "--candidate", "Lamont", "--as-of", "2006-09-01", "--db", "DB",
                             "--format", "json").stdout)
    assert [(r["endorser"], r["stance"]) for r in rows] == [("United Auto Workers", "endorses")]


def test_status_table_and_csv(loaded):
    t = loaded("status", "--race", "Connecticut Senate", "--as-of", "2006-09-01", "--db", "DB")
    assert t.exit_code == 0 and "general" in t.stdout and "International Association of Fire Fighters" in t.stdout
    assert "declines" in t.stdout and "AFL-CIO" in t.stdout
    c = loaded("status", "--race", "Connecticut Senate", "--db", "DB", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(c.stdout)))
    iaff = [r for r in rows if r["endorser"] == "International Association of Fire Fighters"]
    assert [r["candidate"] for r in iaff] == ["Ned Lamont"]


def test_timeline_export_polls_conflicts_entities(loaded):
    tl = json.loads(loaded("timeline", "IAFF", "--db", "DB", "--format", "json").stdout)
    assert [(r["date"], r["candidate"]) for r in tl] == [("2006-08-29", "Joe Lieberman"), ("2006-09-04", "Ned Lamont")]
    ex = loaded("export", "--format", "csv", "--db", "DB")
    rows = list(csv.DictReader(io.StringIO(ex.stdout)))
    assert len(rows) == 5 and {"date", "endorser", "endorser_type", "parent_organization", "candidate", "stance",
                               "stage", "race", "source_url", "evidence", "confidence"} <= set(rows[0])
    out = loaded.tmp / "all.jsonl"
    assert loaded("export", "--format", "jsonl", "-o", str(out), "--db", "DB").exit_code == 0
    assert len(out.read_text().splitlines()) == 5
    polls = json.loads(loaded("polls", "--race", "Connecticut Senate", "--db", "DB", "--format", "json").stdout)
    assert polls[0]["pollster"] == "Quinnipiac University" and polls[0]["released"] == "2006-08-17"
    conf = json.loads(loaded("conflicts", "--db", "DB", "--format", "json").stdout)
    assert conf[0]["kind"] == "two_candidates"
    ents = json.loads(loaded("entities", "IAFF", "--db", "DB", "--format", "json").stdout)
    assert "International Association of Firefighters" in {n["name"] for n in ents[0]["names"]}


def test_entities_csv_lists_names_as_readable_text(loaded):
    rows = list(csv.DictReader(io.StringIO(loaded("entities", "IAFF", "--db", "DB", "-f", "csv").stdout)))
    names = rows[0]["names"]
    assert "{" not in names and "'score'" not in names
    assert all(re.fullmatch(r".+ \([0-9.]+\)", part) for part in names.split("; ")), names
    assert any(part.startswith("International Association of Firefighters (") for part in names.split("; "))


@pytest.mark.parametrize("args, message", [
    (("endorsements", "--as-of", "Sept 1"), "--as-of wants a date as YYYY-MM-DD"),
    (("status", "--race", "Ohio Senate"), "no race matches 'Ohio Senate'"),
    (("timeline", "Nobody Atall"), "no endorser or candidate named 'Nobody Atall'"),
    (("entities", "Zzz"), "no entity named 'Zzz' in the database"),
])
def test_query_errors_are_one_line_and_exit_2(loaded, args, message):
    r = loaded(*args, "--db", "DB")
    assert r.exit_code == 2
    assert r.stderr.strip().splitlines() == [f"error: {r.stderr.strip()[7:]}"] and message in r.stderr


def _unboxed(text: str) -> str:
    """A usage error's text without the box Typer draws around it, on one line."""
    return " ".join(text.replace("│", " ").split())


@pytest.mark.parametrize("args, message", [
    (("endorsements", "--format", "xml"), "'xml' is not one of 'table', 'csv', 'json'"),
    (("export", "--format", "table"), "'table' is not one of 'csv', 'json', 'jsonl'"),
    (("endorsements", "--stance", "backs"),
     "'backs' is not one of 'endorses', 'will_endorse', 'declines', 'undecided', 'rescinds', 'opposes'"),
    (("endorsements", "--stage", "runoff"), "'runoff' is not one of 'primary', 'general'"),
])
def test_a_choice_outside_the_list_is_a_usage_error_naming_the_choices(loaded, args, message):
    r = loaded(*args, "--db", "DB")
    assert r.exit_code == 2
    assert message in _unboxed(r.stderr)


def test_help_lists_the_choices(env):
    text = _unboxed(env("endorsements", "--help").stdout)
    assert "<table|csv|json>" in text and "<primary|general>" in text
    assert "<csv|json|jsonl>" in _unboxed(env("export", "--help").stdout)


def test_stance_and_stage_choices_filter(loaded):
    rows = json.loads(loaded("endorsements", "--stance", "declines", "--stage", "general", "--db", "DB",
                             "-f", "json").stdout)
    assert [(r["endorser"], r["stance"]) for r in rows] == [("AFL-CIO", "declines")]


def test_missing_database_and_needed_migration(env):
    r = env("endorsements", "--db", "DB")
    assert r.exit_code == 2 and "no such database" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    from endorsetrack.store import connect, migrate
    db = connect(env.db, create=True)
    migrate(db, target="0001_core")
    db.close()
    r = env("status", "--race", "x", "--db", "DB")
    assert r.exit_code == 2 and "run `endorsetrack migrate`" in r.stderr
    m = env("migrate", "--db", "DB")
    from endorsetrack.store.migrations import MIGRATIONS
    assert m.exit_code == 0 and f"applied {len(MIGRATIONS) - 1} migration(s)" in m.stderr
    assert env("endorsements", "--db", "DB").exit_code == 0


def test_ingest_of_nothing_readable_exits_2_and_creates_no_database(env):
    r = env("ingest", str(env.tmp / "missing.txt"), "--db", "DB")
    assert r.exit_code == 2
    assert r.stderr.splitlines()[-1] == "error: no articles found in the given paths"
    assert not os.path.exists(env.db)


def test_ingest_of_an_empty_directory_exits_2(env):
    (env.tmp / "nothing").mkdir()
    r = env("ingest", str(env.tmp / "nothing"), "--db", "DB")
    assert r.exit_code == 2 and "no articles found" in r.stderr and not os.path.exists(env.db)


def test_bad_inputs_before_the_first_good_one_are_counted_and_reported(env):
    r = env("ingest", str(env.tmp / "missing.txt"), str(env.tmp / "a.txt"), "--db", "DB")
    assert r.exit_code == 1
    assert "missing.txt: no such file or directory" in r.stderr and "1 failed" in r.stderr



@pytest.fixture
def with_undated(loaded):
    (loaded.tmp / "u.txt").write_text("undated story")
    assert loaded("ingest", str(loaded.tmp / "u.txt"), "--db", "DB").exit_code == 0
    return loaded


def test_endorsements_as_of_says_how_many_undated_reports_it_left_out(with_undated):
    t = with_undated("endorsements", "--candidate", "Lamont", "--as-of", "2006-09-01", "--db", "DB")
    assert t.exit_code == 0 and "Glaziers" not in t.stdout
    assert "1 report(s) have no known date and are not placed as of 2006-09-01." in " ".join(t.stdout.split())
    j = with_undated("endorsements", "--candidate", "Lamont", "--as-of", "2006-09-01", "--db", "DB", "--format", "json")
    assert [r["endorser"] for r in json.loads(j.stdout)] == ["United Auto Workers"]  # stdout stays data
    assert "note: 1 report(s) have no known date and are not placed as of 2006-09-01." in j.stderr


def test_endorsements_include_undated_lists_them_without_a_date(with_undated):
    c = with_undated("endorsements", "--candidate", "Lamont", "--as-of", "2006-09-01", "--include-undated",
                     "--db", "DB", "--format", "csv")
    rows = {r["endorser"]: r["first_reported"] for r in csv.DictReader(io.StringIO(c.stdout))}
    assert rows == {"United Auto Workers": "2006-08-29", "Glaziers Local 12": ""}
    assert "note: 1 report(s) have no known date; listed as well (--include-undated)" in c.stderr


def test_the_undated_count_follows_the_filters(with_undated):
    t = with_undated("endorsements", "--candidate", "Lieberman", "--as-of", "2006-09-01", "--db", "DB")
    assert "no known date" not in t.stdout
    s = with_undated("status", "--race", "Connecticut Senate", "--as-of", "2006-09-01", "--db", "DB", "--format", "json")
    assert json.loads(s.stdout) and "note: 1 report(s) have no known date and are not placed as of 2006-09-01." in s.stderr
    without = with_undated("status", "--race", "Connecticut Senate", "--db", "DB", "--format", "json")
    assert "no known date" not in without.stderr


# --- entity corrections: merge, rename, retype, log ------------------------------------------

HARBOR_RACE = "2030 mayor, Port Elsin"


def _h(endorser, candidate, start, type_="union"):
    return Endorsement(endorser, type_, candidate, "endorses", "general", Evidence(f"{endorser} said", start, start + 5),
                       0.9, RuleRef("t", 1), race=HARBOR_RACE)


HARBOR = dict(published="2030-05-02", polls=(), ends=(
    _h("Dockhands Guild", "Mara Velloso", 0), _h("Dockhands Local", "Mara Velloso", 1),
    _h("Quill Brotherhood", "Mara Velloso", 2, type_="person"), _h("Tomas Brede", "Mara Velloso", 3),
    _h("Harbor Pilots", "Tomas Brede", 4)))


@pytest.fixture
def harbor(env, monkeypatch):
    monkeypatch.setitem(FACTS, "harbor", HARBOR)
    (env.tmp / "h.txt").write_text("harbor story")
    assert env("ingest", str(env.tmp / "h.txt"), "--db", "DB").exit_code == 0
    return env


def _entities(run) -> dict[str, dict]:
    r = run("entities", "--db", "DB", "-f", "json")
    assert r.exit_code == 0, r.output
    return {e["name"]: e for e in json.loads(r.stdout)}


def _facts(run) -> set[tuple[str, str, int]]:
    rows = json.loads(run("endorsements", "--db", "DB", "-f", "json").stdout)
    return {(r["endorser"], r["candidate"], r["reports"]) for r in rows}


def test_entities_merge_moves_facts_and_holds_when_the_article_is_extracted_again(harbor):
    ents = _entities(harbor)
    keep, fold = ents["Dockhands Guild"]["id"], ents["Dockhands Local"]["id"]
    r = harbor("entities", "merge", "Dockhands Guild", "Dockhands Local", "--reviewer", "ines", "--note", "one body",
               "--db", "DB")
    assert r.exit_code == 0, r.output
    assert r.stdout.strip() == (f"merged #{fold} Dockhands Local (union) into #{keep} Dockhands Guild: "
                                "moved 1 facts, 0 polls, 1 names")
    assert "Dockhands Local" in {n["name"] for n in _entities(harbor)["Dockhands Guild"]["names"]}
    # the same article again changes nothing; an edited version is extracted again and the merge holds
    before = _entities(harbor)
    assert harbor("ingest", str(harbor.tmp / "h.txt"), "--db", "DB").exit_code == 0
    assert _entities(harbor) == before
    (harbor.tmp / "h.txt").write_text("harbor story, edited")
    assert harbor("ingest", str(harbor.tmp / "h.txt"), "--db", "DB").exit_code == 0
    assert "Dockhands Local" not in _entities(harbor)
    assert ("Dockhands Guild", "Mara Velloso", 1) in _facts(harbor)
    log = json.loads(harbor("entities", "log", "--db", "DB", "-f", "json").stdout)
    assert [(c["action"], c["reviewer"], c["note"], c["entity_id"]) for c in log] == [("merge", "ines", "one body", keep)]


def test_entities_rename_and_retype_hold_when_the_article_is_extracted_again(harbor):
    pilots = _entities(harbor)["Harbor Pilots"]["id"]
    r = harbor("entities", "rename", "Harbor Pilots", "Harbor Pilots Association", "--db", "DB")
    assert r.exit_code == 0 and r.stdout.strip() == f"renamed #{pilots} 'Harbor Pilots' to 'Harbor Pilots Association'"
    r = harbor("entities", "retype", "Quill Brotherhood", "union", "--db", "DB")
    quill = _entities(harbor)["Quill Brotherhood"]
    assert r.exit_code == 0 and r.stdout.strip() == f"retyped #{quill['id']} Quill Brotherhood from person to union"
    (harbor.tmp / "h.txt").write_text("harbor story, edited")
    assert harbor("ingest", str(harbor.tmp / "h.txt"), "--db", "DB").exit_code == 0
    ents = _entities(harbor)
    assert "Harbor Pilots" not in ents and ents["Harbor Pilots Association"]["id"] == pilots
    assert (ents["Quill Brotherhood"]["id"], ents["Quill Brotherhood"]["type"]) == (quill["id"], "union")
    csv_log = list(csv.DictReader(io.StringIO(harbor("entities", "log", "--db", "DB", "-f", "csv").stdout)))
    assert [(c["action"], c["new_value"]) for c in csv_log] == [("rename", "Harbor Pilots Association"),
                                                               ("retype", "union")]


def test_entities_listing_keeps_its_forms(harbor):
    rows = list(csv.DictReader(io.StringIO(harbor("entities", "Dockhands Guild", "--db", "DB", "-f", "csv").stdout)))
    assert [r["name"] for r in rows] == ["Dockhands Guild"]
    assert harbor("entities", "list", "Dockhands Guild", "--db", "DB").exit_code == 0
    assert "merge" in harbor("entities", "--help").stdout


def test_entity_correction_errors_are_one_line_and_exit_2(harbor):
    ents = _entities(harbor)
    listed = json.loads(harbor("entities", "--db", "DB", "-f", "json").stdout)
    brede = sorted((e["id"], e["type"] or "person") for e in listed if e["name"] == "Tomas Brede")
    r = harbor("entities", "rename", "Tomas Brede", "Tom Brede", "--db", "DB")
    assert r.exit_code == 2 and r.stderr.strip() == "error: 'Tomas Brede' could mean 2 entities: " + ", ".join(
        f"#{i} Tomas Brede ({t})" for i, t in brede) + f"; name one by its id, e.g. '#{brede[0][0]}'"
    r = harbor("entities", "merge", "Dockhands", "Harbor Pilots", "--db", "DB")
    assert r.exit_code == 2 and r.stderr.strip() == (
        "error: no entity named 'Dockhands' in the database; names that hold these words: "
        f"#{ents['Dockhands Guild']['id']} Dockhands Guild (union), #{ents['Dockhands Local']['id']} Dockhands Local "
        "(union); give the full name or the id")
    r = harbor("entities", "merge", "Harbor Pilots", "harbor pilots", "--db", "DB")
    assert r.exit_code == 2 and "cannot merge" in r.stderr and "into itself" in r.stderr
    r = harbor("entities", "retype", "Harbor Pilots", "guild", "--db", "DB")
    assert r.exit_code == 2 and ("'guild' is not one of 'union', 'organization', 'person', 'newspaper', 'party', "
                                 "'other'") in _unboxed(r.stderr)
    r = harbor("entities", "rename", "#99999", "X", "--db", "DB")
    assert r.exit_code == 2 and r.stderr.strip() == "error: no entity with id 99999 in the database"
    assert json.loads(harbor("entities", "log", "--db", "DB", "-f", "json").stdout) == []


def test_ingest_with_a_missing_metadata_file_exits_2_with_its_name_and_creates_no_database(env):
    r = env("ingest", str(env.tmp / "a.txt"), "--metadata", str(env.tmp / "nope.jsonl"), "--db", "DB")
    assert r.exit_code == 2
    assert r.stderr.splitlines()[-1] == f"error: {env.tmp / 'nope.jsonl'}: metadata file not found"
    assert not os.path.exists(env.db)


def test_ingest_with_metadata_warns_about_lines_naming_no_input_file(env):
    meta = env.tmp / "meta.jsonl"
    meta.write_text('{"doc": "a.txt", "url": "https://paper.example/a"}\n{"doc": "zz.txt", "url": "https://x.example"}\n')
    r = env("ingest", str(env.tmp / "a.txt"), "--metadata", str(meta), "--db", "DB")
    assert r.exit_code == 0, r.output
    assert f"warning: {meta}:2: 'zz.txt' names no input file; its metadata was not used" in r.stderr.splitlines()


def test_export_preset_538_writes_fivethirtyeights_columns_in_csv_and_json(loaded):
    ex = loaded("export", "--preset", "538", "--db", "DB")
    assert ex.exit_code == 0, ex.output
    assert ex.stdout.splitlines()[0] == ("date,endorser,endorsee,category,position_sought,year,state,district,city,"
                                         "stage,race,stance,source,evidence")
    rows = list(csv.DictReader(io.StringIO(ex.stdout)))
    assert len(rows) == 4 and "AFL-CIO" not in {r["endorser"] for r in rows}  # its decline is no endorsement
    assert {(r["position_sought"], r["state"], r["year"], r["stage"]) for r in rows} == {
        ("U.S. Senate", "Connecticut", "2006", "general")}
    js = json.loads(loaded("export", "--preset", "538", "--format", "json", "--db", "DB").stdout)
    assert [(r["date"], r["endorser"], r["endorsee"]) for r in js] == [(r["date"], r["endorser"], r["endorsee"])
                                                                      for r in rows]
    bad = loaded("export", "--preset", "nyt", "--db", "DB")
    assert bad.exit_code == 2 and "is not one of '538'" in bad.stderr


# Polls in long form: an invented poll with two matchups (a two-way and a three-way question), the
# two-way one also for a subgroup, in a dated article; a second, undated article whose poll gives
# only a day and month.
TOWN_RACE = "2031 mayor, Quillhaven"


def _poll(results, start, population=None, **facts):
    return Poll("Brackwater Survey Center", tuple(PollResult(c, s) for c, s in results),
                Evidence("poll figures", start, start + 12), RuleRef("p", 1), population=population,
                race=TOWN_RACE, **facts)


TOWN_FACTS = dict(released="2031-05-14", field_dates="2031-05-08/2031-05-11", sponsor="Quillhaven Courier",
                  sample_size=612, sample_universe="likely voters", margin_of_error=4.0)
TOWN = dict(published="2031-05-15", ends=(), polls=(
    _poll((("Orla Penhallow", 44), ("Bram Tessaro", 39)), 0, **TOWN_FACTS),
    _poll((("Orla Penhallow", 51), ("Bram Tessaro", 33)), 20, population="women", **TOWN_FACTS),
    _poll((("Orla Penhallow", 40), ("Bram Tessaro", 35), ("Ysolde Kern", 12)), 40, **TOWN_FACTS)))
TOWN_UNDATED = dict(published=None, ends=(), polls=(
    Poll("Fenwick Opinion Lab", (PollResult("Orla Penhallow", 47), PollResult("Bram Tessaro", 41)),
         Evidence("older figures", 0, 13), RuleRef("p", 1), released="--04-02", race=TOWN_RACE),))


@pytest.fixture
def town(env, monkeypatch):
    monkeypatch.setitem(FACTS, "town", TOWN)
    monkeypatch.setitem(FACTS, "townless", TOWN_UNDATED)
    (env.tmp / "t1.txt").write_text("town story")
    (env.tmp / "t2.txt").write_text("townless story")
    r = env("ingest", str(env.tmp / "t1.txt"), str(env.tmp / "t2.txt"), "--db", "DB")
    assert r.exit_code == 0, r.output
    return env


POLL_HEADER = ("poll_id,question,pollster,sponsor,field_start,field_end,released,released_partial,sample_size,"
               "universe,margin_of_error,population,candidate,share,race,source_url,source_doc")


def test_polls_csv_is_one_row_per_share_with_the_polls_facts(town):
    r = town("polls", "--db", "DB", "--format", "csv")
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[0] == POLL_HEADER
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    brack = [x for x in rows if x["pollster"] == "Brackwater Survey Center"]
    assert len(brack) == 2 + 2 + 3  # one row per share: whole sample, women, and the three-way question
    first = brack[0]
    assert (first["sponsor"], first["field_start"], first["field_end"], first["released"],
            first["released_partial"], first["sample_size"], first["universe"], first["margin_of_error"]) == (
        "Quillhaven Courier", "2031-05-08", "2031-05-11", "2031-05-14", "", "612", "likely voters", "4.0")
    assert first["source_doc"].endswith("t1.txt") and "Quillhaven" in first["race"]
    assert [(x["question"], x["population"], x["candidate"], x["share"]) for x in brack] == [
        ("1", "", "Orla Penhallow", "44.0"), ("1", "", "Bram Tessaro", "39.0"),
        ("1", "women", "Orla Penhallow", "51.0"), ("1", "women", "Bram Tessaro", "33.0"),
        ("2", "", "Orla Penhallow", "40.0"), ("2", "", "Bram Tessaro", "35.0"), ("2", "", "Ysolde Kern", "12.0")]


def test_the_matchups_of_one_poll_share_its_poll_id_and_a_race_counts_the_poll_once(town):
    rows = json.loads(town("polls", "--db", "DB", "--format", "json").stdout)
    ids = {r["pollster"]: {x["poll_id"] for x in rows if x["pollster"] == r["pollster"]} for r in rows}
    assert len(ids["Brackwater Survey Center"]) == 1 and len(ids["Fenwick Opinion Lab"]) == 1
    assert ids["Brackwater Survey Center"] != ids["Fenwick Opinion Lab"]
    races = json.loads(town("races", "--db", "DB", "--format", "json").stdout)
    assert [r["polls"] for r in races if "Quillhaven" in (r["label"] or "")] == [2]
    table = town("polls", "--db", "DB")
    assert table.exit_code == 0 and " q2" in table.stdout and "Ysolde Kern" in table.stdout


def test_a_release_date_without_its_year_is_empty_with_the_partial_form_beside_it(town):
    rows = json.loads(town("polls", "--db", "DB", "--format", "json").stdout)
    fenwick = [r for r in rows if r["pollster"] == "Fenwick Opinion Lab"]
    assert {(r["released"], r["released_partial"]) for r in fenwick} == {(None, "--04-02")}
    assert {(r["field_start"], r["field_end"], r["sponsor"]) for r in fenwick} == {(None, None, None)}


def test_export_what_polls_writes_the_long_poll_rows(town):
    ex = town("export", "--what", "polls", "--db", "DB")
    assert ex.exit_code == 0, ex.output
    assert ex.stdout.splitlines()[0] == POLL_HEADER and len(ex.stdout.splitlines()) == 1 + 7 + 2
    assert ex.stdout == town("polls", "--db", "DB", "--format", "csv").stdout
    out = town.tmp / "polls.jsonl"
    w = town("export", "--what", "polls", "--format", "jsonl", "-o", str(out), "--db", "DB")
    assert w.exit_code == 0 and "wrote 9 rows" in w.stderr
    assert {json.loads(line)["candidate"] for line in out.read_text().splitlines()} == {
        "Orla Penhallow", "Bram Tessaro", "Ysolde Kern"}
    stances = town("export", "--what", "stances", "--db", "DB")
    assert stances.exit_code == 0 and stances.stdout.splitlines()[0].startswith("date,date_basis,")


def test_export_what_rejects_an_unknown_choice_and_the_538_preset_with_polls(town):
    bad = town("export", "--what", "matchups", "--db", "DB")
    assert bad.exit_code == 2 and "'matchups' is not one of" in bad.stderr and "'stances'" in bad.stderr
    both = town("export", "--what", "polls", "--preset", "538", "--db", "DB")
    assert both.exit_code == 2
    assert both.stderr.strip() == "error: --preset 538 shapes stance rows; it cannot be used with --what polls"
    assert "--what" in town("export", "--help").stdout


# One article, one pollster, one release date: the universe stated for the first matchup only, a
# subgroup figure for one candidate, and a second poll of another universe (registered voters).
COUNTY_FACTS = dict(released="2031-06-02")
COUNTY = dict(published="2031-06-03", ends=(), polls=(
    _poll((("Orla Penhallow", 45), ("Bram Tessaro", 40)), 0, sample_universe="likely voters", **COUNTY_FACTS),
    _poll((("Orla Penhallow", 58),), 20, population="retirees", **COUNTY_FACTS),
    _poll((("Bram Tessaro", 41), ("Ysolde Kern", 30)), 40, **COUNTY_FACTS),
    _poll((("Orla Penhallow", 42), ("Bram Tessaro", 42)), 60, sample_universe="registered voters", **COUNTY_FACTS)))


def test_a_matchup_without_a_stated_universe_joins_the_poll_stated_before_it(env, monkeypatch):
    monkeypatch.setitem(FACTS, "county", COUNTY)
    (env.tmp / "c.txt").write_text("county story")
    assert env("ingest", str(env.tmp / "c.txt"), "--db", "DB").exit_code == 0
    rows = json.loads(env("polls", "--db", "DB", "--format", "json").stdout)
    polls: dict[int, set] = {}
    for r in rows:
        polls.setdefault(r["poll_id"], set()).add((r["question"], r["population"], r["universe"], r["candidate"]))
    assert sorted(polls.values(), key=len) == [
        {(1, None, "registered voters", "Orla Penhallow"), (1, None, "registered voters", "Bram Tessaro")},
        {(1, None, "likely voters", "Orla Penhallow"), (1, None, "likely voters", "Bram Tessaro"),
         (1, "retirees", "likely voters", "Orla Penhallow"),  # the subgroup's figure: the first question
         (2, None, "likely voters", "Bram Tessaro"), (2, None, "likely voters", "Ysolde Kern")}]


# One pollster's surveys of two states in one article, the same day and universe: two polls.
def _state_poll(results, start, race):
    return Poll("Larkspur Research", tuple(PollResult(c, s) for c, s in results), Evidence("figures", start, start + 7),
                RuleRef("p", 1), race=race, released="2031-09-20", sample_universe="likely voters")


STATES = dict(published="2031-09-21", ends=(), polls=(
    _state_poll((("Hesper Vantongeren", 48), ("Cael Moravec", 44)), 0, "2032 U.S. Senate, Oregon"),
    _state_poll((("Hesper Vantongeren", 50), ("Lio Barrasford", 41)), 20, "2032 U.S. Senate, Oregon"),
    _state_poll((("Rune Ashcombe", 46), ("Tamsin Oduya", 45)), 40, "2032 U.S. Senate, Nevada")))


def test_one_pollsters_surveys_of_two_states_are_two_polls(env, monkeypatch):
    monkeypatch.setitem(FACTS, "states", STATES)
    (env.tmp / "s.txt").write_text("states story")
    assert env("ingest", str(env.tmp / "s.txt"), "--db", "DB").exit_code == 0
    rows = json.loads(env("polls", "--db", "DB", "--format", "json").stdout)
    by_poll: dict[int, set] = {}
    for r in rows:
        by_poll.setdefault(r["poll_id"], set()).add((r["question"], r["race"]))
    assert sorted(by_poll.values(), key=len) == [{(1, "2032 U.S. Senate, Nevada")},
                                                {(1, "2032 U.S. Senate, Oregon"), (2, "2032 U.S. Senate, Oregon")}]
