"""Gold and prediction files (JSON Lines) -> one record per article, keyed like score.py.

score.py exits with a bare message, or a traceback, on a bad file; here every problem
is a typed error naming the file and line (``GoldFileError`` for gold,
``InputError`` for predictions) so the CLI can print one clear line.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterable, Union

from ..errors import EndorsetrackError, GoldFileError, InputError
from ..types import ArticleResult, DocumentError

ErrorType = type[EndorsetrackError]
FACT_KEYS = ("endorsements", "polls")
JSON_KINDS = {list: "an array", str: "a string", int: "a number", float: "a number",
              bool: "a boolean", type(None): "null"}


def load_jsonl(path: Union[str, Path], gold: bool = False) -> dict[str, dict]:
    """Read a JSON Lines file of articles; records of one article are merged.

    Keys are the basename of each record's "doc" (as score.py). A gold file's
    problems raise ``GoldFileError``, a predictions file's ``InputError``.
    """
    path = str(path)
    error: ErrorType = GoldFileError if gold else InputError
    role = "gold file" if gold else "predictions file"
    try:
        with open(path, encoding="utf-8") as f:
            lines = list(f)
    except FileNotFoundError:
        raise error(f"{role} not found", path=path) from None
    except IsADirectoryError:
        raise error(f"is a directory, not a {role}", path=path) from None
    except UnicodeDecodeError as exc:
        raise error(f"{role} is not UTF-8 text ({exc.reason} at byte {exc.start})",
                    path=path) from None
    except OSError as exc:
        raise error(f"cannot read the {role}: {exc.strerror}", path=path) from None
    records = []
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise error(f"{role} is not JSON Lines: {exc.msg} (column {exc.colno})",
                        path=path, line=n) from None
        if not isinstance(obj, dict):
            kind = JSON_KINDS.get(type(obj), "a value")
            raise error(f"{role} line holds {kind}, not an object with a \"doc\" key",
                        path=path, line=n)
        problem = _check_gold(obj) if gold else _check_prediction(obj)
        if problem:
            raise error(f"{role}: {problem}", path=path, line=n)
        records.append(obj)
    return index_by_doc(records)


def load_gold(path: Union[str, Path]) -> dict[str, dict]:
    """A gold file (GUIDELINES.md); problems raise ``GoldFileError``."""
    return load_jsonl(path, gold=True)


def load_predictions(path: Union[str, Path]) -> dict[str, dict]:
    """An ``endorsetrack extract`` output (or any system's); problems raise ``InputError``."""
    return load_jsonl(path)


def index_by_doc(records: Iterable[dict]) -> dict[str, dict]:
    """Key article records by the basename of "doc"; merge the facts of repeated docs.

    A missing "doc" gives the key "" and a null one "None", as in score.py.
    """
    docs: dict[str, dict] = {}
    for obj in records:
        key = os.path.basename(str(obj.get("doc", "")))
        if key not in docs:
            docs[key] = obj
            continue
        for k in FACT_KEYS:  # score.py crashes when the first record's value is no list
            if not isinstance(docs[key].get(k), list):
                docs[key][k] = []
            docs[key][k].extend(obj.get(k) or [])
    return docs


def predictions_from_outcomes(outcomes: Iterable[Union[ArticleResult, DocumentError]]
                              ) -> tuple[dict[str, dict], list[DocumentError]]:
    """Pipeline outcomes -> (predictions keyed like a loaded file, the failed documents)."""
    results, failures = [], []
    for outcome in outcomes:
        if isinstance(outcome, DocumentError):
            failures.append(outcome)
        else:
            results.append(outcome.to_json())
    return index_by_doc(results), failures


def _check_gold(obj: dict[str, Any]) -> str:
    """What would make score.py crash on a gold record, as a message ("" when fine)."""
    ends, polls = obj.get("endorsements") or [], obj.get("polls") or []
    if not isinstance(ends, list) or not isinstance(polls, list):
        return "\"endorsements\" and \"polls\" must be lists"
    for i, e in enumerate(ends, 1):
        if not isinstance(e, dict) or "endorser" not in e or "stance" not in e:
            return f"endorsement {i} needs an \"endorser\" and a \"stance\""
        if not isinstance(e["endorser"], (dict, str)):
            return f"endorsement {i}: \"endorser\" must be an object with a \"name\""
    for i, p in enumerate(polls, 1):
        if not isinstance(p, dict):
            return f"poll {i} must be an object"
        problem = _check_results(p, i)
        if problem:
            return problem
    return ""


def _check_prediction(obj: dict[str, Any]) -> str:
    """Predictions are read leniently (non-object facts are skipped, as in score.py);
    only poll results that score.py cannot read are refused."""
    polls = obj.get("polls") or []
    for i, p in enumerate(polls if isinstance(polls, list) else [], 1):
        if isinstance(p, dict):
            problem = _check_results(p, i)
            if problem:
                return problem
    return ""


def _check_results(poll: dict[str, Any], i: int) -> str:
    results = poll.get("results") or []
    if not isinstance(results, list) or not all(isinstance(r, dict) for r in results):
        return f"poll {i}: \"results\" must be a list of objects"
    return ""
