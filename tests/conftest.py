"""Shared fixtures: the fixture data set, golden files, and one real site build."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright
from sitebuild import CHROMIUM, CHROMIUM_ARGS, build_site, make_project

TESTS = Path(__file__).parent
FIXTURE_DATA = TESTS / "fixtures" / "data"
GOLDEN = TESTS / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from the current output")


class Golden:
    """Compares text with a file under tests/golden/, or rewrites it when asked."""

    def __init__(self, update: bool):
        self.update = update

    def check(self, name: str, actual: str) -> None:
        path = GOLDEN / name
        if self.update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, "utf-8")
            return
        assert path.is_file(), f"golden file {name} is missing: run pytest --update-golden and review the diff"
        assert actual == path.read_text("utf-8"), f"output differs from golden file {name}"


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Golden:
    return Golden(request.config.getoption("--update-golden"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A writable copy of the fixture data set."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture data set built once by the real `mkdocs build --strict`, its
    search index in parts of three pages, as a large casebook's is (search.py)."""
    project = make_project(tmp_path_factory.mktemp("site"), FIXTURE_DATA)
    result = build_site(project, env={"CASEBOOK_SEARCH_PART_PAGES": "3"})
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, shared by every test that drives a page."""
    assert Path(CHROMIUM).is_file(), f"Chromium not found at {CHROMIUM}: .ci/run installs Debian's chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
