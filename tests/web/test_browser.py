"""In a real browser (headless Debian Chromium): pages as a reader sees them, charts drawn, the click path
race -> endorser -> article landing on the highlighted sentence, no injected script running, a review saved.

Screenshots go to tests/web/screenshots/ (gitignored).
"""
from __future__ import annotations

import web_builders

web_builders.require_web()

from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


def open_page(browser, url: str) -> str:
    browser.get(url)
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
    return browser.find_element(By.TAG_NAME, "body").text


def no_script_ran(browser) -> None:
    assert browser.execute_script("return typeof window.__xss") == "undefined", browser.current_url
    try:
        text = browser.switch_to.alert.text
        raise AssertionError(f"an alert opened on {browser.current_url}: {text}")
    except NoAlertPresentException:
        pass


def test_each_page_shows_what_a_reader_expects(browser, live_server, screenshots):
    base, ids = live_server
    race = ids["races"][web_builders.RACE]
    pages = {
        "home": ("/", ["Races", web_builders.RACE, "Recent changes", "Roofers Council", "Ned Harlow in the general"]),
        "race": (f"/race/{race}", ["Candidates", "Ned Harlow", "Endorsements over time", "Polls",
                                   "Plumbers Guild"]),
        "candidate": (f"/candidate/{ids['entities']['Ned Harlow']}", ["Stances toward Ned Harlow",
                                                                       "Glaziers Union"]),
        "endorser": (f"/endorser/{ids['entities']['Roofers Council']}", ["History", "withdraws an earlier stance",
                                                                         "Joe Pennock"]),
        "article": (f"/article/{ids['articles']['one.txt']}", ["Labor splits", "Facts in this article",
                                                              "The Roofers Council backed Joe Pennock"]),
        "fact": (f"/fact/{ids['facts'][('Plumbers Guild', 'Ned Harlow', 'endorses')]}",
                 ["Plumbers Guild", "Reports", "Save review", "Labor splits", "published 2006-08-01"]),
        "articles": ("/articles", ["Articles", "Labor splits", "A change of heart"]),
        "polls": ("/polls", ["Polls", "Brindlewood University", "Democrats", "CSV"]),
        "conflicts": ("/conflicts", ["Where sources disagree"]),
    }
    for name, (path, expected) in pages.items():
        text = open_page(browser, base + path)
        for words in expected:
            assert words in text, (name, words)
        no_script_ran(browser)
        browser.save_screenshot(str(screenshots / f"{name}.png"))


def test_race_page_draws_a_timeline_per_stage_and_the_polls(browser, live_server):
    base, ids = live_server
    open_page(browser, f"{base}/race/{ids['races'][web_builders.RACE]}")
    general = browser.find_element(By.CSS_SELECTOR, 'figure[data-source="timeline-data-general"] svg')
    assert len(general.find_elements(By.CSS_SELECTOR, "path.series")) == 1  # Harlow's general backers
    assert len(general.find_elements(By.CSS_SELECTOR, "circle.point")) == 4
    primary = browser.find_element(By.CSS_SELECTOR, 'figure[data-source="timeline-data-primary"] svg')
    assert len(primary.find_elements(By.CSS_SELECTOR, "circle.point")) == 2  # Pennock backed, then withdrawn
    assert "Joe Pennock" in primary.text and "Ned Harlow" not in primary.text
    polls = browser.find_element(By.CSS_SELECTOR, 'figure[data-chart="polls"] svg')
    assert len(polls.find_elements(By.CSS_SELECTOR, "circle.point")) == 4  # 2 polls x 2 candidates
    assert "Ned Harlow" in polls.text and "Joe Pennock" in polls.text  # the legend


def _legend_colors(svg) -> dict[str, str]:
    names = [t.text for t in svg.find_elements(By.CSS_SELECTOR, "text.legend")]
    fills = [r.get_attribute("fill") for r in svg.find_elements(By.CSS_SELECTOR, "rect")]
    return dict(zip(names, fills))


def test_a_candidate_keeps_one_colour_across_the_charts_of_a_page(browser, live_server):
    base, ids = live_server
    open_page(browser, f"{base}/race/{ids['races'][web_builders.RACE]}")
    svgs = browser.find_elements(By.CSS_SELECTOR, "figure.chart svg")
    colors: dict[str, set[str]] = {}
    for svg in svgs:
        for name, fill in _legend_colors(svg).items():
            colors.setdefault(name, set()).add(fill)
    assert {"Ned Harlow", "Joe Pennock"} <= set(colors)
    assert all(len(fills) == 1 for fills in colors.values()), colors
    assert colors["Ned Harlow"] != colors["Joe Pennock"]


def test_race_filters_narrow_the_page_and_its_download_link(browser, live_server):
    base, ids = live_server
    open_page(browser, f"{base}/race/{ids['races'][web_builders.RACE]}")
    form = browser.find_element(By.CSS_SELECTOR, "form.filters")
    form.find_element(By.CSS_SELECTOR, 'select[name="stage"] option[value="primary"]').click()
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(browser, 10).until(ec.url_contains("stage=primary"))
    facts = browser.find_element(By.CSS_SELECTOR, "table.facts").text
    assert "Joe Pennock" in facts and "Ned Harlow" not in facts
    link = browser.find_element(By.CSS_SELECTOR, "a.download[href*='facts.csv']").get_attribute("href")
    assert link.endswith("/facts.csv?stage=primary")


# Every page a reader can reach, at a phone's width and a laptop's.
WIDTHS = {"desktop": 1280, "phone": 390}


def _reader_pages(ids) -> dict[str, str]:
    race = ids["races"][web_builders.RACE]
    return {"home": "/", "race": f"/race/{race}", "candidate": f"/candidate/{ids['entities']['Ned Harlow']}",
            "endorser": f"/endorser/{ids['entities']['Roofers Council']}",
            "article": f"/article/{ids['articles']['one.txt']}",
            "fact": f"/fact/{ids['facts'][('Plumbers Guild', 'Ned Harlow', 'endorses')]}",
            "articles": "/articles", "polls": "/polls", "conflicts": "/conflicts", "search": "/search?q=harlow"}


def test_no_page_is_wider_than_a_phone_or_a_laptop_screen(browser, live_server, screenshots):
    base, ids = live_server
    try:
        for label, width in WIDTHS.items():
            browser.set_window_size(width, 900)
            for name, path in _reader_pages(ids).items():
                open_page(browser, base + path)
                overflow = browser.execute_script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")
                assert overflow <= 0, (label, name, overflow)
                button = browser.find_element(By.CSS_SELECTOR, "form.search button")
                right = browser.execute_script("return arguments[0].getBoundingClientRect().right;", button)
                assert right <= width, (label, name, right)
                browser.save_screenshot(str(screenshots / f"{name}-{width}.png"))
    finally:
        browser.set_window_size(1280, 1000)


def test_api_docs_are_served_from_the_package_and_list_the_endpoints(browser, live_server, screenshots):
    base, _ = live_server
    open_page(browser, base + "/api/docs")
    WebDriverWait(browser, 15).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, ".swagger-ui .opblock")) > 0)
    text = browser.find_element(By.TAG_NAME, "body").text
    assert "/api/races/{race_id}" in text
    sources = browser.execute_script("return Array.from(document.scripts).map(s => s.src);")
    assert sources and all(src.startswith(base) for src in sources), sources  # nothing from a CDN
    browser.save_screenshot(str(screenshots / "api-docs.png"))


def test_click_race_then_endorser_then_evidence_lands_on_the_highlighted_sentence(browser, live_server,
                                                                                   screenshots):
    base, ids = live_server
    open_page(browser, base + "/")
    browser.find_element(By.LINK_TEXT, web_builders.RACE).click()
    WebDriverWait(browser, 10).until(ec.url_contains("/race/"))
    browser.find_element(By.CSS_SELECTOR, "table.facts").find_element(By.LINK_TEXT, "Roofers Council").click()
    WebDriverWait(browser, 10).until(ec.url_contains("/endorser/"))
    row = next(r for r in browser.find_elements(By.CSS_SELECTOR, "table.history tr.report")
               if "Ned Harlow" in r.text and "endorses" in r.text)
    row.find_element(By.CSS_SELECTOR, "a.evidence").click()
    WebDriverWait(browser, 10).until(ec.url_contains("/article/"))
    fragment = browser.current_url.split("#", 1)[1]
    assert fragment.startswith("src-")
    mark = WebDriverWait(browser, 10).until(ec.presence_of_element_located((By.ID, fragment)))
    assert mark.tag_name == "mark"
    assert mark.text == "The Roofers Council now endorses Ned Harlow in the general election."
    WebDriverWait(browser, 5).until(lambda d: "target" in mark.get_attribute("class"))
    in_view = browser.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", mark)
    assert in_view
    browser.save_screenshot(str(screenshots / "click-through-article.png"))


def test_injected_markup_shows_as_text_and_never_runs(browser, live_server, screenshots):
    base, ids = live_server
    evil = ids["entities"][f"Evil {web_builders.XSS_SCRIPT} Union"]
    smith = ids["entities"][f"{web_builders.XSS_IMG_ALERT} Smith"]
    xss_race = next(r for name, r in ids["races"].items() if "governor" in name)
    paths = ["/", f"/race/{xss_race}", f"/endorser/{evil}", f"/candidate/{smith}",
             f"/article/{ids['articles']['xss.txt']}", "/search?q=evil",
             *(f"/fact/{f}" for (who, _, _), f in ids["facts"].items() if who.startswith("Evil"))]
    for path in paths:
        text = open_page(browser, base + path)
        no_script_ran(browser)
        assert browser.find_elements(By.CSS_SELECTOR, "main img") == [], path
        if path.startswith("/article/"):
            assert web_builders.XSS_SCRIPT in text and web_builders.XSS_ALERT in text  # shown, as text
            browser.save_screenshot(str(screenshots / "xss-article.png"))


def test_a_review_saved_from_the_fact_page(browser, live_server):
    base, ids = live_server
    fid = ids["facts"][("Glaziers Union", "Ned Harlow", "endorses")]
    open_page(browser, f"{base}/fact/{fid}")
    browser.find_element(By.CSS_SELECTOR, 'input[name="action"][value="confirm"]').click()
    browser.find_element(By.NAME, "note").send_keys("checked against the article")
    browser.find_element(By.CSS_SELECTOR, "form.review button[type=submit]").click()
    WebDriverWait(browser, 10).until(ec.url_contains("saved=confirm"))
    text = browser.find_element(By.TAG_NAME, "body").text
    assert "Your review (confirm) was saved." in text and "checked against the article" in text
