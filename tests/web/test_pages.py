"""Server-rendered pages: what a reader sees, escaping of untrusted text, the review form's protections."""
from __future__ import annotations

import csv
import io

import re

import pytest

import web_builders

web_builders.require_web()

from web_builders import make_client  # noqa: E402
from endorsetrack.web.security import CSRF_COOKIE  # noqa: E402


def visible(html: str) -> str:
    """Roughly what a reader sees: tags dropped, whitespace folded (entities left as they are)."""
    html = re.sub(r"<script\b[^>]*type=\"application/json\".*?</script>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def all_pages(ids) -> list[str]:
    e, f = ids["entities"], ids["facts"]
    return ["/", "/search?q=evil", "/search?q=" + web_builders.XSS_SCRIPT,
            *(f"/race/{r}" for r in ids["races"].values()),
            *(f"/article/{a}" for a in ids["articles"].values()),
            *(f"/endorser/{i}" for i in e.values()), *(f"/candidate/{i}" for i in e.values()),
            *(f"/fact/{i}" for i in f.values()), "/race/9999", "/fact/abc"]


def test_home_lists_races_and_recent_changes(client):
    page = visible(client.get("/").text)
    assert "Races" in page and web_builders.RACE in page
    assert "Recent changes" in page and "Roofers Council rescinds Joe Pennock" in page


def test_race_page_shows_counts_chart_data_tables_and_evidence(client, ids):
    r = client.get(f"/race/{ids['races'][web_builders.RACE]}")
    assert r.status_code == 200
    page = visible(r.text)
    assert "Ned Harlow 4 general endorses 4" in page
    assert "Endorsements over time" in page and "Polls" in page
    assert "Brindlewood University Democrats Ned Harlow 60% , Joe Pennock 33%" in page  # the no-JS table
    assert 'id="timeline-data-general"' in r.text and 'id="timeline-data-primary"' in r.text  # one chart per stage
    assert 'data-chart="timeline"' in r.text
    assert f'/article/{ids["articles"]["one.txt"]}#src-' in r.text  # evidence links land on the sentence


def test_endorser_page_shows_history_with_rescind_and_hierarchy(client, ids):
    page = visible(client.get(f"/endorser/{ids['entities']['Roofers Council']}").text)
    assert "History" in page and "rescinds Joe Pennock" in page and "withdraws an earlier stance" in page
    local = visible(client.get(f"/endorser/{ids['entities']['Carpenters Local 43']}").text)
    assert "Part of: United Brotherhood of Carpenters and Joiners of America" in local


def test_article_page_highlights_each_evidence_span_and_links_it_to_its_fact(client, ids):
    html = client.get(f"/article/{ids['articles']['one.txt']}").text
    assert html.count('<mark id="src-') >= 2
    plumbers = ids["facts"][("Plumbers Guild", "Ned Harlow", "endorses")]
    glaziers = ids["facts"][("Glaziers Union", "Ned Harlow", "endorses")]
    assert f'<a href="/fact/{plumbers}">The Plumbers Guild and ' in html
    assert f'<a href="/fact/{glaziers}">the Glaziers Union have endorsed Ned Harlow</a>' in html  # nested span
    assert "Facts in this article" in visible(html)


def test_candidate_and_fact_pages(client, ids):
    assert "Stances toward Ned Harlow" in visible(client.get(f"/candidate/{ids['entities']['Ned Harlow']}").text)
    fid = ids["facts"][("Roofers Council", "Ned Harlow", "endorses")]
    page = visible(client.get(f"/fact/{fid}").text)
    assert "Roofers Council endorses Ned Harlow" in page and "Not reviewed yet." in page and "Save review" in page


def test_errors_render_as_pages_outside_the_api(client):
    r = client.get("/race/9999")
    assert r.status_code == 404 and "no race with id 9999" in visible(r.text)
    assert client.get("/nowhere").status_code == 404


def test_every_page_escapes_script_injection_in_text_and_names(client, ids):
    for path in all_pages(ids):
        r = client.get(path)
        assert r.status_code in (200, 404, 422), path
        html = r.text
        for payload in web_builders.PAYLOADS:
            assert payload not in html, (path, payload)
        assert "<script>" not in html and "<img" not in html, path
        assert not re.search(r"<script(?![^>]*(src=\"/static/|type=\"application/json\"))", html), path
        assert not [h for h in re.findall(r'(?:href|src)="([^"]*)"', html) if h.strip().lower().startswith(
            "javascript:")], path
    article = client.get(f"/article/{ids['articles']['xss.txt']}").text
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in article
    assert 'href="javascript:' not in article  # an untrusted URL is shown, not linked


def test_pages_send_a_content_security_policy_that_forbids_inline_script(client):
    csp = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert client.get("/").headers["x-frame-options"] == "DENY"


def review_form(client, fid, **fields):
    client.get(f"/fact/{fid}")  # sets the CSRF cookie
    token = client.cookies.get(CSRF_COOKIE)
    return client.post(f"/fact/{fid}/review", data={"csrf": token, **fields}, follow_redirects=False)


def test_review_form_saves_and_the_race_page_reflects_it(client, ids):
    fid = ids["facts"][("Plumbers Guild", "Ned Harlow", "endorses")]
    r = review_form(client, fid, action="reject", note="not in the text", reviewer="ann")
    assert r.status_code == 303 and r.headers["location"] == f"/fact/{fid}?saved=reject#review"
    page = visible(client.get(r.headers["location"]).text)
    assert "Your review (reject) was saved." in page and "not in the text" in page
    race = visible(client.get(f"/race/{ids['races'][web_builders.RACE]}").text)
    assert "Plumbers Guild" not in race
    bad = review_form(client, fid, action="correct", stance="endorses", stage="general")
    assert bad.status_code == 422 and "must change" in visible(bad.text)


def test_review_form_needs_its_csrf_token_and_same_site_origin(client, ids):
    fid = ids["facts"][("Plumbers Guild", "Ned Harlow", "endorses")]
    client.get(f"/fact/{fid}")
    no_token = client.post(f"/fact/{fid}/review", data={"action": "reject"}, follow_redirects=False)
    assert no_token.status_code == 403 and "security token" in visible(no_token.text)
    token = client.cookies.get(CSRF_COOKIE)
    foreign = client.post(f"/fact/{fid}/review", data={"action": "reject", "csrf": token},
                          headers={"Origin": "https://evil.example"}, follow_redirects=False)
    assert foreign.status_code == 403
    same = client.post(f"/fact/{fid}/review", data={"action": "reject", "csrf": token},
                       headers={"Origin": "http://testserver"}, follow_redirects=False)
    assert same.status_code == 303


def test_review_form_needs_the_server_token_when_one_is_set(sqlite_url, ids):
    c = make_client(sqlite_url, token="s3cret")
    fid = ids["facts"][("Plumbers Guild", "Ned Harlow", "endorses")]
    assert 'name="token" type="password"' in c.get(f"/fact/{fid}").text
    assert review_form(c, fid, action="reject").status_code == 401
    assert review_form(c, fid, action="reject", token="nope").status_code == 401
    assert review_form(c, fid, action="reject", token="s3cret").status_code == 303


@pytest.mark.parametrize("path", ["/static/app.js", "/static/charts.js", "/static/style.css"])
def test_js_and_css_ship_in_the_package(client, path):
    r = client.get(path)
    assert r.status_code == 200 and len(r.text) > 500
    assert "http://" not in r.text.replace("http://www.w3.org/2000/svg", "") and "https://" not in r.text


def test_home_separates_candidate_and_stage_and_quotes_a_sentence_once(client):
    html = client.get("/").text
    page = visible(html)
    assert "Ned Harlow in the general" in page and "Ned Harlowgeneral" not in page
    both = "The Plumbers Guild and the Glaziers Union have endorsed Ned Harlow for the general election."
    assert html.count(both) == 1  # two facts from one sentence: the quote once, both facts under it


def test_home_lists_undated_reports_apart(tmp_path):
    from endorsetrack.store import StoreWriter, open_store
    from endorsetrack.types import Article

    url = str(tmp_path / "undated.db")
    db = open_store(url, create=True, migrate_to_head=True)
    try:
        text = "The Tilers Guild endorsed Mara Quill for mayor."
        result = web_builders.dated(article=Article(doc="/home/someone/clips/undated.txt", text=text),
                                    endorsements=(web_builders.end("Tilers Guild", "Mara Quill",
                                                                   web_builders.ev(text, text), race=None),))
        with StoreWriter(db) as w:
            w.write(result)
    finally:
        db.close()
    with web_builders.make_client(url) as c:
        page = visible(c.get("/").text)
    assert "No dated reports yet." in page
    assert "Undated reports" in page and "Tilers Guild endorses Mara Quill" in page
    assert "undated.txt" in page and "/home/someone" not in page  # a file name, never a local path


def test_fact_page_names_its_source_by_title_url_and_date(client, ids):
    html = client.get(f"/fact/{ids['facts'][('Plumbers Guild', 'Ned Harlow', 'endorses')]}").text
    page = visible(html)
    assert "Labor splits" in page and "published 2006-08-01" in page
    assert 'href="https://news.example/one"' in html


def test_race_filters_narrow_every_part_and_say_what_was_left_out(client, ids):
    race = ids["races"][web_builders.RACE]
    page = visible(client.get(f"/race/{race}?stage=primary").text)
    assert "Joe Pennock" in page and "Ned Harlow 4 general" not in page
    early = visible(client.get(f"/race/{race}?as_of=2006-08-05").text)
    assert "As the articles stood on 2006-08-05" in early
    assert "Carpenters Local 43" not in early and "Plumbers Guild" in early  # reported on 2006-08-20
    assert "No polls reported." in early  # released 2006-08-17


@pytest.mark.parametrize("query, message", [
    ("as_of=2006-13-40", "as_of wants a date as YYYY-MM-DD, got &#39;2006-13-40&#39;"),
    ("stage=runoff", "stage must be one of primary, general, unstated, got &#39;runoff&#39;"),
    ("stance=likes", "stance must be one of endorses, will_endorse, opposes, rescinds, undecided, declines"),
])
def test_a_bad_race_filter_is_a_422_that_says_what_is_allowed(client, ids, query, message):
    r = client.get(f"/race/{ids['races'][web_builders.RACE]}?{query}")
    assert r.status_code == 422 and message in r.text
    api = client.get(f"/api/races/{ids['races'][web_builders.RACE]}?{query}")
    assert api.status_code == 422 and api.json()["error"]["message"].startswith(query.split("=")[0])


def test_downloads_give_the_table_a_page_shows_as_csv_and_json(client, ids):
    race = ids["races"][web_builders.RACE]
    r = client.get(f"/race/{race}/facts.csv?stage=general")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert 'filename="race-' in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["endorser"] for row in rows} == {"Plumbers Guild", "Glaziers Union", "Roofers Council",
                                                 "Carpenters Local 43"}
    assert {row["stage"] for row in rows} == {"general"}
    polls = client.get(f"/race/{race}/polls.json").json()
    assert {p["population"] for p in polls} == {"Democrats", None}
    every = client.get("/polls.json").json()
    assert len(every) == 2
    who = client.get(f"/endorser/{ids['entities']['Roofers Council']}/facts.json").json()
    assert {f["candidate"] for f in who} == {"Ned Harlow", "Joe Pennock"}
    bad = client.get(f"/race/{race}/facts.xml")
    assert bad.status_code == 404 and "downloads come as csv or json, not &#39;xml&#39;" in bad.text


def test_articles_polls_and_conflicts_have_their_own_pages(client, ids):
    articles = visible(client.get("/articles").text)
    assert "Labor splits" in articles and "A change of heart" in articles
    assert articles.index("A change of heart") < articles.index("Labor splits")  # newest first
    polls = visible(client.get("/polls").text)
    assert "Brindlewood University" in polls and "Democrats" in polls
    conflicts = client.get("/conflicts")
    assert conflicts.status_code == 200 and "Where sources disagree" in visible(conflicts.text)


def test_api_docs_come_from_the_package_with_their_own_policy(client):
    r = client.get("/api/docs")
    assert r.status_code == 200 and "/api/docs/assets/swagger-ui-bundle.js" in r.text
    assert "https://" not in r.text.split("<body>")[0]  # no CDN in the head
    assert "'unsafe-inline'" in r.headers["content-security-policy"]
    assert "script-src 'self';" in r.headers["content-security-policy"]
    asset = client.get("/api/docs/assets/swagger-ui-bundle.js")
    assert asset.status_code == 200 and len(asset.content) > 100_000
    home = client.get("/")
    assert "'unsafe-inline'" not in home.headers["content-security-policy"]  # only the docs page relaxes styles


def test_review_form_corrects_the_endorser_and_candidate_by_list_or_new_name(client, ids):
    fid = ids["facts"][("Plumbers Guild", "Ned Harlow", "endorses")]
    page = client.get(f"/fact/{fid}").text
    assert 'name="endorser_id"' in page and 'name="endorser_name"' in page and 'name="candidate_name"' in page
    r = review_form(client, fid, action="correct", endorser_id=str(ids["entities"]["Glaziers Union"]),
                    endorser_name="Plumbers Guild Local 5", candidate_name="Wren Adeyemi", reviewer="ann")
    assert r.status_code == 303  # a typed name wins over the list's choice
    fact = client.get(f"/api/facts/{fid}").json()
    assert (fact["fact"]["endorser"], fact["fact"]["candidate"]) == ("Plumbers Guild Local 5", "Wren Adeyemi")
    assert fact["extracted"]["endorser"] == "Plumbers Guild"
    assert fact["reviews"][-1]["endorser_ref"] == "organization:plumbers guild local 5"
    shown = visible(client.get(f"/fact/{fid}").text)
    assert "endorser changed" in shown and "candidate changed" in shown and "by ann" in shown
    other = ids["facts"][("Glaziers Union", "Ned Harlow", "endorses")]
    assert review_form(client, other, action="correct",
                       endorser_id=str(ids["entities"]["Roofers Council"])).status_code == 303
    assert client.get(f"/api/facts/{other}").json()["fact"]["endorser"] == "Roofers Council"


def test_review_form_endorser_correction_keeps_the_csrf_and_origin_checks(client, ids):
    fid = ids["facts"][("Plumbers Guild", "Ned Harlow", "endorses")]
    client.get(f"/fact/{fid}")
    token = client.cookies.get(CSRF_COOKIE)
    fields = {"action": "correct", "endorser_name": "Someone Else"}
    assert client.post(f"/fact/{fid}/review", data=fields, follow_redirects=False).status_code == 403
    foreign = client.post(f"/fact/{fid}/review", data={**fields, "csrf": token},
                          headers={"Origin": "https://evil.example"}, follow_redirects=False)
    assert foreign.status_code == 403
    assert client.get(f"/api/facts/{fid}").json()["fact"]["endorser"] == "Plumbers Guild"
