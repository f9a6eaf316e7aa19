"""Bytes -> text, or a typed error that says what is wrong with the file.

Decisions are made on content, not on file names: NUL bytes or many control
characters mean a binary file; valid UTF-8 (with or without BOM) is taken as such;
Windows-1252 is a fallback only for bytes that are clearly not UTF-8 yet mostly text.
"""
from __future__ import annotations

import codecs
import re

from ..errors import BinaryInputError, DecodeInputError, EmptyInputError

# How much of a file the binary check looks at: a few KB tell a PDF, an image or an
# archive from text; text files never hold NUL bytes anywhere.
SNIFF_BYTES = 8192
# Share of control characters (not tab/newline/CR/FF/ESC) above which a file is
# binary. Text files here have none; compressed or image data has ~10-12%.
BINARY_CONTROL_SHARE = 0.05
# Share of printable ASCII (and whitespace) needed before bytes that are not UTF-8 are
# read as Windows-1252: Western-European text is >90% ASCII; CJK in legacy
# encodings or random data is far below this.
MIN_ASCII_SHARE_FOR_CP1252 = 0.7
# Invalid sequences tolerated, as a share of multi-byte UTF-8 characters, before a
# file stops counting as UTF-8 with a few damaged bytes; plus the up to 3 bytes of
# one character cut in half where a file was cut off.
MAX_BAD_UTF8_SHARE = 0.05
CUT_CHARACTER_BYTES = 3

_MAGIC = (b"%PDF-", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x7fELF", b"BZh",
          b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"\x00\x00\x01\x00", b"OggS", b"RIFF", b"ID3")
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_PRINTABLE_ASCII = re.compile(rb"[\x20-\x7e\t\n\r\f]")

FILE_IS_EMPTY = "file is empty"
LOOKS_BINARY = "looks like a binary file, not text or HTML"
CANNOT_DECODE = "cannot decode as UTF-8 or Windows-1252 text"


def check_not_binary(head: bytes) -> None:
    """Raise BinaryInputError if the first bytes of a file are not text."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    if head.startswith(_MAGIC) or b"\x00" in head:
        raise BinaryInputError(LOOKS_BINARY)
    sample = head[:SNIFF_BYTES]
    if sample and len(_CONTROL.findall(sample)) / len(sample) > BINARY_CONTROL_SHARE:
        raise BinaryInputError(LOOKS_BINARY)


def decode_text(data: bytes) -> str:
    """Decode a whole text file; raise EmptyInputError, BinaryInputError or DecodeInputError."""
    if not data.strip():
        raise EmptyInputError(FILE_IS_EMPTY)
    check_not_binary(data[:SNIFF_BYTES])
    text = decode_bytes(data)
    if not text.strip():
        raise EmptyInputError(FILE_IS_EMPTY)
    return text


def decode_bytes(data: bytes) -> str:
    """UTF-8 (BOM stripped), UTF-16 with a BOM, else Windows-1252 for mostly-ASCII text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeInputError(CANNOT_DECODE) from exc
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return data.decode("utf-8", errors="replace")
    if data and len(_PRINTABLE_ASCII.findall(data)) / len(data) >= MIN_ASCII_SHARE_FOR_CP1252:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:  # the 5 bytes cp1252 leaves undefined
            return data.decode("latin-1")
    raise DecodeInputError(CANNOT_DECODE)


def choose_encoding(head: bytes) -> str:
    """The codec for streaming a file whose first bytes are ``head`` (CSV)."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if head and len(_PRINTABLE_ASCII.findall(head)) / len(head) >= MIN_ASCII_SHARE_FOR_CP1252:
        return "cp1252"
    raise DecodeInputError(CANNOT_DECODE)


def _mostly_utf8(data: bytes) -> bool:
    """Valid multi-byte UTF-8 characters, with only a few stray high bytes among them."""
    chars = _UTF8_MULTIBYTE.findall(data)
    if not chars:
        return False
    stray = len(_HIGH_BYTE.findall(data)) - sum(len(c) for c in chars)
    return stray <= MAX_BAD_UTF8_SHARE * len(chars) + CUT_CHARACTER_BYTES
