"""Personal data is found in the forms people write it to dodge a filter, and ordinary figures are not."""

from __future__ import annotations

import pytest

from casebook.personal_data import personal_data


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("电话１３８１２３４５６７８", ["a phone number"]),  # full-width digits
        ("call 138.1234.5678", ["a phone number"]),
        ("call 138 1234 5678", ["a phone number"]),
        ("+86 138-1234-5678", ["a phone number"]),
        ("座机（010）12345678", ["a phone number"]),  # full-width brackets
        ("座机 010 1234 5678", ["a phone number"]),
        ("身份证110105 19491231 002X", ["a Chinese ID-card number"]),
        ("身份证11010519491231002X", ["a Chinese ID-card number"]),
        ("旧证110105491231002", ["a Chinese ID-card number"]),
        ("name＠example.com", ["an email address"]),
        ("书记@例子.中国", ["an email address"]),
        ("name [at] example [dot] com", ["an email address"]),
        ("name(at)example(dot)org", ["an email address"]),
        ("name at example dot com", ["an email address"]),
    ],
)
def test_dodged_forms_are_found(text: str, kinds: list[str]):
    assert list(personal_data(text)) == kinds


@pytest.mark.parametrize(
    "text",
    [
        "5102户，1.6万余名居民，2023年10月13日",
        "5,102 households; 16,000 residents; area 1.2 km²",
        "the 12345 hotline; 2019-2023; over 300 volunteers at the centre",
        "11010519491231002Y",  # an 18-digit number whose check digit is wrong
        "meet at the hall; the polka dot banner",
        "https://www.gov.cn/xinwen/2023-10/13/content_6908654.htm",
    ],
)
def test_ordinary_text_and_figures_are_not_personal_data(text: str):
    assert list(personal_data(text)) == []
