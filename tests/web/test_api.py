"""The JSON API: the pages' data, review actions with token and origin checks, one error shape for all errors."""
from __future__ import annotations

import pytest

import web_builders

web_builders.require_web()

from web_builders import make_client  # noqa: E402
from endorsetrack.store import web_queries  # noqa: E402


def assert_error(response, status: int, code: str, words: str = "") -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    assert words in body["error"]["message"]


def test_api_serves_the_same_data_as_the_pages(built_url):
    c = make_client(built_url)
    races = c.get("/api/races").json()
    senate = next(r for r in races if r["name"] == web_builders.RACE)
    detail = c.get(f"/api/races/{senate['id']}").json()
    assert {x["candidate"]: x["supporters"] for x in detail["candidates"]} == {"Ned Harlow": 4, "Joe Pennock": 1}
    roofers = next(f for f in detail["facts"] if f["endorser"] == "Roofers Council" and f["stance"] == "endorses"
                   and f["candidate"] == "Ned Harlow")
    endorser = c.get(f"/api/endorsers/{roofers['endorser_id']}").json()
    assert [h["change"] for h in endorser["history"]] == [None, "rescind", None]
    article = c.get(f"/api/articles/{roofers['article_id']}").json()
    text = article["article"]["text"]
    assert all(text[r["start"]:r["end"]] == r["evidence"] for r in article["reports"])
    cand = c.get(f"/api/candidates/{roofers['candidate_id']}").json()
    assert cand["candidate"]["name"] == "Ned Harlow" and len(cand["polls"]) == 2
    assert c.get("/api/search", params={"q": "glaziers"}).json()["entities"][0]["name"] == "Glaziers Union"
    assert len(c.get("/api/recent", params={"limit": 2}).json()) == 2


def test_a_review_through_the_api_changes_what_every_reader_sees(client, ids):
    fid = ids["facts"][("Plumbers Guild", "Ned Harlow", "endorses")]
    race = ids["races"][web_builders.RACE]
    r = client.post(f"/api/facts/{fid}/reviews", json={"action": "reject", "note": "misread", "reviewer": "ann"})
    assert r.status_code == 201, r.text
    assert r.json()["review"]["action"] == "reject" and r.json()["fact"]["review"] == "reject"
    facts = client.get(f"/api/races/{race}").json()["facts"]
    assert "Plumbers Guild" not in {f["endorser"] for f in facts}
    glaziers = ids["facts"][("Glaziers Union", "Ned Harlow", "endorses")]
    r = client.post(f"/api/facts/{glaziers}/reviews", json={"action": "correct", "stance": "will_endorse"})
    assert r.status_code == 201, r.text
    counts = {x["candidate"]: x["by_stage"] for x in client.get(f"/api/races/{race}").json()["candidates"]}
    assert counts["Ned Harlow"] == {"general": {"endorses": 2, "will_endorse": 1}}
    log = client.get("/api/reviews").json()
    assert [(x["fact_id"], x["action"]) for x in log] == [(fid, "reject"), (glaziers, "correct")]
    assert client.get(f"/api/facts/{glaziers}").json()["extracted"]["stance"] == "endorses"


def test_an_endorser_correction_through_the_api_moves_the_fact_to_that_endorser(sqlite_url, ids):
    c = make_client(sqlite_url, token="s3cret")
    auth = {"Authorization": "Bearer s3cret"}
    fid = ids["facts"][("Glaziers Union", "Ned Harlow", "endorses")]
    url = f"/api/facts/{fid}/reviews"
    assert_error(c.post(url, json={"action": "correct", "endorser_name": "Glaziers Local 3"}), 401, "unauthorized")
    assert_error(c.post(url, json={"action": "correct", "endorser_name": "Glaziers Local 3", "endorser_id": 1},
                        headers=auth), 422, "validation_error", "not both")
    r = c.post(url, json={"action": "correct", "endorser_name": "Glaziers Local 3", "reviewer": "ann"}, headers=auth)
    assert r.status_code == 201, r.text
    assert r.json()["fact"]["endorser"] == "Glaziers Local 3"
    assert r.json()["review"]["endorser_ref"] == "organization:glaziers local 3"
    new_id = r.json()["fact"]["endorser_id"]
    assert [f["fact_id"] for f in c.get(f"/api/endorsers/{new_id}").json()["facts"]] == [fid]
    old = c.get(f"/api/endorsers/{ids['entities']['Glaziers Union']}").json()
    assert fid not in {f["fact_id"] for f in old["facts"]}
    assert "Roofers Council" in {e["name"] for e in c.get("/api/review-choices").json()["endorsers"]}
    log = c.get("/api/entity-corrections").json()
    assert [(x["action"], x["new_value"], x["reviewer"], x["entity_id"]) for x in log] == [
        ("create", "Glaziers Local 3", "ann", new_id)]


def test_error_shape_for_404_422_and_unknown_routes(client):
    assert_error(client.get("/api/races/9999"), 404, "not_found", "no race with id 9999")
    assert_error(client.get("/api/facts/9999"), 404, "not_found", "no fact with id 9999")
    assert_error(client.get("/api/no-such-thing"), 404, "not_found")
    assert_error(client.get("/api/races/abc"), 422, "validation_error", "race_id")
    assert_error(client.get("/api/recent", params={"limit": 0}), 422, "validation_error", "limit")
    assert_error(client.delete("/api/races"), 405, "method_not_allowed")


def test_error_shape_for_bad_review_bodies(client, ids):
    fid = ids["facts"][("Plumbers Guild", "Ned Harlow", "endorses")]
    assert_error(client.post(f"/api/facts/{fid}/reviews", json={"action": "approve"}), 422, "validation_error",
                 "action")
    assert_error(client.post(f"/api/facts/{fid}/reviews", json={"action": "correct"}), 422, "validation_error",
                 "must change")
    assert_error(client.post(f"/api/facts/{fid}/reviews", content="action=reject",
                             headers={"content-type": "text/plain"}), 415, "unsupported_media_type")
    assert_error(client.post("/api/facts/9999/reviews", json={"action": "confirm"}), 404, "not_found")


def test_error_shape_for_401_when_the_server_has_a_token(sqlite_url, ids):
    c = make_client(sqlite_url, token="s3cret")
    fid = ids["facts"][("Plumbers Guild", "Ned Harlow", "endorses")]
    url = f"/api/facts/{fid}/reviews"
    missing = c.post(url, json={"action": "reject"})
    assert_error(missing, 401, "unauthorized", "Authorization: Bearer")
    assert missing.headers["www-authenticate"] == "Bearer"
    assert_error(c.post(url, json={"action": "reject"}, headers={"Authorization": "Bearer wrong"}), 401,
                 "unauthorized", "wrong")
    assert c.post(url, json={"action": "reject"}, headers={"Authorization": "Bearer s3cret"}).status_code == 201
    assert c.get("/api/races").status_code == 200  # reading needs no token


def test_error_shape_for_403_from_another_site(client, ids):
    fid = ids["facts"][("Plumbers Guild", "Ned Harlow", "endorses")]
    r = client.post(f"/api/facts/{fid}/reviews", json={"action": "reject"},
                    headers={"Origin": "https://evil.example"})
    assert_error(r, 403, "forbidden", "another site")


def test_error_shape_for_500_and_503(sqlite_url, tmp_path, monkeypatch):
    def broken(db):
        raise RuntimeError("secret internals")
    monkeypatch.setattr(web_queries, "race_list", broken)
    r = make_client(sqlite_url).get("/api/races")
    assert_error(r, 500, "internal_error")
    assert "secret internals" not in r.text  # details go to the log, not to the client
    assert_error(make_client(str(tmp_path / "missing.db")).get("/api/races"), 503, "store_unavailable",
                 "no such database")


def test_error_shape_for_a_foreign_host_header(sqlite_url):
    c = make_client(sqlite_url, allowed_hosts=("127.0.0.1", "localhost"))
    assert_error(c.get("/api/races", headers={"Host": "rebound.example"}), 400, "bad_request", "rebound.example")
    assert c.get("/api/races", headers={"Host": "127.0.0.1:8000"}).status_code == 200


def test_openapi_schema_documents_every_route_and_the_error_shape(client):
    schema = client.get("/api/openapi.json").json()
    paths = schema["paths"]
    for path in ("/api/races", "/api/races/{race_id}", "/api/candidates/{entity_id}", "/api/endorsers/{entity_id}",
                 "/api/articles/{article_id}", "/api/facts/{fact_id}", "/api/facts/{fact_id}/reviews",
                 "/api/search", "/api/recent", "/api/reviews", "/api/entity-corrections"):
        assert path in paths, path
    assert not any(p.startswith(("/race/", "/fact/")) for p in paths)  # pages are not API
    post = paths["/api/facts/{fact_id}/reviews"]["post"]
    for status in ("401", "403", "404", "415", "422"):
        ref = post["responses"][status]["content"]["application/json"]["schema"]["$ref"]
        assert ref.endswith("/ErrorBody"), (status, ref)
    assert set(schema["components"]["schemas"]["ErrorBody"]["properties"]) == {"error"}


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_no_docs_page_that_would_load_scripts_from_a_cdn(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("path", ["/api/races/{n}", "/api/facts/{n}", "/api/articles/{n}", "/api/candidates/{n}",
                                  "/api/endorsers/{n}", "/race/{n}", "/fact/{n}", "/article/{n}"])
def test_an_id_beyond_64_bits_is_a_422_not_a_500(client, path):
    r = client.get(path.format(n=2**64 + 5))
    assert r.status_code == 422


def test_huge_numbers_and_nul_in_a_review_body_are_422(client, ids):
    fid = ids["facts"][("Plumbers Guild", "Ned Harlow", "endorses")]
    url = f"/api/facts/{fid}/reviews"
    assert_error(client.post(url, json={"action": "correct", "candidate_id": 10**30}), 422, "validation_error")
    assert_error(client.post(url, json={"action": "reject", "note": "bad\x00note"}), 422, "validation_error")


def test_a_body_over_the_limit_is_refused_from_its_length_before_it_is_read(client, ids):
    fid = ids["facts"][("Plumbers Guild", "Ned Harlow", "endorses")]
    r = client.post(f"/api/facts/{fid}/reviews", content=b"{" + b" " * 70_000 + b"}",
                    headers={"content-type": "application/json"})
    assert_error(r, 413, "too_large", "larger than")


def test_with_a_token_an_unauthenticated_large_post_is_401_not_parsed(sqlite_url, ids):
    c = make_client(sqlite_url, token="s3cret")
    fid = ids["facts"][("Plumbers Guild", "Ned Harlow", "endorses")]
    r = c.post(f"/api/facts/{fid}/reviews", content=b"not json at all", headers={"content-type": "application/json"})
    assert_error(r, 401, "unauthorized", "Authorization: Bearer")
