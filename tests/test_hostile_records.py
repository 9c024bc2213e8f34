"""Hostile text in every field of a record: built, shown as written, and inert."""

from __future__ import annotations

import html
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURE_DATA
from sitebuild import build_site, make_project

from casebook.scanner import committed_allowlist, scan_site
from casebook.search import fragments

HOSTILE = Path(__file__).parent / "fixtures" / "hostile" / "hostile-community.yaml"
RECORD = yaml.safe_load(HOSTILE.read_text("utf-8"))


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("hostile"), FIXTURE_DATA)
    shutil.copy(HOSTILE, project / "data" / "cases" / HOSTILE.name)
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


class _Text(HTMLParser):
    """The text a reader sees in elements matching a test, permalinks left out."""

    def __init__(self, wanted):
        super().__init__(convert_charrefs=True)
        self.wanted, self.depth, self.parts, self.skip = wanted, 0, [], 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self.depth:
            self.depth += 1
            if "headerlink" in (attributes.get("class") or ""):
                self.skip = self.depth
        elif self.wanted(tag, attributes):
            self.depth = 1
            self.parts.append("")

    def handle_endtag(self, tag):
        if self.depth:
            if self.skip == self.depth:
                self.skip = 0
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts[-1] += data


def texts(page: str, wanted) -> list[str]:
    parser = _Text(wanted)
    parser.feed(page)
    return [" ".join(part.split()) for part in parser.parts]


def page(site: Path, path: str) -> str:
    return (site / path).read_text("utf-8")


def test_hostile_site_has_no_scanner_findings(hostile_site: Path):
    assert scan_site(hostile_site, committed_allowlist()) == []


def test_names_and_titles_are_shown_exactly_as_written(hostile_site: Path):
    zh = page(hostile_site, "cases/hostile-community/index.html")
    en = page(hostile_site, "en/cases/hostile-community/index.html")
    assert texts(zh, lambda tag, a: tag == "h1") == [RECORD["name"]["zh"]]
    assert texts(en, lambda tag, a: tag == "h1") == [RECORD["name"]["en"]]
    assert texts(zh, lambda tag, a: tag == "title") == [RECORD["name"]["zh"] + " - 社区实践案例库"]
    assert texts(en, lambda tag, a: a.get("id") == "hostile-practice") == [RECORD["practices"][0]["title"]["en"]]
    honours = texts(zh, lambda tag, a: tag == "h2" and a.get("id") == "honours")
    assert honours == ["荣誉"]
    # The honour's title, a link in HTML, is a list item's text.
    items = texts(zh, lambda tag, a: tag == "li")
    assert RECORD["honours"][0]["title"]["zh"] in items


def test_meta_description_holds_the_summary_as_text(hostile_site: Path):
    en = page(hostile_site, "en/cases/hostile-community/index.html")
    [content] = re.findall(r'<meta name="description" content="([^"]*)"', en)
    assert html.unescape(html.unescape(content)) == " ".join(RECORD["summary"]["en"].split())


def test_prose_keeps_safe_markdown_and_shows_the_rest_as_text(hostile_site: Path):
    en = page(hostile_site, "en/cases/hostile-community/index.html")
    assert "<em>emphasis</em>" in en
    assert '<a href="https://example.org/ok" rel="nofollow noopener noreferrer">good link</a>' in en
    assert '<a rel="nofollow noopener noreferrer">bad</a>' in en
    assert "--8&lt;-- &quot;/etc/passwd&quot;" in en or '--8&lt;-- "/etc/passwd"' in en
    assert "root:" not in en  # no file was included


def test_search_index_titles_are_the_text_as_written(hostile_site: Path):
    titles = [fragment["meta"]["title"] for _, fragment in fragments(hostile_site)]
    # Pagefind keeps the title as plain text; its UI shows it as text (tests/test_browser.py).
    assert "<img src=x onerror=alert('name')> Community" in titles
