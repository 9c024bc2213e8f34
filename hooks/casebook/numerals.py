"""Whether a passage states a number, in any of the ways articles write it.

A figure's evidence is a quoted passage of its source; the figure's value must
occur in it: 16000 as 16000, 16,000, 1.6万, 1.6萬 or 一万六千; 7 as 7, 七 or seven;
0 as 0, 零, 无/無 or no.
"""

from __future__ import annotations

import functools
import re

DIGITS = "零一二三四五六七八九"
CHINESE_NUMERALS = DIGITS + "两十百千万亿"  # 十 is not stated by 十一, nor 三 by 三十
SMALL_UNITS = ((1000, "千"), (100, "百"), (10, "十"))
ENGLISH = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]
# Words for none: 无一例上访案件 (not a single case), "no petitions".
ZERO_WORDS = ("无", "無", "no", "none", "not a single")
# Between a count of 万 and 万 a Chinese article may put its qualifier: 800余万, 30多萬.
WAN_QUALIFIERS = "(?:余|餘|多)?"
# Not the tail of a longer number, as _written_alone checks digits.
ALONE_BEFORE = r"(?<!\d)(?<!\d[.,])"


def states(text: str, value: int | float) -> bool:
    """True when `text` writes `value` in one of its forms, not as part of a longer number."""
    if any(_written_alone(text, form) for form in _digit_forms(value)):
        return True
    folded = text.casefold()
    # A substring test first: most evidence writes the value in digits, and compiling a
    # pattern for every figure's value cost more than the rest of the record's rules.
    return any(literal in folded and _compiled(pattern).search(text) for literal, pattern in _word_patterns(value))


def _digit_forms(value: int | float) -> list[str]:
    forms = [_digits(value)]
    if isinstance(value, int) and value >= 1000:
        forms.append(f"{value:,}")
    return forms


def _written_alone(text: str, form: str) -> bool:
    """`form` occurs in `text` not as the tail or head of a longer number (15400, 1,5400,
    0.5400, 5400.5); a comma used as Chinese punctuation before a number (在山川社区,1.6万) is fine."""
    start = text.find(form)
    while start != -1:
        end = start + len(form)
        before = text[max(0, start - 2) : start]
        after = text[end : end + 2]
        if not _number_continues(before[::-1]) and not _number_continues(after):
            return True
        start = text.find(form, start + 1)
    return False


def _number_continues(beside: str) -> bool:
    """Whether the characters beside a number, read away from it, continue it: a digit, or
    a decimal point or thousands comma followed by a digit."""
    return beside[:1].isdecimal() or (beside[:1] in (".", ",") and beside[1:2].isdecimal())


@functools.lru_cache(maxsize=4096)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _word_patterns(value: int | float) -> list[tuple[str, str]]:
    """(a literal every match contains, casefolded; the pattern) for the forms not in digits."""
    patterns = []
    if value >= 10_000:
        wan = _digits(value / 10_000)
        patterns.append((wan, rf"{ALONE_BEFORE}{re.escape(wan)}{WAN_QUALIFIERS}[万萬]"))
    if isinstance(value, int):
        numeral = chinese(value)
        patterns.append((numeral, rf"(?<![{CHINESE_NUMERALS}]){re.escape(numeral)}(?![{CHINESE_NUMERALS}])"))
        if value <= len(ENGLISH) - 1:
            patterns.append((ENGLISH[value], rf"\b{ENGLISH[value]}\b"))
        if value == 0:
            patterns += [(word, re.escape(word)) for word in ZERO_WORDS]
        if value == 2:
            patterns.append(("", f"(?<![{CHINESE_NUMERALS}])[两兩](?![{CHINESE_NUMERALS}])"))  # 两个民族
    return patterns


def _digits(value: int | float) -> str:
    return str(value) if isinstance(value, int) else f"{value:.10g}"


def chinese(value: int) -> str:
    """An integer in Chinese numerals as articles write it: 十二, 三百零五, 一万六千."""
    if value == 0:
        return DIGITS[0]
    if value >= 10**8:
        high, low = divmod(value, 10**8)
        return chinese(high) + "亿" + (_padded(low, 10**7) if low else "")
    if value >= 10**4:
        high, low = divmod(value, 10**4)
        return _below_wan(high) + "万" + (_padded(low, 1000) if low else "")
    return _below_wan(value)


def _padded(low: int, place: int) -> str:
    """The lower part after 万 or 亿: a gap in the places reads 零 (一万零五)."""
    return ("零" if low < place else "") + chinese(low)


def _below_wan(value: int) -> str:
    text, pending_zero = "", False
    for place, name in SMALL_UNITS:
        digit, value = divmod(value, place)
        if digit:
            text += ("零" if pending_zero else "") + (
                "" if (place == 10 and digit == 1 and not text) else DIGITS[digit]
            )
            text += name
            pending_zero = False
        elif text:
            pending_zero = True
    if value:
        text += ("零" if pending_zero else "") + DIGITS[value]
    return text
