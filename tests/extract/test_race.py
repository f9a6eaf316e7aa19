"""Which race a stance is about: office, place and election year (extract/race.py)."""
from datetime import date

from endorsetrack.extract.race import RaceIndex, before_nominations, district_label, line_label, next_election


def test_the_election_year_is_the_next_one_of_the_office_cycle():
    assert next_election(2015, "presidential") == 2016
    assert next_election(2016, "presidential") == 2016
    assert next_election(2017, "even") == 2018
    assert next_election(2017, "governor", "Michigan") == 2018
    assert next_election(2020, "governor", "Virginia") == 2021
    assert next_election(2019, "annual") == 2019


def test_a_senate_race_in_an_odd_published_year_is_next_years():
    race = RaceIndex("The union endorsed Mara Quill in the U.S. Senate race in Ohio.", "2021-06-01")
    assert race.race_for("Mara Quill") == "2022 U.S. Senate, Ohio"


def test_a_dateless_article_takes_the_year_its_url_names():
    race = RaceIndex("Backers lined up for governor in Iowa.", None, "https://paper.example/2014/05/backers", None)
    assert race.race_for(None, "governor") == "2014 governor, Iowa"


def test_west_virginia_is_not_counted_as_virginia():
    race = RaceIndex("West Virginia teachers backed Lee Harmon for governor. West Virginia votes in May; "
                     "Virginia does not.", "2016-03-01")
    assert race.place == "West Virginia"


def test_a_mayors_race_names_its_city_and_state():
    race = RaceIndex("DENVER (AP) — The Denver mayoral race drew a crowd as unions endorsed Ana Ruiz for mayor "
                     "of Denver, Colorado's capital.", "2023-04-02")
    assert race.race_for("Ana Ruiz") == "2023 mayor, Denver, Colorado"


def test_an_article_that_only_mentions_an_office_still_names_it():
    race = RaceIndex("The sheriff's deputies union withdrew its support. The sheriff faces voters in Lake County.",
                     "2018-02-01")
    assert race.dominant == "sheriff"
    assert race.race_for(None, "sheriff").startswith("2018 sheriff, Lake County")


def test_a_party_leadership_contest_is_its_own_race():
    race = RaceIndex("The union backed Nell Parr in the Labour leadership race, a vote of British party members.",
                     "2020-02-01")
    assert race.race_for("Nell Parr") == "2020 UK party leadership, United Kingdom"


def test_a_parliamentary_election_is_named_by_its_country():
    race = RaceIndex("The paper endorsed the Liberals for the federal election, saying Canadians want change.",
                     "2015-10-10")
    assert race.race_for(None, "federal election") == "2015 Canadian federal election, Canada"


def test_a_ballot_measure_race_names_its_year_and_state():
    race = RaceIndex("Voters in Oregon decide Measure 12 in November.", "2014-09-01")
    assert race.race_for_measure("Measure 12") == "2014 Measure 12, Oregon"


def test_a_council_title_before_mayor_is_no_city():
    race = RaceIndex("City Council President Ora Lind's mayoral campaign gained the backing of Tulsa's firefighters. "
                     "The Tulsa mayor race is open.", "2024-03-03")
    assert race.locality == "Tulsa"


def test_a_dateless_article_counts_from_the_latest_year_it_names():
    race = RaceIndex("He lost in 2008. Now, in 2015, unions back him for president.", None)
    assert race.year_for("president") == 2016


def test_a_party_named_leadership_is_the_contest_an_article_is_about():
    race = RaceIndex("More MPs are backing Ada Voss for the Tory leadership. Voss leads Ben Crale among colleagues.",
                     "2019-06-01")
    assert race.dominant == "party leadership"
    assert race.race_for("Ada Voss") == "2019 party leadership"


def test_a_bid_to_be_a_party_leader_names_the_leadership_contest():
    race = RaceIndex("The union nominated Tom Rusk for Labour deputy leader after a ballot of its members.",
                     "2021-03-01")
    assert race.race_for("Tom Rusk") == "2021 party leadership"


def test_a_party_leader_title_alone_names_no_contest():
    race = RaceIndex("The paper said Labour leader Tom Rusk has fought hard to change his party.", "2021-03-01")
    assert race.dominant is None


def test_another_countrys_senate_is_not_the_us_senate():
    race = RaceIndex("Manila church leaders endorsed Rosa Dimalanta for the Senate, as Filipinos prepare to vote.",
                     "2025-04-01")
    assert race.race_for("Rosa Dimalanta") == "2025 Philippine Senate, Philippines"


def test_a_us_senate_race_in_a_state_stays_the_us_senate():
    race = RaceIndex("Ohio unions endorsed Mara Quill for the Senate; a British visitor watched.", "2021-06-01")
    assert race.race_for("Mara Quill") == "2022 U.S. Senate, Ohio"


def test_a_roundup_line_names_its_own_office():
    assert line_label("Attorney General: Nell Parr", "Nell Parr") == "Attorney General"
    assert line_label("Ward 3 Tom Rusk (unopposed)", "Tom Rusk") == "Ward 3"
    assert line_label("5th Court of Appeals, Place 4: Ada Voss.", "Ada Voss") == "5th Court of Appeals, Place 4"


def test_a_state_and_a_number_before_a_name_label_a_house_district():
    assert line_label("Ohio 6 Nell Parr (D)", "Nell Parr") == "U.S. House, Ohio 6"
    assert district_label("New Mexico 2") == "U.S. House, New Mexico 2"
    assert district_label("Riverton 2") is None  # no state: a city's seat, not a congressional district


def test_a_district_label_race_keeps_its_own_state():
    race = RaceIndex("Our picks for Oregon voters.\nOhio 6 Nell Parr (D)", "1998-10-01")
    assert race.race_of_line_label("U.S. House, Ohio 6") == "1998 U.S. House, Ohio 6"


def test_a_title_or_a_sentence_before_a_name_is_no_line_label():
    assert line_label("Senator Nell Parr", "Nell Parr") is None
    assert line_label("The union endorsed Nell Parr for treasurer.", "Nell Parr") is None


def test_a_line_label_race_takes_the_articles_state_and_year():
    race = RaceIndex("Our picks for Ohio voters.\nTreasurer: Nell Parr", "2022-10-01")
    assert race.race_of_line_label("Treasurer") == "2022 Treasurer, Ohio"


def test_a_city_election_names_the_city_of_its_local_races():
    race = RaceIndex("Recommendations for the Riverton City Election\nDistrict 2 Nell Parr", "2021-02-01")
    assert race.locality == "Riverton"
    assert race.race_of_line_label("District 2") == "2021 District 2, Riverton"


def test_a_dateless_article_s_election_comes_after_the_years_it_tells_as_history():
    race = RaceIndex("The governor of Ohio will not back Cal Renner. Voters there picked the party's nominee "
                     "in 2008 and 2012 by wide margins, as Renner won the state both times.", None)
    assert race.year_for("president") == 2016


def test_a_year_told_as_the_coming_election_stays_current():
    race = RaceIndex("Dora Pell lost a House race long ago. She will run for the House in 2014, and the "
                     "carpenters back her.", None)
    assert race.year_for("U.S. House") == 2014


def test_a_past_verb_in_another_clause_does_not_make_a_year_history():
    race = RaceIndex("Members were split over whether the union should keep talking about issues tied to the "
                     "coming months, as the 2020 campaign for president heats up.", None)
    assert race.year_for("president") == 2020


def test_a_list_endorsed_for_senators_is_a_senate_race():
    race = RaceIndex("The church group also backs the following for senators: Lito Maranan, Ines Dacut and "
                     "Bert Lacson. Its pick for president was announced first.", "2022-04-20")
    assert race.evidence_for("Ines Dacut")[0] == "U.S. Senate"


def test_a_state_senator_list_is_no_senate_race():
    race = RaceIndex("The teachers endorsed Ana Pell for state senators' caucus chair.", "2022-04-20")
    assert race.evidence_for("Ana Pell")[0] != "U.S. Senate"


def test_support_given_early_in_the_election_year_is_in_the_nominating_season():
    assert before_nominations("2024 president", "2024-01-20")
    assert before_nominations("2022 governor, Ohio", "2021-10-05")


def test_support_given_from_spring_of_the_election_year_may_be_for_november():
    assert not before_nominations("2024 president", "2024-06-20")
    assert not before_nominations("2022 governor, Ohio", "2022-09-01")


def test_foreign_national_measure_and_yearless_races_have_no_nominating_season():
    assert not before_nominations("2022 Philippine Senate", "2022-01-10")
    assert not before_nominations("2015 Canadian federal election", "2015-01-10")
    assert not before_nominations("2015 Canadian federal election, Canada", "2015-01-10")
    assert not before_nominations("2014 Measure 12, Oregon", "2014-01-10")
    assert not before_nominations("governor, Ohio", "2021-10-05")


def test_an_article_two_cycles_early_says_nothing_of_the_season():
    assert not before_nominations("2024 U.S. Senate, Ohio", "2022-01-10")


def test_a_city_named_only_by_its_police_union_is_the_mayoral_race_s_city():
    race = RaceIndex("The Harbor City Police Officers Association stayed out of the mayor's race. Harbor City "
                     "Police officers had backed the incumbent before.", "2021-04-13")
    assert race.race_for(None, "mayor") == "2021 mayor, Harbor City"


def test_a_candidate_s_possessive_is_no_city():
    race = RaceIndex("Unions threw their support behind Ana Quill's mayoral campaign on Monday. Quill thanked "
                     "them.", "2025-05-01")
    assert race.locality is None


def test_a_state_s_police_union_is_no_city():
    race = RaceIndex("The Ohio Police union backed Ted Marr in the race for sheriff.", "2022-05-01")
    assert race.locality is None


def test_a_title_case_heading_s_police_body_is_no_city():
    race = RaceIndex("Reyes Wins Benevolent Order Of Police Backing In Mayor Race\n\nThe union backed Tom Reyes "
                     "for mayor.", "2011-02-01")
    assert race.locality is None


def test_history_years_do_not_move_a_race_of_no_fixed_cycle():
    race = RaceIndex("In 2015, the union endorsed Ada Voss for the leadership. It backs Ben Crale in the "
                     "leadership contest.", None)
    assert race.year_for("party leadership") == 2015


def test_a_state_named_with_the_candidate_outranks_the_article_s_most_named_state():
    race = RaceIndex("Ohio unions met in Ohio this week. The club backed Iowa 1st District Rep. Tess Varro, "
                     "and it backed Nell Quist (R-Kan.) too. Ohio is next.", "2016-06-01")
    assert race.race_for("Tess Varro", "U.S. House") == "2016 U.S. House, Iowa"
    assert race.race_for("Nell Quist", "U.S. House") == "2016 U.S. House, Kansas"
    assert race.race_for("Omar Penn", "U.S. House") == "2016 U.S. House, Ohio"


def test_a_state_in_another_clause_is_not_the_candidate_s():
    race = RaceIndex("Unions in Texas, which backed others, endorsed Tess Varro for the Senate in Utah. Utah.",
                     "2016-06-01")
    assert race.place_of("Tess Varro") is None


def test_an_office_word_describing_the_candidate_is_the_candidate_s_race():
    race = RaceIndex("Singer Rae Holm took her support for Vermont governor hopeful Ben Strand further. "
                     "The U.S. Senate race drew her too.", "2018-10-01")
    assert race.evidence_for("Ben Strand")[0] == "governor"


def test_an_appositive_after_the_name_describes_the_candidate_s_race():
    race = RaceIndex("The group also endorsed Ada Lind II as the Democratic Lieutenant Governor candidate.",
                     "2018-10-01")
    assert race.evidence_for("Ada Lind")[0] == "lieutenant governor"


def test_another_person_s_description_in_the_sentence_does_not_describe_the_candidate():
    race = RaceIndex("Former presidential nominee Lee Park is backing Ana Ruiz in the race for mayor.",
                     "2018-10-01")
    assert race.evidence_for("Lee Park")[0] == "president"
    assert race.evidence_for("Ana Ruiz")[1] < 4



def test_a_published_year_without_month_dates_the_race():
    race = RaceIndex("Iowa Tess Varro (D) has our endorsement for the Senate.", "1996")
    assert race.race_for("Tess Varro", "U.S. Senate") == "1996 U.S. Senate, Iowa"


def test_state_prefilter_gives_the_full_scan_s_answer():
    from collections import Counter

    from endorsetrack.extract.race import _dominant_state, _state_patterns

    def full_scan(text):  # every state's pattern, as before the substring prefilter
        counts: Counter = Counter()
        for state, pattern in _state_patterns():
            counts[state] += len(pattern.findall(text))
            text = pattern.sub(" ", text)
        best = counts.most_common(1)
        return best[0][0] if best and best[0][1] else None

    for text in ["Voters in West Virginia and Virginia, and in Virginia again.",
                 "Rep. Ana Ruiz (D-Iowa) met Ohio officials; Ohio and Iowa, then Ohio.",
                 "The Mayor of Eastvale spoke.", "", "Sen. Lee Park (R-N.H.) and Gov. Dana Cole (Pa.)"]:
        assert _dominant_state(text) == full_scan(text), text
    assert _dominant_state("Voters in West Virginia and Virginia, and in Virginia again.") == "Virginia"
    assert _dominant_state("The Mayor of Eastvale spoke.") is None


def test_a_stance_sentence_naming_an_election_year_gives_that_year():
    race = RaceIndex("The Quarry Workers union backed Tam Velden for governor of Ohio.", "2021-05-01")
    sentence = "The union also endorsed Tam Velden in his 2018 bid for governor."
    assert race.race_for("Tam Velden", "governor", sentence) == "2018 governor, Ohio"
    # a year that names no election ("a union founded in 2002") leaves the published year's cycle
    assert race.race_for("Tam Velden", "governor", "The union, founded in 2002, backed Tam Velden.") \
        == "2022 governor, Ohio"


def test_a_year_counted_back_from_the_published_year_is_the_stances():
    race = RaceIndex("Ana Ruiz is running for mayor of Eastvale.", "2024-07-01")
    assert race.race_for("Ana Ruiz", "mayor", "Six years ago, the union backed Ana Ruiz.") == "2018 mayor, Eastvale"
    assert race.race_for("Ana Ruiz", "mayor", "Last year the guild endorsed Ana Ruiz.") == "2023 mayor, Eastvale"
    # a relative clause's year belongs to another stance: the published year stands
    assert race.race_for("Ana Ruiz", "mayor", "She won over a guild that two years ago backed her rival.") \
        == "2024 mayor, Eastvale"


def test_a_number_of_a_union_local_is_no_year():
    race = RaceIndex("Members of Local 1984 voted.", "2019-12-01")
    assert race.race_for("Ana Ruiz", "president", "Local 1984 endorsed Ana Ruiz for the 2020 primary.") \
        == "2020 president"
    assert race.race_for("Ana Ruiz", "president", "Members of Local 1984 and their election board backed Ana Ruiz.") \
        == "2020 president"


def test_an_article_naming_no_office_is_about_the_presidency_or_a_foreign_national_election():
    us = RaceIndex("The guild said its members prefer Dara Quent over Lowell Brandt.", "2016-09-01")
    assert us.race_for("Dara Quent") == "2016 president"
    abroad = RaceIndex("In Ottawa, the Canadian daily backed the Liberals over the Conservatives.", "2015-10-10")
    assert abroad.race_for("Liberals") == "2015 Canadian federal election, Canada"


def test_an_article_naming_only_a_city_is_placed_in_its_state():
    race = RaceIndex("The Des Moines chapter of the guild backed Ana Ruiz for governor.", "2018-06-12")
    assert race.race_for("Ana Ruiz", "governor") == "2018 governor, Iowa"


def test_a_local_race_without_a_locality_cue_takes_the_city_the_article_names():
    race = RaceIndex("Candidates courted the Tucson guild. Ana Ruiz wants to be mayor.", "2023-03-01")
    assert race.race_for("Ana Ruiz", "mayor") == "2023 mayor, Tucson, Arizona"


def test_a_url_host_names_the_city_of_a_dateless_measure():
    race = RaceIndex("Vote yes on Measure Q.", None, "https://www.sacramentobee.example/opinion/yes-on-q", None)
    assert race.race_for_measure("Measure Q") == "Measure Q, California"


def test_an_election_held_on_a_tuesday_dates_an_undated_article():
    race = RaceIndex("PROVIDENCE, R.I. — The party endorsed Ana Ruiz for governor, ahead of the Sept. 13 primary.")
    assert race.race_for("Ana Ruiz") == "2022 governor, Rhode Island"  # 2016 is no governor's year; 2022 is


def test_weekday_years_follow_the_office_cycle_and_prefer_the_latest():
    from endorsetrack.extract.race import _election_days, year_of_weekdays

    days = _election_days("Voters go to the polls in the May 10 primary.")
    assert days == ((5, 10, 1),)
    assert year_of_weekdays(days, "even", last_year=2021) == 2016
    assert year_of_weekdays(days, "presidential", last_year=2030) == 2016
    assert year_of_weekdays(_election_days("Thursday, June 9, 2016, the board met."), None, last_year=2023) is None  # dated
    assert year_of_weekdays(_election_days("On Thursday, June 9 the board met."), None, last_year=2023) == 2022
    # a party's caucus is no Tuesday vote, and another country votes on other days
    assert _election_days("Before the Jan. 19 caucuses.") == ()
    assert _election_days("Ahead of the May 9 election.", None) == ()  # a country whose election day is unknown


def test_an_election_noun_before_on_and_a_date_names_a_polling_day():
    from endorsetrack.extract.race import _election_days, year_of_weekdays

    days = _election_days("The council backs Ana Ruiz, who faces a close primary vote on May 14.")
    assert days == ((5, 14, 1),)
    assert year_of_weekdays(days, None, last_year=2025) == 2024  # May 14 was a Tuesday in 2024
    assert _election_days("The runoff takes place on June 3 across the county.") == ((6, 3, 1),)
    # a board's or a union's own vote is no polling day, nor a date in another clause
    assert _election_days("The guild's board vote on June 10 went to Ana Ruiz.") == ()
    assert _election_days("After the election, the guild met on June 10.") == ()


def test_an_undated_article_about_another_countrys_general_election_takes_the_next_one_held():
    text = ("OTTAWA — The Maple Ledger endorsed the Liberal Party of Canada for the federal election. "
            "The Ledger endorsed the New Democrats in 2011, its editors recalled.")
    race = RaceIndex(text)
    assert race.race_for(None, "federal election") == "2015 Canadian federal election, Canada"  # after 2011
    dated = RaceIndex(text, "2019-10-01")
    assert dated.race_for(None, "federal election") == "2019 Canadian federal election, Canada"


def test_west_virginia_before_a_name_is_not_virginia():
    race = RaceIndex("West Virginia Gov. Lee Harmon won the union's backing for governor.", "2016-03-01")
    assert race.place_of("Lee Harmon") == "West Virginia"


def test_a_year_opening_the_sentence_dates_its_stance():
    race = RaceIndex("The guild backs Ana Ruiz for president.", "2024-05-01")
    assert race.race_for("Tom Reyes", "president", "In 2016, the guild endorsed Tom Reyes for president.") \
        == "2016 president"
    # a year inside the sentence with no election noun is not the stance's
    assert race.race_for("Tom Reyes", "president", "The guild, which backed him in 2016, endorsed Tom Reyes.") \
        == "2024 president"


def test_a_measure_or_a_stance_about_no_candidate_takes_its_sentences_election_year():
    race = RaceIndex("Vote no on Measure Q, the Eastvale Tribune says.", "2010-10-20")
    assert race.race_for_measure("Measure Q", "We endorsed Measure Q in that November 2008 election.") == "2008 Measure Q"
    assert race.race_for_measure("Measure Q", "We oppose Measure Q.") == "2010 Measure Q"
    assert race.with_stated_year("2019 mayor, Eastvale", "The guild stayed out of last year's special election.") \
        == "2009 mayor, Eastvale"  # the year before the published one
    assert race.with_stated_year("2019 mayor, Eastvale", "The guild stayed out.") == "2019 mayor, Eastvale"


def test_election_days_outweigh_the_year_of_an_undated_articles_url():
    text = "The guild backed Ana Ruiz for U.S. Senate in North Carolina ahead of the May 4 Democratic primary."
    race = RaceIndex(text, None, "https://tv.example/story/local/2014/12/20/123/", None)
    assert race.race_for("Ana Ruiz") == "2010 U.S. Senate, North Carolina"  # May 4 was a Tuesday in 2010, not 2014
    dated = RaceIndex(text, "2014-03-01")
    assert dated.race_for("Ana Ruiz") == "2014 U.S. Senate, North Carolina"  # a published date stands


def test_a_bid_to_unseat_a_title_holder_names_the_race_for_that_seat():
    text = ("The Thrift Caucus endorsed Ana Ruiz's bid to unseat longtime Sen. Tom Reyes (R-Ind.). "
            "Ruiz, a former Indiana congressman's aide, also has the backing of the Liberty Circle.")
    race = RaceIndex(text, "2011-11-01")
    assert race.race_for("Ana Ruiz") == "2012 U.S. Senate, Indiana"
    assert race.race_for("Tom Reyes") == "2012 U.S. Senate, Indiana"


def test_a_white_house_bid_is_no_house_race():
    race = RaceIndex("Mayor Lee Park backed Ana Ruiz's White House bid after months of waiting. "
                     "Park once ran Ruiz's race for the U.S. Senate.", "2015-10-30")
    assert race.race_for("Ana Ruiz") == "2016 president"
    assert race.office_in("The guild backed her State House race.") is None


def test_a_senators_endorsement_is_no_senate_race():
    race = RaceIndex("It marks the first Senate endorsement for Ana Ruiz, one of four senators running for president.",
                     "2015-11-03")
    assert race.race_for("Ana Ruiz") == "2016 president"


def test_sentences_run_together_on_a_page_are_still_two():
    from endorsetrack.extract.race import _sentences

    assert _sentences("Ana Ruiz is his challenger.Another union backed Tom Reyes for governor.") == \
        ["Ana Ruiz is his challenger.", "Another union backed Tom Reyes for governor."]
    assert _sentences("Backed by Sen.Joe Park and U.S.Senate hopefuls.") == ["Backed by Sen. Joe Park and U.S.Senate hopefuls."]  # one sentence


def test_an_office_word_used_as_a_title_is_not_the_articles_race():
    """'Mayor Ana Ruiz' and 'Ana Ruiz, Mayor, City of X' say what endorsers hold: an article whose
    only office words are such titles is about the presidency (its fallback), not a mayoral race."""
    text = ("Mayors line up behind Dara Quent.\n\nEastvale Mayor Ana Ruiz backed Quent on Monday.\n\n"
            "- Tom Reyes, Mayor, City of Brindle: Quent\n- Lee Park, Mayor, City of Oakmere: Quent")
    race = RaceIndex(text, "2020-01-15")
    assert race.dominant is None
    assert race.race_for("Dara Quent") == "2020 president"
    running = RaceIndex("Ana Ruiz leads the mayor race. The mayor seat is open; the mayor post draws three.",
                        "2021-05-01")
    assert running.dominant == "mayor"


def test_a_state_cut_by_the_window_before_a_name_is_read_whole():
    """The look-back before a candidate's name starts at a whole word: a window starting at
    'Virginia' of 'West Virginia' still names West Virginia."""
    text = "The board backed West Virginia state teachers union vice president Ana Ruiz for governor."
    at = text.index("Ana Ruiz")
    assert text[at - 45:at].startswith("Virginia")  # the window alone would name Virginia
    assert RaceIndex(text, "2016-03-01").place_of("Ana Ruiz") == "West Virginia"


def test_a_postal_tag_after_a_name_gives_the_state_and_its_seat_the_office():
    races = RaceIndex("The fund backs Tamsin Orrell (AZ-Sen) and Lee Park (OR-05) in 2020 House and Senate races.",
                      published="2019-10-10")
    assert races.race_for("Tamsin Orrell") == "2020 U.S. Senate, Arizona"
    assert races.race_for("Lee Park") == "2020 U.S. House, Oregon"


def test_a_news_sites_host_places_an_article_that_names_no_state():
    races = RaceIndex("The editorial board backs Ana Ruiz for governor.", published="2022-11-02",
                      url="https://www.journalstar.com/opinion/editorial/x.html")
    assert races.race_for("Ana Ruiz") == "2022 governor, Nebraska"
    assert RaceIndex("The board backs Ana Ruiz for governor.", published="2022-11-02",
                     url="https://example.org/x").race_for("Ana Ruiz") == "2022 governor"


def test_a_race_for_a_named_places_mayor_is_the_mayors_race():
    races = RaceIndex("Former presidential nominee Lee Park backs Ana Ruiz in the race for Eastvale County Mayor.",
                      published="2020-10-10")
    assert races.race_for("Ana Ruiz").startswith("2020 mayor")


def test_a_past_year_right_after_each_name_is_that_candidates_election():
    sentence = ("The Eastvale Guild endorsed Ana Ruiz in 1992, Tom Reyes in 1996 and Dana Cole in 2016, "
                "and backs Cole again.")
    races = RaceIndex(f"{sentence} The guild backs Dana Cole for president.", published="2020-09-01")
    assert [races.race_for(c, "president", sentence) for c in ("Ana Ruiz", "Tom Reyes", "Dana Cole")] == [
        "1992 president", "1996 president", "2016 president"]
    assert races.race_for("Dana Cole", "president", "The guild backs Dana Cole for president.") == "2020 president"


def test_a_year_after_a_name_in_an_aside_recalls_an_earlier_race():
    line = "Eastvale North (nominated Ana Ruiz in 2015)"
    races = RaceIndex(f"Local parties nominate for the party leadership.\n{line}", published="2016-08-01")
    assert races.race_for("Ana Ruiz", "party leadership", line) == "2016 party leadership"


def test_a_foreign_election_day_fixes_the_year_on_that_countrys_weekday():
    races = RaceIndex("A chapel group says Sen. Ana Ruiz deserves a new term; voters head out on May 9 polls day. "
                      "Filipinos vote across the Philippines.")
    race = races.race_for("Ana Ruiz")
    assert race is not None and race.endswith("Senate, Philippines")
    year = int(race[:4])
    assert date(year, 5, 9).weekday() == 0  # a Monday, the Philippines' election day


def test_a_roundup_paragraph_gives_its_names_the_race_and_the_place_it_opens_with():
    text = ("The Osgood Labor Council endorsed candidates in local races for mayor across the county.\n"
            "In Eastvale, five City Council candidates were endorsed. Ana Ruiz, a parks commissioner, "
            "received the endorsement in the north.\n"
            "In Tamarack Falls, the council backs Lee Park in the mayoral race.")
    races = RaceIndex(text, published="2020-08-31")
    assert races.race_for("Ana Ruiz") == "2020 city council, Eastvale"
    assert races.race_for("Lee Park") == "2020 mayor, Tamarack Falls"


def test_a_paragraph_opening_with_a_time_names_no_place():
    races = RaceIndex("In March, the union backed Ana Ruiz for mayor of Eastvale.", published="2020-08-31")
    assert races.paragraph_locality("Ana Ruiz") is None


def test_plural_race_nouns_name_the_office():
    races = RaceIndex("Two senate hopefuls won the club's nod: Ana Ruiz (Pa.) and "
                      "Lee Park (Ohio). Ruiz thanked President Tom Reyes.", published="2016-09-01")
    assert (races.race_for("Ana Ruiz"), races.race_for("Lee Park")) == ("2016 U.S. Senate, Pennsylvania",
                                                                       "2016 U.S. Senate, Ohio")


def test_a_page_label_before_a_dash_is_no_place():
    races = RaceIndex("ADVERTISEMENT — The clergy back Ana Ruiz for mayor of Eastvale.", published="2013-09-16")
    assert races.locality == "Eastvale"


def test_a_state_named_only_in_the_candidates_sentence_places_the_race():
    races = RaceIndex("Ohio, Ohio, Ohio. The president went to Iowa to campaign for gubernatorial candidate Ana Ruiz. "
                      "Ohio again.", published="2002-10-01")
    assert races.race_for("Ana Ruiz") == "2002 governor, Iowa"


def test_a_past_month_and_year_after_a_name_is_that_candidates_election():
    sentence = "A committee aired an ad on behalf of Ana Ruiz in May 2014."
    assert RaceIndex(sentence, published="2015-11-03").race_for("Ana Ruiz", "U.S. Senate", sentence).startswith("2014")


def test_an_undated_articles_election_day_is_not_before_the_years_it_recalls():
    text = "In 2016, Lee Park lost. Ana Ruiz won the Aug. 18 primary for mayor of Eastvale."
    race = RaceIndex(text).race_for("Ana Ruiz")
    assert race is not None and int(race[:4]) >= 2016


def test_a_district_title_before_a_name_is_the_house_seat():
    races = RaceIndex("The club backed Iowa 3rd District Rep. Ana Ruiz. Former President Lee Park endorsed her in "
                      "a presidential primary year.", published="2016-06-16")
    assert races.race_for("Ana Ruiz") == "2016 U.S. House, Iowa"
