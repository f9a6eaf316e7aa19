"""Poll results reported in prose, as rows: pollster, population, each candidate's share.

``find_polls(doc, article)`` reads the parsed article sentence by sentence. A regex
first rejects texts and sentences that cannot hold a share (no "%"/"percent"/"pct",
no poll word), so most of the article costs nothing. In the sentences left, poll
mentions are linked into polls (poll_sources, poll_links), figures are given to
candidates (poll_figures), and each subgroup's figures, and each matchup, become one
``Poll``. Figures repeated later in the article (a headline, a summary) are kept once;
a figure met again against another opponent is another matchup of the poll and is kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import AbstractSet, Optional, Sequence

from ...nlp.build import doc_text
from ...types import Article, Evidence, Poll, PollResult
from .figures import Slot, UnitContext, read_slots
from .group_cues import group_prefers, in_quote
from .registry import PollEntity, PollRegistry, fullest_name, name_tokens
from .numbers import find_shares, has_share_cue
from .descriptions import add_description_mentions
from .parties import add_party_mentions
from .people import PersonIndex, build_person_index, latest_form, mentions_in, non_sides
from .rules import PollRules, get_poll_rules
from .learned import learned_pollsters, with_article_pollsters
from .sources import PollMention, find_mentions
from .tables import TableRow, table_rows

# A sentence with figures but no poll word of its own may borrow the poll of an
# earlier sentence this many sentences back ("The survey of Republicans ... showed ...
# Smith had the support of 41% of those polled"); 6 linked every such sentence in
# the seeds and dev set without reaching into an unrelated paragraph.
MAX_CARRY_UNITS = 6
# How many sentences back the race's other candidate is looked for when a figure pair
# names only one side ("Smith up 49 percent to 38 percent").
OPPONENT_LOOKBACK_UNITS = 3
# A line this short without figures between a poll's announcement and its figures is
# taken for a table header ("Candidate | Share") and does not break the link.
TABLE_HEADER_MAX_TOKENS = 8
# A sentence with no poll word and no figures just before may still report the last
# poll's matchups ("In a head-to-head matchup, Smith leads Jones 48-41.", "Among women,
# Jones leads 50% to 40%.") when it names a candidate and says who leads, or names a
# subgroup, within this many sentences of the poll's last mention or of the last such
# sentence (a chain: "Among women, ... Among men, ..."). 4 reached every such sentence in
# the probe corpus (farthest gap: 3) and, with the chain, no sentence of the seeds or dev
# set that is not a poll figure (polls precision stayed 1.000 on both).
MATCHUP_CARRY_UNITS = 4
# "a poll released in May", "a poll, conducted ...": a release or fieldwork participle this
# many tokens after an unnamed poll noun introduces it as a poll of its own (_other_poll).
OWN_RELEASE_REACH_TOKENS = 2
_PARA_BREAK = re.compile(r"\n\s*\n")
_LIST_MARKERS = frozenset("-•*–—·")
# "with Tasker at 5 percent": a name joined to a later figure by one of these words owns
# that figure, so it is not the missing side of an earlier pair. A word is required:
# "losing to Lamont 60 percent to 33" gives Lamont the pair's side, not a figure of his own.
_OWN_FIGURE_GAP = re.compile(r"^\s*(?:at|on|with|had|has|drew|got|took)\s*$")
# "Acme interviewed 651 adults": a sentence naming the pollster at work, with no poll word
# or figure, is still read for mentions (poll_sources, the fieldwork_verb rule).
_FIELDWORK = re.compile(r"\b(?:interviewed|surveyed|polled|questioned|contacted|sampled|reached)\s+"
                        r"(?:more than |nearly |about |some )?\d[\d,]*\s", re.I)

# "Acme Research, a leading pollster for Democrats, took ...": a sentence describing a firm
# as a pollster, with no poll word or figure, is still read for mentions (poll_sources).
_POLLSTER_ROLE = re.compile(r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}(?:pollster|polling firm)\b", re.I)


@dataclass
class _Item:
    entity: PollEntity
    population: Optional[str]
    unit: int
    start: int
    end: int
    frame: str
    universe: Optional[str] = None
    results: list[tuple[str, str, float]] = field(default_factory=list)
    column: int = 0  # a table's later column (1, 2, ...): a poll item of its own (tables.TableRow.extras)


def find_polls(doc, article: Article) -> list[Poll]:
    """Every poll result set in the article (see module docstring)."""
    rules = get_poll_rules()
    text = doc_text(doc)
    if not rules.speaks_of_poll(text) or not has_share_cue(text, allow_bare=True):
        return []  # the cheap gate: no figure or no poll word anywhere
    units = list(split_units(doc))
    paras = _paragraph_ids(article, units)
    read: dict[int, list[PollMention]] = {}  # the poll-word units' mentions, read once with the gazetteer
    learned = learned_pollsters(doc, units, rules, article.published, read)
    if learned:
        rules, read = with_article_pollsters(rules, learned), {}  # new names: the units are read again
    flags = []
    for u in units:
        pw = rules.speaks_of_poll(u.text)
        flags.append((pw, has_share_cue(u.text, allow_bare=pw)))
    registry = PollRegistry()
    unit_mentions: dict[int, list[tuple[PollMention, PollEntity]]] = {}
    for ui, u in enumerate(units):
        if flags[ui][0] or flags[ui][1] or _FIELDWORK.search(u.text) or _POLLSTER_ROLE.search(u.text):
            found = read[ui] if ui in read else find_mentions(doc, u, rules, article.published)
            if found:
                unit_mentions[ui] = [(m, registry.link(m, ui)) for m in found]
                for m, e in unit_mentions[ui]:
                    if m.kind == "indefinite" and not e.named and _other_poll(doc, m, rules, u):
                        e.other = True
    if not any(flags[ui][1] for ui in range(len(units))) or not registry.entities:
        return []
    registry.resolve_unnamed()
    flags = _matchup_flags(units, flags, unit_mentions, rules)
    far = _far_matchups(units, flags, unit_mentions, registry, rules)
    for ui in far:
        flags[ui] = (True, True)
    not_people = [n for e in registry.entities for n in e.pollsters + e.sponsors]
    index = build_person_index(doc, rules, not_people)
    add_description_mentions(doc, index)
    add_party_mentions(doc, text, index, rules)
    items = _read_units(doc, units, paras, flags, unit_mentions, registry, index, rules, table_rows(units, rules), far)
    return _to_polls(doc, items, registry, rules)


def _matchup_flags(units, flags, unit_mentions, rules: PollRules) -> list[tuple[bool, bool]]:
    """Mark sentences that carry a poll's matchup without naming the poll (see
    MATCHUP_CARRY_UNITS): they are read like poll sentences, unit-less pairs included.

    Election returns ("won the primary with 51 percent of the vote") never qualify.
    """
    out = list(flags)
    last = None
    for ui, u in enumerate(units):
        if ui in unit_mentions:
            last = ui
        pw, share = flags[ui]
        if pw or last is None or ui == last or ui - last > MATCHUP_CARRY_UNITS:
            continue
        if not has_share_cue(u.text, allow_bare=True) or _is_election_text(u, rules):
            continue
        says_who_leads = _has_cue(u, rules, "lead_cue", "trail_cue", "tie_cue", "subgroup_marker", "place_cue",
                                  "distributive_cue")
        says_who_leads = says_who_leads or group_prefers(u, rules) or _two_named_figures(u) \
            or _named_list_item(u)
        if says_who_leads:
            out[ui] = (True, True)
            last = ui  # the chain goes on from here: "Among women, ... Among men, ..."
    return out


def _has_cue(u, rules: PollRules, *kinds: str) -> bool:
    """Does a word of the sentence (as written or its lemma) belong to one of the rule kinds?"""
    return any(rules.has(k, t.lemma_) or rules.has(k, t.text) for t in u for k in kinds)


def _far_matchups(units, flags, unit_mentions, registry: PollRegistry, rules: PollRules) -> set[int]:
    """Sentences after the article's only poll that report a subgroup's matchup, however far
    from the poll's last mention ("Among registered independents, Smith leads Jones 44
    percent to 20 percent."): a subgroup marker, a lead/trail/tie verb and a figure pair with
    its units are a poll's wording, not returns'. Only when every poll the article names is
    one pollster's (PollRegistry.sole_pollster)."""
    sole = registry.sole_pollster()
    first = None if sole is None else min(
        (ui for ui, found in unit_mentions.items() if any(registry.final(e) is sole for _, e in found)), default=None)
    if first is None:
        return set()
    out: set[int] = set()
    for ui in range(first + 1, len(units)):
        u = units[ui]
        if flags[ui][0] or ui in unit_mentions or _is_election_text(u, rules):
            continue
        if not any(rules.has("subgroup_marker", t.text) for t in u):
            continue
        if not _has_cue(u, rules, "lead_cue", "trail_cue", "tie_cue"):
            continue
        if any(s.kind == "pair" and not s.bare for s in find_shares(u.text, u.start_char)) \
                and any(t.pos_ == "PROPN" for t in u):
            out.add(ui)
    return out


def _two_named_figures(u) -> bool:
    """"Ortega gets 44 percent to Banning's 41 percent": two unit figures and a name --
    a matchup of the poll just reported, even without a lead/trail verb."""
    shares = find_shares(u.text, u.start_char)
    return sum(len(s.values) for s in shares if not s.bare) >= 2 and any(t.pos_ == "PROPN" for t in u)


def _named_list_item(u) -> bool:
    """"- The Greens stand at 12.4 per cent", "• Smith 31%": a bulleted line with a
    unit figure and a name, in a list that follows the poll."""
    return u.text[:1] in _LIST_MARKERS and any(not s.bare for s in find_shares(u.text, u.start_char)) \
        and any(t.pos_ == "PROPN" for t in u)


def _is_election_text(u, rules: PollRules) -> bool:
    """Returns, not a poll: an election cue, or a share 'of the vote' with no modal and
    told in the past. A sentence with no verb in the past tense ("Roe draws 47 percent
    of the vote against 44 for Fry") tells a poll's standing now; returns are
    told in the past ("Smith took 51 percent of the vote") or with an election cue. The
    tense is the tagger's past-tense tag: it misreads present forms ("garners") as nouns
    too often for a present-tense test."""
    if rules.regex("election_cue").search(u.text):
        return True
    return bool(re.search(r"\bof the (?:popular |total )?vote\b", u.text, re.I)) and \
        not any(rules.has("modal", t.text) for t in u) and \
        any(t.tag_ == "VBD" for t in u)


def split_units(doc):
    """spaCy sentences, cut again at blank lines and at line breaks before a capital.

    Headlines and datelines glued to the first sentence would otherwise lend their
    figures to it.
    """
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if not (tok.is_space and "\n" in tok.text) or tok.i <= start:
                continue
            nxt = doc[tok.i + 1] if tok.i + 1 < sent.end else None
            prev = doc[tok.i - 1]
            blank = tok.text.count("\n") >= 2
            if blank or (nxt is not None and nxt.text[:1].isupper() and prev.pos_ not in ("PROPN", "ADP", "DET", "CCONJ")):
                unit = _trim(doc, start, tok.i)
                if unit is not None:
                    yield unit
                start = tok.i + 1
        unit = _trim(doc, start, sent.end)
        if unit is not None:
            yield unit


def _trim(doc, a: int, b: int):
    while a < b and doc[a].is_space:
        a += 1
    while b > a and doc[b - 1].is_space:
        b -= 1
    return doc[a:b] if b > a else None


def _paragraph_ids(article: Article, units) -> list[int]:
    if article.paragraphs:
        bounds = [s for s, _ in article.paragraphs]
    else:
        bounds = [0] + [m.end() for m in _PARA_BREAK.finditer(article.text)]
    out = []
    for u in units:
        out.append(sum(1 for b in bounds if b <= u.start_char) - 1)
    return out


def _read_units(doc, units, paras, flags, unit_mentions, registry: PollRegistry,
                index: PersonIndex, rules: PollRules, rows: Optional[dict[int, TableRow]] = None,
                far: AbstractSet[int] = frozenset()) -> list[_Item]:
    items: list[_Item] = []
    last_ref: Optional[tuple[PollEntity, int]] = None  # the poll last referred to, and where
    read_prev = False  # did the previous sentence yield figures?
    view_run = False  # the sentences just read gave a view's figures (approval), not votes
    open_poll = False  # a poll was just announced and its figures have not come yet
    columns: dict[tuple[int, int], _Item] = {}  # (table, column) -> the item of a table's later column
    for ui, u in enumerate(units):
        own = unit_mentions.get(ui, [])
        has_poll_word, has_share = flags[ui]
        continues = ui > 0 and ((read_prev and paras[ui] == paras[ui - 1]) or open_poll)
        if continues and not has_poll_word and not own and _is_election_text(u, rules):
            continues = False  # "Smith won the primary with 51 percent": returns, not the poll
        eligible = has_share and (has_poll_word or any(m.kind == "named" for m, _ in own) or continues)
        got: list[Slot] = []
        if view_run and not own and not rules.speaks_of_poll(u.text) and paras[ui] == paras[ui - 1] \
                and not _has_cue(u, rules, "lead_cue", "tie_cue", "support_cue"):
            eligible = False  # "... the most favourable (54%). In this scenario, Roe would come second (45%)."
        else:
            view_run = False
        if rows and ui in rows:  # "Forbes 10": a table row names its side by its shape
            got = [_row_slot(rows[ui], index)]
        elif eligible:
            shares = find_shares(u.text, u.start_char, allow_bare=has_poll_word)
            aside = non_sides(doc, index, u.start_char, u.end_char, rules)
            spans = [s for m, _ in own for s in m.name_spans] + aside
            cands = mentions_in(index, u.start_char, u.end_char, spans)
            opp = _opponent_finder(doc, index, units, ui, spans, rules, [(x.start, x.end) for x in shares],
                                   {c.key for c in mentions_in(index, u.start_char, u.end_char)
                                    if any(a <= c.start < b for a, b in aside)})
            ante = _antecedent_finder(index, units, ui, spans)
            got = read_slots(doc, u, shares, cands, rules, opp, poll_noun=bool(own),
                             ctx=UnitContext(), antecedent=ante) if shares else []
        context_pop = next((m.population for m, e in own if _narrows(m, e, ui)), None)
        if context_pop is None and ui > 0 and not own:
            context_pop = next((m.population for m, e in unit_mentions.get(ui - 1, [])
                                if _narrows(m, e, ui - 1)), None)
        if context_pop is None and items and items[-1].unit == ui - 1 and items[-1].population \
                and rules.regex("group_back_ref").search(u.text):
            context_pop = items[-1].population  # "Salgado is second with that group at 33 percent"
        carried = _carried_population(items, ui, paras, bool(own) or rules.speaks_of_poll(u.text)) \
            if context_pop is None else None
        live = [(m, e) for m, e in own if m.earlier != "compared"]  # a yardstick poll takes no figures
        for slot in got:
            ent = _entity_for(slot, live, last_ref if ui not in far or last_ref is None else (last_ref[0], ui), ui)
            if ent is None:
                continue
            if rows and ui in rows and ent.earlier:
                ent = registry.current_edition(ent)  # a table's first column is the poll reported
            pop = slot.population if slot.explicit_population else context_pop
            if ui in far and pop is None:
                continue  # a far sentence is the poll's only through the subgroup it names
            if pop is None and not slot.explicit_population and carried is not None \
                    and carried.entity is ent and not {r[1] for r in slot.results} & {r[1] for r in carried.results}:
                pop = carried.population  # "Among Black voters, Smith leads with 46%. Jones is second with 20%."
            _add(items, ent, pop, ui, slot)
            if rows and ui in rows:
                items[-1].unit = ui + rows[ui].units - 1  # a cell table's row ends at its last figure line
                if rows[ui].extras:
                    _add_columns(columns, ent, rows[ui], slot)
        if live and not (not got and all(in_quote(u, m.start) and not e.named for m, e in live)):
            last_ref = (_current(live), ui)
        elif got and last_ref is not None:
            last_ref = (last_ref[0], ui)  # figures read for the poll keep it current
        read_prev = bool(got)
        if own:
            open_poll = not got
        elif has_share or len(u) > TABLE_HEADER_MAX_TOKENS:
            open_poll = False  # a short line without figures (a table header) keeps it open
        if has_share and not got and rules.regex("attitude_cue").search(u.text):
            view_run = True  # a view's figures (favourability, approval): the sentences it runs on are views too
            open_poll = False
    return items + list(columns.values())


def _add_columns(columns: dict[tuple[int, int], _Item], ent: PollEntity, row: TableRow, slot: Slot) -> None:
    """A table row's figures in later columns, each added to its column's item (whole sample)."""
    name, key, _ = slot.results[0]
    for c, value in enumerate(row.extras, start=1):
        it = columns.get((row.run, c))
        if it is None:
            it = columns[(row.run, c)] = _Item(ent, None, -1, row.start, row.end, slot.frame, column=c)
        it.results.append((name, key, value))
        it.end = row.end


def _row_slot(row: TableRow, index: PersonIndex) -> Slot:
    """A table row's one result; its key is the person's when the article knows the name."""
    last = row.name.split()[-1]
    key = last.lower() if index.is_person(last) else row.name.lower()
    return Slot([(row.name, key, row.value)], "single", row.start, row.end, population=row.population,
                explicit_population=row.population is not None)


def _carried_population(items: list[_Item], ui: int, paras: list[int], names_poll: bool) -> Optional[_Item]:
    """The subgroup item of the sentence just before, when this sentence (same paragraph, no
    poll word of its own) may go on with that subgroup's ranking: "Among Black voters, Smith
    leads with 46%. Jones is second with 20%, and Roe third with 8%." A figure takes it only
    when it names nobody that item already has (a name met again starts a new matchup)."""
    if names_poll or not items or ui == 0 or paras[ui] != paras[ui - 1]:
        return None
    prev = items[-1]
    return prev if prev.unit == ui - 1 and prev.population else None


def _current(own) -> PollEntity:
    """The poll later figures follow: the sentence's last mention, passing over a dated or
    "previous" one when the sentence also names another ("an Acme poll released Thursday,
    a reversal from the university's summer survey" leaves the Acme poll current)."""
    fresh = [e for m, e in own if not m.earlier]
    return fresh[-1] if fresh else own[-1][1]


def _narrows(m: PollMention, e: PollEntity, ui: int) -> bool:
    """Does "poll of X" name a subgroup? Only for a poll met before: "The survey of
    Republicans showed ..." narrows a known poll, while the sentence that introduces a poll
    ("A new Acme poll of Democratic primary voters showed ...") states its whole sample,
    whose population is null under the guidelines."""
    return bool(m.population) and (e.first_unit < ui or m.kind == "anaphor")


def _entity_for(slot: Slot, own, last_ref, ui: int) -> Optional[PollEntity]:
    before = [e for m, e in own if m.start <= slot.start]
    if before:
        return before[-1]
    if own:
        return own[0][1]
    if last_ref is not None and ui - last_ref[1] <= MAX_CARRY_UNITS:
        return last_ref[0]
    return None


def _add(items: list[_Item], ent: PollEntity, pop: Optional[str], ui: int, slot: Slot) -> None:
    """Append a slot's results to the previous item when it is the same poll, subgroup and
    sentence run and names nobody twice; otherwise start a new item (a new matchup)."""
    keys = {r[1] for r in slot.results}
    prev = items[-1] if items else None
    if prev is not None and prev.entity is ent and prev.population == pop and ui - prev.unit <= 1 \
            and not keys & {r[1] for r in prev.results}:
        prev.results.extend(slot.results)
        prev.end = max(prev.end, slot.end)
        prev.unit = ui
        return
    items.append(_Item(ent, pop, ui, slot.start, slot.end, slot.frame, slot.universe, list(slot.results)))


def _opponent_finder(doc, index: PersonIndex, units, ui: int, excluded, rules: PollRules,
                     figures: Sequence[tuple[int, int]] = (), aside_keys: AbstractSet[str] = frozenset()):
    """The race's other candidate for a pair that names one side only.

    The nearest other name in the sentence, else the most mentioned other name in the
    few sentences before, else in the article. People quoted about the poll ("said
    pollster Jane Doe") are not candidates, nor is a name after a later figure of the
    sentence, which is that figure's ("Smith, 41% to 37%, with 11% for Roe"), nor a name
    the sentence uses only to label voters ("among those who backed Roe, Smith leads 47-39").
    """
    u = units[ui]
    lo = units[max(0, ui - OPPONENT_LOOKBACK_UNITS)].start_char

    def candidate_like(c) -> bool:
        tok = doc[c.token_i]
        if tok.dep_ == "nsubj" and rules.has("reporting_verb", tok.head.lemma_):
            return False
        near = doc[max(0, tok.i - 4):min(len(doc), tok.i + 4)]
        return not any(rules.has("non_candidate_role", t.text) or
                       (t.lemma_ in ("say", "tell") and abs(t.i - tok.i) <= 2) for t in near)

    def beyond_next_figure(pos: int, c) -> bool:
        own = next((f for f in figures if f[0] >= pos), None)
        return own is not None and any(own[1] <= f[0] < c.start for f in figures)

    def owns_figure(pos: int, c) -> bool:
        """"with Tasker at 5 percent": a name right before another figure is that figure's."""
        text = doc_text(doc)
        return any(f[0] > pos and f[0] >= c.end and _OWN_FIGURE_GAP.match(text[c.end:f[0]]) for f in figures
                   if not f[0] <= pos < f[1])

    def opponent(key: str, pos: int) -> Optional[tuple[str, str]]:
        in_unit = mentions_in(index, u.start_char, u.end_char, excluded)
        owners = {c.key for c in in_unit if owns_figure(pos, c)} | set(aside_keys)
        here = [c for c in in_unit if c.key != key and c.key not in owners and candidate_like(c)
                and not beyond_next_figure(pos, c)]
        if here:
            c = min(here, key=lambda c: abs(c.start - pos))
            return c.key, c.text
        near = [c for c in mentions_in(index, lo, u.start_char)
                if c.key != key and c.key not in owners and candidate_like(c)]
        pool = near or [c for c in index.mentions if c.key != key and c.key not in owners and candidate_like(c)]
        if not pool:
            return None
        # The most mentioned; on a tie the one the article introduced first.
        first_seen = {m.key: m.start for m in reversed(index.mentions)}
        best = max({c.key for c in pool}, key=lambda k: (index.counts.get(k, 0), -first_seen.get(k, 0)))
        return best, latest_form(index, best, pos) or best
    return opponent


def _antecedent_finder(index: PersonIndex, units, ui: int, excluded):
    """The person a pronoun before a figure stands for: the last name mentioned, in this
    sentence or the one before."""
    lo = units[max(0, ui - 1)].start_char

    def antecedent(pos: int) -> Optional[tuple[str, str]]:
        before = [c for c in mentions_in(index, lo, pos, excluded)]
        return (before[-1].key, before[-1].text) if before else None
    return antecedent


def _other_poll(doc, m: PollMention, rules: PollRules, unit) -> bool:
    """"a new independent poll", "a separate survey": words before the poll noun that set it
    apart from the poll the article names (the other_poll_modifier rule); "a poll released
    in May", "a survey taken last week": a poll introduced with its own release or fieldwork;
    "said Jane Roe, a pollster who asked in a survey ...": a sentence that gives someone the
    pollster's role (pollster_role_noun) speaks of that person's poll."""
    if any(rules.has("pollster_role_noun", t.lower_) for t in unit):
        return True
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    noun = span[-1]
    if any(rules.has("other_poll_modifier", t.lower_) for t in doc[max(0, noun.i - 4):noun.i]
           if t.head.i == noun.i or t.head.head.i == noun.i):
        return True
    after = doc[noun.i + 1:min(len(doc), noun.i + 1 + OWN_RELEASE_REACH_TOKENS)]
    return any(t.tag_ == "VBN" and (rules.has("release_verb", t.lower_) or rules.has("field_verb", t.lower_))
               for t in after)


def _second_universe(items: list[_Item], registry: PollRegistry) -> None:
    """A poll whose whole-sample figures were given "among registered voters" and then
    again "among likely voters" reports the second universe as a part of its sample: that
    set of figures gets the universe as its population. A poll that names one universe
    only keeps population None."""
    first: dict[int, str] = {}
    for it in items:
        if it.population is not None or not it.universe:
            continue
        eid = registry.final(it.entity).id
        if eid not in first:
            first[eid] = it.universe
        elif it.universe != first[eid]:
            it.population = it.universe


def _new_matchup(met_with: set[str], others: set[str]) -> bool:
    """A figure met before is a new question's when both times it came with other sides and
    they differ: "Smith leads Jones 46 - 41 percent" and, later, "Smith leads Roe 46 - 38
    percent" are two matchups of one poll. A figure met alone (a headline), or again with a
    side it had, is a repeat."""
    return bool(met_with) and bool(others) and not met_with & others


def _to_polls(doc, items: list[_Item], registry: PollRegistry, rules: PollRules) -> list[Poll]:
    polls: list[Poll] = []
    seen: dict[tuple, set[str]] = {}  # a figure met -> the other sides of the matchups it was in
    _second_universe(items, registry)
    for it in items:
        ent = registry.final(it.entity)
        if not ent.named and not ent.sponsors:
            continue
        # A poll that names only whom it was done for ("a national poll sponsored by the
        # Ledger") goes by the sponsor's name.
        pollster, aliases = fullest_name(ent.pollsters or ent.sponsors, doc)
        canonical = rules.canonical_pollster(pollster)
        if canonical and canonical != pollster:
            aliases = aliases + (canonical,)
        pop_key = " ".join(name_tokens(it.population)) if it.population else None
        results: list[tuple[PollResult, str]] = []
        # A tie ("ties at 39 percent to 39 percent") names no new matchup: its sides are
        # often the race's names told again, so its figures dedupe as before.
        sides = {r[1] for r in it.results} if len({r[2] for r in it.results}) > 1 else set()
        for name, key, share in it.results:
            k = (ent.id, pop_key, it.column, key, share)
            if (k in seen and not _new_matchup(seen[k], sides - {key})) \
                    or any(r.candidate and key == r_key for r, r_key in results):
                continue
            seen.setdefault(k, set()).update(sides - {key})
            results.append((PollResult(name, share), key))
        if not results:
            continue
        sponsor = fullest_name(ent.sponsors, doc)[0] if ent.sponsors and ent.named else None
        facts = ent.facts
        polls.append(Poll(
            pollster=pollster,
            results=tuple(r for r, _ in results),
            evidence=Evidence(doc_text(doc)[it.start:it.end], it.start, it.end),
            rule=rules.frame(it.frame),
            population=it.population,
            released=facts.get("released"),
            field_dates=facts.get("field_dates"),
            sponsor=sponsor,
            sample_size=facts.get("sample_size"),
            sample_universe=it.universe or facts.get("sample_universe"),
            margin_of_error=facts.get("margin_of_error"),
            pollster_aliases=aliases,
        ))
    return polls
