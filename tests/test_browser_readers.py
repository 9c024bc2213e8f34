"""Reader aids in a real headless Chromium: redirects from former ids."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from test_browser import base_url, browser, page  # noqa: F401  (the same served site and browser)


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
