"""The pipeline runs once per set of inputs, and writes only what changed."""

from __future__ import annotations

from pathlib import Path

from casebook.pipeline import generate


def test_second_language_pass_reuses_the_first(data_dir: Path, tmp_path: Path):
    docs = tmp_path / "docs"
    first = generate(data_dir, docs)
    page = docs / "cases" / "alpha-community.md"
    stamp = page.stat().st_mtime_ns
    second = generate(data_dir, docs)
    assert second is first
    assert (first.written, first.deleted) == (34, 0)
    assert page.stat().st_mtime_ns == stamp


def test_changed_data_regenerates_only_changed_pages(data_dir: Path, tmp_path: Path):
    docs = tmp_path / "docs"
    generate(data_dir, docs)
    record = data_dir / "cases" / "beta-community.yaml"
    record.write_text(record.read_text("utf-8").replace("updated: 2026-03-05", "updated: 2026-03-06"), "utf-8")
    result = generate(data_dir, docs)
    assert (result.written, result.deleted) == (2, 0)  # the case page in each language
