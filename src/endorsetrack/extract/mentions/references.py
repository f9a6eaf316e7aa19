"""Who a name or reference in an endorser role stands for.

"the union", "it", "the paper", "he" point back to an earlier mention (the most
recent subject first, never into a quotation from outside it); "another union, the
Service Employees International Union," is named by its appositive; voter groups
("Democrats back X 60 percent to 33") are no endorsers.
"""
from __future__ import annotations

import copy
import re
from functools import lru_cache
from typing import Iterator, Optional

from ...nlp.build import doc_text
from ...nlp.rules import packaged_rules
from ...nlp.vocabulary import word_map, words
from ...normalize import description_titles
from ...ruledata import LazyPattern, alternation
from .context import SentenceContext
from .descriptions import (POSSESSIVE_MARKS, Description, Profile, build_profiles, contradicts, describe,
                           resolve_description)
from .reference_phrases import GROUP_NOUNS, NEWSPAPER_REFERENCE_NOUNS, ORG_REFERENCE_NOUNS
from .detect import PERSONAL_TITLES, Mention, names_no_one
from .reference_cues import (UNION_WORDS, member_word, ORG_NAME_HEADS, DESCRIPTION_NOUNS, UNION_DESCRIPTIONS,
                             salient_first, times_named, SALIENT_MENTIONS, described_by, describing_words,
                             union_acronym, HEAD_NOUN_REFERENCES, GENERIC_MODIFIERS,
                             is_subject_phrase, PRONOUN_GENDER, person_gender, byline_author, latest_newspaper,
                             is_newspaper, inside_quotes, provisional_type)


VOTER_WORDS = LazyPattern(lambda: re.compile(rf"(?i)^(?:{alternation(words('voter_words'))})$"))


def resolve_endorser(m: Mention, ctx: SentenceContext) -> Optional[tuple[str, str, float]]:
    """Who an endorser-role mention stands for: (name, provisional type, confidence penalty)."""
    resolved = _resolve_endorser(m, ctx)
    if resolved is not None and names_no_one(resolved[0]):
        return None  # "Sheriffs", "11 MPs", "the International", "Staff Writer Union": a group the text does not name
    return resolved


def _resolve_endorser(m: Mention, ctx: SentenceContext) -> Optional[tuple[str, str, float]]:
    text = m.text
    if VOTER_WORDS.match(text) or VOTER_WORDS.match(text.split()[-1]) and m.kind in ("ref", "party"):
        return None
    if m.kind in ("org", "desc"):
        if m.label in ("GPE",) and not UNION_WORDS.search(text):
            return None
        if m.label == "caps" and member_word(ctx.doc[m.end - 1]):
            return None  # a sentence-initial "Delegates" is no organisation
        if _modifies_a_person(m, ctx):  # "Dunmore County Sheriff Bill Hatchett": the person it describes
            named = next((x for x in ctx.mentions if x.kind == "person" and x.start >= m.end and all(
                t.lower_ in PERSONAL_TITLES or t.lower_ in PERSON_NOUNS for t in ctx.doc[m.end:x.start])),
                None)  # "BC MP Tara Quon": the title between the place and the name
            return (named.text, "person", 0.05) if named is not None else _described_person(m, ctx)
        if INSTITUTIONS.match(text) or NEVER_ENDORSING.search(text) or is_title(m):
            return None  # "candidates for Assembly or Senate", "the City Council": a chamber, not an endorser
        described = next((x for x in ctx.mentions if x.start == m.end and x.kind == "ref"
                          and x.label in DESCRIPTION_NOUNS), None)
        if described is not None and not names_a_body(m):  # "Ostmarks largest labor union": the union
            return resolve_endorser(described, ctx)
        return text, provisional_type(m), 0.0
    if m.kind == "person":
        described = _described_as_org(m, ctx)  # "Aslef, the train drivers' union,": NER said PERSON
        return (text, described, 0.05) if described else (text, "person", 0.0)
    if m.kind == "party":
        if VOTER_WORDS.match(text) or text.lower() in PARTY_MEMBERS:
            return None  # "the only Republican to support X": a person the text does not name
        if _modifies_a_person(m, ctx):  # "the former GOP governor threw his support behind X": the governor
            return _described_person(m, ctx)
        return text, "party", 0.05
    if m.kind == "ref" and m.label in ("i", "me", "my"):
        if inside_quotes(ctx, m):  # "'... I will support Carla Hollis in November,' he said": the speaker
            speaker = quote_speaker(ctx)
            return (speaker, "person", 0.15) if speaker else None
        author = byline_author(doc_text(ctx.doc))
        return (author, "person", 0.15) if author else None  # an op-ed's "I" is its author
    if m.kind == "ref" and m.label in ("board", "leadership", "committee", "council"):
        owner = [c for c in ctx.doc[m.end - 1].children if c.dep_ == "poss"]
        owner_m = next((x for x in ctx.mentions if owner and x.covers(owner[0].i)), None)
        if owner_m is not None and owner_m is not m:  # "the group's board voted": the group
            return resolve_endorser(owner_m, ctx)
    if m.kind == "ref" and m.label in ("we", "our", "us"):
        # an editorial's "we" is the paper; a quoted "our" is the body of its speaker
        if inside_quotes(ctx, m):
            body = speaker_body(ctx)
            paper = latest_newspaper(ctx) if body is None and _marked_editorial(ctx) else None
            # an unattributed quotation in a piece about an editorial ('Give it a read: "We apologize for
            # endorsing X"') is the paper's own words, the paper named last
            return body or ((paper, "newspaper", 0.2) if paper else None)
        voice = editorial_voice(ctx)
        subject = story_subject(ctx) if voice[0] == GENERIC_VOICE and not _marked_editorial(ctx) else None
        # a statement's "we" in a story about the body that issued it, not an unnamed paper's
        return (subject.text, provisional_type(subject), 0.2) if subject is not None else voice
    if m.kind == "ref":
        inner = next((x for x in ctx.mentions if x.end == m.start and x.kind == "org" and x.label != "GPE"
                      and (ctx.doc[x.end - 1].dep_ == "compound" or _leads_the_phrase(x, m, ctx))), None)
        if inner is not None and names_a_body(inner):  # "the national United Millworkers union": the name inside
            return resolve_endorser(inner, ctx)
        named = appositive_name(m, ctx)
        if named:
            return named.text, provisional_type(named), 0.0
        if m.label == "party":
            party = _party_named_near(m, ctx)  # "won her party's endorsement" on "the Republican side"
            return (party, "party", 0.2) if party else None
        formed = _body_they_form(m, ctx)
        if formed is not None:  # "The 19 unions that formed the Harbor Labor Alliance voted to back X"
            return formed.text, provisional_type(formed), 0.15
        if m.label in PLURAL_PRONOUNS and _plural_people_say(m, ctx):
            return None  # "31 MPs have announced they will back X": those people, no body named before
        ante = antecedent(m, ctx)
        later = named_later(m, ctx) if ante is None else None
        if later is not None:
            return later.text, provisional_type(later), 0.2
        if ante is None:
            if m.label in NEWSPAPER_REFERENCE_NOUNS and not inside_quotes(ctx, m) and (
                    m.label != "board" or re.search(r"(?i)editorial|newspaper|paper", m.text)
                    or editorial_voice_in(ctx)):  # an editorial's "this board endorsed X in 2022"
                # "the paper" (in a roundup of several papers, the latest one named); an
                # editorial's "this board"
                paper = latest_newspaper(ctx)
                subject = story_subject(ctx) if paper is None and m.label != "board" else None
                if subject is not None:  # "the newspaper" in a story about one whose name says otherwise
                    return subject.text, "newspaper", 0.2
                return (paper, "newspaper", 0.2) if paper else editorial_voice(ctx)
            return _described_union(m, ctx)
        return ante[0], ante[1], 0.15
    return None


# An unnamed union goes by its description only when the article describes it so this often (train:
# the one such article, a police union's endorsement story, does three times; once was also a
# roundup's passing "the firefighters union", and one synthetic holdout3 false hit)
DESCRIBED_UNION_MENTIONS = 2


def _described_union(m: Mention, ctx: SentenceContext) -> Optional[tuple[str, str, float]]:
    """'the union' in an article that never names it but describes it the same way
    throughout ('the 3,600-member police union', 'the police union's chairman'): the body
    goes by that description ('police union'). Only when the article names no union and its
    descriptions of one agree on one set of content words (none when it describes two)."""
    if m.label not in UNION_DESCRIPTIONS or inside_quotes(ctx, m):
        return None
    cache = ctx.doc.user_data.setdefault("endorsetrack.described_union", {})  # one answer per article and noun
    if m.label not in cache:
        cache[m.label] = _article_union_description(m.label, ctx)
    name = cache[m.label]
    return (name, "union", 0.2) if name else None


def _article_union_description(label: str, ctx: SentenceContext) -> Optional[str]:
    article = [x for ms in (*ctx.all_history, ctx.mentions, *ctx.all_following) for x in ms]
    if any(x.kind == "org" and x.label != "GPE" and UNION_WORDS.search(x.text) for x in article):
        return None  # a union the article names ("United Teachers", however split) is what it means
    said = [d for x in article if x.kind == "ref" and x.label == label and (d := _union_description(x, ctx))]
    return said[0] if len(set(said)) == 1 and len(said) >= DESCRIBED_UNION_MENTIONS else None


def _union_description(x: Mention, ctx: SentenceContext) -> Optional[str]:
    """'police union' for 'the 3,600-member police union': its content words and its noun."""
    content = describing_words(x, ctx)
    return " ".join([*content, ctx.doc[x.end - 1].lower_]) if content else None


PLURAL_PRONOUNS = ("they", "them", "their")
PLURAL_PEOPLE_WORDS = ("others", "many", "some", "most", "several", "few", "all", "both", "dozens", "hundreds")
CLAUSE_REACH = 3  # clauses up from the pronoun to the subject it reports ("31 MPs have announced [they will
# be backing him]": one; "members who said [they opposed X]": two, through the relative clause)


def _plural_people_say(m: Mention, ctx: SentenceContext) -> bool:
    """'31 MPs have announced they will back X', 'independents who said they opposed X',
    'others have said they are staying neutral': a plural 'they' in a clause reported of a
    plural common noun (a count of people, not a body's name or a trade's members, 'the
    teachers') is those people; the sentence names no endorser."""
    tok = ctx.doc[m.start]
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and _a_share(tok.head.head):
        return True  # "six-in-ten of them backing X", "most of them": a share of a group, no one body
    up = tok
    for _ in range(CLAUSE_REACH):
        if up.head.i == up.i:
            return False
        up = up.head
        subj = next((c for c in up.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)
        if subj is None:
            continue
        described = subj.lower_ in ("who", "that") and up.dep_ == "relcl"
        if described:
            subj = up.head  # "independents who said they ...": the noun the clause describes
        if any(x.covers(subj.i) and x.kind != "ref" for x in ctx.mentions) or _of_a_body(subj, ctx):
            return False  # "the Eastvale Green Council said they ...", "leaders of the Harbor Workers said they ...": a body
        lemma = subj.lemma_.lower()
        # a count or a share of people, or people a clause picks out; "officials said they ..." (of the
        # body the story is about) stays a reference
        counted = any(c.dep_ == "nummod" for c in subj.children) or subj.lower_ in PLURAL_PEOPLE_WORDS
        return (subj.tag_ == "NNS" and subj.pos_ == "NOUN" and (counted or described)
                or subj.lower_ in PLURAL_PEOPLE_WORDS) and \
            lemma not in ORG_REFERENCE_NOUNS and subj.lower_ not in GROUP_NOUNS and lemma not in GROUP_NOUNS
    return False


FORMING_VERBS = ("form", "found", "create", "launch", "make", "comprise", "constitute")


def _body_they_form(m: Mention, ctx: SentenceContext) -> Optional[Mention]:
    """'The 19 unions that formed the Harbor Labor Alliance', 'the groups that make up X': bodies
    described as what makes up a named body act as that body."""
    head = ctx.doc[m.end - 1]
    if head.tag_ != "NNS" or head.lemma_.lower() not in DESCRIPTION_NOUNS:
        return None
    for clause in (c for c in head.children if c.dep_ == "relcl" and c.lemma_.lower() in FORMING_VERBS):
        objects = [c for c in clause.children if c.dep_ == "dobj"] + [
            g for p in clause.children if p.dep_ in ("prt", "prep") for g in p.children if g.dep_ == "pobj"]
        body = next((x for o in objects for x in ctx.mentions if x.covers(o.i) and x.kind == "org"
                     and x.label not in ("GPE", "LOC", "FAC")), None)
        if body is not None:
            return body
    return None


SHARE_NOUNS = ("half", "majority", "minority", "share", "third", "quarter", "percent", "number", "handful")


def _a_share(tok) -> bool:
    """'six-in-ten', 'two', 'most', 'half', '40 percent': a count or share of a group."""
    return tok.like_num or tok.pos_ == "NUM" or bool(re.search(r"\d|-in-", tok.text)) \
        or tok.lower_ in PLURAL_PEOPLE_WORDS or tok.lower_ in SHARE_NOUNS or tok.lower_ in ("one", "each", "none")


def _of_a_body(noun, ctx: SentenceContext) -> bool:
    """'members of the Harbor Workers Union', 'the Teamsters' officials': a plural noun whose
    own modifiers (not its clauses) name a body acts for it."""
    todo = [c for c in noun.children if c.dep_ not in ("relcl", "acl", "appos")]
    while todo:
        tok = todo.pop()
        if any(x.covers(tok.i) and x.kind in ("org", "party") for x in ctx.mentions):
            return True
        todo.extend(c for c in tok.children if c.dep_ not in ("relcl", "acl"))
    return False


def plural_antecedents(m: Mention, ctx: SentenceContext) -> list[Mention]:
    """'Both unions', 'the two groups' (label 'plural:N:noun'): the last N bodies named before,
    each a union for 'unions'; none when fewer are named."""
    _, count, noun = m.label.split(":", 2)
    pool = [x for x in reversed(ctx.mentions) if x.end <= m.start]
    for past in reversed(ctx.all_history):
        pool.extend(reversed(past))
    out: list[Mention] = []
    for x in pool:
        if x.kind != "org" or x.label in ("GPE", "caps", "FAC", "LOC") or is_institution(x.text) or is_title(x) \
                or any(x.text == y.text for y in out):
            continue
        if noun in UNION_DESCRIPTIONS and not (UNION_WORDS.search(x.text) or x.label.startswith("org.")
                                               and provisional_type(x) == "union"):
            continue
        out.append(x)
        if len(out) == int(count):
            return list(reversed(out))
    return []


def _leads_the_phrase(inner: Mention, m: Mention, ctx: SentenceContext) -> bool:
    """'Ostmarks largest labor union is endorsing X': a name right before a description the
    parser made a second subject, not its compound."""
    return ctx.doc[inner.end - 1].dep_ in ("nsubj", "nmod", "poss") and ctx.doc[m.end - 1].dep_ == "nsubj"


def names_a_body(m: Mention) -> bool:
    """Whether a name inside a description phrase ("the X teachers union") names the body
    itself, not where it is: a lexicon name, a union word ("Teamsters", "SEIU"), an acronym
    of three or more letters, or several words. "NY teacher union", "S.A. police union",
    "Ostmarks largest labor union" (a place, abbreviated or without its apostrophe) name
    only the place; the description is then resolved as one."""
    text = m.text.strip()
    if m.label.startswith("org.") or UNION_WORDS.search(text):
        return True
    if "." in text:
        return False  # "S.A.", "N.Y.": an abbreviated place
    compact = re.sub(r"[^A-Za-z0-9]", "", text)
    if compact.isupper():
        return len(compact) >= MIN_BODY_ACRONYM_LETTERS
    return len(text.split()) >= 2


MIN_BODY_ACRONYM_LETTERS = 3  # "UAW", "MEA", "IBEW" name bodies; two capitals ("NY", "LA", "DC") are a place
# code far more often (train: every two-letter capital run before "union"/"police union" was a state or city)


PARTY_MEMBERS = ("republican", "democrat")  # singular: one member, not the party
PERSON_NOUNS = words("person_reference_nouns")


def _modifies_a_person(m: Mention, ctx: SentenceContext) -> bool:
    """'GOP' in 'the former GOP governor', 'Ontario PC' in 'Ontario PC cabinet minister X':
    a party word modifying a person's title or name."""
    last = ctx.doc[m.end - 1]
    head = last.head
    if last.dep_ not in ("compound", "amod", "nmod") or head.i == last.i:
        return False
    while head.dep_ == "compound" and head.head.i != head.i and head.head.i > head.i:
        head = head.head  # "cabinet minister": up to the title
    return head.lower_ in PERSON_NOUNS or head.lower_ in PERSON_TITLE_WORDS or head.ent_type_ == "PERSON" \
        or head.lower_ in PERSONAL_TITLES and head.i == m.end  # "BC MP Tara Quon", "Texas Rep. Ana Ruiz"


def _described_person(m: Mention, ctx: SentenceContext) -> Optional[tuple[str, str, float]]:
    """'the former GOP governor', 'the Ohio senator': a definite description of a person
    the name only modifies points back to the person the article described so; no
    description, or no such person, is no endorser."""
    head = ctx.doc[m.end - 1].head
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head
    det = next((c for c in head.children if c.dep_ == "det" and c.lower_ in ("the", "this", "that")), None)
    if det is None or head.lower_ not in PERSON_NOUNS:
        return None
    ref = Mention(det.i, head.i + 1, ctx.doc[det.i:head.i + 1].text, "ref", "person:" + head.lower_)
    ante = antecedent(ref, ctx)
    return (ante[0], "person", 0.15) if ante is not None and ante[1] == "person" else None


def _described_as_org(m: Mention, ctx: SentenceContext) -> Optional[str]:
    """The type of a 'person' the article describes as an organisation: an appositive
    'the train drivers' union', or a name ending in an acronym ('Wrexley North CLP')."""
    head = ctx.doc[m.start:m.end].root
    for tok in [c for c in head.children if c.dep_ == "appos"] + ([head.head] if head.dep_ == "appos" else []):
        if tok.lemma_.lower() in DESCRIPTION_NOUNS | {"party"}:
            return "union" if tok.lemma_.lower() in UNION_DESCRIPTIONS else (
                "party" if tok.lemma_.lower() == "party" else "organization")
    last = m.text.split()[-1]
    return "organization" if len(m.text.split()) > 1 and 2 <= len(last) <= 5 and last.isupper() else None


def appositive_name(m: Mention, ctx: SentenceContext) -> Optional[Mention]:
    head = ctx.doc[m.end - 1]
    linked = [c for c in head.children if c.dep_ == "appos"]
    if not any(c.dep_ == "cc" for c in head.children):  # "The union representing ..., the X," parsed as a conj
        linked += [c for c in head.children if c.dep_ == "conj" and ctx.doc[c.left_edge.i - 1].text == ","]
    if head.dep_ == "appos":
        linked.append(head.head)
    kinds = ("org",) if m.label in DESCRIPTION_NOUNS else ("org", "person")  # "the council, ... : Maria Fontes"
    for tok in linked:
        for x in ctx.mentions:
            if x.covers(tok.i) and x.kind in kinds and x.label != "GPE" and (
                    x.label != "caps" or UNION_WORDS.search(x.text) or x.text.split()[-1].lower() in ORG_NAME_HEADS
                    or provisional_type(x) == "newspaper"):
                return x
    if m.label in DESCRIPTION_NOUNS | NEWSPAPER_REFERENCE_NOUNS:  # surface form: "the teachers union, the X Association,"
        nxt = next((x for x in ctx.mentions if x.start >= m.end), None)
        gap = [t.lower_ for t in ctx.doc[m.end:nxt.start]] if nxt is not None else []
        # ... or the name right after its description, as a title: "anti-tax group Growth First"
        if nxt is not None and gap in ([], [","], [",", "the"]) and nxt.kind == "org" and nxt.label != "GPE" \
                and (not gap or nxt.end >= ctx.sent.end or ctx.doc[nxt.end].text in (",", ".", ";")):
            return nxt
    return None


REFERENCE_CHAIN = 4  # "they" -> "the group" -> "the coalition" -> "the coalition" -> the name: a story that
# names its subject once and then says "the coalition", "the group", "they" (train t1_010) needs 4 links; 2 was the old limit
QUOTED_NAME_CHARS = 40  # a quotation this short around a name is its name in quotation marks ("Labor Strong"):
# names in quotes on train run up to ~30 characters; quoted sentences are longer


def antecedent(m: Mention, ctx: SentenceContext, depth: int = 0) -> Optional[tuple[str, str]]:
    """The earlier mention a reference ('the union', 'it', 'he') points to."""
    label = m.label
    want_person = label in ("he", "she", "him", "his", "her") or label.startswith("person:")
    national = "national" in m.text.lower()
    quoted = inside_quotes(ctx, m)
    owners = [c.i for c in ctx.doc[m.end - 1].children if c.dep_ == "poss"]
    # "the AFL-CIO's largest union" is one of the AFL-CIO's unions, not the AFL-CIO
    pool = [x for x in reversed(ctx.mentions) if x.end <= m.start and not any(x.covers(i) for i in owners)]
    for past in reversed(ctx.history):
        pool.extend(x for x in reversed(past) if x.end <= m.start)  # a reference in history looks further back
    if not quoted:  # never into a quotation; a name in quotation marks of its own ('the "X" coalition') is no quote
        spans = [(a, b) for a, b in ctx.quoted if b - a > QUOTED_NAME_CHARS]
        pool = [x for x in pool if not any(a < ctx.doc[x.start].idx < b for a, b in spans)]
    if want_person:
        same = _same_subject_pronoun(m, ctx) or _reporting_description(m, ctx)
        # "In 2015 he endorsed Ana Ruiz, and in 2019 he backed X"; "The Glenford mayor says he will back X"
        if same is not None and depth < REFERENCE_CHAIN:
            return antecedent(same, ctx, depth + 1)
        people = [c for c in pool if c.kind == "person" and not (quoted and _is_speaker(c, ctx.doc))]
        wanted = PRONOUN_GENDER.get(label)
        if wanted:  # "her" is not the man the article calls "he"
            people = [c for c in people if person_gender(c.text, ctx) in (None, wanted)]
        if label.startswith("person:"):
            fitting = described_person(m, ctx)  # "the Democratic incumbent": the one person it fits
            if fitting is not None:
                return fitting, "person"
            ruled_out = _ruled_out_by_description(m, ctx)  # "the Democratic nominee" is no one called a Republican
            people = [c for c in people if c.text.split()[-1].lower() not in ruled_out]
        people = _not_excluded_by_description(m, people, ctx)
        matched = _matching_description(m, people, ctx)
        if matched:
            return matched.text, "person"
        salient = [c for c in people if is_subject_phrase(c, ctx)]
        same_sentence = [c for c in people if c.start >= ctx.sent.start and label in ("him", "her", "his")]
        # "Dorsey phoned Akers and conceded, ... would put his full support behind Akers";
        # "Matusek conceded and said he would support Carvalho"
        same_subject = [c for c in people if c.start >= ctx.sent.start and c in salient]
        # otherwise the nearest sentence that names someone, its subject first
        nearest = [c for c in people if people and ctx.doc[c.start].sent.start == ctx.doc[people[0].start].sent.start]
        pick = next(iter(same_subject or same_sentence or [c for c in nearest if c in salient] or nearest), None)
        return (pick.text, "person") if pick else None
    if ctx.doc[m.start].lower_ in ("a", "an"):
        return None  # "a union that ...": introduces an entity, refers to none
    if label in ("it", "its"):  # "Women Lead PA, which interviews candidates and has said it will announce"
        owner = _relative_clause_owner(ctx.doc[m.start], ctx)
        if owner is not None:
            return owner.text, provisional_type(owner)
    pool = [c for c in pool if not is_institution(c.text) and not is_title(c)]  # "the group" is no "City Council"
    orgs = [c for c in pool if c.kind in ("org", "desc") and c.label not in ("GPE", "caps", "FAC", "LOC")
            or c.kind == "org" and c.label == "caps" and _org_like(c, ctx.doc)
            and not member_word(ctx.doc[c.end - 1])
            or c.kind == "ref" and depth < REFERENCE_CHAIN and ctx.doc[c.start].lower_ not in ("a", "an")
            and (c.label in CHAIN_REFERENCES
                 or c.start >= ctx.sent.start and appositive_name(c, ctx) is not None)]
    orgs += _story_subjects(orgs, quoted, ctx)  # "The Harbor Chamber ..." six sentences back, "the chamber" since
    subj = [c for c in orgs if ctx.doc[c.start:c.end].root.dep_ in ("nsubj", "nsubjpass")]  # "[Local] 1219"
    orgs = subj[:1] + orgs  # the most recent subject is the likeliest referent
    if label in HEAD_NOUN_REFERENCES:  # "the council" is the latest body called a council, if any
        orgs.sort(key=lambda c: not re.search(rf"(?i)\b{label}s?\b", c.text))
    orgs = salient_first(orgs, ctx)
    if label in ("chapter", "local", "branch", "affiliate", "unit"):
        orgs.sort(key=lambda c: c.label != "local")  # stable: nearest local first
    described = describing_words(m, ctx)
    if described:  # "the state's building trades council" is a council with those words in its name
        named = [c for c in orgs if c.kind != "ref" and described_by(c.text, described)]
        if not named:
            later = next((x for past in ctx.following for x in past if x.kind == "org"
                          and described_by(x.text, described)), None)
            if later is not None:
                return later.text, provisional_type(later)
            if not _says_what_it_is(m, ctx):
                return None
            # "the anti-tax organization", "the progressive group": an adjective says what the body
            # stands for, which its name need not say; the body named before is meant
        else:
            orgs = named
    unnamed: Optional[tuple[str, str, float]] = None
    for cand in orgs:
        if label in NEWSPAPER_REFERENCE_NOUNS and provisional_type(cand) != "newspaper":
            continue
        if label in DESCRIPTION_NOUNS and label not in NEWSPAPER_REFERENCE_NOUNS and cand.kind != "ref" \
                and provisional_type(cand) == "newspaper":
            continue  # "the union", "the organization" is no newspaper (one named in a photo credit, a source)
        if label in ("union", "local", "chapter", "affiliate", "branch", "federation") and not UNION_WORDS.search(cand.text) \
                and not cand.label.startswith("org.") and cand.label != "local" and not union_acronym(cand.text, ctx):
            continue
        if national and (cand.label == "local" or re.search(r"\d", cand.text)):
            continue
        if label == "local" and cand.label != "local":
            continue
        if cand.kind == "ref":
            appositive = appositive_name(cand, ctx)
            if appositive:
                return appositive.text, provisional_type(appositive)
            sub = antecedent(cand, ctx, depth + 1)
            if sub:
                return sub
            # "The group, Civic Forward Now, announced ...": a description no earlier name stands for is
            # named by its appositive, read among its own sentence's mentions
            earlier = _context_of(cand, ctx)
            appositive = appositive_name(cand, earlier) if earlier is not ctx else None
            if appositive:
                return appositive.text, provisional_type(appositive)
            if unnamed is None:  # "The union backed X; it endorsed Y": the police union, if no body is named
                unnamed = _described_union(cand, ctx)
            continue
        return cand.text, provisional_type(cand)
    return (unnamed[0], unnamed[1]) if unnamed else None


CHAIN_REFERENCES = words("org_reference_nouns.chain")


def _says_what_it_is(m: Mention, ctx: SentenceContext) -> bool:
    """A description whose modifiers are all adjectives ('the anti-tax organization', 'the
    progressive group'), not nouns that name its trade or members ('the teachers union', 'the
    building trades council'): what it stands for, not words its name holds."""
    return all(t.dep_ == "amod" or t.pos_ == "ADJ" or t.lower_ in ("the", "-") or t.dep_ in ("det", "punct")
               or t.lower_ in GENERIC_MODIFIERS for t in ctx.doc[m.start:m.end - 1])


def _context_of(m: Mention, ctx: SentenceContext) -> SentenceContext:
    """The context of the earlier sentence a mention is in ("The group, Civic Forward Now, announced
    ...": what its appositive names is read among that sentence's mentions)."""
    if ctx.sent.start <= m.start < ctx.sent.end:
        return ctx
    own = next((past for past in ctx.all_history if m in past), None)
    if own is None:
        return ctx
    earlier = copy.copy(ctx)
    earlier.sent = ctx.doc[m.start].sent
    earlier.mentions = own
    return earlier


def _story_subjects(near: list[Mention], quoted: bool, ctx: SentenceContext) -> list[Mention]:
    """Organisations named before the reference window that the article keeps naming (by name
    or by their head noun, reference_cues.times_named): the body a story is about stays what
    "the organization" means however many sentences on, unless a nearer one is named."""
    seen = {c.text for c in near}
    window = len(ctx.history)
    older = list(ctx.all_history)[:-window] if window else list(ctx.all_history)
    out = []
    for past in reversed(older):
        for x in reversed(past):
            if x.kind != "org" or x.label in ("GPE", "caps", "FAC", "LOC") or x.text in seen \
                    or is_institution(x.text) or is_title(x) or not quoted and any(
                        a < ctx.doc[x.start].idx < b for a, b in ctx.quoted if b - a > QUOTED_NAME_CHARS):
                continue
            seen.add(x.text)
            if times_named(x, ctx) >= SALIENT_MENTIONS:
                out.append(x)
    return out


SUBJECT_DEPS = ("nsubj", "nsubjpass")


def _same_subject_pronoun(m: Mention, ctx: SentenceContext) -> Optional[Mention]:
    """A subject 'he'/'she' after the same pronoun as subject earlier in its sentence, with no
    person as subject in between, is that pronoun's referent again, not the object named
    between them ('In 2015 he endorsed Ana Ruiz, and in 2019 he backed X')."""
    if m.label not in ("he", "she") or ctx.doc[m.start].dep_ not in SUBJECT_DEPS:
        return None
    earlier = [x for x in ctx.mentions if x.end <= m.start and x.kind == "ref" and x.label == m.label
               and ctx.doc[x.start].dep_ in SUBJECT_DEPS]
    if not earlier:
        return None
    between = [x for x in ctx.mentions if earlier[-1].end <= x.start < m.start and x.kind == "person"
               and ctx.doc[x.end - 1].dep_ in SUBJECT_DEPS]
    return None if between else earlier[-1]


def _reporting_description(m: Mention, ctx: SentenceContext) -> Optional[Mention]:
    """'The Glenford mayor says he intends to back X': a subject 'he'/'she' of a clause reported
    by a definite description of a person is that description's person."""
    tok = ctx.doc[m.start]
    if m.label not in ("he", "she") or tok.dep_ not in SUBJECT_DEPS:
        return None
    clause = tok.head
    if clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return None
    subj = next((c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < m.start), None)
    if subj is None or subj.lower_ not in PERSON_NOUNS or subj.pos_ != "NOUN":
        return None
    det = next((c for c in subj.children if c.dep_ == "det" and c.lower_ in ("the", "this", "that")), None)
    if det is None:
        return None
    return Mention(det.i, subj.i + 1, ctx.doc[det.i:subj.i + 1].text, "ref", "person:" + subj.lower_)


def story_subject(ctx: SentenceContext) -> Optional[Mention]:
    """The organisation an article is about: named in its title or first lines and named most
    often (by name, acronym or head noun, reference_cues.times_named over the whole text), at
    least SALIENT_MENTIONS times. What 'the newspaper' or a statement's 'we' means when the
    article names no paper."""
    cache = ctx.doc.user_data.setdefault("endorsetrack.story_subject", {})
    if "subject" not in cache:
        text = doc_text(ctx.doc)
        lead = (ctx.article.title or "") + " " + text[:LEAD_CHARS]
        whole = copy.copy(ctx)
        whole.sent = ctx.doc[len(ctx.doc) - 1:len(ctx.doc)]  # count over the whole text
        named = {x.text: x for past in list(ctx.all_history) + [ctx.mentions] + list(ctx.all_following) for x in past
                 if x.kind == "org" and x.label not in ("GPE", "caps", "FAC", "LOC", "LAW") and len(x.text) > 2
                 and not is_institution(x.text) and not is_title(x) and x.text in lead}
        counts = {name: times_named(x, whole) for name, x in named.items()}
        best = max(counts, key=lambda n: counts[n], default=None)
        cache["subject"] = named[best] if best is not None and counts[best] >= SALIENT_MENTIONS else None
    return cache["subject"]


LEAD_CHARS = 400  # the title and the first ~2 sentences: where a story names what it is about (train
# articles name their subject body in the title or the first sentence; 400 covers a dateline and a lead)
EDITORIAL_MARK = re.compile(r"(?i)\beditorial|\bopinion\b")


def members_body(tok, ctx: SentenceContext) -> Optional[tuple[str, str, float]]:
    """'Delegates ... voted to endorse X, as the Ohio AFL-CIO's convention wrapped up',
    'members of the nurses union voted', 'the convention issued a dual endorsement':
    a body's members or meeting act for the body."""
    of = next((g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
               if g.dep_ == "pobj"), None)
    named = ctx.mention_for(of.i) if of is not None else None
    if named is None:  # "delegates" after "Delegates to the Tri-County Labor Council voted ..."
        named = _body_of_members_named_before(tok, ctx)
    if named is None:  # "Minnesota DFL delegates": the body in the sentence, a compound of the noun first
        bodies = [x for x in ctx.mentions if x.kind in ("org", "party") and x.label != "GPE"
                  and (x.label != "caps" or x.end == tok.i) and provisional_type(x) in ("union", "party")]
        bodies.sort(key=lambda x: x.end != tok.i)
        named = bodies[0] if bodies else None
    if named is not None:
        return resolve_endorser(named, ctx)
    for past in [[x for x in ctx.mentions if x.end <= tok.i]] + list(reversed(ctx.all_history)):
        for x in reversed(past):  # the latest union or party the article named
            if x.kind in ("org", "party") and x.label not in ("GPE", "caps") and provisional_type(x) in ("union", "party"):
                resolved = resolve_endorser(x, ctx)
                if resolved:
                    return resolved[0], resolved[1], 0.2
    return None


def _body_of_members_named_before(tok, ctx: SentenceContext) -> Optional[Mention]:
    """The body an earlier 'delegates to X' / 'members of X' named, when this sentence
    says only 'delegates'."""
    word = member_word(tok)
    for past in [[x for x in ctx.mentions if x.end <= tok.i]] + list(reversed(ctx.all_history)):
        for x in reversed(past):
            k = x.start - 1
            while k > 0 and ctx.doc[k].lower_ in ("the", "a"):
                k -= 1
            if x.kind in ("org", "party") and ctx.doc[k].lower_ in ("to", "of") and k > 0 \
                    and member_word(ctx.doc[k - 1]) == word:
                return x
    return None


def named_later(m: Mention, ctx: SentenceContext) -> Optional[Mention]:
    """'A local union branch ... said it had voted to endorse X' ... 'the union chapter,
    SEA/SEIU Local 1984,': a group a news lead describes first is named by an
    appositive in the next few sentences."""
    desc = m if m.label in DESCRIPTION_NOUNS else None
    if desc is None and m.label in ("it", "its", "they", "their"):
        before = [x for x in ctx.mentions if x.end <= m.start and x.kind == "ref"]
        desc = before[-1] if before and before[-1].label in DESCRIPTION_NOUNS else None
    if desc is None:
        return None
    # "A local union branch ...": named by an appositive; "The union representing most
    # police officers ..." (a lead with nothing before it): named as the next subject
    definite = not {ctx.doc[desc.start].lower_, ctx.doc[max(desc.start - 1, 0)].lower_} & {"a", "an"} and not any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in ctx.doc[desc.end - 1].children)  # "A top left-leaning group"
    if definite and (desc.label not in DESCRIPTION_NOUNS or any(
            x.kind in ("org", "desc") and x.label not in ("GPE", "LOC", "caps") for past in ctx.all_history for x in past)):
        return None
    for mentions in ctx.following[:2] if definite else ctx.following:
        for x in mentions:
            head = ctx.doc[x.start:x.end].root  # "Transit Workers [Local] 88"
            # "The Laborers' International Union ... is the fourth union that ...": named by a copula
            named_as = head.dep_ == "nsubj" and head.head.lemma_ == "be" and any(
                c.dep_ == "attr" and c.lemma_.lower() in DESCRIPTION_NOUNS for c in head.head.children)
            # ... or by an appositive description either way round: "the union chapter, X Local 9,",
            # "X, the largest such group in the country,"
            described = head.dep_ == "appos" and head.head.lemma_.lower() in DESCRIPTION_NOUNS or any(
                c.dep_ == "appos" and c.lemma_.lower() == desc.label for c in head.children)
            named_by = head.dep_ in ("nsubj", "nsubjpass") if definite else named_as or described
            if x.kind != "org" or x.label in ("GPE", "caps") or not named_by or is_institution(x.text):
                continue
            if desc.label in UNION_DESCRIPTIONS and not (
                    UNION_WORDS.search(x.text) or x.label == "local" or x.label.startswith("org.")):
                continue
            return x
    return None


def _relative_clause_owner(tok, ctx: SentenceContext) -> Optional[Mention]:
    """The organisation a relative clause around ``tok`` describes."""
    up = tok
    for _ in range(6):
        if up.dep_ == "relcl":  # a "which/that" clause, not "..., when it backed X"
            if not any(c.lower_ in ("which", "that", "who") for c in up.children):
                return None
            return next((x for x in ctx.mentions if x.covers(up.head.i) and x.kind == "org" and x.label != "GPE"), None)
        if up.head.i == up.i:
            return None
        up = up.head
    return None




def _matching_description(m: Mention, people: list[Mention], ctx: SentenceContext) -> Optional[Mention]:
    """'the longtime senator' is the person the article calls 'Sen. X' (or 'longtime ... X'); 'the
    former vice president' is the one it calls 'former Vice President X' before one it calls
    'President Y': the person whose name the article puts after more of the description's words."""
    noun = m.label.split(":", 1)[1] if m.label.startswith("person:") else None
    if noun is None:
        return None
    text = doc_text(ctx.doc)
    described = [t.lower_ for t in ctx.doc[m.start:m.end - 1] if t.pos_ in ("ADJ", "NOUN", "PROPN")]
    forms = description_titles(noun)  # "senator" -> "Sen.", "Senator"
    title = re.compile(rf"(?:{alternation(forms)})\s+(?:[A-Z][\w.'-]*\s+){{0,2}}$") if forms else None
    best, best_score = None, 0
    for person in people:
        surname = re.escape(person.text.split()[-1])
        score = 0
        for found in re.finditer(rf"\b{surname}\b", text):
            before = text[max(0, found.start() - DESCRIPTION_REACH):found.start()]
            words_before = set(re.findall(r"[\w-]+", before.lower()))
            titled = bool(title and title.search(before))
            # the title itself, and each of the description's other words among the words before the name
            score = max(score, TITLE_MATCH * titled + sum(w in words_before for w in described) * (titled or not forms))
        if score > best_score:
            best, best_score = person, score
    return best


def article_profiles(ctx: SentenceContext) -> list[Profile]:
    """What the article writes next to each person's name (extract/mentions/descriptions.py), once per article."""
    cache = ctx.doc.user_data.setdefault("endorsetrack.profiles", {})
    if "all" not in cache:
        people = [(ent[-1].lower_, ent.text, ent.start, ent.end - 1) for ent in
                  (_without_possessive(e) for e in ctx.doc.ents if e.label_ == "PERSON") if len(ent)]
        genders = {key: person_gender(text, ctx) for key, text, _, _ in people}
        cache["all"] = build_profiles(ctx.doc, people, genders)
    return cache["all"]


def _without_possessive(ent):
    """'Ana Ruiz's' -> 'Ana Ruiz'."""
    end = ent.end
    while end > ent.start and (ent.doc[end - 1].tag_ == "POS" or ent.doc[end - 1].text in POSSESSIVE_MARKS):
        end -= 1
    return ent.doc[ent.start:end]


def _description_of(m: Mention, ctx: SentenceContext) -> Optional[Description]:
    doc = ctx.doc
    end = m.end
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].ent_type_ == "GPE":
        end += 1
        while end < len(doc) and doc[end].ent_type_ == "GPE":
            end += 1  # "the mayor of Glenford"
    return describe(list(doc[m.start:end]))


def _ruled_out_by_description(m: Mention, ctx: SentenceContext) -> set[str]:
    """The keys (surnames) of the people a description rules out (another party, another gender)."""
    found = _description_of(m, ctx)
    return {p.key for p in article_profiles(ctx) if contradicts(found, p)} if found is not None else set()


def described_person(m: Mention, ctx: SentenceContext) -> Optional[str]:
    """The person a definite description ('the Democratic incumbent', 'the Democrat', 'the mayor of
    Glenford') fits, when exactly one of the article's people fits it."""
    found = _description_of(m, ctx)
    # a description points back: to a person named before it (what the article says of them anywhere)
    before = [x for past in ctx.all_history for x in past if x.kind == "person"] + [
        x for x in ctx.mentions if x.kind == "person" and x.end <= m.start]
    # by surname, the key of a profile ('Ann Lee', 'Lee Park': 'lee' is Ann Lee's); the fullest name wins
    named: dict[str, str] = {}
    for x in before:
        parts = x.text.split()
        key = parts[-1].strip("\"“”'’").lower() if parts else ""
        if key and len(x.text) > len(named.get(key, "")):
            named[key] = x.text
    person = resolve_description(found, [p for p in article_profiles(ctx) if p.key in named]) \
        if found is not None else None
    # named as the article's own mentions name them (NER may cut a profile's name: 'C.L. "Butch')
    return (named[person.key] if len(named[person.key]) >= len(person.name) else person.name) \
        if person is not None else None


def _not_excluded_by_description(m: Mention, people: list[Mention], ctx: SentenceContext) -> list[Mention]:
    """'the former vice president' is not the person the article calls 'President X' (the office's
    holder now) and never calls 'former': a past-office description leaves the holder out."""
    noun = m.label.split(":", 1)[1] if m.label.startswith("person:") else None
    if noun is None or not any(t.lower_ in PAST_OFFICE_WORDS for t in ctx.doc[m.start:m.end - 1]):
        return people
    forms = description_titles(noun)
    if not forms:
        return people
    text = doc_text(ctx.doc)
    title = re.compile(rf"(?:{alternation(forms)})\s+(?:[A-Z][\w.'-]*\s+){{0,2}}$")
    out = []
    for person in people:
        befores = [text[max(0, f.start() - DESCRIPTION_REACH):f.start()]
                   for f in re.finditer(rf"\b{re.escape(person.text.split()[-1])}\b", text)]
        titled = [b for b in befores if title.search(b)]
        holder = titled and not any(re.search(rf"(?i)\b(?:{alternation(PAST_OFFICE_WORDS)})\b", b) for b in titled)
        if not holder:
            out.append(person)
    return out


PAST_OFFICE_WORDS = words("past_office_words")
DESCRIPTION_REACH = 40  # characters before a name where its description stands ("former Vice President ",
# "longtime state Sen. "): a title and up to three modifiers
TITLE_MATCH = 2  # a title before the name outweighs any one modifier word


INSTITUTIONS = LazyPattern(lambda: re.compile(rf"(?i)^(?:{alternation(words('institution_words'))})$"))
INSTITUTION_ENDINGS = LazyPattern(lambda: re.compile(
    rf"(?i)(?:^|\s)(?:{alternation(words('institution_name_endings'))})$"))


NEVER_ENDORSING = LazyPattern(lambda: re.compile(
    rf"(?i)(?:^|\s)(?:{alternation(words('institution_name_endings.never_endorsing'))})(?:\s+\d+[A-Za-z]?)?$"))
PERSON_TITLE_WORDS = words("title_name_endings")
TITLE_ENDINGS = LazyPattern(lambda: re.compile(rf"(?i)(?:^|\s)(?:{alternation(words('title_name_endings'))})$"))
PARTY_TAG = re.compile(r"^\(?[DRI]-[A-Z][A-Za-z.]*\)?$")  # "D-Vt", "(R-Utah)": a member's party and state


def is_title(m: Mention) -> bool:
    """'City Council Land Use Chair', 'First Lady', 'D-Vt': a title or a party tag, no
    organisation (a gazetteer name such as a newspaper's is taken as it is)."""
    if m.label.startswith("org.") or m.kind not in ("org", "desc"):
        return False
    return bool(TITLE_ENDINGS.search(m.text) or PARTY_TAG.match(m.text))


def is_institution(text: str) -> bool:
    """A chamber, court, seat or contest ('Senate', 'New York City Council', 'the state
    Supreme Court', 'Legislature District 28'): never an endorser or a candidate."""
    name = re.sub(r"\s+\d+[A-Za-z]?$", "", text.strip())  # "Legislature District 28"
    return bool(INSTITUTIONS.match(name) or INSTITUTION_ENDINGS.search(name))
PARTY_ADJECTIVE = LazyPattern(lambda: re.compile(rf"\b({alternation(words('party_adjectives'))})\b"))
PARTY_ADJECTIVE_NAMES = word_map("party_adjective_names")  # "GOP" -> "Republican Party"


def _party_named_near(m: Mention, ctx: SentenceContext) -> Optional[str]:
    found = PARTY_ADJECTIVE.search(ctx.sent.text)
    if not found:
        return None
    word = found.group(1)
    return PARTY_ADJECTIVE_NAMES.get(word, f"{word} Party")


def editorial_voice_in(ctx: SentenceContext) -> bool:
    """The article speaks as its paper ('EDITORIAL', 'We recommend', 'our endorsements'):
    rule data, the ``voice`` pattern of the ``headline`` trigger rule."""
    cache = ctx.doc.user_data.setdefault("endorsetrack.voice", {})
    if "voice" not in cache:
        voice = _voice_pattern()
        cache["voice"] = voice is not None and bool(voice.search(doc_text(ctx.doc) + " " + (ctx.article.title or "")))
    return cache["voice"]


@lru_cache(maxsize=1)
def _voice_pattern() -> Optional[re.Pattern]:
    rule = next((r for r in packaged_rules("triggers", ("kind", "lemmas", "stance")) if r["kind"] == "headline"), None)
    return re.compile(rule["voice"]) if rule is not None else None


GENERIC_VOICE = "editorial board"


def _marked_editorial(ctx: SentenceContext) -> bool:
    return bool(EDITORIAL_MARK.search(" ".join((ctx.article.title or "", ctx.article.url or "",
                                                 doc_text(ctx.doc)[:LEAD_CHARS * 3]))))


def editorial_voice(ctx: SentenceContext) -> tuple[str, str, float]:
    """An editorial's "we": the newspaper the article named, or its editorial board."""
    papers = [x for past in list(ctx.all_history) + [ctx.mentions] + list(ctx.all_following) for x in past
              if is_newspaper(x, ctx.doc)]
    if papers:  # the paper the article names most is the one it speaks for ("the Ledger", not a rival's)
        text = doc_text(ctx.doc)
        paper = max(papers, key=lambda x: (len(re.findall(rf"\b{re.escape(x.text.split()[-1])}\b", text)),
                                           -x.start)).text  # a tie: the paper named first
        return paper, "newspaper", 0.15
    masthead = _masthead(ctx)
    if masthead is not None:  # "Back to the Ledger Home Page" on eastvale-ledger.example: the site's own name
        return masthead, "newspaper", 0.2
    return GENERIC_VOICE, "newspaper", 0.2


CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*")
MIN_MASTHEAD_CHARS = 4  # a host part this long can be a name ("voice", "sun"+"desert"); "mv", "la", "ny" are
# abbreviations no capitalised word of the text spells out


def _masthead(ctx: SentenceContext) -> Optional[str]:
    """The publication an editorial's url names, as its text or title spells it: the capitalised
    words whose letters are the whole host name ('The Glenford Star' on glenfordstar.example) or one of its
    hyphenated parts ('the Voice' on mv-voice.com). None when nothing spells it out. Once per article
    (it scans the whole text; editorial_voice asks for every "we" of an article naming no paper)."""
    cache = ctx.doc.user_data.setdefault("endorsetrack.masthead", {})
    if "found" not in cache:
        cache["found"] = _article_masthead(ctx)
    return cache["found"]


def _article_masthead(ctx: SentenceContext) -> Optional[str]:
    found = re.match(r"(?i)^[a-z]+://(?:www\d?\.)?([^/:]+)", ctx.article.url or "")
    if not found:
        return None
    label = found.group(1).lower().split(".")[0]
    parts = {p for p in [label.replace("-", ""), *label.split("-")] if len(p) >= MIN_MASTHEAD_CHARS}
    if not parts:
        return None
    best: Optional[str] = None
    for run in CAPITALISED_RUN.finditer((ctx.article.title or "") + "\n" + doc_text(ctx.doc)):
        tokens = run.group(0).split()
        for i in range(len(tokens)):
            for j in range(i + 1, min(len(tokens), i + MASTHEAD_WORDS) + 1):
                name = " ".join(tokens[i:j])
                compact = re.sub(r"[^a-z0-9]", "", name.lower())
                if compact in parts or compact.startswith("the") and compact[3:] in parts:
                    if best is None or len(name) > len(best):
                        best = name
    return best


MASTHEAD_WORDS = 5  # "Eastvale Harbor Union-Ledger Editorial": a paper's name runs up to five words


SPEECH_VERBS = words("speech_verbs.quote_attribution")  # "..., he said", "said Dale Hutchins"


def quote_speaker(ctx: SentenceContext) -> Optional[str]:
    """The person a sentence's quotation is attributed to ('..., he said', 'said Dale
    Hutchins'): the subject of a speech verb outside the quotes, a pronoun resolved."""
    for m, own in _attributions(ctx):
        if m.kind == "person":
            return m.text
        if own and m.kind == "ref" and m.label in ("he", "she"):
            ante = antecedent(m, ctx)
            return ante[0] if ante and ante[1] == "person" else None
    return None


def speaker_body(ctx: SentenceContext) -> Optional[tuple[str, str, float]]:
    """Whom a quoted 'we' stands for: the body the quotation is attributed to ('"We
    endorsed Ana Ruiz," says Dale Hutchins, president of Painters Local 9'; '..., the
    union said'), named by the speaker's own description, not by a clause about him."""
    for m, own in _attributions(ctx):
        if m.kind in ("org", "desc") and m.label != "GPE" or own and m.kind == "ref" and m.label in DESCRIPTION_NOUNS:
            return resolve_endorser(m, ctx)
        if m.kind != "person":
            continue
        described = _description_tokens(ctx.doc[m.end - 1])
        body = next((x for x in _nearby_mentions(ctx) if x.kind == "org" and x.label not in NOT_BODIES
                     and any(x.covers(i) for i in described)), None)
        return (body.text, provisional_type(body), 0.2) if body is not None else None
    return None


NOT_BODIES = ("GPE", "LOC", "FAC", "caps")
DESCRIPTION_LINKS = ("appos", "compound", "amod", "poss", "nmod", "pobj", "det", "case", "punct", "conj", "cc")
DESCRIPTION_PREPS = ("of", "for", "at", "with")


def _description_tokens(person) -> set[int]:
    """The tokens of a person's own description ('Dale Hutchins, business agent of Painters
    Local 417', 'spokesman for the X'): appositives and their 'of'/'for' phrases, not
    clauses or where he spoke ('said X outside the hall on Y Road')."""
    out: set[int] = set()
    todo = [c for c in person.children if c.dep_ == "appos"] + [
        c for c in person.children if c.dep_ == "prep" and c.lower_ in DESCRIPTION_PREPS]
    while todo:
        tok = todo.pop()
        out.add(tok.i)
        todo.extend(c for c in tok.children if c.dep_ in DESCRIPTION_LINKS
                    or c.dep_ == "prep" and c.lower_ in DESCRIPTION_PREPS)
    return out


def _nearby_mentions(ctx: SentenceContext) -> list[Mention]:
    return [x for sent in [ctx.mentions, *ctx.history, *ctx.following] for x in sent]


def _attributions(ctx: SentenceContext) -> Iterator[tuple[Mention, bool]]:
    """(subject mention, in this sentence?) of each speech verb that attributes the
    sentence's quotation: its own first, then, for a quotation that runs over several
    sentences of its paragraph ('"I knew she would win," Okafor said. "So I endorse her
    today."'), the paragraph's nearest ones outside the quotes, in sentences that quote."""
    for tok in ctx.sent:
        if tok.lemma_.lower() not in SPEECH_VERBS or any(a < tok.idx < b for a, b in ctx.quoted):
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        m = ctx.mention_for(subj.i) if subj is not None else None
        if m is None and subj is not None:
            m = _statement_author(subj, ctx.mentions)  # "..., Osgood's written statement read"
        if m is not None:
            yield m, True
    text = doc_text(ctx.doc)
    start = text.rfind("\n", 0, ctx.sent.start_char) + 1
    end = text.find("\n", ctx.sent.start_char + len(ctx.sent.text.rstrip()))
    span = ctx.doc.char_span(start, len(text) if end < 0 else end, alignment_mode="expand")
    if span is None:
        return
    nearby = _nearby_mentions(ctx)
    verbs = [t for t in span if t.lemma_.lower() in SPEECH_VERBS and not ctx.sent.start <= t.i < ctx.sent.end
             and not any(a < t.idx < b for a, b in ctx.quoted)
             and (QUOTE_MARKS.search(t.sent.text) or _after_a_quotation(t.sent, text))]
    for verb in sorted(verbs, key=lambda t: min(abs(t.i - ctx.sent.start), abs(t.i - ctx.sent.end))):
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        named = next((x for x in nearby if subj is not None and x.covers(subj.i)), None)
        if named is None and subj is not None:
            named = _statement_author(subj, nearby)
        if named is not None:
            yield named, False


STATEMENT_NOUNS = words("statement_nouns")


def _statement_author(subj, mentions: list[Mention]) -> Optional[Mention]:
    """Who wrote the statement a speech verb's subject is ('Osgood's written remarks read', 'a
    statement from the Harbor Workers Union said'): its possessor or its 'from'/'by' object."""
    if subj.lemma_.lower() not in STATEMENT_NOUNS and subj.lower_ not in STATEMENT_NOUNS:
        return None
    owners = [c for c in subj.children if c.dep_ == "poss"] + [
        g for p in subj.children if p.dep_ == "prep" and p.lower_ in ("from", "by", "of") for g in p.children
        if g.dep_ == "pobj"]
    return next((x for o in owners for x in mentions if x.covers(o.i) and x.kind in ("person", "org")), None)


def _after_a_quotation(sent, text: str) -> bool:
    """'... I back Maria Vega all the way!" Osgood posted on Friday.': a sentence the parser
    split off right after a closing quotation mark attributes that quotation."""
    before = text[:sent.start_char].rstrip()
    return bool(before) and before[-1] in CLOSING_QUOTES


CLOSING_QUOTES = ('"', "\u201d")


QUOTE_MARKS = re.compile('["\u201c\u201d]')


def _is_speaker(m: Mention, doc) -> bool:
    head = doc[m.end - 1]
    return head.dep_ == "nsubj" and head.head.lemma_ in SPEECH_VERBS


def _org_like(m: Mention, doc) -> bool:
    """A capitalised run that acts like an organisation: a subject, or union-ish words."""
    head = doc[m.end - 1]
    return bool(UNION_WORDS.search(m.text)) or (head.dep_ in ("nsubj", "nsubjpass") and len(m.text) > 3
                                                 and head.ent_type_ not in ("DATE", "GPE", "PERSON"))


