"""How a language's pages are split into Pagefind runs (search.plan_parts) and what Pagefind reads of them."""

from __future__ import annotations

from pathlib import Path

from casebook.search import indexed_copy, plan_parts, spaced_han

MARKED = "<html><body><div data-pagefind-body>text</div></body></html>"
UNMARKED = "<html><body>a listing: &lt;div data-pagefind-body&gt; in its text</body></html>"


def site_with(tmp_path: Path, pages: dict[str, str]) -> Path:
    for path, html in pages.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(html, "utf-8")
    return tmp_path


def test_parts_hold_the_marked_pages_of_one_language_in_path_order(tmp_path: Path):
    site = site_with(
        tmp_path,
        {
            "index.html": MARKED,
            "cases/b/index.html": MARKED,
            "cases/a/index.html": MARKED,
            "themes/index.html": UNMARKED,
            "about/index.html": MARKED,
            "en/index.html": MARKED,
            "en/cases/a/index.html": MARKED,
            "pagefind/pagefind-ui.html": MARKED,
            "pagefind-2/stray.html": MARKED,
        },
    )
    assert plan_parts(site, "", ("en",), part_pages=2) == [
        ["about/index.html", "cases/a/index.html"],
        ["cases/b/index.html", "index.html"],
    ]
    assert plan_parts(site, "en", ("en",), part_pages=2) == [["cases/a/index.html", "index.html"]]


def test_parts_are_as_few_as_the_size_allows_and_of_even_size(tmp_path: Path):
    site = site_with(tmp_path, {f"cases/{name}/index.html": MARKED for name in "abcde"})
    assert [len(part) for part in plan_parts(site, "", (), part_pages=4)] == [3, 2]
    assert [len(part) for part in plan_parts(site, "", (), part_pages=5)] == [5]


def test_chinese_text_is_indexed_one_character_a_word_and_the_rest_as_built():
    html = (
        '<h1 id="x">网格员 grid</h1><script>var a = "网格";</script><style>p::before{content:"调解"}</style>'
        '<div class="cb-search-filters" hidden data-pagefind-ignore><span data-pagefind-filter="主题">网格治理</span></div>'
        '<p title="调解室">调解室，社区。“1+8+N”</p>'
    )
    assert spaced_han(html) == (
        '<h1 id="x">\u200b网\u200b格\u200b员 grid</h1><script>var a = "网格";</script><style>p::before{content:"调解"}</style>'
        '<div class="cb-search-filters" hidden data-pagefind-ignore><span data-pagefind-filter="主题">网格治理</span></div>'
        '<p title="调解室">\u200b调\u200b解\u200b室\u200b，\u200b社\u200b区\u200b。“1+8+N”</p>'
    )


def test_a_tag_inside_chinese_text_does_not_join_the_characters_on_either_side():
    # A glossary hint links a term in the middle of a sentence (hints.py).
    assert spaced_han('<p>等<a href="#t">基层</a>工作</p>') == (
        '<p>\u200b等\u200b<a href="#t">\u200b基\u200b层\u200b</a>\u200b工\u200b作\u200b</p>'
    )


def test_only_pages_in_a_segmented_language_are_spaced_for_the_index(tmp_path: Path):
    # Pagefind reads a zero-width space as a gap between words only in the languages it
    # segments: an English page (with a Chinese name in it) is indexed as built.
    site, copy = tmp_path / "site", tmp_path / "copy"
    (site / "en").mkdir(parents=True)
    (site / "a.html").write_text('<html lang="zh"><p>网格员</p></html>', "utf-8")
    (site / "en" / "b.html").write_text('<html lang="en"><p>grid worker (网格员)</p></html>', "utf-8")
    indexed_copy(site, ["a.html", "en/b.html"], copy)
    assert (copy / "a.html").read_text("utf-8") == '<html lang="zh"><p>\u200b网\u200b格\u200b员\u200b</p></html>'
    assert (copy / "en" / "b.html").read_text("utf-8") == '<html lang="en"><p>grid worker (网格员)</p></html>'
