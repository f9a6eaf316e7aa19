"""The issue's "done" check, end to end on the bundled samples: ingest them (real extraction), serve,
open the 2025 mayoral race of the (fictional) samples, see the timeline and the polls, click an
endorsement, land on the highlighted sentence in its article. Slow-marked: it loads the spaCy model
(~3 s here)."""
from __future__ import annotations

from pathlib import Path

import pytest

import web_builders

web_builders.require_web()

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from web_builders import serving  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.mark.slow
def test_new_user_flow_on_the_bundled_samples(browser, tmp_path, screenshots):
    from endorsetrack.batch.ingest import run_ingest

    paths = sorted(str(p) for p in SAMPLES.iterdir())
    assert paths, f"no sample articles in {SAMPLES}"
    url = str(tmp_path / "demo.db")
    summary = run_ingest(paths, url, year=2025, quiet=True, report=lambda msg: None)
    assert summary.failed == 0
    with serving(url) as base:
        browser.get(base + "/")
        race = next(a for a in browser.find_elements(By.CSS_SELECTOR, "table.races a")
                    if "2025" in a.text and "mayor" in a.text.lower())
        race.click()
        WebDriverWait(browser, 10).until(ec.url_contains("/race/"))
        timeline = browser.find_element(By.CSS_SELECTOR, 'figure[data-chart="timeline"] svg')
        polls = browser.find_element(By.CSS_SELECTOR, 'figure[data-chart="polls"] svg')
        assert timeline.find_elements(By.CSS_SELECTOR, "path.series")
        assert len(polls.find_elements(By.CSS_SELECTOR, "circle.point")) >= 4
        assert "Vukovich" in polls.text and "Pellerin" in polls.text
        browser.save_screenshot(str(screenshots / "demo-race.png"))
        evidence = browser.find_element(By.CSS_SELECTOR, "table.facts a.evidence")
        evidence.click()
        WebDriverWait(browser, 10).until(ec.url_contains("/article/"))
        fragment = browser.current_url.split("#", 1)[1]
        # the evidence's mark lists every fact span it carries: one sentence may state two facts
        mark = browser.find_element(By.CSS_SELECTOR, f'mark[data-spans~="{fragment}"]')
        WebDriverWait(browser, 5).until(lambda d: "target" in mark.get_attribute("class"))
        assert mark.tag_name == "mark" and mark.text.strip()
        assert browser.execute_script("const r = arguments[0].getBoundingClientRect();"
                                      "return r.top >= 0 && r.bottom <= window.innerHeight;", mark)
        browser.save_screenshot(str(screenshots / "demo-article.png"))
