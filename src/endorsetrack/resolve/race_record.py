"""A race as a record: its label read into parts, and the label built back from them.

"2018 U.S. House, Florida 6th District" is year 2018, office "U.S. House", country
"United States", state "Florida", district "6th District"; "2022 UK party leadership"
is year 2022, office "party leadership", country "United Kingdom", stage "leadership
contest"; "2018 Proposition 68, California" is a ballot measure (office "ballot
measure", seat "Proposition 68", stage "measure"). Parts come from the one office
lexicon (nlp/patterns/offices.jsonl), the one place lexicon (nlp/patterns/places.jsonl),
its countries, the party adjectives (nlp/patterns/vocabulary.jsonl) and resolve/data/race_parts.jsonl
(other spellings of an office, stage words, measure and district forms).

The label is built from the parts ("{year} {office}, {city}, {county}, {state} {district}").
A race's identity stays its key (resolve/races.py): when the built label would not give
the same key as the text it was read from (a word the parts do not hold), the label is
the text as written, so a label never moves a race. Pure: text in, record out.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Optional

from ..errors import RuleFileError
from ..nlp.places import countries as place_countries
from ..nlp.places import place_rules
from ..nlp.rules import load_rules, packaged_rules
from ..nlp.vocabulary import word_map, words
from .keys import DATA_DIR
from .races import YEAR_RE, _terms, race_key, race_year

__all__ = ["RACE_PARTS", "RACE_STAGES", "RaceRecord", "parse_race", "build_label", "race_place"]

PARTS_FILE = DATA_DIR / "race_parts.jsonl"
#: The parts of a race, in the order exports and the API show them.
RACE_PARTS = ("year", "office", "country", "state", "county", "city", "district", "party", "stage")


def race_place(parts: Mapping[str, Any]) -> Optional[str]:
    """Where a race is, for a reader: its city, county and state; its country when it names no state."""
    found = [parts[p] for p in ("city", "county", "state") if parts.get(p)]
    return ", ".join(found or ([parts["country"]] if parts.get("country") else [])) or None


#: A place and a number as one part of a label: "Ohio 6" names a state's district when the place is a state.
STATE_NUMBER = re.compile(r"^(?P<place>\D+?) (?P<number>\d{1,2})$")
#: What a race's stage can be.
RACE_STAGES = ("primary", "general", "runoff", "leadership contest", "measure")
MEASURE_OFFICE = "ballot measure"
LEADERSHIP = "leadership contest"
#: Last words of a county-level place name.
COUNTY_WORDS = ("County", "Parish", "Borough")
#: Keys each kind of rule in race_parts.jsonl may carry, and those it needs.
KINDS = {"office_form": ("office", "words"),
         "stage": ("stage", "words"), "measure": ("words",), "district": ("regex", "office")}
NEEDED = {"office_form": ("office", "words"), "stage": ("stage", "words"),
          "measure": ("words",), "district": ("regex",)}


@dataclass(frozen=True)
class RaceRecord:
    year: Optional[int] = None
    office: Optional[str] = None
    country: Optional[str] = None
    state: Optional[str] = None
    county: Optional[str] = None
    city: Optional[str] = None
    district: Optional[str] = None  # a district or seat; a ballot measure's name ("Proposition 68")
    party: Optional[str] = None
    stage: Optional[str] = None
    label: str = ""

    def parts(self) -> dict:
        """The parts as a dict in RACE_PARTS order (no label)."""
        d = asdict(self)
        return {k: d[k] for k in RACE_PARTS}


@dataclass(frozen=True)
class _Lexicon:
    countries: tuple[tuple[str, str, re.Pattern], ...]  # (name, label form, words)
    country_of_office: dict[str, str]
    offices: tuple[tuple[str, re.Pattern], ...]  # (office, its forms), longest form first
    nominating: frozenset[str]
    stages: tuple[tuple[str, re.Pattern], ...]
    measure: re.Pattern
    districts: tuple[tuple[re.Pattern, Optional[str]], ...]
    parties: tuple[tuple[str, re.Pattern], ...]
    states: dict[str, tuple[str, str]]  # written form (casefolded) -> (state, country)
    filler: frozenset[str]


def _words_re(forms, flags: int = re.I) -> re.Pattern:
    alts = "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alts})(?![\w])", flags)


@lru_cache(maxsize=2)
def _lexicon(path: Path = PARTS_FILE) -> _Lexicon:
    rules = load_rules(path, kinds=KINDS)
    for rule in rules:
        missing = [k for k in NEEDED[rule["kind"]] if k not in rule]
        if missing:
            raise RuleFileError(f"rule '{rule['id']}' ({rule['kind']}) lacks {', '.join(missing)}", path=str(path))
        if rule["kind"] == "stage" and rule["stage"] not in RACE_STAGES:
            raise RuleFileError(f"rule '{rule['id']}': stage must be one of {', '.join(RACE_STAGES)}",
                                path=str(path))
    offices: dict[str, set[str]] = {}
    nominating = set()
    for rule in packaged_rules("offices", ("office", "explicit")):
        offices.setdefault(rule["office"], set()).add(rule["office"])
        if rule.get("nominating"):
            nominating.add(rule["office"])
    countries = [(c.name, c.label, _words_re(c.words, 0)) for c in place_countries() if c.words]
    country_of_office = {office: c.name for c in place_countries() for office in c.offices}
    stages, districts = [], []
    measure_words: list[str] = []
    for rule in rules:
        kind = rule["kind"]
        if kind == "office_form":
            offices.setdefault(rule["office"], set()).update(rule["words"])
        elif kind == "stage":
            stages.append((rule["stage"], _words_re(rule["words"])))
        elif kind == "measure":
            measure_words.extend(rule["words"])
        elif kind == "district":
            districts.append((re.compile(rule["regex"]), rule.get("office")))
    office_forms = sorted(((o, f) for o, fs in offices.items() for f in fs), key=lambda p: -len(p[1]))
    measure = re.compile(rf"(?<![\w.])(?:{'|'.join(re.escape(w) for w in measure_words)})"
                         r"\s+(?:No\.\s*)?[A-Z0-9][\w-]*(?![\w])")
    names = word_map("party_adjective_names")
    parties = tuple((str(names.get(p, p)).removesuffix(" Party"), _words_re([p], 0))
                    for p in sorted(words("party_adjectives"), key=len, reverse=True))
    states: dict[str, tuple[str, str]] = {}
    for place in place_rules():
        country = "United States" if place["id"].startswith("us-") else "Canada"
        for form in (place["name"], *(a for a in place.get("abbr", ()) if "." in a)):
            states[form.casefold()] = (place["name"], country)
    filler = frozenset(phrase for phrase, canonical in _terms() if not canonical)
    return _Lexicon(tuple(countries), country_of_office,
                    tuple((o, _words_re([f])) for o, f in office_forms), frozenset(nominating), tuple(stages),
                    measure, tuple(districts), parties, states, filler)


def _take(pattern: re.Pattern, text: str) -> tuple[Optional[str], str]:
    """The first match of ``pattern`` and the text with it replaced by a comma (a part boundary)."""
    m = pattern.search(text)
    if not m:
        return None, text
    return m.group(0), f"{text[:m.start()]},{text[m.end():]}"


def _trim_filler(segment: str, filler: frozenset[str]) -> str:
    """A segment without the race filler words ("race", "the", "election") at its ends."""
    ws = segment.split()
    while ws and ws[0].lower() in filler:
        ws = ws[1:]
    while ws and ws[-1].lower() in filler:
        ws = ws[:-1]
    return " ".join(ws)


@lru_cache(maxsize=4096)
def parse_race(text: Optional[str]) -> Optional[RaceRecord]:
    """The race a label names, as parts and a label built from them (None for no race).
    Cached: the writer asks for every stance's race, and an ingest names few races."""
    if text is None or not race_key(text):
        return None
    lex = _lexicon()
    written = " ".join(text.split())
    year = race_year(written)
    rest = YEAR_RE.sub(" ", written).replace("(", ",").replace(")", " ")
    office: Optional[str] = None
    stage: Optional[str] = None
    measure, rest = _take(lex.measure, rest)
    district = measure
    if measure:
        office, stage = MEASURE_OFFICE, "measure"
    else:
        for pattern, district_office in lex.districts:
            district, rest = _take(pattern, rest)
            if district:
                office = district_office
                break
    for name, pattern in lex.offices:
        if office is None:
            found, rest = _take(pattern, rest)
            office = name if found else None
    country = None
    for cname, _, pattern in lex.countries:  # every mention: "Canadian federal election, Canada"
        named = pattern.search(rest) is not None
        rest = pattern.sub(",", rest)
        if named and country is None:
            country = cname
    party = None
    for pname, pattern in lex.parties:
        found, rest = _take(pattern, rest)
        party = party or (pname if found else None)
    for sname, pattern in lex.stages:
        found, rest = _take(pattern, rest)
        stage = stage or (sname if found else None)
    state = county = city = None
    unknown: list[str] = []
    for segment in rest.split(","):
        seg = _trim_filler(segment.strip(" .;:-"), lex.filler)
        if not seg:
            continue
        known = lex.states.get(seg.casefold())
        numbered = STATE_NUMBER.match(seg)  # "Ohio 6", a table row's label: the state's 6th district
        if numbered and not known and district is None and lex.states.get(numbered.group("place").casefold()):
            known, district = lex.states[numbered.group("place").casefold()], numbered.group("number")
        if known and state is None:
            state, place_country = known
            country = country or place_country
        elif seg.split()[-1] in COUNTY_WORDS and county is None:
            county = seg
        else:
            unknown.append(seg)
    if office is None and unknown and not district:  # an office the lexicon does not know ("Public Defender")
        office = unknown.pop(0)
    if unknown:
        city = unknown.pop(0)
    if office is not None and country is None:
        country = lex.country_of_office.get(office)
    if office in lex.nominating:
        stage = LEADERSHIP
    elif stage is None and party is not None:
        stage = "primary"  # a party's own race is its nomination
    record = RaceRecord(year, office, country, state, county, city, district, party, stage)
    label = build_label(record)
    if unknown or race_key(label) != race_key(written):
        label = written  # the parts do not hold every word: keep the race's own words
    return replace(record, label=label)


def _country_label(country: Optional[str]) -> str:
    return next((label for name, label, _ in _lexicon().countries if name == country), country or "")


def build_label(r: RaceRecord) -> str:
    """The label of a race from its parts: "2018 U.S. House, Florida 6th District",
    "2022 UK party leadership, United Kingdom (Conservative)", "2015 Canadian federal election, Canada",
    "2018 Proposition 68, California"."""
    if r.stage == "measure":
        head = r.district or r.office or ""
        places = [r.city, r.county, r.state]
    else:
        prefix = _country_label(r.country) if r.country and not r.state else ""
        head = " ".join(w for w in (prefix, r.office or "") if w)
        places = [r.city, r.county, " ".join(w for w in (r.state, r.district) if w)]
        if prefix and not any(places):  # another country's national race: the country is its place
            places.append(r.country or "")
    label = ", ".join(p for p in (head, *places) if p)
    shown_stage = r.stage if r.stage in ("primary", "runoff", "general") else None
    note = " ".join(w for w in (r.party, shown_stage) if w)
    if note:
        label = f"{label} ({note})"
    return f"{r.year} {label}" if r.year else label
