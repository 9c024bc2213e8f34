"""Every kind of page as a reader sees it in Chromium, in both languages, on a desktop and on a
phone: axe-core finds no serious or critical problem (colour contrast among them) and no skipped
heading level, and nothing is wider than the phone's screen.

axe-core comes from the npm registry, pinned by package-lock.json and installed by `make install`;
the test injects it into each page as an inline script, so the page makes no request to another origin.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from sitebuild import ROOT, serving

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# One page of every kind the site has, by its path under the language root.
PAGE_KINDS = (
    "",
    "search/",
    "cases/",
    "cases/alpha-community/",
    "overview/",
    "compare/",
    "practices/",
    "themes/",
    "themes/grid-governance/",
    "regions/",
    "regions/inner-mongolia/",
    "glossary/",
    "collections/",
    "collections/neighbourhood-workshop/",
    "handouts/neighbourhood-workshop/",
    "data/",
    "about/",
    "contribute/",
    "status/",
    "benchmark/",
)
LANGUAGE_ROOTS = ("/", "/en/")
DESKTOP, PHONE = (1280, 800), (390, 844)
# Rules reported whatever axe thinks of their impact: a skipped heading level, or two search
# landmarks with the same name, mislead a screen-reader user who moves from one to the next.
ALWAYS = {"heading-order", "landmark-unique"}


@pytest.fixture(scope="module")
def base_url(built_site: Path) -> Iterator[str]:
    with serving(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def axe_source() -> str:
    assert AXE.is_file(), f"{AXE} is missing: `make install` installs axe-core from package-lock.json"
    return AXE.read_text("utf-8")


def problems_on(page: Page, axe_source: str) -> list[str]:
    """axe-core's serious and critical violations on the loaded page, one line per element."""
    page.add_script_tag(content=axe_source)
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{rule['id']} ({rule['impact']}): {' '.join(node['target'])}: {node['failureSummary'].splitlines()[-1].strip()}"
        for rule in result["violations"]
        if rule["impact"] in ("serious", "critical") or rule["id"] in ALWAYS
        for node in rule["nodes"]
    ]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("language_root", LANGUAGE_ROOTS, ids=["zh", "en"])
def test_every_kind_of_page_passes_axe(
    browser: Browser, base_url: str, axe_source: str, language_root: str, viewport: tuple[int, int]
):
    width, height = viewport
    context = browser.new_context(base_url=base_url, viewport={"width": width, "height": height})
    page = context.new_page()
    found: list[str] = []
    for kind in PAGE_KINDS:
        page.goto(language_root + kind)
        found += [f"{language_root}{kind}: {problem}" for problem in problems_on(page, axe_source)]
    context.close()
    assert found == []


@pytest.mark.parametrize("language_root", LANGUAGE_ROOTS, ids=["zh", "en"])
def test_no_page_is_wider_than_a_phone(browser: Browser, base_url: str, language_root: str):
    width, height = PHONE
    context = browser.new_context(base_url=base_url, viewport={"width": width, "height": height})
    page = context.new_page()
    widths = {}
    for kind in PAGE_KINDS:
        page.goto(language_root + kind)
        widths[language_root + kind] = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert {path: w for path, w in widths.items() if w > width} == {}


@pytest.mark.parametrize("language_root", LANGUAGE_ROOTS, ids=["zh", "en"])
def test_no_page_requests_another_origin_fails_a_request_or_logs_an_error(
    browser: Browser, base_url: str, language_root: str
):
    # Material's language menu once fetched <page>/sitemap.xml: two 404s and console errors a page.
    page = browser.new_page(base_url=base_url)
    problems: list[str] = []
    page.on("console", lambda message: problems.append(f"console: {message.text}") if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(f"error: {error}"))
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
    page.on(
        "response",
        lambda response: problems.append(f"{response.status}: {response.url}") if response.status >= 400 else None,
    )
    page.on(
        "request",
        lambda request: (
            None if request.url.startswith((base_url, "data:")) else problems.append(f"other origin: {request.url}")
        ),
    )
    found = []
    for kind in PAGE_KINDS:
        page.goto(language_root + kind)
        page.wait_for_load_state("networkidle")
        found += [f"{language_root}{kind}: {problem}" for problem in problems]
        problems.clear()
    page.close()
    assert found == []


def test_axe_finds_low_contrast_when_there_is_some(browser: Browser, base_url: str, axe_source: str):
    # The measurement itself can fail: pale red text on white is reported.
    page = browser.new_page(base_url=base_url)
    page.goto("/about/")
    page.evaluate("document.querySelector('.md-content h1').style.color = '#ff9999'")
    assert [problem.split(":")[0] for problem in problems_on(page, axe_source)] == ["color-contrast (serious)"]
    page.close()


# The "cases" section: the case index and the other ways into the cases, in the navigation's order.
CASES_SECTION = {
    "zh": ["案例", "主题", "地区", "做法", "比较", "概览"],
    "en": ["Cases", "Themes", "Regions", "Practices", "Compare", "Overview"],
}


@pytest.mark.parametrize(
    ("path", "tab", "current"),
    [
        ("/cases/alpha-community/", "案例", []),  # under the section's own page, its heading
        ("/en/cases/alpha-community/", "Cases", []),
        ("/en/themes/grid-governance/", "Cases", ["Themes"]),
        ("/regions/inner-mongolia/", "案例", ["地区"]),
        ("/en/themes/", "Cases", ["Themes"]),
    ],
)
def test_a_case_theme_or_region_page_shows_its_section(
    browser: Browser, base_url: str, path: str, tab: str, current: str
):
    # Not listed in the navigation (that makes the build quadratic), the page still has its tab
    # highlighted and its section's pages beside it, the way in that leads to it marked.
    page = browser.new_page(base_url=base_url)
    page.goto(path)
    assert page.locator(".md-tabs__item--active").all_inner_texts() == [tab]
    section = page.locator(".md-sidebar--primary .md-nav--primary > .md-nav__list > .md-nav__item--active")
    links = section.locator("a.md-nav__link:visible")
    assert [text.strip() for text in links.all_inner_texts()] == CASES_SECTION[
        "en" if path.startswith("/en/") else "zh"
    ]
    marked = section.locator(".md-nav__list .md-nav__item--active > a.md-nav__link:visible")
    assert [text.strip() for text in marked.all_inner_texts()] == current
    assert all(link.evaluate("a => getComputedStyle(a).color") == "rgb(183, 28, 28)" for link in marked.all())
    page.close()


def test_a_page_outside_any_section_highlights_no_tab(browser: Browser, base_url: str):
    page = browser.new_page(base_url=base_url)
    page.goto("/en/handouts/neighbourhood-workshop/")
    assert page.locator(".md-tabs__item--active").count() == 0
    page.close()


def test_on_a_phone_tab_skips_the_closed_drawer(browser: Browser, base_url: str):
    width, height = PHONE
    page = browser.new_page(base_url=base_url, viewport={"width": width, "height": height})
    page.goto("/en/about/")
    in_drawer = []
    for _ in range(12):
        page.keyboard.press("Tab")
        in_drawer.append(page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"))
    assert not any(in_drawer)
    page.locator("label.md-header__button[for='__drawer']").click()
    page.wait_for_timeout(400)
    assert page.locator(".md-sidebar--primary a.md-nav__link").first.is_visible()
    page.close()


def test_a_case_page_offers_its_contents_under_the_title_on_a_phone(browser: Browser, base_url: str):
    width, height = PHONE
    page = browser.new_page(base_url=base_url, viewport={"width": width, "height": height})
    page.goto("/en/cases/alpha-community/")
    contents = page.locator("details.cb-contents")
    contents.locator("summary").click()
    assert contents.locator("summary").inner_text() == "Table of contents"
    contents.get_by_role("link", name="Neighbourhood mediation room").click()
    page.wait_for_url("**/en/cases/alpha-community/#mediation-room")
    page.set_viewport_size({"width": 1280, "height": 800})
    assert not contents.is_visible()
    page.close()
