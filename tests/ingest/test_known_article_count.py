"""known_article_count: a total for the progress bar only when the paths alone tell it."""
from __future__ import annotations

from endorsetrack.ingest import known_article_count


def test_a_list_of_one_article_files_counts_them(tmp_path):
    for name in ("a.txt", "b.html", "c.txt.gz"):
        (tmp_path / name).write_text("The Dock Workers Guild endorsed Nora Pell.")
    assert known_article_count([str(tmp_path / n) for n in ("a.txt", "b.html", "c.txt.gz")]) == 3


def test_stdin_directories_globs_and_multi_record_files_have_no_known_count(tmp_path):
    (tmp_path / "a.txt").write_text("One article.")
    for name in ("many.jsonl", "rows.csv", "crawl.warc", "many.jsonl.gz"):
        (tmp_path / name).write_text("x")
    one = str(tmp_path / "a.txt")
    assert known_article_count([one, "-"]) is None
    assert known_article_count([one, str(tmp_path)]) is None
    assert known_article_count([one, str(tmp_path / "*.txt")]) is None
    assert known_article_count([one, str(tmp_path / "missing.txt")]) is None
    for name in ("many.jsonl", "rows.csv", "crawl.warc", "many.jsonl.gz"):
        assert known_article_count([one, str(tmp_path / name)]) is None, name
