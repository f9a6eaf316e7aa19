"""When a predicted race counts as the gold race: the race rules of eval/score.py.

These are a line-for-line port of ``OFFICES``, ``RACE_STOP``, ``race_parts`` and
``race_agrees`` in ``shared/eval/score.py``. A race label is read as (year, office
class, place words); a predicted race agrees with the gold one when it names the gold
year, the gold office class and at least one gold place word, each only where the gold
label gives it. The race agreement the project reports must equal the official
scorer's, so the rules keep its behaviour exactly, including the odd corners listed in
``evaluate.scoring``.
"""
from __future__ import annotations

import re
from typing import Any, Optional

from .names import normalise

#: Office classes, each with the words (a regular expression searched in the lower-cased
#: label) that name it. The first class that matches wins, so "lieutenant governor" is
#: tried before "governor", and any ballot "measure" word before every office.
OFFICES = (
    ("measure", r"proposition|prop\.?|measure|initiative|referendum|ballot question|amendment|question \d"),
    ("lieutenant governor", r"lieutenant governor|lt\.? gov"),
    ("attorney general", r"attorney general"),
    ("district attorney", r"district attorney|\bda\b|state.s attorney|prosecutor"),
    ("president", r"president|white house"),
    ("governor", r"governor|gubernatorial"),
    ("mayor", r"mayor"),
    ("senate", r"u\.?s\.? senate|senate"),
    ("house", r"u\.?s\.? house|house|congress|district \d|\d+(st|nd|rd|th) district"),
    ("leadership", r"leadership"),
    ("council", r"council|alderm|supervisor|commission"),
    ("sheriff", r"sheriff"),
    ("court", r"court|judge|justice"),
    ("school board", r"school board|board of education"),
    ("national election", r"general election|federal election|parliament|riding|constituency|by-election"),
)

#: Words of a race label that are never place words: country and stage words, parties,
#: months, compass words ("North Carolina" keeps "carolina") and generic race words.
RACE_STOP = frozenset({
    "u", "s", "us", "the", "of", "for", "and", "election", "primary", "general", "race", "democratic",
    "republican", "party", "nomination", "presidential", "state", "city", "county", "district", "seat",
    "special", "runoff", "contest", "campaign", "new", "north", "south", "west", "east",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "conservative", "labour", "liberal", "green", "ndp", "gop",
    "democrats", "republicans", "national", "federal", "mayoral", "gubernatorial"})

#: The letter runs of the ``OFFICES`` patterns, never place words either. Taken from the
#: pattern text as score.py does, so regex fragments count too ("d" of ``\d``, "st").
OFFICE_WORDS = frozenset(w for _, pattern in OFFICES for w in re.findall(r"[a-z]+", pattern))

#: A year in a race label: a whole word from 1900 to 2099; the first one counts.
YEAR = re.compile(r"\b(?:19|20)\d\d\b")

#: Shortest place word, in letters ("NY", "DC" and "LA" are too short to count).
MIN_PLACE_LETTERS = 3

#: Parenthesised text ("(runoff)") gives no place words; its year and office still count.
PARENTHESISED = re.compile(r"\([^)]*\)")


def race_text(race: Any) -> str:
    """The text of a race: a dict race gives its "label", or else its non-empty values
    joined by spaces; any other value is turned into text with ``str()``; None gives ""."""
    if isinstance(race, dict):
        race = race.get("label") or " ".join(str(v) for v in race.values() if v)
    return str(race or "")


def race_parts(race: Any) -> tuple[Optional[str], Optional[str], set]:
    """(year, office class, place words) of a race label; each part None/empty when absent.

    Place words are the normalised words of the label outside parentheses that are
    neither ``RACE_STOP`` nor ``OFFICE_WORDS``, have at least ``MIN_PLACE_LETTERS``
    letters, and are written capitalised somewhere in the label ("connecticut" in an
    all-lower-case label is no place).
    """
    text = race_text(race)
    low = text.lower()
    year = next(iter(YEAR.findall(text)), None)
    office = next((name for name, pattern in OFFICES if re.search(pattern, low)), None)
    words = re.findall(r"[a-z]+", normalise(PARENTHESISED.sub(" ", text)) or "")
    place = {w for w in words
             if w not in RACE_STOP and w not in OFFICE_WORDS and len(w) >= MIN_PLACE_LETTERS
             and re.search(r"\b" + w, low) and _capitalised(w, text)}
    return year, office, place


def race_agrees(pred_race: Any, gold_race: Any) -> bool:
    """Year, office and place of the gold race are all found in the predicted one (those
    the gold gives): a null gold race agrees with anything, extra predicted parts are free,
    and one shared place word is enough."""
    gold_year, gold_office, gold_place = race_parts(gold_race)
    pred_year, pred_office, pred_place = race_parts(pred_race)
    if gold_year and gold_year != pred_year:
        return False
    if gold_office and gold_office != pred_office:
        return False
    return not gold_place or bool(gold_place & pred_place)


def _capitalised(word: str, text: str) -> bool:
    """Some word of ``text`` that starts with ``word`` (any case) starts with a capital."""
    return any(t[:1].isupper() for t in re.findall(r"\b" + word + r"\w*", text, re.I))
