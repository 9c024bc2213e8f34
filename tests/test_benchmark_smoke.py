"""A tiny run of the benchmark, so that `make benchmark` cannot rot between real runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sitebuild import ROOT

from casebook.catalog import build_catalog
from casebook.synthetic import write_synthetic_data

TESTS = Path(__file__).parent


def test_synthetic_data_is_valid_and_deterministic(tmp_path: Path):
    write_synthetic_data(tmp_path / "a", ROOT / "data", 5, seed=7)
    write_synthetic_data(tmp_path / "b", ROOT / "data", 5, seed=7)
    names = sorted(p.name for p in (tmp_path / "a" / "cases").iterdir())
    assert names == [f"synthetic-0000{i}.yaml" for i in range(5)]
    for name in names:
        assert (tmp_path / "a" / "cases" / name).read_bytes() == (tmp_path / "b" / "cases" / name).read_bytes()
    catalog = build_catalog(tmp_path / "a")
    assert all(8 <= len(case.practices) <= 16 for case in catalog.cases)


def test_benchmark_runs_end_to_end_at_small_n(tmp_path: Path):
    page, data = tmp_path / "benchmark.md", tmp_path / "benchmark.json"
    command = [
        sys.executable,
        str(TESTS / "benchmark.py"),
        "--sizes",
        "3",
        "--serve-at",
        "3",
        "--tradeoffs-at",
        "3",
        "--json",
        str(data),
        "--page",
        str(page),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(data.read_text("utf-8"))
    (measured,) = report["results"]
    assert sorted(measured) == [
        "build",
        "build_low_memory",
        "build_without_hooks",
        "case_page_kb",
        "cases",
        "first_search_cases",
        "first_search_kb_gzip",
        "first_search_results",
        "hugo_build",
        "output_mb",
        "overhead_pct",
        "pipeline",
        "preview_update_s",
        "search_index",
        "search_quality",
        "serve_update_s",
        "toolchain_floor",
        "tradeoffs",
    ]
    assert list(measured["tradeoffs"]) == [
        "as-shipped",
        "collector-left-on",
        "relative-urls-not-cached",
        "template-files-checked",
    ]
    assert measured["cases"] == 3 and measured["build"]["wall_s"] > 0 and measured["serve_update_s"] > 0
    assert measured["preview_update_s"] > 0
    assert sorted(measured["build"]) == ["cpu_s", "peak_all_mb", "peak_mb", "wall_s"]
    assert measured["build"]["peak_all_mb"] >= measured["build"]["peak_mb"] / 2 > 0  # PSS: shared pages split
    # Every synthetic case has both words (other pages may have them too: the benchmark page names them).
    assert measured["first_search_cases"] == {"zh": 3, "en": 3}
    assert measured["first_search_results"]["zh"] >= 3 and measured["first_search_results"]["en"] >= 3
    # The finder finds every page that holds a query of the set made from the synthetic data.
    assert {lang: quality["recall_pct"] for lang, quality in measured["search_quality"].items()} == {
        "zh": 100.0,
        "en": 100.0,
    }
    assert page.read_text("utf-8").startswith("---\ntitle: 性能基准\n---\n\n# 性能基准 {#benchmark}\n")
    english = (tmp_path / "benchmark.en.md").read_text("utf-8")
    assert "| Cases 3 |" in english
    assert f"| the cycle collector left on while loading | {measured['tradeoffs']['collector-left-on']} s |" in english
    # The search engines' table (make search-engines) is kept, not dropped by a benchmark run.
    assert "\n| Pagefind | Index segmented by | Query | zh recall / precision |" in english
    hugo = measured["hugo_build"]
    assert (
        f"| Alternative generator: Hugo on the same Markdown (a plain layout, no theme; wall / peak memory) | {hugo['wall_s']} s / {hugo['peak_mb']:,} MB |"
        in english
    )


def test_published_benchmark_page_matches_its_data():
    sys.path.insert(0, str(TESTS))
    from benchmark_report import render

    report = json.loads((ROOT / "docs" / "assets" / "benchmark.json").read_text("utf-8"))
    engines = json.loads((ROOT / "docs" / "assets" / "search-engines.json").read_text("utf-8"))
    assert (ROOT / "docs" / "benchmark.md").read_text("utf-8") == render(report, "zh", engines)
    assert (ROOT / "docs" / "benchmark.en.md").read_text("utf-8") == render(report, "en", engines)
