"""Publishing is atomic: a failed build or scan leaves the published site byte for byte as it was."""

from __future__ import annotations

import fcntl
import hashlib
from pathlib import Path

import pytest

from casebook.publish import PublishError, publish
from casebook.scanner import Allowlist, committed_allowlist
from conftest import FIXTURE_DATA
from sitebuild import make_project


def snapshot(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("publish"), FIXTURE_DATA)
    publish(project)
    return project


def test_publish_builds_scans_and_replaces_the_site(published: Path):
    site = published / "site"
    assert (site / "cases" / "alpha-community" / "index.html").is_file()
    assert (site / "en" / "cases" / "alpha-community" / "index.html").is_file()
    assert [p.name for p in published.iterdir() if p.name.startswith(".site-")] == []


def test_failed_build_leaves_the_published_site_untouched(published: Path):
    before = snapshot(published / "site")
    record = published / "data" / "cases" / "alpha-community.yaml"
    good = record.read_text("utf-8")
    record.write_text(good.replace("themes: [grid-governance]", "themes: [grid-govern]"), "utf-8")
    try:
        with pytest.raises(PublishError, match="mkdocs build failed; the published site was not changed"):
            publish(published)
    finally:
        record.write_text(good, "utf-8")
    assert snapshot(published / "site") == before
    assert [p.name for p in published.iterdir() if p.name.startswith(".site-")] == []


def test_failed_scan_leaves_the_published_site_untouched(published: Path):
    before = snapshot(published / "site")
    strict = Allowlist(**{**committed_allowlist().__dict__, "content_elements": set()})
    with pytest.raises(PublishError, match="the built site failed the scan"):
        publish(published, allow=strict)
    assert snapshot(published / "site") == before


def test_a_second_build_at_once_is_refused(published: Path):
    with (published / ".site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(PublishError, match="another build is running in this folder"):
            publish(published)
