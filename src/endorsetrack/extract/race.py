"""Which race a stance is about: office, place and year, as free text.

The office comes from what the article says about the candidate: an explicit
"Lamont's bid for U.S. Senate" near the name weighs most, a title before the name
("Sen. Joe Lieberman") less; a candidate with neither takes the article's dominant
office. The place is the U.S. state (or city, for mayors) the article names most,
the year the article's publication year. Office cues are data
(nlp/patterns/offices.jsonl). Pure: text in, race string out ("U.S. Senate, Connecticut").
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Optional

from ..nlp.rules import packaged_rules
from ..nlp.vocabulary import words
from ..normalize import office_titles

# Weights of the evidence for a candidate's office. Calibrated on the seeds and dev
# set: an explicit race phrase in the candidate's sentence (3) must outweigh the
# title the candidate holds today (1), because incumbents run for other offices
# ("Secretary of State Elaine Marshall" running for the U.S. Senate).
EXPLICIT_WEIGHT = 3
TITLE_WEIGHT = 1

STATES = {
    "Alabama": "Ala.", "Alaska": "Alaska", "Arizona": "Ariz.", "Arkansas": "Ark.", "California": "Calif.",
    "Colorado": "Colo.", "Connecticut": "Conn.", "Delaware": "Del.", "Florida": "Fla.", "Georgia": "Ga.",
    "Hawaii": "Hawaii", "Idaho": "Idaho", "Illinois": "Ill.", "Indiana": "Ind.", "Iowa": "Iowa",
    "Kansas": "Kan.", "Kentucky": "Ky.", "Louisiana": "La.", "Maine": "Maine", "Maryland": "Md.",
    "Massachusetts": "Mass.", "Michigan": "Mich.", "Minnesota": "Minn.", "Mississippi": "Miss.",
    "Missouri": "Mo.", "Montana": "Mont.", "Nebraska": "Neb.", "Nevada": "Nev.", "New Hampshire": "N.H.",
    "New Jersey": "N.J.", "New Mexico": "N.M.", "New York": "N.Y.", "North Carolina": "N.C.",
    "North Dakota": "N.D.", "Ohio": "Ohio", "Oklahoma": "Okla.", "Oregon": "Ore.", "Pennsylvania": "Pa.",
    "Rhode Island": "R.I.", "South Carolina": "S.C.", "South Dakota": "S.D.", "Tennessee": "Tenn.",
    "Texas": "Texas", "Utah": "Utah", "Vermont": "Vt.", "Virginia": "Va.", "Washington": "Wash.",
    "West Virginia": "W.Va.", "Wisconsin": "Wis.", "Wyoming": "Wyo.",
}
STATEWIDE = words("statewide_offices")


@lru_cache(maxsize=1)
def _offices() -> tuple[tuple[str, re.Pattern, re.Pattern], ...]:
    out = []
    for rule in packaged_rules("offices", ("office", "explicit")):
        titles = "|".join(re.escape(t) for t in sorted(office_titles(rule["id"]), key=len, reverse=True))
        # "state Sen." holds a state seat: not evidence for the U.S. office of the same title
        # and "former Gov." holds no office; "Club for Growth President" heads an organisation
        title_re = re.compile(rf"(?<![\w.])(?<!state )(?<!State )(?<!former )(?<!Former )(?<!ex-)"
                              rf"(?<![A-Z][\w.]{{1}} )(?<![A-Z][\w.]{{2}} )(?<![A-Z][\w.]{{3}} )(?<![A-Z][\w.]{{4}} )"
                              rf"(?<![A-Z][\w.]{{5}} )(?<![A-Z][\w.]{{6}} )(?<![A-Z][\w.]{{7}} )"
                              rf"(?:{titles})\s+(?:[A-Z][\w.'’-]*\s+){{0,2}}$")
        out.append((rule["office"], re.compile(rule["explicit"], re.I), title_re))
    return tuple(out)


class RaceIndex:
    """Races of one article: built once, asked per candidate."""

    def __init__(self, text: str, published: Optional[str] = None):
        self.text = text
        self.sentences = _sentences(text)
        self.place = _dominant_state(text)
        self.year = published[:4] if published and re.match(r"\d{4}", published) else None
        counts: Counter = Counter()
        for office, explicit, _ in _offices():
            counts[office] = len(explicit.findall(text))
        top = counts.most_common(2)
        self.dominant = top[0][0] if top and top[0][1] and (len(top) < 2 or top[0][1] > top[1][1]) else None

    def evidence_for(self, candidate: str) -> tuple[Optional[str], int]:
        """The office the article ties to this candidate and how strongly (0: not at all)."""
        surname = candidate.split()[-1]
        scores: Counter = Counter()
        for sent in self.sentences:
            for m in re.finditer(rf"\b{re.escape(surname)}\b", sent):
                for office, explicit, title in _offices():
                    if explicit.search(sent):
                        scores[office] += EXPLICIT_WEIGHT
                    if title.search(sent[:m.start()]):
                        scores[office] += TITLE_WEIGHT
        if not scores:
            return None, 0
        office, score = scores.most_common(1)[0]
        return office, score

    def office_in(self, text: str) -> Optional[str]:
        """An office a piece of text names as a race ("In the race for attorney general, ...")."""
        for office, explicit, _ in _offices():
            if explicit.search(text):
                return office
        return None

    def office_for(self, candidate: Optional[str]) -> Optional[str]:
        if not candidate:
            return self.dominant
        office, _ = self.evidence_for(candidate)
        return office or self.dominant

    def race_for(self, candidate: Optional[str], office: Optional[str] = None) -> Optional[str]:
        office = office or self.office_for(candidate)
        if office is None:
            return None
        parts = [office]
        if self.place and office in STATEWIDE | {"U.S. House"}:
            parts.append(self.place)
        race = ", ".join(parts)
        return f"{self.year} {race}" if self.year else race


ABBREVIATIONS = re.compile(r"(?:\b[A-Z]|Sen|Gov|Rep|Lt|Mr|Mrs|Ms|Dr|St|Gen|Sgt|Jr|Sr|Inc|Co|Corp|Mt|Ft|No|Vs|vs)\.$")


def _sentences(text: str) -> list[str]:
    """Cheap sentence split that keeps "U.S. Senate" and "Sen. Joe Lieberman" whole."""
    out: list[str] = []
    for para in text.split("\n"):
        buf = ""
        for piece in re.split(r"(?<=[.!?])\s+", para):
            buf = f"{buf} {piece}" if buf else piece
            if not ABBREVIATIONS.search(buf):
                out.append(buf)
                buf = ""
        if buf:
            out.append(buf)
    return [s for s in out if s.strip()]


def _dominant_state(text: str) -> Optional[str]:
    counts: Counter = Counter()
    for state, abbrev in STATES.items():
        counts[state] += len(re.findall(rf"\b{state}\b", text))
        if abbrev != state:
            counts[state] += len(re.findall(rf"(?<![\w.]){re.escape(abbrev)}(?!\w)", text))
    best = counts.most_common(1)
    return best[0][0] if best and best[0][1] else None
