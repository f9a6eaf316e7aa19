"""Endorsements stated as lines, not sentences: a list under the sentence that introduces it.

Roundups name endorsements one line each, under one sentence that says what the
lines are. Three shapes, told apart by what the introducing line ("cue") names:

- the cue names a candidate ("Here is a list of the sheriffs endorsing Rivera:"):
  each line names an endorser of that candidate (rule ``list.endorsers_of``);
- the cue names an endorser, or the article speaks as an editorial ("The Riverside
  Teachers Association issued the following endorsements:", "here are the candidates
  we support"): each line names a race and a candidate ("Governor: Ana Ruiz",
  "District 4 Tom Reyes"), or a ballot measure and a verdict ("Proposition 9
  (Transit bond): No"); rule ``list.candidates_of``;
- the cue names neither ("Here is who is backing whom:"): heading lines name the
  candidates (a name with a count, "Ana Ruiz (41)", or a name the prose before the
  list gave), and the lines under each heading its backers (rule ``list.grouped``).

A fourth shape needs no cue: a tracker's candidate heading ("ANA RUIZ (Democrat)",
"Ana Ruiz – backers: 12") over lines that each name a group of her backers after a
label ("Elected officials: Sen. Tom Reyes, Mayor Lia Park and ...", "Full list of
supporters: ..."); every name of such a line backs the heading's candidate (rule
``list.labelled_group``).

A list under an endorser may be a table of party-tagged names ("Ohio 6 Ann Lee (D)"), one row
a line or a row the page flattened into one line (tagged_rows.py): each name is a fact with
the row's label as its race ("Ohio 6": that state's House district), and the table goes on
past a sidebar about one of its candidates. A cue may also be a heading that names the
candidate's backers as a noun ("Ana Ruiz endorsers and where they went:"). A backer line's
aside may name the backer's other picks ("Eastvale (nominated Ann Lee in 2015)"; rule
``list.aside``).

A list is read paragraph by paragraph (a line is a paragraph); a short line that is
no list item (a section heading, "Last updated: ...") is passed over, prose ends the
list (a grouped list may have a few prose lines under a heading). Pure: sentence
contexts in, Endorsement values out.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ...nlp.rules import packaged_rules
from ...nlp.vocabulary import word_map, words
from ...ruledata import LazyPattern, alternation
from ...settings import DEFAULT
from ...types import Article, Endorsement, Evidence, RuleRef
from ..race import line_label
from ..mentions import MEASURE_WORDS, TITLES, Mention, SentenceContext
from ..mentions import editorial_voice, editorial_voice_in
from .candidates import find_candidates, person_like
from .endorser_roles import endorsers_of
from .frames import match_frames
from .tagged_rows import flattened_row, row_items

# A list line is short: the longest train list line ("Sagip party-list Rep. ... (independent/ PDP)")
# has 70 characters; prose lines of the same articles run 150 and more.
MAX_LINE_CHARS = 110
# ...and a line this short without sentence punctuation is a heading, not prose.
MAX_HEADING_CHARS = 70
# Fewer item lines than this are no list: one name line under a cue is often a caption.
MIN_LIST_ITEMS = 2
# Prose paragraphs between the cue and the list's first line ("Here's who backed whom." /
# a paragraph of background / the list), and under a heading of a grouped list.
MAX_PROSE_GAP = 3
# Short non-item lines in a row (section headings "State Offices", "U.S. Congress") passed over.
MAX_HEADING_RUN = 2
# Words of a name read from a line's surface when NER found none ("Aberdeen Donside").
MAX_NAME_WORDS = 6
# Words of a person's name read from a slate line's surface ("Mary Ann de Wolfe" is 4).
MAX_PERSON_WORDS = 4
# Confidence penalty of a list-line fact: the roles come from layout, not a parse.
LIST_PENALTY = 0.2
# Paragraphs under a candidate heading that its labelled group lines may come in: a tracker
# puts a caption and a few quoted backers (train: 4 prose paragraphs and a caption) between
# the heading and the full list; the next candidate heading ends the section anyway.
MAX_SECTION_PARAGRAPHS = 8
# Words of a group line's label ("Elected officials", "Full list of supporters" is 4).
MAX_LABEL_WORDS = 5
# Fewer names than this on a group line make no group: "Chair: Dana Cole" is a role, not a list.
MIN_GROUP_NAMES = 2
# ...and a line of names with no label takes more: "Tom Reyes, Lia Park" may be a byline or a caption.
MIN_NAMES_ALONE = 3

CUE_WORDS = words("list_lines.cue_words")
OPENER_WORDS = words("list_lines.opener_words")
OFFICE_WORDS = words("list_lines.office_words")
# One pattern per word list, built once: a cue word starts a word ("endors" in "endorsed"),
# an opener or office word is a whole word.
CUE_WORD = LazyPattern(lambda: re.compile(rf"\b(?:{alternation(CUE_WORDS)})"))
OPENER_WORD = LazyPattern(lambda: re.compile(rf"\b(?:{alternation(OPENER_WORDS)})\b"))
# "Ana Ruiz endorsers", "Ana Ruiz's backers": a cue word's noun of agents after a name.
BACKER_NOUN = LazyPattern(lambda: re.compile(rf"^(?:'s|’s)?\s+(?:{alternation(CUE_WORDS)})\w*ers\b", re.I))
OFFICE_WORD = LazyPattern(lambda: re.compile(rf"\b(?:{alternation(OFFICE_WORDS)})\b"))
NAME_JOINERS = words("list_lines.name_joiners")
NO_ENDORSEMENT = words("list_lines.no_endorsement")
MEASURE_WORD_FORMS = word_map("list_lines.measure_word_forms")
NOT_GROUP_LABELS = words("list_lines.not_group_labels")

# A parenthesised aside on a list line: "Eastvale (nominated Ann Lee in 2015)".
ASIDE = re.compile(r"\(([^()]{3,100})\)")
# A person named by initials and a surname, as written: "A.B. Lee", "A. B. Lee"; each initial takes
# its dot, so two capitals ("NY Times", "AP Photo", "TV News") are an acronym, not initials.
INITIALS_NAME = re.compile(r"^[A-Z]\.(?:\s?[A-Z]\.)?\s[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")
# A nickname in quotes inside a name: 'Ann "Annie" Lee'.
NICKNAME = re.compile(r"\s[\"“][A-Z][\w.'’-]*[\"”](?=\s)")
BULLET = re.compile(r"^\s*(?:[-*•·▪‣◦●–—]+|\d{1,3}[.)])\s*")
# "Ana Ruiz (41)", "Ana Ruiz (41 backers)", "Ana Ruiz – 8 nominated (12 declared support)"
COUNT_TAIL = re.compile(r"^(?P<name>[^()\d]+?)\s*(?:\(\s*\d+[^)]*\)|[–—-]\s*\d+\b.*)\s*$")
# Where the name at the head of a line ends: "Dana Cole MP for Eastvale", "Dana Cole, Mayor", "Eastvale (...)"
NAME_END = re.compile(r"\s*(?:\(|,|;|:|\s[–—-]\s|>>>|→|\bMP\b|\bMSP\b|\bMLA\b|\bMEP\b)")
# A tracker's candidate heading: a name and a tail saying whose section this is, a party
# ("ANA RUIZ (Democrat)") or a count ("Ana Ruiz (41)", "Ana Ruiz – backers: 12").
CANDIDATE_HEADING = re.compile(r"^(?P<name>[^()\d:;,–—]+?)\s*(?:\((?P<party>[^()\d]{1,30})\)"
                               r"|\(\s*\d+[^)]*\)|[–—-]\s*[^\d]{0,30}\d+\W*)\s*$")
# "Elected officials: ...": a short label, a colon, the names.
GROUP_LINE = re.compile(r"^(?P<label>[A-Z][^:;,.()\d]{1,50}?):\s+(?P<names>\S.*)$")
BARE_HEADING = re.compile(r"^(?P<name>[^()\d:;,.–—]+)$")
SEGMENT_SEPARATOR = re.compile(r"\s*[,;]\s*(?:and\s+)?")
MEASURE_VERDICT = LazyPattern(lambda: re.compile(
    rf"^(?P<word>{alternation(MEASURE_WORDS)})s?\s+(?P<number>[0-9]{{1,3}}[A-Z]?|[A-Z]{{1,2}})\b[^:—–]*?"
    r"(?:[:—–-]|\s)\s*(?P<verdict>[Yy]es|[Nn]o|YES|NO)\b\W*$"))
# A paragraph that opens with a measure's verdict: "Proposition 7: Yes. This bond would ..."
MEASURE_LEAD = LazyPattern(lambda: re.compile(
    rf"^(?P<word>{alternation(MEASURE_WORDS)})s?\s+(?P<number>[0-9]{{1,3}}[A-Z]?|[A-Z]{{1,2}})\s*[:—–-]\s*"
    r"(?P<verdict>[Yy]es|[Nn]o|YES|NO)\b"))


@lru_cache(maxsize=1)
def _rules() -> dict[str, dict]:
    return {r["id"]: r for r in packaged_rules("triggers", ("kind", "lemmas", "stance")) if r["kind"] == "list"}


@dataclass(frozen=True)
class Line:
    """One paragraph: its text (bullet stripped), evidence and the contexts of its sentences."""
    text: str
    evidence: Evidence
    contexts: tuple[SentenceContext, ...]

    @property
    def mentions(self) -> list[Mention]:
        return [m for ctx in self.contexts for m in ctx.mentions]

    @property
    def short(self) -> bool:
        return len(self.evidence.text) <= MAX_LINE_CHARS

    @property
    def heading_like(self) -> bool:
        return len(self.evidence.text) <= MAX_HEADING_CHARS or not re.search(r"[.!?]\W*$", self.evidence.text)


@dataclass
class ListReading:
    mode: str  # endorsers_of | candidates_of | grouped
    candidate: Optional[str] = None  # endorsers_of: the cue's candidate; grouped: the current heading's
    endorser: Optional[tuple[str, str, float]] = None  # candidates_of
    stance: str = "endorses"
    stage: Optional[str] = None


def list_line_endorsements(contexts: list[SentenceContext], article: Article,
                           default_stage: Optional[str]) -> list[Endorsement]:
    """Every list read under a cue line of the article."""
    lines = paragraph_lines(contexts, article)
    out: list[Endorsement] = []
    k = 0
    while k < len(lines):
        reading = _cue(lines, k)
        if reading is None:
            k += 1
            continue
        if k + 1 < len(lines) and lines[k + 1].text.rstrip().endswith(":") and _cue(lines, k + 1) is not None:
            k += 1  # a cue right over another that ends in a colon: the list is the nearer one's
            continue
        reading.stage = default_stage
        found, k = _read_list(lines, k + 1, reading, article)
        out.extend(found)
    return out + labelled_group_lines(lines, article, default_stage)


def labelled_group_lines(lines: list[Line], article: Article, default_stage: Optional[str]) -> list[Endorsement]:
    """Backers a tracker lists by group under each candidate's heading (rule ``list.labelled_group``):
    every name of a labelled line ("Unions: ...") or of a line of names alone in a heading's
    section backs its candidate. A heading with no party or count ("Ana Ruiz") counts only
    right over a labelled line."""
    rule = _rules()["list.labelled_group"]
    labelled = [_group_names(line, labelled=True) for line in lines]
    out: list[Endorsement] = []
    candidate: Optional[str] = None
    section = 0
    for k, line in enumerate(lines):
        heading = _candidate_heading(line, article, bare=k + 1 < len(lines) and labelled[k + 1] is not None)
        if heading is not None:
            candidate, section = heading, 0
            continue
        section += 1
        if candidate is None or section > MAX_SECTION_PARAGRAPHS:
            candidate = None
            continue
        names = labelled[k] or _group_names(line, labelled=False)
        if names is None or any(n == candidate or n in candidate.split() for n, _ in names):
            continue  # the candidate among the names: a line about the race ("Tags: ..."), no group of backers
        out.extend(_fact(line, (name, kind, 0.1), candidate, "endorses", default_stage, rule) for name, kind in names)
    return out


def _hyphen_joined(mentions: list[Mention], line: Line) -> list[Mention]:
    """Names NER cut at a hyphen ("Ana Ruiz" + "Park" of "Ana Ruiz-Park") joined again."""
    doc = line.contexts[0].doc
    out: list[Mention] = []
    for m in mentions:
        if out and m.start == out[-1].end + 1 and doc[out[-1].end].text == "-" \
                and not doc[out[-1].end - 1].whitespace_ and not doc[out[-1].end].whitespace_:
            last = out.pop()
            m = Mention(last.start, m.end, doc[last.start:m.end].text, last.kind, last.label)
        out.append(m)
    return out


def _candidate_heading(line: Line, article: Article, bare: bool) -> Optional[str]:
    """The candidate a tracker's heading line names ("ANA RUIZ (Democrat)", "Ana Ruiz – backers: 12";
    if ``bare``, a name alone: "Ana Ruiz"), else None."""
    text = line.text.strip()
    match = CANDIDATE_HEADING.match(text) if len(text) <= MAX_HEADING_CHARS else None
    if match is None and bare:
        match = BARE_HEADING.match(text)
    if match is None:
        return None
    name = match.group("name").strip()
    if not _is_name(name.title()) or len(name.split()) > MAX_PERSON_WORDS:
        return None
    person = next((m.text for m in line.mentions if m.kind == "person" and m.text in name), None)
    if person is not None and not person.isupper():
        return person
    if person is None and not (name.isupper() and person_like_text(name.title())):
        return None
    name = person or name
    # a name in capitals takes the spelling the article gives it elsewhere ("ANA RUIZ" -> "Ana Ruiz")
    spelled = re.search(rf"\b{re.escape(name)}\b", article.text.replace(text, ""), re.IGNORECASE)
    return spelled.group(0) if spelled and not spelled.group(0).isupper() else name.title()


def _group_names(line: Line, labelled: bool) -> Optional[list[tuple[str, str]]]:
    """The names of a labelled group line ("Elected officials: Sen. Tom Reyes, Mayor Lia Park and Rev. Abel
    Sousa"), or if not ``labelled`` of a line of names alone ("Tom Reyes, Lia Park, Abel Sousa"), as
    (name, endorser type); None when the line is no such line."""
    if not labelled:
        return _names_alone(line)
    match = GROUP_LINE.match(line.text)
    if match is None:
        return None
    label = match.group("label").strip()
    lowered = label.lower()
    plural = lowered.endswith("s")  # "State legislators", "Unions"; an office is singular ("Governor: ...")
    if len(label.split()) > MAX_LABEL_WORDS or OFFICE_WORD.search(lowered) and not plural \
            or lowered in NOT_GROUP_LABELS or not (CUE_WORD.search(lowered) or plural):
        return None
    names = [n for segment in _segments(line, match.group("names")) for n in _segment_names(line, segment)]
    return names if len(names) >= MIN_GROUP_NAMES else None


def _names_alone(line: Line) -> Optional[list[tuple[str, str]]]:
    """'Tom Reyes, Lia Park and Abel Sousa': a line that is nothing but names, each a person."""
    segments = _segments(line, line.text)
    if len(segments) < MIN_NAMES_ALONE:
        return None
    names: list[tuple[str, str]] = []
    for start, end in segments:
        text = re.sub(r"^and\s+", "", line.evidence.text[start - line.evidence.start:end - line.evidence.start]).strip()
        found = _segment_names(line, (start, end))
        if not _is_name(text) or [n for n, _ in found] != [text] or found[0][1] != "person":
            return None
        names.extend(found)
    return names


def _segments(line: Line, names: str) -> list[tuple[int, int]]:
    """Character spans of the items of a list of names (split at commas and semicolons)."""
    base = line.evidence.start + line.evidence.text.find(names)
    spans, position = [], 0
    for segment in SEGMENT_SEPARATOR.split(names):
        at = names.find(segment, position)
        spans.append((base + at, base + at + len(segment)))
        position = at + len(segment)
    return spans


def _segment_names(line: Line, span: tuple[int, int]) -> list[tuple[str, str]]:
    """The people an item names ('U.S. Sens. Tom Reyes and Lia Park'), else its one organisation."""
    start, end = span
    doc = line.contexts[0].doc
    inside = _hyphen_joined([m for m in line.mentions if start <= doc[m.start].idx < end
                             and m.kind in ("person", "org")], line)
    starts = {m.start for m in inside if m.kind == "person"}
    # a capitalised title right before a person ("Assembly Member | Rosalind Baptiste") is no name of its own
    people = [m.text for m in inside if m.kind == "person" or person_like(m) and m.end not in starts]
    if people:
        return [(p, "person") for p in people]
    return [(inside[0].text, "organization")] if len(inside) == 1 else []
def paragraph_lines(contexts: list[SentenceContext], article: Article) -> list[Line]:
    """Sentences grouped by the paragraph they are in."""
    starts = [a for a, _ in article.paragraphs] or [0]
    groups: dict[int, list[SentenceContext]] = {}
    for ctx in contexts:
        groups.setdefault(bisect_right(starts, ctx.sent.start_char) - 1, []).append(ctx)
    lines = []
    for p in sorted(groups):
        ctxs = groups[p]
        first, last = ctxs[0].sent, ctxs[-1].sent
        raw = article.text[first.start_char:last.end_char]
        stripped = raw.strip()
        if not stripped:
            continue
        start = first.start_char + raw.find(stripped)
        lines.append(Line(BULLET.sub("", stripped), Evidence(stripped, start, start + len(stripped)), tuple(ctxs)))
    return lines


def _cue(lines: list[Line], k: int) -> Optional[ListReading]:
    """The reading a cue line gives the list after it, or None when the line is no cue."""
    line = lines[k]
    text = line.evidence.text
    lowered = text.lower()
    if not CUE_WORD.search(lowered):
        return None
    if not (text.rstrip().endswith(":") or OPENER_WORD.search(lowered)):
        return None
    if k + 1 >= len(lines):
        return None
    ctx = line.contexts[-1]
    candidate, endorser = None, None
    for sent_ctx in reversed(line.contexts):  # the sentence nearest the list first
        for frame in match_frames(sent_ctx.sent):
            cands, generic = find_candidates(frame, sent_ctx)
            if cands and not generic and candidate is None and sent_ctx is ctx:
                candidate = cands[0][0]
            resolved = endorsers_of(frame, sent_ctx)
            if any(_dateline(e[0], line) for e in resolved):
                # "it" taken for the dateline's place: the one organisation the sentence names instead
                orgs = [m for m in sent_ctx.mentions if m.kind == "org" and not _dateline(m.text, line)]
                resolved = [(orgs[0].text, "organization", 0.2)] if len(orgs) == 1 else []
            named = [e for e in resolved if not _bare_plural(e[0]) and (e[1] != "person" or person_like_text(e[0]))]
            if named and endorser is None:
                endorser = named[0]
    candidate = candidate or _heading_candidate(line)
    if candidate is not None and _names_person(line, candidate):
        return ListReading("endorsers_of", candidate=candidate)
    if endorser is not None and endorser[1] != "desc":
        return ListReading("candidates_of", endorser=endorser)
    if editorial_voice_in(ctx):
        return ListReading("candidates_of", endorser=editorial_voice(ctx))
    return ListReading("grouped")


def _heading_candidate(line: Line) -> Optional[str]:
    """The person a cue names as the one its lines back: "Ana Ruiz endorsers:", "Ana Ruiz's backers
    and where they stand now:" (a cue word's noun of agents right after the name)."""
    doc = line.contexts[0].doc
    for m in line.mentions:
        if m.kind == "person" and BACKER_NOUN.match(line.evidence.text[doc[m.end - 1].idx + len(doc[m.end - 1].text)
                                                                       - line.evidence.start:]):
            return m.text
    return None


def measure_name(word: str, number: str) -> str:
    """'Prop 51' -> 'Proposition 51': the written-out measure word and the number."""
    return f"{MEASURE_WORD_FORMS.get(word.lower(), word)} {number}"


def _dateline(name: str, line: Line) -> bool:
    """'PORT ELLIS, Calder —': a place in capitals that opens a paragraph is where, not who."""
    text = line.contexts[0].article.text
    return name.isupper() and len(name) > 4 and re.search(rf"(?m)^\W*(?:date \S+ )?{re.escape(name)},", text) is not None


def _bare_plural(name: str) -> bool:
    """'MPs', 'members', 'sheriffs': a group the list itself names, not an endorser."""
    return " " not in name.strip() and name.endswith("s") and (name.islower() or name[:-1].isupper())


def person_like_text(name: str) -> bool:
    return person_like(Mention(0, 0, name, "person"))


def _names_person(line: Line, candidate: str) -> bool:
    return any(m.text == candidate and m.kind in ("person", "measure", "party") for m in line.mentions) \
        or any(candidate in m.text for m in line.mentions if m.kind == "person")


def _read_list(lines: list[Line], k: int, reading: ListReading, article: Article) -> tuple[list[Endorsement], int]:
    """The facts of the list starting at line k, and the index of the first line after it."""
    found: list[Endorsement] = []
    prose, headings, items = 0, 0, 0
    prior_people = _prior_people(lines[:k])
    grouped = reading.mode == "grouped"
    tagged = False  # the list's items are rows of party-tagged names: a table
    while k < len(lines):
        line = lines[k]
        lead = MEASURE_LEAD.match(line.text) if reading.mode == "candidates_of" else None
        if lead:  # "Proposition 7: Yes. This bond would ...": an item however long its argument
            measure = measure_name(lead.group("word"), lead.group("number"))
            stance = "endorses" if lead.group("verdict").lower() == "yes" else "opposes"
            found.append(_fact(line, reading.endorser, measure, stance, "general", _rules()["list.candidates_of"]))
            items += 1
            prose = headings = 0
            k += 1
            continue
        row = _row_facts(line, reading) if reading.mode == "candidates_of" else None
        if row:  # "Ohio 1 Ann Lee (D) 6 Tom Reyes (D) ...": a table row the page flattened into one line
            found.extend(row)
            items += 1
            tagged = True
            prose = headings = 0
            k += 1
            continue
        if not line.short:
            resumed = _table_resumes(lines, k) if tagged else None
            if resumed is not None:  # a sidebar about one candidate inside the table, then more rows
                k = resumed
                continue
            prose += 1
            if (items and not grouped) or prose > MAX_PROSE_GAP:
                break
            k += 1
            continue
        heading = _heading(line, prior_people) if grouped or not items else None
        counted = heading is not None and COUNT_TAIL.match(line.text) is not None
        if heading is not None and (grouped or counted or _next_is_item(lines, k, reading)):
            reading.mode, reading.candidate = "grouped", heading
            grouped = True
            prose = headings = 0
            k += 1
            continue
        facts = _item(line, reading)
        if facts is None:
            headings += 1
            if not line.heading_like or headings > MAX_HEADING_RUN and not grouped:
                break
            k += 1
            continue
        found.extend(facts)
        items += 1
        tagged = tagged or reading.mode == "candidates_of" and row_items(line.text) is not None
        prose = headings = 0
        k += 1
    if items < MIN_LIST_ITEMS:
        return [], k
    return found, k


def _next_is_item(lines: list[Line], k: int, reading: ListReading) -> bool:
    return k + 1 < len(lines) and lines[k + 1].short and _name_head(lines[k + 1].text) is not None \
        and reading.mode != "candidates_of"


def _row_facts(line: Line, reading: ListReading, flattened: bool = True) -> Optional[list[Endorsement]]:
    """The facts of a table row of tagged names (if ``flattened``, of several: "Ohio 1 Ann Lee (D)
    6 Tom Reyes (D)"), one per name, each with its own stretch of the line as evidence and the
    row's place and district number as its race label; None when the line is no such row."""
    doc = line.contexts[0].doc
    base = line.evidence.start + line.evidence.text.find(line.text)
    people = tuple((doc[m.start].idx - base, doc[m.end - 1].idx + len(doc[m.end - 1].text) - base)
                   for m in line.mentions if m.kind == "person")
    items = flattened_row(line.text, people) if flattened else row_items(line.text, people)
    if items is None:
        return None
    rule = _rules()["list.candidates_of"]
    out = []
    for item in items:
        evidence = Evidence(line.text[item.start:item.end], base + item.start, base + item.end)
        piece = Line(evidence.text, evidence, line.contexts)
        out.append(_fact(piece, reading.endorser, item.name, reading.stance, reading.stage, rule, race=item.label))
    return out


def _table_resumes(lines: list[Line], k: int) -> Optional[int]:
    """Where a table of tagged rows goes on after the prose at line k (a sidebar: a heading and a
    paragraph or few about one candidate), or None when no row comes within the prose gap."""
    for j in range(k + 1, min(len(lines), k + 1 + MAX_PROSE_GAP)):
        if row_items(lines[j].text) is not None:
            return j
    return None


def _prior_people(lines: list[Line]) -> set[str]:
    return {m.text for line in lines for m in line.mentions if m.kind == "person"}


def _heading(line: Line, prior_people: set[str]) -> Optional[str]:
    """A grouped list's heading: a name with a count, or alone on its line and named before."""
    counted = COUNT_TAIL.match(line.text)
    if counted and _is_name(counted.group("name")):
        name = counted.group("name").strip()
        person = next((m.text for m in line.mentions if m.kind == "person" and m.text in name), None)
        return person or name
    text = line.text.strip()
    if text in prior_people and _is_name(text):
        return text
    return None


def _item(line: Line, reading: ListReading) -> Optional[list[Endorsement]]:
    """The facts of one item line, or None when the line is no item of this list."""
    if reading.mode == "candidates_of":
        return _slate_item(line, reading)
    if reading.candidate is None:
        return None
    endorser = _line_endorser(line)
    if endorser is None:
        return None
    if endorser[0] == reading.candidate:
        return []  # a candidate's own nomination: an item of the list, no endorsement
    rule = _rules()["list.endorsers_of" if reading.mode == "endorsers_of" else "list.grouped"]
    return [_fact(line, endorser, reading.candidate, reading.stance, reading.stage, rule)] \
        + _aside_picks(line, endorser, reading)


def _aside_picks(line: Line, endorser: tuple[str, str, float], reading: ListReading) -> list[Endorsement]:
    """The other picks a backer line's aside names (rule ``list.aside``): "Eastvale (nominated Ann Lee
    in 2015; Tom Reyes in 2016)" -- each person of a clause that opens with a cue word, or that
    follows such a clause, is the line's endorser's pick too; a negated clause ("did not
    nominate") names none."""
    doc = line.contexts[0].doc
    out: list[Endorsement] = []
    for aside in ASIDE.finditer(line.evidence.text):
        cued = False
        at = line.evidence.start + aside.start(1)
        for clause in aside.group(1).split(";"):
            start, end = at, at + len(clause)
            at = end + 1
            lowered = clause.strip().lower()
            if CUE_WORD.match(lowered):
                cued = True
            elif not cued or CUE_WORD.search(lowered) or not clause.strip()[:1].isupper():
                cued = False  # "did not nominate", "none in 2015": no pick
                continue
            people = [m.text for m in line.mentions if start <= doc[m.start].idx < end
                      and (m.kind == "person" or m.kind == "org" and person_like(m))]
            # the clause is the evidence: the year it names is its pick's ("in 2015"), not the list's
            text = clause.strip()
            at_text = start + clause.find(text)
            piece = Line(text, Evidence(text, at_text, at_text + len(text)), line.contexts)
            out.extend(_fact(piece, endorser, p, "endorses", reading.stage, _rules()["list.aside"])
                       for p in people if p != endorser[0])
    return out


def _line_endorser(line: Line) -> Optional[tuple[str, str, float]]:
    """The endorser a line names: its person (after a title: "Bay Sheriff Dana Cole"), else the name at its head."""
    # a nickname in quotes is no part of the name: "Sheriff Ann "Annie" Lee" is Sheriff Ann Lee
    plain = NICKNAME.sub(lambda m: " " * len(m.group()), line.text)
    spaced = _name_head(plain)
    if spaced is None:
        return None
    head = " ".join(spaced.split())
    head_end = line.evidence.start + line.evidence.text.find(line.text) + plain.find(spaced) + len(spaced)
    people = [m for m in line.mentions if m.kind == "person" and line.contexts[0].doc[m.start].idx < head_end]
    if people:
        if plain != line.text and len(people) > 1 and head.endswith(f"{people[-2].text} {people[-1].text}"):
            return f"{people[-2].text} {people[-1].text}", "person", 0.0  # NER's halves of the name
        return _whole_name(people[-1].text, head), "person", 0.0
    if person_like_text(head):
        return head, "person", 0.1
    return head, "organization", 0.1


def _whole_name(person: str, head: str) -> str:
    """The person a line names, with the given name the line writes before the surname NER kept
    alone ("Ann Lee MP for Eastvale": NER's "Lee" is "Ann Lee", not another Lee of the article)."""
    words_ = head.split()
    if " " in person or len(words_) < 2 or words_[-1] != person:
        return person
    if {words_[-2].lower(), words_[-2].lower().strip(".")} & set(TITLES):
        return person  # "Sen. Lee": a title, no given name
    whole = f"{words_[-2]} {person}"
    return whole if person_like_text(whole) else person


def _name_head(text: str) -> Optional[str]:
    head = NAME_END.split(text, maxsplit=1)[0].strip()
    return head if _is_name(head) else None


def _is_name(text: str) -> bool:
    tokens = text.strip().split()
    if not 1 <= len(tokens) <= MAX_NAME_WORDS or not tokens[0][:1].isupper():
        return False
    return all(t[:1].isupper() or t.lower() in NAME_JOINERS or t == "&" for t in tokens) \
        and not any(c.isdigit() for c in text)


def _slate_item(line: Line, reading: ListReading) -> Optional[list[Endorsement]]:
    """'Governor: Ana Ruiz', 'District 4 Tom Reyes (unopposed)', 'Proposition 9 (Transit bond): No',
    'Court of Appeals, Place 8: No endorsement'."""
    rule = _rules()["list.candidates_of"]
    verdict = MEASURE_VERDICT.match(line.text)
    if verdict:
        measure = measure_name(verdict.group("word"), verdict.group("number"))
        stance = "endorses" if verdict.group("verdict").lower() == "yes" else "opposes"
        return [_fact(line, reading.endorser, measure, stance, "general", rule)]
    tail = line.text.split(":", 1)[1] if ":" in line.text else line.text
    if any(tail.strip().lower().startswith(w) for w in NO_ENDORSEMENT) and ":" in line.text:
        # the race is the line's label ("Court of Appeals, Place 8: No endorsement"), if it names an office
        return [_fact(line, reading.endorser, None, "declines", reading.stage, rule,
                      race=line_label(line.text, tail.strip()))]
    row = _row_facts(line, reading, flattened=False)
    if row and len(row) == 1:  # "Ohio 6 Ann Lee (D)": one row of a table of tagged names
        return row
    offset = line.evidence.start + line.evidence.text.find(tail)
    doc = line.contexts[0].doc
    people = [m for m in line.mentions if m.kind == "person" and doc[m.start].idx >= offset
              and not _in_parentheses(line, doc[m.start].idx)]
    if people and (":" in line.text or _office_before(line, doc[people[0].start].idx)):
        return [_fact(line, reading.endorser, people[0].text, reading.stance, reading.stage, rule)]
    name = _trailing_name(tail)  # NER found no person: "District 4 Dana Cole (unopposed)"
    if name is not None and (":" in line.text or _office_before(line, line.evidence.start + line.evidence.text.rfind(name))):
        return [_fact(line, reading.endorser, name, reading.stance, reading.stage, rule)]
    return None


def _trailing_name(text: str) -> Optional[str]:
    """The capitalised words that end a slate line before any parenthesis, past its office words."""
    words_ = text.split("(")[0].split()
    name: list[str] = []
    written: list[str] = []  # the words as written, an initial's dot kept
    for w in reversed(words_):
        bare = w.strip(".,;:")
        if not bare[:1].isupper() or bare.lower() in OFFICE_WORDS or any(c.isdigit() for c in bare) \
                or len(name) == MAX_PERSON_WORDS:
            break
        name.insert(0, bare)
        written.insert(0, w.strip(",;:") if len(written) else bare)
    joined = " ".join(name)
    if INITIALS_NAME.match(" ".join(written)):  # "A.B. Lee": initials and a surname, a person however NER saw it
        return " ".join(written)
    return joined if len(name) >= 2 and person_like_text(" ".join(name[-3:])) else None


def _office_before(line: Line, char: int) -> bool:
    """Nothing, or words that say which race, before the name ('District 4', 'Mayor', 'Arkansas 2')."""
    before = line.evidence.text[:char - line.evidence.start].strip(" -–—•*·●")
    lowered = before.lower()
    return not before or len(before) <= MAX_HEADING_CHARS // 2 and (
        bool(OFFICE_WORD.search(lowered))
        or bool(re.search(r"\d", before)) or _is_name(before))


def _in_parentheses(line: Line, char: int) -> bool:
    before = line.evidence.text[:char - line.evidence.start]
    return before.count("(") > before.count(")")


def _fact(line: Line, endorser: Optional[tuple[str, str, float]], candidate: Optional[str], stance: str,
          stage: Optional[str], rule: dict, race: Optional[str] = None) -> Endorsement:
    """``race``: the race label the layout gives the line (a table row's "Ohio 6"), which the
    article's race assignment completes; None when the line gives none."""
    assert endorser is not None
    ctx = line.contexts[0]
    return Endorsement(endorser=endorser[0], endorser_type=endorser[1], candidate=candidate, stance=stance,
                       stage=stage, evidence=line.evidence,
                       confidence=round(max(0.3, DEFAULT.base_confidence - endorser[2] - LIST_PENALTY), 2),
                       rule=RuleRef(rule["id"], rule["version"]), date=ctx.article.published, race=race)

