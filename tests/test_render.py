"""Generated Markdown: golden files per language, escaping, figures."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from conftest import FIXTURE_DATA

from casebook import formatting
from casebook.catalog import build_catalog
from casebook.markup import inline, prose
from casebook.model import Figure
from casebook.render import plan_pages


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
        "collections/index",
        "collections/neighbourhood-workshop",
        "compare/index",
        "glossary/index",
        "handouts/neighbourhood-workshop",
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
    figure = Figure(value=value, unit=unit, qualifier=qualifier, source="s", evidence=str(value))
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
    assert (
        section.strip()
        == "[Practices under this theme: 1, all listed on the theme page](../themes/dispute-mediation.md)"
    )


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


def _case_page(data_dir, path: str) -> str:
    return next(page.content for page in plan_pages(build_catalog(data_dir)) if page.path == path)


def test_a_traditional_chinese_original_is_named_as_such(data_dir):
    record = data_dir / "cases" / "alpha-community.yaml"
    record.write_text(
        record.read_text("utf-8").replace("translation: {original: zh,", "translation: {original: zh-Hant,"), "utf-8"
    )
    zh = _case_page(data_dir, "cases/alpha-community.md")
    assert '<p class="cb-translation cb-original">本页中文据繁体中文原文写成，用简体字。</p>' in zh
    assert '<p class="cb-dates">原文语言：繁体中文。本页中文据繁体中文原文写成，用简体字。</p>' in zh
    en = _case_page(data_dir, "cases/alpha-community.en.md")
    assert (
        '<p class="cb-dates">Original language: Traditional Chinese. The English text on this page is translated' in en
    )


def test_a_subdistrict_lists_its_members_and_each_practice_names_its_own(data_dir):
    record = data_dir / "cases" / "alpha-community.yaml"
    text = (
        record.read_text("utf-8")
        .replace(
            "location:\n",
            "level: subdistrict\nmembers:\n  - {id: east, name: {zh: Dongyuan小区, en: Dongyuan Compound}}\nlocation:\n",
        )
        .replace("  - id: mediation-room\n", "  - id: mediation-room\n    member: east\n")
    )
    record.write_text(text, "utf-8")
    for path, heading, intro_start, member_line in (
        (
            "cases/alpha-community.md",
            "## 下属社区和小区 {#members}",
            "本案例为街道一级",
            '<p class="cb-member">所属：Dongyuan小区</p>',
        ),
        (
            "cases/alpha-community.en.md",
            "## Member communities and compounds {#members}",
            "This case is a subdistrict",
            '<p class="cb-member">Community: Dongyuan Compound</p>',
        ),
    ):
        page = _case_page(data_dir, path)
        members = page.split(heading + "\n\n", 1)[1].split("\n\n\n", 1)[0]
        assert members.startswith(intro_start)
        assert members.endswith(
            "\n\n- " + ("Dongyuan小区" if path.endswith(".md") and not path.endswith(".en.md") else "Dongyuan Compound")
        )
        assert page.count('<p class="cb-member">') == 1 and member_line in page


def test_a_subdistrict_case_is_not_named_again_in_its_own_place(data_dir):
    record = data_dir / "cases" / "alpha-community.yaml"
    text = record.read_text("utf-8").replace(
        "location:\n",
        "level: subdistrict\nmembers:\n  - {id: east, name: {zh: 东园小区, en: Dongyuan Compound}}\nlocation:\n",
    )
    record.write_text(
        text.replace(
            "  derived: [region, city]\n",
            "  subdistrict: {zh: 甲街道, en: Jia Subdistrict}\n  derived: [region, city]\n",
        ),
        "utf-8",
    )
    place = '<dd>内蒙古自治区&#42; · 呼和浩特市&#42; · 玉泉区 <span class="cb-derived-note">'
    assert place in _case_page(data_dir, "cases/alpha-community.md")
