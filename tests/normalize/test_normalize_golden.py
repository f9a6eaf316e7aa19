"""The bundled seed articles normalize exactly to the golden texts in golden/.

After an intended change, regenerate with ENDORSETRACK_UPDATE_GOLDEN=1 and review the diff.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from endorsetrack.normalize import normalize
from endorsetrack.types import Record

REPO = Path(__file__).resolve().parents[2]
SAMPLES = sorted((REPO / "samples").glob("*.txt"))
GOLDEN = Path(__file__).parent / "golden"


def _normalized(path: Path):
    return normalize(Record(doc=path.name, content=path.read_text(encoding="utf-8")))


def test_samples_are_bundled():
    assert len(SAMPLES) >= 3


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_golden_text(path):
    text = _normalized(path).text
    golden = GOLDEN / path.name
    if os.environ.get("ENDORSETRACK_UPDATE_GOLDEN") == "1":
        golden.write_text(text + "\n", encoding="utf-8")
    assert text + "\n" == golden.read_text(encoding="utf-8")


def test_seed_000_links_sit_on_the_organisations():
    a = _normalized(REPO / "samples" / "000_061375da4913ecc2.txt")
    links = {a.text[link.start:link.end]: link.href for link in a.links}
    assert links["International Association of Firefighters"] == "http://www.iaff.org/"
    assert links["United Auto Workers"] == "http://www.uaw.org/"
    assert links["Service Employees International Union"] == "http://www.seiu.org/"
    assert "when the Service Employees International Union is expected" in a.text
    assert a.was_html and len(a.paragraphs) == 8


def test_seed_001_glued_sentences_split_and_captions_isolated():
    a = _normalized(REPO / "samples" / "001_fb25f5ab870fcc24.txt")
    paragraphs = [a.text[s:e] for s, e in a.paragraphs]
    assert paragraphs[1].startswith("The gang's all here (l-r):")
    assert "UNITE-HERE's Robert Proto: Friendship is stronger than war." in paragraphs
    assert "Ned Lamont, Lieberman's primary challenger." in paragraphs
    assert 'side by side with us." Lieberman\'s stand' in a.text
    assert 'in Iraq. "Joe\'s words to Yale' in a.text
    assert '.The' not in a.text and '."U' not in a.text
