"""Find percentage figures in text: single shares, 'A to B' pairs, lists, and margins.

A regex pass over characters, not tokens: it is the cheap scan that decides whether a
sentence can hold poll figures at all, before any parse-tree work. Numbers may be
digits or words ("three percent", "twenty-one percent"); units are "%", "percent",
"per cent" and "pct". "Points" and "percentage points" are margins, never shares.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ...normalize import MONTH_STEM

_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
          "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}

_WORD_NUM = (r"(?:(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(_UNITS) + r"))?"
             r"|" + "|".join(_TEENS) + r"|" + "|".join(_UNITS) + r"|zero|one hundred|a hundred)")
NUM = r"(?:\d{1,3}(?:\.\d+)?|" + _WORD_NUM + r")"
SHARE_UNIT = r"(?:\s?%|\s?percent\b|\s?per\s?cent\b|\s?pct\b\.?)"
MARGIN_UNIT = r"(?:\s?-?\s?percent(?:age)?[- ]points?\b|\s?-?\s?points?\b|\s?-?\s?pts?\b\.?)"
# A dash only between digits: "twenty-one" is one number; "51-to-32" is a pair.
_SEP = r"(?:\s*-to-\s*|\s*(?:to|–|—)\s*|\s*-\s*(?=\d))"

# Order matters: pairs and lists before singles, so "49 percent to 38 percent" is one pair.
_PAIR_RE = re.compile(rf"(?<![\w.])(?P<a>{NUM})(?P<ua>{SHARE_UNIT})?{_SEP}(?P<b>{NUM})(?P<ub>{SHARE_UNIT})?(?![\w])", re.I)
_LIST_RE = re.compile(rf"(?<![\w.])(?P<nums>{NUM}(?:\s*,\s*{NUM})*,?\s+and\s+{NUM}){SHARE_UNIT}", re.I)
_SINGLE_RE = re.compile(rf"(?<![\w.])(?P<a>{NUM}){SHARE_UNIT}", re.I)
_MARGIN_RE = re.compile(rf"(?<![\w.])(?P<a>{NUM}(?:{_SEP}{NUM})?){MARGIN_UNIT}", re.I)
_ANY_NUM_RE = re.compile(rf"(?<![\w.]){NUM}(?![\w])", re.I)
# "leads 52-44", "leads Roe 57/30" (a slash: month/day dates sum under BARE_PAIR_MIN_SUM).
_BARE_PAIR_RE = re.compile(r"(?<![\w.,/-])(?P<a>\d{2})(?:\s*(?:-|–|—)\s*|/|\s+to\s+|-to-)(?P<b>\d{1,2})"
                           r"(?![\w%/-]|\s*(?:percent|per cent|pct))")
# "with Smith at 14" in a sentence that gives other figures with a unit: the unit is
# understood. Only "at"/"on" + a one- or two-digit number (or one in words: "the
# Greens on nine") that ends the clause counts.
_BARE_AT_RE = re.compile(r"(?<=\b(?:at|on) )(?P<a>\d{1,2}|" + _WORD_NUM + r")"
                         r"(?=\s*(?:[,;)]|\.(?!\d)|$|\s(?:and|with|while|but)\b))", re.I)
# "Varga 22 percent, Templeton 18, Kowalczyk 11" and "Strand (R) 45, Okoro (D) 39": after a
# figure with a unit that follows a name, a bare one- or two-digit number right after
# another name (or a party tag) takes the same unit. It must end a list item.
_BARE_LIST_RE = re.compile(r"(?<=[A-Za-z)] )(?P<a>\d{1,2})(?=\s*(?:[,;]|\.(?!\d)|$|\s(?:and|with)\b|\s*[—–]))")
# "had Smith 48, Jones 44" / "Smith (R) 45, Jones (D) 39": two names each with a bare
# two-digit figure, in a sentence that speaks of a poll; read as two bare singles.
_NAME_NUM = r"[A-Z][\w'’.-]+(?:\s\([A-Z]\))?\s(\d{2})"
_BARE_NAME_PAIR_RE = re.compile(rf"(?<![\w.])(?:{_NAME_NUM})\s*[,;]\s*(?:{_NAME_NUM})"
                                r"(?=\s*(?:[,;]|\.(?!\d)|$|\s*[—–]|\s(?:and|with)\b))")
_NAME_BEFORE = re.compile(r"(?:\b[A-Z][\w'’.-]*|\([A-Z][\w.]{0,3}\))\s$")
_AGE_BEFORE = re.compile(r"\b(?:aged?|ages|between)\s*$", re.I)  # "voters aged 18 to 34"
_MONTH_BEFORE = re.compile(MONTH_STEM + r"[a-z]*\.?\s*$", re.I)  # "Oct. 14", "August 17"
# A bare pair's two figures must add up to a plausible two-way race, not a date range.
BARE_PAIR_MIN_SUM, BARE_PAIR_MAX_SUM = 50, 100
# A one-digit second figure ("Democrats back Jones 88-6") is a lopsided subgroup only when
# the first is a majority; "10-5" or "12-8" read as counts or dates. Partisan subgroups run
# 80-95 to 3-10 in the probe sets; 50 keeps every majority.
BARE_PAIR_ONE_DIGIT_MIN_FIRST = 50

# "the Alliance is down 1.5% to 40.5%", "Labor by three to 36%", "up one point to 29 per cent": a
# change, then the value it came to. Such a "pair" is one share, the second figure.
_CHANGE_BEFORE = re.compile(r"\b(?:up|down|by|rose|rising|fell|falling|dropped|dropping|slipped|slipping|climbed|"
                            r"climbing|gained|gaining|lost|losing|jumped|increased|decreased|dipped|edged up|"
                            r"edged down)\s*(?:a further\s*|another\s*)?$", re.I)
# "about 80 to 90%", "between 40 and 45 percent", "roughly 30 to 35 percent": a low figure, then a
# higher one, after a word of estimate: a range someone guesses, not two sides' shares.
_APPROX_BEFORE = re.compile(r"\b(?:about|around|roughly|approximately|some|between|an estimated)\s*$", re.I)
# "climbed from 34 to 35 per cent", "dropped from 12 per cent to 8": the same side's value in the
# last poll, then now -- a "trend", whose second figure is the side's share (the first, an
# older poll's, is left out like "up from 40%": giving it cost val precision, gained train nothing).
_FROM_BEFORE = re.compile(r"\bfrom\s*$", re.I)
# "at 9% and 4% respectively": figures, each with its unit, zipped with the names before.
_RESPECTIVE_RE = re.compile(rf"(?<![\w.])(?P<nums>{NUM}{SHARE_UNIT}(?:\s*,\s*{NUM}{SHARE_UNIT})*,?\s+and\s+{NUM}"
                            rf"{SHARE_UNIT})(?=,?\s+respectively\b)", re.I)

# "four in ten voters", "one in five": a share in words whose value is exact (a tenth, a fifth,
# a quarter); "one in three" is left out (33 or 33.3 or the figure in brackets after it).
_IN_N_RE = re.compile(r"(?<![\w.])(?P<k>one|two|three|four|five|six|seven|eight|nine|[1-9]) in (?P<n>ten|10|five|four)\b"
                      r"(?!\s*\(\s*\d)", re.I)
_IN_N_DENOMINATORS = {"ten": 10, "10": 10, "five": 5, "four": 4}

# The cheap gate: can this text hold a share at all?
SHARE_CUE_RE = re.compile(r"\d\s?%|\bpercent\b|\bper\s?cent\b|\bpct\b", re.I)


@dataclass(frozen=True)
class Share:
    """One figure, or a group of figures read together ('44 percent to 42 percent').

    ``kind`` is "single", "pair" or "series"; ``spans`` holds each value's own
    character span; ``start``/``end`` cover the whole group. Offsets are absolute.
    """

    kind: str  # "single", "pair", "series" or "trend" (one side's earlier value, then now)
    values: tuple[float, ...]
    spans: tuple[tuple[int, int], ...]
    start: int
    end: int
    bare: bool = False  # written without a unit: a pair ("leads 52-44") needs a lead/trail
    # verb, a single ("with Smith at 14") the name right before "at"


def word_number(text: str) -> Optional[float]:
    """'three' -> 3, 'twenty-one' -> 21, '44.5' -> 44.5; None when not a number."""
    t = text.strip().lower()
    try:
        return float(t)
    except ValueError:
        pass
    if t in ("one hundred", "a hundred"):
        return 100.0
    if t == "zero":
        return 0.0
    if t in _UNITS:
        return float(_UNITS[t])
    if t in _TEENS:
        return float(_TEENS[t])
    parts = re.split(r"[- ]", t)
    if parts[0] in _TENS and (len(parts) == 1 or (len(parts) == 2 and parts[1] in _UNITS)):
        return float(_TENS[parts[0]] + (_UNITS[parts[1]] if len(parts) == 2 else 0))
    return None


def _clean(v: Optional[float]) -> Optional[float]:
    if v is None or v < 0 or v > 100:
        return None
    return int(v) if float(v).is_integer() else v


def is_share_unit(tok) -> bool:
    """Is the token a share's unit ("%", "percent", "pct", the "cent" of "per cent")?"""
    return tok.text == "%" or tok.lower_ in ("percent", "pct", "cent")


def has_share_cue(text: str, allow_bare: bool = False) -> bool:
    """Can ``text`` hold a share? ``allow_bare`` also counts unit-less pairs ("52-44")."""
    if SHARE_CUE_RE.search(text) is not None:
        return True
    return allow_bare and (_BARE_PAIR_RE.search(text) is not None or _BARE_NAME_PAIR_RE.search(text) is not None)


def find_margins(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Spans of margins ('1 percentage point', 'by 5 points'): not candidate shares."""
    return [(m.start() + offset, m.end() + offset) for m in _MARGIN_RE.finditer(text)]


def find_shares(text: str, offset: int = 0, allow_bare: bool = False) -> list[Share]:
    """Every share figure or figure group in ``text``, in order, without overlaps.

    ``allow_bare`` also reads unit-less pairs ("leads 52-44") and, next to other figures,
    unit-less singles after "at"/"on" ("with Smith at 14"); callers allow it only in
    sentences that speak of a poll.
    """
    taken: list[tuple[int, int]] = [(a - offset, b - offset) for a, b in find_margins(text, offset)]
    found: list[Share] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in _RESPECTIVE_RE.finditer(text):
        parts = [p for p in _ANY_NUM_RE.finditer(m.group("nums"))]
        vals = [_clean(word_number(p.group(0))) for p in parts]
        if len(parts) < 2 or any(v is None for v in vals):
            continue
        base = m.start("nums") + offset
        found.append(Share("series", tuple(v for v in vals if v is not None),
                           tuple((base + p.start(), base + p.end()) for p in parts), m.start() + offset,
                           m.end() + offset))
        taken.append((m.start(), m.end()))
    for m in _PAIR_RE.finditer(text):
        if not (m.group("ua") or m.group("ub")) or not free(m.start(), m.end()):
            continue
        a, b = _clean(word_number(m.group("a"))), _clean(word_number(m.group("b")))
        if a is None or b is None:
            continue
        a_end = m.end("ua") if m.group("ua") else m.end("a")
        before = text[max(0, m.start() - 20):m.start()]
        if a < b and _APPROX_BEFORE.search(before):  # "about 80 to 90%": a range, no matchup
            taken.append((m.start(), m.end()))
            continue
        if a < b and _CHANGE_BEFORE.search(before):  # "down 1.5% to 40.5%": the value it came to
            found.append(Share("single", (b,), ((m.start("b") + offset, m.end() + offset),),
                               m.start("b") + offset, m.end() + offset))
            taken.append((m.start(), m.end()))
            continue
        kind = "trend" if _FROM_BEFORE.search(before) else "pair"
        found.append(Share(kind, (a, b), ((m.start("a") + offset, a_end + offset),
                                          (m.start("b") + offset, m.end() + offset)),
                           m.start() + offset, m.end() + offset))
        taken.append((m.start(), m.end()))
    for m in _LIST_RE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        parts = list(_ANY_NUM_RE.finditer(m.group("nums")))
        vals = [_clean(word_number(p.group(0))) for p in parts]
        if len(parts) < 2 or any(v is None for v in vals):
            continue
        base = m.start("nums") + offset
        values = tuple(v for v in vals if v is not None)  # all of them: a None was skipped above
        found.append(Share("series", values, tuple((base + p.start(), base + p.end()) for p in parts),
                           m.start() + offset, m.end() + offset))
        taken.append((m.start(), m.end()))
    for m in _IN_N_RE.finditer(text):
        k, n = word_number(m.group("k")), _IN_N_DENOMINATORS[m.group("n").lower()]
        if k is None or k >= n or not free(m.start(), m.end()):
            continue
        v = _clean(100.0 * k / n)
        if v is not None:
            found.append(Share("single", (v,), ((m.start() + offset, m.end() + offset),),
                               m.start() + offset, m.end() + offset))
            taken.append((m.start(), m.end()))
    for m in _SINGLE_RE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        v = _clean(word_number(m.group("a")))
        if v is None:
            continue
        found.append(Share("single", (v,), ((m.start() + offset, m.end() + offset),),
                           m.start() + offset, m.end() + offset))
        taken.append((m.start(), m.end()))
    if allow_bare:
        for m in _BARE_PAIR_RE.finditer(text):
            a, b = int(m.group("a")), int(m.group("b"))
            if not free(m.start(), m.end()) or not BARE_PAIR_MIN_SUM <= a + b <= BARE_PAIR_MAX_SUM \
                    or (len(m.group("b")) == 1 and a < BARE_PAIR_ONE_DIGIT_MIN_FIRST) \
                    or _MONTH_BEFORE.search(text[max(0, m.start() - 12):m.start()]) \
                    or _AGE_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
                continue
            found.append(Share("pair", (a, b), ((m.start("a") + offset, m.end("a") + offset),
                                                (m.start("b") + offset, m.end("b") + offset)),
                               m.start() + offset, m.end() + offset, bare=True))
            taken.append((m.start(), m.end()))
        for m in _BARE_NAME_PAIR_RE.finditer(text):
            if not free(m.start(), m.end()) or not BARE_PAIR_MIN_SUM <= int(m.group(1)) + int(m.group(2)) \
                    <= BARE_PAIR_MAX_SUM:
                continue
            for g in (1, 2):
                found.append(Share("single", (int(m.group(g)),), ((m.start(g) + offset, m.end(g) + offset),),
                                   m.start(g) + offset, m.end(g) + offset, bare=True))
            taken.append((m.start(), m.end()))
        if found:
            for m in _BARE_AT_RE.finditer(text):
                value = _clean(word_number(m.group("a")))
                if free(m.start(), m.end()) and value is not None:
                    found.append(Share("single", (value,), ((m.start() + offset, m.end() + offset),),
                                       m.start() + offset, m.end() + offset, bare=True))
                    taken.append((m.start(), m.end()))
    _list_continuations(text, offset, found, free, taken)
    return sorted(found, key=lambda s: s.start)


def _list_continuations(text: str, offset: int, found: list[Share], free, taken) -> None:
    """Bare list items after a named figure with a unit (see _BARE_LIST_RE)."""
    heads = [s for s in found if s.kind == "single" and not s.bare
             and _NAME_BEFORE.search(text[max(0, s.start - offset - 30):s.start - offset])]
    if not heads:
        return
    first = min(s.end for s in heads) - offset
    for m in _BARE_LIST_RE.finditer(text, first):
        if free(m.start(), m.end()) and _NAME_BEFORE.search(text[max(0, m.start() - 30):m.start()]):
            found.append(Share("single", (int(m.group("a")),), ((m.start() + offset, m.end() + offset),),
                               m.start() + offset, m.end() + offset, bare=True))
            taken.append((m.start(), m.end()))


def parse_margin_of_error(text: str) -> Optional[float]:
    """'margin of error of plus or minus 3.5 percentage points' / 'a 4 percent margin of error'."""
    m = re.search(r"margin of (?:sampling )?error(?: (?:is|was|of))?(?: (?:plus or minus|\+/-|±|\+-))?\s*"
                  rf"(?P<v>{NUM})\s*(?:%|percent|per cent|percentage points?|points?)", text, re.I)
    if not m:
        m = re.search(rf"(?:(?:plus or minus|\+/-|±)\s*)?(?P<v>{NUM})(?:\s*|-)(?:%|percent|per cent|"
                      r"percentage[- ]points?|points?)(?:-| )(?:point )?margin of (?:sampling )?error", text, re.I)
    if not m:
        return None
    v = word_number(m.group("v"))
    return _clean(v) if v is not None else None


def parse_sample(text: str) -> tuple[Optional[int], Optional[str], int]:
    """'poll of 625 likely city voters' -> (625, 'likely voters', offset of the match).

    (None, None, -1) when the text states no sample.
    """
    m = re.search(r"(?:of|among|surveyed|interviewed|polled|questioned|contacted)\s+(?P<n>\d{1,3}(?:,\d{3})+|\d{2,6})\s+"
                  r"(?P<u>(?:[a-z-]+\s+){0,3}?(?:voters|adults|residents|respondents|caucusgoers|"
                  r"caucus-goers|people|Americans|Democrats|Republicans|independents))", text, re.I)
    if not m:
        return None, None, -1
    size = int(m.group("n").replace(",", ""))
    universe = m.group("u").lower()
    if "likely" in universe:
        universe = "likely voters"
    elif "registered" in universe:
        universe = "registered voters"
    elif "adult" in universe:
        universe = "adults"
    return size, universe, m.start()
