"""What trainers do, in a real Chromium: print pages to PDF, read back page by
page, and copy citations by keyboard.

Each QR code is decoded from the rendered page (zxing-cpp) and must give the
exact address printed beside it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from conftest import FIXTURE_DATA
from playwright.sync_api import Browser, Page, expect
from sitebuild import build_site, make_project, serving

SITE_URL = "https://casebook.example.org/"
DPI = 300  # a printer's resolution: a 2.5 cm code is about 300 pixels wide
_URL = re.compile(r"https://casebook\.example\.org/\S*")


@dataclass(frozen=True)
class PrintedPage:
    lines: list[str]
    codes: list[str]  # what each QR code on the page decodes to

    @property
    def urls(self) -> list[str]:
        """Printed addresses; one wrapped after a slash or a # (printable_url) is joined again."""
        text = re.sub(r"(?<=[/#])\n(?=[a-z0-9#-][a-z0-9./#-]*$)", "", "\n".join(self.lines), flags=re.M)
        return _URL.findall(text)


@pytest.fixture(scope="module")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture data built with a site_url, as a published site is: printed addresses are absolute."""
    project = make_project(tmp_path_factory.mktemp("print"), FIXTURE_DATA)
    config = (project / "mkdocs.yml").read_text("utf-8")
    (project / "mkdocs.yml").write_text(
        config.replace("docs_dir: docs\n", f"site_url: {SITE_URL}\ndocs_dir: docs\n"), "utf-8"
    )
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture
def page(browser: Browser, published_site: Path) -> Iterator[Page]:
    with serving(published_site) as base_url:
        context = browser.new_context(base_url=base_url)
        yield context.new_page()
        context.close()


def printed(page: Page, path: str) -> list[PrintedPage]:
    page.goto(path)
    pdf = pdfium.PdfDocument(page.pdf(format="A4", prefer_css_page_size=True))
    pages = []
    for sheet in pdf:
        text = sheet.get_textpage().get_text_range()
        lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]
        image = sheet.render(scale=DPI / 72, grayscale=True).to_pil()
        pages.append(PrintedPage(lines, [code.text for code in zxingcpp.read_barcodes(image)]))
    return pages


def headings(page: Page) -> set[str]:
    return set(page.locator(".md-content h1, .md-content h2, .md-content h3").all_inner_texts())


def assert_no_stranded_heading(pages: list[PrintedPage], heading_texts: set[str]) -> None:
    for number, sheet in enumerate(pages, start=1):
        assert sheet.lines[-1] not in heading_texts, f"page {number} ends with the heading {sheet.lines[-1]!r}"
        assert not set(sheet.lines) <= heading_texts, f"page {number} holds only a heading"


@pytest.mark.parametrize(
    ("prefix", "collection_title", "first_item"),
    [("", "邻里工作坊", "甲社区"), ("en/", "Neighbourhood workshop", "Alpha Community")],
)
def test_handout_prints_a_cover_then_one_page_per_item(page: Page, prefix: str, collection_title: str, first_item: str):
    pages = printed(page, f"/{prefix}handouts/neighbourhood-workshop/")
    expected = [
        f"{SITE_URL}{prefix}collections/neighbourhood-workshop/",
        f"{SITE_URL}{prefix}cases/alpha-community/",
        f"{SITE_URL}{prefix}cases/beta-community/#spring-festival-fair",
    ]
    assert len(pages) == 3  # the cover, then the fixture collection's two items
    assert [sheet.urls for sheet in pages] == [[url] for url in expected]
    assert [sheet.codes for sheet in pages] == [[url] for url in expected]
    assert collection_title in pages[0].lines
    assert pages[1].lines[1] == first_item  # after the "item 1 of 2" line
    assert_no_stranded_heading(pages, headings(page))


@pytest.mark.parametrize(("prefix", "title"), [("", "甲社区"), ("en/", "Alpha Community")])
def test_case_page_prints_its_address_and_qr_code_without_navigation(page: Page, prefix: str, title: str):
    pages = printed(page, f"/{prefix}cases/alpha-community/")
    url = f"{SITE_URL}{prefix}cases/alpha-community/"
    assert pages[0].urls[0] == url and pages[0].codes == [url]
    assert pages[0].lines[2] == title  # under the site's name and the address
    assert all(sheet.codes == [] for sheet in pages[1:])
    assert_no_stranded_heading(pages, headings(page))
    page.emulate_media(media="print")
    assert page.locator("h1").evaluate("h => getComputedStyle(h).color") == "rgb(0, 0, 0)"
    chip = page.locator(".cb-theme").first
    assert chip.evaluate("c => [getComputedStyle(c).color, getComputedStyle(c).backgroundColor]") == [
        "rgb(0, 0, 0)",
        "rgba(0, 0, 0, 0)",
    ]
    for hidden in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer"):
        assert not page.locator(hidden).first.is_visible(), f"{hidden} is printed"


def test_without_site_url_pages_say_why_there_is_no_qr_code(built_site: Path):
    handout = (built_site / "en" / "handouts" / "neighbourhood-workshop" / "index.html").read_text("utf-8")
    assert handout.count("site&#95;url is not set, so there is no full address and no QR code.") == 3
    assert "cb-qr" not in handout
    assert (
        'href="/en/cases/beta-community/#spring-festival-fair"><span class="cb-nobr">/</span><wbr>'
        '<span class="cb-nobr">en/</span><wbr><span class="cb-nobr">cases/</span><wbr>'
        '<span class="cb-nobr">beta-community/</span><wbr><span class="cb-nobr">#</span><wbr>'
        '<span class="cb-nobr">spring-festival-fair</span></a>'
    ) in handout


def test_citation_copies_by_keyboard_with_todays_date(browser: Browser, published_site: Path):
    with serving(published_site) as base_url:
        context = browser.new_context(base_url=base_url)
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
        page = context.new_page()
        page.goto("/en/cases/alpha-community/")
        button = page.locator('button[data-cb-copy="cite-gbt7714"]')
        page.locator("#cite a.headerlink").focus()  # the heading's permalink, just before the citations
        page.keyboard.press("Tab")
        assert button.evaluate("b => b === document.activeElement"), "Tab does not reach the copy button"
        page.keyboard.press("Enter")
        expect(button).to_have_text("Copied")
        copied = page.evaluate("() => navigator.clipboard.readText()")
        context.close()
    today = dt.date.today().isoformat()
    assert copied == (
        f"COMMUNITY PRACTICE CASEBOOK. Alpha Community[EB/OL]. (2026-02-01)[{today}]. "
        "https://casebook.example.org/en/cases/alpha-community/."
    )


def test_citations_are_plain_text_without_javascript(browser: Browser, published_site: Path):
    with serving(published_site) as base_url:
        context = browser.new_context(base_url=base_url, java_script_enabled=False)
        page = context.new_page()
        page.goto("/cases/alpha-community/")
        assert page.locator("#cite-apa").inner_text() == (
            "社区实践案例库. (2026年2月1日). 甲社区. https://casebook.example.org/cases/alpha-community/"
        )
        # Two styles for the case and for each of its three practices: every copy button hidden.
        assert page.locator("button.cb-copy").evaluate_all("buttons => buttons.map(b => b.hidden)") == [True] * 8
        context.close()
