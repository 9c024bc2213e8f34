"""Personal data that must never reach a record: phone numbers, ID-card numbers, email.

Text is normalised before matching, so that the forms people use to dodge a
filter are caught too: full-width digits and signs (NFKC), digits grouped by
spaces, dots or dashes, and "[at]" / "(dot)" spelled out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

_SPELLED_AT = re.compile(r"\s*[\[(<{]\s*(?:at|@)\s*[\])>}]\s*|\s+at\s+(?=[\w-]+(?:\s+dot\s+|\s*[\[(<{]\s*dot))", re.I)
_SPELLED_WORD = re.compile(r"at|dot", re.I)  # what both need: most texts have neither
_SPELLED_DOT = re.compile(r"\s*[\[(<{]\s*dot\s*[\])>}]\s*|\s+dot\s+", re.I)
# \w: letters of any script, so an internationalised address (书记@例子.中国) is one too.
_EMAIL = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.\w{2,}")
_SEP = r"[\s.\-–—·]?"  # what people put between groups of digits
_MOBILE = re.compile(rf"(?<![0-9])(?:\+?86{_SEP})?1[3-9][0-9]{_SEP}[0-9]{{4}}{_SEP}[0-9]{{4}}(?![0-9])")
_LANDLINE = re.compile(r"(?<![0-9])(?:\(0[0-9]{2,3}\)\s?|0[0-9]{2,3}[\s.\-–—])[0-9]{3,4}[\s.\-]?[0-9]{4}(?![0-9])")
_ID_CARD = re.compile(
    rf"(?<![0-9])[1-9][0-9]{{5}}{_SEP}(?:18|19|20)[0-9]{{2}}[01][0-9][0-3][0-9]{_SEP}[0-9]{{3}}[0-9Xx](?![0-9A-Za-z])"
)
# The first-generation card: 15 digits, a two-digit year, no check digit.
_OLD_ID_CARD = re.compile(
    rf"(?<![0-9])[1-8][0-9]{{5}}{_SEP}[0-9]{{2}}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01]){_SEP}[0-9]{{3}}(?![0-9])"
)
_DIGITS = re.compile(r"[0-9]{3}[\s.\-–—·]?[0-9]{4}")  # every number above has such a run
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def _valid_id_card(match: str) -> bool:
    number = re.sub(r"[^0-9Xx]", "", match)
    total = sum(int(digit) * weight for digit, weight in zip(number[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == number[17].upper()


def normalised(text: str) -> str:
    """Full-width and other compatibility forms as plain ones, "[at]" and "[dot]" as "@" and "."."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    if _SPELLED_WORD.search(text):
        text = _SPELLED_DOT.sub(".", _SPELLED_AT.sub("@", text))
    return text


def personal_data(text: str) -> Iterator[str]:
    """Names of the kinds of personal data found in text."""
    text = normalised(text)
    # The cheap tests first: most texts have no "@" and no run of seven digits.
    if "@" in text and _EMAIL.search(text):
        yield "an email address"
    if not _DIGITS.search(text):
        return
    if _MOBILE.search(text) or _LANDLINE.search(text):
        yield "a phone number"
    if any(_valid_id_card(match.group()) for match in _ID_CARD.finditer(text)) or _OLD_ID_CARD.search(text):
        yield "a Chinese ID-card number"
