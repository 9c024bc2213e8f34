"""Which characters a record may hold: decided by Unicode category, not by a list of known tricks.

A reviewer reads the YAML file and the site must show what they read, so no
character may change how text looks without being seen. The loader applies
this to the raw file (exact positions) and again to every double-quoted value,
because a YAML escape such as "\\u202E" or "\\0" is invisible in the file.
"""

from __future__ import annotations

import re
import unicodedata

from .problems import Message, msg

# Control, format, private-use and surrogate characters; line and paragraph separators.
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Zl", "Zp"})
# Unicode's Default_Ignorable_Code_Point ranges that are not Cf (DerivedCoreProperties.txt):
# fillers and variation selectors render as nothing.
_DEFAULT_IGNORABLE = (
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x115F, 0x1160),  # Hangul fillers
    (0x17B4, 0x17B5),  # Khmer inherent vowels
    (0x180B, 0x180F),  # Mongolian variation selectors
    (0x3164, 0x3164),  # Hangul filler
    (0xFE00, 0xFE0F),  # variation selectors
    (0xFFA0, 0xFFA0),  # half-width Hangul filler
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),  # tags and variation selectors supplement
)
# Not default-ignorable in Unicode, but shown as a blank that is not a space.
_BLANKS = frozenset({"\u2800"})  # Braille pattern blank
# The few refused-category characters a value may hold.
ALLOWED = frozenset({"\n", "\t"})


def refused(char: str) -> Message | None:
    """Why `char` may not appear in a record, or None if it may."""
    if char in ALLOWED:
        return None
    code = ord(char)
    category = unicodedata.category(char)
    if category == "Cc":
        return msg("char.control", code=f"U+{code:04X}")
    if category in _REFUSED_CATEGORIES or char in _BLANKS or _ignorable(code):
        return msg("char.invisible", code=f"U+{code:04X}")
    if 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
        return msg("char.noncharacter", code=f"U+{code:04X}")
    return None


def _ignorable(code: int) -> bool:
    return any(low <= code <= high for low, high in _DEFAULT_IGNORABLE)


# What nearly all text is made of, none of it refused: printable ASCII, tab and
# line feed, Latin-1 letters, general punctuation short of the separators and
# direction marks, CJK punctuation, ideographs and full-width forms. Only the
# characters outside these are looked up one by one.
_COMMON = re.compile(
    "[^\t\n\x20-\x7e\u00c0-\u00ff\u2010-\u2027\u2030-\u205e\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e]"
)


def first_refused(text: str) -> tuple[int, Message] | None:
    """(index, why) of the first character of `text` that may not appear, or None."""
    for match in _COMMON.finditer(text):
        why = refused(match.group())
        if why:
            return match.start(), why
    return None


def all_refused(text: str) -> list[tuple[int, Message]]:
    """(index, why) of every character of `text` that may not appear."""
    return [(match.start(), why) for match in _COMMON.finditer(text) if (why := refused(match.group()))]
