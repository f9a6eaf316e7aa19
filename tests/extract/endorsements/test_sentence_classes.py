"""Sentence-level classes that yielded nothing: an abbreviated word in an organisation's
name ("Assn.", "Bd."), a trigger verb the tagger took for an adjective or adverb ("has yet
to formally back X"), a relative clause the parse hung on the wrong noun ("the defeats of
A and B, who had been backed by Y"), "gave X its endorsement", a gapped slate ("endorsed A for governor, B against C for
treasurer and D for auditor", "backed A in 2002 and B in 2006"), a present-tense trigger between
two names that the tagger took for an adverb ("Sens. A and B back X"), "X is the only governor to
endorse Y", "came out for Y", a generic object with a named example ("three candidates, including
X"), a collection of
endorsements ("a growing list of endorsements from ..."), "with the backing of X" on any
verb, "on behalf of X" after a campaigning verb, and undotted British honorifics ("Mr
Ruiz").

Each case runs the whole pipeline on an invented text and compares every
(endorser, candidate, stance) fact, so a spurious extra fact fails too.
"""
from __future__ import annotations

import pytest
from helpers.extraction import run

from endorsetrack.normalize import expand_organization_abbreviations


def loose(nlp, text):
    return {(e.endorser, e.candidate, e.stance) for e in run(nlp, text).endorsements}


CASES = [
    pytest.param("The politically influential Nevada Nurses Assn. on Saturday endorsed Lt. Gov. Jane Roe for governor.",
                 {("Nevada Nurses Association", "Jane Roe", "endorses")}, id="assn-in-the-subject"),
    pytest.param("The Eastvale Teachers Assoc. endorsed Tom Ruiz for mayor on Monday.",
                 {("Eastvale Teachers Association", "Tom Ruiz", "endorses")}, id="assoc-in-the-subject"),
    pytest.param("Tom Ruiz won the endorsement of the Eastvale Bd. of Realtors in the mayoral race.",
                 {("Eastvale Board of Realtors", "Tom Ruiz", "endorses")}, id="bd-after-of"),
    pytest.param("Tom Ruiz thanked the Eastvale Nurses Union for its endorsement at a rally for his mayoral bid.",
                 {("Eastvale Nurses Union", "Tom Ruiz", "endorses")}, id="thanked-for-its-endorsement"),
    pytest.param("Tom Ruiz thanked the Eastvale Nurses Union for its support of the transit levy at the mayoral "
                 "debate.", set(), id="thanked-for-support-of-something-else"),
    pytest.param("The Eastvale Ledger chooses Tom Ruiz and Dana Cole over Ana Vega in the race for governor.",
                 {("Eastvale Ledger", "Tom Ruiz", "endorses"), ("Eastvale Ledger", "Dana Cole", "endorses")},
                 id="chooses-a-over-b"),
    pytest.param("The Eastvale Ledger chose Tom Ruiz as its reporter of the year before the mayoral race.", set(),
                 id="choosing-without-a-rival-is-no-stance"),
    pytest.param("Tom Ruiz is the candidate the Eastvale Nurses Union endorsed in the mayoral race.",
                 {("Eastvale Nurses Union", "Tom Ruiz", "endorses")}, id="relative-clause-without-relative-word"),
    pytest.param("Tom Ruiz, the candidate the Eastvale Nurses Union backed, spoke at the mayoral debate.",
                 {("Eastvale Nurses Union", "Tom Ruiz", "endorses")}, id="appositive-with-relative-clause"),
    pytest.param("The Eastvale Nurses Union will back the candidate voters choose in the mayoral race.",
                 {("Eastvale Nurses Union", None, "will_endorse")}, id="a-candidate-yet-to-be-chosen"),
    pytest.param("The Eastvale Nurses Union was the first to endorse Tom Ruiz in the mayoral race.",
                 {("Eastvale Nurses Union", "Tom Ruiz", "endorses")}, id="the-first-to-endorse"),
    pytest.param("Tom Ruiz was the latest to receive the endorsement of the Eastvale Nurses Union in the mayoral race.",
                 {("Eastvale Nurses Union", "Tom Ruiz", "endorses")}, id="the-latest-to-receive"),
    pytest.param("Tom Ruiz leads the mayoral race. Endorsements from the Eastvale Nurses Union and the Harbor "
                 "Workers Union helped propel his campaign.",
                 {("Eastvale Nurses Union", "Tom Ruiz", "endorses"), ("Harbor Workers Union", "Tom Ruiz", "endorses")},
                 id="endorsements-helped-his-campaign"),
    pytest.param("In the mayoral race, one union broke from the pack, as the Harbor Workers Union announced its "
                 "support for Pery Chico.", {("Harbor Workers Union", "Pery Chico", "endorses")},
                 id="a-person-ner-takes-for-a-place"),
    pytest.param("The Eastvale Nurses Union opted for Tom Ruiz over Ana Vega in the mayoral primary.",
                 {("Eastvale Nurses Union", "Tom Ruiz", "endorses")}, id="opted-for"),
    pytest.param("Several unions, including the Eastvale Nurses Union, instead opted to back Tom Ruiz for mayor.",
                 {("Eastvale Nurses Union", "Tom Ruiz", "endorses")}, id="to-back-tagged-adjective"),
    pytest.param("The Eastvale Nurses Union has yet to formally back Tom Ruiz.",
                 {("Eastvale Nurses Union", "Tom Ruiz", "undecided")}, id="yet-to-back-tagged-adverb"),
    pytest.param("The mood led to the primary defeats of Dana Wells, who had been backed by Senate Leader Mark Halden.",
                 {("Mark Halden", "Dana Wells", "endorses")}, id="who-clause-hung-on-a-common-noun"),
    pytest.param("Also joining him will be Halden's son, Rep. Mark Halden, D-R.I., who will also endorse Tom Ruiz.",
                 {("Mark Halden", "Tom Ruiz", "will_endorse")}, id="who-after-a-party-and-state-tag"),
    pytest.param("HARWICH, Vt. (AP) - Vermont's largest nurses' union on Sunday backed Tom Ruiz's run for the "
                 "Democratic nomination. The Green Mountain Nurses Association announced the decision on Monday.",
                 {("Green Mountain Nurses Association", "Tom Ruiz", "endorses")}, id="dateline-then-a-place-possessor"),
    pytest.param("The Eastvale Herald endorsed Republican Mike Hale against Democrat Ann Cole for lieutenant governor, "
                 "Republican Jay Ames against Democrat Yuri Fane for secretary of state, and Republican Scott Finn for "
                 "treasurer.",
                 {("Eastvale Herald", "Mike Hale", "endorses"), ("Eastvale Herald", "Jay Ames", "endorses"),
                  ("Eastvale Herald", "Scott Finn", "endorses")}, id="office-slate-with-opponents"),
    pytest.param("Mark Halden endorsed Tom Ruiz for mayor and Ann Cole for council.",
                 {("Mark Halden", "Tom Ruiz", "endorses"), ("Mark Halden", "Ann Cole", "endorses")},
                 id="office-slate-of-two"),
    pytest.param("The Eastvale Police Union has 3,000 members. The union backed losers Tom Ruiz in 2010 and Dana Wells "
                 "in 2014.",
                 {("Eastvale Police Union", "Tom Ruiz", "endorses"), ("Eastvale Police Union", "Dana Wells", "endorses")},
                 id="time-slate"),
    pytest.param("Sens. Mark Halden and Paul Ferris back Tom Ruiz.",
                 {("Mark Halden", "Tom Ruiz", "endorses"), ("Paul Ferris", "Tom Ruiz", "endorses")},
                 id="present-back-tagged-adverb-between-names"),
    pytest.param("The Eastvale Nurses Union, which supported Mark Halden in the primary, endorsed Tom Ruiz in May.",
                 {("Eastvale Nurses Union", "Mark Halden", "endorses"), ("Eastvale Nurses Union", "Tom Ruiz", "endorses")},
                 id="no-slate-across-a-verb"),
    pytest.param("Sens. Mark Halden (R-Ark.) and Paul Ferris (R-S.D.) back Tom Ruiz.",
                 {("Mark Halden", "Tom Ruiz", "endorses"), ("Paul Ferris", "Tom Ruiz", "endorses")},
                 id="present-back-after-party-state-tags"),
    pytest.param("Mark Halden endorsed Tom Ruiz for mayor and Ann Cole praised him.",
                 {("Mark Halden", "Tom Ruiz", "endorses")}, id="no-slate-without-a-second-office"),
    pytest.param("So far, Mark Halden is the sole ex-mayor of the county to endorse Tom Ruiz.",
                 {("Mark Halden", "Tom Ruiz", "endorses")}, id="the-only-governor-to-endorse"),
    pytest.param("The goal is the first step to endorse Tom Ruiz.", set(), id="no-one-described-by-the-copula"),
    pytest.param("Democratic Rep. Mark Halden also came out for Tom Ruiz as the campaign nears its end.",
                 {("Mark Halden", "Tom Ruiz", "endorses")}, id="came-out-for"),
    pytest.param("Mark Halden came for the rally with Tom Ruiz.", set(), id="came-for-without-out"),
    pytest.param("The Eastvale Nurses Union is recommending three candidates, including Justice Ann Cole.",
                 {("Eastvale Nurses Union", "Ann Cole", "endorses")}, id="generic-object-including-a-name"),
    pytest.param("The Eastvale Nurses Union gave Dana Wells its endorsement in the mayoral race on Monday.",
                 {("Eastvale Nurses Union", "Dana Wells", "endorses")}, id="gave-x-its-endorsement"),
    pytest.param("Tom Ruiz has collected a lengthening list of endorsements from old opponents, including Mayor Mark "
                 "Halden and Sen. Paul Ferris.",
                 {("Mark Halden", "Tom Ruiz", "endorses"), ("Paul Ferris", "Tom Ruiz", "endorses")},
                 id="list-of-endorsements-including"),
    pytest.param("Tom Ruiz has collected a string of endorsements from the Eastvale Nurses Union and the Westfield "
                 "Teachers Union.",
                 {("Eastvale Nurses Union", "Tom Ruiz", "endorses"), ("Westfield Teachers Union", "Tom Ruiz", "endorses")},
                 id="string-of-endorsements-from"),
    pytest.param("Tom Ruiz entered the mayoral runoff with endorsements from council members Mark Halden and Paul Ferris.",
                 {("Mark Halden", "Tom Ruiz", "endorses"), ("Paul Ferris", "Tom Ruiz", "endorses")},
                 id="entered-with-endorsements-from"),
    pytest.param("Tom Ruiz won the mayoral primary with the backing of the Eastvale Nurses Union.",
                 {("Eastvale Nurses Union", "Tom Ruiz", "endorses")}, id="won-with-the-backing-of"),
    pytest.param("Tom Ruiz met with the endorsement committee of the Eastvale Nurses Union before the primary.",
                 set(), id="met-with-an-endorsement-committee"),
    pytest.param("Former premier Mark Halden made calls to delegates on behalf of Tom Ruiz before the preselection.",
                 {("Mark Halden", "Tom Ruiz", "endorses")}, id="calls-on-behalf-of"),
    pytest.param("Mark Halden, speaking on behalf of Tom Ruiz, declined to comment on the mayoral race.",
                 set(), id="speaking-on-behalf-of-is-no-endorsement"),
    pytest.param("Tom Ruiz is running for mayor. Mark Halden campaigned on behalf of Mr Ruiz in the final week.",
                 {("Mark Halden", "Tom Ruiz", "endorses")}, id="undotted-mr"),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_sentence_classes(nlp, text, expected):
    assert loose(nlp, text) == expected


def test_organisation_abbreviations_are_written_out():
    assert expand_organization_abbreviations("Nevada Nurses Assn.") == "Nevada Nurses Association"
    assert expand_organization_abbreviations("Nat'l Rifle Assn.") == "National Rifle Association"
    assert expand_organization_abbreviations("Fed Watchers") == "Fed Watchers"  # no period: a word
