"""Generated Markdown: golden files per language, escaping, figures."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from casebook import formatting
from casebook.catalog import build_catalog
from casebook.markup import inline, prose
from casebook.model import Figure
from casebook.render import plan_pages
from conftest import FIXTURE_DATA


@pytest.fixture(scope="module")
def catalog():
    return build_catalog(FIXTURE_DATA)


def test_generated_pages_match_golden_files(catalog, golden):
    pages = plan_pages(catalog)
    for page in pages:
        golden.check(f"pages/{page.path}", page.content)
    listed = sorted(page.path for page in pages)
    golden.check("pages.txt", "\n".join(listed) + "\n")


def test_page_plan_is_complete(catalog):
    paths = sorted(page.path for page in plan_pages(catalog))
    base = [
        "cases/alpha-community",
        "cases/beta-community",
        "cases/index",
        "compare/index",
        "glossary/index",
        "overview/index",
        "practices/index",
        "regions/index",
        "regions/inner-mongolia",
        "status/index",
        "themes/dispute-mediation",
        "themes/festivals-and-culture",
        "themes/grid-governance",
        "themes/index",
    ]
    assert paths == sorted([f"{path}.md" for path in base] + [f"{path}.en.md" for path in base])


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "zh", "en"),
    [
        (5102, "household", None, "5102户", "5,102 households"),
        (1, "household", None, "1户", "1 household"),
        (16000, "person", "over", "1.6万余人", "over 16,000 people"),
        (8000000, "yuan", "over", "800余万元", "over 8,000,000 yuan"),
        (12000000, "yuan", None, "1200万元", "12,000,000 yuan"),
        (30000, "person", "more-than", "3万多人", "more than 30,000 people"),
        (300, "case", "nearly", "近300件", "nearly 300 cases"),
        (6000, "person-time", "exceeding", "超过6000人次", "over 6,000 visits"),
        (0.36, "km2", None, "0.36平方公里", "0.36 km²"),
        (12345, "person", "about", "约12345人", "about 12,345 people"),
    ],
)
def test_figures_are_written_per_language(catalog, value, unit, qualifier, zh, en):
    figure = Figure(value=value, unit=unit, qualifier=qualifier, source="s")
    assert formatting.figure(figure, "zh", catalog.vocab) == zh
    assert formatting.figure(figure, "en", catalog.vocab) == en


def test_inline_text_cannot_start_markup():
    assert inline('<script>alert("x")</script> *a* _b_ [c](d) {: onclick=1} # | & `e`\nf') == (
        "&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#42;a&#42; &#95;b&#95; &#91;c&#93;(d) "
        "&#123;: onclick=1&#125; &#35; &#124; &#38; &#96;e&#96; f"
    )


def test_prose_keeps_emphasis_and_https_links_and_shows_html_as_text():
    assert prose("Some *emphasis* and [a link](https://example.org/a?b=1&c=2).\n\n<b>bold?</b>") == (
        '<p>Some <em>emphasis</em> and <a href="https://example.org/a?b=1&amp;c=2" '
        'rel="nofollow noopener noreferrer">a link</a>.</p>\n<p>&lt;b&gt;bold?&lt;/b&gt;</p>'
    )


@pytest.mark.parametrize(
    "payload",
    [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](vbscript:msgbox(1))",
        '[x](https://ok.example "t" onclick="alert(1)")',
        "![img](https://example.org/x.png)",
    ],
)
def test_prose_links_cannot_carry_script(payload: str):
    elements = _elements(prose(payload))
    assert {tag for tag, _ in elements} <= {"p", "a"}
    for _, attributes in elements:
        assert set(attributes) <= {"href", "title", "rel"}
        assert attributes.get("href", "https://").startswith("https://")


def _elements(html: str) -> list[tuple[str, dict[str, str]]]:
    found: list[tuple[str, dict[str, str]]] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, {name: value or "" for name, value in attrs}))

    Collector().feed(html)
    return found


def test_a_theme_with_many_practices_is_summed_up_on_the_practices_page(catalog, monkeypatch):
    from casebook import render

    monkeypatch.setattr(render, "PRACTICE_LIST_LIMIT", 0)  # each fixture theme has one practice
    pages = {page.path: page.content for page in plan_pages(catalog)}
    section = pages["practices/index.en.md"].split("{#dispute-mediation}")[1].split("\n## ")[0]
    assert section.strip() == "[Practices under this theme: 1, all listed on the theme page](../themes/dispute-mediation.md)"


def test_pages_rendered_by_several_processes_are_the_same_pages(catalog):
    assert plan_pages(catalog, workers=3) == plan_pages(catalog, workers=1)  # forked, then in this process


@pytest.mark.parametrize(
    ("here", "there", "anchor", "url"),
    [
        ("themes/volunteering", "cases/alpha", "practice-1", "../../cases/alpha/#practice-1"),
        ("cases/index", "cases/alpha", "", "alpha/"),
        ("cases/alpha", "themes/index", "", "../../themes/"),
        ("cases/alpha", "cases/alpha", "sources", "./#sources"),
    ],
)
def test_page_urls_are_relative_folder_urls(here, there, anchor, url):
    from casebook.render import page_url

    assert page_url(here, there, anchor) == url


def test_page_url_refuses_what_is_not_a_page_path():
    from casebook.render import page_url

    with pytest.raises(ValueError, match=r"not a page path: \.\./etc#"):
        page_url("cases/a", "../etc")
