"""Endorsement stances from a parsed article.

For each sentence: frames (extract/frames.py) give trigger and role tokens; role
tokens become mentions (extract/mentions.py), lists expand ("the UAW, the SEIU and
a Teamsters local have endorsed"), references resolve to an earlier name ("the
union", "his candidacy"), and stance and stage come from extract/stance.py and
extract/stage.py. Pure: Doc + Article in, Endorsement values out.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from ..settings import DEFAULT, Settings
from ..types import Article, Endorsement, Evidence, RuleRef
from .frames import Frame, match_frames
from .mentions import GENERIC_CANDIDATE_RE, NEWSPAPER_REFERENCE_NOUNS, Mention, find_mentions
from .stage import article_stage, frame_stage
from .stance import decide_stance

LIST_SEPARATORS = re.compile(r"^\s*(?:,|and|&|or|, and|, or|as well as|along with|plus|nor)?\s*$", re.I)
PARENTHETICAL = re.compile(r"\([^()]{0,80}\)")
VOTER_WORDS = re.compile(
    r"(?i)^(?:voters?|residents?|respondents?|people|members|workers|americans|women|men|"
    r"democrats|republicans|independents|latinos|hispanics|whites|blacks|seniors|delegates|"
    r"most|many|some|polls?|surveys?|analysts?|supporters|fans|critics|observers)$")
NUMBERED_LIST = re.compile(r"^(.*\b(?:Local|Council|District Council|Lodge))\s+(\d+)((?:\s*(?:,|and|&)\s*\d+)+)$")
UNION_WORDS = re.compile(r"(?i)\b(?:union|unions|local|workers|teamsters|federation|brotherhood|"
                         r"afl-cio|seiu|council \d+|employees|laborers|machinists|carpenters|teachers|"
                         r"firefighters|fire fighters|nurses|officers association|fraternal order)\b")
CANDIDACY_NOUNS = {"candidacy", "campaign", "bid", "reelection", "re-election", "run", "challenge"}


def find_endorsements(doc, article: Article, settings: Settings = DEFAULT) -> list[Endorsement]:
    default_stage = article_stage(article.text)
    people_surnames = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) >= 1}
    history: list[list[Mention]] = []
    found: list[Endorsement] = []
    for sent in doc.sents:
        mentions = find_mentions(sent)
        ctx = _Context(sent, mentions, history[-settings.antecedent_window_sentences:], people_surnames, article)
        for frame in match_frames(sent):
            found.extend(_frame_to_endorsements(frame, ctx, default_stage, settings))
        history.append(mentions)
    return _dedupe(found)


class _Context:
    def __init__(self, sent, mentions, history, people_surnames, article):
        self.sent = sent
        self.doc = sent.doc
        self.mentions = mentions
        self.history = history
        self.people_surnames = people_surnames
        self.article = article

    def mention_for(self, i: Optional[int]) -> Optional[Mention]:
        """The mention that token i heads or lies in; else one inside its noun phrase."""
        if i is None:
            return None
        for m in self.mentions:
            if m.covers(i):
                return m
        tok = self.doc[i]
        inner = [t.i for t in tok.subtree if t.dep_ in ("compound", "poss", "amod", "nmod", "appos")
                 or t.i == i]
        near = [m for m in self.mentions if any(m.covers(j) for j in inner)]
        if near:
            return near[0]
        # "the endorsement of the AFSCME Council 61" when the pobj is "Council".
        sub = [m for m in self.mentions if tok.left_edge.i <= m.start and m.end <= tok.right_edge.i + 1]
        return sub[0] if sub else None


def _frame_to_endorsements(frame: Frame, ctx: _Context, default_stage, settings) -> Iterable[Endorsement]:
    doc, sent = ctx.doc, ctx.sent
    trigger = doc[frame.trigger]
    endorsers = _endorsers(frame, ctx)
    if not endorsers:
        return []
    cand_mentions, generic = _candidates(frame, ctx)
    if frame.rule["kind"] != "state" and not cand_mentions and not generic:
        return []
    stance = decide_stance(trigger, frame.rule["stance"], generic)
    if stance is None:
        return []
    if stance == "endorses" and not cand_mentions:
        return []
    clause = [t for t in trigger.subtree] if trigger.pos_ in ("VERB", "AUX") else list(trigger.head.subtree)
    stage = frame_stage(sent, frame.trigger, clause, default_stage)
    evidence = Evidence(sent.text, sent.start_char, sent.end_char)
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
                race=_race(sent.text), date=ctx.article.published))
    return out


# ---- endorsers ----------------------------------------------------------------------

def _endorsers(frame: Frame, ctx: _Context) -> list[tuple[str, str, float]]:
    """(name, provisional type, confidence penalty) for each endorser the role names."""
    if frame.endorser is None:
        return []
    doc = ctx.doc
    tok = doc[frame.endorser]
    if frame.via == "colon-list":
        return []
    m = ctx.mention_for(frame.endorser)
    if m is None:
        if tok.lower_ in ("backers", "backer", "supporters", "supporter", "endorser"):
            m = _backer_phrase(tok, ctx)
        if m is None:
            return []
    out = []
    for item in _expand_list(m, ctx):
        resolved = _resolve_endorser(item, ctx)
        if resolved:
            out.append(resolved)
    return out


def _backer_phrase(tok, ctx: _Context) -> Optional[Mention]:
    """'One of the strongest union backers of X' -> the sentence's own subject is the backer."""
    return None


def _resolve_endorser(m: Mention, ctx: _Context) -> Optional[tuple[str, str, float]]:
    text = m.text
    if VOTER_WORDS.match(text) or VOTER_WORDS.match(text.split()[-1]) and m.kind in ("ref", "party"):
        return None
    if m.kind in ("org", "desc"):
        if m.label in ("GPE",) and not UNION_WORDS.search(text):
            return None
        return text, _provisional_type(m), 0.0
    if m.kind == "person":
        return text, "person", 0.0
    if m.kind == "party":
        if VOTER_WORDS.match(text):
            return None
        return text, "party", 0.05
    if m.kind == "ref":
        ante = _antecedent(m, ctx)
        if ante is None:
            if m.label in ("we", "our", "us") and not _inside_quotes(ctx, m):
                return "editorial board", "newspaper", 0.2
            return None
        return ante[0], ante[1], 0.15
    return None


def _antecedent(m: Mention, ctx: _Context) -> Optional[tuple[str, str]]:
    """The earlier mention a reference ('the union', 'it', 'he') points to."""
    label = m.label
    want_person = label in ("he", "she", "him", "his", "her") or label.startswith("person:")
    national = "national" in m.text.lower()
    quoted = _inside_quotes(ctx, m)
    pool = [x for x in reversed(ctx.mentions) if x.end <= m.start]
    for past in reversed(ctx.history):
        pool.extend(reversed(past))
    if want_person:
        people = [c for c in pool if c.kind == "person" and not (quoted and _is_speaker(c, ctx.doc))]
        salient = [c for c in people if ctx.doc[c.end - 1].dep_ in ("nsubj", "nsubjpass")]
        pick = (salient or people or [None])[0]
        return (pick.text, "person") if pick else None
    orgs = [c for c in pool if c.kind in ("org", "desc") and c.label not in ("GPE", "caps")
            or c.kind == "org" and c.label == "caps" and _org_like(c, ctx.doc)]
    if label in ("chapter", "local", "branch", "affiliate", "unit"):
        orgs.sort(key=lambda c: c.label != "local")  # stable: nearest local first
    for cand in orgs:
        if label in NEWSPAPER_REFERENCE_NOUNS and _provisional_type(cand) != "newspaper":
            continue
        if label in ("union", "local", "chapter", "affiliate", "branch") and not UNION_WORDS.search(cand.text) \
                and not cand.label.startswith("org.") and cand.label != "local":
            continue
        if national and (cand.label == "local" or re.search(r"\d", cand.text)):
            continue
        if label == "local" and cand.label != "local":
            continue
        return cand.text, _provisional_type(cand)
    return None


SPEECH_VERBS = {"say", "tell", "add", "note", "explain", "write", "state", "declare", "argue", "insist"}


def _is_speaker(m: Mention, doc) -> bool:
    head = doc[m.end - 1]
    return head.dep_ == "nsubj" and head.head.lemma_ in SPEECH_VERBS


def _org_like(m: Mention, doc) -> bool:
    """A capitalised run that acts like an organisation: a subject, or union-ish words."""
    head = doc[m.end - 1]
    return bool(UNION_WORDS.search(m.text)) or (head.dep_ in ("nsubj", "nsubjpass") and len(m.text) > 3
                                                 and head.ent_type_ not in ("DATE", "GPE", "PERSON"))


def _inside_quotes(ctx: _Context, m: Mention) -> bool:
    before = ctx.doc.text[ctx.sent.start_char:ctx.doc[m.start].idx]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _provisional_type(m: Mention) -> str:
    if m.kind == "person":
        return "person"
    if m.kind == "party":
        return "party"
    if re.search(r"(?i)\b(times|post|tribune|journal|star|globe|herald|gazette|chronicle|examiner|"
                 r"register|observer|courant|inquirer|editorial board|daily news|sun)\b", m.text) \
            and not UNION_WORDS.search(m.text):
        return "newspaper"
    if UNION_WORDS.search(m.text) or m.label == "local":
        return "union"
    if re.search(r"(?i)\bparty\b|\bdemocrat|\brepublican|\bgop\b", m.text):
        return "party"
    return "organization"


def _expand_list(m: Mention, ctx: _Context) -> list[Mention]:
    """The mention plus its list neighbours joined by commas/and; numbered locals split."""
    items = [m]
    text = ctx.doc.text
    ms = [x for x in ctx.mentions if x.kind in ("org", "desc", "person", "party")]
    if m in ms:
        k = ms.index(m)
        for step in (1, -1):
            j = k
            while 0 <= j + step < len(ms):
                a, b = (ms[j], ms[j + step]) if step == 1 else (ms[j + step], ms[j])
                between = text[ctx.doc[a.end - 1].idx + len(ctx.doc[a.end - 1]):ctx.doc[b.start].idx]
                between = PARENTHETICAL.sub("", between)
                between = re.sub(r"(?i)\b(the|a|an)\b", "", between)
                if not LIST_SEPARATORS.match(between) or ms[j + step].kind != m.kind and \
                        not {ms[j + step].kind, m.kind} <= {"org", "desc"}:
                    break
                if ms[j + step].label == "GPE":
                    break
                items.append(ms[j + step])
                j += step
    out: list[Mention] = []
    for item in sorted(items, key=lambda x: x.start):
        nm = NUMBERED_LIST.match(item.text)
        if nm:
            for num in [nm.group(2)] + re.findall(r"\d+", nm.group(3)):
                out.append(Mention(item.start, item.end, f"{nm.group(1)} {num}", item.kind, item.label))
        else:
            out.append(item)
    return out


# ---- candidates ---------------------------------------------------------------------

def _candidates(frame: Frame, ctx: _Context) -> tuple[list[tuple[str, float]], bool]:
    """Candidate names (with confidence penalty) and whether the object is generic ('a candidate')."""
    if frame.candidate is None:
        return [], False
    doc = ctx.doc
    tok = doc[frame.candidate]
    phrase = " ".join(t.text for t in tok.subtree if t.i <= tok.i + 3)[:80]
    if GENERIC_CANDIDATE_RE.match(_np_text(tok)) or tok.lower_ in ("anyone", "anybody", "candidate", "one"):
        return [], True
    if tok.lemma_.lower() in CANDIDACY_NOUNS:  # "his candidacy", "Mourdock's bid"
        poss = [c for c in tok.children if c.dep_ == "poss"]
        if poss:
            tok = poss[0]
    m = ctx.mention_for(tok.i)
    if m is None:
        return [], bool(re.search(r"(?i)\b(candidate|nominee)\b", phrase))
    out = []
    for item in _expand_list(m, ctx):
        name = _candidate_name(item, ctx)
        if name:
            out.append(name)
    return out, False


def _candidate_name(m: Mention, ctx: _Context) -> Optional[tuple[str, float]]:
    if m.kind in ("person", "measure"):
        return m.text, 0.0
    if m.kind == "party":
        return m.text, 0.05
    if m.kind == "ref" and m.label in ("he", "she", "him", "his", "her"):
        ante = _antecedent(m, ctx)
        return (ante[0], 0.15) if ante else None
    if m.kind == "org":
        last = m.text.split()[-1]
        if last in ctx.people_surnames:
            return m.text, 0.05
    return None


def _np_text(tok) -> str:
    left = [t for t in tok.lefts if t.dep_ in ("det", "amod", "compound", "nummod", "advmod")]
    start = left[0].i if left else tok.i
    return tok.doc[start:tok.i + 1].text


def _same_name(a: str, b: str) -> bool:
    return a.lower() == b.lower() or a.split()[-1].lower() == b.split()[-1].lower()


RACE_RE = re.compile(
    r"\b(?:for|as) (?:the )?((?:U\.S\. )?Senate|governor|lieutenant governor|mayor(?: of [A-Z][a-z]+)?|"
    r"president|prime minister|district attorney|attorney general|Congress|(?:U\.S\. )?House|city council)\b")


def _race(text: str) -> Optional[str]:
    m = RACE_RE.search(text)
    return m.group(1) if m else None


def _dedupe(items: list[Endorsement]) -> list[Endorsement]:
    """One fact per (endorser, candidate, stance, stage); the most confident evidence wins."""
    best: dict[tuple, Endorsement] = {}
    for e in items:
        key = (e.endorser.lower(), (e.candidate or "").lower(), e.stance, e.stage)
        if key not in best or e.confidence > best[key].confidence:
            best[key] = e
    return sorted(best.values(), key=lambda e: e.evidence.start)
