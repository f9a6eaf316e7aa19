"""Poll tables flattened into lines: one candidate and one figure per line.

"McCain 39%", "Bush 35", "Forbes 10" (a newspaper's box, one row per paragraph);
"Gore | 51% |", "Nader | 2 |" (a table with its cells kept); "- Long-Bailey 20%" (a
bulleted list). Each line is only a name and a figure, so the name need not be a person
the parser knows: the line's shape says it is a side. A run of such lines counts when one
of them carries a unit (%, percent): a run of bare numbers could be anything (scores,
dates, page numbers). Words that are not sides ("Undecided", "Other", a month) are left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

from ...normalize import MONTH_STEM
from .rules import PollRules

# A row: an optional bullet, one to three capitalised words, an optional cell separator,
# a figure (one or two digits, maybe a decimal), an optional unit and a closing cell bar,
# then maybe an earlier figure in brackets ("Roe – 14 percent (10)": the row's earlier poll,
# left unread -- only the current figure is the row's). The run's first row may name the
# list's subgroup after its unit ("Roe – 32 percent with independents (40 percent in all)"):
# every row of the run is that subgroup's.
_ROW = re.compile(r"^[-•*–—·\[\]º|\s]*(?P<name>[A-Z][\w'’.]*(?:[ -][A-Z][\w'’.]*){0,2})\s*[|:,–—-]?\s*"
                  r"(?P<num>\d{1,2}(?:\.\d+)?)\s*(?P<unit>%|percent\b|per cent\b|pct\b)?\s*\|?"
                  r"(?:\s+(?:with|among)\s+(?P<group>[a-z][a-z-]*(?: [a-z][a-z-]*){0,2}))?"
                  r"(?:\s*\(\d{1,2}(?:\.\d+)?\s*(?:%|percent\b|per cent\b)?(?: [a-z ]{1,30})?\))?\s*$")
_MONTH = re.compile(MONTH_STEM + r"[a-z]*\.?$", re.I)
# Rows that follow each other with at most this many other lines between them (a header
# such as "Among those definitely voting" between two blocks) are one run.
ROW_GAP_UNITS = 1


@dataclass(frozen=True)
class TableRow:
    name: str
    value: float
    start: int  # character offsets of the row's text
    end: int
    population: Optional[str] = None  # the run's subgroup, named by its first row


def _row(text: str, start: int, rules: PollRules) -> Optional[tuple[TableRow, bool]]:
    m = _ROW.match(text)
    if m is None:
        return None
    name = m.group("name").strip()
    words = name.lower().split()
    if _MONTH.match(name.split()[0]) or any(rules.has(kind, name) or rules.has(kind, words[0])
                                            for kind in ("exclude_before", "exclude_after", "whole_sample")):
        return None  # "Undecided 8", "Other 3", "Oct. 14", "Total 100"
    value = float(m.group("num"))
    return TableRow(name, int(value) if value.is_integer() else value, start, start + len(text),
                    m.group("group")), \
        bool(m.group("unit"))


def table_rows(units, rules: PollRules) -> dict[int, TableRow]:
    """Unit index -> its row, for every run of rows that holds a figure with a unit."""
    rows: dict[int, tuple[TableRow, bool]] = {}
    for ui, u in enumerate(units):
        found = _row(u.text, u.start_char, rules)
        if found is not None:
            rows[ui] = found
    out: dict[int, TableRow] = {}
    run: list[int] = []

    def close() -> None:
        names = [rows[i][0].name for i in run]
        if len(run) >= 2 and any(rows[i][1] for i in run) and len(set(names)) == len(names):
            group = rows[run[0]][0].population
            out.update({i: replace(rows[i][0], population=group) for i in run})

    for ui in sorted(rows):
        if run and ui - run[-1] > ROW_GAP_UNITS + 1:
            close()
            run = []
        run.append(ui)
    close()
    return out
