"""Poll mentions in a sentence: who conducted the poll, for whom, when, of whom.

Finds "X poll" / "X survey", "poll conducted by X", "done for S by X", "polling by X",
"voters contacted by X", "X found that ...", well-known pollsters from the gazetteer,
and bare references ("the poll", "a new survey") that later stages link to a named
poll. A mention carries what the sentence says about the poll around it: sponsor,
release and field dates, sample size and universe, and a subgroup ("the survey of
Republicans").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

from ...normalize import WEEKDAYS
from .dates import MONTHS, find_dates
from .numbers import parse_margin_of_error, parse_sample
from .rules import POLL_COMPOUND_WORD, PollRules
from .subgroups import PARTICIPLE_TAIL as _PARTICIPLE_TAIL, is_whole_sample, subgroup_phrase
from ...nlp.build import doc_text
from ...nlp.vocabulary import words

# How far after a poll noun "conducted/done for S by X" may reach (tokens, not counting
# a parenthesis). The longest in the seeds and dev set ("The poll of 540 likely city
# voters, done for WQRS-TV (Channel 9) by ...") reaches 12; 20 leaves room for a date.
FORWARD_SCAN_TOKENS = 20
# A description before a pollster's name ("the Reno-based firm X": "Reno", "-",
# "based", "firm") is this many tokens at most; the longest in the probe sets was 4, and
# a place written with its state ("Washington, D.C.-based polling firm X": 7 tokens) in
# the train set; 7 covers it.
DESCRIPTOR_MAX_TOKENS = 7
# A person named after "the campaign's pollster," runs at most this many tokens
# ("Greg Halvorsen", "Mary Ann de la Cruz" -- the lowercase particles end it early).
ROLE_NAME_MAX_TOKENS = 4
# Lowercase adjectives between an article and a poll noun that still leave it a reference
# to a known poll ("the current survey", "the widely watched poll": 2 tokens); 3 allows one more.
DETERMINER_REACH_TOKENS = 3
_DESCRIPTOR_TAILS = words("poll.descriptor_tails")  # "Ohio-based"
_LEADING_JUNK = words("poll.leading_words")
_CONNECTORS = words("poll.name_connectors")
_GLUE = {"-", "/", ".", "–", "'", "’"}
_PAST_FIGURE = re.compile(r"(?:from|than|compared (?:with|to))\s+\S+\s*(?:%|percent|per cent|pct\.?)"
                          r"\s+(?:in|last|on)\s*$", re.I)
_FUTURE = words("poll.future_words")
_CAMPAIGN_NOUNS = words("poll.campaign_nouns")
_PRESENT_TIME = words("poll.present_time_words")
_NOT_POLL_HEADS = words("poll.polling_non_poll_heads")
# Entity types of a place or a people named before a poll noun ("a new Ohio poll", "a
# Latino poll"): what the poll is about, never its maker.
_SCOPE_ENTITIES = frozenset({"GPE", "LOC", "NORP"})
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_DAYS = "|".join(sorted(WEEKDAYS))
# "a poll released Monday", "Monday's Acme poll": the weekday a poll came out.
_RELEASE_DAY = re.compile(r"\breleased\s+(?:on\s+)?(" + _DAYS + r")\b|\b(" + _DAYS + r")['’]s\b", re.I)


@dataclass(frozen=True)
class PollMention:
    start: int  # character span of the mention (poll noun phrase or pollster name)
    end: int
    kind: str  # "named", "anaphor" (the poll), "indefinite" (a new poll)
    pollster: Optional[str] = None
    sponsor: Optional[str] = None
    released: Optional[str] = None
    field_dates: Optional[str] = None
    sample_size: Optional[int] = None
    sample_universe: Optional[str] = None
    population: Optional[str] = None
    margin_of_error: Optional[float] = None
    release_day: Optional[str] = None  # "released Monday", "Monday's poll": the weekday it came out
    name_spans: tuple[tuple[int, int], ...] = ()  # pollster/sponsor spans: not candidates
    earlier: str = ""  # "dated" ("its June poll"), "previous" ("its previous survey"): maybe older;
    # "compared" ("since an Acme survey"): only a yardstick, never the poll being reported
    conductor: bool = False  # "X, the firm that conducted the survey": X ran the poll being reported


def _namey(tok) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and bool(re.match(r"^[\w.&'’-]+$", t)) and not tok.is_punct


def _is_date_word(tok) -> bool:
    w = tok.text.lower().rstrip(".")
    return w in MONTHS or w in WEEKDAYS


def _run_forward(doc, i: int, end: int, rules: PollRules) -> Optional[tuple[int, int]]:
    """A proper-name run starting at token i (after 'by'/'for'); token indices [a, b)."""
    while i < end and doc[i].lower_ in ("the",):
        i += 1
    while i + 1 < end and doc[i].pos_ == "ADJ" and doc[i].text.islower() and _namey(doc[i + 1]):
        i += 1  # "by the independent Acme University", "by the nonpartisan Acme Center"
    i = _past_descriptor(doc, i, end, rules)
    if i >= end or not _namey(doc[i]) or _is_date_word(doc[i]):
        return None
    j = i + 1
    while j < end:
        t = doc[j]
        if _namey(t) and not _is_date_word(t):
            j += 1
        elif t.text in _GLUE and j + 1 < end and _namey(doc[j + 1]) and not doc[j - 1].whitespace_:
            j += 1
        elif j + 1 < end and _namey(doc[j + 1]) and (
                t.text == "&" or (t.lower_ in _CONNECTORS and rules.has("org_suffix", doc[j - 1].text))):
            j += 1
        elif t.like_num and j + 1 < end and _namey(doc[j + 1]):
            j += 1
        else:
            break
    if j + 1 < end and doc[j].text in ("'s", "’s") and doc[j + 1].pos_ == "NOUN":
        j += 2  # "by Smith's campaign": the campaign, not the person, ran the poll
    elif j < end and doc[j].lower_ in _CAMPAIGN_NOUNS:
        j += 1  # "by the Smith campaign"
    return i, j


def _past_descriptor(doc, i: int, end: int, rules: PollRules) -> int:
    """Where the name starts after a description of the pollster: "the Reno-based firm
    Acme Analytics", "Republican pollster Jane Roe", "the Ohio-based Acme Group" (see the
    pollster_descriptor rule). Without a descriptor the run starts at i."""
    j = i
    while j < end and j - i <= DESCRIPTOR_MAX_TOKENS:
        t = doc[j]
        nxt_name = j + 1 < end and _namey(doc[j + 1])
        if t.text.islower() and rules.has("pollster_descriptor", t.text):
            return j + 1 if nxt_name else i
        hyphen_tail = (t.lower_ in _DESCRIPTOR_TAILS and j > i and doc[j - 1].text == "-") \
            or any(t.lower_.endswith("-" + tail) for tail in _DESCRIPTOR_TAILS)  # one token: "D.C.-based"
        if hyphen_tail and nxt_name:
            return j + 1  # "the Ohio-based Acme Group"
        if (t.is_punct and t.text not in ("-", ",") or t.pos_ in ("VERB", "AUX", "ADP", "DET", "PRON", "CCONJ")) \
                and not hyphen_tail:
            return i
        j += 1
    return i


def _run_backward(doc, k: int, start: int, rules: PollRules) -> Optional[tuple[int, int]]:
    """A proper-name run ending just before token k ('Acme University' poll)."""
    j = k
    i = k
    while i - 1 >= start:
        t = doc[i - 1]
        if _namey(t) and not (rules.has("mention_modifier", t.text) and (t.is_sent_start or i - 1 == start)):
            i -= 1
        elif t.text in _GLUE and i - 2 >= start and _namey(doc[i - 2]) and not t.whitespace_:
            i -= 1
        elif t.like_num and i < j and _namey(doc[i]):
            i -= 1
        elif i < j and i - 2 >= start and _namey(doc[i - 2]) and (
                t.text == "&" or (t.lower_ in _CONNECTORS and rules.has("org_suffix", doc[i - 2].text))):
            i -= 1
        else:
            break
    while i < j and (_is_date_word(doc[i]) or doc[i].lower_ in _LEADING_JUNK
                     or (_opens(doc, i, start) and doc[i].pos_ in ("ADJ", "ADV") and doc[i].ent_type_ == "")  # "Current polling"
                     or rules.has("anaphor_det", doc[i].text)  # "Its new poll"
                     or (doc[i].like_num and i > start and _is_date_word(doc[i - 1]))
                     or doc[i].text in _GLUE):
        i += 1
    if i >= j or not any(doc[x].is_alpha and doc[x].text[0].isupper() for x in range(i, j)):
        return None
    return i, j


def _opens(doc, i: int, start: int) -> bool:
    """Token i is the sentence's first word, past opening quotes and brackets."""
    return all(doc[x].is_punct for x in range(start, i))


def _chars(doc, a: int, b: int) -> tuple[int, int]:
    return doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)


def _text(doc, a: int, b: int) -> str:
    s, e = _chars(doc, a, b)
    return doc_text(doc)[s:e]


def find_mentions(doc, span, rules: PollRules, published: Optional[str]) -> list[PollMention]:
    """Every poll mention in one sentence-sized span, in order."""
    start, end = span.start, span.end
    out: list[PollMention] = []
    used: set[int] = set()
    nouns = rules.terms["mention_noun"]
    for tok in span:
        if tok.lower_ not in nouns or tok.i in used:
            continue
        if tok.lower_ in ("polling", "tracking") and tok.pos_ == "VERB":
            continue
        if tok.lower_ == "polling" and tok.i + 1 < end and doc[tok.i + 1].lower_ in _NOT_POLL_HEADS:
            continue  # "polling places", "traditional polling companies": no poll
        if tok.dep_ == "compound" and tok.head.i > tok.i and rules.has("non_candidate_role", tok.head.text):
            continue  # "said poll director Jo Roe", "the survey analyst": a person's role, no poll
        if _inside_name(doc, tok, end, rules) or any(a <= tok.idx < b for m in out for a, b in m.name_spans):
            continue  # "Acme Polling and Research", "Polling Institute": part of a name
        m = _noun_mention(doc, tok, start, end, rules)
        if m is not None:
            out.append(m)
    out.extend(_agent_mentions(doc, span, rules, out))
    out.extend(_role_mentions(doc, span, rules, out))
    out.extend(_finder_mentions(doc, span, rules, out))
    out.extend(_appositive_mentions(doc, span, rules, out))
    out.extend(_gazetteer_mentions(doc, span, rules, out))
    out.extend(_compound_name_mentions(doc, span, out))
    out.extend(_firm_shaped_mentions(doc, span, rules, out))
    out.extend(_according_mentions(doc, span, rules, out))
    out.sort(key=lambda m: m.start)
    out = [replace(m, earlier="compared") if _compared_to(doc, m, span.start) else m for m in out]
    return _attach_sentence_facts(doc, span, out, rules, published)


# Determiners that make a poll noun stand for polls in general, not one poll.
_GENERIC_DETS = frozenset({"any", "every", "no", "each"})
# "their best result since an Acme survey from April", "higher than in the Acme poll": a
# poll named as the yardstick of a comparison, not the poll whose figures the text reports.
_COMPARISON_WORDS = frozenset({"since", "than"})
# How many tokens (articles, adjectives, "in") may stand between the comparison word and the poll.
COMPARISON_REACH_TOKENS = 3


def _compared_to(doc, m: PollMention, start: int) -> bool:
    first = doc.char_span(m.start, m.end, alignment_mode="expand")
    if first is None:
        return False
    for i in range(first.start - 1, max(start, first.start - 1 - COMPARISON_REACH_TOKENS) - 1, -1):
        if doc[i].lower_ in _COMPARISON_WORDS:
            return True
        if doc[i].pos_ not in ("DET", "ADJ", "ADP", "ADV"):
            return False
    return False


def _inside_name(doc, tok, end: int, rules: PollRules) -> bool:
    if not tok.text[:1].isupper() or tok.is_sent_start:
        return False
    nxt = doc[tok.i + 1] if tok.i + 1 < end else None
    if nxt is None:
        return False
    if _namey(nxt) and not rules.has("finding_verb", nxt.lemma_):
        return True
    return nxt.lower_ in ("and", "&") and tok.i + 2 < end and _namey(doc[tok.i + 2])


def _noun_mention(doc, tok, start: int, end: int, rules: PollRules) -> Optional[PollMention]:
    nouns = rules.terms["mention_noun"]
    k = tok.i
    j, earlier = _past_modifiers(doc, k - 1, start, rules, "")
    possessive = j >= start and doc[j].text in ("'s", "’s")
    back = _run_backward(doc, j if possessive else j + 1, start, rules)
    if back and not possessive:
        scoped = _without_scope(doc, *back, rules)
        if scoped is None:  # "PPP's new West Virginia poll", "the GOP Senate poll": no maker named
            j, earlier = _past_modifiers(doc, back[0] - 1, start, rules, earlier)
            possessive = j >= start and doc[j].text in ("'s", "’s")
            back = _run_backward(doc, j, start, rules) if possessive else None
        else:
            back = scoped
    if back is None and not possessive:
        back = _possessor_name(doc, tok, start, rules)  # "Acme College's first likely voter survey"
    if back is None and not possessive:
        back = _name_before_topic(doc, j, start, rules)  # "the latest Acme voting intention poll"
    d = (back[0] - 1) if back else j
    if back is None:  # "the current survey", "the widely watched poll": adjectives after the article
        x = d
        while x >= start and d - x < DETERMINER_REACH_TOKENS and doc[x].text.islower() \
                and doc[x].pos_ in ("ADJ", "ADV", "VERB") and doc[x].tag_ not in ("VBD", "VBZ", "VBP"):
            x -= 1
        if x >= start and x < d and (doc[x].pos_ == "DET" or rules.has("anaphor_det", doc[x].text)):
            d = x
    det = doc[d] if d >= start and (doc[d].pos_ == "DET" or rules.has("anaphor_det", doc[d].text)) else None
    if possessive and back is None and j - 1 >= start and doc[j - 1].text.islower() \
            and rules.has("generic_pollster_noun", doc[j - 1].text):
        det = doc[j]  # "the university's June poll": the pollster already named
    if possessive and back is None and j - 1 >= start and doc[j - 1].lower_ in _PRESENT_TIME:
        det = doc[j]  # "In today's survey, ...": the poll being reported
    if back is None and det is not None and det.lower_ in _GENERIC_DETS:
        return None  # "its best result in any poll", "no survey has shown": polls in general
    if any(doc[x].lower_ in _FUTURE for x in range(max(start, (back[0] if back else j + 1) - 2), k)):
        return None  # "The next Acme poll will be released in May": no poll yet
    pre_name = _text(doc, *back) if back else None
    spans = [_chars(doc, *back)] if back else []
    pollster, sponsor = pre_name, None
    # Forward: "conducted by X", "done for S by X", "from X", "of N likely voters".
    i, counted, depth = k + 1, 0, 0
    while i < end and counted < FORWARD_SCAN_TOKENS:
        t = doc[i]
        depth += (t.text == "(") - (t.text == ")")
        counted += depth == 0
        finite = t.pos_ == "VERB" and t.tag_ in ("VBZ", "VBD", "VBP") and not any(
            rules.has(kind, t.text) for kind in ("conducted_by", "release_verb", "sponsored_by", "field_verb"))
        finite = finite or (t.pos_ == "AUX" and t.tag_ in ("VBZ", "VBD", "VBP")
                            and t.dep_ in ("ROOT", "ccomp", "conj", "advcl"))  # "Smith was down ..."
        if (t.lower_ in nouns and i > k + 1) or finite:
            break  # another poll, or the sentence's own verb: "The poll confirms ... by X"
        if t.like_num and i + 1 < end and (doc[i + 1].text == "%" or doc[i + 1].lower_ in ("percent", "per")):
            break  # "in the poll, against 33% for Smith": a figure, so no longer the poll's maker
        if t.text == "," and i + 2 < end and doc[i + 1].pos_ == "DET" and doc[i + 2].text.islower() \
                and doc[i + 2].pos_ == "NOUN":
            break  # ", a memo obtained by the Courier": another thing's maker, not the poll's
        if t.lower_ == "by" and doc[i - 1].tag_ == "VBN" and not any(
                rules.has(kind, doc[i - 1].text) for kind in ("conducted_by", "sponsored_by", "field_verb")):
            break  # "in the latest Acme poll, her backers are wooed by Smith": another verb's agent
        if t.lower_ in ("by", "from") and (t.lower_ == "by" or i == k + 1):
            run = _run_forward(doc, i + 1, end, rules)
            if run:
                name = _text(doc, *run)
                sponsor_verb = any(rules.has("sponsored_by", doc[x].text) for x in range(max(k + 1, i - 3), i))
                if sponsor_verb:
                    sponsor = sponsor or name
                else:
                    if pre_name and pollster == pre_name:
                        sponsor = sponsor or pre_name
                    pollster = name
                spans.append(_chars(doc, *run))
                i = run[1]
                continue
        elif t.lower_ == "for" and i + 1 < end and doc[i + 1].lower_ not in ("a", "an") \
                and not (doc[i - 1].text[:1].isupper() and rules.has("org_suffix", doc[i - 1].text)):
            # ("Center for Survey Research" is a name, not a poll done for someone)
            run = _run_forward(doc, i + 1, end, rules)
            if run and not (run[1] < end and doc[run[1]].pos_ == "NOUN" and doc[run[1]].text[:1].islower()):
                sponsor = sponsor or _text(doc, *run)
                spans.append(_chars(doc, *run))
                i = run[1]
                continue
        elif t.is_sent_start or (t.pos_ == "VERB" and rules.has("finding_verb", t.lemma_)
                                 and t.tag_ in ("VBZ", "VBD", "VBP") and doc[min(i + 1, end - 1)].lower_ != "by"):
            break  # "The poll showed ...": what follows is the finding, not the poll's maker
        i += 1
    if pollster is None and back is None:
        owner = _possessive_owner(doc, tok, start, rules)
        if owner is not None:  # "The Roe campaign released its own polling": the campaign's poll
            pollster = _text(doc, *owner)
            spans.append(_chars(doc, *owner))
    population = None
    if k + 1 < end and doc[k + 1].lower_ == "of" and not _counts_people(doc, k + 2, end):
        ph = subgroup_phrase(doc, k + 2, end, rules)
        if ph and not is_whole_sample(doc, *ph, rules):
            population = _text(doc, *ph)
    if pollster:
        kind = "named"
    elif tok.text.lower() == "polling" and not det:
        return None  # "in polling and fundraising": polling in general
    elif det is not None and (rules.has("anaphor_det", det.text) or det.text in ("'s", "’s")):
        kind = "anaphor"
    else:
        kind = "indefinite"
    s, e = _chars(doc, back[0] if back else k, k + 1)
    return PollMention(s, e, kind, pollster=pollster, sponsor=sponsor if sponsor != pollster else None,
                       population=population, name_spans=tuple(spans), earlier=earlier)


_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her"})
# "a poll of more than 2,000 people", "a survey of about 600 voters": words before a count
# that leave the phrase a sample's size, not a subgroup ("more than" is the longest: 2).
SAMPLE_QUANTIFIER_TOKENS = 2


def _counts_people(doc, i: int, end: int) -> bool:
    """The phrase at token i counts the people polled ("600 voters", "more than 2,000
    people", "about 800 adults"): a number within SAMPLE_QUANTIFIER_TOKENS lowercase words."""
    for x in range(i, min(end, i + SAMPLE_QUANTIFIER_TOKENS + 1)):
        if doc[x].like_num:
            return True
        if not (doc[x].is_alpha and doc[x].is_lower) or doc[x].pos_ in ("NOUN", "PROPN"):
            return False
    return False


def _possessive_owner(doc, tok, start: int, rules: PollRules) -> Optional[tuple[int, int]]:
    """"The Roe campaign released its own polling", "The Ledger published its survey": a poll
    noun with a possessive pronoun, object of a verb whose subject is a name (a capitalised
    word, maybe with a campaign noun after it), belongs to that subject. Token span or None."""
    if not any(c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS for c in tok.children):
        return None
    verb = tok.head
    if tok.dep_ != "dobj" or verb.pos_ != "VERB":
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.i < start or subj.pos_ not in ("NOUN", "PROPN"):
        return None
    a, b = min(t.i for t in subj.subtree), subj.i + 1
    while a < b and (doc[a].pos_ == "DET" or doc[a].lower_ in _LEADING_JUNK):
        a += 1
    if a >= b or a < start or not _namey(doc[a]) or doc[a].ent_type_ in _SCOPE_ENTITIES:
        return None
    if subj.pos_ == "NOUN" and subj.lower_ not in _CAMPAIGN_NOUNS:
        return None  # "The new figures show their ...": no maker named
    if subj.pos_ == "PROPN" and (subj.ent_type_ == "PERSON" or not _org_like(doc, a, b, rules)):
        return None  # "Roe released his own poll": a candidate stays a side, not a pollster
    return a, b


# Lowercase words between a pollster's name and the poll noun that say what the poll is
# about ("the Acme voting intention poll", "the Acme members' poll", "the latest Acme
# federal ballot tracking"): 3 covers the longest such topic in the train set.
TOPIC_MAX_TOKENS = 3


def _name_before_topic(doc, j: int, start: int, rules: PollRules) -> Optional[tuple[int, int]]:
    """A name run, after an article or a poll modifier, that a few lowercase topic words
    (nouns and adjectives, a plural possessive) part from the poll noun: "The latest
    Acme/Ledger voting intention poll", "the Acme members' poll". Token span or None."""
    x, n = j, 0
    while x >= start and n < TOPIC_MAX_TOKENS:
        t = doc[x]
        if t.text in ("'", "’") and x - 1 >= start and doc[x - 1].tag_ == "NNS" and doc[x - 1].is_lower:
            x -= 1  # "members'": the plural's possessive mark
            continue
        if t.lower_ in _CAMPAIGN_NOUNS:
            return None  # "a Roe campaign poll": the candidate's own poll, no firm named
        if not (t.is_alpha and t.is_lower and t.pos_ in ("NOUN", "ADJ")) or rules.has("mention_modifier", t.text):
            break
        x -= 1
        n += 1
    if n == 0 or x < start or x == j:
        return None
    run = _run_backward(doc, x + 1, start, rules)
    if run is None or run[1] != x + 1 or run[0] - 1 < start:
        return None
    before, _ = _past_modifiers(doc, run[0] - 1, start, rules, "")
    if before < start or not (doc[before].pos_ == "DET" or rules.has("anaphor_det", doc[before].text)):
        return None
    if any(t.ent_type_ == "PERSON" for t in doc[run[0]:run[1]]):
        return None
    known = rules.pollster_regex().match(_text(doc, *run)) if rules.pollsters else None
    if known is not None:  # "the Acme LAB members' poll": the gazetteer's "Acme", not "Acme LAB"
        cut = doc[run[0]].idx + known.end()
        return run[0], next(x + 1 for x in range(run[0], run[1]) if doc[x].idx + len(doc[x].text) >= cut)
    return _without_scope(doc, *run, rules)


def _possessor_name(doc, tok, start: int, rules: PollRules) -> Optional[tuple[int, int]]:
    """The name whose possessive the parse attaches to the poll noun across words that are
    no poll modifiers ("the independent Acme College's first general election likely voter
    survey"), without the places and race words around it; None when there is none."""
    poss = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN" and c.i >= start), None)
    if poss is None or poss.i + 1 >= tok.i or doc[poss.i + 1].text not in ("'s", "’s"):
        return None
    run = _run_backward(doc, poss.i + 1, start, rules)
    return _without_scope(doc, *run, rules) if run else None


def _past_modifiers(doc, j: int, start: int, rules: PollRules, earlier: str) -> tuple[int, str]:
    """The first token at or before j that is not a poll noun's modifier ("new", "June",
    "summer"), and whether a modifier made the poll an older one ("previous", "dated").
    A capitalised modifier opening the line, or capitalised before a capitalised noun as in a
    headline, is one too ("Current Poll", "Prior Poll" as table headers, "Ahead in New Poll"),
    never a pollster's name."""
    while j >= start and (
            (first := _hyphen_compound(doc, j, start)) is not None):
        j = first - 1  # "the Acme face-to-face poll", "the Acme two-day survey": a lowercase compound
    while j >= start and (
            (rules.has("mention_modifier", doc[j].text)
             and (doc[j].text[:1].islower() or _opens(doc, j, start) or doc[j + 1].text[:1].isupper()))
            or _month_word(doc, j, start) or rules.has("season_word", doc[j].text)):
        if rules.has("earlier_modifier", doc[j].text):
            earlier = "previous"
        elif (_month_word(doc, j, start) or rules.has("season_word", doc[j].text)) and not earlier:
            earlier = "dated"
        j -= 1
    return j, earlier


def _hyphen_compound(doc, j: int, start: int) -> Optional[int]:
    """The first token of a lowercase hyphenated compound ending at token j ("face-to-face",
    "two-day"), or None when token j ends none."""
    i = j
    while i - 2 >= start and doc[i].is_lower and doc[i].is_alpha and doc[i - 1].text == "-" \
            and doc[i - 2].is_lower and doc[i - 2].is_alpha:
        i -= 2
    return i if i < j else None


def _scope_token(tok, rules: PollRules) -> bool:
    """A place, a people, or a race word (see the scope_word rule): what a poll is about."""
    return tok.ent_type_ in _SCOPE_ENTITIES or rules.has("scope_word", tok.text) or tok.text in _GLUE \
        or bool(_YEAR.match(tok.text))


def _without_scope(doc, a: int, b: int, rules: PollRules) -> Optional[tuple[int, int]]:
    """A name run before a poll noun without the places and race words around it ("West
    Virginia", "Mayor", "GOP Senate"): what is left names the poll's maker, None when
    nothing is. A name the pollster gazetteer knows is kept whole."""
    if rules.pollsters and rules.pollster_regex().fullmatch(_text(doc, a, b)):
        return a, b
    if _org_elsewhere(doc, _text(doc, a, b), rules):
        return a, b  # "a Bayline poll" where the article names "Bayline Research": the tagger's place is the firm
    while b > a and _scope_token(doc[b - 1], rules):
        b -= 1
    while a < b and doc[a].ent_type_ in _SCOPE_ENTITIES:
        a += 1
    if a >= b or not any(doc[x].is_alpha and doc[x].text[:1].isupper() for x in range(a, b)):
        return None
    return a, b


def _org_elsewhere(doc, name: str, rules: PollRules) -> bool:
    """Does the article use ``name`` as the start of an organisation's name ("Bayline
    Research", "Ohio Polling Group")?"""
    suffixes = "|".join(re.escape(t) for t in sorted(rules.terms["org_suffix"] - rules.terms["poll_word"]))
    return bool(re.search(r"(?<![\w])" + re.escape(name) + r"\s+(?:" + suffixes + r")\b", doc_text(doc), re.I))


def _month_word(doc, j: int, start: int) -> bool:
    """A month, or the day after one, right before a poll noun ("its June poll",
    "a Sept. 10 survey")."""
    t = doc[j]
    if t.text[:1].isupper() and t.lower_.rstrip(".") in MONTHS and not (t.lower_ == "may" and t.is_sent_start):
        return True
    return t.like_num and j - 1 >= start and doc[j - 1].lower_.rstrip(".") in MONTHS


# Plural poll nouns: no poll mention of their own, but "polls conducted by X" names X a pollster.
_PLURAL_POLL_NOUNS = frozenset({"polls", "surveys"})


def _agent_mentions(doc, span, rules: PollRules, found: list[PollMention]) -> list[PollMention]:
    """'voters contacted by X', 'surveyed by X': the agent of a polling participle;
    'X, polling for S, had ...': the firm before the participle."""
    out = []
    covered = [s for m in found for s in m.name_spans]
    for tok in span:
        if tok.lower_ == "polling" and tok.i - 1 > span.start and doc[tok.i - 1].text == "," \
                and tok.i + 1 < span.end and doc[tok.i + 1].lower_ == "for":
            # "the Acme Group, polling for a super PAC, had Smith up 47-43"
            run = _run_backward(doc, tok.i - 1, span.start, rules)
            if run and _org_like(doc, *run, rules):
                s, e = _chars(doc, *run)
                if not any(a <= s < b for a, b in covered):
                    out.append(PollMention(s, e, "named", pollster=_text(doc, *run), name_spans=((s, e),)))
            continue
        by = tok.i + 1
        if tok.lower_ in _PLURAL_POLL_NOUNS and by + 1 < span.end and doc[by].tag_ == "VBN" \
                and rules.has("conducted_by", doc[by].text):
            by += 1  # "polls conducted by Acme University": the plural names no poll, its agent does
        elif tok.lower_ not in _PARTICIPLE_TAIL:
            continue
        if by >= span.end or doc[by].lower_ != "by":
            continue
        run = _run_forward(doc, by + 1, span.end, rules)
        if not run:
            continue
        s, e = _chars(doc, *run)
        if any(a <= s < b for a, b in covered):
            continue
        out.append(PollMention(s, e, "named", pollster=_text(doc, *run), name_spans=((s, e),)))
    return out


def _according_mentions(doc, span, rules: PollRules, found: list[PollMention]) -> list[PollMention]:
    """"Smith leads 45% to 40%, according to Acme Research": an organisation a sentence with
    a figure is attributed to made the poll. A person ("according to Smith") or a poll noun
    ("according to a new Acme poll", read as a poll mention) is left to the other readers, and
    when the sentence names a pollster otherwise ("according to the Ledger, Smith led in a
    poll conducted by Acme"), the organisation is the outlet reporting it, no pollster."""
    if any(m.pollster for m in found):
        return []
    out = []
    covered = [s for m in found for s in m.name_spans]
    for tok in span:
        if tok.lower_ != "according" or tok.i + 2 >= span.end or doc[tok.i + 1].lower_ != "to":
            continue
        run = _run_forward(doc, tok.i + 2, span.end, rules)
        if not run or not _org_like(doc, *run, rules) or any(t.ent_type_ == "PERSON" for t in doc[run[0]:run[1]]):
            continue
        if run[1] < span.end and doc[run[1]].lower_ in rules.terms["mention_noun"]:
            continue  # "according to the Acme poll": the poll noun's own mention
        s, e = _chars(doc, *run)
        if any(a <= s < b for a, b in covered):
            continue
        out.append(PollMention(s, e, "named", pollster=_text(doc, *run), name_spans=((s, e),)))
    return out


def _role_mentions(doc, span, rules: PollRules, found: list[PollMention]) -> list[PollMention]:
    """"the Smith campaign's pollster, Jane Roe of Acme Research, says ...": a campaign's
    (or anyone's) own pollster named with the firm; the firm ran the poll. The owner
    ("campaign's", "his") is required, so a pollster merely quoted about someone else's
    poll ("said pollster Jane Roe of Acme") makes no poll of his firm."""
    out = []
    covered = [s for m in found for s in m.name_spans]
    end = span.end
    for tok in span:
        if tok.lower_ not in ("pollster", "pollsters") or tok.pos_ != "NOUN":
            continue
        if not any(c.dep_ in ("poss", "compound") for c in tok.children):
            continue
        j = tok.i + 1 + (tok.i + 1 < end and doc[tok.i + 1].text == ",")
        p0 = j
        while j < end and j - p0 < ROLE_NAME_MAX_TOKENS and _namey(doc[j]):
            j += 1
        if j == p0 or j >= end or doc[j].lower_ not in ("of", "at", "with", "from"):
            continue
        run = _run_forward(doc, j + 1, end, rules)
        if not run or not _org_like(doc, *run, rules):
            continue
        s, e = _chars(doc, *run)
        if any(a <= s < b for a, b in covered):
            continue
        out.append(PollMention(s, e, "named", pollster=_text(doc, *run),
                               name_spans=(_chars(doc, p0, j), (s, e))))
    return out


def _is_share_word(tok) -> bool:
    """"percent", "%", "points": a figure, so "Smith polled 49 percent" counts no people."""
    return tok.text == "%" or tok.lower_ in ("percent", "pct", "cent", "points", "point")


def _appositive_mentions(doc, span, rules: PollRules, found: list[PollMention]) -> list[PollMention]:
    """A firm described as a pollster in apposition: "Acme Research, a leading pollster for
    Democrats, took a snapshot ...", "said Jo Roe, president of Acme Polling Inc., the firm
    that conducted the survey" (which ran the poll being reported: ``conductor``), and "the
    founder of Acme Advisors, which sponsored the poll" (the poll's sponsor)."""
    out: list[PollMention] = []
    covered = [s for m in found for s in m.name_spans]
    end = span.end
    for tok in span:
        role = tok.pos_ == "NOUN" and tok.text.islower() and rules.has("pollster_descriptor", tok.text)
        relative = tok.lower_ in ("who", "which") and tok.i - 1 > span.start and doc[tok.i - 1].text == ","
        if not role and not relative:
            continue
        x = tok.i - 1 if relative else _appositive_comma(doc, tok.i, span.start)
        if x is None:
            continue
        run = _run_backward(doc, x, span.start, rules)
        if not run or not _org_like(doc, *run, rules):
            continue
        s, e = _chars(doc, *run)
        if any(a <= s < b for a, b in covered):
            continue
        verb = _clause_verb_on_poll(doc, tok.i + 1, end, rules)
        if relative and verb == "sponsored":
            out.append(PollMention(s, e, "anaphor", sponsor=_text(doc, *run), name_spans=((s, e),)))
        elif relative and verb != "conducted":
            continue
        else:
            out.append(PollMention(s, e, "named", pollster=_text(doc, *run), name_spans=((s, e),),
                                   conductor=verb == "conducted"))
        covered.append((s, e))
    return out


def _appositive_comma(doc, i: int, start: int) -> Optional[int]:
    """The comma opening an appositive that ends in the role noun at i (", the firm",
    ", a leading Democratic pollster"), or None."""
    x = i - 1
    while x > start and i - x <= DESCRIPTOR_MAX_TOKENS and doc[x].text != "," and (
            doc[x].pos_ in ("ADJ", "ADV", "DET", "NOUN", "PROPN") or doc[x].tag_ in ("VBG", "VBN")
            or doc[x].text == "-"):
        x -= 1
    if x <= start or doc[x].text != "," or not any(doc[y].pos_ == "DET" for y in range(x + 1, i)):
        return None
    return x


def _clause_verb_on_poll(doc, i: int, end: int, rules: PollRules) -> Optional[str]:
    """"that conducted the survey" -> "conducted", "who sponsored the poll" -> "sponsored":
    a relative clause right after i whose verb has a poll noun for its object."""
    for x in range(i, min(end, i + 3)):
        t = doc[x]
        if t.pos_ != "VERB":
            continue
        kind = "sponsored" if rules.has("sponsored_by", t.text) else \
            "conducted" if rules.has("conducted_by", t.text) or t.lemma_ in ("conduct", "do", "run") else None
        if kind and any(doc[y].lower_ in rules.terms["mention_noun"] for y in range(x + 1, min(end, x + 5))):
            return kind
        return None
    return None


def _org_like(doc, a: int, b: int, rules: PollRules) -> bool:
    return any(rules.has("org_suffix", t.text) for t in doc[a:b]) or \
        any(t.ent_type_ == "ORG" for t in doc[a:b])


def _finder_mentions(doc, span, rules: PollRules, found: list[PollMention]) -> list[PollMention]:
    """'The X Center found that ...': an organisation as the subject of a finding verb;
    'Acme interviewed 651 adults': any name as the subject of a fieldwork verb."""
    out = []
    covered = [s for m in found for s in m.name_spans]
    for tok in span:
        fieldwork = tok.pos_ == "VERB" and rules.has("fieldwork_verb", tok.lemma_) and any(
            c.dep_ == "dobj" and not _is_share_word(c) and any(g.like_num for g in c.children) for c in tok.children)
        if not fieldwork and (tok.pos_ != "VERB" or not rules.has("finding_verb", tok.lemma_)
                              or tok.lemma_ == "have"):
            continue
        for child in tok.children:
            if child.dep_ not in ("nsubj", "nsubjpass") or child.lower_ in rules.terms["mention_noun"]:
                continue
            ent = next((e for e in span.ents if e.start <= child.i < e.end), None)
            if ent is not None and ent.label_ == "ORG":
                a, b = ent.start, ent.end
            else:
                a, b = min(t.i for t in child.subtree), child.i + 1
            while a < b and doc[a].lower_ in _LEADING_JUNK:
                a += 1
            while b > a and doc[b - 1].is_alpha and doc[b - 1].text.islower():
                b -= 1  # "the Acme graphic shows": the chart is Acme's, the name is "Acme"
            if a >= b or not _namey(doc[a]) or not (
                    _org_like(doc, a, b, rules) or (fieldwork and all(_namey(t) for t in doc[a:b]))):
                continue
            s, e = _chars(doc, a, b)
            if any(x <= s < y for x, y in covered):
                continue
            out.append(PollMention(s, e, "named", pollster=_text(doc, a, b), name_spans=((s, e),)))
    return out


def _gazetteer_mentions(doc, span, rules: PollRules, found: list[PollMention]) -> list[PollMention]:
    """Well-known pollsters named anywhere in a poll sentence."""
    if not rules.pollsters:
        return []
    out = []
    covered = [s for m in found for s in m.name_spans]
    for m in rules.pollster_regex().finditer(span.text):
        s, e = span.start_char + m.start(), span.start_char + m.end()
        if any(a <= s < b or s <= a < e for a, b in covered):
            continue
        first = doc.char_span(s, e, alignment_mode="expand")
        if first is not None and any(doc[x].lower_ in _FUTURE for x in range(max(span.start, first.start - 2), first.start)):
            continue  # "The next Acme poll will be released in May": no poll yet
        out.append(PollMention(s, e, "named", pollster=m.group(0), name_spans=((s, e),)))
        covered.append((s, e))
    return out


def _firm_shaped_mentions(doc, span, rules: PollRules, found: list[PollMention]) -> list[PollMention]:
    """A name shaped like a polling firm's ("Marlow Research", "Halden Polling", "Voss
    Strategies", "Acme Opinion Surveys") anywhere in a poll sentence names its pollster,
    as a gazetteer name would."""
    out: list[PollMention] = []
    covered = [s for m in found for s in m.name_spans]
    for tok in span:
        if not rules.has("firm_tail", tok.text) or not tok.text[:1].isupper() or tok.i == span.start:
            continue
        if tok.i + 1 < span.end and _namey(doc[tok.i + 1]):
            continue  # not the end of the name
        run = _run_backward(doc, tok.i + 1, span.start, rules)
        if run is None or run[1] - run[0] < 2:
            continue  # (the tagger's PERSON on "Brindle Strategies" is wrong: no person ends so)
        s, e = _chars(doc, *run)
        if any(a <= s < b or s <= a < e for a, b in covered):
            continue
        out.append(PollMention(s, e, "named", pollster=_text(doc, *run), name_spans=((s, e),)))
        covered.append((s, e))
    return out


def _compound_name_mentions(doc, span, found: list[PollMention]) -> list[PollMention]:
    """A pollster whose one-word name ends in "poll" ("Acmepoll", "MetroPoll"): the word
    is the poll's maker wherever it stands in a poll sentence."""
    out = []
    covered = [s for m in found for s in m.name_spans]
    for tok in span:
        if not POLL_COMPOUND_WORD.fullmatch(tok.text):
            continue
        s, e = _chars(doc, tok.i, tok.i + 1)
        if any(a <= s < b for a, b in covered):
            continue
        out.append(PollMention(s, e, "named", pollster=tok.text, name_spans=((s, e),)))
        covered.append((s, e))
    return out


def _attach_sentence_facts(doc, span, mentions: list[PollMention], rules: PollRules,
                           published: Optional[str]) -> list[PollMention]:
    """Dates, sample and margin of error stated in the sentence go to its first poll mention."""
    if not mentions:
        return mentions
    text = span.text

    def owner(pos: int) -> int:
        """The mention nearest before a character offset (else the first one)."""
        best = 0
        for n, m in enumerate(mentions):
            if m.start <= pos:
                best = n
        return best

    facts: dict[int, dict] = {}
    size, universe, at = parse_sample(text)
    if size is not None:
        facts.setdefault(owner(span.start_char + at), {}).update(sample_size=size, sample_universe=universe)
    for day_hit in _RELEASE_DAY.finditer(text):
        day = (day_hit.group(1) or day_hit.group(2)).lower()
        facts.setdefault(owner(span.start_char + day_hit.start()), {}).setdefault("release_day", day)
    moe = parse_margin_of_error(text)
    if moe is not None:
        facts.setdefault(0, {}).setdefault("margin_of_error", moe)
    field_re = re.compile(r"\b(?:" + "|".join(sorted(rules.terms["field_verb"])) + r")\b(?:\s+\S+){0,4}\s+"
                          r"(?:on|from|between|in|over)?\s*$", re.I)
    for hit in find_dates(text, span.start_char, published):
        before = doc_text(doc)[max(span.start_char, hit.start - 40):hit.start]
        if _PAST_FIGURE.search(before):
            continue  # "up from 38 percent in March": the date of an older figure
        f = facts.setdefault(owner(hit.start), {})
        if field_re.search(before) or "/" in hit.iso:  # a span of days is the field period
            f.setdefault("field_dates", hit.iso)
        else:
            f.setdefault("released", hit.iso.split("/")[0])
    return [replace(m, **facts.get(n, {})) for n, m in enumerate(mentions)]
