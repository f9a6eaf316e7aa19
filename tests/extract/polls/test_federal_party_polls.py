"""Canadian and Australian party polls written with '%' rather than 'per cent': their own
wording ('federal election', 'ballot support', 'preferred prime minister') lets party names
be poll sides. A figure in brackets right after an attitude word ('most favourable (52%)')
is that attitude's figure, not a vote share. Names are invented."""
from __future__ import annotations

from helpers.polls import polls_in, rows


def test_federal_election_wording_makes_parties_poll_sides(poll_nlp):
    text = ("If a federal election were held today, the Liberals would finish second, according to a "
            "poll conducted by Brightwater Research. Brightwater Research found the Liberals at "
            "27.5%. The NDP would come third (19.2%).")
    got = rows(polls_in(poll_nlp, text))
    assert got and got[0][0] == "Brightwater Research"
    assert ("Liberals", 27.5) in [r for _, _, res in got for r in res]


def test_a_bracketed_figure_after_an_attitude_word_is_no_share(poll_nlp):
    text = ("If a federal election were held today, the Liberals would finish second, according to a "
            "poll conducted by Brightwater Research. Brightwater Research found the Liberals at "
            "27.5%. Asked about the leaders, voters rated the NDP the most favourable (52.3%).")
    shares = [r for _, _, res in rows(polls_in(poll_nlp, text)) for r in res]
    assert ("NDP", 52.3) not in shares


def test_topline_abbreviations_and_other_party_forms(poll_nlp):
    text = ("Westminster voting intention moved again this week. The Larkfield Research poll for the Courier "
            "has CON 38%, LAB 35%, LDEM 9%, GRN 6%, while Ukip is on 4%.")
    got = {r for _, _, res in rows(polls_in(poll_nlp, text)) for r in res}
    assert got == {("CON", 38), ("LAB", 35), ("LDEM", 9), ("GRN", 6), ("Ukip", 4)}


def test_an_article_naming_three_parties_makes_them_poll_sides_without_a_gate_word(poll_nlp):
    text = ("The latest Brightwater Research poll is in. Across the country the Liberals gained two "
            "points and now sit at 34.1%. The Conservatives slipped to 30.2%, while the New Democrats held "
            "at 21.7%.")
    got = {r for _, _, res in rows(polls_in(poll_nlp, text)) for r in res}
    assert {("Liberals", 34.1), ("Conservatives", 30.2), ("New Democrats", 21.7)} <= got
    # Two party words alone (a US story) are no such article.
    text = ("The new Brightwater Research poll is out. The Liberals in the city back Dana Roe at 35%, "
            "said a Labor leader.")
    assert all(r[0] not in ("Liberals", "Labor") for _, _, res in rows(polls_in(poll_nlp, text)) for r in res)


def test_a_poll_named_as_a_yardstick_or_polls_in_general_take_no_figures(poll_nlp):
    text = ("The latest Brightwater Research poll is in. The Liberals now sit at 34.1%. "
            "The Conservatives climbed to 30.2%, their highest in any poll since an Ashgrove Institute "
            "survey last spring. The New Democrats held at 21.7%.")
    assert {p for p, _, _ in rows(polls_in(poll_nlp, text))} == {"Brightwater Research"}


def test_a_bare_pair_to_a_party_gives_that_party_the_larger_figure(poll_nlp):
    text = ("Newspoll: 52-48 to Labor\n\nThe latest Newspoll has Labor on 36% and the Coalition on 35%, "
            "with the Greens on 11%.")
    got = rows(polls_in(poll_nlp, text))
    assert ("Newspoll", None, (("Labor", 52), ("Coalition", 48))) in got
