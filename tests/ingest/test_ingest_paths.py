"""PATH arguments: files, directories (sorted, hidden skipped), globs, missing paths."""
from __future__ import annotations

import os

from endorsetrack.errors import MissingInputError
from endorsetrack.ingest.paths import STDIN, expand_paths


def _touch(path, text="x"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_directory_is_walked_recursively_in_name_order_skipping_hidden(tmp_path, monkeypatch):
    for name in ["b.txt", "a.txt", "sub/c.txt", "sub/a.html", ".secret.txt", ".git/config", "z/.hidden"]:
        _touch(tmp_path / "docs" / name)
    monkeypatch.chdir(tmp_path)
    assert list(expand_paths(["docs"])) == [
        os.path.join("docs", "a.txt"), os.path.join("docs", "b.txt"),
        os.path.join("docs", "sub", "a.html"), os.path.join("docs", "sub", "c.txt")]


def test_paths_are_kept_as_given_not_made_absolute(tmp_path, monkeypatch):
    _touch(tmp_path / "d" / "x.txt")
    monkeypatch.chdir(tmp_path)
    assert list(expand_paths(["d/"])) == ["d/x.txt"]
    assert list(expand_paths(["./d/x.txt"])) == ["./d/x.txt"]


def test_glob_is_expanded_and_sorted(tmp_path, monkeypatch):
    for name in ["b.txt", "a.txt", "c.csv", "deep/d.txt"]:
        _touch(tmp_path / name)
    monkeypatch.chdir(tmp_path)
    assert list(expand_paths(["*.txt"])) == ["a.txt", "b.txt"]
    assert list(expand_paths(["**/*.txt"])) == ["a.txt", "b.txt", os.path.join("deep", "d.txt")]


def test_missing_path_and_empty_glob_are_errors_and_the_rest_goes_on(tmp_path, monkeypatch):
    _touch(tmp_path / "ok.txt")
    monkeypatch.chdir(tmp_path)
    out = list(expand_paths(["nope.txt", "*.none", "ok.txt"]))
    assert isinstance(out[0], MissingInputError) and str(out[0]) == "nope.txt: no such file or directory"
    assert isinstance(out[1], MissingInputError) and str(out[1]) == "*.none: no file matches this pattern"
    assert out[2] == "ok.txt"


def test_dash_means_standard_input():
    assert list(expand_paths(["-"])) == [STDIN]


def test_directory_walk_is_lazy(tmp_path):
    for i in range(5):
        _touch(tmp_path / f"{i}.txt")
    walker = expand_paths([str(tmp_path)])
    assert next(walker) == str(tmp_path / "0.txt")  # a generator: nothing else read yet
