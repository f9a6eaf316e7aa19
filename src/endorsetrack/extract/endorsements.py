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
from typing import Iterable, Optional

from ..nlp.build import doc_text
from ..nlp.rules import packaged_rules
from ..settings import DEFAULT, Settings
from ..types import Article, Endorsement, Evidence, RuleRef
from .frames import Frame, match_frames, trigger_index
from .race import EXPLICIT_WEIGHT, RaceIndex
from .context import GERUND_TRIGGERS, SentenceContext, as_person, expand_list, quoted_spans, sentence_evidence
from .mentions import DATELINE_RE, MEASURE_NAME, TITLES, Mention, find_mentions, is_headline
from .candidates import find_candidates, no_vote, person_like
from .references import byline_author, member_word, members_body, provisional_type, resolve_endorser
from .stage import article_stage, frame_stage
from .stance import decide_stance
from .editorial import editorial_verdicts
from .slates import Slate, opens_slate, roundup_line, slate_line

def find_endorsements(doc, article: Article, settings: Settings = DEFAULT) -> list[Endorsement]:
    default_stage = article_stage(article.text)
    people_surnames = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and ent[-1].lower_ not in TITLES}
    surnames = frozenset(people_surnames)
    people_names = {ent.text for ent in doc.ents if ent.label_ == "PERSON"} | people_surnames | {
        ent.text.split()[-1] for ent in doc.ents if ent.label_ == "PERSON"}  # "Jasmin Kaur-Bains": "Kaur-Bains"
    quoted = quoted_spans(doc_text(doc))
    history: list[list[Mention]] = []
    found: list[Endorsement] = []
    headlines: list[Endorsement] = []
    slate: Optional[Slate] = None
    races = RaceIndex(article.text, article.published)
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
    sent_mentions = [[as_person(m, people_names) for m in ms] for ms in sent_mentions]
    for k, sent in enumerate(sents):
        mentions = sent_mentions[k]
        ctx = SentenceContext(sent, mentions, history[-settings.antecedent_window_sentences:], people_surnames,
                              article, all_history=history, quoted=quoted, races=races,
                              last_org_endorser=last_org, byline=byline,
                              following=sent_mentions[k + 1:k + 1 + settings.cataphora_window_sentences],
                              all_following=sent_mentions[k + 1:])
        frames = [] if is_headline(sent) else match_frames(sent) + _gerund_pairs(ctx)
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
    # a verdict a frame of the paper's states too is no second fact
    argued = {(e.candidate, e.stance) for e in found if e.endorser_type == "newspaper"}
    found.extend(e for e in headlines if (e.candidate, e.stance) not in argued)
    return dedupe_endorsements(_assign_races(found, races))


def _slate(frame: Frame, ctx: SentenceContext, default_stage) -> Optional[Slate]:
    endorsers = _endorsers(frame, ctx)
    stance = decide_stance(ctx.doc[frame.trigger], frame.rule["stance"], True)
    if not endorsers or stance not in ("endorses", "opposes", "will_endorse"):
        return None
    trigger = ctx.doc[frame.trigger]
    stage = frame_stage(ctx.sent, frame.trigger, _clause_tokens(trigger), default_stage)
    return Slate(tuple(endorsers), stance, frame.rule, stage)


def _gerund_pairs(ctx: SentenceContext) -> list[Frame]:
    """'... and Carson backing Trump': NAME VERB-ing NAME, where the parser made the
    gerund a noun and found no frame; the surface order gives the roles."""
    frames = []
    by_start = {m.start: m for m in ctx.mentions}
    by_end = {m.end: m for m in ctx.mentions}
    index = trigger_index()
    for tok in ctx.sent:
        if tok.lower_ not in GERUND_TRIGGERS or tok.pos_ in ("VERB", "AUX"):
            continue
        left, right = by_end.get(tok.i), by_start.get(tok.i + 1)
        if not (left and right and left.kind in ("person", "org") and right.kind in ("person", "measure")):
            continue
        stem = tok.lower_[:-3]
        rule = index.get(("verb", stem)) or index.get(("verb", stem + "e"))
        if rule:
            frames.append(Frame(tok.i, rule, left.end - 1, right.start, via="surface"))
    return frames


def _followed_suit(sent, ctx: "SentenceContext", found: list[Endorsement]) -> list[Endorsement]:
    """'Y followed suit': Y takes the stance of the article's latest fact."""
    for tok in sent:
        if tok.lemma_ == "follow" and any(c.lower_ == "suit" for c in tok.children) and found:
            subj = [c for c in tok.children if c.dep_ == "nsubj"]
            m = ctx.mention_for(subj[0].i) if subj else None
            resolved = resolve_endorser(m, ctx) if m else None
            if resolved:
                last = found[-1]
                return [replace(last, endorser=resolved[0], endorser_type=resolved[1],
                                evidence=sentence_evidence(sent), confidence=round(last.confidence - 0.1, 2))]
    return []


def _assign_races(items: list[Endorsement], races: RaceIndex) -> list[Endorsement]:
    """Race of each stance. A candidate the article ties to an office (a race phrase
    such as "for governor" near the name, or a title it holds) has that race; one it
    ties to none runs in the race most explicitly tied candidates of the article run
    in; a stance about no candidate is about that race too. Ballot measures are
    their own race, decided at a general (not a nominating) vote."""
    evidence = {e.candidate: races.evidence_for(e.candidate) for e in items
                if e.candidate and not MEASURE_NAME.match(e.candidate)}
    explicit = Counter(office for office, score in evidence.values() if office and score >= EXPLICIT_WEIGHT)
    titled = Counter(office for office, score in evidence.values() if office)
    # a candidate the article ties to no office runs where the others it ties run
    main = (explicit or titled).most_common(1)[0][0] if (explicit or titled) else races.dominant
    out = []
    for e in items:
        if e.candidate and MEASURE_NAME.match(e.candidate):
            race = e.candidate
            if e.stage is None:  # a measure is put to voters, not to a nominating contest
                e = replace(e, stage="general")
        elif e.candidate:
            office, _ = evidence[e.candidate]
            race = races.race_for(e.candidate, office or main)
        else:
            race = None
        out.append(replace(e, race=race))
    # a stance about no candidate is about the race most of the article's stances are in
    counts = Counter(e.race for e in out if e.candidate and e.race)
    contest = counts.most_common(1)[0][0] if counts else races.race_for(None, main)
    # ... unless its own sentence names an office and no candidate stance there claims it
    claimed = {e.evidence.start for e in out if e.candidate}
    out = [e if e.candidate is not None else
           replace(e, race=races.race_for(None, office) if e.evidence.start not in claimed
                   and (office := races.office_in(e.evidence.text)) else contest)
           for e in out]
    return out


def _frame_to_endorsements(frame: Frame, ctx: SentenceContext, default_stage, settings,
                           earlier: tuple = ()) -> Iterable[Endorsement]:
    doc, sent = ctx.doc, ctx.sent
    trigger = doc[frame.trigger]
    if 0 < trigger.i < len(doc) - 1 and doc[trigger.i - 1].text in QUOTES and doc[trigger.i + 1].text in QUOTES:
        return []  # readers say the League "endorsed" Patel: a word in scare quotes is disputed
    endorsers = _endorsers(frame, ctx)
    if not endorsers:
        return []
    if frame.rule.get("object") == "vote" and (frame.candidate is None or doc[frame.candidate].lemma_ != "vote"):
        return []  # "urge" counts only as "urge a yes (no) vote on X"
    cand_mentions, generic = find_candidates(frame, ctx)
    if not cand_mentions and not generic and frame.rule.get("strong"):
        fallback = (_endorsed_before(endorsers, earlier) or _salient_person(ctx, frame, endorsers)) \
            if frame.rule["stance"] == "rescinds" else None
        if fallback:
            cand_mentions = [(fallback, 0.2)]
        elif frame.rule["kind"] in ("verb", "give", "withdraw") and frame.candidate is None:
            generic = True  # "has yet to endorse", "did not endorse": about the contest
    if frame.rule["kind"] != "state" and not cand_mentions and not generic:
        return []
    if any(c.lower_ in HABITUAL for c in trigger.children if c.dep_ == "advmod"):
        return []
    if PERCENT_RE.search(sent.text) and (not frame.rule.get("strong") or frame.rule["kind"] == "state"):
        return []  # "44 percent said they would vote for X", "12% undecided": poll figures
    stance = decide_stance(trigger, frame.rule["stance"], generic)
    if stance is None or frame.rule.get("negated_only") and stance not in ("declines", "undecided"):
        return []
    if stance == "endorses" and frame.candidate is not None and (
            no_vote(doc[frame.candidate])
            or any(m.kind == "measure" and m.label == "no" and m.covers(frame.candidate) for m in ctx.mentions)):
        stance = "opposes"  # "urges a no vote on Measure K", "backs the No on K campaign"
    if stance in ("endorses", "opposes", "rescinds") and not cand_mentions:
        return []
    if stance == "will_endorse" and _announced(trigger):
        stance = "endorses"  # "announced they will support X": the endorsement is made
    if frame.rule.get("org_only") and all(t == "person" for _, t, _ in endorsers):
        return []
    clause = _clause_tokens(trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head)
    stage = frame_stage(sent, frame.trigger, clause, default_stage)
    evidence = sentence_evidence(sent)
    out = []
    for endorser_name, endorser_type, conf_e in endorsers:
        candidates = cand_mentions or [(None, 0.0)]
        for cand_name, conf_c in candidates:
            if cand_name and _same_name(cand_name, endorser_name):
                continue  # a campaign's claim about itself
            confidence = round(max(0.3, settings.base_confidence - conf_e - conf_c
                                   - (0.05 if frame.via != "dep" else 0.0)
                                   - (0.0 if frame.rule.get("strong") else 0.1)), 2)
            out.append(Endorsement(
                endorser=endorser_name, endorser_type=endorser_type, candidate=cand_name,
                stance=stance, stage=stage, evidence=evidence, confidence=confidence,
                rule=RuleRef(frame.rule["id"], frame.rule["version"]),
                date=ctx.article.published))
    return out


# ---- endorsers ----------------------------------------------------------------------

def _endorsers(frame: Frame, ctx: SentenceContext) -> list[tuple[str, str, float]]:
    """(name, provisional type, confidence penalty) for each endorser the role names."""
    doc = ctx.doc
    if frame.rule["kind"] == "receive" and frame.endorser is not None and doc[frame.endorser].lower_ == "own":
        # "picked up an endorsement of his own on Friday: former MPP Bernard Tessier, who ..."
        colon = next((t.i for t in ctx.sent if t.text == ":" and t.i > frame.trigger), None)
        named = next((x for x in ctx.mentions if colon is not None and x.start > colon
                      and x.kind in ("person", "org", "party") and x.label != "GPE"), None)
        resolved = resolve_endorser(named, ctx) if named is not None else None
        return [resolved] if resolved else []
    if frame.endorser is None and frame.rule["kind"] == "receive":
        named = _org_after_preposition(frame.trigger, ctx)  # "picked up the endorsement of | the X"
        if named is not None:
            return [r for r in (resolve_endorser(x, ctx) for x in expand_list(named, ctx)) if r]
        noun = next((c for c in doc[frame.trigger].children if c.dep_ in ("dobj", "attr")), None)
        owner_word = noun is not None and any(c.dep_ == "compound" and c.lower_ in ("party", "union", "group")
                                              for c in noun.children)  # "won the party endorsement"
        if ctx.last_org_endorser and noun is not None and noun.lemma_ in ("endorsement", "nod") \
                and (owner_word or not PERCENT_RE.search(ctx.sent.text)):
            return [ctx.last_org_endorser]  # "X won the endorsement" after "Y won the party's endorsement"
    endorser_i = frame.endorser
    dateline = DATELINE_RE.match(ctx.sent.text)
    if endorser_i is not None and dateline and doc[endorser_i].idx < ctx.sent.start_char + dateline.end():
        # "ROCHESTER, Minn. — Minnesota DFL delegates endorsed": the parse took the dateline
        after = [t for t in ctx.sent if ctx.sent.start_char + dateline.end() <= t.idx and t.i < frame.trigger]
        members = next((t for t in after if _members_acting(t, doc[frame.trigger])), None)
        if members is not None:
            body = members_body(members, ctx)
            return [body] if body else []
        endorser_i = None
    if endorser_i is None:
        before = doc[frame.trigger - 1] if frame.trigger > ctx.sent.start else None
        if before is not None and _members_acting(before, doc[frame.trigger]):
            body = members_body(before, ctx)
            return [body] if body else []
        m = _left_neighbour(frame, ctx)
        return [r for r in (resolve_endorser(x, ctx) for x in (expand_list(m, ctx) if m else [])) if r]
    tok = doc[endorser_i]
    if _members_acting(tok, doc[frame.trigger]):  # "Delegates voted to endorse X": the body they belong to
        body = members_body(tok, ctx)
        return [body] if body else []
    included = _included_names(tok, ctx)
    if included:
        return [r for r in (resolve_endorser(x, ctx) for x in included) if r]
    if tok.lower_ in QUANTIFIERS:
        return []  # "many of the players in the party": a vague share of a group
    m = ctx.mention_for(endorser_i)
    if m is None and tok.tag_ == "NNS" and any(c.dep_ == "nummod" for c in tok.children):
        return []  # "58 MPs": a count of people, unless an appositive names them ("Two unions ..., X and Y,")
    if m is None or _quantified(doc[m.end - 1]):
        m = _left_neighbour(frame, ctx)
    if m is None:
        return []
    party = PARTY_PLURALS.get(m.text.lower()) if m.kind == "party" else None
    if party and doc[frame.trigger].lemma_.lower() == "endorse" and not PERCENT_RE.search(ctx.sent.text):
        return [(party, "party", 0.2)]  # "Republicans, meeting in Duluth, endorsed X": the party's convention
    out = []
    for item in expand_list(m, ctx) + _in_addition_to(doc[frame.trigger], ctx):
        resolved = resolve_endorser(item, ctx)
        if resolved:
            out.append(resolved)
    return out


def _members_acting(tok, trigger) -> bool:
    """Delegates or a convention act for their body; members only when they vote as one
    ('members voted to endorse'), not 'many rank-and-file members who support X'."""
    lemma = member_word(tok)
    if lemma is None or _quantified(tok) or any(c.dep_ == "nummod" for c in tok.children):
        return False  # "11 delegates abstained", "1,500 union members pledging to vote for": individuals
    return lemma != "member" or trigger.head.lemma_ == "vote"


def _clause_tokens(head) -> list:
    """The trigger's own clause: its subtree without the subject's relative clauses
    or other embedded clauses, whose stage words belong to another event."""
    skip: set[int] = set()
    for child in head.children:
        if child.dep_ in ("nsubj", "nsubjpass", "advcl", "ccomp", "parataxis", "relcl") \
                or child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            skip.update(t.i for t in child.subtree)
    return [t for t in head.subtree if t.i not in skip]


QUANTIFIERS = {"many", "some", "most", "all", "few", "several", "none", "both", "others", "plenty", "dozens", "rest"}


def _org_after_preposition(i: int, ctx: SentenceContext) -> Optional[Mention]:
    """The organisation right after 'of'/'from'/'by' following a receive verb's noun."""
    for k in range(i + 1, min(i + 6, ctx.sent.end)):
        if ctx.doc[k].lower_ in ("of", "from", "by"):
            j = k + 1
            while j < ctx.sent.end and ctx.doc[j].lower_ in ("the", "a", "an"):
                j += 1
            return next((m for m in ctx.mentions if m.start <= j < m.end and m.kind in ("org", "desc")), None)
    return None


def _quantified(tok) -> bool:
    """'nearly every national Democrat', 'many unions': a vague group, not an endorser."""
    return any(c.lower_ in ("every", "many", "most", "some", "all", "several", "few", "those", "these")
               for c in tok.children if c.dep_ in ("det", "amod", "advmod", "predet", "nummod"))


AUX_GAP = {",", "however", "will", "would", "has", "have", "had", "is", "are", "was", "were", "be", "been", "to", "also",
           "continue", "formally", "officially", "already", "now", "still", "]", "[", "not", "n't", "did",
           "does", "do", "said", "says", "today", "just", "finally", "unanimously", "overwhelmingly"}


def _left_neighbour(frame: Frame, ctx: SentenceContext) -> Optional[Mention]:
    """Surface fallback when the parse gives no subject: the name right before the verb
    group ("the [International Association of Firefighters] will continue to stand with")."""
    i = frame.trigger - 1
    if ctx.doc[i].text == "," and i > ctx.sent.start:
        # "AFSCME, with about 1.4 million members, endorsed Dean": step over the aside
        opening = [k for k in range(max(ctx.sent.start, i - 12), i) if ctx.doc[k].text == ","]
        if opening:
            i = opening[0] - 1
    while i >= ctx.sent.start and (ctx.doc[i].lower_ in AUX_GAP or ctx.doc[i].pos_ in ("ADV", "PART")
                                   or ctx.doc[i].ent_type_ in ("DATE", "TIME")  # "on Wednesday endorsed"
                                   or ctx.doc[i].lower_ in ("on", "in", "late", "early") and i + 1 < frame.trigger
                                   and ctx.doc[i + 1].ent_type_ in ("DATE", "TIME")):
        i -= 1
    if i < ctx.sent.start:
        return None
    for m in ctx.mentions:
        if m.covers(i) and m.kind in ("org", "desc", "person"):
            return m
    return None


def _in_addition_to(trigger, ctx: SentenceContext) -> list[Mention]:
    """'In addition to X and Y, Z have endorsed W': X and Y endorsed W too."""
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "besides", "beyond"):
            for obj in prep.children:
                if obj.lower_ == "addition" or prep.lower_ != "in":
                    target = obj if prep.lower_ != "in" else next(
                        (g for p2 in obj.children if p2.lower_ == "to" for g in p2.children if g.dep_ == "pobj"), None)
                    m = ctx.mention_for(target.i) if target is not None else None
                    if m and m.kind in ("org", "desc", "ref", "person"):
                        return expand_list(m, ctx)
    return []


def _included_names(tok, ctx: SentenceContext) -> list[Mention]:
    """'other prominent Republicans, including A and B' -> [A, B]."""
    heads = [tok, tok.head, tok.head.head]
    for child in [c for h in heads for c in h.children] + list(tok.subtree):
        if child.dep_ == "prep" and child.lower_ == "among" and child.i > tok.i:
            # "backed by 58 MPs, among them the former shadow chancellor Ruth Ellingham"
            them = next((g for g in child.children if g.dep_ == "pobj" and g.lower_ == "them"), None)
            named = next((x for x in ctx.mentions if them is not None and x.start > them.i
                          and x.kind in ("person", "org")), None)
            if named is not None:
                return expand_list(named, ctx)
        if child.dep_ == "prep" and child.lower_ in ("including", "like", "such") and child.i > tok.i:
            objs = [g for g in child.subtree if g.dep_ == "pobj"]
            if objs:
                m = ctx.mention_for(objs[0].i)
                if m:
                    return expand_list(m, ctx)
    return []


PERCENT_RE = re.compile(r"\d\s*(?:%|percent\b|per cent\b|pct\b)", re.I)
PARTY_PLURALS = {"republicans": "Republican Party", "democrats": "Democratic Party", "liberals": "Liberal Party",
                 "conservatives": "Conservative Party", "tories": "Conservative Party", "greens": "Green Party",
                 "libertarians": "Libertarian Party"}
QUOTES = {'"', "“", "”", "'", "‘", "’"}
HABITUAL = {"traditionally", "typically", "usually", "often", "generally", "normally", "historically"}
ANNOUNCE_VERBS = {"announce", "decide", "vote", "confirm", "declare", "agree"}


SPEECH_VERBS = {"say", "tell", "pledge", "promise", "vow"}


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
