"""The per-sentence context of endorsement extraction, and lists of names.

``SentenceContext`` holds a sentence, its mentions and the mentions of the sentences
before it (for references); ``expand_list`` turns the one name a frame's role points
at into every name of its list ("the UAW, the SEIU and a Teamsters local",
"Carpenters Local 43 and 24"). Pure: reads the parse, writes nothing.
"""
from __future__ import annotations

import re
from typing import Optional

from ...nlp.build import doc_text, sent_text
from ...nlp.vocabulary import words
from ...normalize import view
from ...ruledata import LazyPattern, alternation
from ...types import Evidence
from .coordination import possessor_of_name, tolerant_list
from .detect import Mention


LIST_SEPARATORS = re.compile(r"^\s*(?:,|and|&|or|, and|, or|as well as|along with|plus|nor|and by|, and by|and from)?\s*$",
                             re.I)  # "backed by Laborers' Local 220 and by Mayor Ines Farago"


LIST_TITLES = LazyPattern(lambda: re.compile(  # "Lodge 18 and Mayor Ines Farago": no list break
    rf"(?i)\b(?:{alternation(view('between_list_items'))})(?=\s|$)"))


PERSON_DESCRIPTION = re.compile(r"(?:\b(?!(?:and|or|nor|plus|with|as|the|a|an)\b)[a-z][\w-]*\s+){1,4}$")  # "school trustee"
ORG_DESCRIPTION = re.compile(r"(?:\b(?!(?:and|or|nor|plus|with|as)\b)[a-z][\w-]*\s+){0,3}"
                             r"(?:group|union|organi[sz]ation|association|coalition|committee|pac|federation|council|"
                             r"club|network|alliance)\s+$")
TITLED_DESCRIPTION = LazyPattern(lambda: re.compile(  # "and Salem City Councilor Marcus Lindqvist"
    rf"(?:[A-Z][\w.'-]*\s+){{0,3}}(?:{alternation(view('in_descriptions'))})\s+$"))
PLACE_DESCRIPTION_WORDS = words("place_description_words")
GERUND_TRIGGERS = words("gerund_triggers")
PARENTHETICAL = re.compile(r"\([^()]{0,80}\)")


NUMBERED_LIST = re.compile(r"^(.*\b(?:Local|Council|District Council|Lodge))s?\s+(\d+)((?:\s*(?:,|and|&)\s*\d+)+)$")


def as_person(m: Mention, people: set[str]) -> Mention:
    """NER tags a surname as ORG or GPE in one sentence and PERSON in another;
    a name the article uses for a person elsewhere is a person here too."""
    if m.kind == "org" and m.label in ("ORG", "GPE", "caps") and m.text in people:
        return Mention(m.start, m.end, m.text, "person", "PERSON")
    return m


def place_of_person(m: Mention, doc) -> bool:
    """'Mayor Dennis Okoro of Harwich': a one-word name right after a person's 'of' says
    where (or what) that person is of, not a second person, though NER often tags it PERSON."""
    return m.kind == "person" and m.end - m.start == 1 and m.start >= 2 and doc[m.start - 1].lower_ == "of" \
        and doc[m.start - 2].ent_type_ == "PERSON"


def as_place(m: Mention, places: set[str]) -> Mention:
    """A one-word 'person' the article names as a person's place elsewhere is that place."""
    if m.kind == "person" and m.text in places and " " not in m.text:
        return Mention(m.start, m.end, m.text, "org", "GPE")
    return m


def sentence_evidence(sent) -> Evidence:
    """The sentence, without the paragraph break it may end in; offsets stay exact."""
    text = sent_text(sent)
    start = sent.start_char + (len(text) - len(text.lstrip()))
    stripped = text.strip()
    return Evidence(stripped, start, start + len(stripped))


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside double quotes, paired per paragraph."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        marks = [para.start() + i for i, c in enumerate(para.group()) if c in '"“”']
        spans.extend(zip(marks[::2], marks[1::2]))
    return spans


class SentenceContext:
    """One sentence, what the article has said before it and, for descriptions that
    are named later, the mentions of the next few sentences."""

    def __init__(self, sent, mentions, history, people_surnames, article, *, all_history=(),
                 quoted=(), races=None, last_org_endorser=None, byline=None, following=(),
                 all_following=(), latest_body=None):
        self.sent = sent
        self.doc = sent.doc
        self.mentions = mentions
        self.history = history  # mentions of the last few sentences (references look here)
        self.all_history = all_history or history  # every earlier sentence (a newspaper named once)
        self.people_surnames = people_surnames
        self.article = article
        self.quoted = quoted  # character spans inside quotation marks
        self.races = races
        self.last_org_endorser = last_org_endorser  # (name, type, penalty) of the latest "won the X endorsement"
        self.latest_body = latest_body  # (name, type, penalty) of the latest organisation that endorsed in the article
        self.byline = byline
        self.following = following  # mentions of the next few sentences (a description named later)
        self.all_following = all_following or following  # every later sentence (a newspaper named later)
        self.coordination: dict[str, dict] = {}  # name -> coordination rule that let it into a list

    def mention_for(self, i: Optional[int], via_possessor: bool = True) -> Optional[Mention]:
        """The mention that token i heads or lies in; else one inside its noun phrase."""
        if i is None:
            return None
        for m in self.mentions:
            if m.covers(i):
                return m
        tok = self.doc[i]
        if tok.pos_ in ("VERB", "AUX"):
            return None
        if tok.dep_ == "appos":  # "Unite Scotland, the union's Scottish region, which had voted"
            named = next((m for m in self.mentions if m.covers(tok.head.i) and m.kind in ("org", "person")), None)
            if named is not None:
                return named
        # an appositive names the phrase itself ("Dean's other backer, the SEIU,"); a
        # possessor names someone else and comes last
        order = ("appos", "compound", "amod", "nmod") + (("poss",) if via_possessor else ())
        for dep in order:
            inner = [t.i for t in tok.children if t.dep_ == dep]
            near = [m for m in self.mentions if any(m.covers(j) for j in inner)]
            if near:
                return near[0]
        # "the endorsement of the AFSCME Council 61" when the pobj is "Council".
        sub = [m for m in self.mentions if tok.left_edge.i <= m.start and m.end <= tok.right_edge.i + 1
               and (via_possessor or self.doc[m.end - 1].dep_ != "poss")]
        return sub[0] if sub and via_possessor else None


def is_subject(m: Mention, ctx: SentenceContext) -> bool:
    return any(ctx.doc[i].dep_ in ("nsubj", "nsubjpass") for i in range(m.start, m.end))


def _subject_of_verb(m: Mention, ctx: SentenceContext) -> bool:
    """A subject of a verb (not of a noun, as in a garbled parse of "IBEW Local 8 and ...")."""
    return any(ctx.doc[i].dep_ in ("nsubj", "nsubjpass") and ctx.doc[i].head.pos_ in ("VERB", "AUX")
               for i in range(m.start, m.end))


CONJUNCTION = re.compile(r"(?i)\b(?:and|or|nor|plus|as well as|along with)\b|&")


def _in_parentheses(m: Mention, ctx: SentenceContext) -> bool:
    """'the Pennsylvania State Education Association (PSEA)': the acronym is an alias."""
    return m.start > 0 and ctx.doc[m.start - 1].text == "(" and m.end < len(ctx.doc) and ctx.doc[m.end].text == ")"


def _between(a: Mention, b: Mention, ctx: SentenceContext) -> str:
    text = doc_text(ctx.doc)
    return text[ctx.doc[a.end - 1].idx + len(ctx.doc[a.end - 1]):ctx.doc[b.start].idx]


def expand_list(m: Mention, ctx: SentenceContext) -> list[Mention]:
    """The mention plus its list neighbours joined by commas/and; numbered locals split."""
    items = [m]
    text = doc_text(ctx.doc)
    ms = [x for x in ctx.mentions if x.kind in ("org", "desc", "person", "party", "ref", "measure")
          and not _in_parentheses(x, ctx) and not possessor_of_name(x, ctx)
          and not (x.label in ("GPE", "caps") and ctx.doc[x.start:x.end].root.dep_ in ("compound", "nmod", "amod")
                   and x.end < ctx.sent.end and ctx.doc[x.end].lower_ in PLACE_DESCRIPTION_WORDS)]  # "Salem City Councilor X"
    if m in ms:
        k = ms.index(m)
        for step in (1, -1):
            j = k
            while 0 <= j + step < len(ms):
                a, b = (ms[j], ms[j + step]) if step == 1 else (ms[j + step], ms[j])
                between = text[ctx.doc[a.end - 1].idx + len(ctx.doc[a.end - 1]):ctx.doc[b.start].idx]
                between = PARENTHETICAL.sub("", between)
                between = re.sub(r"(?i)\b(the|a|an)\b", "", between)
                between = LIST_TITLES.sub("", between)
                if a.kind == b.kind == "person":  # ", former school trustee Dev Grewal and community advocate X"
                    between = PERSON_DESCRIPTION.sub("", TITLED_DESCRIPTION.sub("", between))
                if a.kind in ("org", "desc") and b.kind == "org":  # "... Lodge 18 and the anti-tax group X"
                    between = ORG_DESCRIPTION.sub("", between)
                if not between.strip():
                    break  # adjacent names with nothing between them ("his union") are no list
                if not LIST_SEPARATORS.match(between) or ms[j + step].kind != m.kind and \
                        not {ms[j + step].kind, m.kind} <= {"org", "desc", "ref", "person"}:
                    break
                if ms[j + step].label == "GPE":
                    break
                if _subject_of_verb(ms[j + step], ctx) and not is_subject(m, ctx):
                    break  # "endorsing McKee, and Senate President Ruggerio followed suit"
                nxt = ms[j + step]
                if nxt.end < len(ctx.doc) and ctx.doc[nxt.end].lower_ in GERUND_TRIGGERS:
                    break  # "Oakes endorsing Munson and Ruiz backing Pryor": Ruiz starts a new pair
                if nxt.start > 0 and ctx.doc[nxt.start - 1].pos_ == "VERB" or step == -1 and nxt.start > 0 \
                        and ctx.doc[nxt.start - 1].lower_ in GERUND_TRIGGERS:
                    break  # ... and Cruz, right after a verb, is that verb's object ("X, and would have backed Y")
                items.append(ms[j + step])
                j += step
    items.sort(key=lambda x: x.start)
    if len(items) > 1 and not any(CONJUNCTION.search(_between(a, b, ctx)) for a, b in zip(items, items[1:])):
        items = [m]  # "The Metro Firefighters, IAFF Local 1234, voted": an appositive, not a list
    tolerant = tolerant_list(m, ctx)  # "A of Ohio, B (R-Utah) and C, the deputy speaker,"
    if len(tolerant) > len(items):
        items = tolerant
    # "IBEW Local 1120, the electricians' union,": a description set off after a name is that name
    previous: list[Optional[Mention]] = [None, *items]
    items = [b for a, b in zip(previous, items)
             if not (a is not None and b.kind == "desc" and a.kind == "org"
                     and re.sub(r"(?i)\bthe\b", "", _between(a, b, ctx)).strip() == ",")]
    out: list[Mention] = []
    for item in items:
        nm = NUMBERED_LIST.match(item.text)
        if nm:
            for num in [nm.group(2)] + re.findall(r"\d+", nm.group(3)):
                out.append(Mention(item.start, item.end, f"{nm.group(1)} {num}", item.kind, item.label))
        else:
            out.append(item)
    return out


# ---- candidates ---------------------------------------------------------------------
