"""Rows of a table of party-tagged names: "Ohio 6 Ann Lee (D)", or a row the page flattened
into one line, "Ohio 1 Ann Lee (D) 6 Tom Reyes (D) 7 Lia Park (R)".

A group's endorsement table names each candidate with a party tag after the name and a
label before it: a state ("Ohio Ann Lee (D)", a Senate row), or a state and a district
number ("Ohio 6 Tom Reyes (D)", a House row). A flattened row gives the state once and
only the number for the other items of the row: each such item is in the row's state.
This module reads a row's items from its text; list_lines.py says whose list the row is
in. Pure: text in, items out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ...nlp.places import us_state_names
from ...nlp.vocabulary import words
from ...ruledata import LazyPattern, alternation

PARTY_TAGS = words("list_lines.party_tags")
# "Ann Lee (D)", "Ann Lee (Dem.)"; the last item of a row cut short may lose its ")": "Ann Lee (D".
PARTY_TAG = LazyPattern(lambda: re.compile(rf"\s*\((?:{alternation(PARTY_TAGS)})\.?(?:\)|\s*$)"))
# What stands before a name in a row item: a place of capitalised words, a district number, or both.
ITEM_LABEL = re.compile(r"^(?P<place>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*?)?\s*(?P<number>\b\d{1,2}\b)?\s*$")
# A name in a row: capitalised words (an initial, a quoted nickname, a hyphen allowed).
NAME_WORD = re.compile(r"^(?:[A-Z][\w.'’-]*|\"[A-Z][\w.'’-]*\"|[A-Z]\.)$")
# Words of a person's name in a row item ("Ann Marie Lee", "Thomas \"Tom\" Reyes", "Ann B. Lee").
MAX_ROW_NAME_WORDS = 4
# Items of a row that is one line: fewer than this and the line is a plain list line, read as one.
MIN_FLATTENED_ITEMS = 2


@dataclass(frozen=True)
class RowItem:
    """One tagged name of a row: its span in the row's text, the name, and the label before it."""
    start: int
    end: int
    name: str
    place: Optional[str]  # the item's own place, else the row's (a flattened row's later items)
    number: Optional[str]  # a district number

    @property
    def label(self) -> Optional[str]:
        """'Ohio 6': the place and the number the row gives the item, if both."""
        return f"{self.place} {self.number}" if self.place and self.number else None


def row_items(text: str, people: tuple[tuple[int, int], ...] = ()) -> Optional[list[RowItem]]:
    """The items of a row of party-tagged names, or None when the text is not such a row
    (every stretch of it up to a party tag must be a label and a name; after the last tag
    only an item cut short may follow). ``people``: character spans of the names NER found in the text, which
    say where a name starts when a place's words could be its first ones."""
    items: list[RowItem] = []
    at = 0
    place: Optional[str] = None
    for tag in PARTY_TAG.finditer(text):
        stretch = text[at:tag.start()]
        item = _item(stretch, at, people)
        if item is None:
            return None
        name_start, name = item
        label = ITEM_LABEL.match(text[at:name_start].strip())
        if label is None:
            return None
        place = label.group("place") or place
        items.append(RowItem(at + len(stretch) - len(stretch.lstrip()), tag.end(), name, place, label.group("number")))
        at = tag.end()
    rest = text[at:]
    # nothing after the last tag, or one more item the page cut short ("7 Lia Pa"): not read
    return items if items and (not rest.strip() or _item(rest, at, people) is not None) else None


def flattened_row(text: str, people: tuple[tuple[int, int], ...] = ()) -> Optional[list[RowItem]]:
    """The items of a table row the page flattened into one line (several tagged names), else None."""
    items = row_items(text, people)
    return items if items is not None and len(items) >= MIN_FLATTENED_ITEMS else None


def _item(stretch: str, offset: int, people: tuple[tuple[int, int], ...]) -> Optional[tuple[int, str]]:
    """(where the name starts, the name) of the stretch before a party tag: the person NER found
    that ends it (with only a label before it), else the capitalised words that end it; a
    state's words at its start are the label's, not the name's."""
    end = offset + len(stretch.rstrip())
    found = next((s for s, e in people if offset <= s and e == end), None)
    # the stretch's words with where each starts, so that the name's start survives any spacing ("Ann  Lee")
    tokens = [(w.start(), w.group()) for w in re.finditer(r"\S+", stretch)]
    if found is not None and ITEM_LABEL.match(stretch[:found - offset].strip()):
        name = [(at, w) for at, w in tokens if at >= found - offset]
    else:
        name = []
        for at, token in reversed(tokens):
            if not NAME_WORD.match(token) or len(name) == MAX_ROW_NAME_WORDS:
                break
            name.insert(0, (at, token))
    if len(name) < 2:
        return None
    # "New Mexico Ann Lee" is Ann Lee of New Mexico, whether NER took the state in or not
    words_ = [w for _, w in name]
    lead = next((k for k in range(len(words_) - 2, 0, -1) if " ".join(words_[:k]) in us_state_names()), 0)
    return offset + name[lead][0], " ".join(words_[lead:])
