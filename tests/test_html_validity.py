"""The built site's HTML is valid: the Nu HTML checker (vnu.jar, pinned by package-lock.json and
installed by `make install`; it runs on Java, which .ci/run installs from Debian) finds no error on
any page of the fixture build in either language, nor on any kind of page as Chromium shows it once
its scripts have run (the finder's results, a case page's contents list). A small parser keeps the
errors the checker reported before (issue 15) named one by one, with heading levels it does not check.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from sitebuild import ROOT, serving
from test_accessibility import LANGUAGE_ROOTS, PAGE_KINDS
from test_browser import wait_for_results

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


class PageChecker(HTMLParser):
    """Collects what one page gets wrong, each as a short sentence."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self.ids: list[str] = []
        self.label_targets: list[str] = []
        self.level = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if ident := attributes.get("id"):
            self.ids.append(ident)
        if "markdown" in attributes:
            self.problems.append(f"<{tag}> has a markdown attribute")
        if tag == "input" and attributes.get("type") == "checkbox" and "autocomplete" in attributes:
            self.problems.append(f"checkbox #{attributes.get('id')} has an autocomplete attribute")
        if tag == "label" and attributes.get("for"):
            self.label_targets.append(attributes["for"] or "")
        if tag in HEADINGS:
            level = HEADINGS[tag]
            if level > self.level + 1:
                self.problems.append(f"<{tag}> #{attributes.get('id')} follows h{self.level}")
            self.level = level

    def finish(self) -> list[str]:
        missing = sorted({target for target in self.label_targets if target not in self.ids})
        doubled = sorted({i for i in self.ids if self.ids.count(i) > 1})
        return (
            self.problems
            + [f'<label for="{target}"> names no element' for target in missing]
            + [f"id {i} is used more than once" for i in doubled]
        )


def check(html: str) -> list[str]:
    checker = PageChecker()
    checker.feed(html)
    checker.close()
    return checker.finish()


def test_every_page_of_the_built_site_is_free_of_the_known_errors(built_site: Path):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 30
    found = {str(page.relative_to(built_site)): check(page.read_text("utf-8")) for page in pages}
    assert {page: problems for page, problems in found.items() if problems} == {}


def test_the_checker_reports_each_kind_of_error():
    html = (
        '<h1>A</h1><h3 id="c">C</h3><div markdown="0"></div>'
        '<input type="checkbox" id="t" autocomplete="off"><label for="toc">T</label><p id="t"></p>'
    )
    assert check(html) == [
        "<h3> #c follows h1",
        "<div> has a markdown attribute",
        "checkbox #t has an autocomplete attribute",
        '<label for="toc"> names no element',
        "id t is used more than once",
    ]


def nu_errors(files: list[Path], root: Path) -> list[str]:
    """The Nu HTML checker's errors in the files, one line each: path (under root), line, message."""
    java = shutil.which("java")
    assert java, "java not found: .ci/run installs Debian's default-jre-headless"
    assert VNU.is_file(), f"{VNU} is missing: `make install` installs vnu-jar from package-lock.json"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stdout)["messages"]
    return [
        f"{Path(message['url'].removeprefix('file:')).relative_to(root)}:{message.get('lastLine')}: {message['message']}"
        for message in messages
    ]


def test_the_nu_checker_finds_no_error_on_any_page_of_the_built_site(built_site: Path):
    pages = sorted(built_site.rglob("*.html"))
    # Every kind of page is there, in both languages.
    for language_root in LANGUAGE_ROOTS:
        for kind in PAGE_KINDS:
            assert (built_site / language_root.strip("/") / kind / "index.html") in pages
    assert nu_errors(pages, built_site) == []


@pytest.fixture(scope="module")
def base_url(built_site: Path) -> Iterator[str]:
    with serving(built_site) as url:
        yield url


RENDERED = {"search/": "search/?q=%E7%BD%91%E6%A0%BC&f=regions:inner-mongolia"}  # with words and a filter


def test_the_nu_checker_finds_no_error_on_any_kind_of_page_as_chromium_shows_it(
    browser: Browser, base_url: str, tmp_path: Path
):
    page = browser.new_page(base_url=base_url)
    files = []
    for language_root in LANGUAGE_ROOTS:
        for kind in PAGE_KINDS:
            page.goto(language_root + RENDERED.get(kind, kind))
            page.wait_for_load_state("networkidle")
            if kind == "search/":
                wait_for_results(page)
            file = tmp_path / (language_root.strip("/") or "zh") / (kind or "home") / "index.html"
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(page.content(), "utf-8")
            files.append(file)
    page.close()
    assert nu_errors(files, tmp_path) == []


def test_the_nu_checker_reports_an_error(tmp_path: Path):
    page = tmp_path / "bad.html"
    page.write_text('<!doctype html><html lang="en"><title>x</title><label tabindex="">a</label></html>', "utf-8")
    assert nu_errors([page], tmp_path) == [
        "bad.html:1: Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer."
    ]
