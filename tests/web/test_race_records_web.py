"""Races as records on the web: each part on the race page and in the API, and /race?q= showing one
race (or the races a query fits)."""
from __future__ import annotations

import re

import pytest

import web_builders

web_builders.require_web()

from web_builders import make_client  # noqa: E402
from endorsetrack.resolve import DatingDefaults, date_article  # noqa: E402
from endorsetrack.store import StoreWriter, open_store  # noqa: E402
from endorsetrack.types import Article, ArticleResult, Endorsement, Evidence, RuleRef  # noqa: E402

EASTVALE = "2023 mayor, Eastvale, Illinois"
WESTPORT = "2019 mayor, Westport, Oregon"


def _end(endorser: str, candidate: str, race: str) -> Endorsement:
    return Endorsement(endorser, "union", candidate, "endorses", "general", Evidence("quote", 0, 5), 0.9,
                       RuleRef("t", 1), race=race)


@pytest.fixture
def two_mayors(tmp_path):
    url = str(tmp_path / "mayors.db")
    db = open_store(url, create=True, migrate_to_head=True)
    with StoreWriter(db) as w:
        for doc, race, who in (("a", EASTVALE, "Lena Park"), ("b", WESTPORT, "Ana Ruiz")):
            raw = ArticleResult(Article(doc=doc, text=doc), endorsements=(_end("Harbor Nurses Union", who, race),))
            w.write(date_article(raw, DatingDefaults()))
    ids = {r["label"]: r["id"] for r in db.query("SELECT id, label FROM races")}
    db.close()
    return make_client(url), ids


def test_the_races_api_gives_each_part_its_own_field(two_mayors):
    client, _ = two_mayors
    races = client.get("/api/races").json()
    eastvale = next(r for r in races if r["label"] == EASTVALE)
    assert {k: eastvale[k] for k in ("name", "year", "office", "city", "state", "country", "district", "stage")} == {
        "name": EASTVALE, "year": 2023, "office": "mayor", "city": "Eastvale", "state": "Illinois",
        "country": "United States", "district": None, "stage": None}
    assert (eastvale["endorsements"], eastvale["candidates"]) == (1, 1)


def test_the_race_page_and_api_show_the_parts(two_mayors):
    client, ids = two_mayors
    detail = client.get(f"/api/races/{ids[WESTPORT]}").json()["race"]
    assert (detail["label"], detail["city"], detail["state"]) == (WESTPORT, "Westport", "Oregon")
    html = client.get(f"/race/{ids[WESTPORT]}").text
    assert re.search(r'<dd class="race-city">Westport</dd>', html)
    assert re.search(r'<dd class="race-office">mayor</dd>', html)


def test_a_query_that_fits_one_race_goes_to_its_page(two_mayors):
    client, ids = two_mayors
    r = client.get("/race", params={"q": "Westport"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/race/{ids[WESTPORT]}"
    r = client.get("/race", params={"q": f"#{ids[EASTVALE]}"}, follow_redirects=False)
    assert r.headers["location"] == f"/race/{ids[EASTVALE]}"


def test_a_query_that_fits_several_races_lists_them_to_pick_one(two_mayors):
    client, ids = two_mayors
    r = client.get("/race", params={"q": "mayor"}, follow_redirects=False)
    assert r.status_code == 300
    assert "fits 2 races" in r.text
    assert f'href="/race/{ids[EASTVALE]}"' in r.text and f'href="/race/{ids[WESTPORT]}"' in r.text


def test_a_query_that_fits_no_race_is_not_found(two_mayors):
    client, _ = two_mayors
    r = client.get("/race", params={"q": "Ohio Senate"})
    assert r.status_code == 404 and "no race matches" in r.text
