"""Reading gold and prediction files: keys, merging, and errors naming file and line."""
import pytest

from endorsetrack.errors import GoldFileError, InputError
from endorsetrack.evaluate import load_gold, load_predictions

END = {"endorser": {"name": "UAW"}, "candidate": None, "stance": "declines"}


def test_docs_are_keyed_by_basename_and_repeated_docs_merge(write_jsonl):
    path = write_jsonl("pred.jsonl", [
        {"doc": "/tmp/x/a.txt", "endorsements": [{"endorser": "A B"}]},
        {"doc": "a.txt", "endorsements": [{"endorser": "C D"}], "polls": [{"pollster": "P"}]},
        {"doc": None},
        {"title": "no doc key"},
    ])
    docs = load_predictions(path)
    assert sorted(docs) == ["", "None", "a.txt"]
    assert [e["endorser"] for e in docs["a.txt"]["endorsements"]] == ["A B", "C D"]
    assert docs["a.txt"]["polls"] == [{"pollster": "P"}]


def test_a_null_fact_list_in_the_first_record_still_merges(write_jsonl):
    path = write_jsonl("pred.jsonl", [{"doc": "a.txt", "endorsements": None},
                                      {"doc": "a.txt", "endorsements": [{"endorser": "A B"}]}])
    assert load_predictions(path)["a.txt"]["endorsements"] == [{"endorser": "A B"}]


def test_blank_lines_are_skipped(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('\n{"doc": "a.txt", "endorsements": []}\n   \n', encoding="utf-8")
    assert list(load_gold(path)) == ["a.txt"]


def test_missing_gold_file(tmp_path):
    with pytest.raises(GoldFileError) as err:
        load_gold(tmp_path / "nope.jsonl")
    assert str(err.value) == f"{tmp_path / 'nope.jsonl'}: gold file not found"


def test_bad_json_names_file_and_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"doc": "a.txt"}\n{"doc": "b.txt",,}\n', encoding="utf-8")
    with pytest.raises(GoldFileError) as err:
        load_gold(path)
    assert str(err.value) == (f"{path}:2: gold file is not JSON Lines: "
                              "Expecting property name enclosed in double quotes (column 17)")
    with pytest.raises(InputError) as err:
        load_predictions(path)
    assert str(err.value).startswith(f"{path}:2: predictions file is not JSON Lines: ")
    assert not isinstance(err.value, GoldFileError)


def test_a_line_that_is_not_an_object_is_refused(write_jsonl):
    path = write_jsonl("pred.jsonl", [["a.txt"]])
    with pytest.raises(InputError, match=r"pred.jsonl:1: predictions file line holds an array, not an object"):
        load_predictions(path)


def test_gold_items_that_score_py_cannot_read_are_refused(write_jsonl):
    path = write_jsonl("gold.jsonl", [{"doc": "a.txt", "endorsements": [END]},
                                      {"doc": "b.txt", "endorsements": [{"endorser": "X"}]}])
    with pytest.raises(GoldFileError) as err:
        load_gold(path)
    assert str(err.value) == (f"{path}:2: gold file: endorsement 1 needs an "
                              "\"endorser\" and a \"stance\"")


def test_poll_results_must_be_objects(write_jsonl):
    path = write_jsonl("pred.jsonl", [{"doc": "a.txt", "polls": [{"results": ["Lamont 49"]}]}])
    with pytest.raises(InputError, match=r":1: predictions file: poll 1: \"results\" must be a list"):
        load_predictions(path)


def test_non_object_predicted_facts_are_kept_for_the_scorer_to_skip(write_jsonl):
    path = write_jsonl("pred.jsonl", [{"doc": "a.txt", "endorsements": ["junk", None, END],
                                       "polls": ["junk"]}])
    assert load_predictions(path)["a.txt"]["endorsements"] == ["junk", None, END]


def test_undecodable_file(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_bytes(b'{"doc": "\xff"}\n')
    with pytest.raises(GoldFileError, match="gold file is not UTF-8 text"):
        load_gold(path)


def test_directory_instead_of_file(tmp_path):
    with pytest.raises(InputError, match="is a directory, not a predictions file"):
        load_predictions(tmp_path)
