"""Personal data that must never reach a record's text: phone numbers, ID-card numbers, email."""

from __future__ import annotations

import re
from collections.abc import Iterator

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_MOBILE = re.compile(r"(?<![0-9])(?:\+?86[- ]?)?1[3-9][0-9][- ]?[0-9]{4}[- ]?[0-9]{4}(?![0-9])")
_LANDLINE = re.compile(r"(?<![0-9])(?:\(0[0-9]{2,3}\)|0[0-9]{2,3}-)[0-9]{7,8}(?![0-9])")
_ID_CARD = re.compile(r"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])")
_DIGITS = re.compile(r"[0-9]{3}[- ]?[0-9]{4}")  # every number above has such a run
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def _valid_id_card(number: str) -> bool:
    total = sum(int(digit) * weight for digit, weight in zip(number[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == number[17].upper()


def personal_data(text: str) -> Iterator[str]:
    """Names of the kinds of personal data found in text."""
    # The cheap tests first: most texts have no "@" and no run of seven digits.
    if "@" in text and _EMAIL.search(text):
        yield "an email address"
    if not _DIGITS.search(text):
        return
    if _MOBILE.search(text) or _LANDLINE.search(text):
        yield "a phone number"
    if any(_valid_id_card(match.group()) for match in _ID_CARD.finditer(text)):
        yield "a Chinese ID-card number"
