"""`make serve` after its first build (mkdocs serve --dirty, casebook/incremental.py): a changed
record, vocabulary or hand-written page shows on the served pages, with nothing that shows the
old text left behind: the related cases, the listings, the home page's counts, the navigation."""

from __future__ import annotations

import time
import urllib.request
from pathlib import Path

from sitebuild import ROOT, make_project, mkdocs_serve, wait_for_page

from casebook_mkdocs.watch import watch_sources

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


def _builds(log: Path) -> int:
    """The builds MkDocs started after its first, from its messages."""
    return log.read_text("utf-8").count("Detected file changes")


def test_changes_show_on_every_page_that_shows_them(tmp_path: Path):
    project = make_project(tmp_path, FIXTURE_DATA)
    data, docs, log = project / "data", project / "docs", tmp_path / "serve.log"
    process, base = mkdocs_serve(project, "/en/cases/beta-community/", "Beta Community", log=log)
    try:
        assert "Beta Town" not in _page(f"{base}/en/")
        time.sleep(2)  # the watcher's first scan

        # A record: its page, the page of the case that lists it as related, the case index, the home page.
        _edit(data / "cases" / "beta-community.yaml", "name: {en: Beta Community}", "name: {en: Beta Town}")
        assert wait_for_page(f"{base}/en/cases/beta-community/", lambda page: "Beta Town" in page, LIMIT)
        # The pages the rebuild wrote into docs/ set off no second build (casebook_mkdocs/watch.py).
        time.sleep(3)  # several of the watcher's scans
        assert _builds(log) == 1
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
        time.sleep(3)
        assert _builds(log) == 3  # one a change
    finally:
        process.terminate()
        process.wait(timeout=30)


class _Server:
    """What watch_sources calls of MkDocs' LiveReloadServer, written down."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, bool]] = []

    def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
        self.calls.append(("watch", path, recursive))

    def unwatch(self, path: str) -> None:
        self.calls.append(("unwatch", path, True))


def test_serve_watches_docs_but_not_its_generated_folders(tmp_path: Path):
    docs = tmp_path / "docs"
    for folder in ("assets", "cases", "themes", "zz-hand-written"):
        (docs / folder).mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n", "utf-8")
    server = _Server()
    assert watch_sources(server, docs) == ["assets", "zz-hand-written"]
    assert server.calls == [
        ("unwatch", str(docs), True),
        ("watch", str(docs), False),
        ("watch", str(docs / "assets"), True),
        ("watch", str(docs / "zz-hand-written"), True),
    ]
