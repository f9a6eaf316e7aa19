"""A person given by description instead of by name: "the Democrat", "the incumbent",
"the former governor", "the Colorado senator", "the congresswoman", "the mayor of Glenford".

One resolver for every stage (endorsement candidates and endorsers, poll sides). It reads,
for each person the article names, what the article writes next to the name: the role
words before it ("former Glenford Mayor Ana Ruiz", "Democratic Gov. Ana Ruiz"), the
appositive after it ("Ana Ruiz, the Democratic incumbent,", "Ana Ruiz, a Republican,") and a
party tag ("Ana Ruiz (D-Ore.)"). A description's attributes -- its office or role noun,
its party, its place, a past-office word, a gender word -- are matched against those
profiles, and the description names a person only when exactly one profile fits.

Pure: reads the parsed Doc and builds the profiles of the people it is given; caching them is the
caller's (extract/mentions/references.py builds an article's profiles once per article).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from ...nlp.vocabulary import word_map, words
from ...normalize import description_titles

# Words of a role before a name or in an appositive ("former Secretary of State": 4).
ROLE_MAX_TOKENS = 4
ROLE_POS = frozenset({"NOUN", "PROPN", "ADJ"})
# Roles that name no one in particular however the article uses them.
VAGUE_ROLES = frozenset({("former",), ("state",), ("party",), ("leader",), ("candidate",), ("rival",)})
# Tokens read for a name's description, before it ("former Republican Kansas Gov.") or in an appositive
# after it (", the Democratic mayor of Glenford,"): a title and up to five modifiers; set to hold train's
# longest such run ("former Republican U.S. Sen."), not tuned further
PROFILE_WINDOW = 6
# Characters after a name where its party tag stands: holds the longest written form, a comma, a space
# and a parenthesised state ('", (D-Mass.)"', 11) with room for spacing; not tuned
PARTY_TAG_REACH = 16
PARTY_STEMS = word_map("poll.party_group_stems")  # party word -> its party ("gop" -> "rep")
PARTY_TAG_LETTERS = word_map("party_tag_letters")  # "D" in "(D-Ore.)" -> "dem"
PAST_OFFICE_WORDS = words("past_office_words")
ELECTION_NOUNS = words("race.election_nouns")
PERSON_REFERENCE_NOUNS = words("person_reference_nouns")
# Role nouns any candidate may be called without the article saying it next to the name; they
# choose a person only together with another attribute that is said ("the Democratic incumbent"):
# the singular candidate nouns of the race lexicon, and "incumbent", which names no race after an
# office word and so is not one of them
OPEN_ROLES = frozenset(w for w in words("race.candidate_nouns") if not w.endswith("s")) | {"incumbent"}
POSSESSIVE_MARKS = ("'s", "’s", "’", "'")
PARTY_TAG = re.compile(r"^\s*,?\s*\(?([A-Z])-[A-Z][A-Za-z.]*\)?")  # " (D-Ore.)", ", R-Tex.,"


def role_before(doc, first: int) -> list[tuple[str, ...]]:
    """Role phrases written right before a name's first token: the whole run and the run
    without its leading modifiers ("former transport minister" and "transport minister")."""
    run: list = []
    i = first - 1
    while i >= 0 and len(run) < ROLE_MAX_TOKENS and doc[i].is_alpha and (
            doc[i].pos_ in ROLE_POS or (doc[i].lower_ == "of" and run)) and doc[i].ent_type_ not in ("PERSON",
                                                                                                      "GPE", "NORP"):
        run.insert(0, doc[i])
        i -= 1
    while run and run[0].lower_ == "of":
        run.pop(0)
    if not run or run[-1].pos_ not in ("NOUN", "PROPN"):
        return []
    found = tuple(t.lower_ for t in run)
    return [found[k:] for k in range(len(found)) if found[k] != "of" and (k == 0 or run[k - 1].pos_ == "ADJ")]


def role_after(doc, last: int) -> list[tuple[str, ...]]:
    """"Jane Roe, the transport minister,": the appositive's words."""
    if last + 2 >= len(doc) or doc[last + 1].text != "," or doc[last + 2].lower_ != "the":
        return []
    run: list = []
    j = last + 3
    while j < len(doc) and len(run) < ROLE_MAX_TOKENS and doc[j].is_alpha and doc[j].is_lower \
            and (doc[j].pos_ in ROLE_POS or doc[j].lower_ == "of"):
        run.append(doc[j])
        j += 1
    if not run or j >= len(doc) or not doc[j].is_punct or run[-1].pos_ != "NOUN":
        return []
    return [tuple(t.lower_ for t in run)]


@lru_cache(maxsize=1)
def _title_nouns() -> dict[str, str]:
    """A title written before a name -> the description noun it stands for ("sen." -> "senator")."""
    return {form.lower(): noun for noun in sorted(PERSON_REFERENCE_NOUNS) for form in description_titles(noun)}


def _noun_of(word: str) -> str:
    return _title_nouns().get(word, word)


def _party_of(word: str) -> Optional[str]:
    return PARTY_STEMS.get(word.lower().removesuffix("-backed"))


def _gender_of(noun: str) -> Optional[str]:
    """'congresswoman' -> 'f', 'assemblyman' -> 'm'; a noun that says no gender -> None."""
    if noun.endswith("woman"):
        return "f"
    return "m" if noun.endswith("man") and noun != "man" else None


@dataclass(frozen=True)
class Profile:
    """What the article writes next to one person's name."""
    key: str
    name: str  # the fullest form the article uses
    roles: frozenset[tuple[str, ...]]  # role phrases ("transport minister", "former mayor")
    words: frozenset[str]  # their words, titles as nouns ("sen." -> "senator"), places lowercased
    parties: frozenset[str]
    gender: Optional[str] = None
    places: frozenset[str] = frozenset()  # the places among ``words`` ("Glenford Mayor Ana Ruiz")


@dataclass(frozen=True)
class Description:
    """The attributes of a description ("the former Democratic governor of Glenford")."""
    head: str  # the noun: an office, a role or a party member ("democrat")
    words: tuple[str, ...]  # the description's own words, lowercased, head last
    party: Optional[str] = None
    places: tuple[str, ...] = ()
    past: bool = False


def _run_before(doc, end: int, stop: int) -> list:
    """The describing tokens right before token ``end`` ("former Republican Kansas Gov.")."""
    out: list = []
    i = end - 1
    while i >= stop and len(out) < PROFILE_WINDOW and doc[i].ent_type_ != "PERSON" and (
            doc[i].pos_ in ROLE_POS or doc[i].lower_ in _title_nouns() or doc[i].lower_ in ("of", "-")):
        out.append(doc[i])
        i -= 1
    return out


def _near_words(doc, first: int, last: int) -> list:
    """The tokens that describe a name: a run before it ("former Republican Kansas Gov."), a
    description set off before it ("the former governor, Ana Ruiz") and an appositive after it
    (", the mayor of Glenford,", ", a Democrat,", ", Glenford's Democratic mayor.")."""
    sent_start = doc[first].sent.start
    out = _run_before(doc, first, sent_start)
    closed = last + 1 >= len(doc) or doc[last + 1].is_punct and doc[last + 1].text not in POSSESSIVE_MARKS
    if not out and closed and first - 2 >= sent_start and doc[first - 1].text == "," \
            and _noun_of(doc[first - 2].lower_) in PERSON_REFERENCE_NOUNS:
        out = _run_before(doc, first - 1, sent_start)  # "another former Republican governor, Ana Ruiz,"
    j = last + 1
    if j + 1 < len(doc) and doc[j].text == ",":
        j += 1
        if doc[j].lower_ in ("the", "a", "an"):
            j += 1
        elif doc[j].ent_type_ == "GPE" and j + 1 < len(doc) and (
                doc[j + 1].tag_ == "POS" or doc[j + 1].text in POSSESSIVE_MARKS):
            out.append(doc[j])
            j += 2  # "Glenford's Democratic mayor"
        run: list = []
        while j < len(doc) and doc[j].ent_type_ != "PERSON" and (
                doc[j].pos_ in ROLE_POS or doc[j].lower_ in ("of", "-")):
            run.append(doc[j])
            j += 1
        run = run[-PROFILE_WINDOW:]  # the head and the modifiers nearest it, as many as before a name
        if run and (j >= len(doc) or doc[j].is_punct) and _noun_of(run[-1].lower_) != run[-1].lower_ \
                or run and run[-1].pos_ == "NOUN" or run and any(t.lower_ == "of" for t in run):
            out.extend(run)
    elif j < len(doc) and doc[j].lower_ == "of" and j + 1 < len(doc) and doc[j + 1].ent_type_ == "GPE":
        k = j + 1  # "Mayor Ana Ruiz of Glenford"
        while k < len(doc) and doc[k].ent_type_ == "GPE" and k - j <= ROLE_MAX_TOKENS:
            out.append(doc[k])
            k += 1
    return out


def build_profiles(doc, people: Iterable[tuple[str, str, int, int]],
                   genders: Optional[dict[str, Optional[str]]] = None) -> list[Profile]:
    """Profiles of the article's people from their mentions: (key, text, first token, last token)."""
    roles: dict[str, set[tuple[str, ...]]] = {}
    found: dict[str, set[str]] = {}
    parties: dict[str, set[str]] = {}
    places: dict[str, set[str]] = {}
    fullest: dict[str, str] = {}
    text = doc.text
    for key, name, first, last in people:
        if len(name.split()) > len(fullest.get(key, "").split()):
            fullest[key] = name
        roles.setdefault(key, set()).update(role_before(doc, first) + role_after(doc, last))
        near = _near_words(doc, first, last)
        bag = found.setdefault(key, set())
        bag.update(_noun_of(t.lower_) for t in near)
        places.setdefault(key, set()).update(t.lower_ for t in near if t.ent_type_ == "GPE")
        party = parties.setdefault(key, set())
        party.update(p for p in (_party_of(t.lower_) for t in near) if p)
        end = doc[last].idx + len(doc[last].text)
        tag = PARTY_TAG.match(text[end:end + PARTY_TAG_REACH])
        if tag and tag.group(1) in PARTY_TAG_LETTERS:
            party.add(PARTY_TAG_LETTERS[tag.group(1)])
    return [Profile(key, fullest[key], frozenset(roles[key]), frozenset(found[key]), frozenset(parties[key]),
                    (genders or {}).get(key), frozenset(places[key])) for key in fullest]


def describe(tokens: Sequence) -> Optional[Description]:
    """The attributes of a description's tokens ("the", modifiers, head noun[, "of" place])."""
    toks = [t for t in tokens if t.lower_ not in ("the", "this", "that")]
    of = next((k for k, t in enumerate(toks) if t.lower_ == "of"), len(toks))
    own, after = toks[:of], toks[of + 1:]
    if not own:
        return None
    head = own[-1].lower_
    mods = [t.lower_ for t in own[:-1]]
    party = _party_of(head) or next((p for p in (_party_of(w) for w in mods) if p), None)
    places = tuple(t.lower_ for t in own[:-1] + after if t.ent_type_ == "GPE" and t.is_title)
    return Description(head, tuple(mods + [head]), party, places,
                       any(w in PAST_OFFICE_WORDS for w in mods))


def contradicts(d: Description, p: Profile) -> bool:
    """The article says something of the person the description rules out: another party
    ("the Democrat" is not the person called a Republican) or another gender."""
    if d.party and p.parties and d.party not in p.parties:
        return True
    if d.places and p.places and not set(d.places) & p.places:
        return True  # "the Glenford mayor" is not the person the article calls "Harwich Mayor X"
    wanted = _gender_of(d.head)
    return bool(wanted and p.gender and p.gender != wanted)


def _fits(d: Description, p: Profile) -> bool:
    if contradicts(d, p):
        return False
    said = []  # each attribute the description gives, and whether the article says it of this person
    if _party_of(d.head):
        said.append(d.party in p.parties)
    elif d.head in OPEN_ROLES:
        pass  # "the candidate", "the only candidate": said of many; chooses no one without another attribute
    else:
        noun = d.head.removesuffix("woman") + "man" if d.head.endswith("woman") else d.head
        said.append(d.head in p.words or noun in p.words)
    if d.party and not _party_of(d.head):
        said.append(d.party in p.parties)
    # a place the article does not say of the person leaves them in ("the Glenford senator" is the only
    # senator it names); one it says of another person rules them out (contradicts)
    if d.past:
        said.append(any(w in PAST_OFFICE_WORDS for w in p.words))
    return bool(said) and all(said)


def known_roles(profiles: Sequence[Profile]) -> dict[tuple[str, ...], Profile]:
    """Role phrases the article gives one person only ("the transport minister"), to that person."""
    holders: dict[tuple[str, ...], list[Profile]] = {}
    for p in profiles:
        for role in p.roles:
            holders.setdefault(role, []).append(p)
    return {r: ps[0] for r, ps in holders.items() if len(ps) == 1 and r not in VAGUE_ROLES}


def resolve_description(d: Description, profiles: Sequence[Profile]) -> Optional[Profile]:
    """The one person a description fits: the holder of a role phrase the article gives one
    person only ("the transport minister"), else the one profile whose attributes all fit;
    None when none or several fit."""
    exact = known_roles(profiles).get(d.words)
    if exact is not None:
        return exact
    fitting = [p for p in profiles if _fits(d, p)]
    return fitting[0] if len(fitting) == 1 else None


def description_at(doc, the: int, profiles: Sequence[Profile]) -> Optional[tuple[int, Profile]]:
    """(end token, person) of the description after "the" at token ``the`` ("the Democratic
    senator", "the former mayor"): its words up to its office noun, when one person fits them."""
    end = the + 1
    while end < len(doc) and end - the <= ROLE_MAX_TOKENS and doc[end].is_alpha and doc[end].pos_ in ROLE_POS:
        end += 1
    while end > the + 1 and doc[end - 1].lower_ not in PERSON_REFERENCE_NOUNS:
        end -= 1
    if end == the + 1 or end + 1 < len(doc) and (doc[end].tag_ == "POS" or doc[end].text in POSSESSIVE_MARKS) \
            and doc[end + 1].lower_ in ELECTION_NOUNS:
        return None  # "the governor's race" is a contest, not the governor
    found = describe(list(doc[the:end]))
    person = resolve_description(found, profiles) if found is not None else None
    return (end, person) if person is not None else None
