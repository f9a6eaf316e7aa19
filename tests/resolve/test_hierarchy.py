"""Parent bodies from a sub-body's name, by general rules."""
import pytest

from endorsetrack.resolve.gazetteer import default_gazetteer
from endorsetrack.resolve.hierarchy import infer_parent


@pytest.mark.parametrize("name, parent, rule", [
    ("Carpenters Local 43", "ubc", "local.org-local-n"),
    ("Carpenters Local 43 and 24", "ubc", "local.org-local-n"),
    ("Teamsters Local 71", "ibt", "local.org-local-n"),
    ("UNITE-HERE Local 35", "unitehere", "local.org-local-n"),
    ("SEA/SEIU Local 1984", "seiu", "local.org-local-n"),
    ("AFSCME Council 61", "afscme", "local.org-council-n"),
    ("AFSCME Iowa Council 61", "afscme", "local.org-council-n"),
    ("1199SEIU", "seiu", "parent.acronym-inside"),
    ("1199/SEIU", "seiu", "parent.acronym-inside"),
    ("two SEIU locals", "seiu", "local.org-locals"),
    ("a Teamsters local", "ibt", "local.org-local"),
    ("AFT Connecticut", "aft", "state.org-place"),
    ("Ohio AFL-CIO", "aflcio", "state.place-org"),
    ("Connecticut Education Association", "nea", "state.place-education-association"),
    ("Rhode Island Democratic Party", "democratic-party", "state.place-democratic-party"),
    ("Democratic National Committee", "democratic-party", "parent.gazetteer"),
    ("Chicago Fraternal Order of Police", "fop", "parent.place-prefix-union"),
])
def test_known_parents(name, parent, rule):
    guess = infer_parent(name, default_gazetteer())
    assert guess is not None and (guess.gazetteer_id, guess.rule_id) == (parent, rule)


@pytest.mark.parametrize("name", ["SEIU", "Service Employees", "two of its largest locals", "New Democratic Party",
                                  "Toronto Star", "Joe Lieberman", "Local 798"])
def test_no_parent_from_these_names(name):
    assert infer_parent(name, default_gazetteer()) is None


def test_unknown_body_before_local_n_is_the_parent():
    guess = infer_parent("Springfield Bus Drivers Local 12", default_gazetteer())
    assert guess.name == "Springfield Bus Drivers" and guess.gazetteer_id is None


def test_stored_organisation_counts_as_known():
    g = default_gazetteer()
    assert infer_parent("Acme Workers locals", g) is None
    assert infer_parent("Acme Workers locals", g, is_known=lambda k: k == "acme workers").name == "Acme Workers"
