"""The compare page in a real headless Chromium, on the fixtures plus a third case: pick three,
reload the address, print, and without JavaScript."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from conftest import FIXTURE_DATA
from playwright.sync_api import Browser, Page, expect
from sitebuild import build_site, make_project, serving

GAMMA = """id: gamma-community
name: {zh: 丙社区, en: Gamma Community}
location: {region: inner-mongolia}
profile:
  households: {value: 1200, unit: household, qualifier: about, as_of: 2024-12-31, source: notice, evidence: 社区约有1200户居民}
  others:
    - {label: {zh: 楼栋单元, en: building entrances}, value: 188, unit: building-unit, source: notice, evidence: 共188个单元}
summary:
  zh: 丙社区的网格员每周走访辖区里的每一户居民，把听到的困难和诉求记进台账，再按轻重缓急逐件交给社区办理。社区每月召开一次居民议事会，请居民代表一起商量小区里的公共事务，并把办理结果张贴在楼道里公开。
  en: "Gamma Community's grid workers visit every household each week, note the difficulties and requests they hear and pass each one to the community to settle in order of urgency. A monthly residents' council discusses the compound's shared affairs, and the results are posted in the stairwells."
practices:
  - id: weekly-visits
    title: {zh: 每周走访, en: Weekly visits}
    themes: [grid-governance]
    description: {zh: 网格员每周入户走访。, en: Grid workers visit every household each week.}
sources:
  - {id: notice, publisher: {zh: 丙街道, en: Gamma Subdistrict}, title: {zh: 工作通报, en: Work notice}, language: zh}
translation: {original: zh, state: draft}
added: 2026-04-01
updated: 2026-04-01
"""
# Alpha's other figures: one on the same basis as Gamma's, one that only Alpha gives.
ALPHA_OTHERS = """  others:
    - {label: {zh: 楼栋单元, en: building entrances}, value: 96, unit: building-unit, source: report, evidence: 共96个单元}
    - {label: {zh: 党员, en: Party members}, value: 90, unit: person, qualifier: over, source: report, evidence: 党员90余名}
"""


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = make_project(tmp_path_factory.mktemp("compare"), FIXTURE_DATA)
    (project / "data" / "cases" / "gamma-community.yaml").write_text(GAMMA, "utf-8")
    alpha = project / "data" / "cases" / "alpha-community.yaml"
    groups = "  ethnic_groups: [han, mongol, hui]\n"
    alpha.write_text(alpha.read_text("utf-8").replace(groups, groups + ALPHA_OTHERS), "utf-8")
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    with serving(project / "site") as url:
        yield url


@pytest.fixture
def page(browser: Browser, site_url: str) -> Iterator[Page]:
    context = browser.new_context(base_url=site_url)
    page = context.new_page()
    outside: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: None if request.url.startswith(site_url) else outside.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert outside == [], f"the page requested other origins: {outside}"
    assert errors == [], f"script errors: {errors}"


def _columns(page: Page) -> list[str]:
    return page.locator(".cb-compare-table thead th").all_inner_texts()


def _row(page: Page, label: str) -> list[str]:
    row = page.locator(".cb-compare-table tbody tr").filter(has=page.locator("th", has_text=label)).first
    return row.locator("td").all_inner_texts()


def test_picking_three_cases_shows_them_in_columns_and_the_address_keeps_them(page: Page):
    page.goto("/en/compare/")
    expect(page.locator(".cb-compare-hint")).to_have_text("Tick at least two communities.")
    for case in ("gamma-community", "alpha-community", "beta-community"):
        page.locator(f'.cb-compare-list li[data-case="{case}"] input').check()
    expect(page.locator(".cb-compare-table")).to_be_visible()
    expected = ["Community", "Gamma Community", "Alpha Community", "Beta Community"]
    assert _columns(page) == expected
    assert page.url.endswith("/en/compare/?cases=gamma-community,alpha-community,beta-community")
    # Figures on the same basis in the same row, with qualifier, date and source marker; "not given", never 0.
    assert _row(page, "Households") == [
        "about 1,200 households (As of 2024-12-31) [1]",
        "2,732 households [1]",
        "not given",
    ]
    assert _row(page, "building entrances") == ["188 building entrances [1]", "96 building entrances [1]", "not given"]
    assert _row(page, "Party members") == ["not given", "over 90 people [1]", "not given"]
    assert _row(page, "Grid governance") == [
        "Weekly visits",
        "Grid worker home visits\nNeighbourhood mediation room",
        "No practice under this theme",
    ]
    # A fourth is the most: every other box is disabled, none is left.
    page.reload()
    expect(page.locator(".cb-compare-table")).to_be_visible()
    assert _columns(page) == expected
    assert page.locator(".cb-compare-list input:checked").count() == 3


def test_an_address_with_unknown_or_too_many_cases_shows_the_known_ones(page: Page):
    page.goto("/compare/?cases=beta-community,no-such-case,alpha-community")
    expect(page.locator(".cb-compare-table")).to_be_visible()
    assert _columns(page) == ["社区", "Beta Community（未译）", "甲社区"]
    assert _row(page, "户数") == ["来源未提供", "2732户 [1]"]


def test_the_comparison_prints_on_a4_landscape(page: Page):
    page.goto("/en/compare/?cases=alpha-community,beta-community")
    expect(page.locator(".cb-compare-table")).to_be_visible()
    pdf = page.pdf(prefer_css_page_size=True)
    # A4 landscape is 842 by 595 points: the page box of every PDF page says so.
    boxes = {tuple(round(float(n)) for n in box.split()) for box in re.findall(rb"/MediaBox \[([^\]]*)\]", pdf)}
    assert boxes == {(0, 0, 842, 595)}
    page.goto("/en/cases/alpha-community/")  # other pages keep the reader's paper
    boxes = {
        tuple(round(float(n)) for n in box.split())
        for box in re.findall(rb"/MediaBox \[([^\]]*)\]", page.pdf(prefer_css_page_size=True))
    }
    assert (0, 0, 842, 595) not in boxes


def test_without_javascript_the_page_lists_the_cases_and_says_what_it_needs(browser: Browser, site_url: str):
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/en/compare/?cases=alpha-community,beta-community")
        assert page.locator("noscript").inner_text() == (
            "Comparing cases needs JavaScript in your browser. Without it, open the cases in the list below one by one."
        )
        assert page.locator(".cb-compare-list a").all_inner_texts() == [
            "Alpha Community",
            "Beta Community",
            "Gamma Community",
        ]
        assert not page.locator(".cb-compare").is_visible()
    finally:
        context.close()
