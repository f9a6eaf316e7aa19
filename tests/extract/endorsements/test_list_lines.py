"""Endorsements given as lines under a cue line (extract/endorsements/list_lines.py):
endorsers listed under the candidate they back, a slate of race lines under its
endorser or an editorial's "we", measure verdict lines, and backers grouped under
candidate headings. Invented texts; each runs the whole pipeline (cue scan included),
so a list line the scan blanked would fail too.
"""
from __future__ import annotations

from endorsetrack.extract.endorsements.list_lines import _trailing_name
from helpers.extraction import run


def pairs(text: str, nlp) -> set[tuple[str, str | None, str]]:
    return {(e.endorser, e.candidate, e.stance) for e in run(nlp, text).endorsements}


def test_lines_under_a_cue_naming_the_candidate_are_its_endorsers(nlp):
    text = ("Marisol Ortega has won the support of most county sheriffs in the governor's race.\n\n"
            "Here is the full list of the sheriffs endorsing Marisol Ortega:\n\n"
            "— Alder County Sheriff Tomas Brennan\n\n"
            "— Birch County Sheriff Helena Voss\n\n"
            "— Cedar County Sheriff Raymond Okafor\n")
    found = pairs(text, nlp)
    for sheriff in ("Tomas Brennan", "Helena Voss", "Raymond Okafor"):
        assert (sheriff, "Marisol Ortega", "endorses") in found


def test_race_lines_under_an_editorial_voice_are_the_papers_picks(nlp):
    text = ("The Valley Courier editorial board interviewed the candidates. Here are the people we "
            "back, race by race.\n\n"
            "Statewide Offices\n\n"
            "Governor: Lena Whitcombe\n\n"
            "Land Commissioner: Oskar Lindqvist\n\n"
            "Court of Appeals, Place 3: No endorsement\n")
    found = {(c, s) for _, c, s in pairs(text, nlp)}
    assert ("Lena Whitcombe", "endorses") in found
    assert ("Oskar Lindqvist", "endorses") in found
    assert (None, "declines") in found


def test_measure_verdict_lines_are_stances_on_the_measures(nlp):
    text = ("Here are the recommendations of the Harbor Tribune Editorial Board for measures on the "
            "November ballot:\n\n"
            "Proposition 31 (School facilities bond): Yes\n\n"
            "Proposition 32 (Rent limits): No\n\n"
            "Proposition 33 (Transit tax): No\n")
    found = {(c, s) for _, c, s in pairs(text, nlp)}
    assert ("Proposition 31", "endorses") in found
    assert ("Proposition 32", "opposes") in found
    assert ("Proposition 33", "opposes") in found


def test_office_and_name_lines_under_an_organisations_cue(nlp):
    text = ("The Riverbend Ministers Alliance has issued the following city endorsements.\n\n"
            "Mayor Corinne Aldous\n\n"
            "District 1 Victor Pellham (unopposed)\n\n"
            "District 2 Simone Achterberg\n")
    found = pairs(text, nlp)
    for name in ("Corinne Aldous", "Victor Pellham", "Simone Achterberg"):
        assert ("Riverbend Ministers Alliance", name, "endorses") in found


def test_backers_grouped_under_counted_candidate_headings(nlp):
    text = ("Party members need the backing of twenty colleagues to enter the leadership contest. "
            "The following list shows each candidate and the members nominating them.\n\n"
            "Harriet Quennell (3)\n\n"
            "Douglas Ferrante\n\n"
            "Imogen Saltash\n\n"
            "Peter Ravenhall\n\n"
            "Gideon Marwood (2)\n\n"
            "Fiona Trelawny\n\n"
            "Edmund Keswick\n")
    found = pairs(text, nlp)
    for backer in ("Douglas Ferrante", "Imogen Saltash", "Peter Ravenhall"):
        assert (backer, "Harriet Quennell", "endorses") in found
    for backer in ("Fiona Trelawny", "Edmund Keswick"):
        assert (backer, "Gideon Marwood", "endorses") in found
    assert not any(c == "Harriet Quennell" and e in ("Fiona Trelawny", "Edmund Keswick") for e, c, _ in found)


def test_backers_grouped_under_headings_the_prose_named(nlp):
    text = ("Three figures are emerging in the race: Caroline Ashdown, Rupert Vale and Miriam Holt.\n\n"
            "Here is a rundown of the members backing each of them:\n\n"
            "Caroline Ashdown\n\n"
            "Nathaniel Pryor\n\n"
            "Agnes Whitlow\n\n"
            "Rupert Vale\n\n"
            "Bernard Coyle\n\n"
            "Lucinda Fairbairn\n")
    found = pairs(text, nlp)
    assert ("Nathaniel Pryor", "Caroline Ashdown", "endorses") in found
    assert ("Agnes Whitlow", "Caroline Ashdown", "endorses") in found
    assert ("Bernard Coyle", "Rupert Vale", "endorses") in found
    assert ("Lucinda Fairbairn", "Rupert Vale", "endorses") in found
    assert not any(e == "Rupert Vale" for e, _, _ in found)


def test_a_single_name_line_under_a_cue_is_no_list(nlp):
    text = ("The Teachers Federation endorsed Marisol Ortega on Tuesday, and here is the statement below:\n\n"
            "Hector Blanchard\n\n"
            "The federation represents 40,000 teachers across the state and has backed the party's "
            "nominee in every race for governor since the federation was founded decades ago.\n")
    found = pairs(text, nlp)
    assert not any(e == "Hector Blanchard" for e, _, _ in found)


def test_paragraphs_opening_with_a_measure_verdict_under_a_cue(nlp):
    text = ("The Harbor Tribune has weighed each bond measure and recommends the following:\n\n"
            "Proposition 4A: Yes. This transit bond would repair the region's aging rail lines and "
            "bridges, and its oversight provisions are sound enough to win our support this year.\n\n"
            "Proposition 4B: No. This housing bond spreads its dollars too thinly to do the good it promises, "
            "and less than half of it would reach the projects its backers describe to voters.\n")
    found = {(c, s) for _, c, s in pairs(text, nlp)}
    assert ("Proposition 4A", "endorses") in found
    assert ("Proposition 4B", "opposes") in found


def test_measure_heading_over_an_editorial_paragraph_ending_in_its_verdict(nlp):
    text = ("Our View: a guide to the state propositions\n\n"
            "Here are our editorial board's recommendations:\n\n"
            "Prop 71\n\n"
            "This measure would borrow $3 billion for flood control over twenty years, and the state "
            "can carry that debt without cutting schools. We recommend: Yes\n\n"
            "Prop 72\n\n"
            "This measure would extend a temporary tax for another decade, and temporary taxes should "
            "stay temporary. We recommend: No\n")
    found = {(c, s) for _, c, s in pairs(text, nlp)}
    assert ("Proposition 71", "endorses") in found
    assert ("Proposition 72", "opposes") in found


def test_our_endorsement_went_to_is_the_named_papers_pick(nlp):
    text = ("Here is a recap of the editorial endorsements that appeared in the Harbor Gazette:\n\n"
            "Governor: Incumbent Lena Whitcombe faces Oskar Lindqvist, a former state senator.\n\n"
            "Our endorsement went to Lena Whitcombe for her steady handling of the state budget.\n")
    found = pairs(text, nlp)
    assert ("Harbor Gazette", "Lena Whitcombe", "endorses") in found
    assert not any(c == "Oskar Lindqvist" for _, c, _ in found)


def test_a_recap_naming_no_paper_gives_no_endorser_for_our(nlp):
    text = ("We recommend reading every voter guide.\n\n"
            "Our endorsement went to Lena Whitcombe for her steady handling of the state budget.\n")
    assert not any(c == "Lena Whitcombe" for _, c, _ in pairs(text, nlp))


def test_labelled_group_lines_under_a_candidate_heading_back_that_candidate(nlp):
    text = ("Endorsements are piling up in the race for mayor of Port Ellery, where Dana Whitlock and "
            "Marcus Ferreira are the leading candidates.\n\n"
            "DANA WHITLOCK (Democrat)\n\n"
            "State legislators: state Sens. Olivia Brandt and Tobias Karlsson, Council Member Ines "
            "Varga-Holt, Comptroller Felix Adebayo\n\n"
            "MARCUS FERREIRA (Republican)\n\n"
            "Local leaders: former Mayor Harold Quist, Assembly Member Rosalind Baptiste\n")
    found = pairs(text, nlp)
    for backer in ("Olivia Brandt", "Tobias Karlsson", "Ines Varga-Holt", "Felix Adebayo"):
        assert (backer, "Dana Whitlock", "endorses") in found
    for backer in ("Harold Quist", "Rosalind Baptiste"):
        assert (backer, "Marcus Ferreira", "endorses") in found
    assert not any(c == "Dana Whitlock" and e in ("Harold Quist", "Rosalind Baptiste") for e, c, _ in found)


def test_a_list_of_backers_under_a_counted_heading(nlp):
    text = ("Members of the party caucus have begun to declare whom they back to succeed the leader.\n\n"
            "Eleanor Whitcombe – backers: 4\n\n"
            "The former treasurer launched her campaign on Monday with a speech in her home town.\n\n"
            "Every backer so far: Gregory Pannett, Lucille Ambrose, Hamish Tolland, Priya Castellane\n")
    found = pairs(text, nlp)
    for backer in ("Gregory Pannett", "Lucille Ambrose", "Hamish Tolland", "Priya Castellane"):
        assert (backer, "Eleanor Whitcombe", "endorses") in found


def test_a_tags_line_under_a_candidate_heading_names_no_backers(nlp):
    text = ("The campaign for governor heated up this week as new endorsements arrived.\n\n"
            "Dana Whitlock (Democrat)\n\n"
            "Tags: Dana Whitlock, Marcus Ferreira, Olivia Brandt\n")
    found = pairs(text, nlp)
    assert not any(e in ("Marcus Ferreira", "Olivia Brandt") for e, _, _ in found)


def test_a_bare_name_heading_over_labelled_lines_and_a_line_of_names_alone(nlp):
    text = ("Endorsements are piling up in the race for mayor of Port Ellery.\n\n"
            "Dana Whitlock\n\n"
            "Unions: Harbor Pilots Association, Ellery Nurses Guild\n\n"
            "Marcus Ferreira (R)\n\n"
            "Harold Quist, Rosalind Baptiste, Tobias Karlsson\n")
    found = pairs(text, nlp)
    for backer in ("Harbor Pilots Association", "Ellery Nurses Guild"):
        assert (backer, "Dana Whitlock", "endorses") in found
    for backer in ("Harold Quist", "Rosalind Baptiste", "Tobias Karlsson"):
        assert (backer, "Marcus Ferreira", "endorses") in found


def test_a_bare_name_line_over_prose_heads_no_section(nlp):
    text = ("Endorsements are piling up in the race for mayor of Port Ellery.\n\n"
            "Dana Whitlock\n\n"
            "The candidate toured the harbor district on Monday with her family.\n\n"
            "Harold Quist, Rosalind Baptiste, Tobias Karlsson\n")
    found = pairs(text, nlp)
    assert not any(c == "Dana Whitlock" for _, c, _ in found)


def test_a_line_of_rivals_under_a_candidate_heading_names_no_backers(nlp):
    text = ("Voter guide: the candidates for mayor of Port Ellery and their endorsements.\n\n"
            "Dana Whitlock (Democrat)\n\n"
            "Opponents: Marcus Ferreira, Olivia Brandt\n\n"
            "Endorsements: Harold Quist, Rosalind Baptiste\n")
    found = pairs(text, nlp)
    assert ("Harold Quist", "Dana Whitlock", "endorses") in found
    assert not any(e in ("Marcus Ferreira", "Olivia Brandt") for e, _, _ in found)


def test_arrow_lines_give_each_person_their_candidate(nlp):
    text = ("Since Marisol Ortega quit the primary, the mayors on her side have moved on. The race is now "
            "between Maria Vega and Tom Reyes, and the endorsements are shifting.\n\n"
            "● Dana Cole, Mayor, City of Eastvale >>> Vega\n\n"
            "● Victor Pellham, Mayor, City of Northmoor >>> Reyes\n\n"
            "● Simone Achterberg, Mayor, City of Westport >>> Vega\n")
    found = pairs(text, nlp)
    assert ("Dana Cole", "Maria Vega", "endorses") in found
    assert ("Simone Achterberg", "Maria Vega", "endorses") in found
    assert ("Victor Pellham", "Tom Reyes", "endorses") in found
    assert not any("Eastvale" in e or "Northmoor" in e for e, _, _ in found)


def test_a_flattened_table_row_of_tagged_names_gives_each_its_district(nlp):
    text = ("The Harbor Greens Council has made its picks for Congress this year, and the Harbor Greens "
            "Council endorses the following candidates:\n\n"
            "Oregon Delia Fenwick (D)\n\n"
            "Ohio 3 Marten Ashby (D)\n\n"
            "Ohio 5 Corliss Amberly (D) 7 Petra Lindgrove (D) 9 Waldo Keswick (R) 11 Ilse Marchetti (D) "
            "12 Rowan Tesch (D) 14 Nadia Quarrel (D)\n")
    result = run(nlp, text)
    races = {e.candidate: e.race for e in result.endorsements if e.endorser == "Harbor Greens Council"}
    for name in ("Marten Ashby", "Corliss Amberly", "Petra Lindgrove", "Waldo Keswick", "Nadia Quarrel"):
        assert name in races
    assert races["Petra Lindgrove"] is not None and races["Petra Lindgrove"].endswith("U.S. House, Ohio 7")
    assert races["Marten Ashby"] is not None and races["Marten Ashby"].endswith("U.S. House, Ohio 3")


def test_a_table_goes_on_after_a_sidebar_about_one_of_its_candidates(nlp):
    text = ("The Harbor Greens Council endorses the following candidates for the Senate and the House:\n\n"
            "Oregon Delia Fenwick (D)\n\n"
            "Nevada Tobias Brannigan (D)\n\n"
            "Delia Fenwick\n\n"
            "Delia Fenwick has spent two terms in the state senate writing water rules that farmers and "
            "anglers alike have come to trust, and she now runs for an open seat against a well-funded rival.\n\n"
            "Ohio 4 Marten Ashby (D)\n\n"
            "Ohio 5 Corliss Amberly (D) 7 Petra Lindgrove (D)\n")
    found = pairs(text, nlp)
    for name in ("Tobias Brannigan", "Marten Ashby", "Corliss Amberly", "Petra Lindgrove"):
        assert ("Harbor Greens Council", name, "endorses") in found


def test_a_backer_line_keeps_its_own_given_name_when_another_candidate_shares_the_surname(nlp):
    text = ("Party members need the backing of twenty colleagues to enter the leadership contest. "
            "Harriet Quennell and Gideon Ferrante are on the ballot. "
            "The following list shows each candidate and the members nominating them.\n\n"
            "Harriet Quennell (3)\n\n"
            "Douglas Ashcombe MP for Eastmoor\n\n"
            "Winifred Ferrante MP for Lowbridge North\n\n"
            "Peter Ravenhall MP for Saltash\n")
    found = pairs(text, nlp)
    assert ("Winifred Ferrante", "Harriet Quennell", "endorses") in found
    assert ("Gideon Ferrante", "Harriet Quennell", "endorses") not in found


def test_a_backer_lines_aside_names_its_picks_in_other_contests(nlp):
    text = ("Local branches nominate a leadership candidate at their meetings. "
            "The following list shows each candidate and the branches nominating them.\n\n"
            "Harriet Quennell (3)\n\n"
            "Eastmoor (nominated Gideon Marwood in 2015; Fiona Trelawny in 2016)\n\n"
            "Lowbridge North (did not nominate in 2015)\n\n"
            "Saltash Vale (nominated Harriet Quennell in 2015)\n")
    result = run(nlp, text)
    picks = {(e.endorser, e.candidate): e for e in result.endorsements}
    assert ("Eastmoor", "Harriet Quennell") in picks
    assert ("Eastmoor", "Gideon Marwood") in picks and ("Eastmoor", "Fiona Trelawny") in picks
    assert "2015" in (picks["Eastmoor", "Gideon Marwood"].race or "")
    assert not any(e.endorser == "Lowbridge North" and e.candidate != "Harriet Quennell" for e in result.endorsements)


def test_a_heading_naming_a_candidates_endorsers_lists_her_backers(nlp):
    text = ("Since my last count of these endorsements, Senator Karen Whitfield has left the race for the "
            "nomination, and the mayors who backed her are choosing again.\n\n"
            "Whitfield endorsers and where they went:\n\n"
            "● Robert Hale, Mayor, City of Alder Falls >>> Porter\n\n"
            "● Linda Moss, Mayor, City of Birchport >>> Porter\n\n"
            "● David Crane, Mayor, City of Cedar Bay >>> Lambert\n")
    found = pairs(text, nlp)
    for mayor in ("Robert Hale", "Linda Moss", "David Crane"):
        assert any(e == mayor and c in ("Whitfield", "Karen Whitfield") for e, c, _ in found)


def test_a_slate_line_names_a_candidate_by_initials_and_a_surname(nlp):
    text = ("The Valley Courier editorial board interviewed the candidates. Here are the people we "
            "back, race by race.\n\n"
            "Court of Appeals, Place 2: Lena Whitcombe\n\n"
            "Court of Appeals, Place 4: T.J. Varnholt\n\n"
            "Court of Appeals, Place 6: Oskar Lindqvist\n")
    found = {c for _, c, _ in pairs(text, nlp)}
    assert "T.J. Varnholt" in found


def test_a_backer_lines_quoted_nickname_is_no_part_of_the_name(nlp):
    text = ("Marisol Ortega has won the support of most county sheriffs in the governor's race.\n\n"
            "Here is the full list of the sheriffs endorsing Marisol Ortega:\n\n"
            "— Alder County Sheriff Tomas Brennan\n\n"
            '— Birch County Sheriff Helena "Lena" Voss\n\n'
            "— Cedar County Sheriff Raymond Okafor\n")
    found = pairs(text, nlp)
    assert any(e.replace('"Lena" ', "").endswith("Helena Voss") and c == "Marisol Ortega" for e, c, _ in found)


def test_a_no_endorsement_line_is_about_the_race_its_label_names(nlp):
    text = ("The Valley Courier editorial board interviewed the candidates for Ohio offices. Here are the "
            "people we back, race by race.\n\n"
            "Governor: Lena Whitcombe\n\n"
            "Land Commissioner: Oskar Lindqvist\n\n"
            "Court of Appeals, Place 3: No endorsement\n")
    declined = [e for e in run(nlp, text).endorsements if e.stance == "declines"]
    assert declined and all("Court of Appeals, Place 3" in (e.race or "") for e in declined)


def test_two_capitals_before_a_word_are_an_acronym_not_a_person_s_initials():
    assert [_trailing_name(line) for line in ("Governor: QX Gazette", "Mayor: ZR Photo", "Council: BW News")] \
        == [None, None, None]
    assert [_trailing_name(line) for line in ("Governor: Q.X. Welkerton", "Mayor: Q. X. Welkerton")] \
        == ["Q.X. Welkerton", "Q. X. Welkerton"]
