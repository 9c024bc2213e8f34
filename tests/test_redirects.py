"""Renamed records keep their links: redirect pages from every former id, in both languages."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURE_DATA

from casebook.catalog import build_catalog
from casebook.redirects import redirect_files


def test_redirect_pages_match_golden_files(golden):
    files = redirect_files(build_catalog(FIXTURE_DATA))
    assert sorted(files) == ["cases/jia-community/index.html", "en/cases/jia-community/index.html"]
    for path, content in files.items():
        golden.check(f"redirects/{path}", content.decode("utf-8"))


def test_the_built_site_has_a_page_at_each_former_address(built_site: Path):
    for prefix in ("", "en/"):
        page = (built_site / f"{prefix}cases/jia-community/index.html").read_text("utf-8")
        assert '<link rel="canonical" href="../alpha-community/">' in page
        assert '<meta http-equiv="refresh" content="0; url=../alpha-community/">' in page


def test_a_record_without_aliases_has_no_redirect_pages(data_dir: Path):
    record = data_dir / "cases" / "alpha-community.yaml"
    record.write_text(record.read_text("utf-8").replace("aliases: [jia-community]", "aliases: []"), "utf-8")
    assert redirect_files(build_catalog(data_dir)) == {}
