"""Mentions of possible endorsers and candidates in a parsed sentence.

The small English model's NER misses most union names ("Carpenters Local 43",
"UNITE-HERE", "SEIU") and splits others at commas ("American Federation of State,
County and Municipal Employees"), so mentions come from several sources, in order
of trust: the organisation gazetteer, ballot-measure and "Local N" patterns, NER,
runs of capitalised words, and finally reference phrases ("the union", "it").
Pure: ``find_mentions(sent)`` returns spans; nothing is written to the Doc.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ...nlp.build import sent_text
from ...nlp.organizations import KnownOrg, known_organizations
from ...nlp.vocabulary import word_map, words
from ...normalize import lazy_view
from ...ruledata import LazyPattern, alternation
from .reference_phrases import find_references

# Objects that stand for "some candidate", not a person: the stance is about the contest.
GENERIC_CANDIDATE_RE = re.compile(
    r"^(?:(?:a|any|either|another|one|no|the)\s+)?(?:\w+\s+){0,3}?"
    r"(?:candidate|candidates|nominee|anyone|anybody|one|side|contender|hopeful|either)s?$",
    re.I)
MEASURE_WORDS = words("measure_words")  # "Prop. 27", "Measure L", "Ballot Question 3"
MEASURE_RE = LazyPattern(lambda: re.compile(
    rf"\b(?:{alternation(MEASURE_WORDS)})"
    r"\s+(?:No\.\s*)?[0-9]+[A-Z]?\b|\bMeasure\s+[A-Z]{1,2}\b", re.I))
MEASURE_WORD_FORMS = word_map("list_lines.measure_word_forms")  # "Propositions" -> "Proposition"
MEASURE_ITEM = r"(?:[0-9]{1,3}[A-Z]?|(?!I\b)[A-Z]{1,2})\b"  # not the pronoun: "Measure B and I think"
# "Propositions 55, 56, 57 and 58", "Measures A and B", "Prop. 57 and 58": a measure word over a list of numbers
# or letters
MEASURE_LIST_RE = LazyPattern(lambda: re.compile(
    rf"\b(?P<word>{alternation([k.capitalize() for k in MEASURE_WORD_FORMS] + list(MEASURE_WORDS))})\.?\s+"
    rf"(?P<items>{MEASURE_ITEM}(?:\s*,\s*{MEASURE_ITEM})*,?\s+(?:and|or|&)\s+{MEASURE_ITEM})"))
MEASURE_TITLE_WORD = r"(?:[A-Z][\w’'.-]*|of|and|for|to|on|in|&)"
# "the California Clean Rivers and Parks Act of 2018": a capitalised title ending in a measure's head word
MEASURE_TITLE_RE = LazyPattern(lambda: re.compile(
    rf"\b[A-Z][\w’'.-]*\s+(?:{MEASURE_TITLE_WORD}\s+){{0,10}}(?:{alternation(words('measure_title_heads'))})"
    r"(?:\s+of\s+(?:19|20)\d\d)?\b"
    rf"|\b[A-Z][\w’'.-]*\s+(?:{MEASURE_TITLE_WORD}\s+){{0,6}}(?:{alternation(words('measure_title_heads.common'))})\b"))
MEASURE_TITLE_CONTEXT = LazyPattern(lambda: re.compile(
    rf"(?i)\b(?:{alternation(words('measure_title_context'))})\b"))
MEASURE_NAME = LazyPattern(lambda: re.compile(  # a measure as candidate: "Prop. 27", "the Clean Rivers Act of 2018"
    rf"^(?i:{alternation(MEASURE_WORDS)})\b"
    rf"|^[A-Z][\w’'.-]*\s(?:.*\s)?(?:{alternation(words('measure_title_heads'))})(?:\s+of\s+(?:19|20)\d\d)?$"
    rf"|^[A-Z][\w’'.-]*\s(?:.*\s)?(?:{alternation(words('measure_title_heads.common'))})$"))
YES_NO_ON_RE = LazyPattern(lambda: re.compile(  # "the Yes on L campaign", "No on Prop. 12"
    rf"\b(Yes|No) on ((?:{alternation(words('measure_words.yes_no_on'))}) )?([A-Z]{{1,2}}\b|\d{{1,3}}[A-Z]?\b)"))
DATELINE_RE = re.compile(  # "PHOENIX (AP) —", "ROCHESTER, Minn. —", "PITTSBURGH, April 2, 2026 (Reuters) - ",
    # and a wire or network credit alone: "(CNN) - "
    r"^(?:[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?(?:\s\d{1,2}(?:,\s*\d{4})?)?)?\s*(?:\([A-Za-z .]+\))?"
    r"|\([A-Za-z .]+\))\s*(?:[—–]+|--|-(?=\s))\s*")
LOCAL_AFTER_RE = re.compile(r"\s+(?:Locals?|Council|District Council|Lodge|Region)\s+\d+(?:\s*(?:,|and|&)\s*\d+)*\b")
# "SEIU 775", "UNITE HERE 8", "IBEW 77": a union's number right after its name is its local; not a year,
# a count ("UAW 400,000") or a share
BARE_LOCAL_AFTER_RE = re.compile(r"\s+(?!(?:19|20)\d\d\b)\d{1,4}\b(?![,.]\d|\s*(?:%|percent|per cent|members|"
                                 r"workers|people|million|thousand|delegates|votes)\b)")
LOCAL_RE = re.compile(r"\b(Locals?|Council|District Council|Lodge|Region|DC)\s+(\d+)((?:\s*(?:,|and|&)\s*\d+)*)")
UNION_CODE = re.compile(r"^\d+[A-Za-z]+$")  # "32BJ" in "32BJ SEIU": a local's code before its union's name
ORG_HEADS = words("org_heads")
NON_NAME_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
NOT_NAME_WORDS = words("not_name_words")
TITLES = lazy_view("before_names")  # "Sen.", "former", "u.s.", "candidate": before a name, no part of it


@dataclass(frozen=True)
class Mention:
    start: int  # token index in the Doc
    end: int  # exclusive
    text: str
    kind: str  # org | person | party | measure | ref | generic | desc
    label: str = ""  # NER label, gazetteer id or reference noun

    def covers(self, i: int) -> bool:
        return self.start <= i < self.end


# A gazetteer mention's label is its lexicon id under this prefix ("org.seiu"): apart from NER
# labels and reference nouns, and how extract/endorsements/article.py tells a known body.
GAZETTEER_LABEL = "org."


@lru_cache(maxsize=1)
def gazetteer() -> tuple[tuple[str, KnownOrg], ...]:
    """(lower-cased spelling, organisation) pairs, longest first, for every name, acronym and alias
    of the organisation lexicon (nlp/organizations.py) that is looked for in text."""
    pairs = [(form.lower(), org) for org in known_organizations() if org.in_text for form in org.names]
    pairs.sort(key=lambda p: -len(p[0]))
    return tuple(pairs)


@lru_cache(maxsize=1)
def _gazetteer_regex() -> tuple[dict[str, KnownOrg], re.Pattern]:
    """One alternation over every gazetteer form, longest first: one pass per sentence."""
    forms: dict[str, KnownOrg] = {}
    for form, org in gazetteer():
        forms.setdefault(form, org)
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return forms, re.compile(r"(?<![\w-])(?:" + alternation + r")(?![\w-])")


def _char_span_to_tokens(sent, start: int, end: int) -> Optional[tuple[int, int]]:
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.start < sent.start or span.end > sent.end:
        return None
    return span.start, span.end


def find_mentions(sent, ents=None, people: frozenset = frozenset()) -> list[Mention]:
    """All mentions in a sentence Span, non-overlapping, in text order.

    ``ents``: the sentence's entities when the caller has them already (a Span's
    ``.ents`` walks the whole Doc each time); ``people``: surnames the article gives
    to people, where a run of capitals ends ("Alma Desrosiers | for District 2")."""
    doc = sent.doc
    taken: set[int] = set()
    out: list[Mention] = []

    def add(start: int, end: int, kind: str, label: str = "") -> None:
        # Trim determiners, possessive markers and punctuation at the edges.
        while start < end and (doc[start].lower_ in ("the", "a", "an", "(") or doc[start].is_punct
                               or doc[start].is_space):
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct
                               and doc[end - 1].text not in (".",)):
            end -= 1
        if end > start and doc[end - 1].text == "." and not doc[end - 1].is_sent_end:
            pass
        for k in range(start + 1, end):
            if doc[k].text == "(" and not any(doc[j].text == ")" for j in range(k, end)):
                end = k  # "National Organization for Women (NOW": the acronym is an alias
                break
        if kind == "person":
            while end - start > 1 and doc[start].lower_ in TITLES:
                start += 1
        if start >= end or any(i in taken for i in range(start, end)):
            return
        taken.update(range(start, end))
        text = doc[start:end].text
        out.append(Mention(start, end, text.rstrip(".") if kind == "measure" else text, kind, label))  # "Measure L."

    text, base = sent_text(sent), sent.start_char
    low = text.lower()
    forms, gaz_re = _gazetteer_regex()
    for m in gaz_re.finditer(low):
        org = forms[m.group(0)]
        tok = _char_span_to_tokens(sent, base + m.start(), base + m.end())
        if tok and _looks_capitalised(text[m.start():m.end()]):
            start, end = tok
            label = GAZETTEER_LABEL + org.id
            while start - 1 >= sent.start and doc[start - 1].whitespace_ and _is_name_token(doc[start - 1]) \
                    and doc[start - 1].text not in NOT_NAME_WORDS and (doc[start - 1].lower_ not in TITLES or (
                        doc[start - 1].text == "State" and start - 2 >= sent.start and _is_name_token(doc[start - 2]))) \
                    and not (start - 1 == sent.start and doc[start - 1].pos_ != "PROPN"):
                start -= 1  # "the Chicago Fraternal Order of Police", "the Ohio AFL-CIO": a body of its own
                label = "local"
            while start > sent.start and _glued(doc, start - 1):  # "1199/SEIU", "SEA/SEIU"
                start -= 1
                label = "local"  # a body of its own, not the national organisation
            kind = "party" if org.type == "party" else "org"
            while start > sent.start and UNION_CODE.match(doc[start - 1].text) and org.type == "union":
                start -= 1  # "32BJ SEIU"
                label = "local"
            body = LOCAL_AFTER_RE.match(text, m.end())  # "United Food and Commercial Workers Local 1187"
            if not body and org.type == "union":
                body = BARE_LOCAL_AFTER_RE.match(text, m.end())  # "SEIU 775"
            if body:
                tail = _char_span_to_tokens(sent, base + m.end(), base + body.end())
                if tail:
                    end, label = tail[1], "local"
            acronym = doc[end - 1].text.isupper() and doc[end].ent_type_ != "GPE" if end < sent.end else False
            while not body and acronym and end < sent.end and _is_name_token(doc[end]) \
                    and doc[end].lower_ not in TITLES and doc[end].text not in NOT_NAME_WORDS \
                    and doc[end].ent_type_ not in ("PERSON", "DATE") and not doc[end].is_sent_start:
                end += 1  # "SEIU Healthcare Pennsylvania": a named body of the organisation
                label = "local"
            if end < sent.end and doc[end].lower_ in ("local", "locals", "chapter", "affiliate", "affiliates"):
                end += 1  # "a Teamsters local": an unnamed body of the organisation
                kind, label = "desc", "local"
            if end < sent.end and doc[end].ent_iob_ == "B" and doc[end].ent_type_ == "GPE" \
                    and doc[end - 1].text.isupper():  # a state body: "AFT Connecticut"
                end += 1
                while end < sent.end and doc[end].ent_iob_ == "I":
                    end += 1
            add(start, end, kind, label)
    for m in LOCAL_RE.finditer(text):  # "Carpenters Local 43 and 24", "AFSCME Council 61"
        tok = _char_span_to_tokens(sent, base + m.start(), base + m.end())
        if not tok:
            continue
        start, end = tok
        start = _name_run_start(doc, sent, start)
        joined = _joined_name_start(doc, sent, start)  # "the Roofers' & Slate Layers' Association Local 88"
        if joined is not None and not any(i in taken for i in range(joined, start)):
            start = joined
        add(start, end, "org", "local")
    for m in YES_NO_ON_RE.finditer(text):  # "the Yes on L campaign", "No on Prop. 12"
        tok = _char_span_to_tokens(sent, base + m.start(), base + m.end())
        if tok:
            kind_word = m.group(2) or "Measure "
            start, end = tok
            taken.update(range(start, end))
            out.append(Mention(start, end, f"{kind_word.strip()} {m.group(3)}", "measure", m.group(1).lower()))
    for m in MEASURE_LIST_RE.finditer(text):  # each item of "Propositions 55, 56 and 57" a measure of its own
        word = MEASURE_WORD_FORMS.get(m.group("word").lower(), m.group("word"))
        for k, item in enumerate(re.finditer(MEASURE_ITEM, m.group("items"))):
            begin = m.start() if k == 0 else m.start("items") + item.start()
            tok = _char_span_to_tokens(sent, base + begin, base + m.start("items") + item.end())
            if tok and not any(i in taken for i in range(*tok)):
                taken.update(range(*tok))
                out.append(Mention(tok[0], tok[1], f"{word} {item.group(0)}", "measure", "list"))
    for m in MEASURE_RE.finditer(text):
        tok = _char_span_to_tokens(sent, base + m.start(), base + m.end())
        if tok:
            add(*tok, "measure")
    for m in MEASURE_TITLE_RE.finditer(text):  # "the Clean Rivers Act of 2018", in an article about the ballot
        tok = _char_span_to_tokens(sent, base + m.start(), base + m.end())
        if tok and _ballot_article(doc):
            add(*tok, "measure", "title")
    _titled_people(sent, taken, add)
    for ent in (ents if ents is not None else sent.ents):
        if ent.label_ in ("ORG", "PERSON", "NORP", "GPE", "LOC", "FAC", "WORK_OF_ART", "LAW"):
            start, end = ent.start, ent.end
            while end > start and not (_is_name_token(doc[end - 1]) or doc[end - 1].like_num):
                end -= 1
            kind = {"PERSON": "person", "NORP": "party"}.get(ent.label_, "org")
            if end - start == 1 and (doc[start].pos_ == "ADJ" or doc[start].lower_ in TITLES
                                     or ent.label_ == "PERSON" and doc[start].lower_ in OFFICE_WORDS):
                continue  # "Democratic" alone is an adjective, not an organisation
            if ent.label_ == "NORP" and not _is_party_word(ent.text) and all(
                    doc[k].tag_ == "NNP" for k in range(start, end)):
                add(start, end, "org", "caps")  # NER's NORP on a surname ("of Hollis"): a name, kind unknown
                continue
            if ent.label_ == "NORP" and (not _is_party_word(ent.text) or doc[ent.end - 1].pos_ == "ADJ"
                                         or doc[ent.end - 1].dep_ in ("amod", "compound", "npadvmod")):
                continue
            label = ent.label_
            if label in ("GPE", "LOC", "FAC") and doc[end - 1].lower_ in ORG_HEADS:
                label = "ORG"  # "Tolliver County Deputy Sheriffs' Association" tagged as a place
            add(start, end, kind, label)
    for tok in sent:  # a surname the article gives a person elsewhere, whatever the tagger made of it here
        if tok.text in people and tok.i not in taken and tok.text[:1].isupper():
            add(tok.i, tok.i + 1, "person", "PERSON")
    if not is_headline(sent):
        _capitalised_runs(sent, taken, add, people)
    find_references(sent, taken, add)
    out.sort(key=lambda m: m.start)
    dateline = DATELINE_RE.match(text)  # "PHOENIX (AP) —": a place and a wire, no actor
    if dateline:
        out = [m for m in out if doc[m.start].idx >= sent.start_char + dateline.end()]
    return _described_names(doc, _merge_split_names(doc, _merge_bodies(doc, _numbered_bodies(sent, out))))


def _ballot_article(doc) -> bool:
    """Whether the article speaks of a ballot, its initiatives or propositions (MEASURE_TITLE_CONTEXT)."""
    return MEASURE_TITLE_CONTEXT.search(doc.text) is not None


NUMBERED_BODY_ENDINGS = words("group_nouns.numbered_bodies")


def _numbered_bodies(sent, mentions: list[Mention]) -> list[Mention]:
    """'Professional and Clerical Employees 31', 'Painters 242': a union name the lexicon does not
    know, ending in a trade's plural, with a bare number after it is a local (the number a local's,
    not a year or a count: BARE_LOCAL_AFTER_RE)."""
    doc, text, base = sent.doc, sent_text(sent), sent.start_char
    starts = {m.start for m in mentions}
    out = []
    for m in mentions:
        if m.kind in ("org", "person") and m.end - m.start >= 2 and doc[m.end - 1].like_num \
                and doc[m.end - 2].lower_ in NUMBERED_BODY_ENDINGS and not m.label.startswith(GAZETTEER_LABEL):
            out.append(Mention(m.start, m.end, m.text, "org", "local"))  # NER's PERSON "Painters 242"
            continue
        if m.kind == "org" and m.label in ("ORG", "caps") and doc[m.end - 1].lower_ in NUMBERED_BODY_ENDINGS:
            after = doc[m.end - 1].idx + len(doc[m.end - 1]) - base
            number = BARE_LOCAL_AFTER_RE.match(text, after)
            tail = _char_span_to_tokens(sent, base + after, base + number.end()) if number else None
            if tail and not any(k in starts for k in range(tail[0], tail[1])):
                m = Mention(m.start, tail[1], doc[m.start:tail[1]].text, "org", "local")
        out.append(m)
    return out


DESCRIPTION_NOUNS = words("description_nouns")


def _described_names(doc, mentions: list[Mention]) -> list[Mention]:
    """'the "Labor Strong" coalition', 'the Riverside Action group': a capitalised run
    that modifies a description noun names an organisation, whatever NER made of it."""
    out = list(mentions)
    for k, m in enumerate(out):
        if m.kind != "org" or m.label not in ("caps", "PERSON", "WORK_OF_ART") or k + 1 >= len(out):
            continue
        nxt = out[k + 1]
        gap = [t for t in doc[m.end:nxt.start] if t.text not in ('"', "“", "”")]  # not "'": "Officers' association"
        head = doc[m.start:m.end].root.head
        if not gap and nxt.kind == "ref" and nxt.label in DESCRIPTION_NOUNS and nxt.end - 1 == head.i:
            out[k] = Mention(m.start, m.end, m.text, "org", "described")
    return out


PERSONAL_TITLES = lazy_view("personal")  # "Coun.", "Sen.", "Mayor": a person's name follows


def _titled_people(sent, taken: set[int], add) -> None:
    """'Coun. Navdeep Sidhu', 'state Sen. Liam Hurley': the capitalised words after a
    personal title are a person's name, whatever NER made of them."""
    doc = sent.doc
    for tok in sent:
        if tok.lower_ not in PERSONAL_TITLES or tok.i + 1 >= sent.end or not tok.text[:1].isupper():
            continue
        j = tok.i + 1
        while j < sent.end and j - tok.i <= 3 and doc[j].tag_ == "NNP" and doc[j].text[:1].isupper() \
                and doc[j].is_alpha and doc[j].lower_ not in TITLES and doc[j].ent_type_ not in ("GPE", "DATE"):
            j += 1
        if j - tok.i >= 3 or j - tok.i == 2 and doc[tok.i + 1].ent_type_ == "PERSON":  # first and last name
            if not any(k in taken for k in range(tok.i + 1, j)):
                add(tok.i + 1, j, "person", "PERSON")


def _merge_split_names(doc, mentions: list[Mention]) -> list[Mention]:
    """NER split 'Renata Ojeda' into ORG 'Renata' + 'Ojeda': two adjacent one-word names are one."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev and prev.kind == "ref" and prev.end == m.start and _capitalised_pronoun_in_a_name(doc, prev) \
                and m.kind == "org" and m.label == "caps":
            # "along with the Tenants League and Our Shared Future": a capital "Our" mid-sentence opens a name
            out[-1] = Mention(prev.start, m.end, doc[prev.start:m.end].text, "org", "caps")
            continue
        if prev and prev.end == m.start and prev.kind == "org" and prev.label == "ORG" and m.kind == "org" \
                and m.label == "caps" and m.end - m.start == 1 and doc[m.start].tag_ == "NNP" \
                and not names_no_one(m.text):
            # NER's "The Harbor Union" + "Leader": the tagger stopped one word short of the name
            out[-1] = Mention(prev.start, m.end, doc[prev.start:m.end].text, "org", "ORG")
            continue
        if prev and prev.end == m.start and prev.end - prev.start == 1 and m.end - m.start == 1 \
                and prev.kind in ("org", "person") and m.kind in ("org", "person") \
                and doc[prev.start].tag_ == "NNP" and doc[m.start].tag_ == "NNP" and not prev.label.startswith("org."):
            out[-1] = Mention(prev.start, m.end, doc[prev.start:m.end].text, "org", "caps")
            continue
        if prev and prev.end == m.start and prev.kind == "org" and prev.label == "caps" and m.kind == "person" \
                and m.end - m.start == 1 and _first_names(doc[prev.start:prev.end]):
            # "Lorna Todd | Pike": a surname the article gives a person, after first names the tagger missed
            out[-1] = Mention(prev.start, m.end, doc[prev.start:m.end].text, "person", "PERSON")
            continue
        out.append(m)
    return out


def _first_names(tokens) -> bool:
    """One or two capitalised words with no organisation word: first names."""
    return 1 <= len(tokens) < MAX_PERSON_NAME_WORDS and all(t.is_alpha and t.is_title for t in tokens) \
        and not any(t.lower_ in ORG_HEADS or t.lower_ in ORG_NAME_WORDS or t.lower_ in TITLES for t in tokens)


GENERIC_GROUP_NOUNS = words("generic_group_nouns")


def names_no_one(text: str) -> bool:
    """A name made only of generic group nouns ('Imams and Rabbis', 'PAC', 'Union')."""
    tokens = [t for t in re.split(r"[\s,&]+", text.lower()) if t and t not in ("and", "the", "of")]
    return bool(tokens) and all(t in GENERIC_GROUP_NOUNS for t in tokens)


def _capitalised_pronoun_in_a_name(doc, m: Mention) -> bool:
    """'Our', 'We', 'My' written with a capital inside a sentence: the first word of a name."""
    tok = doc[m.start]
    return m.end - m.start == 1 and tok.lower_ in ("our", "we", "my") and tok.text[0].isupper() \
        and tok.i > tok.sent.start and doc[tok.i - 1].text not in ('"', "“", "'", "‘", ":", "(")


OFFICE_WORDS = words("office_words")
BODY_WORDS = words("body_words")


def _merge_bodies(doc, mentions: list[Mention]) -> list[Mention]:
    """'the Greenfield Chapter' + 'of the' + 'Sierra Club' is one body: the chapter."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev and prev.kind == "ref" and prev.label in BODY_WORDS and m.kind == "org" and len(out) > 1 \
                and out[-2].kind == "org" and out[-2].end == prev.start \
                and doc[prev.end:m.start].text.lower().split() in (["of"], ["of", "the"]):
            first = out[-2]  # "the Allegheny County" + "chapter" + "of the" + "National Organization for Women"
            out[-2:] = [Mention(first.start, m.end, doc[first.start:m.end].text, "org", "local")]
            continue
        if prev and prev.kind == "org" and m.kind == "org":
            gap = doc[prev.end:m.start].text.lower().split()
            if doc[prev.end - 1].lower_ in BODY_WORDS and gap in (["of"], ["of", "the"]) \
                    or gap[:1] and gap[0] in BODY_WORDS and gap[1:] in (["of"], ["of", "the"]) \
                    or gap in (["'"], ["’"]) and doc[m.start].text[:1].isupper():  # "Deputy Sheriffs' Association"
                # "the Greenfield Chapter of the Sierra Club", "the Allegheny County chapter of NOW"
                out[-1] = Mention(prev.start, m.end, doc[prev.start:m.end].text, "org", "local")
                continue
            if gap == ["and"] and not prev.label.startswith("org.") and not prev.text.isupper() \
                    and doc[prev.end - 1].lower_ not in ORG_HEADS | SUB_BODY_WORDS \
                    and doc[m.end - 1].lower_ in ORG_HEADS | SUB_BODY_WORDS and m.label != "local":
                # "the Southern Nevada Building | and | Construction Trades Council": one name NER split
                out[-1] = Mention(prev.start, m.end, doc[prev.start:m.end].text, "org", m.label)
                continue
            if gap in (["and"], ["&"]) and doc[m.start].lower_ in AREA_WORDS \
                    and doc[m.end - 1].lower_ in AREA_BODY_WORDS:  # "the Port Aldane and District Labour Council"
                out[-1] = Mention(prev.start, m.end, doc[prev.start:m.end].text, "org", m.label)
                continue
            if gap == [","] and prev.label.startswith("org.") and m.label == "local" \
                    and any(t.like_num for t in doc[m.start:m.end]) and m.end < len(doc) and doc[m.end].text == ",":
                # "The Fraternal Order of Police, Millbrook Lodge 12, had endorsed": the lodge acts
                out[-1] = Mention(prev.start, m.end, doc[prev.start:m.end].text, "org", "local")
                continue
            if gap == ["/"] and not doc[prev.end - 1].whitespace_ and not doc[prev.end].whitespace_ \
                    and not prev.label.startswith("org.") and doc[m.end - 1].lower_ in ORG_HEADS:
                # "the Dunmore/Hale County Building Trades Council": two places glued by a slash name one body
                out[-1] = Mention(prev.start, m.end, doc[prev.start:m.end].text, "org", m.label)
                continue
            if not gap and prev.label in ("GPE", "LOC") and m.label in ("caps", "ORG") and prev.start > 0 \
                    and doc[prev.start - 1].lower_ == "the":  # "the Millbrook County | Deputy Sheriffs' Association"
                out[-1] = Mention(prev.start, m.end, doc[prev.start:m.end].text, "org", m.label)
                continue
            if gap == ["of"] and m.label == "GPE" and prev.label != "GPE":
                # "the League of Women Voters | of | Santa Rosalia County": a body named by its place
                label = "local" if prev.label.startswith("org.") else prev.label
                out[-1] = Mention(prev.start, m.end, doc[prev.start:m.end].text, "org", label)
                continue
            if gap in (["'s"], ["’s"]) and m.label != "GPE" and doc[m.end - 1].lower_ in SUB_BODY_WORDS:
                # "the Sierra Club's Santa Rosalia Group": the organisation's own unit
                out[-1] = Mention(prev.start, m.end, doc[prev.start:m.end].text, "org", "local")
                continue
        out.append(m)
    return out


AREA_WORDS = words("area_words")
SUB_BODY_WORDS = words("body_words.sub_bodies")
AREA_BODY_WORDS = words("body_words.area_bodies")


def _name_run_start(doc, sent, start: int) -> int:
    """Where the capitalised name before a union body's number starts: 'Fraternal Order of Police'
    before 'Lodge 27', 'Carpenters' before 'Local 43'."""
    while start > sent.start and doc[start - 1].text not in NOT_NAME_WORDS \
            and not (doc[start - 1].ent_type_ in ("DATE", "TIME") and doc[start - 1].is_title) \
            and (_is_name_token(doc[start - 1]) or _glued(doc, start - 1)
                 or doc[start - 1].lower_ == "of" and start - 2 >= sent.start
                 and _is_name_token(doc[start - 2])):  # "Fraternal Order of Police Lodge 27"
        start -= 1
    return start


NAME_JOINERS = ("and", "&")


def _joined_name_start(doc, sent, start: int) -> Optional[int]:
    """A union's full name holds joiners the plain run stops at: 'the Guild of Glaziers and
    Allied Glassworkers Local 14', 'the Amalgamated Roofers' & Slate Layers' Association Local 88',
    'the Brotherhood of Quarry, Kiln and Furnace Workers Local 301'. The name reaches back over
    them only when it then starts right after 'the' and each 'and' or comma sits inside an 'of'
    phrase ('the Teamsters and Roofers Local 5' is a list); a bare '&' or a possessive is inside
    a name. None when no longer name is read."""
    k, joined = start, False
    while k - 2 >= sent.start:
        before = doc[k - 1]
        if _apostrophe(before) and _is_name_token(doc[k - 2]):
            k = _name_run_start(doc, sent, k - 1)  # "Slate Layers' Association"
            joined = True
            continue
        last = k - 2 - (_apostrophe(doc[k - 2]) and k - 3 >= sent.start)  # "Roofers' &"
        if before.lower_ in NAME_JOINERS and _is_name_token(doc[last]) \
                and (before.lower_ == "&" or _of_before(doc, sent, last + 1)):
            k, joined = _name_run_start(doc, sent, last + 1), True
            continue
        if before.text == "," and _is_name_token(doc[k - 2]) and k + 1 < sent.end \
                and doc[k + 1].lower_ in NAME_JOINERS and _is_name_token(doc[k]) \
                and _of_before(doc, sent, k - 1):  # "of Quarry, Kiln and Furnace": one name
            k, joined = _name_run_start(doc, sent, k - 1), True
            continue
        break
    if not joined or k <= sent.start or doc[k - 1].lower_ != "the":
        return None
    return k


def _apostrophe(tok) -> bool:
    return tok.tag_ == "POS" and tok.text in ("'", "’")


def _of_before(doc, sent, i: int) -> bool:
    """An 'of' inside the capitalised run that ends right before token i ('of Quarry, Kiln')."""
    k = i - 1
    while k >= sent.start and (_is_name_token(doc[k]) or doc[k].lower_ == "of"
                               or doc[k].text == "," and k + 1 < i and _is_name_token(doc[k + 1])):
        if doc[k].lower_ == "of":
            return True
        k -= 1
    return False


def _glued(doc, i: int) -> bool:
    """Token i is glued to the next by '/' or '-': part of one name ("1199/SEIU")."""
    tok = doc[i]
    if tok.text in ("/", "-") and not tok.whitespace_ and i > 0 and not doc[i - 1].whitespace_:
        return True
    return not tok.whitespace_ and i + 1 < len(doc) and doc[i + 1].text in ("/", "-") and (
        tok.text[:1].isupper() or tok.text.isdigit())


def _looks_capitalised(s: str) -> bool:
    return any(c.isupper() for c in s)


def _is_name_token(tok) -> bool:
    t = tok.text
    if tok.is_punct or not t[:1].isalpha():
        return False
    return t[:1].isupper() and (tok.pos_ in ("PROPN", "NOUN", "ADJ", "VERB", "X", "ADV", "NUM")
                                or t.isupper())


PARTY_WORD_RE = LazyPattern(lambda: re.compile(rf"(?i)\b(?:{alternation(words('party_words'))})s?\b"))


def _is_party_word(text: str) -> bool:
    return bool(PARTY_WORD_RE.search(text))


def _capitalised_runs(sent, taken: set[int], add, people: frozenset = frozenset()) -> None:
    """Runs of capitalised tokens that NER missed: 'UNITE-HERE', 'Carpenters Local 43'."""
    doc = sent.doc
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        if i in taken or not _is_name_token(tok) or (tok.text in NOT_NAME_WORDS) or tok.pos_ == "PRON" \
                or tok.ent_type_ in NON_NAME_ENTS or tok.ent_type_ in ("NORP", "GPE", "LOC") \
                or tok.lower_ in TITLES:
            i += 1
            continue
        j = i + 1
        home = False
        while j < sent.end and j not in taken:
            t = doc[j]
            if re.fullmatch(r"\d+[A-Z]{1,2}", t.text) and _is_name_token(doc[j - 1]):
                j += 1  # a designator: "Region 1C"
                continue
            if t.ent_type_ in NON_NAME_ENTS and not t.like_num:
                break
            if _is_name_token(t) or (t.like_num and doc[j - 1].text in ("Local", "Council")):
                j += 1
            elif t.tag_ == "POS" and t.text in ("'", "’") and j + 1 < sent.end and _is_name_token(doc[j + 1]) \
                    and (j + 1) not in taken:
                j += 2  # "the Deputy Sheriffs' Association"
            elif t.text in ("-", "/") and j + 1 < sent.end and _is_name_token(doc[j + 1]) \
                    and not doc[j - 1].whitespace_:
                j += 2
            elif doc[j - 1].text in people or t.lower_ == "for" and j - i >= 2 and j + 1 < sent.end \
                    and (doc[j + 1].lower_ in OFFICE_WORDS or j + 2 < sent.end and doc[j + 2].like_num):
                break  # a person's name ends here: "Alma Desrosiers | for District 2 supervisor"
            elif t.lower_ == "of" and _home_after_person(doc, sent, i, j):
                home = True  # "Lorna Todd Pike | of New Jersey, Ted Okafor of Montana and ..."
                break
            elif t.lower_ in ("of", "for", "&") and j + 1 < sent.end and _is_name_token(doc[j + 1]) \
                    and (j + 1) not in taken:
                j += 2
            elif t.lower_ in ("for", "of") and j + 2 < sent.end and doc[j + 1].lower_ in ("a", "the") \
                    and _is_name_token(doc[j + 2]) and (j + 2) not in taken and doc[j + 2].text not in NOT_NAME_WORDS:
                j += 3  # "Citizens for a Greener Riverside"
            else:
                break
        if j == i + 1 and (tok.is_sent_start and tok.pos_ != "PROPN" or tok.pos_ == "ADJ"):
            i = j
            continue
        if any(doc[k].lower_ in TITLES for k in range(i, j)):
            i = j  # "Liberal MP": a title, not a name (the person after it comes from NER)
            continue
        if home:
            add(i, j, "person", "PERSON")
        else:
            add(i, j, "org", "caps")
        i = j


ORG_NAME_WORDS = words("org_words")
# A person's name the tagger missed, before "of <place>": first, middle and last name at most.
MAX_PERSON_NAME_WORDS = 3


def _home_after_person(doc, sent, i: int, j: int) -> bool:
    """'Lorna Todd Pike of New Jersey, Ted Okafor of Montana': two or three capitalised words
    with no organisation word, then 'of' and a place that ends at a list separator, are a
    person and their home ('the Bank of Omaha' and 'Friends of the Park' are no such run)."""
    words_ = doc[i:j]
    if not 2 <= len(words_) <= MAX_PERSON_NAME_WORDS or not all(t.is_alpha and t.is_title for t in words_) \
            or any(t.lower_ in ORG_HEADS or t.lower_ in ORG_NAME_WORDS for t in words_):
        return False
    k = j + 1
    if k >= sent.end or doc[k].ent_iob_ != "B" or doc[k].ent_type_ != "GPE":
        return False
    k += 1
    while k < sent.end and doc[k].ent_iob_ == "I":
        k += 1
    return k >= sent.end or doc[k].text in (",", ";", ".", ")") or doc[k].lower_ == "and"


def is_headline(sent) -> bool:
    """Title Case lines ('Local Union Backs Quill, Bucking National Affiliate'):
    every word is capitalised, so capitalisation says nothing about names.

    Asked about each sentence by mention detection, frame matching and name resolution:
    the answer is kept on the Doc, per sentence span."""
    cache = sent.doc.user_data.setdefault("endorsetrack.headline", {})
    key = (sent.start, sent.end)
    found = cache.get(key)
    if found is None:
        found = cache[key] = _is_headline(sent)
    return found


def _is_headline(sent) -> bool:
    doc = sent.doc
    last = next((doc[i] for i in range(sent.end - 1, sent.start - 1, -1) if not doc[i].is_space), None)
    if last is not None and last.text in (".", "!", "?", '"'):
        return False  # headlines carry no final period; "The Harbor Workers Union met Monday." does
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 2 and sum(t.text[0].isupper() for t in words) / len(words) > 0.8
