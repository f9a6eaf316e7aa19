"""Which race a stance is about: office, place and year, as free text.

The office comes from what the article says about the candidate: an office word
describing the candidate ("Ohio governor hopeful Ana Ruiz", "Ana Ruiz, the Senate
nominee") weighs most, an explicit "Lamont's bid for U.S. Senate" in the name's
sentence next, a title before the name ("Sen. Joe Lieberman") least; a candidate with
none takes the article's dominant office, and an article naming no office at all its
fallback one (offices.jsonl "fallback": the presidency, or another country's national
election); a name no sentence of its own ties to an office takes the one an earlier
sentence of its paragraph names. The place is the U.S. state named with the candidate
("Iowa Rep. Ana Ruiz", "Ana Ruiz (D-Iowa)", "Ana Ruiz (IA-Sen)") or alone in the candidate's
sentences, else the one the article names most (nlp/patterns/places.jsonl), else the state
of the city it names most (places.jsonl "cities", a url host too), else the state of the
news site the url is on (places.jsonl "hosts"); a city or county office also takes the place
its paragraph opens with ("In Eastvale, ..."), else the city or county the article names
most. The year is the one the stance's sentence gives the candidate ("backed Ana Ruiz in
2016"), else the one it names ("his 2019 bid", "In 2016, ...", "six years ago"),
else the election's: the next one of the office's cycle (offices.jsonl "cycle") on or
after the published date; for an undated article the cycle year, not before the latest
year its text names, in which the election days it names fall on the country's election
weekday ("the Sept. 13 primary", "the primary vote on May 14": a Tuesday), else the year its
title, URL or text names. An undated article about a presidential election takes the election
whose candidates it names most (nlp/patterns/candidacies.jsonl, extract/candidacies.py), and one
about another country's general election the first held in or after the years it names
(places.jsonl "elections"); a candidate it ties to an office only by a title who ran for
president in the article's election runs for president.
Office cues are data (nlp/patterns/offices.jsonl).
Text in, race string out ("2006 U.S. Senate, Connecticut"); only the weekday search
reads the clock (it looks no later than the current year).
"""
from __future__ import annotations

import calendar
import re
from collections import Counter
from datetime import date
from functools import cached_property, lru_cache
from typing import Optional

from ..nlp.rules import packaged_rules
from ..nlp.vocabulary import word_map, words
from ..normalize import MONTH_STEM, MONTHS, PROSE_MONTH_DAY_RE, WEEKDAYS, month_number, office_titles
from .candidacies import candidacy_year, is_candidate, named_candidacies

# Weights of the evidence for a candidate's office. Calibrated on the seeds and dev
# set: an explicit race phrase in the candidate's sentence (3) must outweigh the
# title the candidate holds today (1), because incumbents run for other offices
# ("Secretary of State Elaine Marshall" running for the U.S. Senate).
EXPLICIT_WEIGHT = 3
TITLE_WEIGHT = 1
# How far before a name its title is looked for: a title and up to two name words
# ("Lieutenant Governor Mary Anne Cole") fit in 60 characters; twice that leaves the
# title pattern's look-behinds room. Searching the whole sentence prefix instead made
# an unpunctuated paragraph cost the square of its length.
TITLE_LOOKBACK_CHARS = 120
# An office word describing the candidate right before the name ("Ohio governor hopeful Ana Ruiz")
# is the candidate's own race, stronger than a race phrase elsewhere in the sentence (3), which
# may be another person's ("Former presidential nominee Lee Park backs Ana Ruiz ...").
DESCRIPTOR_WEIGHT = 4
#: A race phrase in an earlier sentence of a name's paragraph, counted only for a name its own sentences
#: tie to no office: as strong as an explicit one (3), so that it outweighs the article's dominant office
#: (extract/endorsements/article.py keeps a weaker office only when no office dominates).
PARAGRAPH_WEIGHT = EXPLICIT_WEIGHT



#: How many candidates of one election of the candidacies lexicon an article (dated or not) must name for a
#: candidate's title ("Gov.", "Rep.") to give way to that election's office: a candidate and a rival.
#: Set on the train set: one name alone moved a senator's re-election race to the presidency (undated);
#: a dated Senate-race article with one former presidential candidate moved the same way (review probe).
MIN_CANDIDACY_RIVALS = 2
#: Office cycles (offices.jsonl "cycle") whose next election after a given year is known.
FIXED_CYCLES = frozenset({"presidential", "even", "governor"})
#: Governors (and the offices elected with them) chosen in odd years: the year modulo 4.
ODD_YEAR_GOVERNORS = {"Virginia": 1, "New Jersey": 1, "Kentucky": 3, "Louisiana": 3, "Mississippi": 3}
#: How many words on each side of a year its history or current word may be. Set on the train
#: set: "sought a seat in the state's Senate delegation in 2010" needs 10; a verb further away belongs
#: to another clause ("members were divided over whether ... about the 2020 race").
HISTORY_WINDOW_WORDS = 10
#: The year a race label starts with.
YEAR_PREFIX = re.compile(r"^(?:19|20)\d\d ")
#: A year a stance's own sentence names: not a number naming a union local, a bill or a sum ("Local 1984").
STATED_YEAR_RE = re.compile(r"(?<![\w$.,/-])(?<!Local )(?<!No\. )(?<!Chapter )(?<!Lodge )(19[5-9]\d|20[0-4]\d)(?![\w%/-])")
#: A year a sentence counts from the article's ("six years ago", "last year"); the counts are
#: vocabulary.jsonl "race.year_counts".
RELATIVE_YEAR_RE = re.compile(r"\b(\d{1,2}|[a-z]+) years? ago\b|\b(last|next|this) year\b", re.I)
#: How many years after the article's a year its sentence names may be and still be the stance's
#: election: a stance is for an election at most a presidential term ahead; a later number is no year.
MAX_STATED_YEARS_AHEAD = 4
NEVER = re.compile(r"(?!x)x")
YEAR_RE = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
WORD_RUN = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _office_rules() -> dict[str, dict]:
    return {rule["office"]: rule for rule in packaged_rules("offices", ("office", "explicit"))}


@lru_cache(maxsize=1)
def _mentions() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((r["office"], re.compile(r["mention"], re.I if r["mention"].islower() else 0))
                 for r in _office_rules().values() if r.get("mention"))


@lru_cache(maxsize=1)
def _descriptors() -> tuple[tuple[str, re.Pattern], ...]:
    """(office, its description right before a name), from offices.jsonl "descriptor"."""
    nouns = "|".join(words("race.candidate_nouns"))
    # between the noun and the surname only the first names, after an appositive comma or colon
    return tuple((r["office"], re.compile(rf"(?:{r['descriptor']})(?:'s)? (?:race )?(?:{nouns})[,:]?"
                                          rf"(?:\s+[A-Z][\w.'’-]*){{0,3}}\s+$"))
                 for r in _office_rules().values() if r.get("descriptor"))


@lru_cache(maxsize=1)
def _descriptors_after() -> tuple[tuple[str, re.Pattern], ...]:
    """(office, its description right after a name: "Ana Ruiz, the Democratic Senate nominee",
    "Ana Ruiz II as the party's governor candidate")."""
    nouns = "|".join(words("race.candidate_nouns"))
    return tuple((r["office"], re.compile(rf"^(?: (?:Jr\.|Sr\.|I+))?(?:,| is| as) (?:the|a|an) (?:[\w'’-]+ ){{0,2}}?"
                                          rf"(?:{r['descriptor']})(?:'s)? (?:race )?(?:{nouns})\b"))
                 for r in _office_rules().values() if r.get("descriptor"))


def _office_described_after(after_name: str) -> Optional[str]:
    """The office an appositive or "as" phrase right after a name describes the person running for."""
    return next((office for office, pattern in _descriptors_after() if pattern.search(after_name)), None)


def _described_office(before_name: str) -> Optional[str]:
    """The office a candidate noun right before a name describes ("Senate hopeful Ana", "the
    Democratic gubernatorial nominee, Ana"): the one nearest the name."""
    found = [(m.start(), office) for office, pattern in _descriptors() for m in [pattern.search(before_name)] if m]
    return max(found)[1] if found else None


@lru_cache(maxsize=1)
def _offices() -> tuple[tuple[str, re.Pattern, re.Pattern], ...]:
    out = []
    for rule in packaged_rules("offices", ("office", "explicit")):
        if not office_titles(rule["id"]):
            out.append((rule["office"], re.compile(rule["explicit"], re.I), NEVER))
            continue
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

    def __init__(self, text: str, published: Optional[str] = None, url: Optional[str] = None,
                 title: Optional[str] = None):
        self.text = text
        numbered = _paragraph_sentences(text)
        self.sentences = [sent for _, sent in numbered]
        #: the paragraph number of each sentence
        self.paragraph_of = [n for n, _ in numbered]
        self._named_offices: dict[int, frozenset[str]] = {}
        self._evidence: dict[str, tuple[Optional[str], int]] = {}
        self._places: dict[str, str] = {}
        #: the title and the text, as the place, country and candidacy searches read them
        self.titled_text = titled = f"{title or ''}\n{text}"
        city = _dominant_city(titled, url)
        # an article naming no state is placed by the state of the city it names most
        self.place = _dominant_state(titled) or (city[1] if city else None) or _host_state(url)
        self.locality = _dominant_locality(titled)
        #: the city of a local race whose office the article ties to no place: the city it names most
        self.city = city[0] if city else None
        self.country = _dominant_country(titled)
        self.published_year = int(published[:4]) if published and re.match(r"\d{4}", published) else None
        url_years = YEAR_RE.findall(url or "")
        #: the year relative years count from: the published one, else the url's
        self.reference_year = self.published_year or (int(url_years[0]) if url_years else None)
        self.named_year = _named_year(text, url, title)
        #: the latest year the text itself names (not its title or url)
        self.latest_text_year = _named_year(text, None, None)
        #: the year after the latest year the text names when it tells that year as history, else that year
        self.latest_text_year_after_history = _named_year(text, None, None, after_history=True)
        #: the year the title or url names, if any
        self.title_url_year = _named_year("", url, title)
        self.named_year_after_history = _named_year(text, url, title, after_history=True)
        # a U.S. election is held on a Tuesday: "the Sept. 13 primary" fixes the year among an office's
        self.election_days = _election_days(text, _election_weekday(self.country if self.country and not self.place
                                                                    else None))
        #: the office the text's race phrases name most ("the Senate race"), if any
        self.dominant_race = race_phrase_office(text)
        self.dominant = self.dominant_race or mentioned_office(text, title)

    @cached_property
    def candidacies(self) -> dict[str, dict[int, frozenset[str]]]:
        """Each office of the candidacies lexicon -> election year -> the lexicon's full names of its
        candidates the article names."""
        return named_candidacies(self.titled_text)

    def candidacy_office(self, candidate: str) -> Optional[str]:
        """The office of the candidacies lexicon the candidate (by full name, or by a surname the article
        gives no one else) ran for in the election the
        article is about ("New Mexico Gov. Ana Ruiz" in an article of her presidential year runs for
        president, not governor). Only in an article whose race phrases name no other office most
        (``dominant_race``: "the Senate race"; an office only its titles and mentions name, "Gov.", gives
        way), or whose text names that office (offices.jsonl "explicit" or "mention": "presidential"), and
        that names a rival of the candidate's in that election too; a dated article must be of the
        election's year or the one before. None otherwise: the candidate's title or the article's
        dominant office stands (a Senate race's former governor who once ran for president)."""
        for office, years in self.candidacies.items():
            # only a race phrase outweighs the lexicon: train articles about a presidential caucus whose
            # dominant office came from its candidates' titles ("Gov.", "Rep.") lost 6 of 7 races otherwise
            if self.dominant_race not in (None, office) and not self._names_office(office):
                continue
            ran = {y for y, names in years.items() if is_candidate(candidate, names, self.text)}
            year = self.year_for(office, None, candidate) if ran else None
            if year not in ran or len(years[year]) < MIN_CANDIDACY_RIVALS:
                continue
            if self.reference_year is None or 0 <= year - self.reference_year <= MAX_YEARS_AHEAD:
                return office
        return None

    def _names_office(self, office: str) -> bool:
        """Whether the article's text names the office as a race or mentions it ("presidential")."""
        return any(o == office and p.search(self.text) for o, p, _ in _offices()) or names_office(self.text, office)

    def evidence_for(self, candidate: str) -> tuple[Optional[str], int]:
        """The office the article ties to this candidate and how strongly (0: not at all)."""
        surname = candidate.split()[-1]
        found = self._evidence.get(surname)
        if found is None:
            found = self._evidence[surname] = self._evidence_for_surname(surname)
        return found

    def _evidence_for_surname(self, surname: str) -> tuple[Optional[str], int]:
        scores: Counter = Counter()
        nearest: dict[str, int] = {}  # of offices scored alike, the one named nearest the name wins
        for k, starts in self._surname_hits(surname):
            sent = self.sentences[k]
            named = self._offices_named_in(k)
            for office, explicit, title in _offices():
                if office in named:
                    scores[office] += EXPLICIT_WEIGHT * len(starts)
                    gap = min(abs(m.start() - start) for m in explicit.finditer(sent) for start in starts)
                    nearest[office] = min(gap, nearest.get(office, gap))
                for start in starts:  # a title right before the name: look back a window, not the whole sentence
                    if title.search(sent[max(0, start - TITLE_LOOKBACK_CHARS):start]):
                        scores[office] += TITLE_WEIGHT
            for start in starts:  # the surname's matches (name.finditer(sent)): each is len(surname) long
                end = start + len(surname)
                described = _described_office(sent[max(0, start - TITLE_LOOKBACK_CHARS):start]) \
                    or _office_described_after(sent[end:end + TITLE_LOOKBACK_CHARS]) \
                    or _seat_tagged(sent[end:end + TITLE_LOOKBACK_CHARS])
                if described:
                    scores[described] += DESCRIPTOR_WEIGHT
        if not scores:
            scores = self._paragraph_evidence(surname)
        if not scores:
            return None, 0
        office = max(scores, key=lambda o: (scores[o], -nearest.get(o, len(self.text))))
        return office, scores[office]

    def paragraph_locality(self, candidate: str) -> Optional[str]:
        """The city or county the paragraph a name first appears in opens with ("In Eastvale, the
        council endorsed ..."): a roundup of local races names each race's place once for its names."""
        for k, _ in self._surname_hits(candidate.split()[-1]):
            para = self.paragraph_of[k]
            first = next(j for j in range(k, -1, -1) if j == 0 or self.paragraph_of[j - 1] != para)
            m = PARAGRAPH_PLACE.match(self.sentences[first])
            name = _place_name(m.group(1)) if m else None
            if name and not _is_state(name) and not set(name.lower().split()) & NOT_PLACE_OPENERS \
                    and not _is_person(name, self.text):
                return name
            return None
        return None

    def _paragraph_evidence(self, surname: str) -> Counter:
        """Offices the other sentences of a name's paragraphs name as a race, PARAGRAPH_WEIGHT each: a
        roundup says the race once for the names that follow ("In Eastvale, five City Council
        candidates were endorsed. Ana Ruiz received the endorsement in District 1")."""
        scores: Counter = Counter()
        for k, _ in self._surname_hits(surname):
            para = self.paragraph_of[k]
            for j in range(k - 1, -1, -1):
                if self.paragraph_of[j] != para:
                    break
                for office in self._offices_named_in(j):
                    scores[office] += PARAGRAPH_WEIGHT
        return scores

    def _surname_hits(self, surname: str) -> list[tuple[int, list[int]]]:
        """(sentence number, starts) of the whole-word occurrences of ``surname``, sentences
        in order; the same as ``re.finditer(rf"\\b{surname}\\b", sentence)`` on each sentence.

        A surname that starts with a word character can only match where a run of word
        characters starts, and that run is its own first run: the word index gives those
        places, so each candidate costs its surname's occurrences, not a pass over the
        article (a pass per candidate grew with the square of a long article's length)."""
        name = re.compile(rf"\b{re.escape(surname)}\b")
        first_run = WORD_RUN.match(surname)
        if first_run is None:  # no word character first: scan every sentence
            hits = [(k, [m.start() for m in name.finditer(sent)]) for k, sent in enumerate(self.sentences)]
            return [(k, starts) for k, starts in hits if starts]
        out: list[tuple[int, list[int]]] = []
        for k, at in self._word_runs.get(first_run.group(), ()):
            sent = self.sentences[k]
            if out and out[-1][0] == k:
                starts = out[-1][1]
                if at < starts[-1] + len(surname):
                    continue  # inside the previous match: finditer's matches do not overlap
            else:
                starts = []
            if name.match(sent, at):
                if not starts:
                    out.append((k, starts))
                starts.append(at)
        return out

    @cached_property
    def _word_runs(self) -> dict[str, list[tuple[int, int]]]:
        """Each run of word characters -> (sentence number, start) of its occurrences, in order."""
        runs: dict[str, list[tuple[int, int]]] = {}
        for k, sent in enumerate(self.sentences):
            for m in WORD_RUN.finditer(sent):
                runs.setdefault(m.group(), []).append((k, m.start()))
        return runs

    def place_of(self, candidate: str) -> Optional[str]:
        """The U.S. state the article names with this candidate, most often: right before the
        name in the same phrase ("Iowa state Sen. Ana Ruiz", "Ohio governor hopeful Ana Ruiz",
        a roundup line "Iowa Ana Ruiz (D)") or as the name's tag ("Ana Ruiz (D-Iowa)",
        "Ana Ruiz (Iowa)"). None when it names none."""
        found = self._places.get(candidate)
        if found is None:
            found = self._places[candidate] = self._place_of(candidate) or ""
        return found or None

    def _place_of(self, candidate: str) -> Optional[str]:
        counts: Counter = Counter()
        for k, m in self._name_matches(candidate):
            sent = self.sentences[k]
            start = max(0, m.start() - STATE_BEFORE_NAME_CHARS)
            # the window starts at a whole word, and one word earlier: "West Virginia" is not "Virginia"
            cut = WORD_BEFORE.search(sent, 0, start)
            start -= len(cut.group()) if cut else 0
            before = re.split(r"[,;:()\[\]—–]|\.\s+[A-Z]", sent[start:m.start()])[-1]
            tag = STATE_TAG.match(sent[m.end():])
            tagged = tag.group(1) if tag else ""
            for state in (_state_named(before), _state_named(tagged) or _postal_state(tagged)):
                if state:
                    counts[state] += 1
        if not counts:  # no state with the name: the one its sentences name, if they name one alone
            named = {state for k in {k for k, _ in self._name_matches(candidate)}
                     for state in _states_named_in(self.sentences[k])}
            return named.pop() if len(named) == 1 else None
        best = counts.most_common(1)
        return best[0][0] if best else None

    def _name_matches(self, candidate: str) -> list[tuple[int, re.Match]]:
        """(sentence number, match) of ``\\b{candidate}\\b|\\b{surname}\\b`` in every sentence, in
        order, as ``finditer`` finds them, from the word index (see ``_surname_hits``): a match
        starts where a word run starts that is the first run of the name or of the surname."""
        surname = candidate.split()[-1]
        name = re.compile(rf"\b{re.escape(candidate)}\b|\b{re.escape(surname)}\b")
        firsts = [WORD_RUN.match(candidate), WORD_RUN.match(surname)]
        if any(first is None for first in firsts):  # no word character first: search every sentence
            return [(k, m) for k, sent in enumerate(self.sentences) for m in name.finditer(sent)]
        runs = {first.group() for first in firsts if first is not None}
        places = sorted(hit for run in runs for hit in self._word_runs.get(run, ()))
        out: list[tuple[int, re.Match]] = []
        for k, at in places:
            if out and out[-1][0] == k and at < out[-1][1].end():
                continue  # inside the previous match: finditer's matches do not overlap
            m = name.match(self.sentences[k], at)
            if m:
                out.append((k, m))
        return out

    def _offices_named_in(self, k: int) -> frozenset[str]:
        """Offices sentence k names as a race, searched once per sentence however many
        candidates it holds."""
        named = self._named_offices.get(k)
        if named is None:
            sent = self.sentences[k]
            named = self._named_offices[k] = frozenset(o for o, explicit, _ in _offices() if explicit.search(sent))
        return named

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

    @cached_property
    def fallback_office(self) -> Optional[str]:
        """The office of an article that ties no candidate to one and names none (offices.jsonl
        "fallback"): a national election for an article about another country, else the presidency."""
        kind = "foreign" if self.country and not self.place else "domestic"
        return next((o for o, rule in _office_rules().items() if rule.get("fallback") == kind), None)

    def race_for(self, candidate: Optional[str], office: Optional[str] = None,
                 sentence: Optional[str] = None) -> Optional[str]:
        """The race of a candidate's stance; ``sentence`` is the stance's own, whose named year
        ("in 2016", "six years ago") says which election it is about."""
        office = office or self.office_for(candidate) or self.fallback_office
        place = (self.place_of(candidate) if candidate else None) or self.place
        if office is None:
            return None
        rule = _office_rules().get(office, {})
        if self.country and not self.place and office in FOREIGN_NAMESAKES:
            # another country's cycle is not the U.S. one
            year = stated_year(sentence, self.reference_year) or self.published_year or (
                year_of_weekdays(self.election_days, None, near=self.named_year) if self.election_days else None) \
                or self.named_year
            race = f"{self.country} {FOREIGN_NAMESAKES[office]}, {country_names()[self.country]}"
            return f"{year} {race}" if year else race
        if rule.get("national"):
            race = f"{self.country} {office}, {country_names()[self.country]}" if self.country else office
        else:
            parts = [office]
            locality = (self.paragraph_locality(candidate) if candidate else None) or self.locality or self.city
            if rule.get("local") and locality:
                parts.append(locality)
            if place and office != "president":
                parts.append(place)
            race = ", ".join(parts)
        year = self.year_for(office, sentence, candidate)
        return f"{year} {race}" if year else race

    def race_for_measure(self, measure: str, sentence: Optional[str] = None) -> str:
        """A ballot measure's race: the measure, its state and the year it is voted on (the one
        the stance's sentence names: "endorsed Proposition 11 in the 2008 election")."""
        year = self.year_for(None, sentence)
        race = f"{measure}, {self.place}" if self.place else measure
        return f"{year} {race}" if year else race

    def with_stated_year(self, race: Optional[str], sentence: Optional[str]) -> Optional[str]:
        """An article's race for a stance about no candidate, in the year the stance's sentence
        names ("did not endorse in last year's special election"), if it names one."""
        stated = stated_year(sentence, self.reference_year)
        if not race or stated is None:
            return race
        return f"{stated} {YEAR_PREFIX.sub('', race)}"

    def race_of_line_label(self, label: str) -> str:
        """The race a roundup line's own label names ("Attorney General: ..." -> "2018 Attorney
        General, Texas"): the label as the office, with the article's city or county, state and year."""
        parts = [label]
        named = _states_named_in(label)  # "U.S. House, Ohio 6": the label's own state, no other
        if self.locality and self.locality not in label and not named:
            parts.append(self.locality)
        if self.place and self.place not in label and not named:
            parts.append(self.place)
        year = self.year_for(None)
        return f"{year} {', '.join(parts)}" if year else ", ".join(parts)

    def year_for(self, office: Optional[str], sentence: Optional[str] = None,
                 candidate: Optional[str] = None) -> Optional[int]:
        """The election's year: the office's next one from the year the stance's sentence names
        for the candidate ("backed Ana Ruiz in 2016") or for all of it (else the published year,
        else the year the article names)."""
        rule = _office_rules().get(office or "", {})
        cycle = rule.get("cycle")
        stated = candidate_year(sentence, candidate, self.reference_year) or stated_year(sentence, self.reference_year)
        if stated is not None:
            return next_election(stated, cycle, self.place)
        general = _general_elections(self.country) if rule.get("fallback") == "foreign" else ()
        if self.published_year is None and general:
            # an undated article about another country's general election: the first one held in or after the
            # year its title or url names, else the latest year its text names (after it, when told as history)
            base = self.title_url_year or self.latest_text_year_after_history
            held = next((y for y in general if base is not None and y >= base), None)
            if held is not None:
                return held
        if self.published_year is None and self.title_url_year is None and office in self.candidacies:
            # an undated article about an election of the candidacies lexicon: the one whose candidates it names
            known = candidacy_year(self.candidacies[office], candidate, self.latest_text_year_after_history,
                                   self.titled_text)
            if known is not None:
                return known
        # only a fixed cycle says which election follows the ones an article recalls
        named = self.named_year_after_history if cycle in FIXED_CYCLES else self.named_year
        if self.published_year is None and self.election_days:
            # an undated article's election days outweigh the year it names: a url's year may be
            # when it was archived ("the May 4 primary" under /2014/ was 2010's: a Tuesday then)
            near = next_election(named, cycle, self.place) if named is not None else None
            # an article tells the years its text names as past or as the election's own, so the
            # election is not before the latest of them (a url's year may be an archive's: not a bound)
            found = year_of_weekdays(self.election_days, cycle, self.place, near=near,
                                     first_year=self.latest_text_year) \
                or year_of_weekdays(self.election_days, cycle, self.place, near=near)
            if found is not None:
                return found
        year = self.published_year or named
        if year is None:
            return None
        return next_election(year, cycle, self.place)


@lru_cache(maxsize=2)
def race_index(text: str, published: Optional[str] = None, url: Optional[str] = None,
               title: Optional[str] = None) -> RaceIndex:
    """The article's RaceIndex, built once however many stages ask (stances, then polls)."""
    return RaceIndex(text, published, url, title)


def poll_race(races: RaceIndex, sentence: str) -> Optional[str]:
    """The race a poll is about, as a stance about no candidate finds it: the office its sentence
    names ("the Senate race poll"), else the article's; the place and year the article's (the
    year its sentence names first)."""
    return races.race_for(None, races.office_in(sentence), sentence)


#: Words of a roundup line's label that are a status, not an office ("former", "incumbent").
NOT_LABEL_OFFICE_WORDS = frozenset({"former", "incumbent", "state", "county", "city", "school", "rep", "senator",
                                    "representative", "councilmember", "president", "secretary"})
LINE_LABEL = re.compile(r"^\s*(?P<label>[A-Z0-9][\w.'’/-]*,?(?: (?:[A-Z0-9][\w.'’/-]*,?|of|and|the|for))*?)\s*"
                        r"(?P<sep>[:–—-]\s*|\s+)$")


#: A row label that is a place and a number: "Ohio 6", a state's House district in a table of candidates.
PLACE_NUMBER = re.compile(r"^(?P<place>[A-Z][\w.]*(?: [A-Z][\w.]*){0,2}) (?P<number>\d{1,2})$")


def district_label(label: str) -> Optional[str]:
    """'Ohio 6' -> 'U.S. House, Ohio 6': a U.S. state (the place lexicon's) and a number
    label a congressional district; None for any other label."""
    from ..nlp.places import us_state_names

    m = PLACE_NUMBER.match(label.strip())
    if m is None or m.group("place") not in us_state_names():
        return None
    return f"{SEAT_OFFICES['house']}, {m.group('place')} {m.group('number')}"


def line_label(line: str, candidate: str) -> Optional[str]:
    """The office a roundup line names before its candidate ("Governor: Ana Ruiz", "District 4 Tom
    Reyes"), or None. A label joined to the name without a colon or dash must carry a number
    (a district, a ward, a place): "Senator Ana Ruiz" is a title, not a race."""
    line = line.strip()
    at = line.find(candidate)
    if at <= 0 or len(line) - len(candidate) > 80:
        return None
    m = LINE_LABEL.match(line[:at])
    if not m:
        return None
    label = m.group("label").strip(" ,")
    district = district_label(label)
    if district is not None:
        return district
    label_words = set(re.findall(r"[a-z-]+", label.lower()))
    if not label_words & (set(words("list_lines.office_words")) - NOT_LABEL_OFFICE_WORDS):
        return None
    if not m.group("sep").strip() and not re.search(r"\d", label):
        return None
    return label


def is_nomination_contest(race: Optional[str]) -> bool:
    """True when the race is itself a nomination contest (offices.jsonl "nominating": a party
    leadership, a preselection), whose stances are all "primary"."""
    if not race:
        return False
    return any(rule.get("nominating") and rule["office"] in race for rule in _office_rules().values())


#: Months before an election year's November from which a stance is for the nomination: a
#: U.S. party's primaries and caucuses start in the first months of the election year, so
#: support given in January or February of it (or in the year before) is for the primary.
#: Calibrated on the train gold: stances dated 9 or more months before their race's
#: November are primary 189 times, general 4 (and 52 give no stage); from 6 to 8 months
#: before, primary and general both occur (81 / 21), so the threshold is 9.
PRIMARY_SEASON_MONTHS = 9
#: The month of a U.S. general election.
NOVEMBER = 11
#: How many years before its election an article may be for its date to say anything:
#: an article two or more cycles early more likely recalls an earlier race.
MAX_YEARS_AHEAD = 1


def before_nominations(race: Optional[str], published: Optional[str]) -> bool:
    """True when a stance published on ``published`` falls in the nominating season of a U.S.
    race ``race`` ("2024 president" in January 2024, "2022 governor, Ohio" in October 2021).
    A foreign or national race, a ballot measure and a race with no year never do."""
    race_year = re.match(r"((?:19|20)\d\d) ", race or "")
    date = re.match(r"(\d{4})-(\d{2})", published or "")
    if not race or not race_year or not date or any(name in race for name, _ in foreign_countries()):
        return False
    rest = race[race_year.end():]
    rule = next((r for r in _office_rules().values() if rest.startswith(r["office"])), None)
    if rule is None or rule.get("national"):
        return False
    years_ahead = int(race_year.group(1)) - int(date.group(1))
    months_before = years_ahead * 12 + NOVEMBER - int(date.group(2))
    return 0 <= years_ahead <= MAX_YEARS_AHEAD and months_before >= PRIMARY_SEASON_MONTHS


def next_election(year: int, cycle: Optional[str], state: Optional[str] = None) -> int:
    """The first election year of the cycle on or after ``year``."""
    if cycle == "presidential":
        return year + (-year) % 4
    if cycle == "governor" and state in ODD_YEAR_GOVERNORS:
        return year + (ODD_YEAR_GOVERNORS[state] - year) % 4
    if cycle in ("even", "governor"):
        return year + year % 2
    return year


#: A past year (or month and year) right after a candidate's name: "endorsed Ana Ruiz in 2016, Tom Reyes in
#: May 2020". One pattern for every name (the name is checked before the match): a pattern per name
#: would be compiled per candidate.
YEAR_AFTER_NAME = re.compile(r"(?<=\w)(?:'s|’s)?,?\s+in\s+(?:" + MONTH_STEM.title()  # "(?:Jan|Feb|...)", capitalised
                             + r"[a-z]*\.?\s+)?((?:19|20)\d\d)\b(?!\s*(?:percent|%))")


def candidate_year(sentence: Optional[str], candidate: Optional[str], reference_year: Optional[int]) -> Optional[int]:
    """The year a stance's sentence gives the candidate right after the name ("the union backed
    Ana Ruiz in 2016 and Tom Reyes in 2020": 2016 for Ruiz), if it is not after the article's."""
    if not sentence or not candidate:
        return None
    surname = candidate.split()[-1]
    for m in YEAR_AFTER_NAME.finditer(sentence):
        before = sentence[:m.start()]
        if not before.endswith(surname) or re.search(r"\w$", before[:-len(surname)]):
            continue  # another word's end: "Ruizes", or the name of another
        if sentence.count("(", 0, m.start()) > sentence.count(")", 0, m.start()):
            return None  # in an aside: "Eastvale (nominated Ruiz in 2015)" recalls an earlier race
        year = int(m.group(1))
        return year if reference_year is None or year <= reference_year else None
    return None


def stated_year(sentence: Optional[str], reference_year: Optional[int]) -> Optional[int]:
    """The year a stance's sentence names: the first year written before an election noun ("the
    2008 race", "his 2019 bid") or opening the sentence ("In 2016, ..."), else one counted from
    ``reference_year`` ("six years ago", "last year").
    None when it names none, or only a number too far ahead of the reference to be an election's."""
    if not sentence:
        return None
    opening = SENTENCE_TIME.match(sentence)
    for m in STATED_YEAR_RE.finditer(sentence):
        year = int(m.group(1))
        if (reference_year is None or year <= reference_year + MAX_STATED_YEARS_AHEAD) \
                and (_election_noun_follows(sentence[m.end():]) or opening and opening.end() == m.end() + 1):
            return year
    if reference_year is None:
        return None
    counts = word_map("race.year_counts")
    for m in RELATIVE_YEAR_RE.finditer(sentence):
        if RELATIVE_CLAUSE_BEFORE.search(sentence[:m.start()]):
            continue  # "a union that four years ago backed his opponent": another stance's time
        count = (m.group(1) or m.group(2)).lower()
        if count.isdigit():
            return reference_year - int(count)
        if count in counts:
            return reference_year - int(counts[count])
    return None


#: An election noun this many words after a year at most makes the year an election's ("the 2016
#: Democratic presidential primary"); more words lose the year to another noun.
ELECTION_NOUN_WORDS = 3
#: A year that opens its sentence as the time of all of it ("In 2016, the union endorsed ...").
SENTENCE_TIME = re.compile(r"^\W*(?:(?:[Bb]ack )?[Ii]n|[Dd]uring) (?:19|20)\d\d,")
#: A relative clause opening right before a relative year: the year is that clause's.
RELATIVE_CLAUSE_BEFORE = re.compile(r"\b(?:that|who|which|whom)\s+$", re.I)


def _election_noun_follows(after_year: str) -> bool:
    """True when one of the few words right after a year is an election noun (vocabulary
    "race.election_nouns"), with no punctuation between: "2019 bid", "2016 presidential election"."""
    m = re.match(r"(?:[’']s)?((?:\s+[\w-]+){1,%d})" % ELECTION_NOUN_WORDS, after_year)
    return m is not None and any(w.lower() in words("race.election_nouns") for w in m.group(1).split())


#: The weekday (Monday 0) a U.S. election is held on: primaries, runoffs and the November
#: general election all fall on a Tuesday.
ELECTION_WEEKDAY = calendar.TUESDAY
#: The first year a weekday-dated election is looked for in; the last is the current year.
FIRST_WEEKDAY_YEAR = 1990
#: An election noun right after a month and day ("the Sept. 13 primary", "the June 6 runoff
#: election"), the nouns of vocabulary "race.election_nouns" save those of a party's own meeting.
NOT_POLLING_DAY_NOUNS = frozenset({"caucus", "caucuses", "convention", "bid", "campaign", "race", "races",
                                   "contest", "nomination", "cycle"})


#: Nouns that name an election day only in another country's English ("the coming May 9 polls"); in a
#: U.S. article "the Oct. 5 polls" are more likely surveys.
FOREIGN_POLLING_DAY_NOUNS = frozenset({"polls"})


def _general_elections(country: Optional[str]) -> tuple[int, ...]:
    """The years of a country's general elections (a label adjective: "Canadian"), from the place lexicon."""
    found = _countries_by_label().get(country) if country else None
    return found.elections if found else ()


def _election_weekday(country: Optional[str]) -> Optional[int]:
    """The weekday (Monday 0) elections are held on in a country (a label adjective: "Philippine"),
    in the United States for None; None when the lexicon does not say."""
    if country is None:
        return ELECTION_WEEKDAY
    found = _countries_by_label().get(country)
    day = (found.election_weekday if found else "").lower()
    return WEEKDAYS.index(day) if day in WEEKDAYS else None


def _election_days(text: str, election_weekday: Optional[int] = ELECTION_WEEKDAY) -> tuple[tuple[int, int, int], ...]:
    """(month, day, weekday) of the yearless dates an article gives a weekday: its own
    ("Tuesday, Sept. 13") or an election's, on the weekday of the article's country
    (``election_weekday``: "the Sept. 13 primary" is a Tuesday in a U.S. article)."""
    out = []
    nouns_of_day = set(words("race.election_nouns")) - NOT_POLLING_DAY_NOUNS
    if election_weekday is not None and election_weekday != ELECTION_WEEKDAY:
        nouns_of_day |= FOREIGN_POLLING_DAY_NOUNS
    for m in PROSE_MONTH_DAY_RE.finditer(text):
        if m.group("year"):
            continue
        weekday = next((WEEKDAYS.index(w) for w in WEEKDAYS
                        if re.search(rf"\b{w}\W{{0,3}}$", text[max(0, m.start() - 12):m.start()], re.I)), None)
        if weekday is None and election_weekday is not None:
            after = re.match(r"((?:\s+[\w-]+){1,2})", text[m.end():])
            nouns = set(w.lower() for w in after.group(1).split()) if after else set()
            if nouns & nouns_of_day or _polling_day_named_before(text[max(0, m.start() - DAY_NOUN_BEFORE_CHARS):
                                                                       m.start()]):
                weekday = election_weekday
        if weekday is not None:
            out.append((month_number(m.group("month")), int(m.group("day")), weekday))
    return tuple(out)


#: How far before a date an election noun may name it as its day ("the primary vote on May 14", "the
#: election takes place on August 18"): a noun and up to three words of its clause fit in 45 characters.
DAY_NOUN_BEFORE_CHARS = 45
#: An election noun before "on" and a date, a few words of its own clause between (no punctuation): the
#: nouns that name a polling day only ("vote" and "ballot" are also a board's or a union's own meeting).
POLLING_DAY_BEFORE = re.compile(r"\b(?:elections?|primary|primaries|runoff)(?:\s+(?!on\b)[a-z]+){0,3}\s+on\s+$", re.I)


def _polling_day_named_before(before_date: str) -> bool:
    """True when the words right before a date name it as an election's day ("faces a tight primary
    vote on May 14", "The election takes place on August 18")."""
    return POLLING_DAY_BEFORE.search(before_date) is not None


def year_of_weekdays(days: tuple[tuple[int, int, int], ...], cycle: Optional[str], state: Optional[str] = None,
                     last_year: Optional[int] = None, near: Optional[int] = None,
                     first_year: Optional[int] = None) -> Optional[int]:
    """The election year of the office's cycle, from ``first_year`` up to ``last_year`` (this year),
    in which the most (month, day)s fall on their weekday: of equals, the one nearest ``near`` (a
    year the article names), else the latest; None without days or such a year."""
    best: Optional[tuple[int, int, int]] = None
    for year in range(last_year or date.today().year, max(first_year or 0, FIRST_WEEKDAY_YEAR) - 1, -1):
        if next_election(year, cycle, state) != year:
            continue
        hits = sum(_weekday(year, m, d) == wd for m, d, wd in days)
        rank = (hits, -abs(year - near) if near is not None else 0, year)
        if hits and (best is None or rank > best):
            best = rank
    return best[2] if best else None


def _weekday(year: int, month: int, day: int) -> Optional[int]:
    try:
        return date(year, month, day).weekday()
    except ValueError:  # no such day that year (Feb. 29)
        return None


#: An office word used as a title, right before a name ("Mayor Ana Ruiz", "Texas Congressman Tom Reyes",
#: "Governor Ana Ruiz") or as a name's appositive ("Ana Ruiz, Mayor, City of Eastvale"): it says what that
#: person holds, not which race an article is about.
TITLE_BEFORE_NAME = re.compile(r"[ \t]+(?:[A-Z]\.\s*)?[A-Z][a-z]+")
TITLE_AFTER_NAME = re.compile(r"[A-Z][a-z]+,\s*$")


def dominant_office(text: str, title: Optional[str] = None) -> Optional[str]:
    """The office the article names most: by its explicit race phrases ("for governor"), else
    by any mention of the office in title and text ("the governor"), a title before a name not
    counted; None on a tie or when it names none."""
    return race_phrase_office(text) or mentioned_office(text, title)


def race_phrase_office(text: str) -> Optional[str]:
    """The office the text's explicit race phrases ("for governor", "the Senate race") name most."""
    return _most_named(text, [(o, explicit) for o, explicit, _ in _offices()])


def mentioned_office(text: str, title: Optional[str] = None) -> Optional[str]:
    """The office title and text mention most ("the governor"), a title before a name not counted."""
    return _most_named(f"{title or ''}\n{text}", list(_mentions()), skip=_title_use)


def names_office(text: str, office: str) -> bool:
    """Whether the text mentions the office at all (its offices-lexicon "mention" words)."""
    return any(o == office and regex.search(text) for o, regex in _mentions())


def _title_use(text: str, m: re.Match) -> bool:
    return bool(TITLE_BEFORE_NAME.match(text, m.end()) or TITLE_AFTER_NAME.search(text[max(0, m.start() - 40):m.start()]))


def _most_named(text: str, patterns: list[tuple[str, re.Pattern]], skip=lambda text, m: False) -> Optional[str]:
    """The office the patterns find most often in the text (None on a tie), not counting a
    match ``skip(text, match)`` rules out."""
    counts = Counter({office: sum(1 for m in regex.finditer(text) if not skip(text, m))
                      for office, regex in patterns})
    top = counts.most_common(2)
    return top[0][0] if top and top[0][1] and (len(top) < 2 or top[0][1] > top[1][1]) else None


def _named_year(text: str, url: Optional[str], title: Optional[str], after_history: bool = False) -> Optional[int]:
    """The year a dateless article is about: its title's or URL's, else the latest its text
    names. With ``after_history``, a year the text tells as history ("the party won the state
    in 2008 and 2012") counts as the year after it: the election the article is about comes
    after the ones it recalls, and an office's fixed cycle then finds it (2013 -> 2016 for
    president)."""
    for source in (title or "", url or ""):
        years = YEAR_RE.findall(source)
        if years:
            return int(years[0])
    latest: Optional[int] = None
    for sentence in _sentences(text):
        for m in YEAR_RE.finditer(sentence):
            year = int(m.group(1)) + (1 if after_history and _told_as_history(sentence, m.start(), m.end()) else 0)
            latest = year if latest is None else max(latest, year)
    return latest


def _told_as_history(sentence: str, start: int, end: int) -> bool:
    """True when the word nearest a year, of those within HISTORY_WINDOW_WORDS of it that say
    when, is a history word ("carried the county in 2008 and won it in 2012", "In 2015, he endorsed"), not one
    that keeps it current ("will", "now", "upcoming")."""
    before = re.findall(r"[a-z']+", sentence[:start].lower())[-HISTORY_WINDOW_WORDS:]
    after = re.findall(r"[a-z']+", sentence[end:].lower())[:HISTORY_WINDOW_WORDS]
    for word in _interleaved(before[::-1], after):
        if word in words("race.current_words"):
            return False
        if word in words("race.history_words"):
            return True
    return False


def _interleaved(first: list[str], second: list[str]) -> list[str]:
    """Words nearest a point first: first[0], second[0], first[1], second[1], ..."""
    out: list[str] = []
    for i in range(max(len(first), len(second))):
        out.extend(side[i] for side in (first, second) if i < len(side))
    return out


@lru_cache(maxsize=1)
def foreign_countries() -> tuple[tuple[str, re.Pattern], ...]:
    """Countries of national races (nlp/patterns/places.jsonl, "country-" ids), every one but the
    United States: the adjective a race label's office takes ("Canadian federal election", as "U.S.
    Senate" takes "U.S.") and a pattern of the words and cues that name the country in a text. The
    country's name is the label's place (as a state is a U.S. race's: "2015 Canadian federal election,
    Canada"; resolve/race_record.py reads both back from the same lexicon)."""
    from ..nlp.places import countries

    out = []
    for country in countries():
        if not country.label:
            continue
        forms = sorted({*country.words, *country.cues}, key=len, reverse=True)
        out.append((country.label, re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(f) for f in forms)})(?!\w)")))
    return tuple(out)


@lru_cache(maxsize=1)
def _countries_by_label() -> dict:
    """The place lexicon's country of each label adjective ("Canadian"; "" for the United States)."""
    from ..nlp.places import countries

    return {country.label: country for country in reversed(countries())}  # of two of one label, the first


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """The country's name of each label adjective ("Canadian" -> "Canada")."""
    return {label: country.name for label, country in _countries_by_label().items() if label}


#: U.S. offices whose name another country's race shares: a "Senate" or "president" in an article
#: about a country (and naming no U.S. state) is that country's (office -> the country's office).
FOREIGN_NAMESAKES = {"U.S. Senate": "Senate", "president": "president"}


def _dominant_country(text: str) -> Optional[str]:
    counts = Counter({name: len(pattern.findall(text)) for name, pattern in foreign_countries()})
    best = counts.most_common(1)
    return best[0][0] if best and best[0][1] else None


ABBREVIATIONS = re.compile(r"(?:\b[A-Z]|Sen|Gov|Rep|Lt|Mr|Mrs|Ms|Dr|St|Gen|Sgt|Jr|Sr|Inc|Co|Corp|Mt|Ft|No|Vs|vs)\.$")


#: Where a sentence ends: after its stop and a space, or right after a lower-case word's stop
#: when the next begins with a capitalised word (text run together from a web page: "challenger.Another").
GLUED_SENTENCES = re.compile(r"(?<=[.!?])\s+|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")


def _sentences(text: str) -> list[str]:
    """Cheap sentence split that keeps "U.S. Senate" and "Sen. Joe Lieberman" whole."""
    return [sent for _, sent in _paragraph_sentences(text)]


def _paragraph_sentences(text: str) -> list[tuple[int, str]]:
    """(paragraph number, sentence) of each sentence of ``_sentences``."""
    out: list[tuple[int, str]] = []
    for n, para in enumerate(text.split("\n")):
        buf = ""
        for piece in GLUED_SENTENCES.split(para):
            buf = f"{buf} {piece}" if buf else piece
            if not ABBREVIATIONS.search(buf):
                out.append((n, buf))
                buf = ""
        if buf:
            out.append((n, buf))
    return [(n, s) for n, s in out if s.strip()]


@lru_cache(maxsize=1)
def _state_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    from ..nlp.places import us_states

    out = []
    for name, abbreviations in sorted(us_states(), key=lambda s: -len(s[0])):  # "West Virginia" first
        forms = [rf"\b{re.escape(name)}\b"] + [rf"(?<![\w.]){re.escape(a)}(?!\w)" for a in abbreviations]
        out.append((name, re.compile("|".join(forms))))
    return tuple(out)


#: How far before a candidate's name a state still describes the candidate ("Iowa 1st District
#: Rep. Ana Ruiz", "Ohio Republican gubernatorial candidate Ana Ruiz"), within the same phrase.
#: Set on the train set, where such descriptions run up to 40 characters.
STATE_BEFORE_NAME_CHARS = 45
#: The word (and the one before it) a window cut at a given place starts inside.
WORD_BEFORE = re.compile(r"(?:\S+\s+)?\S*$")
#: A state tag right after a name: "(D-Iowa)", "(Pa.)", "(R-N.H.)", and a postal code with its seat
#: ("(D-AZ)", "(AZ)", "(AZ-Sen)", "(AZ-06)": a roundup's shorthand for a state's Senate or House seat).
STATE_TAG = re.compile(r"\s*\((?:[DRI]-)?([A-Z][\w. ]{1,20}|[A-Z]{2}-(?:\d{1,2}|AL|Sen|SEN|Gov|GOV))\)")
#: A postal code as a name's whole tag, with its seat if any: only there is "IN" or "OR" no word.
POSTAL_TAG = re.compile(r"([A-Z]{2})(?:-\w+)?")


#: The office of a postal tag's seat: "(AZ-Sen)" runs for the Senate, "(AZ-06)" and "(WY-AL)" for the House.
SEAT_TAG = re.compile(r"\s*\((?:[DRI]-)?[A-Z]{2}-(?:(?P<house>\d{1,2}|AL)|(?P<senate>Sen|SEN)|(?P<governor>Gov|GOV))\)")
SEAT_OFFICES = {"house": "U.S. House", "senate": "U.S. Senate", "governor": "governor"}


def _seat_tagged(after_name: str) -> Optional[str]:
    """The office a postal tag with a seat right after a name says the person runs for."""
    m = SEAT_TAG.match(after_name)
    return next((SEAT_OFFICES[k] for k, v in m.groupdict().items() if v), None) if m else None


def _postal_state(tag: str) -> Optional[str]:
    """The U.S. state whose postal code a name's tag is ("AZ", "AZ-06"), else None."""
    from ..nlp.places import us_postal_codes

    m = POSTAL_TAG.fullmatch(tag.strip())
    return us_postal_codes().get(m.group(1)) if m else None


@lru_cache(maxsize=1)
def _state_literals() -> tuple[tuple[str, re.Pattern, tuple[str, ...]], ...]:
    """Each state's pattern with the literal forms one of which any match of it contains."""
    from ..nlp.places import us_states

    forms = {name: (name, *abbreviations) for name, abbreviations in us_states()}
    return tuple((name, pattern, forms[name]) for name, pattern in _state_patterns())


def _states_in(text: str) -> list[tuple[str, re.Pattern]]:
    """The state patterns whose name or an abbreviation occurs in the text, in pattern order:
    a substring test per form costs far less than a regex pass over a whole article."""
    return [(name, pattern) for name, pattern, forms in _state_literals() if any(f in text for f in forms)]


def _state_named(text: str) -> Optional[str]:
    """The state a short piece of text names (the last one, nearest what follows it); a longer
    name hides the shorter one inside it ("West Virginia" is not "Virginia")."""
    found: list[tuple[int, str]] = []
    for state, pattern in _states_in(text):  # longest names first
        found.extend((m.start(), state) for m in pattern.finditer(text))
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    return max(found)[1] if found else None


def _state_counts(text: str) -> Counter:
    """How often the text names each U.S. state; a longer name hides the shorter one inside it."""
    counts: Counter = Counter()
    for state, pattern in _states_in(text):  # a state absent from the text counts 0 and changes nothing
        counts[state] += len(pattern.findall(text))
        text = pattern.sub(" ", text)
    return counts


def _states_named_in(text: str) -> set[str]:
    """Every U.S. state a piece of text names; a longer name hides the shorter one inside it."""
    return {state for state, n in _state_counts(text).items() if n}


def _dominant_state(text: str) -> Optional[str]:
    """The U.S. state the text names most; a longer name hides the shorter one inside it."""
    best = _state_counts(text).most_common(1)
    return best[0][0] if best and best[0][1] else None


PLACE_NAME = r"(?:[A-Z][a-z]+|[A-Z]\.)(?: [A-Z][a-z]+){0,2}"
LOCALITY_CUES = (
    re.compile(rf"\b({PLACE_NAME})(?:'s|’s)? (?:mayor|mayoral|Mayor|City Council|city council|city hall|City Hall|"
               rf"[Cc]ity [Ee]lections?|[Mm]unicipal [Ee]lections?)\b"),
    re.compile(rf"\b(?:[Mm]ayor|City Council|city council) of ({PLACE_NAME})"),
    re.compile(rf"\b({PLACE_NAME} County)\b"),
    re.compile(rf"^\s*({PLACE_NAME}|[A-Z][A-Z]+(?: [A-Z][A-Z]+){{0,2}})(?:,\s*[A-Z][\w.]+)?\s*(?:\((?:AP|Reuters)\))?\s*[—–-]",
               re.M),
)
NOT_PLACES = {"The", "A", "An", "This", "That", "Former", "Democratic", "Republican", "Then", "Incumbent",
              "New", "Current", "Next", "Our", "His", "Her", "Their", "Its", "As", "But", "And", "Deputy",
              "Acting", "Interim", "Vice", "Lt", "Every", "Each", "When", "While", "If", "In", "On", "For"}


#: Words of a capitalised phrase before "mayor" that make it no place ("City Council President",
#: a newspaper's "Ledger-News", a Title Case heading's "Brotherly Order Of Police").
NOT_PLACE_WORDS = {"Of", "And", "For", "Order", "Council", "Hall", "President", "Police", "Union", "Party", "State",
                   "Express", "News", "Times", "Post",
                   "Herald", "Tribune", "Journal", "Gazette", "Chronicle", "Press", "Sheriff", "Mayor",
                   "Advertisement", "Advertising", "Sponsored", "Updated", "Published", "Photo", "Video"}


def _dominant_locality(text: str) -> Optional[str]:
    """The city or county the text ties a local office to most ("Denver mayor", "mayor of
    Denver", "Orange County", a "DENVER (AP) —" dateline); else the one whose police, fire or
    school bodies it names most ("the Eastvale Police Officers Association"), a state excepted.
    A name with a word the text also uses alone is a person's ("Ana Ruiz's mayoral campaign
    ... Ruiz said"), not a place."""
    for cues in (LOCALITY_CUES, LOCALITY_BODY_CUES):
        counts: Counter = Counter()
        for cue in cues:
            for m in cue.finditer(text):
                name = _place_name(m.group(1).strip())
                if name and not _is_person(name, text) and (cues is LOCALITY_CUES or not _is_state(name)):
                    counts[name] += 1
        best = counts.most_common(1)
        if best:
            return best[0][0]
    return None


#: A paragraph opening with its place: "In Eastvale, ...", "In Osgood County, ...".
PARAGRAPH_PLACE = re.compile(rf"^\s*In ({PLACE_NAME}),")
#: Words of an opening "In ..., " that make it a time or a manner, not a place.
NOT_PLACE_OPENERS = frozenset({*WEEKDAYS, *MONTHS, "addition", "fact", "short", "total",
                               "response", "contrast", "particular", "general", "turn", "recent", "spring", "summer",
                               "fall", "autumn", "winter", "sum", "brief", "other", "years", "months", "weeks"})
#: Public bodies of a city or county whose name gives the place of a local race when no
#: office phrase does ("the Eastvale Police Officers Association", "Eastvale Public Schools").
LOCALITY_BODY_CUES = (
    re.compile(rf"\b({PLACE_NAME}) (?:Police|Fire|Firefighters|Deputy Sheriffs|Public Schools|Unified School District|"
               rf"Board of Supervisors|Metro Council|City Council|Board of Education)\b"),
)
#: Last words of a place name that also stand alone in texts ("the county", "the city").
PLACE_KIND_WORDS = frozenset({"County", "City", "Parish", "Township", "Borough"})


def _place_name(name: str) -> Optional[str]:
    """A cue's capitalised phrase as a place name, leading status words dropped; None when it is no place."""
    words = name.split()
    while words and words[0] in NOT_PLACES:
        words = words[1:]
    if not words or words[-1] in NOT_PLACES or set(words) & NOT_PLACE_WORDS:
        return None
    return " ".join(w.capitalize() if w.isupper() and len(w) > 2 else w for w in words)


#: How long a city's name must be for a url's host to name it inside a run of letters
#: ("denverpost.com"): a shorter one turns up inside other words ("tempe" in "temperature").
MIN_HOST_CITY_LETTERS = 6


@lru_cache(maxsize=1)
def _city_patterns() -> tuple[tuple[str, str, re.Pattern], ...]:
    from ..nlp.places import us_cities

    return tuple((city, state, re.compile(rf"(?<![\w.-]){re.escape(city)}(?![\w-])")) for city, state in us_cities())


def _dominant_city(text: str, url: Optional[str] = None) -> Optional[tuple[str, str]]:
    """(city, state) of the lexicon's city (places.jsonl "cities") the text names most, a city in the
    url's host counting once ("denverpost.com"); None when it names none."""
    m = re.match(r"(?:[A-Za-z]+://)?([^/?#]+)", url or "")
    host = re.sub(r"[^a-z]", "", m.group(1).lower()) if m else ""
    counts: Counter = Counter()
    for city, state, pattern in _city_patterns():
        n = len(pattern.findall(text)) if city in text else 0
        key = re.sub(r"[^a-z]", "", city.lower())
        if host and len(key) >= MIN_HOST_CITY_LETTERS and key in host:
            n += 1
        if n:
            counts[(city, state)] = n
    best = counts.most_common(1)
    return best[0][0] if best else None


def _host_state(url: Optional[str]) -> Optional[str]:
    """The U.S. state of the news site a url is on (places.jsonl "hosts": "www.desertsun.com" is
    California's), None for a site the lexicon does not place."""
    from ..nlp.places import us_hosts

    m = re.match(r"(?:[A-Za-z]+://)?([^/?#:]+)", url or "")
    labels = m.group(1).lower().split(".") if m else []
    # the host and each parent domain: "eu.desertsun.com", "desertsun.com"
    return next((us_hosts()[h] for h in (".".join(labels[i:]) for i in range(len(labels) - 1)) if h in us_hosts()), None)


def _is_person(name: str, text: str) -> bool:
    """True when a later word of a name also stands alone in the text (a surname: "Ruiz said"),
    which a place's ("San Mateo", "Orange County") does not."""
    words = name.split()
    for before, word in zip(words, words[1:]):
        if word not in PLACE_KIND_WORDS and re.search(rf"(?<!{re.escape(before)} )\b{re.escape(word)}\b", text):
            return True
    return False


def _is_state(name: str) -> bool:
    return any(pattern.fullmatch(name) for _, pattern in _state_patterns())
