"""Endorsement frames: a trigger and the tokens that fill its endorser and candidate roles.

``match_frames(sent)`` is pure matching: it reads the dependency parse and returns
Frame values (token indices), writing nothing. Which words trigger which frame is
data (nlp/patterns/triggers.jsonl); how each kind of trigger finds its roles is here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from spacy.tokens import Token

from ...nlp.rules import packaged_rules
from ...nlp.vocabulary import words
from ..mentions import MEASURE_RE

SUBJ = ("nsubj", "nsubjpass", "csubj")
RELATIVE_PRONOUNS = words("relative_pronouns")


@dataclass(frozen=True)
class Frame:
    trigger: int  # token index of the trigger word
    rule: dict
    endorser: Optional[int]  # token index (head of the endorser phrase)
    candidate: Optional[int]  # token index (head of the candidate phrase)
    passive: bool = False
    via: str = "dep"  # how roles were found: "dep" or "nearest" (fallback)


@lru_cache(maxsize=1)
def trigger_index() -> dict[tuple[str, str], dict]:
    """(kind-group, lemma) -> rule. Verb-ish kinds share the 'verb' group; nouns 'noun'."""
    index: dict[tuple[str, str], dict] = {}
    for rule in packaged_rules("triggers", ("kind", "lemmas", "stance")):
        group = rule["kind"]
        for lemma in rule["lemmas"]:
            index.setdefault((group, lemma), rule)
    return index


@lru_cache(maxsize=1)
def prep_rules() -> dict[str, tuple[dict, ...]]:
    """lemma -> every verb_prep rule it triggers; the preposition tells them apart."""
    index: dict[str, list[dict]] = {}
    for rule in packaged_rules("triggers", ("kind", "lemmas", "stance")):
        if rule["kind"] == "verb_prep":
            for lemma in rule["lemmas"]:
                index.setdefault(lemma, []).append(rule)
    return {k: tuple(v) for k, v in index.items()}


# the trigger kinds match_frames tries on a verbal token (besides the verb_prep rules)
VERBAL_KINDS = ("receive", "give", "withdraw", "receive_org", "count_among", "preference", "includes",
                "retreat", "verb")


@lru_cache(maxsize=1)
def verbal_trigger_lemmas() -> frozenset[str]:
    """Every lemma a verbal rule fires on: for any other token match_frames need not ask
    whether it is verbal (a walk of its children)."""
    return frozenset(lemma for kind, lemma in trigger_index() if kind in VERBAL_KINDS) | frozenset(prep_rules())


def match_frames(sent) -> list[Frame]:
    frames: list[Frame] = []
    idx = trigger_index()
    verbal_lemmas = verbal_trigger_lemmas()
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma in verbal_lemmas and _verbal(tok):
            for kind in ("receive", "give", "withdraw"):
                rule = idx.get((kind, lemma))
                if rule:
                    f = _noun_object_frame(tok, rule)
                    if f:
                        frames.append(f)
            rule = idx.get(("receive_org", lemma))
            if rule:  # "She picked up the Fraternal Order of Police, ... Lodge 27, in January"
                particle = rule.get("particles", {}).get(lemma)
                obj = _object_of(tok)
                if obj is not None and tok.doc[obj].pos_ == "PROPN" and (
                        particle is None or any(c.dep_ == "prt" and c.lower_ == particle for c in tok.children)):
                    frames.append(Frame(tok.i, rule, obj, subject_of(tok)))
            rule = idx.get(("count_among", lemma))
            if rule:  # "Reed counts the Fraternal Order of Police among his supporters"
                nouns = set(rule["nouns"])
                obj = _object_of(tok)
                among = _pobj(tok, ("among",))
                if among is None and obj is not None:
                    among = _pobj(tok.doc[obj], ("among",))
                if among is not None and obj is not None and tok.doc[among].lower_ in nouns:
                    frames.append(Frame(tok.i, rule, obj, subject_of(tok)))
            rule = idx.get(("preference", lemma))
            if rule and (f := _preference_frame(tok, rule)) is not None:
                frames.append(f)  # "The Ledger chooses X over Y"
            rule = idx.get(("includes", lemma))
            if rule and (f := _includes_frame(tok, rule)) is not None:
                frames.append(f)  # "The group's other endorsements include A and B"
            for rule in prep_rules().get(lemma, ()):  # "vote for" and "vote against" are two rules
                f = _verb_prep_frame(tok, rule)
                if f:
                    frames.append(f)
            retreat = idx.get(("retreat", lemma))
            if retreat and _retreat_particle(tok, retreat):  # "backed off its endorsement of X"
                f = _retreat_frame(tok, retreat)
                if f:
                    frames.append(f)
                continue
            rule = idx.get(("verb", lemma))
            if rule:
                frame = _verb_frame(tok, rule)
                frames.append(frame)
                for conj in tok.children:  # "did not endorse ... and will not do so in ..."
                    if conj.dep_ == "conj" and conj.lemma_ == "do" and any(
                            c.lower_ == "so" for c in conj.children):
                        frames.append(Frame(conj.i, rule, frame.endorser, frame.candidate, frame.passive))
        if tok.pos_ in ("NOUN", "PROPN") and (rule := idx.get(("noun_prep", lemma))):
            f = _noun_prep_frame(tok, rule)
            if f:
                frames.append(f)
        if tok.pos_ in ("NOUN", "PROPN") and (rule := idx.get(("former_supporter", lemma))) \
                and any(c.dep_ == "amod" and c.lower_ in rule["modifiers"] for c in tok.children) \
                and (described := _described_supporter(tok)) is not None:
            frames.append(Frame(tok.i, rule, described[0], described[1]))  # "former X supporter Y": Y left X
        if tok.pos_ in ("NOUN", "PROPN") and (rule := idx.get(("noun", lemma))):
            f = _noun_frame(tok, rule)
            if f:
                frames.append(f)
        if (rule := idx.get(("state", lemma))) or (rule := idx.get(("state", tok.lower_))):
            f = _state_frame(tok, rule)
            if f:
                frames.append(f)
    return frames


def _verbal(tok: Token) -> bool:
    """A verb, or a word the tagger took for an adjective, adverb or noun that the parse
    uses as one: 'has yet to formally back X' (back/ADJ with 'to'), 'Who does the board
    endorse?' (endorse/NOUN with a subject and an auxiliary). The parse is read, not the tag."""
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
        return True
    if tok.pos_ not in ("ADJ", "ADV", "NOUN") or tok.dep_ in ("amod", "compound", "advmod"):
        return False
    deps = {c.dep_ for c in tok.children}
    has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    return (has_to and ("dobj" in deps or tok.dep_ == "xcomp")) or ("aux" in deps and "nsubj" in deps and "dobj" in deps)


# ---- role helpers -------------------------------------------------------------------

def subject_of(verb) -> Optional[int]:
    """The subject of a verb, following xcomp/conj/relcl/acl chains upward."""
    seen = 0
    tok = verb
    while tok is not None and seen < 6:
        seen += 1
        for child in tok.children:
            if child.dep_ in ("nsubj", "csubj") or (child.dep_ == "nsubjpass" and tok.i != verb.i):
                if child.lower_ in RELATIVE_PRONOUNS or (child.dep_ == "nsubj" and child.lower_ == "all"):
                    return _relative_head(tok)
                return child.i
        for aux in tok.children:  # "We did, however, endorse X": the parser hangs We on "did"
            if aux.dep_ == "aux":
                subj = [c for c in aux.children if c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS]
                if subj:
                    return subj[0].i
        if tok.dep_ in ("relcl", "acl") and tok.head is not tok:
            head = tok.head
            if head.dep_ == "pobj" and head.head.lower_ == "among":  # "X were among the unions endorsing Y"
                verb_above = head.head.head
                subj = [c for c in verb_above.children if c.dep_ in SUBJ]
                if subj:
                    return subj[0].i
            if tok.dep_ == "acl" and tok.tag_ == "VBN":  # "Y, endorsed by X": not the endorser
                return None
            if head.dep_ == "attr" and (head.pos_ == "NOUN" or head.pos_ == "ADJ" and head.lower_ in ORDINAL_HEADS) \
                    and head.head.lemma_ == "be" \
                    and not any(c.dep_ == "aux" for c in head.head.children) \
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
                # "X is the only former governor to endorse Y": the one the copula describes (a stated
                # fact: "X will probably be the next to endorse Y" is a guess)
                subj = [c for c in head.head.children if c.dep_ == "nsubj"]
                if subj:
                    return subj[0].i
            if tok.dep_ == "acl" and head.dep_ in ("dobj", "pobj") and head.pos_ == "NOUN" \
                    and not head.ent_type_:
                verb_above = head.head
                for _ in range(4):  # "spent $2 million on ads attacking X": up to the verb
                    if verb_above.pos_ in ("VERB", "AUX") or verb_above.head.i == verb_above.i:
                        break
                    verb_above = verb_above.head
                subj = [c for c in verb_above.children if c.dep_ in ("nsubj",)]
                if subj:
                    return subj[0].i
            if head.pos_ in ("NOUN", "PROPN", "PRON"):
                return head.i
        if tok.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "dep") and tok.head is not tok:
            if tok.dep_ == "xcomp":
                obj = [c for c in tok.head.children if c.dep_ == "dobj"]
                if obj and tok.head.lemma_ in ("urge", "ask", "encourage", "call", "tell", "persuade"):
                    return subject_of(tok.head)
            if tok.dep_ in ("ccomp", "advcl", "pcomp") and not any(c.dep_ in SUBJ for c in tok.children):
                tok = tok.head
                if tok.dep_ == "prep" and tok.head.i != tok.i:  # "yanked X ... after endorsing her"
                    tok = tok.head
                continue
            if tok.dep_ in ("ccomp", "advcl", "pcomp"):
                return None
            tok = tok.head
            continue
        return None
    return None


# "X was the first (latest, only) to endorse Y": an adjective standing for the one who acts
ORDINAL_HEADS = words("ordinal_heads")


def _relative_head(verb) -> Optional[int]:
    head = verb.head
    if verb.dep_ == "relcl":
        return _named_antecedent(verb, head.i)
    if verb.dep_ == "conj" and head.dep_ == "relcl":  # "Okafor, who courted X and who picked up Y"
        return _named_antecedent(head, head.head.i)
    return None


def _named_antecedent(clause, parsed: int) -> int:
    """Whom a ', who ...' clause is about: the name just before the 'who' when the parse
    hung the clause on a common noun further back ('the defeats of A and B, who had been
    backed by Y': B, not 'defeats')."""
    doc = clause.doc
    if doc[parsed].pos_ in ("PROPN", "PRON"):
        return parsed
    pron = next((c for c in clause.children if c.lower_ in ("who", "whom") and c.i < clause.i), None)
    if pron is None or pron.i < 2 or doc[pron.i - 1].text != ",":
        return parsed
    k = pron.i - 2
    while k > pron.i - 9 and k > 2:  # "Rep. Ann Cole, D-Ore., who": past the party and state to the name
        if doc[k].ent_type_ in ("GPE", "NORP") or PARTY_STATE.match(doc[k].text) or doc[k].text in (",", "(", ")"):
            k -= 1
        elif doc[k - 1].text in ("-", "–") and doc[k - 2].text in ("D", "R", "I"):
            k -= 3
        else:
            break
    before = doc[k]
    return before.i if before.pos_ == "PROPN" and before.ent_type_ not in ("GPE", "NORP") \
        and before.i != parsed else parsed


PARTY_STATE = re.compile(r"^[DRI]-[A-Z]")  # "D-R.I.", "R-Ariz."


def _object_of(verb) -> Optional[int]:
    for child in verb.children:
        if child.dep_ in ("dobj", "obj"):
            return child.i
    for child in verb.children:  # "endorse for governor X" or attr
        if child.dep_ in ("attr", "oprd"):
            return child.i
    return None


def _agent_of(verb) -> Optional[int]:
    for child in verb.children:
        if child.dep_ == "agent":
            for g in child.children:
                if g.dep_ == "pobj":
                    return g.i
    return None


def _stray_agent(verb) -> Optional[int]:
    """The object of a 'by' the parser attached inside the passive verb's own phrase."""
    for tok in verb.subtree:
        if tok.lower_ == "by" and tok.dep_ == "prep" and tok.i > verb.i:
            up, ok = tok.head, True
            while up.i != verb.i:
                if up.pos_ in ("VERB", "AUX") or up.head.i == up.i:
                    ok = False
                    break
                up = up.head
            obj = next((g for g in tok.children if g.dep_ == "pobj"), None)
            if ok and obj is not None:
                return obj.i
    return None


def _is_passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ == "acl")


def _pobj(head, preps) -> Optional[int]:
    for child in head.children:
        if child.dep_ in ("prep", "dative", "agent") and child.lower_ in preps:
            for g in child.children:
                if g.dep_ == "pobj":
                    return g.i
    return None


# ---- frame builders -----------------------------------------------------------------

def _verb_frame(verb, rule) -> Frame:
    if _is_passive(verb):
        cand = None
        for child in verb.children:
            if child.dep_ == "nsubjpass":
                cand = child.i if child.lower_ not in RELATIVE_PRONOUNS else _relative_head(verb)
        if cand is None and verb.dep_ in ("acl", "relcl", "amod"):
            cand = verb.head.i  # "the candidate endorsed by X", "the governor's endorsed candidate"
        if cand is None and verb.dep_ == "xcomp":  # "is expected to be endorsed by X"
            for child in verb.head.children:
                if child.dep_ in ("nsubjpass", "nsubj"):
                    cand = child.i
        endorser = _agent_of(verb)
        if endorser is None:
            endorser = _stray_agent(verb)  # "was backed in the primary by X": "by" hung on "primary"
        if endorser is None:
            endorser = _opinion_holder(verb)
        if endorser is None and verb.dep_ == "amod":
            poss = [c for c in verb.head.children if c.dep_ == "poss"]
            endorser = poss[0].i if poss else None
        return Frame(verb.i, rule, endorser, cand, passive=True)
    cand = _object_of(verb)
    if cand is None:
        cand = _pobj(verb, ("for",))  # "endorsed for governor" rarely; "voted for"
    if cand is None and verb.dep_ == "xcomp":  # "has yet to back X": the parse hung X on "has"
        cand = next((c.i for c in verb.head.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if cand is None:
        cand = _gap_head(verb)  # "the candidate the union endorsed"
    return Frame(verb.i, rule, subject_of(verb), cand)


def _gap_head(verb: Token) -> Optional[int]:
    """The noun a relative clause without a relative word is about, when the clause's
    object is the gap: 'the candidate the union endorsed', 'the candidate the union needs to
    get behind' (through 'to' clauses). None when the clause has its own object."""
    clause = verb
    for _ in range(3):
        if clause.dep_ != "xcomp" or clause.head.i == clause.i:
            break
        clause = clause.head
    if clause.dep_ != "relcl" or clause.head.pos_ not in ("NOUN", "PROPN") or clause.head.i > clause.i:
        return None
    if any(c.lower_ in RELATIVE_PRONOUNS for c in clause.children) \
            or not any(c.dep_ == "nsubj" for c in clause.children) \
            or any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return None
    return clause.head.i


OPINION_VERBS = words("opinion_verbs")


def _opinion_holder(verb) -> Optional[int]:
    """'We think it is crucial that Proposition 27 be defeated', 'we say X should be
    rejected': a wish in the subjunctive or with should/must belongs to whoever holds
    the opinion the clause is governed by."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if not (auxes & {"should", "must"} or "be" in auxes and not auxes & {"will", "would", "could", "might", "can", "to"}):
        return None
    tok = verb
    for _ in range(3):
        if tok.dep_ not in ("ccomp", "xcomp", "acomp") or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.lemma_.lower() in OPINION_VERBS:
            return subject_of(tok)
    return None


def _verb_prep_frame(verb, rule) -> Optional[Frame]:
    if "particles" in rule and not any(c.dep_ in ("prt", "advmod") and c.lower_ in rule["particles"]
                                       for c in verb.children):
        return None  # "came out for X", not "came for the rally"
    cand = _pobj(verb, set(rule["preps"]))
    if cand is None:
        for child in verb.children:  # "throw its weight behind": prep hangs on the object
            if child.dep_ == "dobj":
                cand = _pobj(child, set(rule["preps"]))
    if cand is None and any(c.dep_ in ("prep", "prt") and c.lower_ in rule["preps"] and not list(c.children)
                            for c in verb.children):
        cand = _gap_head(verb)  # a stranded preposition: "the candidate the union needs to get behind"
    if cand is None:
        return None
    if verb.dep_ == "acomp" and verb.head.lemma_ == "be":
        return Frame(verb.i, rule, subject_of(verb.head), cand)  # "she is committed to X": the copula's subject
    return Frame(verb.i, rule, subject_of(verb), cand)


def _noun_object_frame(verb, rule) -> Optional[Frame]:
    """receive/give/withdraw: the verb's object (or its subject, if passive) is a trigger noun."""
    nouns = set(rule["nouns"])
    noun = None
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr") and child.lemma_.lower() in nouns:
            noun = child
        elif child.dep_ == "prt" and noun is None:
            continue
    kind = rule["kind"]
    if noun is None and kind == "receive":  # "enjoyed a growing list of endorsements from X"
        noun = _collected_noun(verb, nouns)
    if noun is None:
        return None
    if kind == "receive":
        cand = subject_of(verb)
        endorser = _pobj(noun, ("of", "from", "by")) or _poss(noun) or _pobj(verb, ("from", "by"))
        return Frame(verb.i, rule, endorser, cand)
    if kind == "give" and rule.get("preps"):  # "takes no position on Measure D"
        preps = tuple(rule["preps"])
        return Frame(verb.i, rule, subject_of(verb) or _poss(noun), _pobj(noun, preps) or _pobj(verb, preps))
    if kind == "give" and noun.dep_ == "dobj" and any(c.dep_ == "nsubjpass" for c in verb.children):
        # "she was given the backing of six officials": the passive subject is the one backed
        cand = next(c.i for c in verb.children if c.dep_ == "nsubjpass")
        return Frame(verb.i, rule, _pobj(noun, ("of", "from")) or _poss(noun), cand, passive=True)
    if kind == "give":
        endorser = subject_of(verb) or _poss(noun)
        cand = (_pobj(verb, ("to", "behind", "for")) or _pobj(noun, ("of", "for", "to", "behind"))
                or _second_object(verb, noun))
        return Frame(verb.i, rule, endorser, cand)
    # withdraw / withhold
    endorser = subject_of(verb) or _poss(noun)
    cand = _pobj(noun, ("of", "for", "from")) or _pobj(verb, ("from",))
    return Frame(verb.i, rule, endorser, cand)


COLLECTION_NOUNS = words("collection_nouns")


def _collected_noun(verb, nouns: set) -> Optional[Token]:
    """The trigger noun inside the verb's object when the object is a collection of them:
    'amassed a wave of endorsements', 'has a long list of backers'."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in COLLECTION_NOUNS:
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for obj in prep.children:
                        if obj.dep_ == "pobj" and obj.lemma_.lower() in nouns:
                            return obj
    return None


def _second_object(verb, noun) -> Optional[int]:
    """The indirect object of 'gave X and Y its endorsement' (a dative, or a second object
    before the noun)."""
    for child in verb.children:
        if child.i < noun.i and child.dep_ in ("dative", "dobj") and child.i != noun.i \
                and child.pos_ in ("PROPN", "PRON"):
            return child.i
    for child in noun.children:  # the parse made the name a modifier of the noun: "gave | A and B | its endorsement"
        if child.dep_ == "nmod" and child.pos_ == "PROPN" and child.i > verb.i:
            return child.i
    return None


def _poss(noun) -> Optional[int]:
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in ("its", "their", "his", "her", "our", "my"):
            return child.i
    for child in noun.children:
        if child.dep_ == "poss":
            return child.i
    for child in noun.children:  # "the UAW endorsement", "the Teamsters' backing"
        if child.dep_ == "compound" and (child.pos_ == "PROPN" or child.text[:1].isupper()):
            return child.i
    return None


def _noun_frame(noun, rule) -> Optional[Frame]:
    """A bare trigger noun: roles from its possessor and prepositions only.

    When the noun is the object of a receive/give/withdraw verb, that frame covers
    it; this one only fires for free-standing uses ("the UAW's endorsement of Y").
    """
    head = noun.head
    idx = trigger_index()
    for kind in ("receive", "give", "withdraw"):
        r = idx.get((kind, head.lemma_.lower()))
        if r and noun.dep_ in ("dobj", "nsubjpass", "attr") and noun.lemma_.lower() in r["nouns"]:
            return None
    if _retreat_from(noun) is not None:
        return None  # "backed away from its endorsement of Y": the retreat frame reads it
    if noun.lemma_.lower() in SUPPORTER_NOUNS and (described := _described_supporter(noun)) is not None:
        return Frame(noun.i, rule, described[0], described[1])  # "Munoz, a Garcia supporter"
    if noun.lemma_.lower() == "opponent":  # "Opponents of Measure K include X": of a measure only (a
        cand = _pobj(noun, ("of",))  # candidate's "opponent" is a rival)
        phrase = " ".join(t.text for t in noun.doc[cand].subtree) if cand is not None else ""
        return Frame(noun.i, rule, noun.i, cand) if cand is not None and MEASURE_RE.search(phrase) else None
    if noun.lemma_.lower() in SUPPORTER_NOUNS:
        # "one of the strongest union backers of X": the phrase is the endorser itself.
        cand = _pobj(noun, ("of", "for"))
        return Frame(noun.i, rule, noun.i, cand) if cand is not None else None
    if noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ == "det" and c.lower_ in ("no", "without") for c in noun.children):
        # "X entered the runoff with endorsements from A and B", "won with the backing of A":
        # the one who has the endorsement is the verb's subject
        verb = noun.head.head
        endorser = _poss(noun) or _pobj(noun, ("by", "from", "of"))
        cand = subject_of(verb) if verb.lemma_.lower() not in WITH_NOT_HELD else None
        if endorser is not None and cand is not None and cand != endorser:
            return Frame(noun.i, rule, endorser, cand)
    thanked = _thanked_for(noun)
    if thanked is not None:  # "X thanked the union for its endorsement": the union endorses X
        return Frame(noun.i, rule, thanked[0], thanked[1])
    endorser = _poss(noun) or _pobj(noun, ("by", "from"))
    cand = _pobj(noun, ("of", "for", "to", "behind"))
    if endorser is None and cand is not None and noun.dep_ == "pobj" and head.lower_ == "in" \
            and head.head.pos_ in ("VERB", "AUX"):
        endorser = subject_of(head.head)  # "came out in support of X", "testified in opposition to X"
    if cand is not None and endorser is None and noun.dep_ == "pobj" and head.lower_ == "of":
        return None
    if endorser is not None and cand is None:
        cand = _campaign_helped(noun)  # "endorsements from A and B helped propel his campaign"
    if endorser is None and cand is None:
        return None
    # "Significant among Y's union endorsements: X" - the list after a colon names endorsers.
    if noun.tag_ == "NNS" and endorser is not None and cand is None:
        after = [t for t in noun.sent if t.i > noun.i]
        if after and after[0].text == ":" and len(after) > 1:
            return Frame(noun.i, rule, after[1].i, endorser, via="colon-list")
        return None
    return Frame(noun.i, rule, endorser, cand)


def _campaign_helped(noun: Token) -> Optional[int]:
    """'Endorsements from A and B helped propel his campaign', 'X's backing boosted Y's bid': an
    endorsement that is the subject of a verb acting on a candidacy is of that candidacy's holder."""
    if noun.dep_ != "nsubj":
        return None
    verb = noun.head
    objects = [c for v in [verb] + [x for x in verb.children if x.dep_ in ("xcomp", "ccomp")]
               for c in v.children if c.dep_ == "dobj"]
    for obj in objects:
        if obj.lemma_.lower() in CANDIDACY_NOUNS:
            owner = _poss(obj)
            if owner is not None:
                return owner
    return None


CANDIDACY_NOUNS = words("candidacy_nouns")


def _thanked_for(noun: Token) -> Optional[tuple[int, int]]:
    """(endorser, candidate) of 'X thanked Y for her (its, their) support': the one thanked
    endorses the one who thanks, when the noun names no other candidate ('for its support of
    the bill' is about the bill)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or _pobj(noun, ("of", "for", "to", "behind")) is not None:
        return None
    verb = prep.head if prep.head.lemma_.lower() in THANK_VERBS else prep.head.head
    if verb.lemma_.lower() not in THANK_VERBS or verb.pos_ not in ("VERB", "AUX"):
        return None
    thanked, thanker = _object_of(verb), subject_of(verb)
    return (thanked, thanker) if thanked is not None and thanker is not None else None


THANK_VERBS = words("thank_verbs")
SUPPORTER_NOUNS = ("endorser", "backer", "supporter")
PERSON_POSSESSIVES = ("his", "her")
PLACE_ENTITIES = ("GPE", "LOC")


def _preference_frame(verb: Token, rule: dict) -> Optional[Frame]:
    """'X chooses A over B', 'X picked A and C over B': the object is preferred to a rival named
    after one of the rule's prepositions (on the verb or on the object)."""
    obj = _object_of(verb)
    if obj is None or _is_passive(verb):
        return None
    preps = set(rule["preps"])
    if not any(c.dep_ == "prep" and c.lower_ in preps for h in (verb, verb.doc[obj]) for c in h.children):
        return None
    return Frame(verb.i, rule, subject_of(verb), obj)


def _includes_frame(verb, rule) -> Optional[Frame]:
    """'The group's other endorsements include A and B', 'Endorsed candidates for the Senate
    include A': a subject that is a set of endorsements (an endorsement noun, or nouns an
    endorsement participle modifies) lists them as the verb's object. The possessor is the
    endorser; with none, the roles leave the endorser to the article (endorser_roles). A
    person's endorsements ('Her endorsements include the X union') are those she received."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr")), None)
    if subj is None or obj is None:
        return None
    listed = subj.lemma_.lower() in rule["nouns"] and subj.tag_ == "NNS"
    modified = any(c.dep_ in ("amod", "compound") and c.lower_ in rule["modifiers"] for c in subj.children)
    if not (listed or modified):
        return None
    owner = _poss(subj)
    if owner is not None and (verb.doc[owner].ent_type_ == "PERSON" or verb.doc[owner].lower_ in PERSON_POSSESSIVES):
        return Frame(verb.i, rule, obj.i, owner, via="includes")
    return Frame(verb.i, rule, owner, obj.i, via="includes")
# Verbs whose "with the backing of X" says nothing of the subject holding it: "X met with the
# endorsement committee", "X disagreed with the endorsement".
WITH_NOT_HELD = words("with_not_held_verbs")


def _described_supporter(noun: Token) -> Optional[tuple[int, int]]:
    """(endorser, candidate) of a person described as one candidate's supporter: 'Munoz, a
    Garcia supporter', 'He had been a strong Quill backer', 'Quill supporter Dale Ames'.
    The candidate is the name the noun is compounded with (or its possessor); the endorser
    is whom the phrase describes: the name it is in apposition to, the subject it is said
    of, or the name it stands before as a title. One supporter only ('one of Garcia's
    earliest supporters' is one): 'Quill supporters' are voters."""
    phrase = noun  # "one of Garcia's earliest supporters" is said of its "one"
    if noun.tag_ == "NNS" and noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one":
        phrase = noun.head.head
    elif noun.tag_ != "NN":
        return None
    # "her top Calder backer": a place compounded with the noun says where, the possessor whom
    named = [c for c in noun.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"
             and c.ent_type_ not in PLACE_ENTITIES]
    if not named:
        named = [c for c in noun.children if c.dep_ == "poss" and c.lower_ in PERSON_POSSESSIVES]
    if not named:
        return None
    if phrase.dep_ == "appos":
        endorser: Optional[int] = phrase.head.i
    elif phrase.dep_ == "attr":
        endorser = subject_of(phrase.head)
    elif phrase.dep_ == "compound" and phrase.head.pos_ == "PROPN" and phrase.head.i > phrase.i:
        endorser = phrase.head.i
    else:
        return None
    return (endorser, named[-1].i) if endorser is not None else None


def _retreat_particle(verb: Token, rule: dict) -> bool:
    """The verb carries one of the rule's particles ("back off", "back away"), however parsed."""
    return any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ in rule["particles"] for c in verb.children)


def _retreat_noun(verb: Token, rule: dict) -> Optional[Token]:
    """The trigger noun a retreat verb takes: its object ("backed off its support") or the
    object of a from/of hanging on the verb or its particle ("backed away from its endorsement")."""
    nouns = set(rule["nouns"])
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in nouns:
            return child
    heads = [verb] + [c for c in verb.children if c.lower_ in rule["particles"]]
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "of", "on"):
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.lemma_.lower() in nouns:
                        return obj
    return None


@lru_cache(maxsize=1)
def _retreat_rules() -> tuple[dict, ...]:
    """The retreat rules ("back off", "walk back"), each once."""
    return tuple({r["id"]: r for (kind, _), r in trigger_index().items() if kind == "retreat"}.values())


def _retreat_from(noun: Token) -> Optional[Token]:
    """The retreat verb whose trigger noun this is, if any."""
    rules = _retreat_rules()
    up = noun.head
    for _ in range(3):
        for rule in rules:
            if up.lemma_.lower() in rule["lemmas"] and _retreat_particle(up, rule) \
                    and getattr(_retreat_noun(up, rule), "i", None) == noun.i:
                return up
        if up.head.i == up.i:
            break
        up = up.head
    return None


def _retreat_frame(verb: Token, rule: dict) -> Optional[Frame]:
    """'backed off its endorsement of Y', 'backed away from its support for Y': the
    endorsement is withdrawn ('backing off plans to endorse Y' is stance.py's)."""
    noun = _retreat_noun(verb, rule)
    if noun is None:
        return None
    return Frame(verb.i, rule, subject_of(verb) or _poss(noun), _pobj(noun, ("of", "for")))


def _noun_prep_frame(noun, rule) -> Optional[Frame]:
    cand = _pobj(noun, set(rule["preps"]))
    if cand is None:
        return None
    verb = noun.head
    while verb.dep_ in ("prep", "pobj", "dobj", "conj") and verb.head is not verb and verb.pos_ != "VERB":
        verb = verb.head
    if "heads" in rule and not (verb.pos_ == "VERB" and verb.lemma_.lower() in rule["heads"]):
        return None  # "made calls on behalf of X" counts, "spoke on behalf of X" does not
    return Frame(noun.i, rule, subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None, cand)


def _state_frame(tok, rule) -> Optional[Frame]:
    """'remain neutral', 'sat out', 'is undecided', 'up for grabs'."""
    lemma = tok.lemma_.lower()
    if lemma == "decide" and not (any(c.dep_ == "aux" and c.lower_ in ("will", "'ll") for c in tok.children)
                                  and not any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in tok.children)):
        return None  # only "will decide (at its convention)": "decided to endorse X" is a decision made
    if lemma in ("sit", "stay") and not any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ == "out"
                                            for c in tok.children):
        return None
    if tok.dep_ == "amod" and tok.head.pos_ == "PROPN":
        return Frame(tok.i, rule, tok.head.i, None)  # "the still-neutral Gov. Ana Ruiz": whom the word describes
    if tok.dep_ == "amod" and tok.head.pos_ == "NOUN":
        described = _described_by_role(tok.head)
        if described is not None:  # "X, another undeclared superdelegate", "uncommitted county clerk X"
            return Frame(tok.i, rule, described, None)
        if tok.head.dep_ == "dobj" and tok.head.tag_ == "NNS":
            return None  # "interviewed 70 undeclared superdelegates": those people, not the subject ('takes a neutral stance' is)
    verb = tok
    while verb.dep_ in ("acomp", "oprd", "xcomp", "attr", "pobj", "prep", "amod", "dobj") and verb.head is not verb:
        verb = verb.head
    endorser = subject_of(verb)
    if endorser is None and lemma in ("deliberation", "deliberations", "deliberate"):
        endorser = _poss(tok)
    return Frame(tok.i, rule, endorser, _pobj(tok, ("on",)))  # "is neutral on Measure K"


STATE_NOT_STANCE_NOUNS = words("race.candidate_nouns") | words("voter_words")


def _described_by_role(noun) -> Optional[int]:
    """The name a role noun describes: 'Ana Ruiz, an uncommitted delegate' (the noun in
    apposition to her name) or 'uncommitted county clerk Ana Ruiz' (the noun before it).
    An 'undeclared candidate' has not declared a run, an 'undecided voter' is a voter: none."""
    if noun.lower_ in STATE_NOT_STANCE_NOUNS or noun.lemma_.lower() in STATE_NOT_STANCE_NOUNS:
        return None
    if noun.dep_ in ("appos", "compound") and noun.head.pos_ == "PROPN" and noun.head.i != noun.i:
        return noun.head.i
    return None
