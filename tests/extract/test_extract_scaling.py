"""Extraction grows about linearly with an article's length (issue 15): the passes that each
name, reference or candidate made over the whole article (salient references, race
evidence, in-article name resolution, parentheses before a list item) are counted once per
article or sentence and looked up after. Each lookup gives what the pass gave."""
from __future__ import annotations

import random
import re
import time
from types import SimpleNamespace

import pytest
import spacy

from endorsetrack.extract.mentions import coordination, reference_cues
from endorsetrack.extract.race import RaceIndex
from endorsetrack.pipeline import annotate_and_extract, normalize_record
from endorsetrack.scan import text_for_parse
from endorsetrack.settings import DEFAULT
from endorsetrack.types import Record

SYLLABLES = ["ka", "lo", "mar", "ten", "vi", "dro", "sel", "pa", "ru", "gan", "bel", "tor", "mi", "zen", "ost"]
TRADES = ["Bakers", "Nurses", "Carpenters", "Teachers", "Plumbers", "Drivers", "Painters", "Clerks"]
# Paragraphs of the shorter generated article; the longer has LENGTH_FACTOR times as many.
PARAGRAPHS = 30
LENGTH_FACTOR = 4
# Extraction time may grow this much for LENGTH_FACTOR times the text: linear work gives
# about 4-4.5x here (measured 4.1 and 4.4 on a loaded 2-core machine); the passes per name
# gave 8-10x. The best of REPEATS runs is compared, against a busy machine's noise.
MAX_GROWTH = 6.0
REPEATS = 3


def _word(rng: random.Random, syllables: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()


def _article(paragraphs: int, seed: int = 7) -> str:
    """Invented endorsements, every paragraph with new names: a union, a candidate, a
    reference back ("The union"), a parenthesis and a list of bodies."""
    rng = random.Random(seed)
    out = []
    for i in range(paragraphs):
        first, last, other, town = _word(rng), _word(rng, 3), _word(rng, 3), _word(rng)
        out.append(f"The {town} {rng.choice(TRADES)} Union endorsed {first} {last} for mayor on Monday. "
                   f"The union said {last} would fight for workers. "
                   f"{town} {rng.choice(TRADES)} Local {100 + i}, the biggest local in {town} (a city), and the "
                   f"{_word(rng)} Council also backed {last} and Sen. {_word(rng)} {other}.")
    return "\n\n".join(out)


def _best_extraction_seconds(nlp, paragraphs: int) -> float:
    article = normalize_record(Record(doc="generated", content=_article(paragraphs)))
    doc = nlp(text_for_parse(article, DEFAULT)[:DEFAULT.max_article_chars])
    parsed = dict(doc.user_data)
    times = []
    for _ in range(REPEATS):
        doc.user_data.clear()
        doc.user_data.update(parsed)  # no lookup kept from the run before
        started = time.perf_counter()
        result = annotate_and_extract(article, doc, DEFAULT)
        times.append(time.perf_counter() - started)
    assert len(result.endorsements) >= paragraphs  # the text exercises the extractor
    return min(times)


def test_extraction_time_grows_about_linearly_with_the_article(nlp):
    short = _best_extraction_seconds(nlp, PARAGRAPHS)
    long = _best_extraction_seconds(nlp, PARAGRAPHS * LENGTH_FACTOR)
    assert long / short < MAX_GROWTH, f"{short:.2f} s -> {long:.2f} s for {LENGTH_FACTOR}x the text"


class _Doc:
    """What _count_before reads of a spaCy Doc."""

    def __init__(self, text: str):
        self.text = text
        self.user_data: dict = {}


TRICKY = ["the council", "The Council of", "Harbor Union", "HU", "Harbor Union's", "Harbor Unionx", "xHarbor Union",
          "the  council", "A-A", "-A", " ", "\n", "of", "the councils", "Harbor"]


@pytest.mark.parametrize("seed", range(6))
def test_counting_a_name_before_a_place_counts_what_a_search_of_the_text_before_it_finds(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice(TRICKY) for _ in range(400))
    doc = _Doc(text)
    cases = [(r"\bHarbor Union\b", 0, "Harbor Union"), (r"\bHU\b", 0, "HU"), (r"\bA\-A\b", 0, "A-A"),
             (r"\b\-A\b", 0, None), (r"\b[Tt]he council\b(?! of\b)", re.I, None)]
    for end in sorted(rng.sample(range(len(text) + 1), 60)) + [0, len(text)]:
        for pattern, flags, literal in cases:
            length = len(literal) if literal else (3 if "-A" in pattern else len("the council"))
            expected = len(re.findall(pattern, text[:end], flags))
            assert reference_cues._count_before(doc, pattern, flags, length, end, literal=literal) == expected, \
                (pattern, end)


@pytest.mark.parametrize("surname", ["Marwood", "A-A", "O'Reyk", "Reyk.", "-Reyk", "Jr."])
def test_race_evidence_finds_a_surname_where_a_search_of_each_sentence_does(surname):
    rng = random.Random(surname)
    pieces = ["Marwood", "A-A", "O'Reyk", "Reyk", "-Reyk", "Jr.", " ", ", ", ". ", "Marwoods", "\n", "xA-A"]
    index = RaceIndex("".join(rng.choice(pieces) for _ in range(3000)))
    name = re.compile(rf"\b{re.escape(surname)}\b")
    expected = [(k, starts) for k, sent in enumerate(index.sentences)
                if (starts := [m.start() for m in name.finditer(sent)])]
    assert index._surname_hits(surname) == expected


def test_parenthesis_depth_counted_once_matches_a_count_from_the_sentence_start():
    rng = random.Random(3)
    doc = spacy.blank("en")(" ".join(rng.choice(["(", ")", "word", "Name", ",", "(("]) for _ in range(300)))
    for sent_start in (0, 17, 120):
        for at in range(sent_start, len(doc) + 1):
            depth = 0
            for t in doc[sent_start:at]:
                depth += t.text == "("
                depth -= t.text == ")" and depth > 0
            assert coordination._inside_parentheses(SimpleNamespace(start=at), doc, sent_start) == (depth > 0)
