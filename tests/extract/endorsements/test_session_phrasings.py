"""Phrasings met on the dev set in the second session, as hand-made invented articles:
editorial headline verdicts on ballot measures, subjunctive wishes, an auxiliary that
carries the subject, "decided not to endorse", reflexive "his", support promised in
reported speech, and groups a news lead describes before it names them.
Each case compares the full set of (endorser, candidate, stance, stage) facts."""
from __future__ import annotations

import pytest
from helpers.extraction import facts_of

CASES = [
    pytest.param("EDITORIAL: Yes on 12\n\nProposition 12 would fix the county's roads. We urge readers to study it. "
                 "That alone justifies a \"yes\" vote.",
                 {("editorial board", "Proposition 12", "endorses", "general")}, id="headline-yes-on-measure"),
    pytest.param("No on Measure K\n\nThe Lakeport Ledger has weighed Measure K for months. We think the tax is "
                 "too high.",
                 {("Lakeport Ledger", "Measure K", "opposes", "general")}, id="headline-no-on-measure-named-paper"),
    pytest.param("Yes on Measure K\n\nMeasure K would raise the sales tax. Supporters say it is needed.",
                 set(), id="headline-without-editorial-voice"),
    pytest.param("We think it is crucial that Proposition 9 be defeated on Nov. 3.",
                 {("editorial board", "Proposition 9", "opposes", "general")}, id="subjunctive-be-defeated"),
    pytest.param("The county measure lost. Critics said Proposition 9 was defeated by a wide margin.",
                 set(), id="past-defeat-is-a-result"),
    pytest.param("We did, however, endorse Proposition 4 in that November election.",
                 {("editorial board", "Proposition 4", "endorses", "general")}, id="did-however-endorse"),
    pytest.param("The Harbor Workers Union decided not to endorse in the race for mayor.",
                 {("Harbor Workers Union", None, "declines", None)}, id="decided-not-to-endorse"),
    pytest.param("The Harbor Workers Union has not decided whether to endorse in the race for mayor.",
                 {("Harbor Workers Union", None, "undecided", None)}, id="not-decided-whether"),
    pytest.param("Tom Reyes won the Democratic primary for governor on Tuesday, beating Maria Vega. "
                 "Vega spoke to Reyes and conceded, telling supporters she would throw her full support "
                 "behind Reyes.",
                 {("Maria Vega", "Tom Reyes", "endorses", "general")}, id="conceded-would-throw-her-support"),
    pytest.param("Maria Vega plans to announce her endorsement of Tom Reyes on Saturday, her office said.",
                 {("Maria Vega", "Tom Reyes", "will_endorse", None)}, id="plans-to-announce-stays-future"),
    pytest.param("A union of city bus drivers said Sunday that it had voted to endorse Maria Vega for mayor.\n\n"
                 "The vote is notable because the union chapter, Transit Workers Local 88, broke with its "
                 "national leadership.",
                 {("Transit Workers Local 88", "Maria Vega", "endorses", None)}, id="described-then-named"),
    pytest.param("Our recommendations for the Nov. 3 ballot\n\nCity Council\n\nOur pick is Nadia Ferreira. "
                 "Vote for Ferreira.\n\nMeasure B\n\nYes on Measure B. The Harbor Ledger takes no position on "
                 "Measure D.",
                 {("Harbor Ledger", "Nadia Ferreira", "endorses", None),  # a city race names no party: no stage
                  ("Harbor Ledger", "Measure B", "endorses", "general"),
                  ("Harbor Ledger", "Measure D", "declines", "general")}, id="editorial-verdict-forms"),
    pytest.param("Nadia Ferreira is the clear choice, her supporters said at a rally for the Nov. 3 election.",
                 set(), id="clear-choice-without-editorial-voice"),
    pytest.param("Delegates representing 60,000 union members voted Saturday to endorse Nadia Ferreira for governor, "
                 "as the Riverside Federation of Labor's convention closed.",
                 {("Riverside Federation of Labor", "Nadia Ferreira", "endorses", None)}, id="delegates-act-for-body"),
    pytest.param("The Riverside Federation of Labor met Saturday. Many rank-and-file members who support Tom Reyes "
                 "were unhappy.", set(), id="members-who-support-are-no-endorsement"),
    pytest.param("The Harbor Workers Union endorsed the following candidates:\n\n"
                 "- Attorney General: state Sen. Liam Hurley\n- Treasurer: Angela Ruiz\n\nThe union meets again in May.",
                 {("Harbor Workers Union", "Liam Hurley", "endorses", None),
                  ("Harbor Workers Union", "Angela Ruiz", "endorses", None)}, id="slate-list"),
    pytest.param("The Port Aldane and District Labour Council has endorsed Coun. Navdeep Sidhu for mayor.",
                 {("Port Aldane and District Labour Council", "Navdeep Sidhu", "endorses", None)},
                 id="and-district-council-titled-name"),
    pytest.param("The Harbor Workers Union endorsed three candidates for council: Coun. Maria Fontes, former "
                 "school trustee Dev Grewal and community advocate Alison Tremblay.",
                 {("Harbor Workers Union", "Maria Fontes", "endorses", None),
                  ("Harbor Workers Union", "Dev Grewal", "endorses", None),
                  ("Harbor Workers Union", "Alison Tremblay", "endorses", None)}, id="colon-list-described-names"),
    pytest.param("Tom Reyes won the Democratic nomination Tuesday with 54% of the vote, with 96 precincts reporting. "
                 "The Harbor Workers Union endorsed Reyes in March. Maria Vega conceded and said she would support "
                 "Reyes.",
                 {("Harbor Workers Union", "Tom Reyes", "endorses", "primary"),
                  ("Maria Vega", "Tom Reyes", "endorses", "general")}, id="results-story-tense"),
    pytest.param("Rep. Maria Vega faces her Republican challenger, Tom Reyes, on the Nov. 3 ballot. "
                 "The Harbor Workers Union endorsed Vega.",
                 {("Harbor Workers Union", "Maria Vega", "endorses", "general")}, id="november-ballot-general"),
    pytest.param("Rep. Maria Vega faces a Republican challenger, Tom Reyes. The Harbor Workers Union endorsed Vega.",
                 {("Harbor Workers Union", "Maria Vega", "endorses", "primary")}, id="party-rival-alone-primary"),
    pytest.param("The county Republican Party voted to urge its members to vote against Measure L.",
                 {("Republican Party", "Measure L", "opposes", "general")}, id="vote-against-measure"),
    pytest.param("In the Labour selection, the Harbor Workers Union has nominated Priya Natarajan.",
                 {("Harbor Workers Union", "Priya Natarajan", "endorses", "primary")}, id="union-nominates"),
    pytest.param("The Democrats nominated Priya Natarajan for governor in June.", set(), id="party-nominates-own"),
    pytest.param("The union representing most city police officers withdrew its endorsement of Tom Reyes on "
                 "Tuesday.\n\nThe Fraternal Order of Police, Harbor Lodge 12, had endorsed Reyes in June.",
                 {("Fraternal Order of Police, Harbor Lodge 12", "Tom Reyes", "rescinds", None),
                  ("Fraternal Order of Police, Harbor Lodge 12", "Tom Reyes", "endorses", None)},
                 id="lead-description-named-next"),
    pytest.param("\"Maria Vega will stand with us. She has our full support,\" said Tom Reyes, the lodge president, "
                 "outside the hall on Eastland Road.", set(), id="quoted-our-is-no-editorial"),
    pytest.param("In the sheriff's race, the Harbor County Deputy Sheriffs' Association endorsed Sheriff Wade Pruitt.",
                 {("Harbor County Deputy Sheriffs' Association", "Wade Pruitt", "endorses", None)},
                 id="county-body-and-titled-candidate"),
    pytest.param("ROCHESTER, Minn. — Minnesota DFL delegates endorsed Nadia Osman for the U.S. Senate on Saturday.",
                 {("Minnesota DFL", "Nadia Osman", "endorses", None)}, id="dateline-then-delegates"),
    pytest.param("Republicans, meeting in Duluth, endorsed Mark Dunleavy on the fourth ballot.",
                 {("Republican Party", "Mark Dunleavy", "endorses", None)}, id="party-plural-convention"),
    pytest.param("Republicans backed Mark Dunleavy 52 percent to 40 percent in the poll.", set(),
                 id="party-plural-poll-is-no-endorsement"),
    pytest.param("The Harbor Workers Union will decide at its convention next month.",
                 {("Harbor Workers Union", None, "undecided", None)}, id="will-decide"),
    pytest.param("The Harbor Workers Union decided to endorse Maria Vega.",
                 {("Harbor Workers Union", "Maria Vega", "endorses", None)}, id="decided-to-endorse"),
    pytest.param("Readers say the Harbor Workers Union \"endorsed\" Maria Vega. It did not.", set(),
                 id="scare-quoted-trigger"),
    pytest.param("The Harbor Workers Union yanked its endorsement of Maria Vega, two months after endorsing her.",
                 {("Harbor Workers Union", "Maria Vega", "rescinds", None),
                  ("Harbor Workers Union", "Maria Vega", "endorses", None)}, id="after-endorsing-her"),
    pytest.param("The Harbor Nurses Association issued a dual endorsement of Maria Vega and Salem City Councilor "
                 "Tom Reyes.",
                 {("Harbor Nurses Association", "Maria Vega", "endorses", None),
                  ("Harbor Nurses Association", "Tom Reyes", "endorses", None)}, id="dual-endorsement-titled"),
    pytest.param("Liberal Greg Lavoie is seeking a third term. Lavoie won the backing of the Harbor Carpenters "
                 "District Council last week.",
                 {("Harbor Carpenters District Council", "Greg Lavoie", "endorses", None)}, id="surname-of-an-org-tagged-name"),
    pytest.param("Maria Vega picked up an unexpected endorsement of her own on Friday: former MPP Bernard Tessier, "
                 "who held the seat until 2018.",
                 {("Bernard Tessier", "Maria Vega", "endorses", None)}, id="endorsement-of-her-own-colon"),
    pytest.param("EDITORIAL: Our picks for the Nov. 5 ballot\n\nMeasure K: Yes\n\nMeasure K would fund a fire "
                 "station. The Harbor Firefighters Association is backing the measure. The Harbor Taxpayers "
                 "Association opposes it.\n\nVote yes on Measure K.\n\nDistrict 1: We recommend re-electing "
                 "Councilmember Hal Brody.",
                 {("editorial board", "Measure K", "endorses", "general"),
                  ("Harbor Firefighters Association", "Measure K", "endorses", "general"),
                  ("Harbor Taxpayers Association", "Measure K", "opposes", "general"),
                  ("editorial board", "Hal Brody", "endorses", None)}, id="editorial-measure-heading-and-others"),
    pytest.param("The Harbor Teachers Union backed the measure. Proposition 40 sits unopposed by the people who "
                 "wanted the rest of us to oppose it.",
                 set(), id="rest-of-us-is-no-endorser"),
    pytest.param("The Harbor Education Association has also thrown its weight behind House Bill 4410, which "
                 "would cap class sizes.", set(), id="a-bill-is-no-candidate"),
    pytest.param("The Harbor Education Association, which represents 120,000 teachers, recommended Rachel "
                 "Dunmore over Republican Craig Ashby. The HEA met for two days. The HEA has 40 locals. "
                 "AFT Michigan, the state's other union, endorsed Dunmore in August.\n\nAshby won the union's "
                 "recommendation in 2016.",
                 {("Harbor Education Association", "Rachel Dunmore", "endorses", None),
                  ("AFT Michigan", "Rachel Dunmore", "endorses", None),
                  ("Harbor Education Association", "Craig Ashby", "endorses", None)}, id="the-union-is-the-salient-one"),
    pytest.param("AFSCME Local 2890 pulled its support from Tom Gruber in July and campaigns for his opponent, "
                 "retired firefighter Angela Pruitt, whom the local has since endorsed.",
                 {("AFSCME Local 2890", "Tom Gruber", "rescinds", None),
                  ("AFSCME Local 2890", "Angela Pruitt", "endorses", None)}, id="whom-the-local-endorsed"),
    pytest.param("Aslef, the train drivers' union, nominated Owen Pryce in the Labour selection on Wednesday.",
                 {("Aslef", "Owen Pryce", "endorses", "primary")}, id="person-tagged-union-by-appositive"),
    pytest.param("Unite's executive council voted to back Helen Marchbank in the Labour selection, overruling "
                 "Unite Scotland, the union's Scottish region, which had voted last month to back Dev Chaudhry.",
                 {("Unite", "Helen Marchbank", "endorses", "primary"),
                  ("Unite Scotland", "Dev Chaudhry", "endorses", "primary")}, id="owners-council-and-appositive-region"),
    pytest.param("Dev Chaudhry is backed by 58 MPs, among them the former shadow chancellor Ruth Ellingham.",
                 {("Ruth Ellingham", "Dev Chaudhry", "endorses", None)}, id="among-them-names-the-endorser"),
    pytest.param("Helen Marchbank is running for deputy leader. The Communication Workers Union has said it will "
                 "not nominate in the deputy contest. The CWU backed Marchbank's leadership bid in 2021.",
                 {("Communication Workers Union", None, "declines", None),
                  ("Communication Workers Union", "Helen Marchbank", "endorses", None)}, id="will-not-nominate-and-bid"),
    pytest.param("PITTSBURGH, April 2, 2026 (Reuters) - The Harbor Federation of Labor gave the nod to Carla Mendenhall "
                 "on Thursday in the Democratic primary.",
                 {("Harbor Federation of Labor", "Carla Mendenhall", "endorses", "primary")}, id="reuters-dateline"),
    pytest.param("The Harbor Federation of Labor endorsed Carla Mendenhall. Hours later, United Steelworkers Local "
                 "1219, which represents 2,400 workers, said it would stick with Joseph Brannigan.",
                 {("Harbor Federation of Labor", "Carla Mendenhall", "endorses", None),
                  ("United Steelworkers Local 1219", "Joseph Brannigan", "endorses", None)}, id="it-is-the-subject-local"),
    pytest.param("The Harbor Federation of Labor endorsed Carla Mendenhall. The national United Steelworkers union "
                 "does not plan to endorse in the race.",
                 {("Harbor Federation of Labor", "Carla Mendenhall", "endorses", None),
                  ("United Steelworkers", None, "declines", None)}, id="named-union-phrase"),
    pytest.param("\"We respect the federation, but our members voted, and they voted for Joe Brannigan,\" the local "
                 "president said.", set(), id="they-voted-for"),
    pytest.param("The Harbor Federation of Labour does not endorse individual candidates in byelections, president "
                 "Laura Kinney said.", {("Harbor Federation of Labour", None, "declines", None)},
                 id="speaker-after-generic-is-no-candidate"),
    pytest.param("Dana Kowalczyk got the nod from a surprising quarter on the weekend: former MPP Gerald Whitcombe, "
                 "who held the seat until 2011.",
                 {("Gerald Whitcombe", "Dana Kowalczyk", "endorses", None)}, id="nod-from-a-quarter-colon"),
    pytest.param("The Kestrel Bay & District Chamber of Commerce does not endorse candidates.",
                 {("Kestrel Bay & District Chamber of Commerce", None, "declines", None)}, id="ampersand-district"),
    pytest.param("CARSON CITY, Nev. (AP) — The union representing 3,000 firefighters across the state, the Harbor "
                 "Fire Fighters of Nevada, threw its support behind Maria Ortiz on Tuesday.",
                 {("Harbor Fire Fighters of Nevada", "Maria Ortiz", "endorses", None)}, id="dateline-then-described-union"),
    pytest.param("Maria Ortiz is running for governor. Ray Kessler is her opponent. He also picked up the endorsement "
                 "of the Silver State Police Officers Association in August. Labor has otherwise lined up behind "
                 "Ortiz. The Nevada State AFL-CIO endorsed her in June.",
                 {("Silver State Police Officers Association", "Ray Kessler", "endorses", None),
                  ("Nevada State AFL-CIO", "Maria Ortiz", "endorses", None)}, id="her-is-not-the-man"),
    pytest.param("Greg Matusek lost the primary to Lucia Carvalho. Matusek conceded shortly after 10 p.m. and said he "
                 "would support Carvalho in November.",
                 {("Greg Matusek", "Lucia Carvalho", "endorses", "general")}, id="he-is-the-sentence-subject"),
    pytest.param("EDITORIAL\n\nThe Ledger's recommendations for the Nov. 3 election\n\nGovernor: No endorsement\n\n"
                 "U.S. House, 6th District: Ellen Vasquez-Ward\n\nWe endorse Ellen Vasquez-Ward over Rep. Todd "
                 "Brisbane. Brisbane, whom this board supported in 2022, has lost his way. The Valley Herald endorsed "
                 "Brisbane last week.\n\nProposition 3: No\n\nProposition 3 would cap taxes. Vote no.",
                 {("Ledger", None, "declines", None), ("Ledger", "Ellen Vasquez-Ward", "endorses", None),
                  ("Ledger", "Todd Brisbane", "endorses", None), ("Valley Herald", "Todd Brisbane", "endorses", None),
                  ("Ledger", "Proposition 3", "opposes", "general")}, id="editorial-office-lines-and-own-paper"),
    pytest.param("Governor: Alan Reinholt\n\nThe Harbor Workers Union endorsed Alan Reinholt on Monday.",
                 {("Harbor Workers Union", "Alan Reinholt", "endorses", None)}, id="office-line-in-news-is-no-endorser"),
    pytest.param("Building trades back Sadowski; Teamsters line up behind Vance\n\nTeresa Vance has the endorsement "
                 "of Teamsters Local 986, which represents delivery drivers.",
                 {("Teamsters Local 986", "Teresa Vance", "endorses", None)}, id="headline-national-is-the-local"),
    pytest.param("Nevada's labor movement is divided, with the state's building trades council endorsing Ron Sadowski "
                 "on Wednesday.\n\nThe Southern Nevada Building and Construction Trades Council voted 14-3 to endorse "
                 "Sadowski.",
                 {("Southern Nevada Building and Construction Trades Council", "Ron Sadowski", "endorses", None)},
                 id="described-council-named-by-its-words"),
    pytest.param("BELMONT, Ont. — Unifor, Canada's largest private-sector union, is urging its roughly 6,000 members in "
                 "Lakeshore–Belmont to vote for New Democrat Megan Thibodeau.",
                 {("Unifor", "Megan Thibodeau", "endorses", None)}, id="urging-members-to-vote-for"),
    pytest.param("Carla Hollis beat former Mayor Brent Vogler. Vogler conceded before midnight. \"The voters have spoken, and I will "
                 "support Carla Hollis in November,\" he said.",
                 {("Brent Vogler", "Carla Hollis", "endorses", "general")}, id="quoted-i-is-the-speaker"),
    pytest.param("The Harbor Federation of Labor endorsed Ron Templeton in March, and the Keystone Building Trades "
                 "Council followed two weeks later.",
                 {("Harbor Federation of Labor", "Ron Templeton", "endorses", None),
                  ("Keystone Building Trades Council", "Ron Templeton", "endorses", None)}, id="followed-later"),
    pytest.param("Measure A would raise the sales tax. The measure is also backed by Laborers' Local 220 and by Mayor "
                 "Ines Farago.",
                 {("Laborers' Local 220", "Measure A", "endorses", "general"),
                  ("Ines Farago", "Measure A", "endorses", "general")}, id="and-by-list"),
    pytest.param("Celia Varga won the endorsement Monday of U.S. Rep. Angela Moretti.",
                 {("Angela Moretti", "Celia Varga", "endorses", None)}, id="endorsement-monday-of-a-person"),
    pytest.param("Carla Hollis was backed in the primary by the Kansas Farm Families Alliance and by Sen. Roger Pell.",
                 {("Kansas Farm Families Alliance", "Carla Hollis", "endorses", "primary"),
                  ("Roger Pell", "Carla Hollis", "endorses", "primary")}, id="passive-by-hung-on-a-noun"),
    pytest.param("Brent Vogler had the support of the Meriden City Fraternal Order of Police Lodge 18 and the anti-tax "
                 "group Kansans for Limited Government.",
                 {("Meriden City Fraternal Order of Police Lodge 18", "Brent Vogler", "endorses", None),
                  ("Kansans for Limited Government", "Brent Vogler", "endorses", None)}, id="list-with-described-org"),
    pytest.param("Measure A would raise the sales tax. The Harbor Chamber endorsed Measure A in August. Harbor "
                 "Firefighters Local 3310 is still deciding whether to take a position.",
                 {("Harbor Chamber", "Measure A", "endorses", "general"),
                  ("Harbor Firefighters Local 3310", "Measure A", "undecided", "general")}, id="position-on-the-measure"),
    pytest.param("The endorsement is a setback for Sen. Daniel Okafor, who courted the union and who picked up the "
                 "endorsement of the American Federation of Teachers in September.",
                 {("American Federation of Teachers", "Daniel Okafor", "endorses", None)}, id="second-who-clause"),
    pytest.param("The United Auto Workers will decide at its convention next month whether to endorse in the primary, "
                 "a spokeswoman said.", {("United Auto Workers", None, "undecided", "primary")}, id="decide-whether"),
    pytest.param("Hartley wins GOP nod for Kansas governor\n\nDana Hartley won the Republican nomination on Tuesday "
                 "with 52 percent of the vote, with 98 percent of precincts reporting. Curtis Voss conceded and urged "
                 "his supporters to unite behind Hartley.",
                 {("Curtis Voss", "Dana Hartley", "endorses", "general")}, id="party-nod-is-no-endorsement"),
    pytest.param("\"A lot of his voters were voting against Dana Hartley,\" said a professor.", set(),
                 id="a-lot-of-voters"),
    pytest.param("Lucia Carvalho had the backing of the state teachers union, the Pennsylvania State Education "
                 "Association, which spent heavily. Joan Whitaker, who was endorsed by the teachers union in 2018, "
                 "lost.",
                 {("Pennsylvania State Education Association", "Lucia Carvalho", "endorses", None),
                  ("Pennsylvania State Education Association", "Joan Whitaker", "endorses", None)},
                 id="teachers-union-is-the-education-association"),
    pytest.param("Ben Adeyemi picked up endorsements in the final month from UNITE HERE Local 119 and SEIU Healthcare "
                 "Pennsylvania.",
                 {("UNITE HERE Local 119", "Ben Adeyemi", "endorses", None),
                  ("SEIU Healthcare Pennsylvania", "Ben Adeyemi", "endorses", None)}, id="endorsements-later-from"),
    pytest.param("Gov. Tom Brandt has not endorsed in the race to succeed him, and aides say he does not plan to.",
                 {("Tom Brandt", None, "declines", None)}, id="has-not-and-does-not-plan-to"),
    pytest.param("Gov. Tom Brandt has not endorsed in the race yet, aides said.",
                 {("Tom Brandt", None, "undecided", None)}, id="has-not-endorsed-yet"),
    pytest.param("SEIU Local 1310 said it would stay out of the primary. Irene Kowalczyk is expected to win the "
                 "backing of Women Lead PA, which interviews candidates this week and has said it will announce its "
                 "pick by May 1.",
                 {("SEIU Local 1310", None, "declines", "primary"),
                  ("Women Lead PA", "Irene Kowalczyk", "will_endorse", None),
                  ("Women Lead PA", None, "will_endorse", None)}, id="it-inside-which-clause"),
    pytest.param("Club for Growth Action has spent about $2 million on television ads attacking Garrett Lyle.",
                 {("Club for Growth", "Garrett Lyle", "opposes", None)}, id="spent-on-ads-attacking"),
    pytest.param("Seven percent were undecided, and the rest said they would back a minor-party candidate.", set(),
                 id="spelled-out-percent"),
    pytest.param("Vinh Tran has won the backing of IBEW Local 1120, the electricians' union, which broke with the rest "
                 "of organized labor.",
                 {("IBEW Local 1120", "Vinh Tran", "endorses", None)}, id="description-after-a-name-is-that-name"),
    pytest.param("Marisol Quintero has racked up endorsements from the state's largest unions, including the Riverbend "
                 "Education Association and the Statewide Nurses Alliance.",
                 {("Riverbend Education Association", "Marisol Quintero", "endorses", None),
                  ("Statewide Nurses Alliance", "Marisol Quintero", "endorses", None)}, id="racked-up-including"),
    pytest.param("The Riverbend Chamber of Commerce backs Brett Hallorann. The Riverbend Chamber of Commerce and the "
                 "Riverbend Chamber of Commerce PAC met. The state's largest newspaper, the Riverbend Courier, has said "
                 "it will not endorse in the governor's race this year.",
                 {("Riverbend Chamber of Commerce", "Brett Hallorann", "endorses", None),
                  ("Riverbend Courier", None, "declines", None)}, id="it-after-a-described-paper"),
    pytest.param("Larry Hogan has won the endorsement of a union that four years ago financed a $500,000 push against "
                 "him.\n\nThe Laborers' International Union of North America is the fourth union that backs Hogan "
                 "this year.",
                 {("Laborers' International Union of North America", "Larry Hogan", "opposes", None),
                  ("Laborers' International Union of North America", "Larry Hogan", "endorses", None)},
                 id="a-union-named-by-a-copula"),
    pytest.param("Leaders from the United Farm Workers of America abstained from the endorsement vote.", set(),
                 id="abstaining-is-no-stance"),
    pytest.param("Dana Lusk has been stacking up endorsements. She picked up the Fraternal Order of Police, Tolliver "
                 "County Lodge 27, in January.",
                 {("Fraternal Order of Police, Tolliver County Lodge 27", "Dana Lusk", "endorses", None)},
                 id="picked-up-an-organisation"),
    pytest.param("Dana Lusk picked up the Harbor Workers Union banner at the parade.", set(),
                 id="picked-up-without-endorsement-story"),
    pytest.param("A group of local merchants said it would back Maria Vega for mayor.\n\n"
                 "The group, which meets monthly, has 40 members.",
                 set(), id="described-never-named"),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_phrasing(nlp, text, expected):  # noqa: F811
    assert facts_of(nlp, text) == expected
