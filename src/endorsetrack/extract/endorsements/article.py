"""Endorsement stances from a parsed article.

For each sentence: frames (extract/frames.py) give trigger and role tokens; role
tokens become mentions (extract/mentions.py), lists expand ("the UAW, the SEIU and
a Teamsters local have endorsed"), references resolve to an earlier name ("the
union", "his candidacy"), and stance and stage come from extract/stance.py and
extract/stage.py. Pure: Doc + Article in, Endorsement values out.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Iterable, Optional, Sequence

from ...nlp.build import doc_text
from ...nlp.vocabulary import words
from ...settings import DEFAULT, Settings
from ...types import Article, Endorsement
from .frames import Frame, match_frames, trigger_index
from ..race import EXPLICIT_WEIGHT, RaceIndex, race_index, before_nominations, is_nomination_contest, line_label, \
    district_label
from ..mentions import (GERUND_TRIGGERS, SentenceContext, as_person, as_place, place_of_person, quoted_spans,
                        sentence_evidence)
from ..mentions import MEASURE_NAME, TITLES, Mention, find_mentions, is_headline
from .candidates import find_candidates, no_vote, person_like
from .endorser_roles import AGENTLESS_PENALTY, PERCENT_RE, endorsers_of
from ..mentions import byline_author, provisional_type
from ..mentions import resolve_endorser
from .stage import frame_stage, presidential_race
from .stage_model import measure_stage, predicted_stage, story_stage
from .stance import decide_stance, still_to_come
from .editorial import editorial_verdicts
from .slates import Slate, opens_slate, roundup_line, slate_line
from .coordination import coordinated_rule
from .list_lines import list_line_endorsements, paragraph_lines
from .measure_lines import campaign_roles, measure_verdict_lines
from .went_to import goes_to

def find_endorsements(doc, article: Article, settings: Settings = DEFAULT) -> list[Endorsement]:
    people_surnames = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and ent[-1].lower_ not in TITLES}
    surnames = frozenset(people_surnames)
    people_names = {ent.text for ent in doc.ents if ent.label_ == "PERSON"} | people_surnames | {
        ent.text.split()[-1] for ent in doc.ents if ent.label_ == "PERSON"}  # "Jasmin Kaur-Bains": "Kaur-Bains"
    quoted = quoted_spans(doc_text(doc))
    history: list[list[Mention]] = []
    found: list[Endorsement] = []
    headlines: list[Endorsement] = []
    slate: Optional[Slate] = None
    races = race_index(article.text, article.published, article.url, article.title)
    presidential = presidential_race(races.dominant, article.text)  # not any story with a presidential word
    default_stage = story_stage(article.text, article.published, presidential)
    roundup = bool(re.search(r"(?i)\bendors", article.text))  # list lines only mean something in such a story
    last_org = None
    byline = byline_author(doc_text(doc))
    ents_by_sent: dict[int, list] = {}
    for ent in doc.ents:
        ents_by_sent.setdefault(ent.sent.start, []).append(ent)
    sents = list(doc.sents)
    sent_mentions = [find_mentions(sent, ents_by_sent.get(sent.start, []), surnames) for sent in sents]
    # a full name NER tagged ORG somewhere ("Greg Lavoie") still makes its surname a person's
    people_names |= {m.text.split()[-1] for ms in sent_mentions for m in ms
                     if m.kind == "person" or m.kind == "org" and m.label in ("ORG", "caps") and person_like(m)}
    # "Mayor Dennis Okoro of Harwich": NER's PERSON after a person's "of" is a place, here and elsewhere
    places = {m.text for ms in sent_mentions for m in ms if place_of_person(m, doc)}
    people_names -= places
    people_surnames -= places
    sent_mentions = [[as_person(as_place(m, places), people_names) for m in ms] for ms in sent_mentions]
    # a name the article calls an organisation ('the "Labor Strong" coalition') is one where NER says PERSON
    described = {m.text for ms in sent_mentions for m in ms if m.kind == "org" and m.label == "described"}
    sent_mentions = [[Mention(m.start, m.end, m.text, "org", "described") if m.kind == "person"
                      and m.text in described else m for m in ms] for ms in sent_mentions]
    contexts: list[SentenceContext] = []
    for k, sent in enumerate(sents):
        mentions = sent_mentions[k]
        ctx = SentenceContext(sent, mentions, history[-settings.antecedent_window_sentences:], people_surnames,
                              article, all_history=history, quoted=quoted, races=races,
                              last_org_endorser=last_org, byline=byline,
                              following=sent_mentions[k + 1:k + 1 + settings.cataphora_window_sentences],
                              all_following=sent_mentions[k + 1:], latest_body=_latest_body(found))
        contexts.append(ctx)
        frames = [] if is_headline(sent) else match_frames(sent) + _gerund_pairs(ctx)
        # "picked up the Fraternal Order of Police" means an endorsement only in a story about them
        frames = [f for f in frames if f.rule["kind"] != "receive_org" or roundup]
        listed = slate_line(slate, ctx) if slate else None
        slate = slate if listed is not None else None
        if listed is not None:
            found.extend(listed)
            frames = []
        elif roundup and not any(f.rule["kind"] != "noun" for f in frames):
            found.extend(roundup_line(ctx, default_stage))
        if opens_slate(ctx):  # "delegates endorsed the following candidates:"
            slate = next((_slate(f, ctx, default_stage) for f in frames if f.rule["kind"] == "verb"), None)
        headlines.extend(editorial_verdicts(ctx, default_stage))
        found.extend(goes_to(ctx))  # "Our endorsement went to X"
        found.extend(campaign_roles(ctx))  # "Gov. X, chairman of the Yes on 12 campaign"
        for frame in frames:
            new = list(_frame_to_endorsements(frame, ctx, default_stage, settings, found))
            found.extend(new)
            orgs = [e for e in new if e.endorser_type in ("party", "union", "organization", "newspaper")
                    and frame.rule["kind"] == "receive"]
            if orgs:
                last_org = (orgs[0].endorser, orgs[0].endorser_type, 0.2)
        found.extend(_followed_suit(sent, ctx, found))
        # in a Title Case headline capitals say nothing: "..., Bucking National Affiliate" is no name
        history.append([m for m in mentions if m.kind != "org" or m.label.startswith("org.") or m.text.isupper()
                        or provisional_type(m) == "newspaper"] if is_headline(sent) else mentions)
    # lists under a cue line; a line a sentence rule (a slate, a roundup line) read already is not read twice
    stated = {_line_fact_key(e) for e in found}
    found.extend(e for e in list_line_endorsements(contexts, article, default_stage) if _line_fact_key(e) not in stated)
    found.extend(measure_verdict_lines(paragraph_lines(contexts, article)))  # "Prop 7: Yes. This bond ..."
    # a verdict a frame of the paper's states too is no second fact
    argued = {(e.candidate, e.stance) for e in found if e.endorser_type == "newspaper"}
    found.extend(e for e in headlines if (e.candidate, e.stance) not in argued)
    return dedupe_endorsements(_assign_races(_learned_stages(_positions_on_the_measure(found), article, presidential), races,
                                                     article.published))


ORG_TYPES = ("party", "union", "organization", "newspaper")


def _latest_body(found: list[Endorsement]) -> Optional[tuple[str, str, float]]:
    """The organisation of the article's latest stance: who 'X was endorsed' and 'Y received
    the endorsement' in a story about one body's picks mean (endorser_roles)."""
    body = next((e for e in reversed(found) if e.endorser_type in ORG_TYPES and e.stance in ("endorses", "opposes")),
                None)
    return (body.endorser, body.endorser_type, AGENTLESS_PENALTY) if body is not None else None


def _line_fact_key(e: Endorsement) -> tuple[int, Optional[str], str, str]:
    """What makes two facts read from one line the same: line, candidate, stance, endorser's last word."""
    return e.evidence.start, e.candidate, e.stance, e.endorser.split()[-1].lower()


def _learned_stages(items: list[Endorsement], article: Article, presidential: bool) -> list[Endorsement]:
    """A stance the stage cues leave open takes the stage model's (stage_model.py), which
    weighs the whole article, its title and its published date against the election
    cycle. A ballot measure keeps its own (general) stage. Without a published date the
    model lacks its strongest evidence (the month against the election year) and the
    stance stays open."""
    if not article.published:
        return items
    out = []
    for e in items:
        if e.stage is None and not (e.candidate and MEASURE_NAME.match(e.candidate)):
            e = replace(e, stage=predicted_stage(article.text, article.title, article.published,
                                                 e.evidence.text, e.stance, presidential))
        out.append(e)
    return out


def _slate(frame: Frame, ctx: SentenceContext, default_stage) -> Optional[Slate]:
    endorsers = endorsers_of(frame, ctx)
    stance = decide_stance(ctx.doc[frame.trigger], frame.rule["stance"], True)
    if not endorsers or stance not in ("endorses", "opposes", "will_endorse"):
        return None
    trigger = ctx.doc[frame.trigger]
    stage = frame_stage(ctx.sent, frame.trigger, _clause_tokens(trigger), default_stage)
    return Slate(tuple(endorsers), stance, frame.rule, stage)


PRESENT_TRIGGERS = words("present_triggers")


def _gerund_pairs(ctx: SentenceContext) -> list[Frame]:
    """'... and Ames backing Roe': NAME VERB-ing NAME, where the parser made the
    gerund a noun and found no frame; the surface order gives the roles."""
    frames = []
    by_start = {m.start: m for m in ctx.mentions}
    by_end = {m.end: m for m in ctx.mentions}
    index = trigger_index()
    for tok in ctx.sent:
        present = tok.lower_ in PRESENT_TRIGGERS  # "Sens. A and B back X": 'back' taken for an adverb
        if not (tok.lower_ in GERUND_TRIGGERS or present) or tok.pos_ in ("VERB", "AUX"):
            continue
        left, right = by_end.get(_before_parenthetical(tok.i, ctx)), by_start.get(tok.i + 1)
        if not (left and right and left.kind in ("person", "org") and right.kind in ("person", "measure")):
            continue
        if present and left.kind == "org" and left.label == "caps":
            continue  # "strategy for Latino support Trump ...": a capitalised word and a noun, no pair
        stem = tok.lower_.removesuffix("s") if present else tok.lower_[:-3]
        rule = index.get(("verb", stem)) or index.get(("verb", stem + "e"))
        if rule:
            frames.append(Frame(tok.i, rule, left.end - 1, right.start, via="surface"))
    return frames


def _before_parenthetical(i: int, ctx: SentenceContext) -> int:
    """Where a name before token i ends when a short parenthetical stands between them
    ('Sen. Ann Cole (R-Ark.) backs X': the name ends at the '(')."""
    doc = ctx.doc
    if i - 1 > ctx.sent.start and doc[i - 1].text == ")":
        for k in range(i - 2, max(ctx.sent.start, i - 8) - 1, -1):
            if doc[k].text == "(":
                return k
    return i


def _followed_suit(sent, ctx: "SentenceContext", found: list[Endorsement]) -> list[Endorsement]:
    """'Y followed suit': Y takes the stance of the article's latest fact."""
    if not found:
        return []
    for tok in sent:
        if tok.lemma_ != "follow":  # checked first: the subtree walk below is the costly part
            continue
        intransitive = not any(c.dep_ in ("dobj", "prep", "agent") for c in tok.children) and any(
            c.lower_ in ("later", "afterward", "afterwards", "soon", "shortly") for c in tok.subtree)
        # "Y followed suit", "Y followed two weeks later": the article's latest fact, taken again
        if any(c.lower_ == "suit" for c in tok.children) or intransitive:
            subj = [c for c in tok.children if c.dep_ == "nsubj"]
            m = ctx.mention_for(subj[0].i) if subj else None
            resolved = resolve_endorser(m, ctx) if m else None
            if resolved:
                last = found[-1]
                return [replace(last, endorser=resolved[0], endorser_type=resolved[1],
                                evidence=sentence_evidence(sent), confidence=round(last.confidence - 0.1, 2))]
    return []


ABOUT_THE_MEASURE = re.compile(r"(?i)\b(?:a position|any position|a stance|this one|the measure|the proposition|"
                               r"the initiative|the question|the levy|the tax)\b")


def _positions_on_the_measure(items: list[Endorsement]) -> list[Endorsement]:
    """'is still deciding whether to take a position', 'sits this one out': right after
    stances on a ballot measure, about that measure."""
    named = [e for e in items if e.candidate]
    out = []
    for e in items:
        if e.candidate is None and e.stance in ("declines", "undecided") and ABOUT_THE_MEASURE.search(e.evidence.text):
            before = [x for x in named if x.evidence.start <= e.evidence.start]
            if before and MEASURE_NAME.match(before[-1].candidate):
                e = replace(e, candidate=before[-1].candidate)
        out.append(e)
    return out


def _assign_races(items: list[Endorsement], races: RaceIndex, published: Optional[str]) -> list[Endorsement]:
    """Race of each stance. A candidate the article ties to an office (a race phrase
    such as "for governor" near the name, or a title it holds) has that race; one it
    ties to none runs in the race most explicitly tied candidates of the article run
    in; a stance about no candidate is about that race too. Ballot measures are
    their own race, decided at a general (not a nominating) vote; a party leadership
    contest is a nominating one, and so is a U.S. race in its nominating season: a
    "general" stance published 9 or more months before its race's November
    (race.before_nominations) is for the primary."""
    evidence = {e.candidate: races.evidence_for(e.candidate) for e in items
                if e.candidate and not MEASURE_NAME.match(e.candidate)}
    explicit = Counter(office for office, score in evidence.values() if office and score >= EXPLICIT_WEIGHT)
    titled = Counter(office for office, score in evidence.values() if office)
    # a candidate the article ties to no office runs where the others it ties run
    main = (explicit or titled).most_common(1)[0][0] if (explicit or titled) else races.dominant
    out = []
    race: Optional[str]
    for e in items:
        if e.candidate and MEASURE_NAME.match(e.candidate):
            race = races.race_for_measure(e.candidate, e.evidence.text)
            e = replace(e, stage=measure_stage(e.stage, published))
        elif e.race:  # a line's own label ("Ohio 6", "Place 8: No endorsement"), read with the list
            race = races.race_of_line_label(district_label(e.race) or e.race)
        elif e.candidate and (label := line_label(e.evidence.text, e.candidate)):
            race = races.race_of_line_label(label)  # "Attorney General: Ana Ruiz" on a roundup's own line
        elif e.candidate:
            office, score = evidence[e.candidate]
            if score < EXPLICIT_WEIGHT:  # a title says what the candidate holds, not what is at stake
                office = races.candidacy_office(e.candidate) or races.dominant or office
            race = races.race_for(e.candidate, office or main, e.evidence.text)
        else:
            race = None
        out.append(replace(e, race=race))
    # a stance about no candidate is about the race most of the article's stances are in
    counts = Counter(e.race for e in out if e.candidate and e.race)
    contest = counts.most_common(1)[0][0] if counts else races.race_for(None, main)
    # ... unless its own sentence names an office and no candidate stance there claims it
    claimed = {e.evidence.start for e in out if e.candidate}
    # (one whose line gives its own label keeps that race: "Place 8: No endorsement")
    out = [e if e.candidate is not None or given.race else
           replace(e, race=races.race_for(None, office, e.evidence.text) if e.evidence.start not in claimed
                   and (office := races.office_in(e.evidence.text)) else races.with_stated_year(contest, e.evidence.text))
           for e, given in zip(out, items)]
    # a party leadership or a preselection is a nomination contest whatever its cue words say;
    # support given in a U.S. race's nominating season is for the nomination
    return [replace(e, stage="primary") if is_nomination_contest(e.race)
            or e.stage == "general" and before_nominations(e.race, published) else e for e in out]


def _frame_to_endorsements(frame: Frame, ctx: SentenceContext, default_stage, settings,
                           earlier: Sequence[Endorsement] = ()) -> Iterable[Endorsement]:
    doc, sent = ctx.doc, ctx.sent
    trigger = doc[frame.trigger]
    if 0 < trigger.i < len(doc) - 1 and doc[trigger.i - 1].text in QUOTES and doc[trigger.i + 1].text in QUOTES:
        return []  # readers say the League "endorsed" Patel: a word in scare quotes is disputed
    endorsers = endorsers_of(frame, ctx)
    if not endorsers:
        return []
    base_stance = frame.rule["stance"]
    if frame.rule.get("object") == "vote" and (frame.candidate is None or doc[frame.candidate].lemma_ != "vote"):
        urged = _urged_vote(trigger, frame)  # "urging its members ... to vote for X" (however parsed)
        if urged is None:
            return []  # "urge" counts only as "urge a yes (no) vote on X" or "urge members to vote for X"
        frame, base_stance = replace(frame, candidate=urged[0]), urged[1]
    cand_mentions, generic = find_candidates(frame, ctx)
    if not cand_mentions and not generic and frame.rule.get("strong"):
        fallback = (_endorsed_before(endorsers, earlier) or _salient_person(ctx, frame, endorsers)) \
            if frame.rule["stance"] == "rescinds" else None
        if fallback is None and frame.rule["kind"] == "noun" and frame.candidate is None:
            fallback = _previous_subject(trigger, ctx, endorsers)  # "X is holding on. The endorsement by Y ..."
        if fallback:
            cand_mentions = [(fallback, 0.2)]
        elif frame.rule["kind"] in ("verb", "give", "withdraw") and frame.candidate is None:
            generic = True  # "has yet to endorse", "did not endorse": about the contest
    if frame.rule["kind"] != "state" and not cand_mentions and not generic:
        return []
    if any(c.lower_ in HABITUAL for c in trigger.children if c.dep_ == "advmod"):
        return []
    if PERCENT_RE.search(_outside_candidate_clauses(sent, frame)) and (
            not frame.rule.get("strong") or frame.rule["kind"] == "state"):
        return []  # "44 percent said they would vote for X", "12% undecided": poll figures
    if frame.rule["kind"] == "state" and _voters_state(frame, ctx):
        return []  # "a large percentage of voters still undecided", "those who are undecided": voters
    if _historical(trigger) and (generic or not cand_mentions):
        return []  # "hasn't backed a Democratic presidential candidate since 1932": a record, no stance
    stance = decide_stance(trigger, base_stance, generic)
    if stance is None or frame.rule.get("negated_only") and stance not in ("declines", "undecided"):
        return []
    if stance == "endorses" and frame.candidate is not None and (
            no_vote(doc[frame.candidate])
            or any(m.kind == "measure" and m.label == "no" and m.covers(frame.candidate) for m in ctx.mentions)):
        stance = "opposes"  # "urges a no vote on Measure K", "backs the No on K campaign"
    if stance in ("endorses", "opposes", "rescinds") and not cand_mentions:
        return []
    if stance == "undecided" and NO_PLANS.search(sent.text[trigger.idx - sent.start_char:]):
        stance = "declines"  # "has not endorsed in the race, and aides say he does not plan to"
    if stance == "will_endorse" and cand_mentions and not generic and (_announced(trigger) or _pledged(trigger)):
        stance = "endorses"  # "announced they will support X", "'I will support X,' he said": made now
    if frame.rule.get("org_only") and all(t == "person" for _, t, _ in endorsers) and not (
            cand_mentions and all(MEASURE_NAME.match(c) for c, _ in cand_mentions)):
        return []  # a person opposing a person is a rival; opposing a measure ("Gov. X opposes Prop. 12") a stance
    if frame.rule["kind"] == "receive" and all(t == "party" for _, t, _ in endorsers) and any(
            c.lemma_ in ("nod", "nomination") for c in trigger.children if c.dep_ in ("dobj", "attr")):
        return []  # "Hartley wins GOP nod": a party's nomination is won at the polls, not given
    clause = _clause_tokens(trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head)
    stage = frame_stage(sent, frame.trigger, clause, default_stage)
    evidence = sentence_evidence(sent)
    out = []
    for endorser_name, endorser_type, conf_e in endorsers:
        candidates: Sequence[tuple[Optional[str], float]] = cand_mentions or [(None, 0.0)]
        for cand_name, conf_c in candidates:
            if cand_name and _same_name(cand_name, endorser_name):
                continue  # a campaign's claim about itself
            if any(_same_name(other, endorser_name) for other, _ in candidates if other):
                continue  # "A and B were endorsed": one list item does not endorse another
            confidence = round(max(0.3, settings.base_confidence - conf_e - conf_c
                                   - (0.05 if frame.via != "dep" else 0.0)
                                   - (0.0 if frame.rule.get("strong") else 0.1)), 2)
            out.append(Endorsement(
                endorser=endorser_name, endorser_type=endorser_type, candidate=cand_name,
                stance=stance, stage=stage, evidence=evidence, confidence=confidence,
                rule=coordinated_rule(frame.rule, ctx, endorser_name, cand_name),
                date=ctx.article.published))
    return out


# ---- endorsers ----------------------------------------------------------------------

def _clause_tokens(head) -> list:
    """The trigger's own clause: its subtree without the subject's relative clauses
    or other embedded clauses, whose stage words belong to another event."""
    skip: set[int] = set()
    for child in head.children:
        if child.dep_ in ("nsubj", "nsubjpass", "advcl", "ccomp", "parataxis", "relcl") \
                or child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            skip.update(t.i for t in child.subtree)
    return [t for t in head.subtree if t.i not in skip]


NO_PLANS = re.compile(r"(?i)\b(?:does|do|did) ?(?:not|n't) (?:plan|intend|expect) to\b|\bno plans? to\b|"
                      r"\bhas no intention\b|\bwill not do so\b|\bwon't do so\b")
QUOTES = {'"', "“", "”", "'", "‘", "’"}
HABITUAL = words("habitual_adverbs")
ANNOUNCE_VERBS = words("announce_verbs")
URGED_YES_VERBS = words("urged_yes_verbs")
URGED_NO_VERBS = words("urged_no_verbs")


SPEECH_VERBS = words("speech_verbs.announcing")  # "told supporters he would ..."


def _urged_vote(trigger, frame: Frame) -> Optional[tuple[int, str]]:
    """'urging its 6,000 members in X to vote for Y': the candidate of the vote the
    urge's object is asked to cast, and its stance."""
    if frame.candidate is None:
        return None
    for tok in trigger.doc[frame.candidate:trigger.sent.end]:
        if tok.dep_ == "xcomp" and tok.head.i == trigger.i and (tok.lemma_.lower() in URGED_YES_VERBS
                                                             or tok.lemma_.lower() in URGED_NO_VERBS):
            obj = next((g for g in tok.children if g.dep_ == "dobj"), None)  # "urge voters to approve Measure K"
            stance = "endorses" if tok.lemma_.lower() in URGED_YES_VERBS else "opposes"  # "... to reject Measure K"
            return (obj.i, stance) if obj is not None else None
        if tok.lemma_ == "vote" and tok.i > frame.candidate:
            verdict = next((c.lower_ for c in tok.children if c.lower_ in ("yes", "no")), None)
            for prep in tok.children:
                if prep.dep_ == "prep" and (prep.lower_ in ("for", "against") or prep.lower_ == "on" and verdict):
                    obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                    if obj is not None:  # "to vote against X", "to vote no on Question 2"
                        return obj.i, "endorses" if prep.lower_ == "for" or verdict == "yes" else "opposes"
            return None
    return None


POLL_CONTEXT = words("poll_context_words")
VOTER_WORDS = words("voter_words")
RECORD_SPANS = ("year", "decade", "century", "generation")


def _voters_state(frame: Frame, ctx: SentenceContext) -> bool:
    """'undecided'/'neutral' said of voters: in a poll report, or of a subject that is a
    share of voters ('one in five members', 'those who are undecided')."""
    if frame.rule["stance"] == "undecided" and any(t.lower_ in POLL_CONTEXT for t in ctx.sent):
        return True
    if frame.endorser is None:
        return False
    subj = ctx.doc[frame.endorser]
    near = {subj.lower_} | {g.lower_ for p in subj.children if p.dep_ == "prep" for g in p.children}
    return bool(near & (VOTER_WORDS | POLL_CONTEXT))


def _outside_candidate_clauses(sent, frame: Frame) -> str:
    """The sentence without the relative clauses said of the candidate ('backed Rep. Ana Ruiz,
    who has a 95 percent lifetime score'): a figure there is the candidate's record, no poll."""
    if frame.candidate is None:
        return sent.text
    cand = sent.doc[frame.candidate]
    skip = {t.i for c in cand.children if c.dep_ == "relcl" for t in c.subtree}
    return sent.text if not skip else "".join(t.text_with_ws for t in sent if t.i not in skip)


def _historical(trigger) -> bool:
    """'since 1932', 'in more than 100 years': a record over time, not a stance now."""
    for prep in trigger.children:
        if prep.dep_ != "prep":
            continue
        if prep.lower_ == "since" and any(g.dep_ == "pobj" for g in prep.children):
            return True  # "since 1932", "since Nixon" (not "has yet to endorse since dropping out")
        if prep.lower_ in ("in", "for") and any(g.lemma_.lower() in RECORD_SPANS for g in prep.children):
            return True
    return False


def _pledged(trigger) -> bool:
    """A first-person pledge of support: 'I will support Carla Hollis in November'."""
    return trigger.lemma_ != "endorse" and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in trigger.children) \
        and any(c.dep_ == "aux" and c.lower_ in ("will", "'ll") for c in trigger.children)


def _announced(trigger) -> bool:
    """'announced they will support X'; and 'told supporters he would throw his support
    behind X': saying one will support (not formally endorse) someone is support now."""
    if trigger.lemma_.lower() not in ("endorse", "endorsement") and trigger.dep_ == "ccomp" \
            and trigger.head.lemma_.lower() in SPEECH_VERBS \
            and any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in trigger.children):
        return True
    tok, n = trigger, 0
    while tok.dep_ in ("ccomp", "xcomp", "conj", "aux") and tok.head is not tok and n < 3:
        tok = tok.head
        n += 1
        if tok.lemma_.lower() in ANNOUNCE_VERBS:
            return True
    return False


def _endorsed_before(endorsers, earlier) -> Optional[str]:
    """'The Patriots, who endorsed Solano in December, yanked their support': what a
    withdrawal names no candidate for is the endorser's latest endorsement."""
    names = {e[0] for e in endorsers}
    prior = [e for e in earlier if e.endorser in names and e.stance == "endorses" and e.candidate]
    return prior[-1].candidate if prior else None


def _salient_person(ctx: SentenceContext, frame: Frame, endorsers) -> Optional[str]:
    """When a withdraw/endorse frame names no candidate, the one person the sentence is about."""
    names = {e[0] for e in endorsers}
    people = [m for m in ctx.mentions if m.kind == "person" and m.text not in names
              and ctx.doc[m.end - 1].dep_ in ("nsubj", "nsubjpass", "dobj")]
    if not people:  # "The Farm Bureau, which endorsed Measure L, withdrew its support"
        people = [m for m in ctx.mentions if m.kind == "measure"]
    return people[0].text if len({p.text for p in people}) == 1 else None


SPECULATIVE_MODALS = ("could", "might", "may", "would")


def _previous_subject(trigger, ctx: SentenceContext, endorsers) -> Optional[str]:
    """'Ruiz keeps her lead. The recent endorsement by Mayor X should help': a
    definite endorsement noun that names its endorser but no candidate is about the one
    person the sentence before has as its subject."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in trigger.children) or not ctx.history:
        return None
    if any(c.dep_ == "aux" and c.lower_ in SPECULATIVE_MODALS for c in trigger.head.children) \
            and not still_to_come(trigger):
        return None  # "The union's backing might bring cash": a backing that may come, for whom unsaid
    names = {e[0] for e in endorsers}
    before = ctx.history[-1]
    people = {m.text for m in before if m.kind == "person" and m.text not in names
              and ctx.doc[m.start:m.end].root.dep_ in ("nsubj", "nsubjpass")}
    return people.pop() if len(people) == 1 else None


def _same_name(a: str, b: str) -> bool:
    return a.lower() == b.lower() or a.split()[-1].lower() == b.split()[-1].lower()


def dedupe_endorsements(items: list[Endorsement]) -> list[Endorsement]:
    """One fact per (endorser, candidate, stance, stage); the most confident evidence wins."""
    best: dict[tuple, Endorsement] = {}
    for e in items:
        key = (e.endorser.lower(), (e.candidate or "").lower(), e.stance, e.stage)
        if key not in best or e.confidence > best[key].confidence:
            best[key] = e
    return sorted(best.values(), key=lambda e: e.evidence.start)
