"""Race keys and the article date window."""
from endorsetrack.resolve.dates import effective_date, find_dated_references, infer_date_window, parse_date
from endorsetrack.resolve.races import race_key, race_matches, race_year
from endorsetrack.types import Article


def test_race_keys_fold_synonyms_and_filler():
    assert race_key("2006 U.S. Senate, Connecticut") == race_key("Connecticut US senatorial race (2006)")
    assert race_key("2018 Iowa gubernatorial election") == race_key("Iowa governor 2018")
    assert race_key(None) == "" and race_key("the race") == ""
    assert race_matches("Connecticut Senate", race_key("2006 U.S. Senate, Connecticut"))
    assert not race_matches("Ohio Senate", race_key("2006 U.S. Senate, Connecticut"))
    assert race_year("2006 U.S. Senate, Connecticut") == 2006 and race_year("Senate") is None


SEED_LIKE = ("Vasquez carried the Aug. 8 Democratic primary. A Sept. 3 labor rally was held at the union hall. "
             "Members are pledging to vote for candidates on Nov. 7.")


def test_window_from_past_and_future_references():
    w = infer_date_window(Article(doc="x", text=SEED_LIKE))
    assert (w.start, w.end, w.basis) == ("--09-03", "--11-07", "inferred")
    assert [r.tense for r in w.evidence] == ["past", "future"]
    dated = infer_date_window(Article(doc="x", text=SEED_LIKE), year_hint=2006)
    assert (dated.start, dated.end) == ("2006-09-03", "2006-11-07")


def test_published_date_wins_and_unknown_without_dates():
    assert infer_date_window(Article(doc="x", text=SEED_LIKE, published="2006-09-05")).basis == "published"
    assert infer_date_window(Article(doc="x", text="No dates here.")).basis == "unknown"


def test_references_take_the_articles_own_year_and_skip_abbreviation_periods():
    refs = find_dated_references("On Sept. 3, 2006 the union met. Sen. Dodd spoke on Sept. 4.")
    assert [r.date for r in refs] == ["2006-09-03", "2006-09-04"]


def test_parse_and_effective_dates():
    assert parse_date("2006-08-29T10:00:00Z") == "2006-08-29"
    assert parse_date("August 29, 2006") == "2006-08-29"
    assert parse_date("--08-17") is None and parse_date("yesterday") is None
    w = infer_date_window(Article(doc="x", text=SEED_LIKE))
    assert effective_date(None, w) == (None, "unknown")  # no year: no date
    assert effective_date("2006-07-01", w) == ("2006-07-01", "stated")
