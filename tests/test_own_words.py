"""The repository holds only text its authors wrote: no file quotes the real corpora.

Real article text stays in ../shared/corpus (seeds, dev, train, val). Every text file
under src/, tests/ and docs/, and README.md, is cut into 8-word shingles (lower-cased
runs of letters and digits, as in the project's overlap check) and compared with the
shingles of the real articles. A shingle that touches a stock phrase (STOCK_PHRASES:
set wording every news story uses, and the full names of real unions, which the
vocabulary has to know) is not counted; a file whose remaining shared shingles exceed
MAX_SHARED_SHINGLES_PER_FILE fails, and the message names the shingles so the sentence
can be found and rewritten in the author's own words with invented names.

Skips when ../shared/corpus is absent (a clone outside the workspace). The unit test
that proves a pasted paragraph is caught builds its paragraph from a corpus file at test
time: nothing from the corpus is committed.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
CORPUS_SETS = ("seeds", "dev", "train", "val")
SHINGLE_WORDS = 8
# A file may share at most this many shingles with the corpora once stock phrases are set
# aside. Calibrated 2026-12-07 on the cleaned repository: with the stock phrases set
# aside every file shares 0 (before the cleaning the worst test file shared 33, and the
# worst synthetic article 4); a quoted run of N words shares N - 7, so the first
# 46-word paragraph of the seeds shares 39. 2 leaves room for two chance collisions of
# ordinary wording in one file and still catches any quoted run of 10 words or more.
MAX_SHARED_SHINGLES_PER_FILE = 2
# A pasted paragraph used by the self-test has at least this many words.
PASTED_PARAGRAPH_MIN_WORDS = 40

# Stock phrases: wording shared with the corpora that is not quotation. Either set news
# wording (poll methodology, the AFL-CIO's standard description, idioms) or the full
# names of real unions and federations, which the organisation vocabulary and the gold
# files must spell out. A shingle overlapping any of these (written as the shingler
# sees them: lower case, punctuation dropped) is not counted. Add a phrase only when it
# is genuinely stock wording, never to let a quoted sentence through.
STOCK_PHRASES = (
    "margin of error of plus or minus",
    "margin of sampling error of plus or minus",
    "has a margin of error",
    "percentage points",
    "afl cio the nation s largest labor federation",
    "american federation of labor and congress of industrial organizations",
    "american federation of state county and municipal employees",
    "american federation of teachers",
    "united brotherhood of carpenters and joiners of america",
    "laborers international union of north america",
    "united food and commercial workers international union",
    "united farm workers of america",
    "international brotherhood of electrical workers",
    "international brotherhood of teamsters",
    "service employees international union",
    "the state s largest teachers union",
    "have yet to make up their minds",
    "did not endorse a candidate in the primary",
    "not chosen a candidate for the general election",
)

TOKEN = re.compile(r"[a-z0-9]+")
SKIPPED_SUFFIXES = (".pyc", ".png", ".jpg", ".jpeg", ".gif", ".ico", ".sqlite", ".db", ".gz", ".zip")

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"{CORPUS} is absent")


def words_of(text: str) -> list[str]:
    return TOKEN.findall(text.lower())


def shingles_of(words: list[str]) -> list[tuple[int, str]]:
    """(start position, shingle) for every run of SHINGLE_WORDS words."""
    return [(i, " ".join(words[i:i + SHINGLE_WORDS])) for i in range(len(words) - SHINGLE_WORDS + 1)]


def stock_positions(words: list[str]) -> set[int]:
    """Word positions covered by an occurrence of a stock phrase."""
    covered: set[int] = set()
    for phrase in STOCK_PHRASES:
        target = phrase.split()
        size = len(target)
        for i in range(len(words) - size + 1):
            if words[i:i + size] == target:
                covered.update(range(i, i + size))
    return covered


@lru_cache(maxsize=1)
def corpus_shingles() -> frozenset[str]:
    found: set[str] = set()
    for name in CORPUS_SETS:
        for path in sorted((CORPUS / name).glob("*")):
            if path.suffix in (".txt", ".html"):
                found.update(s for _, s in shingles_of(words_of(path.read_text(errors="replace"))))
    return frozenset(found)


def shared_shingles(text: str) -> list[str]:
    """The text's shingles found in the corpora, less those touching a stock phrase."""
    words = words_of(text)
    corpus = corpus_shingles()
    hits = [(i, s) for i, s in shingles_of(words) if s in corpus]
    if not hits:
        return []
    stock = stock_positions(words)
    return [s for i, s in hits if not stock.intersection(range(i, i + SHINGLE_WORDS))]


def repository_files() -> list[Path]:
    files = [p for top in ("src", "tests", "docs") for p in sorted((REPO / top).rglob("*"))]
    files.append(REPO / "README.md")
    return [p for p in files if p.is_file() and "__pycache__" not in p.parts
            and not any(part.endswith(".egg-info") for part in p.parts)
            and p.suffix.lower() not in SKIPPED_SUFFIXES]


def readable_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return None


def test_no_repository_file_quotes_the_real_corpora() -> None:
    offenders: dict[str, tuple[int, list[str]]] = {}
    for path in repository_files():
        text = readable_text(path)
        if text is None:
            continue
        shared = shared_shingles(text)
        if len(shared) > MAX_SHARED_SHINGLES_PER_FILE:
            offenders[str(path.relative_to(REPO))] = (len(shared), shared[:3])
    assert not offenders, (
        f"files sharing more than {MAX_SHARED_SHINGLES_PER_FILE} 8-word shingles with ../shared/corpus "
        f"(rewrite those sentences in your own words, with invented names): {offenders}")


def first_long_paragraph() -> str:
    """A paragraph of a real corpus article, read now (never committed)."""
    for path in sorted((CORPUS / "seeds").glob("*.txt")) + sorted((CORPUS / "dev").glob("*.txt")):
        for paragraph in path.read_text(errors="replace").split("\n\n"):
            if len(words_of(paragraph)) >= PASTED_PARAGRAPH_MIN_WORDS:
                return paragraph
    pytest.skip("no corpus paragraph long enough")


def test_a_pasted_corpus_paragraph_is_caught() -> None:
    paragraph = first_long_paragraph()
    fake_test = f'def test_something():\n    text = """{paragraph}"""\n    assert text\n'
    assert len(shared_shingles(fake_test)) > MAX_SHARED_SHINGLES_PER_FILE
    # one quoted sentence of a dozen words is caught too
    sentence = " ".join(words_of(paragraph)[:12])
    assert len(shared_shingles(f'TEXT = "{sentence}."\n')) > MAX_SHARED_SHINGLES_PER_FILE


def test_stock_phrases_and_own_words_pass() -> None:
    stock = ("The poll has a margin of error of plus or minus 4.2 percentage points. The AFL-CIO, "
             "the nation's largest labor federation, met with the American Federation of State, "
             "County and Municipal Employees.")
    assert len(shared_shingles(stock)) <= MAX_SHARED_SHINGLES_PER_FILE
    own = "The Harbor Workers Union endorsed Maria Vega for mayor on a rainy Tuesday in Port Alder."
    assert shared_shingles(own) == []
