"""Reader aids in a real headless Chromium: redirects from former ids, glossary hints."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from test_browser import base_url, page  # noqa: F401  (the same served site)


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_a_former_id_leads_to_the_renamed_case_and_keeps_the_practice_anchor(page: Page, prefix: str):  # noqa: F811
    page.goto(f"{prefix}/cases/jia-community/#mediation-room")
    page.wait_for_url(f"**{prefix}/cases/alpha-community/#mediation-room")
    assert page.title().startswith("Alpha Community - " if prefix else "甲社区 - ")
    page.goto(f"{prefix}/cases/jia-community/")
    page.wait_for_url(f"**{prefix}/cases/alpha-community/")


def test_without_javascript_the_meta_refresh_redirects(browser, base_url: str):  # noqa: F811
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/en/cases/jia-community/")
        page.wait_for_url("**/en/cases/alpha-community/")
        assert page.title() == "Alpha Community - Community Practice Casebook"
    finally:
        context.close()


def test_a_glossary_hint_shows_its_definition_on_hover_and_on_keyboard_focus(page: Page):  # noqa: F811
    page.goto("/en/cases/alpha-community/")
    hint = page.locator("a.cb-hint").first
    definition = hint.locator(".cb-hint-text")
    assert hint.inner_text().startswith("grid workers")
    expect(definition).to_have_css("clip-path", "inset(50%)")  # hidden from sight, read by screen readers
    hint.hover()
    expect(definition).to_have_css("clip-path", "none")
    assert definition.inner_text() == "A community worker responsible for one grid unit."
    page.mouse.move(0, 0)
    expect(definition).to_have_css("clip-path", "inset(50%)")
    page.keyboard.press("Tab")  # from the page's start to the hint: focus it as a keyboard reader does
    for _ in range(60):
        if page.evaluate("document.activeElement.classList.contains('cb-hint')"):
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "../../glossary/#grid-worker"
    expect(definition).to_have_css("clip-path", "none")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/glossary/#grid-worker")


PAGE_TYPES = [
    "/",
    "/cases/",
    "/cases/alpha-community/",
    "/practices/",
    "/themes/",
    "/themes/grid-governance/",
    "/regions/",
    "/regions/inner-mongolia/",
    "/glossary/",
    "/overview/",
    "/compare/?cases=alpha-community,beta-community",
    "/data/",
    "/search/?q=网格",
    "/status/",
    "/about/",
    "/contribute/",
    "/benchmark/",
    "/collections/",
    "/collections/neighbourhood-workshop/",
    "/handouts/neighbourhood-workshop/",
    "/cases/jia-community/",
]


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_no_page_type_logs_a_console_error_or_fails_a_request(page: Page, prefix: str):  # noqa: F811
    problems: list[str] = []
    page.on(
        "console", lambda message: problems.append(f"{page.url}: {message.text}") if message.type == "error" else None
    )
    page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
    page.on(
        "response",
        lambda response: problems.append(f"{response.status} {response.url}") if response.status >= 400 else None,
    )
    for path in PAGE_TYPES:
        page.goto(prefix + path)
        page.wait_for_load_state("networkidle")
    assert problems == []


@pytest.mark.parametrize(
    ("prefix", "label", "results"), [("", "在案例库中查找", "/search/"), ("/en", "Search the casebook", "/en/search/")]
)
def test_the_home_page_search_box_sits_under_the_tabs_and_opens_the_finder(
    page: Page,  # noqa: F811
    prefix: str,
    label: str,
    results: str,
):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{prefix}/")
    tabs = page.locator(".md-tabs").bounding_box()
    box = page.get_by_role("searchbox", name=label, exact=True)
    band = page.locator(".cb-hero").bounding_box()
    assert tabs and band and band["y"] >= tabs["y"] + tabs["height"]
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()  # the home page's navigation is the tabs
    box.fill("调解")
    box.press("Enter")
    page.wait_for_url(f"**{results}?q=%E8%B0%83%E8%A7%A3")
