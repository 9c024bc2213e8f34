"""What a reader does, in a real headless Chromium: switch language, search."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright
from sitebuild import CHROMIUM, CHROMIUM_ARGS, serving


@pytest.fixture(scope="module")
def base_url(built_site: Path) -> Iterator[str]:
    with serving(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).is_file(), f"Chromium not found at {CHROMIUM}: .ci/run installs Debian's chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


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
    box = page.locator(".pagefind-ui__search-input")
    box.fill(query)
    # Chinese typed through an input method arrives without key events: finish
    # with a key press as a reader would.
    box.press("End")
    page.locator(".pagefind-ui__message").filter(has_text=re.compile(r"\d")).wait_for(timeout=10_000)
    wait_for_results(page)
    links = page.locator(".pagefind-ui__result-link")
    return links.evaluate_all("links => links.map(a => new URL(a.href).pathname + new URL(a.href).hash)")


def wait_for_results(page: Page) -> None:
    """Waits until every result shows its page: the count comes first, then each
    result loads its fragment and replaces a grey placeholder (.pagefind-ui__loading).
    Reading the results before that raced: CI once saw no excerpt at all."""
    expect(page.locator(".pagefind-ui__loading")).to_have_count(0, timeout=10_000)


def test_chinese_word_from_the_middle_of_a_sentence_finds_the_case(page: Page):
    # 聚居 sits in the middle of the summary: 甲社区是一个多民族聚居的社区
    # Listing pages are left out of the index: results point at the case itself.
    assert search(page, "/search/", "聚居") == ["/cases/alpha-community/", "/cases/alpha-community/#alpha-community"]


def test_english_word_from_the_middle_of_a_practice_finds_its_section(page: Page):
    hrefs = search(page, "/en/search/", "quarrels")
    assert hrefs == ["/en/cases/alpha-community/", "/en/cases/alpha-community/#mediation-room"]


def test_results_come_from_every_part_of_the_index(page: Page):
    # The fixture index is in parts of three pages (conftest.built_site): /en/about/ and
    # /en/benchmark/ are in the first, /en/contribute/ and /en/data/ in the second, /en/glossary/
    # and /en/ in the third.
    search(page, "/en/search/", "casebook")
    page.locator(".pagefind-ui__button").click()  # Pagefind shows five results, then "Load more results"
    expect(page.locator(".pagefind-ui__result")).to_have_count(6)
    wait_for_results(page)
    links = page.locator(".pagefind-ui__result-link")
    hrefs = links.evaluate_all("links => links.map(a => new URL(a.href).pathname)")
    assert {href.split("#")[0] for href in hrefs} == {
        "/en/", "/en/about/", "/en/benchmark/", "/en/contribute/", "/en/data/", "/en/glossary/",
    }
    assert page.locator(".pagefind-ui__message").inner_text() == "6 results for casebook"


def test_a_reader_never_sees_the_twin_page_in_the_other_language(page: Page):
    zh = search(page, "/search/", "Alpha")
    en = search(page, "/en/search/", "Alpha")
    assert zh and all(not href.startswith("/en/") for href in zh)
    assert en and all(href.startswith("/en/") for href in en)


def test_a_search_link_from_a_handout_opens_with_its_results(page: Page):
    page.goto("/en/search/?q=quarrels")
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=10_000)
    assert page.locator(".pagefind-ui__search-input").input_value() == "quarrels"
    assert page.locator(".pagefind-ui__message").inner_text() == "1 result for quarrels"


def test_a_search_with_no_match_says_so_in_the_reader_s_language(page: Page):
    search_for_nothing = "/search/?q=zzzqqq"
    page.goto(search_for_nothing)
    message = page.locator(".pagefind-ui__message")
    message.filter(has_text="未找到").wait_for(timeout=10_000)
    assert message.inner_text() == "未找到 zzzqqq 的相关结果"


def test_search_excerpts_show_record_text_as_text(page: Page):
    # Pagefind stores plain text (here "a case is at /cases/<id>/ in Chinese and …"
    # from the contributor guide); its UI must escape it, or record text could become markup.
    search(page, "/en/search/", "cases Chinese English")
    excerpts = page.locator(".pagefind-ui__result-excerpt")
    assert any("/cases/<id>/" in text for text in excerpts.all_inner_texts())
    assert page.locator(".pagefind-ui__results id").count() == 0


def test_a_linked_search_shows_every_filter_group_when_filters_load_slowly(browser: Browser, built_site: Path):
    # Pagefind's UI runs its first search while it loads the filters, and a search
    # reports only the filter groups already loaded (CI once saw Themes without
    # Regions). casebook-search.js loads every filter before the UI starts.
    with serving(built_site, slow="/filter/", delay_s=2) as url:
        context = browser.new_context(base_url=url)
        page = context.new_page()
        page.goto("/en/search/?q=community")
        page.locator(".pagefind-ui__result-link").first.wait_for(timeout=20_000)
        wait_for_results(page)
        groups = page.locator("summary.pagefind-ui__filter-name").all_inner_texts()
        context.close()
    assert groups == ["Ethnic groups", "Regions", "Themes"]


def test_search_results_can_be_filtered_by_region(page: Page):
    search(page, "/en/search/", "community")
    page.locator("summary", has_text="Regions").click()
    page.get_by_label(re.compile(r"^Inner Mongolia Autonomous Region")).check()
    page.locator(".pagefind-ui__message").filter(has_text="1 result").wait_for(timeout=10_000)
    wait_for_results(page)
    links = page.locator(".pagefind-ui__result-link")  # the page and its matching sections
    assert set(links.evaluate_all("links => links.map(a => new URL(a.href).pathname)")) == {"/en/cases/alpha-community/"}
