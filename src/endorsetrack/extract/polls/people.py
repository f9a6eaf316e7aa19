"""Which tokens in a poll sentence name a candidate.

The small spaCy model labels many surnames ORG or GPE ("Jones", "McCoy"), so NER
labels alone miss candidates. Instead the article's PERSON entities give a set of
surnames; any capitalised token equal to one of them is a candidate mention, whatever
its label at that spot. Names that are really pollsters or organisations ("Roger
Wells University", a pollster the model took for a person) are left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

from .hyphens import Word, name_words, word_at
from .numbers import is_share_unit
from .rules import PollRules
from ...nlp.build import doc_text
from ...nlp.vocabulary import words

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@dataclass(frozen=True)
class CandidateMention:
    start: int  # character offsets into the article text
    end: int
    text: str  # the name as written at this spot, titles dropped ("Mary Jones")
    key: str  # the surname, lowercased: identity of the person within the article
    token_i: int  # the surname token's index in the Doc


@dataclass
class PersonIndex:
    """Surnames of the article's people and the full names each one goes by."""

    names: dict[str, set[str]] = field(default_factory=dict)  # key -> name tokens seen
    counts: dict[str, int] = field(default_factory=dict)  # key -> mentions in the article
    mentions: list[CandidateMention] = field(default_factory=list)  # whole article, in order

    def is_person(self, word: str) -> bool:
        return _strip_possessive(word).lower() in self.names


def _strip_possessive(word: str) -> str:
    return _POSSESSIVE.sub("", word)


def _is_title(tok, rules: PollRules) -> bool:
    return rules.has("title", tok.text) or rules.has("title", tok.text.rstrip("."))


def build_person_index(doc, rules: PollRules, not_people: Iterable[str] = ()) -> PersonIndex:
    """Collect surnames from PERSON entities, minus pollster/organisation names.

    A hyphenated name ("Achebe-Moore", "Jean-Luc"), which spaCy splits in three tokens,
    is one name word (poll_hyphens), so the surname key is the whole compound.
    """
    blocked = [[w.lower() for w in re.findall(r"[\w’'-]+", name)] for name in not_people]
    index = PersonIndex()
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        toks = [t for t in name_words(doc, ent.start, ent.end)
                if (t.is_alpha or "-" in t.text or "'" in t.text or "’" in t.text)
                and _strip_possessive(t.text)]  # "Helen Marchbank's": the "'s" is no name word
        # Titles go ("Gov. Jane Roe"), but a surname that is also a title word stays when a
        # first name comes before it ("Tom Justice", "Ann Marshal").
        toks = [t for n, t in enumerate(toks) if not _is_title(t, rules)
                or (n == len(toks) - 1 and n > 0 and not _is_title(toks[n - 1], rules))]
        if not toks:
            continue
        if any(rules.has("org_suffix", t.text) for t in toks):
            continue  # "Roger Wells University" taken for a person
        last = _strip_possessive(toks[-1].text)
        if not last or not last[0].isupper() or _is_pollster(toks, blocked, rules):
            continue
        index.names.setdefault(last.lower(), set()).update(_strip_possessive(t.text) for t in toks)
    for first, last_tok in _titled_names(doc, rules, blocked):
        toks = name_words(doc, first, last_tok + 1)
        last = _strip_possessive(toks[-1].text)
        index.names.setdefault(last.lower(), set()).update(_strip_possessive(t.text) for t in toks)
    for first, last_tok in _mislabelled_names(doc, rules, blocked, index):
        toks = name_words(doc, first, last_tok + 1)
        index.names.setdefault(_strip_possessive(toks[-1].text).lower(), set()).update(
            _strip_possessive(t.text) for t in toks)
    words = name_words(doc, 0, len(doc))
    for wi, tok in enumerate(words):
        word = _strip_possessive(tok.text)
        if word and word[0].isupper() and word.lower() in index.names:
            if wi + 1 < len(words) and index.names.get(_strip_possessive(words[wi + 1].text).lower()) \
                    and words[wi + 1].text[0].isupper() and words[wi + 1].i == tok.end:
                continue  # a first name that is also someone's surname: the next token is the key
            m = _mention_at(doc, words, wi, index, rules)
            index.mentions.append(m)
            index.counts[m.key] = index.counts.get(m.key, 0) + 1
    return index


# A name after a title word ("Republican Jane Roe") is two or three capitalised words;
# longer runs are organisations or headlines. Calibrated on the probe corpus, whose
# titled names the parser took for organisations ran 2 words.
TITLED_NAME_MAX_WORDS = 3


def _titled_names(doc, rules: PollRules, blocked: list[list[str]]):
    """(first, last) token indices of names right after a person title or a matchup verb.

    The small model labels some candidates ORG throughout an article ("Republican Jane
    Roe"), or nothing ("leads Jane Roe 41-35"); the title or the verb in front says a
    person follows.
    """
    for tok in doc:
        # "Republican Jane Roe", "independent Nate Roe"; and the other side of a matchup verb:
        # "leads Jane Roe 41-35", "trails Nate Roe 39 to 33"
        if not (rules.has("person_title", tok.text) or _matchup_verb(tok, rules)):
            continue
        run: list[Word] = []
        j = tok.i + 1
        while j < len(doc) and len(run) < TITLED_NAME_MAX_WORDS and _name_word(word_at(doc, j), rules):
            run.append(word_at(doc, j))
            j = run[-1].end
        if not 2 <= len(run) <= TITLED_NAME_MAX_WORDS or (j < len(doc) and _name_word(word_at(doc, j), rules)):
            continue
        if any(doc[i].ent_type_ in ("GPE", "LOC", "DATE") for w in run for i in range(w.i, w.end)) \
                or _is_pollster(run, blocked, rules):
            continue
        yield run[0].i, run[-1].last


# Entity labels the small model gives people it does not know ("Toni Okafor" as ORG or
# NORP); places, dates and numbers are never a person's name.
# How often the second word must stand alone elsewhere: 2 kept every such name of the
# train set (the article refers back to a candidate again and again) and left out a
# stray capitalised word pair met once more.
NAME_ALONE_MIN = 2
_MISLABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "EVENT", "LAW"})


def _mislabelled_names(doc, rules: PollRules, blocked: list[list[str]], index: PersonIndex):
    """(first, last) token indices of two-word names the model labelled as something else,
    which the article then calls by the second word alone, as news does with a person
    ("Toni Okafor and Dana Wirth ... Okafor leads with 21 percent"). The first word never
    stands alone (an organisation's first word does: "Acme Group ... Acme"), and neither
    word is a title, an organisation or a place word."""
    spans = [(e.start, e.end) for e in doc.ents if e.label_ in _MISLABELS and e.end - e.start == 2]
    for a, b in spans:
        first, last = doc[a], doc[b - 1]
        pair = [first, last]
        if not all(_name_word(t, rules) and t.text.isalpha() and t.tag_ == "NNP" for t in pair) \
                or last.lower_ in index.names or _is_pollster(pair, blocked, rules):
            continue
        alone = [t for t in doc if t.text == last.text and not (a <= t.i < b)
                 and not (t.i > 0 and doc[t.i - 1].text[:1].isupper() and doc[t.i - 1].pos_ == "PROPN")
                 and not (t.i + 1 < len(doc) and doc[t.i + 1].text[:1].isupper() and doc[t.i + 1].pos_ == "PROPN")]
        first_alone = any(t.text == first.text and not (a <= t.i < b) and not t.is_sent_start
                          and not (t.i + 1 < len(doc) and doc[t.i + 1].text == last.text) for t in doc)
        place = any(t.text == last.text and t.ent_type_ in ("GPE", "LOC") for t in doc)  # "Outside Eastvale"
        if len(alone) >= NAME_ALONE_MIN and not first_alone and not place:
            yield a, b - 1


def _matchup_verb(tok, rules: PollRules) -> bool:
    return tok.pos_ == "VERB" and any(rules.has(kind, tok.lemma_) or rules.has(kind, tok.text)
                                      for kind in ("lead_cue", "trail_cue", "tie_cue"))


def _name_word(tok, rules: PollRules) -> bool:
    word = _strip_possessive(tok.text)
    return tok.pos_ == "PROPN" and word[:1].isupper() and word.replace("-", "").isalpha() and not word.isupper() \
        and not _is_title(tok, rules) and not rules.has("org_suffix", word) \
        and not rules.has("not_person_word", word)


def _is_pollster(toks, pollsters: list[list[str]], rules: PollRules) -> bool:
    """A 'person' that is a pollster: the same words as a pollster's name, or words inside
    a pollster name that is an organisation ('Acme' in 'Acme International')."""
    words = [_strip_possessive(t.text).lower() for t in toks]
    for p in pollsters:
        if words == p:
            return True
        if all(w in p for w in words) and any(rules.has("org_suffix", w) or w == "international" for w in p):
            return True
    return False


def _mention_at(doc, words: list, wi: int, index: PersonIndex, rules: PollRules) -> CandidateMention:
    """The mention whose surname is ``words[wi]``, with the first names before it."""
    tok = words[wi]
    key = _strip_possessive(tok.text).lower()
    allowed = index.names.get(key, set())
    start = wi

    def adjacent(j: int) -> bool:
        return words[j].end == words[j + 1].i

    while start - 1 >= 0 and adjacent(start - 1):
        prev = words[start - 1]
        if prev.text in allowed and not _is_title(prev, rules) and prev.text[:1].isupper():
            start -= 1
        elif prev.text in allowed and prev.text.islower() and start - 2 >= 0 and adjacent(start - 2) \
                and words[start - 2].text in allowed:  # particles: "Lena de Varga"
            start -= 1
        else:
            break
    first = words[start]
    end_char = tok.idx + len(_strip_possessive(tok.text))
    text = doc_text(doc)[first.idx:end_char]
    return CandidateMention(first.idx, end_char, text, key, tok.last)


def mentions_in(index: PersonIndex, start: int, end: int,
                excluded: Iterable[tuple[int, int]] = ()) -> list[CandidateMention]:
    """Candidate mentions inside [start, end), minus any inside an excluded span."""
    spans = list(excluded)
    return [m for m in index.mentions if m.start >= start and m.end <= end
            and not any(a <= m.start < b for a, b in spans)]


# Nouns after a name that make it a group of the name's voters ("70 percent of Smith
# voters", "Smith supporters"), not a candidate the figure is given to.
_SUPPORTER_NOUNS = words("poll.supporter_nouns")


def non_sides(doc, index: PersonIndex, start: int, end: int, rules: PollRules) -> list[tuple[int, int]]:
    """Spans of names in [start, end) that are no side of the figures: a name left out
    ("in a two-way race without Smith"), or a name that only labels voters ("Smith
    supporters", "among voters backing Smith") or a group ("a pro-Smith super PAC")."""
    out = []
    for m in mentions_in(index, start, end):
        first = doc.char_span(m.start, m.end, alignment_mode="expand")
        if first is None:
            continue
        i = first.start - 1
        while i >= 0 and _is_title(doc[i], rules):
            i -= 1  # "without Libertarian Sam Ruiz"
        last = doc[m.token_i]
        nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
        if nxt is not None and nxt.text in ("'s", "’s") and last.i + 2 < len(doc):
            nxt = doc[last.i + 2]
        absent = i >= 0 and rules.has("absent_prep", doc[i].text)
        labels = nxt is not None and nxt.lower_ in _SUPPORTER_NOUNS
        backing = i >= 2 and doc[i].tag_ == "VBG" and rules.has("support_cue", doc[i].lemma_) \
            and (doc[i - 1].tag_ == "NNS" or doc[i - 1].lower_ == "those") \
            and any(rules.has("subgroup_marker", t.text) or t.lower_ == "of" for t in doc[max(0, i - 4):i - 1])
        prefixed = first.start >= 2 and doc[first.start - 1].text == "-" \
            and doc[first.start - 2].lower_ in ("pro", "anti")  # "a pro-Smith super PAC"
        prefixed = prefixed or (first.start >= 1 and doc[first.start - 1].lower_ in ("pro-", "anti-"))
        backers = i >= 1 and rules.has("support_cue", doc[i].lemma_) and doc[i].pos_ == "VERB" \
            and any(doc[x].lower_ == "who" and not (x > 0 and is_share_unit(doc[x - 1]))
                    for x in range(max(0, i - 5), i))  # "those who backed Smith"; not "36 percent who want Smith"
        if absent or labels or backing or prefixed or backers:
            out.append((m.start, m.end))
    return out


def latest_form(index: PersonIndex, key: str, before: int) -> Optional[str]:
    """How the article last wrote this person before ``before`` (else first after)."""
    best = None
    for m in index.mentions:
        if m.key != key:
            continue
        if m.start < before or best is None:
            best = m.text
        if m.start >= before:
            break
    return best
