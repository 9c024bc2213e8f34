"""The search-engine comparison (tests/search_engines.py, `make search-engines`): its table and its
re-indexing, on the pinned engine (the others are installed only when it runs)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from benchmark_report import engines_table
from search_engines import OPTIONS, Option, ask, reindex

from casebook.search import PAGEFIND, ZERO_WIDTH_SPACE, fragments


def _option(version: str, segmentation: str, query: str, zh: tuple, en: tuple, kb: tuple) -> dict:
    return {
        "key": Option(version, segmentation, query).key,
        "version": version,
        "segmentation": segmentation,
        "query": query,
        "quality": {
            "zh": {"queries": 3, "recall_pct": zh[0], "precision_pct": zh[1]},
            "en": {"queries": 2, "recall_pct": en[0], "precision_pct": en[1]},
        },
        "first_search_kb_gzip": {"zh": kb[0], "en": kb[1]},
        "first_search_results": {"zh": 20, "en": 20},
    }


ENGINES = {
    "environment": {"date": "2026-12-02", "machine": "x86_64, 2 cores"},
    "cases": 1000,
    "options": [
        _option("1.6.0", "own", "phrase", (90.0, 99.0), (100.0, 96.0), (180.5, 170.0)),
        _option("1.5.2", "chars", "finder", (100.0, 99.6), (100.0, 97.2), (268.6, 221.9)),
        _option("1.4.0", "own", "plain", (99.0, 60.0), (100.0, 64.9), (301.0, 150.0)),
    ],
}


def test_the_table_says_what_each_option_measured_and_which_targets_it_misses():
    assert engines_table(ENGINES, "en") == [
        "Measured by `make search-engines` (x86_64, 2 cores; 2026-12-02): recall and precision with every query of "
        "the real casebook (3 Chinese, 2 English), the download at 1,000 synthetic cases.",
        "",
        "| Pagefind | Index segmented by | Query | zh recall / precision | en recall / precision "
        "| First-search download (gzip, zh / en, 1,000 cases) | Targets |",
        "|---|---|---|---|---|---|---|",
        "| 1.6.0 (npm) | Pagefind itself | query in quotes (exact phrase) | 90.0 % / 99.0 % | 100.0 % / 96.0 % "
        "| 180.5 / 170.0 KB | not met: recall |",
        "| 1.5.2 (PyPI, the version pinned today) | us: one Han character a word (a copy with a zero-width space "
        "beside each) | our finder (Chinese asked as exact phrases of characters) | 100.0 % / 99.6 % "
        "| 100.0 % / 97.2 % | 268.6 / 221.9 KB | all met |",
        "| 1.4.0 (PyPI) | Pagefind itself | query as typed | 99.0 % / 60.0 % | 100.0 % / 64.9 % "
        "| 301.0 / 150.0 KB | not met: recall, precision, download |",
        "",
    ]
    assert engines_table(ENGINES, "zh")[5] == (
        "| 1.5.2（PyPI，当前锁定的版本） | 我们：逐字（每个汉字两侧加零宽空格的副本） | 本站搜索页（中文按逐字的精确短语查询） "
        "| 100.0 % / 99.6 % | 100.0 % / 97.2 % | 268.6 / 221.9 KB | 全部达到 |"
    )
    assert engines_table(None, "en") == []


def test_each_engine_is_measured_with_its_own_segmentation_and_with_ours():
    assert [option.key for option in OPTIONS] == [
        "1.4.0-own-plain",
        "1.4.0-own-phrase",
        "1.4.0-own-filtered",
        "1.4.0-chars-finder",
        "1.5.2-own-plain",
        "1.5.2-own-phrase",
        "1.5.2-own-filtered",
        "1.5.2-chars-finder",
        "1.6.0-own-plain",
        "1.6.0-own-phrase",
        "1.6.0-own-filtered",
        "1.6.0-chars-finder",
    ]
    assert ask(Option("1.6.0", "own", "phrase")) == (
        'async q => { const search = await window.casebookFinder.pagefind.search(`"${q}"`);'
        " let pages = await Promise.all(search.results.map(result => result.data()));"
        " return { urls: pages.map(page => page.url), apart: false, count: pages.length }; }"
    )
    # Filtered: the first 200 candidates read, those whose text holds the query kept, the first 20 shown.
    filtered = ask(Option("1.6.0", "own", "filtered"), 20)
    assert "search.results.slice(0, 200).map(result => result.data())" in filtered
    assert "pages = pages.filter(page => holds(" in filtered and "pages = pages.slice(0, 20);" in filtered
    assert ask(Option("1.5.2", "chars", "finder")) == "query => window.casebookFinder.pages(query)"


def _chinese_text(site: Path) -> str:
    return "\n".join(fragment["content"] for _, fragment in fragments(site) if not fragment["url"].startswith("/en/"))


TWO_HAN = re.compile("[\u4e00-\u9fff]{2}")  # two characters in a row: a word of Pagefind's own segmentation


def test_a_site_is_indexed_again_from_the_pages_as_built_or_spaced(built_site: Path, tmp_path: Path):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    pages = sorted(path["url"] for _, path in fragments(built_site))
    # Pagefind stores the words it segmented with a zero-width space between them.
    reindex(site, PAGEFIND, "own")
    assert sorted(path["url"] for _, path in fragments(site)) == pages
    assert TWO_HAN.search(_chinese_text(site))
    reindex(site, PAGEFIND, "chars")
    assert sorted(path["url"] for _, path in fragments(site)) == pages
    assert not TWO_HAN.search(_chinese_text(site))
    assert f"网{ZERO_WIDTH_SPACE}格{ZERO_WIDTH_SPACE}员" in _chinese_text(site)
