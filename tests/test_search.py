"""How a language's pages are split into Pagefind runs (search.plan_parts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from casebook import search
from casebook.search import SearchIndexError, plan_parts

MARKED = "<html><body><div data-pagefind-body>text</div></body></html>"
UNMARKED = "<html><body>a listing: &lt;div data-pagefind-body&gt; in its text</body></html>"


def site_with(tmp_path: Path, pages: dict[str, str]) -> Path:
    for path, html in pages.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(html, "utf-8")
    return tmp_path


def test_parts_hold_the_marked_pages_of_one_language_in_path_order(tmp_path: Path):
    site = site_with(tmp_path, {
        "index.html": MARKED,
        "cases/b/index.html": MARKED,
        "cases/a/index.html": MARKED,
        "themes/index.html": UNMARKED,
        "about/index.html": MARKED,
        "en/index.html": MARKED,
        "en/cases/a/index.html": MARKED,
        "pagefind/pagefind-ui.html": MARKED,
        "pagefind-2/stray.html": MARKED,
    })
    assert plan_parts(site, "", ("en",), part_pages=2) == [
        ["about/index.html", "cases/a/index.html"],
        ["cases/b/index.html", "index.html"],
    ]
    assert plan_parts(site, "en", ("en",), part_pages=2) == [["cases/a/index.html", "index.html"]]


def test_parts_are_as_few_as_the_size_allows_and_of_even_size(tmp_path: Path):
    site = site_with(tmp_path, {f"cases/{name}/index.html": MARKED for name in "abcde"})
    assert [len(part) for part in plan_parts(site, "", (), part_pages=4)] == [3, 2]
    assert [len(part) for part in plan_parts(site, "", (), part_pages=5)] == [5]


def test_a_part_also_ends_before_its_glob_outgrows_one_command_line_argument(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    site = site_with(tmp_path, {f"cases/{name}/index.html": MARKED for name in ("a", "b", "c")})
    monkeypatch.setattr(search, "GLOB_CHARS", 40)  # each path is 18 characters and a comma
    assert plan_parts(site, "", (), part_pages=1_000) == [
        ["cases/a/index.html", "cases/b/index.html"],
        ["cases/c/index.html"],
    ]


def test_a_page_path_that_would_change_the_glob_is_refused(tmp_path: Path):
    site = site_with(tmp_path, {"cases/a,b/index.html": MARKED})
    with pytest.raises(SearchIndexError) as error:
        plan_parts(site, "", ())
    assert str(error.value) == "cases/a,b/index.html: a page path with any of {}[]*?,\\ cannot be given to Pagefind's --glob"
