"""Query commands and --help do not import spaCy (issue 13): only commands that extract load it."""
from __future__ import annotations

import subprocess
import sys

PROBE = ("import sys; from endorsetrack.cli.app import main\n"
         "try:\n    main({args})\nexcept SystemExit:\n    pass\n"
         "print('SPACY' if 'spacy' in sys.modules else 'NO-SPACY')")


def _loads_spacy(args: list[str]) -> bool:
    out = subprocess.run([sys.executable, "-c", PROBE.format(args=args)], capture_output=True, text=True,
                         timeout=120).stdout
    return out.strip().splitlines()[-1] == "SPACY"


def test_help_and_query_commands_do_not_import_spacy(tmp_path):
    assert not _loads_spacy(["--help"])
    assert not _loads_spacy(["endorsements", "--db", str(tmp_path / "none.db")])
    assert not _loads_spacy(["migrate", "--db", str(tmp_path / "new.db")])
    assert not _loads_spacy(["spark", "--help"])
    assert not _loads_spacy(["load", "--help"])


def test_extracting_does_import_spacy(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The Harbor Nurses Union endorsed Lena Park for mayor.")
    assert _loads_spacy(["extract", str(article), "-q", "-o", str(tmp_path / "out.jsonl")])
