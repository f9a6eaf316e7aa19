"""Bytes -> text: UTF-8 with BOM, Windows-1252 fallback, binary and empty detection."""
from __future__ import annotations

import codecs

import pytest

from endorsetrack.errors import BinaryInputError, DecodeInputError, EmptyInputError
from endorsetrack.ingest.decode import choose_encoding, decode_text


def test_utf8_and_bom():
    assert decode_text("Muñoz said “yes”.".encode("utf-8")) == "Muñoz said “yes”."
    assert decode_text(codecs.BOM_UTF8 + b"Hello") == "Hello"


def test_utf16_with_bom():
    assert decode_text("Hello “there”".encode("utf-16")) == "Hello “there”"


def test_windows_1252_fallback_for_mostly_text():
    data = "The union\u2019s caf\u00e9 endorsement, na\u00efvely.".encode("cp1252")
    assert decode_text(data) == "The union\u2019s caf\u00e9 endorsement, na\u00efvely."


def test_utf8_with_one_damaged_byte_stays_utf8():
    data = "Lieberman’s “union” backers — many of them.".encode("utf-8") + b"\xe2\x80"
    text = decode_text(data)
    assert text.startswith("Lieberman’s “union” backers — many")


@pytest.mark.parametrize("data", [b"", b"   \n\t\n  "])
def test_empty(data):
    with pytest.raises(EmptyInputError, match="^file is empty$"):
        decode_text(data)


@pytest.mark.parametrize("data", [b"abc\x00def", b"%PDF-1.4 ...", bytes(range(1, 32)) * 50])
def test_binary(data):
    with pytest.raises(BinaryInputError, match="^looks like a binary file, not text or HTML$"):
        decode_text(data)


def test_undecodable_when_not_utf8_and_not_mostly_text():
    data = bytes(range(0x80, 0x100)) * 4 + b"abc"
    with pytest.raises(DecodeInputError, match="^cannot decode as UTF-8 or Windows-1252 text$"):
        decode_text(data)


def test_choose_encoding_for_streams():
    assert choose_encoding(codecs.BOM_UTF8 + b"id,text") == "utf-8-sig"
    assert choose_encoding("id,text\n1,caf\u00e9".encode("utf-8")[:-1]) == "utf-8"  # cut mid-character
    assert choose_encoding("id,text\n1,caf\u00e9 au lait".encode("cp1252")) == "cp1252"
