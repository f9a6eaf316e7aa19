"""Rows of a table of party-tagged names read into items (extract/endorsements/tagged_rows.py). Invented names."""
from __future__ import annotations

from endorsetrack.extract.endorsements.tagged_rows import flattened_row, row_items


def test_a_flattened_row_gives_each_item_the_rows_state_and_its_own_number():
    items = flattened_row("Ohio 1 Ann Lorrim (D) 6 Tom Reyvale (D) 7 Lia Parkhurst (R)")
    assert items is not None
    assert [(i.name, i.label) for i in items] == [
        ("Ann Lorrim", "Ohio 1"), ("Tom Reyvale", "Ohio 6"), ("Lia Parkhurst", "Ohio 7")]


def test_a_state_before_a_name_is_no_part_of_the_name():
    items = row_items("New Mexico Dorian Valcourt (D)")
    assert items is not None and items[0].name == "Dorian Valcourt" and items[0].label is None


def test_an_item_cut_short_at_the_rows_end_is_passed_over():
    items = flattened_row("Ohio 1 Ann Lorrim (D) 6 Tom Reyvale (D) 7 Lia Park")
    assert items is not None and [i.name for i in items] == ["Ann Lorrim", "Tom Reyvale"]


def test_prose_with_a_party_tag_is_no_row():
    assert row_items("The union said it backs Ann Lorrim (D) in the fall.") is None
    assert flattened_row("Ohio 1 Ann Lorrim (D)") is None  # one item: a plain list line


def test_a_name_spaced_out_by_the_page_keeps_the_label_before_it():
    for row in ("Ohio 6 Ann  Lorrim (D)", "Ohio 6 Ann\tLorrim (D)"):
        items = row_items(row)
        assert items is not None and [(i.name, i.label) for i in items] == [("Ann Lorrim", "Ohio 6")]
    items = row_items("Ohio 6 Ann  Lorrim (D)", people=((7, 18),))
    assert items is not None and [(i.name, i.label) for i in items] == [("Ann Lorrim", "Ohio 6")]
