"""Publishing is atomic: a failed build or scan leaves the published site byte for byte as it was."""

from __future__ import annotations

import fcntl
import hashlib
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURE_DATA
from sitebuild import make_project

from casebook.publish import PublishError, publish
from casebook.scanner import Allowlist, committed_allowlist


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


def test_folders_left_by_killed_builds_are_removed_by_the_next_one(published: Path):
    for leftover in (".site-build-killed", ".site-old-4242"):
        (published / leftover / "cases").mkdir(parents=True)
        (published / leftover / "cases" / "index.html").write_text("half written", "utf-8")
    publish(published)
    assert sorted(p.name for p in published.iterdir() if p.name.startswith(".site-")) == []


def test_a_terminated_build_removes_its_folder_and_leaves_the_site(published: Path):
    before = snapshot(published / "site")
    command = [sys.executable, "-m", "casebook", "--root", str(published), "publish"]
    build = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list(published.glob(".site-build-*/cases")) and time.monotonic() < deadline:
        time.sleep(0.05)  # until MkDocs has started writing pages
    build.send_signal(signal.SIGTERM)
    assert build.wait(timeout=60) != 0
    assert sorted(p.name for p in published.iterdir() if p.name.startswith(".site-")) == []
    assert snapshot(published / "site") == before
