"""Give each figure in a poll sentence to its candidate(s) and its population.

Walks the figures left to right. Each figure looks for its candidate first among the
unused names since the previous figure ("with Smith at 25% and Jones at 23%"), then
just after it ("44% Smith", "44 percent said they would vote for Smith"). A pair
("44 percent to 42 percent") goes to the two names before it, the leader named by the
verb taking the larger figure; when a side is missing it is the subject of the earlier
pair or the race's other candidate nearby. Figures that are not candidate shares
(undecided, approval, margins, election returns, delegates, turnout) are skipped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Callable, Optional, Union

from .group_cues import group_prefers
from .numbers import Share
from .people import CandidateMention
from .population import Population, population_for
from .returns import returns_partner
from .rules import PollRules
from ...nlp.build import doc_text
from ...nlp.vocabulary import words

# Tokens before a figure searched for approval/rating cues ("His approval rating among
# Ohio voters is 37%": 7 tokens); 8 covered every such case in the dev set.
ATTITUDE_WINDOW_TOKENS = 8
# Tokens before a figure searched for election-result cues ("won the party endorsement
# with 83%": 5 tokens).
ELECTION_WINDOW_TOKENS = 6
# Characters after a figure searched for "undecided"-type cues, up to the clause end.
AFTER_WINDOW_CHARS = 120
# How far after a figure its candidate may come ("41 percent of the people interviewed
# said they would vote for X": 10 tokens).
SHARE_FIRST_MAX_TOKENS = 12
# Evidence may start this many tokens before the first name or figure, at a lead/trail
# verb ("losing to Jones 60 percent to 33 percent": 2 tokens).
EVIDENCE_VERB_REACH_TOKENS = 4
# Figures shared by several names ("tied", "each") take names at most this far apart.
DISTRIBUTIVE_MAX_GAP_TOKENS = 15
# A candidate's description between a lead/trail verb and the name ("beats former
# Massachusetts Gov. Ann Roe": 4 tokens before the name's first token as written).
OBJECT_DESCRIPTION_MAX_TOKENS = 6

_FILLERS = words("poll.figure_fillers")
# Words between a figure and "behind" when the figure is the support behind a name ("30 percent
# are firmly behind Roe", "10 percent stand behind Fry").
_BEHIND_FILLERS = frozenset({"be", "stand", "line", "up", "firmly", "squarely", "solidly", "now", "still", "all"})
_PERSONAL = words("person_pronouns.third_person")
_CLAUSE_PUNCT = set(",;:()—–[]")
# "at 2% and the rest undecided": the undecided are the next item, not this figure's.
_AFTER_STOP = re.compile(r"[,;:()\[\]—–]|\s(?:but|while|whereas)\s|\sand\s+(?:the\s+)?(?:rest|remainder)\b", re.I)

Result = tuple[str, str, float]  # (name as written or inferred, person key, share)


@dataclass
class Slot:
    """Results read from one figure or figure group, before poll items are formed."""

    results: list[Result]
    frame: str
    start: int
    end: int
    population: Optional[str] = None
    explicit_population: bool = False  # False: inherit the poll mention's subgroup
    universe: Optional[str] = None


@dataclass
class UnitContext:
    """What later figures of the same sentence reuse: the last pair's two sides."""

    subject: Optional[tuple[str, str]] = None  # (key, text)
    partner: Optional[tuple[str, str]] = None
    consumed: set[int] = field(default_factory=set)  # indices into the unit's mentions
    attitude: bool = False  # the sentence turned to approval/favourability: no more shares
    object_run: bool = False  # the last pair's name was the verb's object ("beats Roe 45-37")


def _tokens(doc, start: int, end: int) -> tuple[int, int]:
    sp = doc.char_span(start, end, alignment_mode="expand")
    return (sp.start, sp.end) if sp is not None else (0, 0)


def _first_token(doc, c: CandidateMention) -> int:
    """Index of the first token of a name as written ('Mary' in 'Mary Jones')."""
    sp = doc.char_span(c.start, c.end, alignment_mode="expand")
    return sp.start if sp is not None else c.token_i


def _hit(rules: PollRules, kind: str, tok) -> bool:
    return rules.has(kind, tok.lemma_) or rules.has(kind, tok.text)


def exclusion(doc, a: int, b: int, pre_start: int, after_limit: int, rules: PollRules,
              poll_noun: bool, kind: str = "single") -> Optional[str]:
    """Why the figure at tokens [a, b) is not a candidate's share, or None when it is one.

    ``poll_noun``: the sentence names a poll itself, which lets "received 45 percent"
    stand as a poll figure rather than an election return. ``kind`` is the figure's (numbers.Share):
    a "trend" runs "from 36 to 37 per cent", so the "from" before it names no earlier figure.
    """
    # Right before: "up from 40%", "those 30 percent", "undecided 12%", "leads by 5 percent".
    k = a
    while k - 1 >= pre_start and doc[k - 1].lower_ in _FILLERS:
        k -= 1
    if k - 1 >= pre_start:
        before = doc_text(doc)[doc[max(pre_start, k - 3)].idx:doc[k - 1].idx + len(doc[k - 1].text)].lower()
        # "had support from 25 percent": the voters a side's support comes from, no earlier figure
        from_support = re.search(r"\b(?:support|backing|votes?)\s+from$", before) is not None
        if any(re.search(r"(?:^|[\s(])" + re.escape(t) + r"$", before) for t in rules.terms["exclude_before"]
               if not ((kind == "trend" or from_support) and t.endswith("from"))):
            return "before"
        if rules.has("margin_prep", doc[k - 1].text) and any(
                _hit(rules, "lead_cue", t) or _hit(rules, "trail_cue", t) or t.lower_ in ("margin", "edge")
                for t in doc[max(pre_start, k - 4):k - 1]):
            return "margin"
    # The clause before: approval ratings, favourability.
    for i in range(a - 1, max(pre_start, a - ATTITUDE_WINDOW_TOKENS) - 1, -1):
        t = doc[i]
        if t.text in ("(", ",") and i == a - 1:
            continue  # "rated most favourable (54%)", "disapprove of her handling of it, 60 percent to
            # 35 percent": the figures right after a bracket or comma are that clause's
        if t.text in _CLAUSE_PUNCT:
            break
        if _hit(rules, "attitude_cue", t) and t.lemma_ not in ("job", "should", "view") \
                and not _in_proper_name(doc, i):
            return "attitude"
    s = doc[b - 1].idx + len(doc[b - 1].text)
    after = doc_text(doc)[s:min(after_limit, s + AFTER_WINDOW_CHARS)]
    if after.startswith(")"):
        after = after[1:]  # "(35%) say Roe has the qualities ...": the bracket closes the figure only
    stop = _AFTER_STOP.search(after)
    after = after[:stop.start()] if stop else after
    among = re.search(r"\b(?:" + "|".join(sorted(rules.terms["subgroup_marker"])) + r")\b", after, re.I)
    after = after[:among.start()] if among else after  # "among union members" is a subgroup
    # Election returns: "won 57 percent of the vote", "declared the winner with 61.4 percent".
    for i in range(a - 1, max(pre_start, a - ELECTION_WINDOW_TOKENS) - 1, -1):
        t = doc[i]
        # "would win", "wanted Roe to win": a wish or a forecast, not a return
        modal = i - 1 >= 0 and (rules.has("modal", doc[i - 1].text) or (doc[i - 1].lower_ == "to" and t.tag_ == "VB"))
        if (rules.has("election_cue", t.text) or rules.has("election_cue", t.lemma_)) and not modal:
            return "election"
        if rules.has("election_weak_cue", t.text) and not modal and not poll_noun \
                and re.search(r"\bof the (?:popular |total )?vote\b|\bvotes\b", after, re.I):
            return "election"
    # Right after, to the clause end: "12% undecided", "59% disapproving", "margin of error".
    # A question other than the vote ("... doing a bad job", "honest and trustworthy") turns
    # the rest of the sentence to it, as an approval cue does.
    if rules.regex("view_question").search(after):
        return "attitude"
    hit = rules.regex("exclude_after").search(after)
    if hit is not None:
        return "attitude" if rules.has("attitude_cue", hit.group(0)) else "after"
    return None


def _in_proper_name(doc, i: int) -> bool:
    """A capitalised word inside a run of them is part of a name ("Longleaf Opinion
    Research"), not a cue word ("opinion") of the sentence."""
    t = doc[i]
    if not t.text[:1].isupper() or t.is_sent_start:
        return False
    return any(0 <= k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha for k in (i - 1, i + 1))


def _linked(doc, cand: CandidateMention, share_tok: int) -> bool:
    """The candidate governs the figure: an ancestor, or the subject of an ancestor verb."""
    ancestors = list(doc[share_tok].ancestors)
    ids = {t.i for t in ancestors}
    if cand.token_i in ids:
        return True
    head = doc[cand.token_i]
    while head.dep_ in ("compound", "flat", "appos") and head.head.i != head.i:
        head = head.head
    return head.dep_ in ("nsubj", "nsubjpass") and head.head.i in ids


def _cues(doc, a: int, b: int, rules: PollRules) -> dict[str, int]:
    """Positions (token index) of lead/trail/tie cues in tokens [a, b)."""
    found: dict[str, int] = {}
    for i in range(a, b):
        for kind in ("lead_cue", "trail_cue", "tie_cue"):
            if _hit(rules, kind, doc[i]):
                found[kind] = i  # the last one wins: nearest the figures
    return found


def read_slots(doc, span, shares: list[Share], cands: list[CandidateMention], rules: PollRules,
               opponent: Callable[[str, int], Optional[tuple[str, str]]],
               poll_noun: bool = False, ctx: Optional[UnitContext] = None,
               antecedent: Optional[Callable[[int], Optional[tuple[str, str]]]] = None) -> list[Slot]:
    """Every candidate result in one sentence-sized span, in order of the figures.

    ``opponent(key, char_pos)`` names the race's other candidate for a pair that gives
    one side only; ``antecedent(char_pos)`` the person a "he"/"him" before a figure
    stands for; ``poll_noun`` says the sentence itself names a poll.
    """
    ctx = ctx or UnitContext()
    slots: list[Slot] = []
    cand_tokens = {c.token_i for c in cands}
    tok_ranges = [_tokens(doc, s.start, s.end) for s in shares]
    pop_used = span.start  # tokens a previous figure's population phrase took
    read_until = span.start  # end of the last figure that gave a result
    last_pop: Optional[Population] = None  # the last population the sentence stated
    last_why: Optional[str] = None  # why the previous figure was no share
    view = rules.regex("view_question").search(doc_text(doc), span.start_char, span.end_char)
    for n, share in enumerate(shares):
        a, b = tok_ranges[n]
        if view is not None and view.end() <= share.start:
            ctx.attitude = True  # "Roe has the qualities of a leader, while 35 percent ...": a view, not a vote
        pre_start = tok_ranges[n - 1][1] if n else span.start
        post_end = tok_ranges[n + 1][0] if n + 1 < len(shares) else span.end
        after_limit = shares[n + 1].start if n + 1 < len(shares) else span.end_char
        why = exclusion(doc, a, b, pre_start, after_limit, rules, poll_noun, share.kind) or (
            "election" if n and last_why == "election" and returns_partner(doc, pre_start, a) else None)
        last_why = why
        if why == "election" and not poll_noun:
            break  # a sentence reporting returns ("won 58 percent ... to Jones's 42 percent")
        ctx.attitude = ctx.attitude or why == "attitude"
        if why or ctx.attitude:
            continue
        if share.kind == "single" and b < len(doc) and rules.has("margin_noun", doc[b].text):
            continue  # "a 32 per cent lead over Roe": a margin
        consumed_before = set(ctx.consumed)
        pre = [(k, c) for k, c in enumerate(cands)
               if k not in ctx.consumed and c.token_i >= pre_start and c.token_i < a
               and not _reported(doc, c.token_i, a, rules)]
        if share.kind == "pair":
            results, frame = _read_pair(doc, share, a, b, pre_start, post_end, pre, cands, rules, opponent, ctx,
                                        antecedent)
        elif share.kind == "series":
            results, frame = _read_series(share, pre, ctx)
        elif share.kind == "trend":  # one side's earlier value, then its value now: the latter is the share
            now = replace(share, kind="single", values=share.values[1:])
            results, frame = _read_single(doc, now, a, b, pre_start, post_end, pre, cands, rules, ctx)
        else:
            results, frame = _read_single(doc, share, a, b, pre_start, post_end, pre, cands, rules, ctx)
            if not results and antecedent is not None and not share.bare:
                results = _pronoun_result(doc, share, a, pre_start, antecedent)
        if not results:
            continue
        # A figure that was no candidate's share does not end the population's reach:
        # "Among Hispanic voters, who make up 60 percent of ..., Smith led 51 to 35".
        pop = population_for(doc, a, b, max(read_until, pop_used), post_end, rules, cand_tokens, span.start)
        read_until = b
        if pop.used_until > 0:
            pop_used = pop.used_until
        if pop.explicit:
            last_pop = pop
        elif last_pop is not None:  # "52 percent of Democrats favor X, while 38 percent favor Y"
            pop = Population(last_pop.name, True, last_pop.universe)
        named = [cands[k] for k in ctx.consumed - consumed_before]  # names read at this spot
        start = _clause_start(doc, min([share.start] + [c.start for c in named]), pre_start, rules)
        end = max([share.end, pop.end_char] + [c.end for c in named])
        slots.append(Slot(results, frame, start, end, pop.name, pop.explicit, pop.universe))
    return slots


def _clause_start(doc, start: int, pre_start: int, rules: PollRules) -> int:
    """Evidence starts at the verb when it comes first: 'losing to Smith 60 to 33'."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    if first is None:
        return start
    for i in range(max(pre_start, first.start - EVIDENCE_VERB_REACH_TOKENS), first.start):
        if any(_hit(rules, kind, doc[i]) for kind in ("lead_cue", "trail_cue", "tie_cue")):
            return doc[i].idx
    return start


def _pronoun_result(doc, share, a: int, pre_start: int, antecedent) -> list[Result]:
    """'A poll shows him at 45 percent': the person the pronoun stands for."""
    for i in range(a - 1, pre_start - 1, -1):
        t = doc[i]
        if t.pos_ == "PRON" and t.lower_ in _PERSONAL:
            found = antecedent(t.idx)
            return [(found[1], found[0], share.values[0])] if found else []
    return []


def _reported(doc, cand_tok: int, share_tok: int, rules: PollRules) -> bool:
    """'Smith said 55 percent ...': a reporting verb between name and figure."""
    return any(doc[i].pos_ == "VERB" and rules.has("reporting_verb", doc[i].lemma_) and doc[i].dep_ != "amod"
               and not _in_relative_clause(doc[i], cand_tok)
               for i in range(cand_tok + 1, share_tok))  # "the lesser-known Roe": no one speaks


def _in_relative_clause(tok, after: int) -> bool:
    """"Roe, who is expected to run, received 7 percent": a verb of a relative clause after the
    name describes the name; it reports nothing about the figure."""
    return any(t.dep_ == "relcl" and t.i > after for t in [tok, *tok.ancestors])


def _bare_name_slots(doc, a: int, pre_start: int) -> set[int]:
    """Where the name of a bare figure at token a may end: before "at" ("Smith at 14"),
    right before it in a list ("Templeton 18"), or before a party tag ("Okoro (D) 39")."""
    slots = {a - 2, a - 1} if doc[a - 1].lower_ in ("at", "on") else {a - 1}
    if doc[a - 1].text == ")":
        k = next((k for k in range(a - 2, max(pre_start, a - 5) - 1, -1) if doc[k].text == "("), None)
        if k is not None:
            slots.add(k - 1)
    return slots


def _read_single(doc, share, a, b, pre_start, post_end, pre, cands, rules, ctx) -> tuple[list[Result], str]:
    value = share.values[0]
    if share.bare:  # "with Smith at 14": only the name right before "at" may take it
        if pre and pre[-1][1].token_i in _bare_name_slots(doc, a, pre_start):
            ctx.consumed.add(pre[-1][0])
            return [(pre[-1][1].text, pre[-1][1].key, value)], "single"
        return [], "single"
    i = b
    while i < post_end and doc[i].lower_ in ("support", "backing"):
        i += 1
    support_verb = i < post_end and doc[i].pos_ == "VERB" and _hit(rules, "support_cue", doc[i])
    if i < post_end and (doc[i].lower_ == "for" or support_verb):
        # "38 percent for Jones", "38 percent favor Jones": the name after wins.
        for k, c in enumerate(cands):
            if k not in ctx.consumed and i < c.token_i < min(post_end, i + 5):
                ctx.consumed.add(k)
                return [(c.text, c.key, value)], "share_first"
    near_after = " ".join(t.lower_ for t in doc[b:min(b + 2, post_end)])
    near_before = [t for t in doc[max(a - 6, pre_start):a]]
    distributive = any(_hit(rules, "distributive_cue", t) for t in near_before) or \
        any(w in rules.terms["distributive_cue"] for w in near_after.split())
    if distributive and len(pre) >= 2:
        group = [pre[-1]]
        for k, c in reversed(pre[:-1]):
            if group[-1][1].token_i - c.token_i > DISTRIBUTIVE_MAX_GAP_TOKENS:
                break
            group.append((k, c))
        group.reverse()
        ctx.consumed.update(k for k, _ in group)
        return [(c.text, c.key, value) for _, c in group], "distributive"
    if pre:
        linked = [(k, c) for k, c in pre if _linked(doc, c, a)]
        if not linked:
            # "With Roe taking over, 63% of members said they would prefer Smith": the figure
            # opens a clause of preference that names its own side, so the name before is not it.
            found = _share_first(doc, b, post_end, cands, ctx, rules, clause_only=True)
            if isinstance(found, tuple):
                ctx.consumed.add(found[0])
                return [(found[1].text, found[1].key, value)], "share_first"
        k, c = (linked or pre)[-1]
        ctx.consumed.add(k)
        return [(c.text, c.key, value)], "single"
    # Share first: "44% Smith", "44 percent said they would vote for Smith".
    found = _share_first(doc, b, post_end, cands, ctx, rules)
    if found == "attitude":
        ctx.attitude = True  # "40 percent ... a favorable view of Smith"
    elif isinstance(found, tuple):
        ctx.consumed.add(found[0])
        return [(found[1].text, found[1].key, value)], "share_first"
    return [], "single"


def _share_first(doc, b: int, post_end: int, cands, ctx, rules: PollRules,
                 clause_only: bool = False) -> Union[tuple[int, CandidateMention], str, None]:
    """The candidate a figure at tokens [.., b) is for when the name comes after it: "44%
    Smith", "30 percent are behind Roe", "44 percent said they would vote for Smith" --
    (index, mention); "attitude" when a view, not a vote, stands between; else None.
    ``clause_only``: only a clause of preference that puts a verb after the figure ("63%
    of members said they would prefer Smith"), with no other figure's name between."""
    for k, c in enumerate(cands):
        if k in ctx.consumed or c.token_i < b:
            continue
        if c.token_i >= post_end or c.token_i - b > SHARE_FIRST_MAX_TOKENS:
            return None
        between = doc[b:_first_token(doc, c)]
        words = [t for t in between if not t.is_punct and not t.is_space]
        if any(_hit(rules, "attitude_cue", t) or _hit(rules, "consideration_cue", t) for t in between):
            return "attitude"  # "a favorable view of Smith", "would consider voting for Smith"
        if clause_only:
            verbs = [t for t in words if t.pos_ in ("VERB", "AUX")]
            preference = any(t.pos_ == "VERB" and (_hit(rules, "support_cue", t) or _hit(rules, "ranking_cue", t))
                             for t in words)
            return (k, c) if verbs and preference and not any(t.text in _CLAUSE_PUNCT for t in between) else None
        behind = bool(words) and words[-1].lower_ == "behind" and all(
            t.lemma_ in _BEHIND_FILLERS for t in words[:-1])  # "30 percent are behind Roe": support
        if not words or behind or any(_hit(rules, "support_cue", t) or _hit(rules, "ranking_cue", t) for t in words):
            return k, c
        return None
    return None


def _read_series(share, pre, ctx) -> tuple[list[Result], str]:
    k = len(share.values)
    if len(pre) < k:
        return [], "series"
    group = pre[-k:]
    ctx.consumed.update(i for i, _ in group)
    return [(c.text, c.key, v) for (_, c), v in zip(group, share.values)], "series"


def _read_pair(doc, share, a, b, pre_start, post_end, pre, cands, rules, opponent, ctx, antecedent=None):
    """A pair's two results, listed in the order the figures are written."""
    results, frame = _read_pair_sides(doc, share, a, b, pre_start, post_end, pre, cands, rules, opponent, ctx,
                                      antecedent)
    if len(results) == 2 and results[1][2] == share.values[0] != share.values[1]:
        results = [results[1], results[0]]
    return results, frame


def _read_pair_sides(doc, share, a, b, pre_start, post_end, pre, cands, rules, opponent, ctx, antecedent):
    hi, lo = max(share.values), min(share.values)
    first, second = share.values
    # A partner after the figures: "a 45-40 lead over Jones".
    post_partner, post_cues = None, {}
    for k, c in enumerate(cands):
        if k in ctx.consumed or c.token_i < b or c.token_i >= min(post_end, b + 6):
            continue
        between = doc[b:_first_token(doc, c)]
        if any(t.is_punct or t.pos_ in ("CCONJ", "VERB", "AUX", "SCONJ") for t in between):
            break
        if any(rules.has("partner_prep", t.text) for t in between):
            post_partner = (k, c)
            post_cues = _cues(doc, b, c.token_i, rules)
        break
    # The last two different people ("Smith holds an edge ...: Smith leads 50 to 44" is one).
    named = [p for n, p in enumerate(pre) if all(q[1].key != p[1].key for q in pre[n + 1:])][-2:]
    if post_partner and named:
        named = [named[-1], post_partner]
    cue_from = named[0][1].token_i if len(named) == 2 and not post_partner else pre_start
    # "a 45-40 lead", "a 45 percent to 40 percent edge": the noun right after counts too.
    cues = {**_cues(doc, cue_from, a, rules), **_cues(doc, b, min(b + 2, post_end), rules), **post_cues}
    if post_partner is not None and not named and doc[b].lower_ == "to":
        # "Newspoll: 51-49 to Labor": the side after "to" holds the larger figure; the other is
        # the race's other side
        k, c = post_partner
        other = opponent(c.key, c.start)
        if other is None:
            return [], "pair"
        ctx.consumed.add(k)
        ctx.subject, ctx.partner = (c.key, c.text), other
        return [(c.text, c.key, hi), (other[1], other[0], lo)], "pair"
    if share.bare and not cues and not post_partner and not group_prefers(doc[pre_start:a], rules):
        return [], "pair"  # "52-44" alone may be a score or a range: a verb must say who leads
    lead_at, trail_at = cues.get("lead_cue", -1), cues.get("trail_cue", -1)
    # The cue nearest the figures decides who leads; None keeps the written order.
    verdict = None if lead_at < 0 and trail_at < 0 else lead_at > trail_at

    def order(subject_leads: Optional[bool]) -> tuple[float, float]:
        if subject_leads is None:
            return first, second
        return (hi, lo) if subject_leads else (lo, hi)

    if len(named) == 2 and not post_partner and _is_object(doc, named[0][1], rules) \
            and not _is_object(doc, named[1][1], rules):
        named = [named[1], named[0]]  # "Against Jones, Smith's lead grows to 47% to 36%"
    elif len(named) == 2 and not post_partner and verdict is not None \
            and named[1][1].token_i < max(lead_at, trail_at) < a:
        # "a Jones lead in May, but Smith was up 49 - 40": the cue after both names is the
        # later one's, who is its subject.
        named = [named[1], named[0]]
    owner = _lead_owner_after(doc, a, b, post_end, cands, ctx, rules)
    if owner is not None and not post_partner:
        # "a 46 - 43 percent Jones lead": the name before the lead noun has the larger figure.
        k, c = owner
        others = [p for p in named if p[1].key != c.key]
        other = (others[-1][1].key, others[-1][1].text) if others else opponent(c.key, c.start)
        if other is None:
            return [], "pair"
        ctx.consumed.update([k] + ([others[-1][0]] if others else []))
        ctx.subject, ctx.partner = (c.key, c.text), other
        ctx.object_run = False
        return [(c.text, c.key, hi), (other[1], other[0], lo)], "pair"
    if len(named) == 2:
        (k1, x), (k2, y) = named
        vx, vy = order(verdict)
        ctx.consumed.update((k1, k2))
        ctx.subject, ctx.partner = (x.key, x.text), (y.key, y.text)
        ctx.object_run = _is_object(doc, y, rules)  # "leads Roe 46-41 and Fry 48-38"
        return [(x.text, x.key, vx), (y.text, y.key, vy)], "pair"
    if len(named) == 1:
        k1, c = named[0]
        ctx.consumed.add(k1)
        if _is_object(doc, c, rules, ctx):  # "losing to Smith 60 to 33": the subject is implied
            subj = ctx.subject if ctx.subject and ctx.subject[0] != c.key \
                else _grammatical_subject(doc, cands, c.key)
            # "She has an edge over Roe (49% to 44%)": whom the pronoun stands for.
            pron = None if subj else _pronoun_subject(doc, pre_start, a, antecedent)
            subj = subj or (pron if pron and pron[0] != c.key else None) or opponent(c.key, c.start)
            if subj is None:
                return [], "pair"
            vs, vc = order(verdict)
            ctx.subject, ctx.partner = subj, (c.key, c.text)
            ctx.object_run = True
            return [(subj[1], subj[0], vs), (c.text, c.key, vc)], "pair"
        other = opponent(c.key, c.start)  # "Smith up 49 to 38": the other side is implied
        if other is None:
            return [], "pair"
        vc, vo = order(verdict)
        ctx.subject, ctx.partner = (c.key, c.text), other
        ctx.object_run = False
        return [(c.text, c.key, vc), (other[1], other[0], vo)], "pair"
    # No name at all ("while trailing 65 to 30"): the sentence's last pair, or its subject
    # ("She leads among women, 55 to 40": whom the pronoun stands for).
    subj = ctx.subject or _pronoun_subject(doc, pre_start, a, antecedent) or \
        _grammatical_subject(doc, [c for c in cands if c.token_i < a], None) or \
        _grammatical_subject(doc, cands, None)
    if subj is None:
        return [], "pair"
    other = ctx.partner if ctx.partner and ctx.partner[0] != subj[0] else opponent(subj[0], share.start)
    if other is None:
        return [], "pair"
    vs, vo = order(verdict)
    ctx.subject, ctx.partner = subj, other
    return [(subj[1], subj[0], vs), (other[1], other[0], vo)], "pair"


def _lead_owner_after(doc, a: int, b: int, post_end: int, cands, ctx: UnitContext,
                      rules: PollRules) -> Optional[tuple[int, CandidateMention]]:
    """The candidate named between a figure pair and a lead noun right after it ("a 46 -
    43 percent Jones lead", "a 52-48 Smith edge"), with its index, or None. The article
    before the figures makes the phrase a noun phrase (the tagger often calls "lead" a verb)."""
    if a == 0 or doc[a - 1].pos_ != "DET":
        return None
    for k, c in enumerate(cands):
        if k in ctx.consumed or c.token_i < b:
            continue
        first = _first_token(doc, c)
        gap = [t for t in doc[b:first] if not (rules.has("title", t.text) or t.pos_ == "PROPN" or t.text == ".")]
        nxt = c.token_i + 1
        if not gap and nxt < post_end and _hit(rules, "lead_cue", doc[nxt]):
            return k, c
        return None
    return None


def _is_object(doc, c: CandidateMention, rules: PollRules, ctx: Optional[UnitContext] = None) -> bool:
    """'losing to Smith', 'beating Smith': the name is the other side of the verb. Also
    without the parse: a lead/trail verb right before the name and its description
    ("beats former Gov. Ann Roe 45 - 37"), and the next name of such a list ("... and
    Fry 46 - 36", see UnitContext.object_run)."""
    first = _first_token(doc, c)
    if first > 0 and rules.has("partner_prep", doc[first - 1].text):
        return True
    x = first - 1
    while x >= 0 and first - x <= OBJECT_DESCRIPTION_MAX_TOKENS and not doc[x].is_sent_start and (
            doc[x].pos_ in ("PROPN", "ADJ", "DET") or doc[x].text in (".", "-") or rules.has("title", doc[x].text)
            or (doc[x].pos_ in ("ADV", "VERB") and ((x > 0 and doc[x - 1].text == "-") or doc[x + 1].text == "-"))):
        x -= 1  # "the lesser-known Roe", "former Gov. Ann Roe"
    if 0 <= x < first - 1 and rules.has("partner_prep", doc[x].text):
        return True  # "against the lesser-known Roe"
    if x >= 0 and x < first and doc[x].pos_ in ("VERB", "ADP", "ADV") and _side_cue(doc[x], rules):
        return True  # "beats former Gov. Ann Roe", "behind Roe"
    if x >= 1 and x < first and doc[x].lower_ == "of" and _side_cue(doc[x - 1], rules):
        return True  # "ahead of Roe", "in front of Roe"
    if ctx is not None and ctx.object_run and 0 <= x < first and doc[x].lower_ in ("and", ","):
        return True  # "... and former Gov. Fry 46 - 36": the next object of the same verb
    head = doc[c.token_i]
    return head.dep_ == "dobj" and (rules.has("lead_cue", head.head.lemma_) or rules.has("trail_cue", head.head.lemma_))


def _side_cue(tok, rules: PollRules) -> bool:
    return any(_hit(rules, kind, tok) for kind in ("lead_cue", "trail_cue", "tie_cue"))


def _pronoun_subject(doc, lo: int, a: int, antecedent) -> Optional[tuple[str, str]]:
    """The person a "he"/"she" subject before the figure stands for."""
    if antecedent is None:
        return None
    for i in range(a - 1, lo - 1, -1):
        t = doc[i]
        if t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass"):
            return antecedent(t.idx)
    return None


def _grammatical_subject(doc, cands, not_key) -> Optional[tuple[str, str]]:
    for c in cands:
        if c.key != not_key and doc[c.token_i].dep_ in ("nsubj", "nsubjpass"):
            return c.key, c.text
    return None
