"""A folder's metadata sidecar: plain files take url/title/published from it; it and an answer key are not articles."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from endorsetrack.ingest import read_records
from endorsetrack.types import DocumentError, Record


def _lines(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a_bakers-back-ortiz.txt").write_text("The bakers union endorsed Lena Ortiz for mayor.\n", encoding="utf-8")
    (folder / "b_nurses-wait.txt").write_text("The nurses association has not endorsed anyone yet.\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("sidecar_name", ["_metadata.jsonl", "sources.jsonl"])
def test_a_sidecar_gives_plain_files_their_url_title_and_date_and_is_not_an_article(tmp_path: Path,
                                                                                     sidecar_name: str) -> None:
    folder = _folder(tmp_path)
    _lines(folder / sidecar_name, [
        {"doc": "a_bakers-back-ortiz.txt", "url": "https://paper.example/2019/03/04/bakers", "title": "Bakers back Ortiz",
         "published": "2019-03-04"},
        {"file": "b_nurses-wait.txt", "url": "https://paper.example/nurses", "title": None, "published": None}])
    items = list(read_records([str(folder)]))
    assert all(isinstance(r, Record) for r in items)
    assert [(Path(r.doc).name, r.url, r.title, r.published) for r in items if isinstance(r, Record)] == [
        ("a_bakers-back-ortiz.txt", "https://paper.example/2019/03/04/bakers", "Bakers back Ortiz", "2019-03-04"),
        ("b_nurses-wait.txt", "https://paper.example/nurses", None, None)]


def test_beside_a_sidecar_an_answer_key_is_not_read_as_articles(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    _lines(folder / "_metadata.jsonl", [{"doc": "a_bakers-back-ortiz.txt", "url": "https://paper.example/a"}])
    _lines(folder / "gold.jsonl", [{"doc": "a_bakers-back-ortiz.txt", "endorsements": []}])
    names = [Path(r.doc).name for r in read_records([str(folder)])]
    assert names == ["a_bakers-back-ortiz.txt", "b_nurses-wait.txt"]


def test_an_answer_key_without_article_text_is_skipped_even_without_a_sidecar(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    _lines(folder / "gold.jsonl", [{"doc": "a_bakers-back-ortiz.txt", "endorsements": []}])
    items = list(read_records([str(folder)]))
    assert not [e for e in items if isinstance(e, DocumentError)]
    assert len(items) == 2


def test_a_feed_carrying_article_text_is_read_whatever_its_name(tmp_path: Path) -> None:
    folder = tmp_path / "feeds"
    folder.mkdir()
    for name in ("sources.jsonl", "gold.jsonl", "_metadata.jsonl", "wire.jsonl"):
        _lines(folder / name, [{"id": f"{name}-1", "text": "The carpenters endorsed Ray Ellis.", "url": "https://w.example"}])
    docs = sorted(r.doc for r in read_records([str(folder)]) if isinstance(r, Record))
    assert docs == ["_metadata.jsonl-1", "gold.jsonl-1", "sources.jsonl-1", "wire.jsonl-1"]


def test_the_sidecar_date_is_the_records_date_and_so_wins_over_a_date_line_in_the_text(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "p.txt").write_text("Posted: 2020-05-01\n\nThe pilots union endorsed Kim Abara.\n", encoding="utf-8")
    _lines(folder / "_metadata.jsonl", [{"doc": "p.txt", "url": "https://paper.example/p", "published": "2020-06-01"}])
    [record] = list(read_records([str(folder / "p.txt")]))
    assert isinstance(record, Record) and (record.url, record.published) == ("https://paper.example/p", "2020-06-01")


def test_what_a_feed_record_states_itself_wins_over_the_sidecar(tmp_path: Path) -> None:
    jsonl = tmp_path / "feed"
    jsonl.mkdir()
    _lines(jsonl / "feed.jsonl", [{"id": "f1", "text": "The pilots union endorsed Kim Abara.", "url": "https://own.example"}])
    _lines(jsonl / "_metadata.jsonl", [{"doc": "feed.jsonl", "url": "https://sidecar.example"}])
    [fed] = list(read_records([str(jsonl)]))
    assert isinstance(fed, Record) and fed.url == "https://own.example"


def test_a_sidecar_named_on_the_command_line_is_read_as_given(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    _lines(folder / "_metadata.jsonl", [{"doc": "a_bakers-back-ortiz.txt", "url": "https://paper.example/a"}])
    items = list(read_records([str(folder / "_metadata.jsonl")]))
    assert [type(i).__name__ for i in items] == ["DocumentError"]


def test_a_malformed_sidecar_is_not_taken_for_one_and_its_lines_are_reported(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "_metadata.jsonl").write_text('{"doc": "a_bakers-back-ortiz.txt"}\nnot json\n', encoding="utf-8")
    items = list(read_records([str(folder)]))
    assert [type(i).__name__ for i in items].count("DocumentError") == 2
    assert all(r.url is None for r in items if isinstance(r, Record))


# --- a metadata file given on the command line (ingest/extract --metadata) ---

from endorsetrack.errors import MetadataFileError  # noqa: E402
from endorsetrack.ingest import load_metadata  # noqa: E402


def test_a_jsonl_metadata_file_matches_plain_files_by_bare_name_or_by_path(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = _folder(tmp_path)
    meta = tmp_path / "meta.jsonl"
    _lines(meta, [{"doc": "a_bakers-back-ortiz.txt", "url": "https://paper.example/2019/03/04/bakers",
                   "published": "2019-03-04"},
                  {"file": "articles/b_nurses-wait.txt", "title": "Nurses wait"}])
    items = list(read_records(["articles"], load_metadata(str(meta))))
    assert [(Path(r.doc).name, r.url, r.title, r.published) for r in items if isinstance(r, Record)] == [
        ("a_bakers-back-ortiz.txt", "https://paper.example/2019/03/04/bakers", None, "2019-03-04"),
        ("b_nurses-wait.txt", None, "Nurses wait", None)]
    assert folder.is_dir()


def test_a_csv_metadata_file_gives_the_same_and_wins_over_the_folder_sidecar(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    _lines(folder / "_metadata.jsonl", [{"doc": "a_bakers-back-ortiz.txt", "url": "https://sidecar.example/a",
                                         "title": "From the sidecar"}])
    meta = tmp_path / "meta.csv"
    meta.write_text("file,url,published\na_bakers-back-ortiz.txt,https://given.example/a,2021-10-02\n",
                    encoding="utf-8")
    [a, b] = list(read_records([str(folder)], load_metadata(str(meta))))
    assert isinstance(a, Record) and (a.url, a.title, a.published) == (
        "https://given.example/a", "From the sidecar", "2021-10-02")
    assert isinstance(b, Record) and b.url is None


def test_a_metadata_file_inside_the_walked_folder_is_not_read_as_an_article(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "dates.csv").write_text("doc,published\nb_nurses-wait.txt,2022-01-05\n", encoding="utf-8")
    items = list(read_records([str(folder)], load_metadata(str(folder / "dates.csv"))))
    assert all(isinstance(r, Record) for r in items) and len(items) == 2
    assert [r.published for r in items if isinstance(r, Record)] == [None, "2022-01-05"]


def test_metadata_lines_naming_no_input_file_are_warnings_after_reading(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    meta = tmp_path / "meta.jsonl"
    _lines(meta, [{"doc": "a_bakers-back-ortiz.txt", "url": "https://paper.example/a"},
                  {"doc": "ghost.txt", "url": "https://paper.example/ghost"}])
    loaded = load_metadata(str(meta))
    list(read_records([str(folder)], loaded))
    assert loaded.unused() == [
        f"warning: {meta}:2: 'ghost.txt' names no input file; its metadata was not used"]


@pytest.mark.parametrize("name, content, message", [
    ("missing.jsonl", None, "{path}: metadata file not found"),
    ("bad.jsonl", '{"doc": "a.txt"}\nnot json\n',
     "{path}:2: not valid JSON; --metadata wants JSON Lines naming a file (doc or file) with url, title, published"),
    ("noname.jsonl", '{"url": "https://paper.example/a"}\n',
     "{path}:1: names no file (a metadata line needs a 'doc' or 'file' name); --metadata wants JSON Lines naming "
     "a file (doc or file) with url, title, published"),
    ("nocol.csv", "name,url\na.txt,https://paper.example/a\n",
     "{path}: the CSV header has no 'doc' or 'file' column; --metadata wants CSV naming a file (doc or file) "
     "with url, title, published"),
    ("empty.jsonl", "\n", "{path}: metadata file has no rows"),
])
def test_a_missing_or_malformed_metadata_file_is_one_clear_error(tmp_path: Path, name: str, content, message: str
                                                                ) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(MetadataFileError) as err:
        load_metadata(str(path))
    assert str(err.value) == message.format(path=path)
    assert err.value.exit_code == 2
