"""Citations of cases and practices: GB/T 7714-2015 and APA 7, exact text per language."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest
from conftest import FIXTURE_DATA

from casebook.catalog import build_catalog
from casebook.citation import Cited, cite, printable_url
from casebook.render import View


@pytest.fixture(scope="module")
def catalog():
    return dataclasses.replace(build_catalog(FIXTURE_DATA), site_url="https://casebook.example.org/")


def without_breaks(html: str) -> str:
    """The citation without the address's wrapping points (printable_url, tested below)."""
    return re.sub(r'<span class="cb-nobr">([^<]*)</span>|<wbr>', r"\1", html)


ACCESSED_ZH = '<span class="cb-accessed">引用日期</span>'
ACCESSED_EN = '<span class="cb-accessed">date accessed</span>'


@pytest.mark.parametrize(
    ("lang", "style", "practice", "expected"),
    [
        (
            "zh",
            "gbt7714",
            None,
            f"社区实践案例库. 甲社区[EB/OL]. (2026-02-01)[{ACCESSED_ZH}]. https://casebook.example.org/cases/alpha-community/.",
        ),
        (
            "zh",
            "apa",
            "mediation-room",
            "社区实践案例库. (2026年2月1日). <i>甲社区：邻里调解室</i>. "
            "https://casebook.example.org/cases/alpha-community/#mediation-room",
        ),
        (
            "en",
            "gbt7714",
            "mediation-room",
            "COMMUNITY PRACTICE CASEBOOK. Alpha Community: Neighbourhood mediation room[EB/OL]. "
            f"(2026-02-01)[{ACCESSED_EN}]. https://casebook.example.org/en/cases/alpha-community/#mediation-room.",
        ),
        (
            "en",
            "apa",
            None,
            "Community Practice Casebook. (2026, February 1). <i>Alpha Community</i>. "
            "https://casebook.example.org/en/cases/alpha-community/",
        ),
    ],
)
def test_case_and_practice_citations(catalog, lang, style, practice, expected):
    case = catalog.case("alpha-community")
    chosen = next((p for p in case.practices if p.id == practice), None)
    assert without_breaks(str(View(catalog, lang).cite(style, case, chosen))) == expected


def test_citation_text_is_escaped_and_the_cache_keeps_titles_apart():
    cited = Cited(
        "社区实践案例库", "<script>x</script> *a*", dt.date(2026, 1, 2), "https://casebook.example.org/a?b=1&c=2"
    )
    first = without_breaks(str(cite("apa", "zh", cited, "引用日期")))
    assert first == (
        "社区实践案例库. (2026年1月2日). <i>&#60;script&#62;x&#60;/script&#62; &#42;a&#42;</i>. "
        "https://casebook.example.org/a?b=1&amp;c=2"
    )
    other = str(cite("apa", "zh", dataclasses.replace(cited, title="乙社区"), "引用日期"))
    assert "<i>乙社区</i>" in other and "script" not in other


def test_printed_addresses_wrap_after_slashes_never_at_hyphens():
    assert str(printable_url("https://casebook.example.org/en/cases/a-b/#c-d?x=1&y=2")) == (
        '<span class="cb-nobr">https:/</span><wbr><span class="cb-nobr">/</span><wbr>'
        '<span class="cb-nobr">casebook.example.org/</span><wbr><span class="cb-nobr">en/</span><wbr>'
        '<span class="cb-nobr">cases/</span><wbr><span class="cb-nobr">a-b/</span><wbr>'
        '<span class="cb-nobr">#</span><wbr><span class="cb-nobr">c-d?x=1&amp;y=2</span>'
    )
