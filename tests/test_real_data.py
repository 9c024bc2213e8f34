"""The real data/: the seven seed cases complete, bilingual, traceable to their source articles.

Cases added later by contributors are checked by the build's rules, not here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from casebook.catalog import build_catalog
from casebook.model import Case, Figure
from casebook.rules import texts, walk

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT.parent / "shared" / "sources"
ARTICLES = {
    "taixing-community": "taixing-zhaojun-street.en.txt",
    "shanchuan-community": "shanchuan-chaoyang-street.zh.txt",
    "qingquanjie-community": "qingquanjie-xinglongxiang.zh-hant.txt",
    "jianglin-community": "bayannur-four-communities.zh.txt",
    "zhongshan-community": "bayannur-four-communities.zh.txt",
    "fuyuan-community": "bayannur-four-communities.zh.txt",
    "nankai-community": "bayannur-four-communities.zh.txt",
}
CHINESE_NUMERALS = "零一二三四五六七八九十"


@pytest.fixture(scope="module")
def catalog():
    return build_catalog(ROOT / "data")


def seed_cases(catalog) -> list[Case]:
    return [case for case in catalog.cases if case.id in ARTICLES]


def test_the_seven_communities_are_present(catalog):
    assert sorted(case.id for case in seed_cases(catalog)) == sorted(ARTICLES)


def test_every_text_is_in_both_languages(catalog):
    gaps = [
        f"{case.id}: {'.'.join(map(str, path))}.{lang}"
        for case in seed_cases(catalog)
        for path, text in texts(case)
        for lang in ("zh", "en")
        if not text.get(lang) and not (path[:1] == ("sources",) and path[2:] == ("author",))
    ]
    assert gaps == []


def test_every_theme_is_used_by_a_practice(catalog):
    used = {theme for case in catalog.cases for practice in case.practices for theme in practice.themes}
    assert [theme.key for theme in catalog.vocab.themes if theme.key not in used] == []


def test_summaries_have_80_to_150_chinese_characters(catalog):
    lengths = {case.id: len(re.findall(r"[\u4e00-\u9fff]", case.summary.zh)) for case in seed_cases(catalog)}
    assert {case: n for case, n in lengths.items() if not 80 <= n <= 150} == {}


def test_glossary_is_large_enough_and_vocabularies_complete(catalog):
    assert len(catalog.vocab.glossary) >= 40
    assert len(catalog.vocab.ethnic_groups) == 56
    assert len(catalog.vocab.regions) == 34


def _spellings(value: int | float) -> set[str]:
    """Ways an article may write a number: 2732, 1.6万, 800余万 (as 800), 三."""
    spellings = {f"{value:g}", str(value)}
    if isinstance(value, int) and value >= 10_000:
        spellings.add(f"{value / 10_000:g}")
    if isinstance(value, int) and value <= 10:
        spellings.add(CHINESE_NUMERALS[value])
    return spellings


def _figures(case: Case) -> list[tuple[str, Figure]]:
    return [(".".join(map(str, path)), value) for path, value in walk(case) if isinstance(value, Figure)]


def test_every_figure_can_be_found_in_its_article(catalog):
    assert SOURCES.is_dir(), f"source articles not found at {SOURCES}"
    untraced = []
    for case in seed_cases(catalog):
        article = (SOURCES / ARTICLES[case.id]).read_text("utf-8")
        for path, figure in _figures(case):
            if not any(spelling in article for spelling in _spellings(figure.value)):
                untraced.append(f"{case.id}: {path} = {figure.value}")
    assert untraced == []


def test_records_name_no_private_resident(catalog):
    # The Qingquanjie article names a resident performer by nickname; the record must not.
    for case in catalog.cases:
        for _, text in texts(case):
            assert "二大娘" not in (text.zh or "")


def test_real_site_builds_strictly_and_passes_the_scan(tmp_path_factory):
    from casebook.publish import publish
    from casebook.scanner import committed_allowlist, scan_site
    from sitebuild import make_project

    project = make_project(tmp_path_factory.mktemp("real"), ROOT / "data")
    site = publish(project)  # strict build into a fresh folder, scanned before it is published
    assert scan_site(site, committed_allowlist()) == []
    assert sorted(p.name for p in (site / "cases").iterdir() if p.is_dir()) == sorted(ARTICLES)
