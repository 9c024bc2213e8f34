"""The compare page's data files: one per case and language, plain text, "not given" as null."""

from __future__ import annotations

import json

from conftest import FIXTURE_DATA

from casebook.catalog import build_catalog
from casebook.compare import compare_files


def test_compare_data_matches_golden_files(golden):
    files = compare_files(build_catalog(FIXTURE_DATA))
    assert sorted(files) == [
        "compare/alpha-community.json",
        "compare/beta-community.json",
        "en/compare/alpha-community.json",
        "en/compare/beta-community.json",
    ]
    for path, content in files.items():
        golden.check(f"compare/{path}", json.dumps(json.loads(content), ensure_ascii=False, indent=1) + "\n")


def test_figures_keep_qualifier_and_source_and_missing_ones_are_null():
    files = compare_files(build_catalog(FIXTURE_DATA))
    alpha = json.loads(files["en/compare/alpha-community.json"])
    assert alpha["figures"]["residents"] == {
        "value": "over 16,000 people",
        "when": "",
        "source": "[1]",
        "source_title": "Example Daily. Neighbourhood stories from Alpha Community",
        "source_url": "../cases/alpha-community/#source-report",
    }
    assert alpha["figures"]["grids"] is None
    beta = json.loads(files["compare/beta-community.json"])
    assert beta["name"] == "Beta Community（未译）" and beta["figures"]["households"] is None
