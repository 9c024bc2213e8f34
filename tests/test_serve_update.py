"""`make serve` after its first build (mkdocs serve --dirty, casebook/incremental.py): a changed
record, vocabulary or hand-written page shows on the served pages, with nothing that shows the
old text left behind: the related cases, the listings, the home page's counts, the navigation."""

from __future__ import annotations

import time
import urllib.request
from pathlib import Path

from sitebuild import ROOT, make_project, mkdocs_serve, wait_for_page

FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
LIMIT = 120  # seconds; a served change of the fixture data shows in a few


def _page(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        text: str = response.read().decode("utf-8")
        return text


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), "utf-8")


def test_changes_show_on_every_page_that_shows_them(tmp_path: Path):
    project = make_project(tmp_path, FIXTURE_DATA)
    data, docs = project / "data", project / "docs"
    process, base = mkdocs_serve(project, "/en/cases/beta-community/", "Beta Community")
    try:
        assert "Beta Town" not in _page(f"{base}/en/")
        time.sleep(2)  # the watcher's first scan

        # A record: its page, the page of the case that lists it as related, the case index, the home page.
        _edit(data / "cases" / "beta-community.yaml", "name: {en: Beta Community}", "name: {en: Beta Town}")
        assert wait_for_page(f"{base}/en/cases/beta-community/", lambda page: "Beta Town" in page, LIMIT)
        for address in ("/en/cases/alpha-community/", "/en/cases/", "/en/"):
            assert "Beta Town" in _page(base + address), address
        # The rebuilt page's navigation has its titles, though the pages it lists were not rebuilt.
        assert all(title in _page(f"{base}/en/cases/beta-community/") for title in ("Glossary", "About and method"))

        # A vocabulary label: the case pages with the theme.
        _edit(data / "vocab" / "themes.yaml", "en: Festivals and culture}", "en: Fairs and arts}")
        assert wait_for_page(f"{base}/en/cases/beta-community/", lambda page: "Fairs and arts" in page, LIMIT)
        assert "Fairs and arts" in _page(f"{base}/en/cases/alpha-community/")

        # A hand-written page.
        _edit(
            docs / "about.en.md", "# About and method {#about}", "# About and method {#about}\n\nEdited while served."
        )
        assert wait_for_page(f"{base}/en/about/", lambda page: "Edited while served." in page, LIMIT)
    finally:
        process.terminate()
        process.wait(timeout=30)
