"""The resolver's data files (resolve/data/) load with key checks: a planted unknown
key fails with the file, the line and the key named; the packaged files all load."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from endorsetrack.errors import RuleFileError
from endorsetrack.resolve import dates, hierarchy, race_record, races
from endorsetrack.resolve.keys import DATA_DIR


def _planted(tmp_path: Path, name: str) -> tuple[Path, int]:
    """A copy of resolve/data/<name> with one more rule carrying an unknown key; (path, its line)."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    first = next(json.loads(line) for line in lines if line.startswith("{"))
    path = tmp_path / name
    path.write_text("\n".join(lines + [json.dumps({**first, "id": "planted", "tpyo": 1})]) + "\n", encoding="utf-8")
    return path, len(lines) + 1


LOADERS = {
    "hierarchy_rules.jsonl": lambda path, _: hierarchy.load_hierarchy_rules(path),
    "race_parts.jsonl": lambda path, _: race_record._lexicon(path),
    "race_terms.jsonl": lambda path, _: races._terms(path),
    "tense_cues.jsonl": lambda path, _: dates._cues(path),
}


def test_every_data_file_has_a_checked_loader():
    assert sorted(LOADERS) == sorted(p.name for p in DATA_DIR.glob("*.jsonl"))


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_a_planted_unknown_key_names_file_line_and_key(tmp_path, monkeypatch, name):
    path, line = _planted(tmp_path, name)
    with pytest.raises(RuleFileError) as info:
        LOADERS[name](path, monkeypatch)
    assert str(info.value) == f"{path}:{line}: rule 'planted' has unknown key(s): tpyo"
    assert info.value.exit_code == 3


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_the_packaged_data_file_loads(monkeypatch, name):
    LOADERS[name](DATA_DIR / name, monkeypatch)
