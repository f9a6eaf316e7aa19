"""The bundled samples normalize exactly to the golden texts in golden/; the real seeds
(read from ../shared/corpus/seeds, skipped when it is absent) keep their HTML links,
split glued sentences and isolate photo captions.

The samples are fictional articles written for this repository, so their normalized text
may be kept here; the seeds' text stays in ../shared, and their checks below name only
what they need (organisation names, a few words around a repaired seam).
After an intended change, regenerate with ENDORSETRACK_UPDATE_GOLDEN=1 and review the diff.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from endorsetrack.ingest import read_records
from endorsetrack.normalize import normalize
from endorsetrack.types import Article, Record

REPO = Path(__file__).resolve().parents[2]
SAMPLES = sorted((REPO / "samples").iterdir())
SEEDS = REPO / ".." / "shared" / "corpus" / "seeds"
GOLDEN = Path(__file__).parent / "golden"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"{SEEDS} is absent (the real seeds live in ../shared only)")


def _normalized(path: Path) -> Article:
    """The article as `endorsetrack extract` sees it (a JSON Lines sample is a record)."""
    record = next(read_records([str(path)]))
    assert isinstance(record, Record), record
    return normalize(record)


def test_samples_are_bundled():
    assert len(SAMPLES) >= 3
    assert {p.suffix for p in SAMPLES} >= {".html", ".txt", ".jsonl"}


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_golden_text(path):
    text = _normalized(path).text
    golden = GOLDEN / f"{path.stem}.txt"
    if os.environ.get("ENDORSETRACK_UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(text + "\n", encoding="utf-8")
    assert text + "\n" == golden.read_text(encoding="utf-8")


def test_sample_page_links_sit_on_the_organisations_and_its_head_gives_title_url_and_date():
    a = _normalized(REPO / "samples" / "01_beacon-transit-union-backs-vukovich.html")
    links = {a.text[link.start:link.end]: link.href for link in a.links}
    assert links["Tamarack Falls Transit Workers Local 260"] == "https://www.twu260.example/"
    assert links["Tamarack Falls Federation of Teachers"] == "https://www.tfft.example/"
    assert links["Renata Vukovich"] == "https://www.vukovichformayor.example/"
    assert a.was_html and a.published == "2025-03-12"
    assert a.title == "Transit union backs Vukovich for mayor; teachers sit out the primary"
    assert a.url and a.url.endswith("/transit-union-backs-vukovich")
    assert "Subscribe" not in a.text and "All rights reserved" not in a.text  # navigation, footer


def test_sample_record_keeps_its_id_url_title_and_date():
    a = _normalized(REPO / "samples" / "03_record-police-union-pulls-pellerin-endorsement.jsonl")
    assert a.doc == "03_record-police-union-pulls-pellerin-endorsement"
    assert a.published == "2025-10-21" and a.url and a.title
    assert a.text.startswith("TAMARACK FALLS, Pa.") and not a.was_html


@needs_seeds
def test_seed_000_links_sit_on_the_organisations():
    a = _normalized(SEEDS / "000_061375da4913ecc2.txt")
    links = {a.text[link.start:link.end]: link.href for link in a.links}
    assert links["International Association of Firefighters"] == "http://www.iaff.org/"
    assert links["United Auto Workers"] == "http://www.uaw.org/"
    assert links["Service Employees International Union"] == "http://www.seiu.org/"
    # a tag glued to the word before it ("the<strong>...") becomes a space
    assert "the Service Employees International Union" in a.text and "theService" not in a.text
    assert a.was_html and len(a.paragraphs) == 8


@needs_seeds
def test_seed_001_glued_sentences_split_and_captions_isolated():
    a = _normalized(SEEDS / "001_fb25f5ab870fcc24.txt")
    paragraphs = [a.text[s:e] for s, e in a.paragraphs]
    assert paragraphs[1].startswith("The gang's") and "(l-r):" in paragraphs[1]  # the first caption
    assert any(p.startswith("UNITE-HERE's Robert Proto:") and len(p.split()) < 12 for p in paragraphs)
    assert any(p.startswith("Ned Lamont,") and len(p.split()) < 6 for p in paragraphs)
    assert 'us." Lieberman' in a.text and 'Iraq. "Joe' in a.text  # a quote closed, then a new sentence
    assert '.The' not in a.text and '."U' not in a.text
