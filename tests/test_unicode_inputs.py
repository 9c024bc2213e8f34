"""Every kind of Unicode character, written raw or as a YAML escape, in every text
field of a record and in a vocabulary label: refused with its code point, or
published as inert text."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import markdown
import pytest
from conftest import FIXTURE_DATA
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casebook.catalog import build_catalog
from casebook.characters import refused
from casebook.problems import DataError
from casebook.render import plan_pages
from casebook.scanner import _PageScanner, committed_allowlist

# A record whose every text is a placeholder; TEXT_FIELDS names them.
RECORD = """\
id: gamma-community
name: {zh: NAME_ZH, en: NAME_EN}
location: {district: {zh: DISTRICT_ZH}}
summary: {zh: SUMMARY_ZH, en: SUMMARY_EN}
brands:
  - {name: {zh: BRAND_ZH}, note: {zh: NOTE_ZH, en: NOTE_EN}}
practices:
  - id: gamma-practice
    title: {zh: TITLE_ZH, en: TITLE_EN}
    themes: [grid-governance]
    description: {zh: DESCRIPTION_ZH}
    figures:
      - {label: {zh: LABEL_ZH}, value: 5, unit: case, source: s, period: {zh: PERIOD_ZH}, evidence: 共5件}
honours:
  - {title: {zh: HONOUR_ZH}, source: s}
sources:
  - {id: s, publisher: {zh: PUBLISHER_ZH}, title: {zh: SOURCE_TITLE_ZH}, author: {zh: AUTHOR_ZH}, language: zh}
translation: {original: zh, state: draft}
added: 2026-01-01
updated: 2026-01-01
"""
TEXT_FIELDS = sorted(
    word
    for word in RECORD.replace("{", " ").replace("}", " ").replace(",", " ").split()
    if word.isupper() and "_" in word
)
SUMMARY_FILL = "社区" * 40
THEME_LABEL = "Grid governance"  # in the fixture's data/vocab/themes.yaml
FIELDS = [*TEXT_FIELDS, "THEME_LABEL"]
# Any code point, surrogates included (only an escape can write those).
CHARACTERS = st.one_of(st.characters(), st.integers(0xD800, 0xDFFF).map(chr), st.integers(0xE0000, 0x10FFFF).map(chr))


def _written(char: str, raw: bool) -> str:
    """A double-quoted YAML scalar holding the character between two letters."""
    if raw and char not in '"\\' and not 0xD800 <= ord(char) <= 0xDFFF:
        return f'"a{char}b"'
    return f'"a\\U{ord(char):08x}b"'


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("unicode") / "data"
    shutil.copytree(FIXTURE_DATA, data)
    return data


def _page_findings(catalog) -> list[str]:
    findings = []
    for page in plan_pages(catalog):
        if page.path.startswith("cases/gamma-community"):
            body = page.content.split("---\n", 2)[2]
            scanner = _PageScanner(committed_allowlist(), learn=False, content_only=True)
            scanner.feed(markdown.markdown(body, extensions=["attr_list", "toc", "tables", "admonition"]))
            findings += scanner.findings
    return findings


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(char=CHARACTERS, field=st.sampled_from(FIELDS), raw=st.booleans())
def test_every_character_is_refused_with_its_code_point_or_published_inert(
    project: Path, char: str, field: str, raw: bool
):
    record, themes = RECORD, (FIXTURE_DATA / "vocab" / "themes.yaml").read_text("utf-8")
    value = _written(char, raw)
    if field == "SUMMARY_ZH":  # check wants 80 to 150 Chinese characters in a summary
        value = value[0] + SUMMARY_FILL + value[1:]
    if field == "THEME_LABEL":
        themes = themes.replace(THEME_LABEL, value, 1)
    record = re.sub(rf"\b{field}\b", lambda _: value, record)  # TITLE_ZH, not inside SOURCE_TITLE_ZH
    for name in TEXT_FIELDS:
        record = record.replace(name, SUMMARY_FILL if name == "SUMMARY_ZH" else "文字")
    (project / "cases" / "gamma-community.yaml").write_text(record, "utf-8", errors="surrogatepass")
    (project / "vocab" / "themes.yaml").write_text(themes, "utf-8", errors="surrogatepass")
    try:
        catalog = build_catalog(project)
    except DataError as error:
        if char == "《" and field == "SOURCE_TITLE_ZH":  # a rule of its own: the page sets titles in 《…》
            assert "contains 《; the page sets a title in 《…》" in str(error), str(error)
            return
        assert refused(char) is not None or (raw and char in "\r\x85\ufeff") or "invalid YAML" in str(error), str(error)
        code = f"U+{ord(char):04X}"
        assert code in str(error) or "carriage return" in str(error) or "invalid YAML" in str(error), str(error)
        return
    assert refused(char) is None, f"{char!r} was published"
    assert _page_findings(catalog) == []
