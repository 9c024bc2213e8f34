"""What a reader does, in a real headless Chromium: switch language, search, filter."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURE_DATA
from playwright.sync_api import Browser, Dialog, Page, expect
from sitebuild import build_site, make_project, serving

from casebook.scanner import committed_allowlist, scan_html


@pytest.fixture(scope="module")
def base_url(built_site: Path) -> Iterator[str]:
    with serving(built_site) as url:
        yield url


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda request: None if request.url.startswith(base_url) else outside.append(request.url))
    yield page
    context.close()
    assert outside == [], f"the page requested other origins: {outside}"


def test_language_switch_lands_on_the_same_case(page: Page):
    page.goto("/cases/alpha-community/")
    assert page.locator("html").get_attribute("lang") == "zh"
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_url("**/en/cases/alpha-community/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.title() == "Alpha Community - Community Practice Casebook"


def test_practice_anchor_works_in_both_languages(page: Page):
    for prefix, title in (("", "邻里调解室"), ("/en", "Neighbourhood mediation room")):
        page.goto(f"{prefix}/cases/alpha-community/#mediation-room")
        heading = page.locator("#mediation-room")
        assert heading.evaluate("h => h.firstChild.textContent") == title
        assert heading.evaluate("h => h.getBoundingClientRect().top < window.innerHeight")


def search(page: Page, start: str, query: str) -> list[str]:
    """Types a query into the search page's box and returns the result links (pages and sections)."""
    page.goto(start)
    box = page.get_by_label(re.compile("^(Words to find|要查找的字词)$"))
    box.fill(query)
    box.press("Enter")
    wait_for_results(page)
    return result_links(page)


def result_links(page: Page) -> list[str]:
    links = page.locator(".cb-finder__result-link")
    return links.evaluate_all("links => links.map(a => new URL(a.href).pathname + new URL(a.href).hash)")


def wait_for_results(page: Page) -> None:
    """Waits until the finder shows a count (it writes the results with the count, in one step)."""
    page.locator(".cb-finder__status").filter(has_text=re.compile(r"\d|未找到|No pages")).wait_for(timeout=10_000)


def test_chinese_word_from_the_middle_of_a_sentence_finds_the_case(page: Page):
    # 聚居 sits in the middle of the summary: 甲社区是一个多民族聚居的社区
    # Listing pages are left out of the index: results point at the case itself.
    assert search(page, "/search/", "聚居") == ["/cases/alpha-community/"]


def test_english_word_from_the_middle_of_a_practice_finds_its_section(page: Page):
    hrefs = search(page, "/en/search/", "quarrels")
    assert hrefs == ["/en/cases/alpha-community/", "/en/cases/alpha-community/#mediation-room"]


def test_results_come_from_every_part_of_the_index(page: Page):
    # The fixture index is in parts of three pages (conftest.built_site): /en/about/ and
    # /en/benchmark/ are in the first, /en/contribute/ and /en/data/ in the second, /en/glossary/
    # and /en/ in the third.
    hrefs = search(page, "/en/search/", "casebook")
    assert {href.split("#")[0] for href in hrefs} == {
        "/en/",
        "/en/about/",
        "/en/benchmark/",
        "/en/contribute/",
        "/en/data/",
        "/en/glossary/",
    }
    assert page.locator(".cb-finder__status").inner_text() == "6 pages found"


def test_a_reader_never_sees_the_twin_page_in_the_other_language(page: Page):
    zh = search(page, "/search/", "Alpha")
    en = search(page, "/en/search/", "Alpha")
    assert zh and all(not href.startswith("/en/") for href in zh)
    assert en and all(href.startswith("/en/") for href in en)


def test_a_search_link_from_a_handout_opens_with_its_results(page: Page):
    page.goto("/en/search/?q=quarrels")
    wait_for_results(page)
    assert page.get_by_label("Words to find").input_value() == "quarrels"
    assert page.locator(".cb-finder__status").inner_text() == "1 page found"


def test_a_search_with_no_match_says_so_in_the_reader_s_language(page: Page):
    search_for_nothing = "/search/?q=zzzqqq"
    page.goto(search_for_nothing)
    wait_for_results(page)
    assert page.locator(".cb-finder__status").inner_text() == "未找到“zzzqqq”的相关页面"
    assert result_links(page) == []


def test_search_excerpts_show_record_text_as_text(page: Page):
    # Pagefind stores plain text (here "a case is at /cases/<id>/ in Chinese and …"
    # from the contributor guide); its UI must escape it, or record text could become markup.
    search(page, "/en/search/", "cases Chinese English")
    excerpts = page.locator(".cb-finder__excerpt")
    assert any("/cases/<id>/" in text for text in excerpts.all_inner_texts())
    assert page.locator(".cb-finder__results id").count() == 0


def test_a_linked_search_shows_every_filter_group_when_filters_load_slowly(browser: Browser, built_site: Path):
    # The finder loads every filter before its first search (casebook-search.js):
    # Pagefind's own UI once showed Themes without Regions when filters loaded late.
    with serving(built_site, slow="/filter/", delay_s=2) as url:
        context = browser.new_context(base_url=url)
        page = context.new_page()
        page.goto("/en/search/?q=community")
        wait_for_results(page)
        groups = page.locator(".cb-finder__filter-name").all_inner_texts()
        context.close()
    assert groups == ["Cities", "Ethnic groups", "Honours", "Regions", "Themes"]


def test_search_results_can_be_filtered_by_region_and_the_link_keeps_both(page: Page):
    search(page, "/en/search/", "community")
    page.locator("summary", has_text="Regions").click()  # filter groups are folded
    page.get_by_label(re.compile(r"^Inner Mongolia Autonomous Region")).check()
    page.locator(".cb-finder__status").filter(has_text="1 page found").wait_for(timeout=10_000)
    assert result_links(page) == [
        "/en/cases/alpha-community/",
        "/en/cases/alpha-community/#mediation-room",
        "/en/cases/alpha-community/#festival-gatherings",
        "/en/cases/alpha-community/#sources",
    ]
    assert page.url.endswith("/en/search/?q=community&f=regions%3Ainner-mongolia")
    page.reload()
    wait_for_results(page)
    assert page.get_by_label(re.compile(r"^Inner Mongolia Autonomous Region")).is_checked()
    assert page.locator(".cb-finder__status").inner_text() == "1 page found"


def test_a_filter_without_words_lists_its_pages_and_counts_pages_not_tags(page: Page):
    page.goto("/search/")
    page.locator(".cb-finder__filter").first.wait_for(timeout=10_000)
    page.locator("summary", has_text="主题").click()  # filter groups are folded
    themes = page.locator(".cb-finder__filter", has_text="主题").locator(".cb-finder__option").all_inner_texts()
    assert themes == ["矛盾纠纷调解 (1)", "网格治理 (1)", "节庆与文化 (2)"]
    page.get_by_label(re.compile("^网格治理")).check()
    wait_for_results(page)
    assert result_links(page) == ["/cases/alpha-community/"]
    assert page.locator(".cb-finder__status").inner_text() == "找到 1 个页面"


# Vocabulary labels reach the search page as filter names and values; a pull
# request can change them like any record. Each label below ran a script on the
# search page when Pagefind's own UI wrote filter values as HTML (issue 19).
HOSTILE_LABELS = {
    "themes.yaml": ("网格治理", "<img src=x onerror=alert('theme')>"),
    "regions.yaml": ("内蒙古自治区", "<svg onload=alert('region')>"),
    "ethnic-groups.yaml": ("汉族", "汉族&lt;img src=x onerror=alert('entity')&gt;"),
}
# What casebook-search.js makes, beside what the templates make (the committed allowlist).
FINDER_ELEMENTS = {"form", "label", "input", "details", "summary", "span", "p", "ol", "ul", "li", "a", "mark", "button"}


@pytest.fixture(scope="module")
def hostile_label_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("labels"), FIXTURE_DATA)
    for name, (label, hostile) in HOSTILE_LABELS.items():
        path = project / "data" / "vocab" / name
        path.write_text(path.read_text("utf-8").replace(label, f'"{hostile}"', 1), "utf-8")
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.mark.parametrize("start", ["/search/?q=社区", "/search/?q=a", "/en/search/?q=community"])
def test_hostile_vocabulary_labels_stay_text_on_the_search_page(browser: Browser, hostile_label_site: Path, start: str):
    with serving(hostile_label_site) as url:
        context = browser.new_context(base_url=url)
        page = context.new_page()
        dialogs: list[str] = []

        def refuse(dialog: Dialog) -> None:
            dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", refuse)
        page.goto(start)
        wait_for_results(page)
        for group in page.locator(".cb-finder__filter-name").all():  # every group unfolded
            group.click()
        for box in page.locator(".cb-finder__checkbox").all():  # every filter ticked, one after another
            box.check()
            box.uncheck()
        page.wait_for_timeout(500)  # time for an onerror or onload to fire
        values = page.locator(".cb-finder__value").all_inner_texts()
        rendered = page.content()
        context.close()
    assert dialogs == []
    zh = start.startswith("/search/")
    if zh:
        assert {hostile for _, hostile in HOSTILE_LABELS.values()} <= set(values)
    allow = committed_allowlist()
    allow.content_elements |= FINDER_ELEMENTS
    assert scan_html(rendered, allow) == []


def test_a_figure_shows_its_evidence_on_demand(page: Page):
    page.goto("/en/cases/alpha-community/")
    item = page.locator("ul.cb-outcomes li").filter(has_text="disputes settled")
    quote = item.locator("details.cb-evidence blockquote")
    assert not quote.is_visible()
    item.locator("details.cb-evidence summary").click()
    expect(quote).to_be_visible()
    assert (quote.inner_text(), quote.get_attribute("lang")) == ("调解室成立以来化解纠纷300余件", "zh-Hans")
    assert item.locator("strong").inner_text() == "over 300 cases"


def test_the_header_search_box_on_a_case_page_opens_the_finder_with_the_words(page: Page):
    page.goto("/en/cases/alpha-community/")
    page.keyboard.press("/")
    box = page.get_by_role("searchbox", name="Search")
    expect(box).to_be_focused()
    box.fill("quarrels")
    box.press("Enter")
    page.wait_for_url("**/en/search/?q=quarrels")
    wait_for_results(page)
    assert result_links(page)[0] == "/en/cases/alpha-community/"


def test_switching_language_keeps_the_search_and_the_anchor(page: Page):
    page.goto("/search/?q=调解&f=regions:inner-mongolia")
    wait_for_results(page)
    assert page.get_by_label(re.compile("^内蒙古自治区")).is_checked()
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_url("**/en/search/?*")
    address = urllib.parse.urlsplit(page.url)
    assert (address.path, urllib.parse.parse_qs(address.query)) == (
        "/en/search/",
        {"q": ["调解"], "f": ["regions:inner-mongolia"]},
    )
    assert page.get_by_label("Words to find").input_value() == "调解"
    wait_for_results(page)
    assert page.get_by_label(re.compile("^Inner Mongolia Autonomous Region")).is_checked()
    page.goto("/cases/alpha-community/#mediation-room")
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_url("**/en/cases/alpha-community/#mediation-room")
