"""Poll tables flattened into lines: one candidate and one figure per line.

"Ames 39%", "Roe 35", "Voss 10" (a newspaper's box, one row per paragraph);
"Hale | 51% |", "Penn | 2 |" (a table with its cells kept); "- Tarrant-Lowe 20%" (a
bulleted list). Each line is only a name and a figure, so the name need not be a person
the parser knows: the line's shape says it is a side. A run of such lines counts when one
of them carries a unit (%, percent): a run of bare numbers could be anything (scores,
dates, page numbers). Words that are not sides ("Undecided", "Other", a month) are left out.

A table may hold more than one poll, one per column: "Lib Dems | 34% | 31% |" (a later
column of cells), "Roe – 32 percent with independents (42 percent in full sample)" (a
bracket the first row says is the whole sample), and a table whose every cell became a line
of its own ("Roe", "47", "45", "Fry", "25", "24" under a header with "%"). The later columns
are the row's ``extras``: each column is a poll item of its own, of the whole sample.
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
_ROW = re.compile(r"^[-•*–—·\[\]º|\s]*(?:\[[a-z]+\]º?)?(?P<name>[A-Z][\w'’.]*(?:[ -][A-Z][\w'’.]*){0,2})\s*[|:,–—-]?\s*"
                  r"(?P<num>\d{1,2}(?:\.\d+)?)\s*(?P<unit>%|percent\b|per cent\b|pct\b)?\s*\|?"
                  r"(?P<cells>(?:\s*\d{1,2}(?:\.\d+)?\s*%?\s*\|)+)?"
                  r"(?:\s+(?:with|among)\s+(?P<group>[a-z][a-z-]*(?: [a-z][a-z-]*){0,2}))?"
                  r"(?:\s*\((?P<bracket>\d{1,2}(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)?"
                  r"(?P<btext> [a-z ]{1,30})?\))?\s*$")
# A line that is one table cell: a figure ("47", "4.5", "47%") or a name (one to three
# capitalised words), for tables whose every cell became a line of its own.
_CELL_NUMBER = re.compile(r"^\d{1,2}(?:\.\d+)?%?$")
_CELL_NAME = re.compile(r"^[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}$")
# A table of cell lines needs a line that is only a unit ("%") or names a poll this many
# lines before its first row (the column headers: "Current Poll", "(Sep 14-16)", "%").
CELL_HEADER_REACH_UNITS = 8
# ... and at least this many rows, so that a stray name followed by a number is no table.
CELL_TABLE_MIN_ROWS = 3
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
    extras: tuple[float, ...] = ()  # the row's figures in later columns, each column a poll
    run: int = 0  # which table the row belongs to (the unit of its first row)
    units: int = 1  # how many lines the row takes (a name line and its figure lines, for cell tables)


def _row(text: str, start: int, rules: PollRules) -> Optional[tuple[TableRow, bool, bool]]:
    """A table row, whether its figure has a unit, and whether it opens later columns."""
    m = _ROW.match(text)
    if m is None:
        return None
    name = m.group("name").strip()
    words = name.lower().split()
    if _MONTH.match(name.split()[0]) or any(rules.has(kind, name) or rules.has(kind, words[0])
                                            for kind in ("exclude_before", "exclude_after", "whole_sample")):
        return None  # "Undecided 8", "Other 3", "Oct. 14", "Total 100"
    cells = tuple(_number(x) for x in re.findall(r"\d{1,2}(?:\.\d+)?", m.group("cells") or ""))
    bracket = (_number(m.group("bracket")),) if m.group("bracket") else ()
    # "(42 percent in full sample)" after a subgroup's figure: the bracket is the whole sample's column
    whole = bool(bracket) and bool(m.group("group")) and any(
        rules.has("whole_sample", w) and w not in ("the", "of") for w in (m.group("btext") or "").split())
    row = TableRow(name, _number(m.group("num")), start, start + len(text), m.group("group"), cells or bracket)
    return row, bool(m.group("unit")), bool(cells) or whole


def _number(text: str) -> float:
    value = float(text)
    return int(value) if value.is_integer() else value


def table_rows(units, rules: PollRules) -> dict[int, TableRow]:
    """Unit index -> its row, for every run of rows that holds a figure with a unit."""
    rows: dict[int, tuple[TableRow, bool, bool]] = {}
    for ui, u in enumerate(units):
        found = _row(u.text, u.start_char, rules)
        if found is not None:
            rows[ui] = found
    out: dict[int, TableRow] = {}
    run: list[int] = []

    def close() -> None:
        names = [rows[i][0].name for i in run]
        if len(run) >= 2 and (any(rows[i][1] for i in run) or _unit_header(units, run[0], rules)) \
                and len(set(names)) == len(names):
            first, _, columns = rows[run[0]]
            # Later columns count when the first row opens them (cells after its first, or a
            # bracket it says is the whole sample); else a row's "(10)" is an earlier figure.
            out.update({i: replace(rows[i][0], population=first.population, run=run[0],
                                   extras=rows[i][0].extras if columns else ()) for i in run})

    for ui in sorted(rows):
        if run and ui - run[-1] > ROW_GAP_UNITS + 1:
            close()
            run = []
        run.append(ui)
    close()
    out.update(_cell_rows(units, rules, set(out)))
    return out


def _unit_header(units, first: int, rules: PollRules) -> bool:
    """"The poll percentages were:" right before a run of bare rows: a line that ends in a
    colon and names the unit or a poll gives the rows their unit."""
    if first == 0:
        return False
    text = units[first - 1].text.strip()
    return text.endswith(":") and (_HEADER_UNIT.search(text) is not None
                                   or rules.regex("poll_word").search(text) is not None)


_HEADER_UNIT = re.compile(r"percent|per cent|%", re.I)


def _cell_rows(units, rules: PollRules, taken: set[int]) -> dict[int, TableRow]:
    """Rows of a table whose every cell is a line: a name line, then the same number of
    figure lines for every row ("Roe", "47", "45", "Fry", "25", "24"), under a header with a
    unit line ("%") or a poll word. Each row is keyed by its name line; figure lines after
    the first column are its extras."""
    out: dict[int, TableRow] = {}
    ui = 0
    while ui < len(units):
        rows: list[tuple[int, TableRow]] = []
        width = None
        j = ui
        while j < len(units) and j not in taken and _CELL_NAME.match(units[j].text.strip()):
            k = j + 1
            while k < len(units) and _CELL_NUMBER.match(units[k].text.strip()):
                k += 1
            n = k - j - 1
            if n == 0 or (width is not None and n != width):
                break
            width = n
            name = units[j].text.strip()
            values = tuple(_number(units[x].text.strip().rstrip("%")) for x in range(j + 1, k))
            if not (_MONTH.match(name.split()[0]) or any(rules.has(kind, name) or rules.has(kind, name.lower().split()[0])
                                                         for kind in ("exclude_before", "exclude_after", "whole_sample"))):
                rows.append((j, TableRow(name, values[0], units[j].start_char, units[k - 1].end_char,
                                         extras=values[1:], run=ui, units=k - j)))
            j = k
        header = units[max(0, ui - CELL_HEADER_REACH_UNITS):ui]
        if len(rows) >= CELL_TABLE_MIN_ROWS and any(
                u.text.strip() == "%" or rules.regex("poll_word").search(u.text) for u in header):
            names = [r.name for _, r in rows]
            if len(set(names)) == len(names):
                out.update(dict(rows))
        ui = max(j, ui + 1)
    return out
