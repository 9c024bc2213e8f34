"""Each record's change log from git: read from a real repository, and absent without one."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

from conftest import FIXTURE_DATA
from sitebuild import build_site, make_project

from casebook.history import Change, parse_log, read_history


def git(folder: Path, *args: str, date: str = "2026-03-01T12:00:00+00:00") -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_AUTHOR_NAME": "T",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "T",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, env=env)


def committed_project(tmp_path: Path) -> Path:
    """The fixture project in a git repository with two commits touching alpha-community."""
    project = make_project(tmp_path, FIXTURE_DATA)
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "Add the fixture cases", date="2026-03-01T12:00:00+00:00")
    record = project / "data" / "cases" / "alpha-community.yaml"
    record.write_text(record.read_text("utf-8").replace("updated: 2026-02-01", "updated: 2026-04-02"), "utf-8")
    git(project, "commit", "-qam", "Alpha Community: correct the  household\tcount", date="2026-04-02T09:30:00+00:00")
    return project


def test_changes_come_newest_first_per_record(tmp_path: Path):
    project = committed_project(tmp_path)
    history = read_history(project / "data")
    assert history is not None
    assert history["cases/alpha-community.yaml"] == (
        Change(dt.date(2026, 4, 2), "Alpha Community: correct the household count"),
        Change(dt.date(2026, 3, 1), "Add the fixture cases"),
    )
    assert history["cases/beta-community.yaml"] == (Change(dt.date(2026, 3, 1), "Add the fixture cases"),)


def test_no_repository_means_no_history(tmp_path: Path):
    assert read_history(make_project(tmp_path, FIXTURE_DATA) / "data") is None


def test_a_shallow_clone_means_no_history(tmp_path: Path):
    (tmp_path / "full").mkdir()
    project = committed_project(tmp_path / "full")
    clone = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{project}", str(clone)], check=True, capture_output=True
    )
    assert read_history(clone / "data") is None


def test_log_paths_are_taken_relative_to_the_data_folder():
    output = "\x1e2026-05-06\x1fFirst line\n\nsite/data/cases/a.yaml\nsite/data/README.md\nother/x.yaml\n"
    assert parse_log(output, "site/data/") == {"cases/a.yaml": (Change(dt.date(2026, 5, 6), "First line"),)}


def test_case_page_shows_its_changes_and_the_updated_date_from_history(tmp_path: Path):
    project = committed_project(tmp_path)
    assert build_site(project).returncode == 0
    page = (project / "site" / "en" / "cases" / "alpha-community" / "index.html").read_text("utf-8")
    assert (
        '<ul class="cb-changes" data-pagefind-ignore>\n'
        '<li><span class="cb-change-date">2026-04-02</span> Alpha Community: correct the household count</li>\n'
        '<li><span class="cb-change-date">2026-03-01</span> Add the fixture cases</li>\n'
        "</ul>"
    ) in page
    assert "Added: 2026-01-10 · Updated: 2026-04-02" in page
    assert "(2026, April 2)" in page  # the APA citation's date


def test_a_build_without_history_succeeds_and_says_so(built_site: Path):
    zh = (built_site / "cases" / "alpha-community" / "index.html").read_text("utf-8")
    en = (built_site / "en" / "cases" / "alpha-community" / "index.html").read_text("utf-8")
    assert '<p class="cb-dates">本次构建没有版本历史（源文件不在 git 仓库中），因此无法列出修订记录。</p>' in zh
    assert (
        '<p class="cb-dates">This build has no version history (its sources are not in a git repository), '
        "so the changes cannot be listed.</p>"
    ) in en
