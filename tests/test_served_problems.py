"""While serving, a broken record shows its problems on every page, in both
languages, the other pages keep their last good build, no request waits, and
the panel goes once the record is fixed (casebook/served_problems.py)."""

from __future__ import annotations

import time
from pathlib import Path

from playwright.sync_api import Browser, expect
from sitebuild import ROOT, make_project, mkdocs_serve

from casebook.catalog import build_catalog
from casebook.problems import DataError, Problem, msg, report
from casebook.served_problems import problems_panel

FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"


def test_the_panel_shows_every_problem_in_both_languages_as_text():
    problems = (Problem("data/cases/<b>x</b>.yaml", 3, 5, "name.zh", msg("file.too_large", kb=256)),)
    assert problems_panel(problems).splitlines() == [
        '<div class="admonition failure cb-served-problems" role="alert">',
        '<p class="admonition-title">案例数据有问题，下面列出每一处；修改后本页自动刷新，在此之前显示的是上一次成功的构建。'
        " The case data has problems, listed below; this page reloads once they are fixed, and shows the last good build until then.</p>",
        '<pre lang="zh"><code>data/cases/&lt;b&gt;x&lt;/b&gt;.yaml:3:5: name.zh: 文件超过 256 KB',
        "发现 1 个问题；未生成任何页面。</code></pre>",
        '<pre lang="en"><code>data/cases/&lt;b&gt;x&lt;/b&gt;.yaml:3:5: name.zh: file is larger than 256 KB',
        "1 problem found; nothing was generated.</code></pre>",
        "</div>",
    ]
    assert problems_panel(()) == ""


def _problems_of(data: Path) -> tuple[Problem, ...]:
    try:
        build_catalog(data)
    except DataError as error:
        return error.problems
    raise AssertionError("the broken data loaded")


def test_a_broken_record_is_shown_on_the_served_pages_until_fixed(browser: Browser, tmp_path: Path):
    project = make_project(tmp_path, FIXTURE_DATA)
    record = project / "data" / "cases" / "alpha-community.yaml"
    good = record.read_text("utf-8")
    process, base = mkdocs_serve(project, "/cases/alpha-community/", "alpha-community")
    try:
        page = browser.new_page()
        page.goto(f"{base}/en/cases/alpha-community/")
        panel = page.locator(".cb-served-problems")
        expect(panel).to_have_count(0)
        time.sleep(2)  # the watcher's first scan
        record.write_text(good.replace("id: alpha-community\n", "id: alpha-community\nmotto: none\n", 1), "utf-8")
        # Live reload brings the page back with the problems, in both languages.
        expect(panel).to_have_count(1, timeout=120_000)
        problems = _problems_of(project / "data")
        shown = {lang: panel.locator(f'pre[lang="{lang}"] code').text_content() for lang in ("zh", "en")}
        assert shown == {lang: report(problems, lang) for lang in ("zh", "en")}
        assert shown["zh"] == "data/cases/alpha-community.yaml:3:1: motto: 未知字段\n发现 1 个问题；未生成任何页面。"
        # Every other page answers at once, with its last good text and the same panel.
        other = browser.new_page()
        other.goto(f"{base}/cases/beta-community/", timeout=10_000)
        expect(other.locator("h1")).to_contain_text("Beta Community")
        expect(other.locator(".cb-served-problems")).to_have_count(1)
        record.write_text(good, "utf-8")
        expect(panel).to_have_count(0, timeout=120_000)
    finally:
        record.write_text(good, "utf-8")
        process.terminate()
        process.wait(timeout=30)
